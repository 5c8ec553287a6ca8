package provider

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestAccProvider_userAgent checks a built provider names its version, and
// the CLI's, in the User-Agent of every request.
func TestAccProvider_userAgent(t *testing.T) {
	emu := emulator.New(emulator.Options{APIKey: testAccAPIKey})
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
	w.write("main.tf", `terraform {
  required_providers {
    arize = { source = "arize-ai/arize" }
  }
}

provider "arize" {
  endpoint = "`+srv.URL+`"
}

resource "arize_ai_integration" "ua" {
  name        = "tf-acc-user-agent"
  ai_provider = "openAI"
}
`)
	w.run(nil, "apply", "-no-color", "-auto-approve")
	w.run(nil, "destroy", "-no-color", "-auto-approve")

	want := "terraform-provider-arize/" + cliProviderVersion + " (+https://www.terraform.io) Terraform/" + w.cliVersion()
	mu.Lock()
	defer mu.Unlock()
	if len(agents) != 1 || agents[want] == 0 {
		t.Errorf("User-Agents %v, want only %q", agents, want)
	}
}
