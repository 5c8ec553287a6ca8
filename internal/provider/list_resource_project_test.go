package provider

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestAccProjectList_query finds projects with terraform query, through
// more than one page, with each filter, as import would read them.
func TestAccProjectList_query(t *testing.T) {
	w := newProjectWorld(t) // spaces "LLM apps" and "Other apps"
	chat := w.put(t, w.spaceA, "Chat bot")
	w.put(t, w.spaceA, "Search")
	otherChat := w.put(t, w.spaceB, "chat assistant")
	// Enough more for a second page of the largest page size.
	const bulk = maxPageSize
	for i := range bulk {
		w.put(t, w.spaceB, fmt.Sprintf("bulk-%03d", i))
	}
	// Query checks name list blocks without their "list." prefix.
	const all = "arize_project.all"
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: w.env.config("")},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`
list "arize_project" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000 # Terraform's default is 100
}

list "arize_project" "chat" {
  provider = arize
  config {
    name = "CHAT"
  }
}

list "arize_project" "space_a" {
  provider = arize
  config {
    space_id = %q
  }
}

list "arize_project" "chat_in_other" {
  provider = arize
  config {
    space_name = "other"
    name       = "chat"
  }
}

list "arize_project" "first" {
  provider = arize
  limit    = 1
}
`, w.spaceA),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, 3+bulk),
				querycheck.ExpectLength("arize_project.chat", 2),
				querycheck.ExpectLength("arize_project.space_a", 2),
				querycheck.ExpectLength("arize_project.chat_in_other", 1),
				querycheck.ExpectIdentity("arize_project.chat_in_other", map[string]knownvalue.Check{"id": knownvalue.StringExact(otherChat.ID)}),
				querycheck.ExpectLength("arize_project.first", 1),
				querycheck.ExpectIdentity("arize_project.first", map[string]knownvalue.Check{"id": knownvalue.StringExact(chat.ID)}),
				querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(otherChat.ID),
				}), knownvalue.StringExact("chat assistant")),
				querycheck.ExpectResourceKnownValues(all, queryfilter.ByDisplayName(knownvalue.StringExact("Chat bot")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(chat.ID)},
					{Path: tfjsonpath.New("space_id"), KnownValue: knownvalue.StringExact(w.spaceA)},
					{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Chat bot")},
					{Path: tfjsonpath.New("created_at"), KnownValue: knownvalue.StringExact(chat.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"))},
					// What an import gives: the generated configuration keeps it protected.
					{Path: tfjsonpath.New("deletion_protection"), KnownValue: knownvalue.Bool(true)},
				}),
			},
		},
	)
}

// scopeWorld is an account for the scope filters' tests, made outside
// Terraform: the organization Platform with the spaces Support and Search,
// Research with the space Lab, and Empty with no space at all. Each test
// puts its objects in every space, so that each filter has objects both in
// and out of its scope.
type scopeWorld struct {
	env *accEnv
	emu *emulator.Server
	// Organization IDs.
	platform, research, empty string
	// Space IDs: support and search are Platform's, lab is Research's.
	support, search, lab string
}

func newScopeWorld(t *testing.T) *scopeWorld {
	t.Helper()
	env := newAccEnv(t)
	emu := env.emulator(t)
	platform, research := spaceTestOrg(t, emu, "Platform"), spaceTestOrg(t, emu, "Research")
	return &scopeWorld{
		env: env, emu: emu,
		platform: platform.ID, research: research.ID, empty: spaceTestOrg(t, emu, "Empty").ID,
		support: spaceTestSpace(t, emu, platform.ID, "Support").ID,
		search:  spaceTestSpace(t, emu, platform.ID, "Search").ID,
		lab:     spaceTestSpace(t, emu, research.ID, "Lab").ID,
	}
}

// IDs that name nothing the emulator holds.
const (
	missingOrganizationID = "T3JnYW5pemF0aW9uOjk5OTk6bm9uZQ==" // Organization:9999:none
	missingSpaceID        = "U3BhY2U6OTk5OTpub25l"             // Space:9999:none
)

// expectListedIDs checks that the list block addr (without its "list."
// prefix) found exactly the objects ids: as many results, and each of ids
// among them.
func expectListedIDs(addr string, ids ...string) []querycheck.QueryResultCheck {
	checks := []querycheck.QueryResultCheck{querycheck.ExpectLength(addr, len(ids))}
	for _, id := range ids {
		checks = append(checks, querycheck.ExpectIdentity(addr, map[string]knownvalue.Check{"id": knownvalue.StringExact(id)}))
	}
	return checks
}

// scopeQueryError is a query step of one list block of type typ with the
// config body, which fails with the error expect.
func (w *scopeWorld) scopeQueryError(typ, body, expect string) resource.TestStep {
	return resource.TestStep{
		Query:       true,
		Config:      fmt.Sprintf("list %q \"test\" {\n  provider = arize\n  config {\n%s\n  }\n}\n", typ, body),
		ExpectError: wrappedRegexp(expect),
	}
}

// TestAccProjectList_scope: organization_id keeps the projects of the
// organization's spaces, alone, with space_id, and with the API's filters;
// a page of projects all out of scope is read past; a filter naming an
// organization or space that does not exist, or a space of another
// organization, fails the query; and the requests of a filtered list are
// counted.
func TestAccProjectList_scope(t *testing.T) {
	w := newScopeWorld(t)
	put := func(space, name string) string {
		t.Helper()
		p, err := w.emu.PutProject(space, name)
		if err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	// A page of Research's projects first: listing Platform's reads a page
	// in which none is in scope, then the page that holds them.
	var lab []string
	for i := range maxPageSize {
		lab = append(lab, put(w.lab, fmt.Sprintf("experiment-%03d", i)))
	}
	chatBot, refunds, ranker := put(w.support, "Chat bot"), put(w.support, "Refunds"), put(w.search, "Ranker")
	chatLab := put(w.lab, "Chat lab")
	lab = append(lab, chatLab)

	var checks []querycheck.QueryResultCheck
	for addr, ids := range map[string][]string{
		"arize_project.platform":             {chatBot, refunds, ranker},
		"arize_project.research":             lab,
		"arize_project.platform_chat":        {chatBot},
		"arize_project.platform_support":     {chatBot, refunds},
		"arize_project.search_in_platform":   {ranker},
		"arize_project.research_support":     nil,
		"arize_project.lab_named_nothing":    nil,
		"arize_project.empty":                nil,
		"arize_project.lab_without_platform": lab,
	} {
		checks = append(checks, expectListedIDs(addr, ids...)...)
	}
	checks = append(checks, querycheck.ExpectResourceKnownValues("arize_project.platform",
		queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(ranker)}),
		[]querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("space_id"), KnownValue: knownvalue.StringExact(w.search)},
			{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Ranker")},
			{Path: tfjsonpath.New("deletion_protection"), KnownValue: knownvalue.Bool(true)},
		}))

	const typ = "arize_project"
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: w.env.config("")},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`
list "arize_project" "platform" {
  provider         = arize
  include_resource = true
  config {
    organization_id = %[1]q
  }
}

list "arize_project" "research" {
  provider = arize
  limit    = 1000
  config {
    organization_id = %[2]q
  }
}

list "arize_project" "platform_chat" {
  provider = arize
  config {
    organization_id = %[1]q
    name            = "chat"
  }
}

list "arize_project" "platform_support" {
  provider = arize
  config {
    organization_id = %[1]q
    space_name      = "sup"
  }
}

list "arize_project" "search_in_platform" {
  provider = arize
  config {
    organization_id = %[1]q
    space_id        = %[4]q
  }
}

# Research's one space is Lab, whose name does not contain "sup".
list "arize_project" "research_support" {
  provider = arize
  config {
    organization_id = %[2]q
    space_name      = "sup"
  }
}

# The space exists; the API's 404 is for the space name.
list "arize_project" "lab_named_nothing" {
  provider = arize
  config {
    space_id   = %[5]q
    space_name = "no such space"
  }
}

list "arize_project" "empty" {
  provider = arize
  config {
    organization_id = %[3]q
  }
}

list "arize_project" "lab_without_platform" {
  provider = arize
  limit    = 1000
  config {
    space_id = %[5]q
  }
}
`, w.platform, w.research, w.empty, w.search, w.lab),
			QueryResultChecks: checks,
		},
		w.scopeQueryError(typ, fmt.Sprintf("organization_id = %q", missingOrganizationID),
			`Could not list Arize projects[\s\S]*no organization with ID "`+missingOrganizationID+`" exists that the provider's API key can see`),
		w.scopeQueryError(typ, fmt.Sprintf("organization_id = %q\nspace_id = %q", w.platform, w.lab),
			`Could not list Arize projects[\s\S]*the space "`+w.lab+`" is not one of the spaces of the organization "`+w.platform+`"`),
		w.scopeQueryError(typ, fmt.Sprintf("space_id = %q\nspace_name = \"lab\"", missingSpaceID),
			`Could not list Arize projects[\s\S]*no space with ID "`+missingSpaceID+`" exists that the provider's API key can see`),
		// Platform's two spaces: the organization, its spaces, and one
		// list of the account's projects, two pages at the largest size.
		resource.TestStep{
			PreConfig: w.emu.ResetCounters,
			Query:     true,
			Config:    fmt.Sprintf("list \"arize_project\" \"platform\" {\n  provider = arize\n  config {\n    organization_id = %q\n  }\n}\n", w.platform),
			QueryResultChecks: append(expectListedIDs("arize_project.platform", chatBot, refunds, ranker),
				expectQueryRequests(w.emu, map[string]int{
					"GET " + emulator.RouteOrganization: 1, "GET " + emulator.RouteSpaces: 1, routeProjectList: 2,
					"GET " + emulator.RouteSpace: 0, routeProjectGet: 0,
				})),
		},
		// An organization of no space lists no project.
		resource.TestStep{
			PreConfig: w.emu.ResetCounters,
			Query:     true,
			Config:    fmt.Sprintf("list \"arize_project\" \"empty\" {\n  provider = arize\n  config {\n    organization_id = %q\n  }\n}\n", w.empty),
			QueryResultChecks: append(expectListedIDs("arize_project.empty"),
				expectQueryRequests(w.emu, map[string]int{
					"GET " + emulator.RouteOrganization: 1, "GET " + emulator.RouteSpaces: 1, routeProjectList: 0,
				})),
		},
	)
}

// TestResolveForSpaceFilter: how the lists of projects and evaluators read
// the scope filters, and what each way costs: space_id alone goes to the
// API as it is, with no request; an organization of one space is that
// space's filter; one of several is a set of spaces to keep; one of none
// lists nothing.
func TestResolveForSpaceFilter(t *testing.T) {
	emu := emulator.New(emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	client, err := arize.New(arize.Config{Endpoint: srv.URL, APIKey: testAccAPIKey})
	if err != nil {
		t.Fatal(err)
	}
	one, two, none := spaceTestOrg(t, emu, "One"), spaceTestOrg(t, emu, "Two"), spaceTestOrg(t, emu, "None")
	only := spaceTestSpace(t, emu, one.ID, "Only")
	first, second := spaceTestSpace(t, emu, two.ID, "First"), spaceTestSpace(t, emu, two.ID, "Second")
	for _, c := range []struct {
		name          string
		org, space    string
		wantSpaceID   string
		wantKept      []string // nil: every answer is kept
		wantEmpty     bool
		wantRequests  int
		wantNotKeptID string
	}{
		{name: "no filter"},
		{name: "space alone", space: missingSpaceID, wantSpaceID: missingSpaceID},
		{name: "organization of one space", org: one.ID, wantSpaceID: only.ID, wantRequests: 2},
		{name: "organization of two spaces", org: two.ID, wantKept: []string{first.ID, second.ID}, wantRequests: 2, wantNotKeptID: only.ID},
		{name: "organization and its space", org: two.ID, space: second.ID, wantSpaceID: second.ID, wantRequests: 2},
		{name: "organization of no space", org: none.ID, wantEmpty: true, wantRequests: 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			emu.ResetCounters()
			// Null where the test leaves a filter out, as a config would.
			f := listScope{OrganizationID: emptyToNull(c.org), SpaceID: emptyToNull(c.space)}
			got, err := resolveForSpaceFilter(context.Background(), client, f)
			if err != nil {
				t.Fatal(err)
			}
			if got.spaceID != c.wantSpaceID || got.empty != c.wantEmpty || emu.Total() != c.wantRequests {
				t.Errorf("space_id %q, empty %t after %d requests; want %q, %t after %d",
					got.spaceID, got.empty, emu.Total(), c.wantSpaceID, c.wantEmpty, c.wantRequests)
			}
			if (got.spaces == nil) != (c.wantKept == nil) || len(got.spaces) != len(c.wantKept) {
				t.Errorf("spaces kept %v, want %v", got.spaces, c.wantKept)
			}
			for _, id := range c.wantKept {
				if !got.keep(id) {
					t.Errorf("the space %s of the organization is not kept", id)
				}
			}
			if c.wantNotKeptID != "" && got.keep(c.wantNotKeptID) {
				t.Errorf("the space %s of another organization is kept", c.wantNotKeptID)
			}
		})
	}
}
