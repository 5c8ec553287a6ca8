package provider

import (
	"fmt"
	"net/http/httptest"
	"regexp"
	"strconv"
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

// TestAccSpaceList_query lists spaces across organizations, one of them
// empty, and within one: every result carries its organization, so that
// its resource plans clean once imported.
func TestAccSpaceList_query(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgA := spaceTestOrg(t, emu, "tf-acc-list-a")
	spaceTestOrg(t, emu, "tf-acc-list-empty")
	orgB := spaceTestOrg(t, emu, "tf-acc-list-b")
	fraud, err := emu.PutSpace(orgA.ID, "Fraud models", "Team A", true)
	if err != nil {
		t.Fatal(err)
	}
	spaceTestSpace(t, emu, orgA.ID, "Sandbox")
	inB := spaceTestSpace(t, emu, orgB.ID, "Fraud review")
	spaceTestSpace(t, emu, orgB.ID, "Sandbox")

	// Query checks name list blocks without their "list." prefix.
	const all = "arize_space.all"
	byIdentity := func(id string) queryfilter.QueryFilter {
		return queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(id)})
	}
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: env.config("")},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`
list "arize_space" "all" {
  provider         = arize
  include_resource = true
}

list "arize_space" "in_b" {
  provider = arize
  config {
    organization_id = %q
  }
}

list "arize_space" "fraud" {
  provider = arize
  config {
    name = "FRAUD"
  }
}

list "arize_space" "first_three" {
  provider = arize
  limit    = 3
}
`, orgB.ID),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, 4),
				querycheck.ExpectLength("arize_space.in_b", 2),
				querycheck.ExpectLength("arize_space.fraud", 2),
				// Across the empty organization, into the next.
				querycheck.ExpectLength("arize_space.first_three", 3),
				querycheck.ExpectIdentity("arize_space.in_b", map[string]knownvalue.Check{"id": knownvalue.StringExact(inB.ID)}),
				querycheck.ExpectResourceDisplayName(all, byIdentity(fraud.ID), knownvalue.StringExact("Fraud models")),
				querycheck.ExpectResourceKnownValues(all, byIdentity(fraud.ID), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("organization_id"), KnownValue: knownvalue.StringExact(orgA.ID)},
					{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Fraud models")},
					{Path: tfjsonpath.New("description"), KnownValue: knownvalue.StringExact("Team A")},
					{Path: tfjsonpath.New("is_private"), KnownValue: knownvalue.Bool(true)},
					{Path: tfjsonpath.New("deletion_protection"), KnownValue: knownvalue.Bool(true)},
				}),
				querycheck.ExpectResourceKnownValues(all, byIdentity(inB.ID), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("organization_id"), KnownValue: knownvalue.StringExact(orgB.ID)},
				}),
			},
		},
	)
}

// TestAccSpace_adoptWithQuery: spaces made outside Terraform, in two
// organizations, are found by terraform query, written out by
// -generate-config-out and imported by apply, which changes nothing in
// Arize; the next plan is empty.
func TestAccSpace_adoptWithQuery(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	orgA := spaceTestOrg(t, emu, "Platform")
	orgB := spaceTestOrg(t, emu, "Research")
	for _, sp := range []struct {
		org, name, description string
		private                bool
	}{
		{orgA.ID, "Production", "Models serving traffic", false},
		{orgA.ID, "Staging", "", true},
		{orgB.ID, "Production", "", false},
	} {
		if _, err := emu.PutSpace(sp.org, sp.name, sp.description, sp.private); err != nil {
			t.Fatal(err)
		}
	}

	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	w.requireQuery()
	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), ""))
	w.write("adopt.tfquery.hcl", `list "arize_space" "all" {
  provider         = arize
  include_resource = true
}
`)
	out := w.run(nil, "query", "-no-color", "-generate-config-out=generated.tf")
	for _, name := range []string{"Production", "Staging"} {
		if !strings.Contains(out, name) {
			t.Errorf("terraform query does not list %q:\n%s", name, out)
		}
	}
	generated := w.read("generated.tf")
	if n := strings.Count(generated, "import {"); n != 3 {
		t.Fatalf("generated.tf has %d import blocks, want 3:\n%s", n, generated)
	}
	for _, org := range []string{orgA.ID, orgB.ID} {
		if !regexp.MustCompile(`organization_id\s+= "` + regexp.QuoteMeta(org) + `"`).MatchString(generated) {
			t.Errorf("generated.tf names no space of organization %s:\n%s", org, generated)
		}
	}

	emu.ResetCounters()
	applied := w.run(nil, "apply", "-no-color", "-auto-approve")
	if !strings.Contains(applied, "3 imported, 0 added, 0 changed, 0 destroyed") {
		t.Errorf("apply did not import the three spaces alone:\n%s", applied)
	}
	writes := emu.Count("POST", emulator.RouteSpaces) + emu.Count("PATCH", emulator.RouteSpace) + emu.Count("DELETE", emulator.RouteSpace)
	if writes != 0 {
		t.Errorf("adoption changed Arize: %v", emu.Requests())
	}
	if _, err := w.tryRun(nil, "plan", "-no-color", "-detailed-exitcode"); err != nil {
		plan, _ := w.tryRun(nil, "plan", "-no-color")
		t.Errorf("the plan after adoption is not empty (%v):\n%s", err, plan)
	}
}

// TestAccSpaceList_scope: space_id finds that space alone, with its
// organization, which Arize does not return with it; with organization_id
// too, the space must be that organization's. A space or an organization
// that does not exist, or the two filters disagreeing, fail the query.
func TestAccSpaceList_scope(t *testing.T) {
	f := newScopeFixture(t)
	const b2 = "arize_space.b2"
	identity := func(id string) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{"id": knownvalue.StringExact(id)}
	}
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: f.env.config("")},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`
list "arize_space" "b2" {
  provider         = arize
  include_resource = true
  config {
    space_id = %[1]q
  }
}

list "arize_space" "org_b_b2" {
  provider         = arize
  include_resource = true
  config {
    organization_id = %[2]q
    space_id        = %[1]q
  }
}

list "arize_space" "org_a" {
  provider = arize
  config {
    organization_id = %[3]q
  }
}

list "arize_space" "a1_by_name" {
  provider = arize
  config {
    space_id = %[4]q
    name     = "FRAUD"
  }
}

list "arize_space" "a1_by_other_name" {
  provider = arize
  config {
    space_id = %[4]q
    name     = "sandbox"
  }
}
`, f.b2.ID, f.orgB.ID, f.orgA.ID, f.a1.ID),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(b2, 1),
				querycheck.ExpectIdentity(b2, identity(f.b2.ID)),
				querycheck.ExpectResourceKnownValues(b2, queryfilter.ByResourceIdentity(identity(f.b2.ID)), []querycheck.KnownValueCheck{
					// Found by listing the organizations' spaces: the
					// second organization's.
					{Path: tfjsonpath.New("organization_id"), KnownValue: knownvalue.StringExact(f.orgB.ID)},
					{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Sandbox")},
					{Path: tfjsonpath.New("is_private"), KnownValue: knownvalue.Bool(false)},
					{Path: tfjsonpath.New("deletion_protection"), KnownValue: knownvalue.Bool(true)},
				}),
				querycheck.ExpectLength("arize_space.org_b_b2", 1),
				querycheck.ExpectResourceKnownValues("arize_space.org_b_b2", queryfilter.ByResourceIdentity(identity(f.b2.ID)), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("organization_id"), KnownValue: knownvalue.StringExact(f.orgB.ID)},
				}),
				querycheck.ExpectLength("arize_space.org_a", 2),
				querycheck.ExpectIdentity("arize_space.org_a", identity(f.a1.ID)),
				querycheck.ExpectIdentity("arize_space.org_a", identity(f.a2.ID)),
				querycheck.ExpectLength("arize_space.a1_by_name", 1),
				querycheck.ExpectIdentity("arize_space.a1_by_name", identity(f.a1.ID)),
				querycheck.ExpectLength("arize_space.a1_by_other_name", 0),
			},
		},
		// What space_id costs: a read of the space, then the list of
		// organizations and each one's spaces until the space's own.
		resource.TestStep{
			PreConfig: f.emu.ResetCounters,
			Query:     true,
			Config: fmt.Sprintf(`
list "arize_space" "b2" {
  provider = arize
  config {
    space_id = %q
  }
}
`, f.b2.ID),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectIdentity(b2, identity(f.b2.ID)),
				expectQueryRequests(f.emu, map[string]int{
					"GET " + emulator.RouteSpace: 1, "GET " + emulator.RouteOrganizations: 1, "GET " + emulator.RouteSpaces: 2,
					"GET " + emulator.RouteOrganization: 0,
				}),
			},
		},
		// With organization_id too: a read of the organization and one of
		// its spaces, which both checks that the space is one of them and
		// reads it, and nothing else.
		resource.TestStep{
			PreConfig: f.emu.ResetCounters,
			Query:     true,
			Config: fmt.Sprintf(`
list "arize_space" "b2" {
  provider = arize
  config {
    organization_id = %q
    space_id        = %q
  }
}
`, f.orgB.ID, f.b2.ID),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectIdentity(b2, identity(f.b2.ID)),
				expectQueryRequests(f.emu, map[string]int{
					"GET " + emulator.RouteOrganization: 1, "GET " + emulator.RouteSpaces: 1,
					"GET " + emulator.RouteOrganizations: 0, "GET " + emulator.RouteSpace: 0,
				}),
			},
		},
		resource.TestStep{
			Query: true,
			Config: `
list "arize_space" "test" {
  provider = arize
  config {
    space_id = "U3BhY2U6OTk5OTpub25l"
  }
}
`,
			ExpectError: wrappedRegexp(`Could not list Arize spaces[\s\S]*no space with ID "U3BhY2U6OTk5OTpub25l" exists`),
		},
		resource.TestStep{
			Query: true,
			Config: `
list "arize_space" "test" {
  provider = arize
  config {
    organization_id = "T3JnYW5pemF0aW9uOjk5OTpub25l"
  }
}
`,
			ExpectError: wrappedRegexp(`Could not list Arize spaces[\s\S]*no organization with ID "T3JnYW5pemF0aW9uOjk5OTpub25l" exists`),
		},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`
list "arize_space" "test" {
  provider = arize
  config {
    organization_id = %q
    space_id        = %q
  }
}
`, f.orgA.ID, f.b2.ID),
			ExpectError: wrappedRegexp(`Could not list Arize spaces[\s\S]*the space ` + regexp.QuoteMeta(strconv.Quote(f.b2.ID)) +
				` is not one of the spaces of the organization ` + regexp.QuoteMeta(strconv.Quote(f.orgA.ID))),
		},
	)
}
