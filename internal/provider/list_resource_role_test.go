package provider

import (
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestAccRoleList_query lists the custom roles over two pages, and none of
// the predefined ones, which arize_role cannot import.
func TestAccRoleList_query(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	engineer := putRole(t, emu, "Prompt engineer", "Writes prompts.", "PROMPT_UPDATE", "PROMPT_READ")
	tagger := putRole(t, emu, "Tagger", "", "TAG_READ")
	// Enough more for a second page of the largest page size.
	const bulk = maxPageSize
	for i := range bulk {
		putRole(t, emu, fmt.Sprintf("bulk-%03d", i), "", "TAG_READ")
	}
	// Query checks name list blocks without their "list." prefix.
	const all = "arize_role.all"
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: env.config("")},
		resource.TestStep{
			Query: true,
			Config: `
list "arize_role" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000 # Terraform's default is 100
}

list "arize_role" "first" {
  provider = arize
  limit    = 1
}
`,
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, 2+bulk),
				querycheck.ExpectLength("arize_role.first", 1),
				querycheck.ExpectIdentity("arize_role.first", map[string]knownvalue.Check{"id": knownvalue.StringExact(engineer.ID)}),
				querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(tagger.ID),
				}), knownvalue.StringExact("Tagger")),
				querycheck.ExpectResourceKnownValues(all, queryfilter.ByDisplayName(knownvalue.StringExact("Prompt engineer")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(engineer.ID)},
					{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Prompt engineer")},
					{Path: tfjsonpath.New("description"), KnownValue: knownvalue.StringExact("Writes prompts.")},
					{Path: tfjsonpath.New("permissions"), KnownValue: permissionsExactly("PROMPT_READ", "PROMPT_UPDATE")},
					{Path: tfjsonpath.New("created_at"), KnownValue: knownvalue.StringExact(emulatorTime(engineer.CreatedAt))},
					{Path: tfjsonpath.New("updated_at"), KnownValue: knownvalue.StringExact(emulatorTime(engineer.UpdatedAt))},
				}),
				querycheck.ExpectResourceKnownValues(all, queryfilter.ByDisplayName(knownvalue.StringExact("Tagger")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("description"), KnownValue: knownvalue.Null()},
				}),
			},
		},
	)
}

// TestAccRole_adoptWithQuery adopts roles made outside Terraform: terraform
// query finds them, -generate-config-out writes their configuration, apply
// imports them without a write to Arize, and the next plan is empty. The
// predefined roles are not offered.
func TestAccRole_adoptWithQuery(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	existing := []struct {
		name, description string
		permissions       []string
	}{
		{"UI prompt engineer", "Made in the UI.", []string{"PROMPT_UPDATE", "PROMPT_READ", "PLAYGROUND_RUN"}},
		{"UI tagger", "", []string{"TAG_READ"}},
		{`UI "Quoted" \ role`, "Line one.\nLine two.", []string{"DATASET_READ"}},
	}
	for _, r := range existing {
		putRole(t, emu, r.name, r.description, r.permissions...)
	}

	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	w.requireQuery()
	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), ""))
	w.write("adopt.tfquery.hcl", `list "arize_role" "custom" {
  provider         = arize
  include_resource = true
}
`)
	out := w.run(nil, "query", "-no-color", "-generate-config-out=generated.tf")
	for _, r := range existing {
		if !strings.Contains(out, r.name) {
			t.Errorf("terraform query does not list %q:\n%s", r.name, out)
		}
	}
	for _, predefined := range []string{"Admin", "Annotator"} {
		if strings.Contains(out, predefined) {
			t.Errorf("terraform query lists the predefined role %q:\n%s", predefined, out)
		}
	}
	generated := w.read("generated.tf")
	if n := strings.Count(generated, "import {"); n != len(existing) {
		t.Fatalf("generated.tf has %d import blocks, want %d:\n%s", n, len(existing), generated)
	}

	emu.ResetCounters()
	applied := w.run(nil, "apply", "-no-color", "-auto-approve")
	if !strings.Contains(applied, fmt.Sprintf("%d imported, 0 added, 0 changed, 0 destroyed", len(existing))) {
		t.Errorf("apply did not import them all and change nothing:\n%s", applied)
	}
	if n := emu.Count("POST", emulator.RouteRoles) + emu.Count("PATCH", emulator.RouteRole) +
		emu.Count("DELETE", emulator.RouteRole); n != 0 {
		t.Errorf("adoption changed Arize: %v", emu.Requests())
	}
	if _, err := w.tryRun(nil, "plan", "-no-color", "-detailed-exitcode"); err != nil {
		plan, _ := w.tryRun(nil, "plan", "-no-color")
		t.Errorf("the plan after adoption is not empty (%v):\n%s", err, plan)
	}
	var custom []emulator.Role
	for _, r := range emu.Roles() {
		if !r.IsPredefined {
			custom = append(custom, r)
		}
	}
	for i, r := range custom {
		want := existing[i]
		if r.Name != want.name || r.Description != want.description || !slices.Equal(r.Permissions, slices.Sorted(slices.Values(want.permissions))) {
			t.Errorf("adoption changed role %d: %+v", i, r)
		}
	}
}
