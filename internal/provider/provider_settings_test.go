package provider

import (
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestRetrySettings(t *testing.T) {
	tests := []struct {
		name           string
		retries        types.Int64
		timeout        types.String
		envRetries     string
		envTimeout     string
		wantRetries    int
		wantTimeout    time.Duration
		wantErrSummary string
	}{
		{name: "defaults", retries: types.Int64Null(), timeout: types.StringNull(),
			wantRetries: arize.DefaultMaxRetries, wantTimeout: arize.DefaultRequestTimeout},
		{name: "config wins over env", retries: types.Int64Value(7), timeout: types.StringValue("2m"), envRetries: "3", envTimeout: "5s",
			wantRetries: 7, wantTimeout: 2 * time.Minute},
		{name: "env", retries: types.Int64Null(), timeout: types.StringNull(), envRetries: "3", envTimeout: "5s",
			wantRetries: 3, wantTimeout: 5 * time.Second},
		{name: "zero retries means none", retries: types.Int64Value(0), timeout: types.StringNull(),
			wantRetries: -1, wantTimeout: arize.DefaultRequestTimeout},
		{name: "bad env retries", retries: types.Int64Null(), timeout: types.StringNull(), envRetries: "many", wantErrSummary: "Invalid ARIZE_MAX_RETRIES"},
		{name: "env retries too high", retries: types.Int64Null(), timeout: types.StringNull(), envRetries: "99", wantErrSummary: "Invalid ARIZE_MAX_RETRIES"},
		{name: "bad env timeout", retries: types.Int64Null(), timeout: types.StringNull(), envTimeout: "soon", wantErrSummary: "Invalid ARIZE_REQUEST_TIMEOUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(EnvMaxRetries, tt.envRetries)
			t.Setenv(EnvRequestTimeout, tt.envTimeout)
			var diags diag.Diagnostics
			retries, timeout := retrySettings(providerModel{MaxRetries: tt.retries, RequestTimeout: tt.timeout}, &diags)
			if tt.wantErrSummary != "" {
				if !diags.HasError() || diags[0].Summary() != tt.wantErrSummary {
					t.Fatalf("diagnostics = %v, want %q", diags, tt.wantErrSummary)
				}
				return
			}
			if diags.HasError() || retries != tt.wantRetries || timeout != tt.wantTimeout {
				t.Errorf("retrySettings = %d, %s, %v; want %d, %s", retries, timeout, diags, tt.wantRetries, tt.wantTimeout)
			}
		})
	}
}

// TestAccProvider_retrySettings shows max_retries and request_timeout reach
// the client: the same faults fail or pass depending on them.
func TestAccProvider_retrySettings(t *testing.T) {
	resourceBlock := `
resource "arize_ai_integration" "test" {
  name        = "tf-acc-retries"
  ai_provider = "openAI"
}
`
	t.Run("max_retries = 0 gives up at the first 503", func(t *testing.T) {
		env := newAccEnv(t)
		emu := env.emulator(t)
		emu.FailNext(1, 503)
		accTest(t, resource.TestStep{
			Config:      env.configWith("max_retries = 0", resourceBlock),
			ExpectError: wrappedRegexp(`503 Service Unavailable`),
		})
		if n := emu.Count("POST", emulator.RouteCollection) - spellingProbes(emu, "POST", emulator.RouteCollection); n != 1 || emu.Len() != 0 {
			t.Errorf("%d POSTs and %d integrations, want 1 and 0", n, emu.Len())
		}
	})
	t.Run("max_retries = 2 rides out two 429s", func(t *testing.T) {
		env := newAccEnv(t)
		emu := env.emulator(t)
		emu.FailNext(2, 429)
		accTest(t, resource.TestStep{Config: env.configWith("max_retries = 2", resourceBlock)})
		if n := emu.Count("POST", emulator.RouteCollection) - spellingProbes(emu, "POST", emulator.RouteCollection); n != 3 || emu.Len() != 0 {
			// The test's destroy has run: nothing is left, and exactly three POSTs were sent.
			t.Errorf("%d POSTs and %d integrations after destroy, want 3 and 0", n, emu.Len())
		}
	})
	t.Run("request_timeout bounds a slow answer", func(t *testing.T) {
		env := newAccEnv(t)
		emu := env.emulator(t)
		emu.SetFaults(emulator.Faults{Latency: 2 * time.Second})
		accTest(t, resource.TestStep{
			Config:      env.configWith("max_retries = 0\n  request_timeout = \"200ms\"", resourceBlock),
			ExpectError: regexp.MustCompile(`Client.Timeout exceeded`),
		})
		if emu.Len() != 0 {
			t.Errorf("a timed-out create left %d integrations", emu.Len())
		}
	})
}
