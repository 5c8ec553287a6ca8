package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestAccRoleBindingList_query(t *testing.T) {
	w := newBindingWorld(t)
	emu := w.emu
	put := func(user, typ, resourceID, role string) emulator.RoleBinding {
		t.Helper()
		b, err := emu.PutRoleBinding(emulator.RoleBinding{UserID: user, ResourceType: typ, ResourceID: resourceID, RoleID: role})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	carolA := put(testUserCarol, "SPACE", w.spaceA, bindingAdminRoleID)
	put(testUserDana, "SPACE", w.spaceA, w.reviewerRoleID)
	put(testUserCarol, "SPACE", w.spaceB, w.reviewerRoleID)
	bobProject := put(testUserBob, "PROJECT", bindingProjectID, w.reviewerRoleID)
	// Enough more PROJECT bindings for a second page of the largest page
	// size, so that the listing follows PROJECT's cursor after SPACE's.
	const bulk = maxPageSize
	for i := range bulk {
		put(testUserAlice, "PROJECT", fmt.Sprintf("project-%03d", i), w.reviewerRoleID)
	}
	const all = "arize_role_binding.all"
	carolADisplay := testUserCarol + " on SPACE " + w.spaceA
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: w.env.config("")},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`
list "arize_role_binding" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000 # Terraform's default is 100
}

list "arize_role_binding" "spaces" {
  provider = arize
  config {
    resource_type = "SPACE"
  }
}

# No resource type: SPACE, then PROJECT, of one user.
list "arize_role_binding" "carol" {
  provider = arize
  config {
    user_id = %[1]q
  }
}

list "arize_role_binding" "bob_projects" {
  provider = arize
  config {
    resource_type = "PROJECT"
    user_id       = %[2]q
  }
}

# The bindings on spaces come first.
list "arize_role_binding" "first" {
  provider = arize
  limit    = 1
}
`, testUserCarol, testUserBob),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, 4+bulk),
				querycheck.ExpectLength("arize_role_binding.spaces", 3),
				querycheck.ExpectLength("arize_role_binding.carol", 2),
				querycheck.ExpectLength("arize_role_binding.bob_projects", 1),
				querycheck.ExpectIdentity("arize_role_binding.bob_projects", map[string]knownvalue.Check{"id": knownvalue.StringExact(bobProject.ID)}),
				querycheck.ExpectLength("arize_role_binding.first", 1),
				querycheck.ExpectIdentity("arize_role_binding.first", map[string]knownvalue.Check{"id": knownvalue.StringExact(carolA.ID)}),
				querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(bobProject.ID),
				}), knownvalue.StringExact(testUserBob+" on PROJECT "+bindingProjectID)),
				querycheck.ExpectResourceKnownValues(all, queryfilter.ByDisplayName(knownvalue.StringExact(carolADisplay)), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(carolA.ID)},
					{Path: tfjsonpath.New("user_id"), KnownValue: knownvalue.StringExact(testUserCarol)},
					{Path: tfjsonpath.New("resource_type"), KnownValue: knownvalue.StringExact("SPACE")},
					{Path: tfjsonpath.New("resource_id"), KnownValue: knownvalue.StringExact(w.spaceA)},
					{Path: tfjsonpath.New("role_id"), KnownValue: knownvalue.StringExact(bindingAdminRoleID)},
					{Path: tfjsonpath.New("created_at"), KnownValue: knownvalue.StringExact(carolA.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"))},
					{Path: tfjsonpath.New("updated_at"), KnownValue: knownvalue.StringExact(carolA.UpdatedAt.UTC().Format("2006-01-02T15:04:05.000Z"))},
				}),
			},
		},
	)
}

// TestAccRoleBindingList_scope: organization_id and space_id keep the
// bindings on the spaces in scope and on those spaces' projects, from the
// API's list of every binding; with resource_type or user_id too, only
// those. A filter naming an organization or space that does not exist, or
// a space of another organization, fails the query; and the requests of
// filtered lists are counted: the projects of the spaces in scope are read
// only when a binding on a project is listed.
func TestAccRoleBindingList_scope(t *testing.T) {
	w := newScopeWorld(t)
	project := func(space, name string) string {
		t.Helper()
		p, err := w.emu.PutProject(space, name)
		if err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	bind := func(user, typ, resourceID string) string {
		t.Helper()
		b, err := w.emu.PutRoleBinding(emulator.RoleBinding{UserID: user, ResourceType: typ, ResourceID: resourceID, RoleID: bindingAdminRoleID})
		if err != nil {
			t.Fatal(err)
		}
		return b.ID
	}
	chatBot, ranker, labProject := project(w.support, "Chat bot"), project(w.search, "Ranker"), project(w.lab, "Experiments")
	carolSupport, danaSearch, carolLab := bind(testUserCarol, "SPACE", w.support), bind(testUserDana, "SPACE", w.search), bind(testUserCarol, "SPACE", w.lab)
	bobChatBot, aliceRanker, bobLab := bind(testUserBob, "PROJECT", chatBot), bind(testUserAlice, "PROJECT", ranker), bind(testUserBob, "PROJECT", labProject)
	// A project of no space the key can see: in no scope.
	bind(testUserBob, "PROJECT", bindingProjectID)

	var checks []querycheck.QueryResultCheck
	for addr, ids := range map[string][]string{
		"arize_role_binding.platform":           {carolSupport, danaSearch, bobChatBot, aliceRanker},
		"arize_role_binding.research":           {carolLab, bobLab},
		"arize_role_binding.support":            {carolSupport, bobChatBot},
		"arize_role_binding.search_in_platform": {danaSearch, aliceRanker},
		"arize_role_binding.platform_projects":  {bobChatBot, aliceRanker},
		"arize_role_binding.lab_spaces":         {carolLab},
		"arize_role_binding.carol_in_platform":  {carolSupport},
		"arize_role_binding.empty":              nil,
	} {
		checks = append(checks, expectListedIDs(addr, ids...)...)
	}
	checks = append(checks, querycheck.ExpectResourceKnownValues("arize_role_binding.platform",
		queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(aliceRanker)}),
		[]querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("user_id"), KnownValue: knownvalue.StringExact(testUserAlice)},
			{Path: tfjsonpath.New("resource_type"), KnownValue: knownvalue.StringExact("PROJECT")},
			{Path: tfjsonpath.New("resource_id"), KnownValue: knownvalue.StringExact(ranker)},
			{Path: tfjsonpath.New("role_id"), KnownValue: knownvalue.StringExact(bindingAdminRoleID)},
		}))

	const typ = "arize_role_binding"
	block := func(name, body string) string {
		return fmt.Sprintf("list \"arize_role_binding\" %q {\n  provider = arize\n  include_resource = true\n  config {\n%s\n  }\n}\n", name, body)
	}
	org := func(id string) string { return fmt.Sprintf("    organization_id = %q", id) }
	space := func(id string) string { return fmt.Sprintf("    space_id = %q", id) }
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: w.env.config("")},
		resource.TestStep{
			Query: true,
			Config: block("platform", org(w.platform)) +
				block("research", org(w.research)) +
				block("support", space(w.support)) +
				block("search_in_platform", org(w.platform)+"\n"+space(w.search)) +
				block("platform_projects", org(w.platform)+"\n    resource_type = \"PROJECT\"") +
				block("lab_spaces", space(w.lab)+"\n    resource_type = \"SPACE\"") +
				block("carol_in_platform", org(w.platform)+fmt.Sprintf("\n    user_id = %q", testUserCarol)) +
				block("empty", org(w.empty)),
			QueryResultChecks: checks,
		},
		w.scopeQueryError(typ, org(missingOrganizationID),
			`Could not list Arize role bindings[\s\S]*no organization with ID "`+missingOrganizationID+`" exists that the provider's API key can see`),
		w.scopeQueryError(typ, space(missingSpaceID),
			`Could not list Arize role bindings[\s\S]*no space with ID "`+missingSpaceID+`" exists that the provider's API key can see`),
		w.scopeQueryError(typ, org(w.research)+"\n"+space(w.search),
			`Could not list Arize role bindings[\s\S]*the space "`+w.search+`" is not one of the spaces of the organization "`+w.research+`"`),
		// Platform's two spaces: the organization, its spaces, the account's
		// bindings of each type, and, for those on projects, the projects
		// of each of the two spaces.
		resource.TestStep{
			PreConfig: w.emu.ResetCounters,
			Query:     true,
			Config:    block("platform", org(w.platform)),
			QueryResultChecks: append(expectListedIDs("arize_role_binding.platform", carolSupport, danaSearch, bobChatBot, aliceRanker),
				expectQueryRequests(w.emu, map[string]int{
					"GET " + emulator.RouteOrganization: 1, "GET " + emulator.RouteSpaces: 1, routeBindingList: 2,
					"GET " + emulator.RouteProjects: 2, "GET " + emulator.RouteSpace: 0, routeBindingGet: 0,
				})),
		},
		// Bindings on one space only: the space, and the account's bindings
		// on spaces; no project is read.
		resource.TestStep{
			PreConfig: w.emu.ResetCounters,
			Query:     true,
			Config:    block("support_spaces", space(w.support)+"\n    resource_type = \"SPACE\""),
			QueryResultChecks: append(expectListedIDs("arize_role_binding.support_spaces", carolSupport),
				expectQueryRequests(w.emu, map[string]int{
					"GET " + emulator.RouteSpace: 1, routeBindingList: 1, "GET " + emulator.RouteProjects: 0,
					"GET " + emulator.RouteOrganization: 0, "GET " + emulator.RouteSpaces: 0,
				})),
		},
	)
}
