package provider

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestAccAIIntegrationList_query(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	made := map[string]emulator.Integration{}
	for _, in := range []emulator.Integration{
		{Name: "Team OpenAI", Provider: "openAI", ModelNames: []string{"gpt-4o"}, FunctionCallingEnabled: true},
		{Name: "Sandbox openai", Provider: "openAI", EnableDefaultModels: true, FunctionCallingEnabled: true},
		{Name: "Scoped Anthropic", Provider: "anthropic", EnableDefaultModels: true, FunctionCallingEnabled: true,
			Scopings: []emulator.Scoping{{OrganizationID: testOrgID, SpaceID: testSpaceID}}},
	} {
		got, err := emu.Put(in)
		if err != nil {
			t.Fatal(err)
		}
		made[in.Name] = got
	}
	// Query checks name list blocks without their "list." prefix.
	const all = "arize_ai_integration.all"
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: env.config("")},
		resource.TestStep{
			Query: true,
			Config: `
list "arize_ai_integration" "all" {
  provider         = arize
  include_resource = true
}

list "arize_ai_integration" "openai" {
  provider = arize
  config {
    name = "OPENAI"
  }
}

list "arize_ai_integration" "space" {
  provider = arize
  config {
    space_name = "production"
  }
}

list "arize_ai_integration" "first" {
  provider = arize
  limit    = 1
}
`,
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, 3),
				querycheck.ExpectLength("arize_ai_integration.openai", 2),
				querycheck.ExpectLength("arize_ai_integration.space", 1),
				querycheck.ExpectLength("arize_ai_integration.first", 1),
				querycheck.ExpectIdentity(all, map[string]knownvalue.Check{"id": knownvalue.StringExact(made["Team OpenAI"].ID)}),
				querycheck.ExpectIdentity("arize_ai_integration.space", map[string]knownvalue.Check{"id": knownvalue.StringExact(made["Scoped Anthropic"].ID)}),
				querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(made["Sandbox openai"].ID),
				}), knownvalue.StringExact("Sandbox openai")),
				querycheck.ExpectResourceKnownValues(all, queryfilter.ByDisplayName(knownvalue.StringExact("Scoped Anthropic")), []querycheck.KnownValueCheck{
					// As the server spells it: a query has no configuration to keep.
					{Path: tfjsonpath.New("ai_provider"), KnownValue: knownvalue.StringExact(serverSpelt(emu.Dialect(), "ANTHROPIC"))},
					{Path: tfjsonpath.New("enable_default_models"), KnownValue: knownvalue.Bool(true)},
					{Path: tfjsonpath.New("api_key"), KnownValue: knownvalue.Null()},
					{Path: tfjsonpath.New("scopings").AtSliceIndex(0).AtMapKey("space_id"), KnownValue: knownvalue.StringExact(testSpaceID)},
				}),
			},
		},
	)
}

// scopeFixture is an account for the scope filters' tests: two
// organizations with two spaces each, and integrations scoped at each
// level, account-wide ones included.
type scopeFixture struct {
	env          *accEnv
	emu          *emulator.Server
	orgA, orgB   emulator.Organization
	a1, a2       emulator.Space // orgA's
	b1, b2       emulator.Space // orgB's
	integrations map[string]emulator.Integration
}

// Names of the fixture's integrations, by where they are scoped.
const (
	scopedAccount = "Account-wide OpenAI"
	scopedOrgA    = "Org A Anthropic"
	scopedA1      = "Space A1 OpenAI"
	scopedA2      = "Space A2 OpenAI"
	scopedOrgB    = "Org B OpenAI"
	scopedB1      = "Space B1 Anthropic"
	// scopedAAndB1 is scoped to the whole of organization A and to a space
	// of B: it is in both organizations.
	scopedAAndB1 = "Org A and space B1 OpenAI"
)

// scopeFixtureSpareAccountWide is how many more account-wide integrations
// the fixture has: enough for a second page of the integration list, so
// that a filter applied to the whole list is seen to read both.
const scopeFixtureSpareAccountWide = maxPageSize

func newScopeFixture(t *testing.T) *scopeFixture {
	t.Helper()
	env := newAccEnv(t)
	f := &scopeFixture{env: env, emu: env.emulator(t), integrations: map[string]emulator.Integration{}}
	f.orgA = spaceTestOrg(t, f.emu, "tf-acc-scope-a")
	f.orgB = spaceTestOrg(t, f.emu, "tf-acc-scope-b")
	f.a1 = spaceTestSpace(t, f.emu, f.orgA.ID, "Fraud")
	f.a2 = spaceTestSpace(t, f.emu, f.orgA.ID, "Sandbox")
	f.b1 = spaceTestSpace(t, f.emu, f.orgB.ID, "Fraud review")
	f.b2 = spaceTestSpace(t, f.emu, f.orgB.ID, "Sandbox")
	put := func(name, provider string, scopings ...emulator.Scoping) {
		t.Helper()
		got, err := f.emu.Put(emulator.Integration{Name: name, Provider: provider, EnableDefaultModels: true, Scopings: scopings})
		if err != nil {
			t.Fatal(err)
		}
		f.integrations[name] = got
	}
	put(scopedAccount, "OPEN_AI")
	put(scopedOrgA, "ANTHROPIC", emulator.Scoping{OrganizationID: f.orgA.ID})
	put(scopedA1, "OPEN_AI", emulator.Scoping{OrganizationID: f.orgA.ID, SpaceID: f.a1.ID})
	put(scopedA2, "OPEN_AI", emulator.Scoping{OrganizationID: f.orgA.ID, SpaceID: f.a2.ID})
	put(scopedOrgB, "OPEN_AI", emulator.Scoping{OrganizationID: f.orgB.ID})
	put(scopedB1, "ANTHROPIC", emulator.Scoping{OrganizationID: f.orgB.ID, SpaceID: f.b1.ID})
	put(scopedAAndB1, "OPEN_AI", emulator.Scoping{OrganizationID: f.orgA.ID}, emulator.Scoping{OrganizationID: f.orgB.ID, SpaceID: f.b1.ID})
	for i := range scopeFixtureSpareAccountWide {
		if _, err := f.emu.Put(emulator.Integration{Name: fmt.Sprintf("spare-%03d", i), Provider: "OPEN_AI", EnableDefaultModels: true}); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// expectIntegrations checks that the list block addr found exactly the
// fixture's integrations named.
func (f *scopeFixture) expectIntegrations(addr string, names ...string) []querycheck.QueryResultCheck {
	checks := []querycheck.QueryResultCheck{querycheck.ExpectLength(addr, len(names))}
	for _, name := range names {
		checks = append(checks, querycheck.ExpectIdentity(addr, map[string]knownvalue.Check{
			"id": knownvalue.StringExact(f.integrations[name].ID),
		}))
	}
	return checks
}

// TestAccAIIntegrationList_scope: organization_id keeps the integrations
// scoped to the organization or to one of its spaces, space_id (the API's
// filter) those scoped to the space itself, and both those of the space,
// which must be the organization's; account-wide integrations are in
// neither. A filter naming nothing, or two that disagree, fail the query.
func TestAccAIIntegrationList_scope(t *testing.T) {
	f := newScopeFixture(t)
	checks := slices.Concat(
		f.expectIntegrations("arize_ai_integration.org_a", scopedOrgA, scopedA1, scopedA2, scopedAAndB1),
		f.expectIntegrations("arize_ai_integration.org_b", scopedOrgB, scopedB1, scopedAAndB1),
		// Not those of the whole organization A: the API's space_id
		// keeps the integrations scoped to the space itself.
		f.expectIntegrations("arize_ai_integration.space_a1", scopedA1),
		f.expectIntegrations("arize_ai_integration.space_b1", scopedB1, scopedAAndB1),
		f.expectIntegrations("arize_ai_integration.org_b_space_b1", scopedB1, scopedAAndB1),
		f.expectIntegrations("arize_ai_integration.org_a_anthropic", scopedOrgA),
		f.expectIntegrations("arize_ai_integration.space_b2"),
		[]querycheck.QueryResultCheck{
			querycheck.ExpectLength("arize_ai_integration.all", len(f.integrations)+scopeFixtureSpareAccountWide),
			querycheck.ExpectResourceKnownValues("arize_ai_integration.org_a", queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
				"id": knownvalue.StringExact(f.integrations[scopedAAndB1].ID),
			}), []querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("scopings").AtSliceIndex(0).AtMapKey("organization_id"), KnownValue: knownvalue.StringExact(f.orgA.ID)},
				{Path: tfjsonpath.New("scopings").AtSliceIndex(1).AtMapKey("space_id"), KnownValue: knownvalue.StringExact(f.b1.ID)},
				{Path: tfjsonpath.New("api_key"), KnownValue: knownvalue.Null()},
			}),
		},
	)
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: f.env.config("")},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`
list "arize_ai_integration" "all" {
  provider = arize
  limit    = 1000 # Terraform's default is 100
}

list "arize_ai_integration" "org_a" {
  provider         = arize
  include_resource = true
  config {
    organization_id = %[1]q
  }
}

list "arize_ai_integration" "org_b" {
  provider = arize
  config {
    organization_id = %[2]q
  }
}

list "arize_ai_integration" "space_a1" {
  provider = arize
  config {
    space_id = %[3]q
  }
}

list "arize_ai_integration" "space_b1" {
  provider = arize
  config {
    space_id = %[4]q
  }
}

list "arize_ai_integration" "org_b_space_b1" {
  provider = arize
  config {
    organization_id = %[2]q
    space_id        = %[4]q
  }
}

list "arize_ai_integration" "org_a_anthropic" {
  provider = arize
  config {
    organization_id = %[1]q
    name            = "anthropic"
  }
}

list "arize_ai_integration" "space_b2" {
  provider = arize
  config {
    space_id = %[5]q
  }
}
`, f.orgA.ID, f.orgB.ID, f.a1.ID, f.b1.ID, f.b2.ID),
			QueryResultChecks: checks,
		},
		// What organization_id costs: a read of the organization, a page
		// of its spaces, and the two pages of the whole list, which the
		// API cannot filter by organization.
		resource.TestStep{
			PreConfig: f.emu.ResetCounters,
			Query:     true,
			Config: fmt.Sprintf(`
list "arize_ai_integration" "org_a" {
  provider = arize
  config {
    organization_id = %q
  }
}
`, f.orgA.ID),
			QueryResultChecks: append(f.expectIntegrations("arize_ai_integration.org_a", scopedOrgA, scopedA1, scopedA2, scopedAAndB1),
				expectQueryRequests(f.emu, map[string]int{
					"GET " + emulator.RouteOrganization: 1, "GET " + emulator.RouteSpaces: 1, routeList: 2,
					"GET " + emulator.RouteOrganizations: 0, "GET " + emulator.RouteSpace: 0,
				})),
		},
		// space_id alone is the API's filter: one page, nothing else.
		resource.TestStep{
			PreConfig: f.emu.ResetCounters,
			Query:     true,
			Config: fmt.Sprintf(`
list "arize_ai_integration" "space_a2" {
  provider = arize
  config {
    space_id = %q
  }
}
`, f.a2.ID),
			QueryResultChecks: append(f.expectIntegrations("arize_ai_integration.space_a2", scopedA2),
				expectQueryRequests(f.emu, map[string]int{
					routeList: 1, "GET " + emulator.RouteOrganization: 0, "GET " + emulator.RouteSpaces: 0, "GET " + emulator.RouteSpace: 0,
				})),
		},
		resource.TestStep{
			Query: true,
			Config: `
list "arize_ai_integration" "test" {
  provider = arize
  config {
    organization_id = "T3JnYW5pemF0aW9uOjk5OTpub25l"
  }
}
`,
			ExpectError: wrappedRegexp(`Could not list Arize AI integrations[\s\S]*no organization with ID "T3JnYW5pemF0aW9uOjk5OTpub25l" exists`),
		},
		resource.TestStep{
			Query: true,
			Config: `
list "arize_ai_integration" "test" {
  provider = arize
  config {
    space_id = "U3BhY2U6OTk5OTpub25l"
  }
}
`,
			ExpectError: wrappedRegexp(`Could not list Arize AI integrations[\s\S]*no space with ID "U3BhY2U6OTk5OTpub25l" exists`),
		},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`
list "arize_ai_integration" "test" {
  provider = arize
  config {
    organization_id = %q
    space_id        = %q
  }
}
`, f.orgA.ID, f.b1.ID),
			ExpectError: wrappedRegexp(`Could not list Arize AI integrations[\s\S]*the space ` + regexp.QuoteMeta(strconv.Quote(f.b1.ID)) +
				` is not one of the spaces of the organization ` + regexp.QuoteMeta(strconv.Quote(f.orgA.ID))),
		},
	)
}

// TestAccAIIntegrationList_accountWide: account_wide = true keeps the
// integrations with no scoping, over every page of the list, and nothing
// scoped; it cannot be set with a scope filter, which is refused before
// any request.
func TestAccAIIntegrationList_accountWide(t *testing.T) {
	f := newScopeFixture(t)
	const accountWide = "arize_ai_integration.account_wide"
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: f.env.config("")},
		resource.TestStep{
			Query: true,
			Config: `
list "arize_ai_integration" "account_wide" {
  provider = arize
  limit    = 1000
  config {
    account_wide = true
  }
}

list "arize_ai_integration" "not_only_account_wide" {
  provider = arize
  limit    = 1000
  config {
    account_wide = false
  }
}
`,
			QueryResultChecks: []querycheck.QueryResultCheck{
				// The fixture's one account-wide integration and its spares,
				// the last of them on the list's second page.
				querycheck.ExpectLength(accountWide, 1+scopeFixtureSpareAccountWide),
				querycheck.ExpectIdentity(accountWide, map[string]knownvalue.Check{
					"id": knownvalue.StringExact(f.integrations[scopedAccount].ID),
				}),
				querycheck.ExpectResourceDisplayName(accountWide, queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(f.integrations[scopedAccount].ID),
				}), knownvalue.StringExact(scopedAccount)),
				querycheck.ExpectLength("arize_ai_integration.not_only_account_wide", len(f.integrations)+scopeFixtureSpareAccountWide),
			},
		},
		resource.TestStep{
			PreConfig: f.emu.ResetCounters,
			Query:     true,
			Config: fmt.Sprintf(`
list "arize_ai_integration" "test" {
  provider = arize
  config {
    account_wide    = true
    organization_id = %q
  }
}
`, f.orgA.ID),
			ExpectError: wrappedRegexp(`account_wide = true finds the integrations with no scoping, which organization_id never finds`),
		},
		// false is the same as leaving it out, beside any filter; and the
		// refused query before sent nothing to Arize.
		resource.TestStep{
			PreConfig: func() {
				if n := f.emu.Total(); n != 0 {
					t.Errorf("a query refused at validation sent %d request(s): %v", n, f.emu.Requests())
				}
			},
			Query: true,
			Config: fmt.Sprintf(`
list "arize_ai_integration" "org_a" {
  provider = arize
  config {
    account_wide    = false
    organization_id = %q
  }
}
`, f.orgA.ID),
			QueryResultChecks: f.expectIntegrations("arize_ai_integration.org_a", scopedOrgA, scopedA1, scopedA2, scopedAAndB1),
		},
	)
}
