package provider

import (
	"fmt"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestAccAIIntegration_adoptWithQuery walks the guide "Adopting existing
// integrations": integrations made outside Terraform are found by
// terraform query, written out by -generate-config-out, imported by apply,
// and the next plan is empty.
func TestAccAIIntegration_adoptWithQuery(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey, Spaces: testAccSpaces})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	existing := []emulator.Integration{
		{Name: "UI OpenAI", Provider: "openAI", APIKey: "sk-made-in-the-ui", ModelNames: []string{"gpt-4o", "o1"}, FunctionCallingEnabled: true},
		{Name: "UI Bedrock", Provider: "awsBedrock", EnableDefaultModels: true, FunctionCallingEnabled: true,
			ProviderMetadata: &emulator.ProviderMetadata{Kind: "AWS", RoleARN: testRoleARN}},
		{Name: "UI Vertex", Provider: "vertexAI", ModelNames: []string{"gemini-1.5-pro"},
			ProviderMetadata: &emulator.ProviderMetadata{Kind: "GCP", ProjectID: "p", Location: "us-central1", ProjectAccessLabel: "prod"},
			Scopings:         []emulator.Scoping{{OrganizationID: testOrgID}, {OrganizationID: testOrgID, SpaceID: testSpaceID}}},
		{Name: "UI Gateway", Provider: "custom", BaseURL: "https://gw.example.com/v1", AuthType: "bearer_token", ModelNames: []string{"llama"}},
		{Name: "UI Proxy", Provider: "custom", BaseURL: "https://proxy.example.com/v1", AuthType: "proxy_with_headers",
			Headers: map[string]string{"X-Proxy-Token": "hdr-made-in-the-ui"}, ModelNames: []string{"llama"}},
	}
	for _, in := range existing {
		if _, err := emu.Put(in); err != nil {
			t.Fatal(err)
		}
	}

	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	w.requireQuery()
	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), ""))
	w.write("adopt.tfquery.hcl", `list "arize_ai_integration" "all" {
  provider         = arize
  include_resource = true
}
`)
	out := w.run(nil, "query", "-no-color", "-generate-config-out=generated.tf")
	for _, in := range existing {
		if !strings.Contains(out, in.Name) {
			t.Errorf("terraform query does not list %q:\n%s", in.Name, out)
		}
	}
	generated := w.read("generated.tf")
	if n := strings.Count(generated, "import {"); n != len(existing) {
		t.Fatalf("generated.tf has %d import blocks, want %d:\n%s", n, len(existing), generated)
	}

	// Terraform writes sensitive values as null placeholders: the guide has
	// the user fill in headers, here from a sensitive variable, before apply.
	placeholder := regexp.MustCompile(`headers\s+= null # sensitive`)
	proxy := strings.Index(generated, `"UI Proxy"`)
	found := placeholder.FindAllStringIndex(generated[:proxy], -1)
	if proxy < 0 || len(found) == 0 {
		t.Fatalf("no headers placeholder for UI Proxy in generated.tf:\n%s", generated)
	}
	last := found[len(found)-1]
	generated = generated[:last[0]] + `headers = { "X-Proxy-Token" = var.proxy_token }` + generated[last[1]:]
	w.write("generated.tf", generated+"\nvariable \"proxy_token\" {\n  type      = string\n  sensitive = true\n}\n")

	emu.ResetCounters()
	applied := w.run([]string{"TF_VAR_proxy_token=hdr-made-in-the-ui"}, "apply", "-no-color", "-auto-approve")
	// The proxy's headers come from a sensitive variable, which marks the
	// map element; the imported state marks only the attribute. Terraform
	// plans that difference in marks as an in-place update of equal values,
	// which sends nothing to Arize (checked below) and does not recur.
	if !regexp.MustCompile(`5 imported, 0 added, [01] changed, 0 destroyed`).MatchString(applied) {
		t.Errorf("apply did not import all five and add or destroy nothing:\n%s", applied)
	}
	if n := emu.Count("POST", "/v2/ai-integrations") + emu.Count("PATCH", "/v2/ai-integrations/{id}") + emu.Count("DELETE", "/v2/ai-integrations/{id}"); n != 0 {
		t.Errorf("adoption changed Arize: %v", emu.Requests())
	}
	if _, err := w.tryRun([]string{"TF_VAR_proxy_token=hdr-made-in-the-ui"}, "plan", "-no-color", "-detailed-exitcode"); err != nil {
		plan, _ := w.tryRun([]string{"TF_VAR_proxy_token=hdr-made-in-the-ui"}, "plan", "-no-color")
		t.Errorf("the plan after adoption is not empty (%v):\n%s", err, plan)
	}
	if rec := emu.List(); len(rec) != len(existing) || rec[0].APIKey != "sk-made-in-the-ui" || rec[4].Headers["X-Proxy-Token"] != "hdr-made-in-the-ui" {
		t.Errorf("adoption touched the integrations or their keys")
	}
}
