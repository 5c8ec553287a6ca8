package provider

import (
	"fmt"
	"net/http/httptest"
	"regexp"
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

func TestAccOrganizationList_query(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	made := map[string]emulator.Organization{}
	for _, o := range []struct{ name, description string }{
		{"Platform", "The platform team."},
		{"ML platform", ""},
		{"Research", "Experiments."},
	} {
		got, err := emu.PutOrganization(o.name, o.description)
		if err != nil {
			t.Fatal(err)
		}
		made[o.name] = got
	}
	// Enough more for a second page of the largest page size.
	const bulk = maxPageSize
	for i := range bulk {
		if _, err := emu.PutOrganization(fmt.Sprintf("bulk-%03d", i), ""); err != nil {
			t.Fatal(err)
		}
	}
	// Query checks name list blocks without their "list." prefix.
	const all = "arize_organization.all"
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: env.config("")},
		resource.TestStep{
			Query: true,
			Config: `
list "arize_organization" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000 # Terraform's default is 100
}

list "arize_organization" "platform" {
  provider = arize
  config {
    name = "PLATFORM"
  }
}

list "arize_organization" "first" {
  provider = arize
  limit    = 1
}
`,
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, 3+bulk),
				querycheck.ExpectLength("arize_organization.platform", 2),
				querycheck.ExpectLength("arize_organization.first", 1),
				querycheck.ExpectIdentity("arize_organization.first", map[string]knownvalue.Check{"id": knownvalue.StringExact(made["Platform"].ID)}),
				querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(made["Research"].ID),
				}), knownvalue.StringExact("Research")),
				querycheck.ExpectResourceKnownValues(all, queryfilter.ByDisplayName(knownvalue.StringExact("Platform")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(made["Platform"].ID)},
					{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Platform")},
					{Path: tfjsonpath.New("description"), KnownValue: knownvalue.StringExact("The platform team.")},
					{Path: tfjsonpath.New("created_at"), KnownValue: knownvalue.StringExact(made["Platform"].CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"))},
					// What an import gives: the generated configuration keeps it protected.
					{Path: tfjsonpath.New("deletion_protection"), KnownValue: knownvalue.Bool(true)},
				}),
				querycheck.ExpectResourceKnownValues(all, queryfilter.ByDisplayName(knownvalue.StringExact("ML platform")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("description"), KnownValue: knownvalue.StringExact("")},
				}),
			},
		},
	)
}

// TestAccOrganization_adoptWithQuery adopts organizations made outside
// Terraform: terraform query finds them, -generate-config-out writes their
// configuration, apply imports them without a write to Arize, and the next
// plan is empty. They stay protected.
func TestAccOrganization_adoptWithQuery(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	existing := []struct{ name, description string }{
		{"UI Platform", "Made in the UI."},
		{"UI Research", ""},
		{`UI "Quoted" \ Org`, "Line one.\nLine two."},
	}
	for _, o := range existing {
		if _, err := emu.PutOrganization(o.name, o.description); err != nil {
			t.Fatal(err)
		}
	}

	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	w.requireQuery()
	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), ""))
	w.write("adopt.tfquery.hcl", `list "arize_organization" "all" {
  provider         = arize
  include_resource = true
}
`)
	out := w.run(nil, "query", "-no-color", "-generate-config-out=generated.tf")
	for _, o := range existing {
		if !strings.Contains(out, o.name) {
			t.Errorf("terraform query does not list %q:\n%s", o.name, out)
		}
	}
	generated := w.read("generated.tf")
	if n := strings.Count(generated, "import {"); n != len(existing) {
		t.Fatalf("generated.tf has %d import blocks, want %d:\n%s", n, len(existing), generated)
	}
	if n := len(regexp.MustCompile(`deletion_protection\s*=\s*true`).FindAllString(generated, -1)); n != len(existing) {
		t.Errorf("generated.tf protects %d organizations, want all %d:\n%s", n, len(existing), generated)
	}

	emu.ResetCounters()
	applied := w.run(nil, "apply", "-no-color", "-auto-approve")
	if !strings.Contains(applied, fmt.Sprintf("%d imported, 0 added, 0 changed, 0 destroyed", len(existing))) {
		t.Errorf("apply did not import them all and change nothing:\n%s", applied)
	}
	if n := emu.Count("POST", emulator.RouteOrganizations) + emu.Count("PATCH", emulator.RouteOrganization) +
		emu.Count("DELETE", emulator.RouteOrganization); n != 0 {
		t.Errorf("adoption changed Arize: %v", emu.Requests())
	}
	if _, err := w.tryRun(nil, "plan", "-no-color", "-detailed-exitcode"); err != nil {
		plan, _ := w.tryRun(nil, "plan", "-no-color")
		t.Errorf("the plan after adoption is not empty (%v):\n%s", err, plan)
	}
	for i, o := range emu.Organizations() {
		if o.Name != existing[i].name || o.Description != existing[i].description {
			t.Errorf("adoption changed organization %d: %+v", i, o)
		}
	}
}

// TestAccOrganizationList_scope: organization_id finds that organization
// alone, with one read of it and no page of the list; with name too, only
// if its name matches. An organization that does not exist fails the query.
func TestAccOrganizationList_scope(t *testing.T) {
	f := newScopeFixture(t)
	const onlyA = "arize_organization.only_a"
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: f.env.config("")},
		resource.TestStep{
			PreConfig: f.emu.ResetCounters,
			Query:     true,
			Config: fmt.Sprintf(`
list "arize_organization" "only_a" {
  provider         = arize
  include_resource = true
  config {
    organization_id = %[1]q
  }
}

list "arize_organization" "a_by_name" {
  provider = arize
  config {
    organization_id = %[1]q
    name            = "SCOPE-A"
  }
}

list "arize_organization" "a_by_b_name" {
  provider = arize
  config {
    organization_id = %[1]q
    name            = "scope-b"
  }
}
`, f.orgA.ID),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(onlyA, 1),
				querycheck.ExpectIdentity(onlyA, map[string]knownvalue.Check{"id": knownvalue.StringExact(f.orgA.ID)}),
				querycheck.ExpectResourceKnownValues(onlyA, queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(f.orgA.ID),
				}), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact(f.orgA.Name)},
					{Path: tfjsonpath.New("description"), KnownValue: knownvalue.StringExact("")},
					{Path: tfjsonpath.New("created_at"), KnownValue: knownvalue.StringExact(f.orgA.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"))},
					{Path: tfjsonpath.New("deletion_protection"), KnownValue: knownvalue.Bool(true)},
				}),
				querycheck.ExpectLength("arize_organization.a_by_name", 1),
				querycheck.ExpectIdentity("arize_organization.a_by_name", map[string]knownvalue.Check{"id": knownvalue.StringExact(f.orgA.ID)}),
				querycheck.ExpectLength("arize_organization.a_by_b_name", 0),
				// One read per block, and no page of the whole list.
				expectQueryRequests(f.emu, map[string]int{
					"GET " + emulator.RouteOrganization: 3, "GET " + emulator.RouteOrganizations: 0,
				}),
			},
		},
		resource.TestStep{
			Query: true,
			Config: `
list "arize_organization" "test" {
  provider = arize
  config {
    organization_id = "T3JnYW5pemF0aW9uOjk5OTpub25l"
  }
}
`,
			ExpectError: wrappedRegexp(`Could not list Arize organizations[\s\S]*no organization with ID "T3JnYW5pemF0aW9uOjk5OTpub25l" exists`),
		},
	)
}
