package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestAccProvider_userAgent checks a built provider names its version, and
// the CLI's, in the User-Agent of every request.
func TestAccProvider_userAgent(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	var mu sync.Mutex
	agents := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents[r.UserAgent()]++
		mu.Unlock()
		emu.ServeHTTP(w, r)
	}))
	defer srv.Close()

	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), `
resource "arize_ai_integration" "ua" {
  name        = "tf-acc-user-agent"
  ai_provider = "openAI"
}
`))
	w.run(nil, "apply", "-no-color", "-auto-approve")
	w.run(nil, "destroy", "-no-color", "-auto-approve")

	// OpenTofu tells providers the Terraform version it is compatible with,
	// not its own: check that one only on Terraform.
	agent := regexp.MustCompile(`^terraform-provider-arize/` + regexp.QuoteMeta(cliProviderVersion) +
		` \(\+https://www\.terraform\.io\) Terraform/(\d+\.\d+\.\d+\S*)$`)
	openTofu := strings.HasPrefix(w.run(nil, "version"), "OpenTofu")
	mu.Lock()
	defer mu.Unlock()
	if len(agents) != 1 {
		t.Fatalf("User-Agents %v, want one", agents)
	}
	for ua := range agents {
		m := agent.FindStringSubmatch(ua)
		switch {
		case m == nil:
			t.Errorf("User-Agent %q is not terraform-provider-arize/%s (+https://www.terraform.io) Terraform/<version>", ua, cliProviderVersion)
		case !openTofu && m[1] != w.cliVersion():
			t.Errorf("User-Agent %q names Terraform %s, not the CLI's %s", ua, m[1], w.cliVersion())
		}
	}
}
