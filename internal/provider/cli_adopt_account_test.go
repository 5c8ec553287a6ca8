package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	hclv2 "github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// adoptAccountQuery lists every type that has a list resource, with its
// resources, over the whole account.
var adoptAccountQuery = func() string {
	var b strings.Builder
	for _, typ := range []string{
		"arize_organization", "arize_space", "arize_ai_integration", "arize_evaluator",
		"arize_user", "arize_role", "arize_role_binding", "arize_project",
	} {
		fmt.Fprintf(&b, "list %q \"all\" {\n  provider         = arize\n  include_resource = true\n}\n\n", typ)
	}
	return b.String()
}()

// TestAccAccount_adoptWithQuery is issue #15's adoption test: a realistic
// hand-built account (emulator.Server.SeedAccount) is found by one
// terraform query over every type, written out by -generate-config-out,
// completed only with what Terraform never writes into generated files (the
// gateway's sensitive headers; write-only API keys stay unset), planned as
// imports only, imported by apply, and planned empty after, with no write
// request reaching Arize at any step.
func TestAccAccount_adoptWithQuery(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	seeded, err := emu.SeedAccount()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	defer srv.Close()

	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	// Terraform 1.14 and later; OpenTofu reports its own version, below
	// 1.14, and has no terraform query: both skip with the reason.
	w.requireQuery()
	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), ""))
	w.write("adopt.tfquery.hcl", adoptAccountQuery)

	out := w.run(nil, "query", "-no-color", "-generate-config-out=adopted.tf")
	var named []emulator.SeededObject
	for _, kind := range [][]emulator.SeededObject{seeded.Organizations, seeded.Spaces, seeded.Integrations,
		seeded.Evaluators, seeded.Users, seeded.Roles, seeded.Projects} {
		named = append(named, kind...)
	}
	for _, o := range named {
		if !strings.Contains(out, o.Name) {
			t.Errorf("terraform query does not list %q", o.Name)
		}
	}
	generated := w.read("adopted.tf")
	users := len(testAccUsers) + len(seeded.Users)
	want := len(seeded.Organizations) + len(seeded.Spaces) + len(seeded.Integrations) + len(seeded.Evaluators) +
		users + len(seeded.Roles) + len(seeded.RoleBindings) + len(seeded.Projects)
	if n := strings.Count(generated, "import {"); n != want {
		t.Fatalf("adopted.tf has %d import blocks, want %d:\n%s\nquery output:\n%s", n, want, generated, out)
	}
	if t.Failed() {
		t.Fatalf("query output:\n%s", out)
	}

	// As generated, the gateway's headers are null: the plan would delete
	// them in Arize, and says so.
	bare := w.run(nil, "plan", "-no-color")
	if !strings.Contains(bare, "This plan deletes the integration's stored headers") {
		t.Errorf("the plan of the generated file does not warn that it deletes the gateway's headers:\n%s", bare)
	}
	if s := fmt.Sprintf("Plan: %d to import, 0 to add, 1 to change, 0 to destroy.", want); !strings.Contains(bare, s) {
		t.Errorf("the plan of the generated file does not say %q:\n%s", s, bare)
	}

	// The user fills in the headers, here from a sensitive variable holding
	// the map, whose value Arize holds.
	var headers map[string]string
	for _, in := range emu.List() {
		if in.Name == "Internal LLM gateway" {
			headers = in.Headers
		}
	}
	if len(headers) == 0 {
		t.Fatal("the seeded gateway has no headers")
	}
	w.write("adopted.tf", fillHeaders(t, generated, "Internal LLM gateway", "gateway_headers"))
	w.write("variables.tf", "variable \"gateway_headers\" {\n  type      = map(string)\n  sensitive = true\n}\n")
	var tfvars strings.Builder
	tfvars.WriteString("gateway_headers = {\n")
	for k, v := range headers {
		fmt.Fprintf(&tfvars, "  %q = %q\n", k, v)
	}
	tfvars.WriteString("}\n")
	w.write("terraform.tfvars", tfvars.String())

	plan := w.run(nil, "plan", "-no-color")
	t.Logf("%s; adopted.tf: %d bytes; %s", seeded.Summary(), len(generated), planSummary(plan))
	if s := fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", want); !strings.Contains(plan, s) {
		t.Errorf("the plan of the completed file does not say %q:\n%s", s, plan)
	}
	if strings.Contains(plan, "This plan deletes") {
		t.Errorf("the plan of the completed file warns of a deletion:\n%s", plan)
	}

	applied := w.run(nil, "apply", "-no-color", "-auto-approve")
	if s := fmt.Sprintf("%d imported, 0 added, 0 changed, 0 destroyed", want); !strings.Contains(applied, s) {
		t.Errorf("apply does not say %q:\n%s", s, applied)
	}
	if _, err := w.tryRun(nil, "plan", "-no-color", "-detailed-exitcode"); err != nil {
		after, _ := w.tryRun(nil, "plan", "-no-color")
		t.Errorf("the plan after adoption is not empty (%v):\n%s", err, after)
	}

	if emu.Total() == 0 {
		t.Fatal("the emulator counted no request: the counters do not work")
	}
	for key, n := range emu.Requests() {
		if !strings.HasPrefix(key, http.MethodGet+" ") && n > 0 {
			t.Errorf("adoption sent %d write request(s) %s: %v", n, key, emu.Requests())
		}
	}
	for _, in := range emu.List() {
		if in.Name == "Internal LLM gateway" && fmt.Sprint(in.Headers) != fmt.Sprint(headers) {
			t.Errorf("adoption changed the gateway's headers: %v", in.Headers)
		}
	}
}

// fillHeaders returns the generated configuration src with the headers of
// the arize_ai_integration named name set to var.variable, as a user
// following the guide does.
func fillHeaders(t *testing.T, src, name, variable string) string {
	t.Helper()
	f, diags := hclwrite.ParseConfig([]byte(src), "adopted.tf", hclv2.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, b := range f.Body().Blocks() {
		if b.Type() != "resource" || b.Labels()[0] != "arize_ai_integration" {
			continue
		}
		attr := b.Body().GetAttribute("name")
		if attr == nil || strings.TrimSpace(string(attr.Expr().BuildTokens(nil).Bytes())) != fmt.Sprintf("%q", name) {
			continue
		}
		b.Body().SetAttributeTraversal("headers", hclv2.Traversal{hclv2.TraverseRoot{Name: "var"}, hclv2.TraverseAttr{Name: variable}})
		return string(f.Bytes())
	}
	t.Fatalf("no arize_ai_integration named %q in:\n%s", name, src)
	return ""
}

// planSummary is the "Plan: ..." line of a plan's output.
func planSummary(out string) string {
	for line := range strings.Lines(out) {
		if strings.HasPrefix(line, "Plan: ") {
			return strings.TrimSpace(line)
		}
	}
	return "no Plan: line"
}
