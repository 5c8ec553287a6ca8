package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	hclv2 "github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// The types the guide "Adopt an existing Arize account" adopts: every type
// with a list resource. Memberships have none (Arize cannot list them).
var adoptedTypes = []string{
	"arize_organization", "arize_space", "arize_ai_integration", "arize_evaluator", "arize_project",
	"arize_project_restriction", "arize_user", "arize_role", "arize_role_binding", "arize_service_api_key",
	"arize_user_api_key",
}

// seededAdoptionAccount is an emulator holding the seeded hand-built account
// (emulator.Server.SeedAccount), served over HTTP, and what it holds.
type seededAdoptionAccount struct {
	emu       *emulator.Server
	url       string
	inventory []accountObject
	// gatewayHeaders are the seeded gateway's headers, which the user fills
	// in from where the gateway's credentials are kept.
	gatewayHeaders map[string]string
}

func newSeededAdoptionAccount(t *testing.T) *seededAdoptionAccount {
	t.Helper()
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	if _, err := emu.SeedAccount(); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	a := &seededAdoptionAccount{emu: emu, url: srv.URL, inventory: accountInventory(emu)}
	for _, in := range emu.List() {
		if in.Name == "Internal LLM gateway" {
			a.gatewayHeaders = in.Headers
		}
	}
	if len(a.gatewayHeaders) == 0 {
		t.Fatal("the seeded gateway has no headers")
	}
	// Every type is there to adopt, or a pass could pass by finding none.
	for _, typ := range adoptedTypes {
		if len(selectObjects(a.inventory, func(o accountObject) bool { return o.typ == typ })) == 0 {
			t.Fatalf("the seeded account holds no %s", typ)
		}
	}
	return a
}

// workdir is a CLI working directory for one root module of the adoption,
// with the provider pointed at the emulator and the query file of the
// guide named queryFile. It skips the test, with the reason, on a CLI
// without terraform query (Terraform before 1.14, OpenTofu).
func (a *seededAdoptionAccount) workdir(t *testing.T, queryFile string) *cliWorkdir {
	t.Helper()
	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	w.requireQuery()
	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", a.url), ""))
	w.write(queryFile, guideQuery(t, queryFile))
	return w
}

// fillGatewayHeaders is the guide's step 4 where the generated file has the
// gateway: its headers from a sensitive variable. It reports whether the
// file has the gateway.
func (a *seededAdoptionAccount) fillGatewayHeaders(t *testing.T, w *cliWorkdir, generated string) bool {
	t.Helper()
	filled, ok := fillHeaders(t, generated, "Internal LLM gateway", "gateway_headers")
	if !ok {
		return false
	}
	w.write("adopted.tf", filled)
	w.write("variables.tf", "variable \"gateway_headers\" {\n  type      = map(string)\n  sensitive = true\n}\n")
	var tfvars strings.Builder
	tfvars.WriteString("gateway_headers = {\n")
	for k, v := range a.gatewayHeaders {
		fmt.Fprintf(&tfvars, "  %q = %q\n", k, v)
	}
	tfvars.WriteString("}\n")
	w.write("terraform.tfvars", tfvars.String())
	return true
}

// secrets are the seeded integrations' keys and the gateway's key header:
// what Arize holds that no output may show.
func (a *seededAdoptionAccount) secrets() []string {
	var out []string
	for _, in := range a.emu.List() {
		if in.APIKey != "" {
			out = append(out, in.APIKey)
		}
	}
	// The gateway's credential; its other header, X-Team: platform, is no
	// secret, and "platform" is in other values of the account.
	return append(out, a.gatewayHeaders["X-Gateway-Key"])
}

// expectNoWrites fails the test if the emulator received any request but a
// GET: adoption must change nothing in Arize.
func (a *seededAdoptionAccount) expectNoWrites(t *testing.T) {
	t.Helper()
	if a.emu.Total() == 0 {
		t.Fatal("the emulator counted no request: the counters do not work")
	}
	for key, n := range a.emu.Requests() {
		if !strings.HasPrefix(key, http.MethodGet+" ") && n > 0 {
			t.Errorf("adoption sent %d write request(s) %s: %v", n, key, a.emu.Requests())
		}
	}
	for _, in := range a.emu.List() {
		if in.Name == "Internal LLM gateway" && fmt.Sprint(in.Headers) != fmt.Sprint(a.gatewayHeaders) {
			t.Errorf("adoption changed the gateway's headers: %v", in.Headers)
		}
	}
}

// importsOnly is the plan summary of a plan that imports n objects and
// changes nothing.
func importsOnly(n int) string {
	return fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", n)
}

// TestAccAccount_adoptWithQuery is issue #15's adoption test, following the
// guide "Adopt an existing Arize account" for the whole account: a
// realistic hand-built account (emulator.Server.SeedAccount) is found by
// one terraform query over every type (the guide's account.tfquery.hcl),
// written out by -generate-config-out, completed only with what Terraform
// never writes into generated files (the gateway's sensitive headers;
// write-only keys and API-key secrets stay unset), planned as imports only,
// imported by apply, and planned empty after; then every ID of an adopted
// object becomes a reference and the plan is still empty. No write request
// reaches Arize at any step.
func TestAccAccount_adoptWithQuery(t *testing.T) {
	a := newSeededAdoptionAccount(t)
	w := a.workdir(t, "account.tfquery.hcl")

	out := w.run(nil, "query", "-no-color", "-generate-config-out=adopted.tf")
	for _, o := range a.inventory {
		if o.typ != "arize_project_restriction" && o.typ != "arize_role_binding" && !strings.Contains(out, o.name) {
			t.Errorf("terraform query does not list %s %q", o.typ, o.name)
		}
	}
	generated := w.read("adopted.tf")
	// Secrets stay out of what the query prints, even as JSON, which
	// prints a result whole, and out of the generated file.
	asJSON := w.run(nil, "query", "-no-color", "-json")
	for _, secret := range a.secrets() {
		for what, text := range map[string]string{"terraform query": out, "terraform query -json": asJSON, "adopted.tf": generated} {
			if strings.Contains(text, secret) {
				t.Errorf("%s shows a secret of the account (%.6s…)", what, secret)
			}
		}
	}
	imports := generatedImports(t, generated)
	want := selectObjects(a.inventory, func(accountObject) bool { return true })
	expectSameObjects(t, "the whole account", imports, want)
	if t.Failed() {
		t.Fatalf("query output:\n%s\nadopted.tf:\n%s", out, generated)
	}
	n := len(want)

	// As generated, the gateway's headers are null: the plan would delete
	// them in Arize, and says so.
	bare := w.run(nil, "plan", "-no-color")
	if !strings.Contains(bare, "This plan deletes the integration's stored headers") {
		t.Errorf("the plan of the generated file does not warn that it deletes the gateway's headers:\n%s", bare)
	}
	if s := fmt.Sprintf("Plan: %d to import, 0 to add, 1 to change, 0 to destroy.", n); !strings.Contains(bare, s) {
		t.Errorf("the plan of the generated file does not say %q:\n%s", s, bare)
	}

	if !a.fillGatewayHeaders(t, w, generated) {
		t.Fatalf("no arize_ai_integration named %q in:\n%s", "Internal LLM gateway", generated)
	}
	plan := w.run(nil, "plan", "-no-color")
	t.Logf("%d objects; adopted.tf: %d bytes; %s", n, len(generated), planSummary(plan))
	if s := importsOnly(n); !strings.Contains(plan, s) {
		t.Errorf("the plan of the completed file does not say %q:\n%s", s, plan)
	}
	if strings.Contains(plan, "This plan deletes") {
		t.Errorf("the plan of the completed file warns of a deletion:\n%s", plan)
	}

	applied := w.run(nil, "apply", "-no-color", "-auto-approve")
	if s := fmt.Sprintf("%d imported, 0 added, 0 changed, 0 destroyed", n); !strings.Contains(applied, s) {
		t.Errorf("apply does not say %q:\n%s", s, applied)
	}
	expectEmptyCLIPlan(t, w, "after adoption")

	// Step 6: IDs become references, and the plan stays empty.
	referenced, replaced := referenceIDs(t, w.read("adopted.tf"), imports)
	// At least one reference per object that names another: a space's
	// organization, an evaluator's, a project's and a binding's space or
	// project, a restriction's project, a service key's space.
	atLeast := 0
	for _, o := range a.inventory {
		if len(o.orgs) > 0 && o.typ != "arize_organization" {
			atLeast++
		}
	}
	if replaced < atLeast {
		t.Errorf("turned %d IDs into references, want at least %d:\n%s", replaced, atLeast, referenced)
	}
	w.write("adopted.tf", referenced)
	expectEmptyCLIPlan(t, w, "with references")
	a.expectNoWrites(t)
}

// TestAccAccount_adoptOneOrganizationAtATime follows the guide's other way:
// one root module per organization (organization.tfquery.hcl with
// -var organization_id), one for a space of its own (space.tfquery.hcl),
// and one for what belongs to the whole account (account-level.tfquery.hcl).
// Each pass imports exactly the objects in its scope, every type of them,
// and plans as imports only; the organizations' and the account's passes
// together adopt the whole account, and the only object two passes both
// find are those the guide warns of: an integration scoped to spaces of
// both organizations, and a service key with roles in both. Each pass is
// applied and plans empty after. Nothing is written to Arize.
func TestAccAccount_adoptOneOrganizationAtATime(t *testing.T) {
	a := newSeededAdoptionAccount(t)
	whole := selectObjects(a.inventory, func(accountObject) bool { return true })
	union := map[adoptedObject]string{}
	seen := map[adoptedObject]int{}

	pass := func(name, queryFile string, keep func(accountObject) bool, args ...string) map[adoptedObject]string {
		t.Helper()
		w := a.workdir(t, queryFile)
		out := w.run(nil, append([]string{"query", "-no-color", "-generate-config-out=adopted.tf"}, args...)...)
		generated := w.read("adopted.tf")
		imports := generatedImports(t, generated)
		want := selectObjects(a.inventory, keep)
		expectSameObjects(t, name, imports, want)
		if t.Failed() {
			t.Fatalf("%s: query output:\n%s", name, out)
		}
		a.fillGatewayHeaders(t, w, generated)
		// The query's -var is the query file's variable: plan reads the
		// .tf files only.
		plan := w.run(nil, "plan", "-no-color")
		t.Logf("%s: %d objects, %s", name, len(imports), planSummary(plan))
		if s := importsOnly(len(want)); !strings.Contains(plan, s) {
			t.Errorf("%s: the plan does not say %q:\n%s", name, s, plan)
		}
		applied := w.run(nil, "apply", "-no-color", "-auto-approve")
		if s := fmt.Sprintf("%d imported, 0 added, 0 changed, 0 destroyed", len(want)); !strings.Contains(applied, s) {
			t.Errorf("%s: apply does not say %q:\n%s", name, s, applied)
		}
		expectEmptyCLIPlan(t, w, "after "+name)
		return imports
	}

	for _, org := range a.emu.Organizations() {
		imports := pass("organization "+org.Name, "organization.tfquery.hcl", ofOrganization(org.ID),
			"-var", "organization_id="+org.ID)
		// Every type that lives in an organization is in each pass.
		for _, typ := range adoptedTypes {
			if !hasType(imports, typ) && typ != "arize_user" && typ != "arize_role" && typ != "arize_user_api_key" &&
				hasType(selectObjects(a.inventory, ofOrganization(org.ID)), typ) {
				t.Errorf("organization %s: no %s adopted", org.Name, typ)
			}
		}
		for o, addr := range imports {
			union[o] = addr
			seen[o]++
		}
	}
	account := pass("the account", "account-level.tfquery.hcl", ofAccount)
	for o, addr := range account {
		union[o] = addr
		seen[o]++
	}
	expectSameObjects(t, "the organizations and the account together", union, whole)

	// The guide's warning: an integration scoped to spaces of two
	// organizations, and a service key with roles in both, are found by
	// both organizations' passes; nothing else is.
	var twice []string
	for o, n := range seen {
		if n > 1 {
			twice = append(twice, whole[o])
		}
	}
	sort.Strings(twice)
	if want := "[Anthropic direct Evaluation exporter]"; fmt.Sprint(twice) != want {
		t.Errorf("objects found by more than one pass: %v, want %s", twice, want)
	}

	// One space at a time: a private space with a project, an evaluator,
	// an integration and a binding of its own.
	for _, sp := range a.emu.Spaces() {
		if sp.Name == "Customer support" {
			imports := pass("space "+sp.Name, "space.tfquery.hcl", ofSpace(sp.ID), "-var", "space_id="+sp.ID)
			for _, typ := range []string{"arize_space", "arize_ai_integration", "arize_evaluator", "arize_project"} {
				if !hasType(imports, typ) {
					t.Errorf("space %s: no %s adopted", sp.Name, typ)
				}
			}
		}
	}
	a.expectNoWrites(t)
}

// hasType reports whether objects hold one of type typ.
func hasType(objects map[adoptedObject]string, typ string) bool {
	for o := range objects {
		if o.typ == typ {
			return true
		}
	}
	return false
}

// expectEmptyCLIPlan fails the test unless terraform plan in w plans no
// change (exit code 0 with -detailed-exitcode).
func expectEmptyCLIPlan(t *testing.T, w *cliWorkdir, when string) {
	t.Helper()
	if _, err := w.tryRun(nil, "plan", "-no-color", "-detailed-exitcode"); err != nil {
		after, _ := w.tryRun(nil, "plan", "-no-color")
		t.Errorf("the plan %s is not empty (%v):\n%s", when, err, after)
	}
}

// fillHeaders returns the generated configuration src with the headers of
// the arize_ai_integration named name set to var.variable, as a user
// following the guide does, and whether src has that integration.
func fillHeaders(t *testing.T, src, name, variable string) (string, bool) {
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
		return string(f.Bytes()), true
	}
	return src, false
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
