package provider

import (
	"fmt"
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestConfigure sends ConfigureProvider in the test process: each setting
// from the provider block or its environment variable, and each error on the
// setting that is wrong. The endpoint's validator would refuse a bad one in
// the block first; Configure refuses one from the environment, which no
// validator sees.
func TestConfigure(t *testing.T) {
	ok := ""
	cases := []struct {
		name    string
		env     map[string]string
		config  tfObject
		at      *tftypes.AttributePath
		summary string // ok: no error
		detail  string
	}{
		{"key in the block", nil, tfObject{"api_key": "k"}, nil, ok, ""},
		{"key from the environment", map[string]string{EnvAPIKey: "k"}, tfObject{}, nil, ok, ""},
		{"every setting", nil, tfObject{"api_key": "k", "endpoint": "https://api.eu-west-1a.arize.com", "max_retries": 0, "request_timeout": "2m"}, nil, ok, ""},
		{"every setting from the environment", map[string]string{EnvAPIKey: "k", EnvEndpoint: "http://127.0.0.1:8080",
			EnvMaxRetries: "3", EnvRequestTimeout: "5s"}, tfObject{}, nil, ok, ""},
		{"the block wins over a bad environment", map[string]string{EnvMaxRetries: "many", EnvRequestTimeout: "soon"},
			tfObject{"api_key": "k", "max_retries": 3, "request_timeout": "5s"}, nil, ok, ""},

		{"no key", nil, tfObject{}, attrPath("api_key"), "Missing Arize API key", "Set api_key in the provider block, or the " + EnvAPIKey},
		{"an empty key", nil, tfObject{"api_key": ""}, attrPath("api_key"), "Missing Arize API key", EnvAPIKey},
		{"a setting known only at apply", nil, tfObject{"api_key": "k", "endpoint": unknown}, nil,
			"Provider configuration not yet known", "cannot depend on values computed during apply"},
		{"endpoint not a URL", nil, tfObject{"api_key": "k", "endpoint": "api.arize.com"}, attrPath("endpoint"),
			"Invalid Arize endpoint", `endpoint "api.arize.com" must be an absolute https:// URL`},
		{"plain http off loopback from the environment", map[string]string{EnvEndpoint: "http://api.example.com"}, tfObject{"api_key": "k"},
			attrPath("endpoint"), "Invalid Arize endpoint", "plain http on a host that is not loopback"},
		{"max_retries from the environment not a number", map[string]string{EnvMaxRetries: "many"}, tfObject{"api_key": "k"},
			attrPath("max_retries"), "Invalid " + EnvMaxRetries, `a whole number from 0 to 20, not "many"`},
		{"max_retries from the environment too high", map[string]string{EnvMaxRetries: "21"}, tfObject{"api_key": "k"},
			attrPath("max_retries"), "Invalid " + EnvMaxRetries, `not "21"`},
		{"max_retries from the environment negative", map[string]string{EnvMaxRetries: "-1"}, tfObject{"api_key": "k"},
			attrPath("max_retries"), "Invalid " + EnvMaxRetries, `not "-1"`},
		{"request_timeout from the environment not a duration", map[string]string{EnvRequestTimeout: "soon"}, tfObject{"api_key": "k"},
			attrPath("request_timeout"), "Invalid " + EnvRequestTimeout, `"soon" is not a positive duration`},
		{"request_timeout from the environment zero", map[string]string{EnvRequestTimeout: "0s"}, tfObject{"api_key": "k"},
			attrPath("request_timeout"), "Invalid " + EnvRequestTimeout, `"0s" is not a positive duration`},
		{"request_timeout in the block not a duration", nil, tfObject{"api_key": "k", "request_timeout": "soon"},
			attrPath("request_timeout"), "Invalid request_timeout", `"soon" is not a positive duration`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, name := range []string{EnvAPIKey, EnvEndpoint, EnvMaxRetries, EnvRequestTimeout} {
				t.Setenv(name, c.env[name])
			}
			diags := newProtoProvider(t).configure(c.config)
			if c.summary == ok {
				expectNoErrors(t, diags)
				return
			}
			expectError(t, diags, c.at, c.summary, c.detail)
		})
	}
}

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
			Config: env.configWith("max_retries = 0\n  request_timeout = \"200ms\"", resourceBlock),
			// Go's HTTP client words its timeout either way, by where the
			// try was when it fired.
			ExpectError: regexp.MustCompile(`Client\.Timeout exceeded|context deadline exceeded`),
		})
		if emu.Len() != 0 {
			t.Errorf("a timed-out create left %d integrations", emu.Len())
		}
	})
}

func TestUserAgent(t *testing.T) {
	got := userAgent("1.2.3", "1.16.4")
	want := "terraform-provider-arize/1.2.3 (+https://www.terraform.io) Terraform/1.16.4"
	if got != want {
		t.Errorf("userAgent = %q, want %q", got, want)
	}
}

func TestAccProvider_configErrors(t *testing.T) {
	resourceBlock := `
resource "arize_ai_integration" "test" {
  name        = "x"
  ai_provider = "openAI"
}
`
	cases := []struct {
		name, provider, expect string
		needsNoEnvKey          bool
	}{
		{"plain http off loopback", `endpoint = "http://api.example.com"
  api_key = "k"`, `Invalid Arize endpoint[\s\S]*plain http on a host that is not loopback`, false},
		{"endpoint not a URL", `endpoint = "api.arize.com"
  api_key = "k"`, `Invalid Arize endpoint[\s\S]*must be an absolute https:// URL`, false},
		{"max_retries negative", `api_key = "k"
  max_retries = -1`, `Attribute max_retries value must be between 0 and 20, got: -1`, false},
		{"max_retries too many", `api_key = "k"
  max_retries = 21`, `Attribute max_retries value must be between 0 and 20, got: 21`, false},
		{"request_timeout not a duration", `api_key = "k"
  request_timeout = "soon"`, `Invalid duration[\s\S]*"soon" is not a positive duration`, false},
		{"request_timeout zero", `api_key = "k"
  request_timeout = "0s"`, `Invalid duration[\s\S]*"0s" is not a positive duration`, false},
		{"no api key", `endpoint = "https://api.arize.com"`, `Missing Arize API key[\s\S]*api_key in the provider block, or the\s+ARIZE_API_KEY environment variable`, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.needsNoEnvKey && os.Getenv(EnvAPIKey) != "" {
				t.Skipf("%s is set in the environment, which the provider rightly uses", EnvAPIKey)
			}
			accTest(t, resource.TestStep{
				Config:      fmt.Sprintf("provider \"arize\" {\n  %s\n}\n%s", tc.provider, resourceBlock),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(tc.expect),
			})
		})
	}
}
