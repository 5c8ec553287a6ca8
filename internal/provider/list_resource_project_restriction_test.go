package provider

import (
	"context"
	"encoding/base64"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// The list resource of project restrictions: the whole account, each
// filter with restrictions inside and outside its scope, what each costs
// in requests, through the short and empty pages Arize may answer, and
// results that are what an import by identity reads.

const restrictionListType = "arize_project_restriction"

// The routes the scope filters read, as the emulator counts them.
var (
	restrictionListRouteSpaces = "GET " + emulator.RouteSpaces
	restrictionListRouteSpace  = "GET " + emulator.RouteSpace
)

// restrictionListWorld is an account of two organizations. Acme has the
// spaces "LLM apps" (Chat bot, restricted; Search, not), "Billing apps"
// (Billing, restricted) and "Empty"; Partner has "Partner apps" (Partner
// bot, restricted). The restrictions were made Partner bot first, then
// Billing, then Chat bot: the list's order.
type restrictionListWorld struct {
	emu                                 *emulator.Server
	acme, partner                       string
	llmApps, billingApps, empty, others string
	chat, search, billing, partnerBot   emulator.Project
	// restricted holds the restrictions, by project ID.
	restricted map[string]emulator.ResourceRestriction
}

func newRestrictionListWorld(t *testing.T, emu *emulator.Server) *restrictionListWorld {
	t.Helper()
	w := &restrictionListWorld{emu: emu, restricted: map[string]emulator.ResourceRestriction{}}
	w.acme = spaceTestOrg(t, emu, "Acme").ID
	w.partner = spaceTestOrg(t, emu, "Partner").ID
	w.llmApps = spaceTestSpace(t, emu, w.acme, "LLM apps").ID
	w.billingApps = spaceTestSpace(t, emu, w.acme, "Billing apps").ID
	w.empty = spaceTestSpace(t, emu, w.acme, "Empty").ID
	w.others = spaceTestSpace(t, emu, w.partner, "Partner apps").ID
	put := func(space, name string) emulator.Project {
		t.Helper()
		p, err := emu.PutProject(space, name)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	w.chat = put(w.llmApps, "Chat bot")
	w.search = put(w.llmApps, "Search")
	w.billing = put(w.billingApps, "Billing")
	w.partnerBot = put(w.others, "Partner bot")
	for _, p := range []emulator.Project{w.partnerBot, w.billing, w.chat} {
		rr, err := emu.PutRestriction(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		w.restricted[p.ID] = rr
	}
	// Pages of none, one, none, one...: the six pages 0 to 5 hold nothing,
	// Partner bot, nothing, Billing, nothing, Chat bot, and only the last
	// says no more follow. Every listing must page through the empty ones.
	emu.SetRestrictionPageSizes(0, 1)
	return w
}

// createdAt is the created_at of the restriction of project id, as the API
// spells it.
func (w *restrictionListWorld) createdAt(id string) string {
	return w.restricted[id].CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z")
}

// missingID is an ID of the type typeName that names nothing.
func missingID(typeName string) string {
	return base64.StdEncoding.EncodeToString([]byte(typeName + ":999:none"))
}

// restrictionQueryResult is one result of a list of restrictions made in
// the test process.
type restrictionQueryResult struct {
	displayName string
	identity    tftypes.Value
	resource    tftypes.Value // null unless the list included resources
}

// listRestrictions sends ListResource for arize_project_restriction with
// the filters config, as terraform query would, and collects its results
// and the diagnostics of those that carry some.
func listRestrictions(t *testing.T, p *protoProvider, config tfObject, includeResource bool, limit int64) ([]restrictionQueryResult, []*tfprotov6.Diagnostic) {
	t.Helper()
	schema, ok := p.schemas.ListResourceSchemas[restrictionListType]
	if !ok {
		t.Fatalf("no list resource %s", restrictionListType)
	}
	// The framework's server lists, but tfprotov6 keeps ListResource out of
	// ProviderServer while the protocol's list support is new.
	lister, ok := p.server.(interface {
		ListResource(context.Context, *tfprotov6.ListResourceRequest) (*tfprotov6.ListResourceServerStream, error)
	})
	if !ok {
		t.Fatal("the provider server cannot list resources")
	}
	stream, err := lister.ListResource(context.Background(), &tfprotov6.ListResourceRequest{
		TypeName:        restrictionListType,
		Config:          p.dynamic(schema, tfValue(t, schema.ValueType(), config)),
		IncludeResource: includeResource,
		Limit:           limit,
	})
	if err != nil {
		t.Fatal(err)
	}
	identityType := restrictionIdentityType(t, p)
	resourceType := p.resourceSchema(restrictionListType).ValueType()
	var results []restrictionQueryResult
	var diags []*tfprotov6.Diagnostic
	for r := range stream.Results {
		diags = append(diags, r.Diagnostics...)
		if hasErrors(r.Diagnostics) {
			continue
		}
		out := restrictionQueryResult{displayName: r.DisplayName, resource: tftypes.NewValue(resourceType, nil)}
		if out.identity, err = r.Identity.IdentityData.Unmarshal(identityType); err != nil {
			t.Fatal(err)
		}
		if r.Resource != nil {
			if out.resource, err = r.Resource.Unmarshal(resourceType); err != nil {
				t.Fatal(err)
			}
		}
		results = append(results, out)
	}
	return results, diags
}

// restrictionIdentityType is the type of the resource's identity.
func restrictionIdentityType(t *testing.T, p *protoProvider) tftypes.Type {
	t.Helper()
	resp, err := p.server.GetResourceIdentitySchemas(context.Background(), &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil || hasErrors(resp.Diagnostics) {
		t.Fatalf("GetResourceIdentitySchemas: %v %s", err, diagsText(resp.Diagnostics))
	}
	return resp.IdentitySchemas[restrictionListType].ValueType()
}

// importRestrictionByIdentity imports a restriction by identity, as an
// import block's identity does, then reads it, as the plan after an import
// does, and returns the state and identity that read leaves.
func importRestrictionByIdentity(t *testing.T, p *protoProvider, identity tftypes.Value) (state, newIdentity tftypes.Value) {
	t.Helper()
	identityType := restrictionIdentityType(t, p)
	idv, err := tfprotov6.NewDynamicValue(identityType, identity)
	if err != nil {
		t.Fatal(err)
	}
	imported, err := p.server.ImportResourceState(context.Background(), &tfprotov6.ImportResourceStateRequest{
		TypeName: restrictionListType,
		Identity: &tfprotov6.ResourceIdentityData{IdentityData: &idv},
	})
	if err != nil {
		t.Fatal(err)
	}
	if hasErrors(imported.Diagnostics) || len(imported.ImportedResources) != 1 {
		t.Fatalf("import by identity %s: %d resources, %s", identity, len(imported.ImportedResources), diagsText(imported.Diagnostics))
	}
	read, err := p.server.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{
		TypeName:        restrictionListType,
		CurrentState:    imported.ImportedResources[0].State,
		CurrentIdentity: imported.ImportedResources[0].Identity,
	})
	if err != nil {
		t.Fatal(err)
	}
	if hasErrors(read.Diagnostics) || read.NewState == nil || read.NewIdentity == nil {
		t.Fatalf("read after import by identity %s: %s", identity, diagsText(read.Diagnostics))
	}
	if state, err = read.NewState.Unmarshal(p.resourceSchema(restrictionListType).ValueType()); err != nil {
		t.Fatal(err)
	}
	if newIdentity, err = read.NewIdentity.IdentityData.Unmarshal(identityType); err != nil {
		t.Fatal(err)
	}
	return state, newIdentity
}

// newRestrictionListProvider is a provider configured against a new
// emulator that holds restrictionListWorld.
func newRestrictionListProvider(t *testing.T) (*protoProvider, *restrictionListWorld) {
	t.Helper()
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	w := newRestrictionListWorld(t, emu)
	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey, "max_retries": 0}))
	return p, w
}

// TestProjectRestrictionList_filters lists restrictions with each filter,
// in the test process: exactly the restrictions in scope, in the list's
// order, named by their project where the filters read it, and no request
// more than each filter needs. The list itself is paged through its empty
// pages, and no further than the page that holds the last restriction in
// scope, when every project in scope is restricted.
func TestProjectRestrictionList_filters(t *testing.T) {
	p, w := newRestrictionListProvider(t)
	byID := func(p emulator.Project) string { return restrictionDisplayPrefix + p.ID }
	for _, c := range []struct {
		name       string
		config     tfObject
		limit      int64
		forbidGet  bool // the project's GET answers 403
		want       []string
		wantError  string
		wantCounts map[string]int
	}{
		{
			name: "the whole account", want: []string{byID(w.partnerBot), byID(w.billing), byID(w.chat)},
			// Every page, and nothing else: naming the results would read every project.
			wantCounts: map[string]int{routeRestrictionList: 6},
		},
		{
			name: "the first of the whole account", limit: 1, want: []string{byID(w.partnerBot)},
			wantCounts: map[string]int{routeRestrictionList: 2},
		},
		{
			name: "organization", config: tfObject{"organization_id": w.acme}, want: []string{"Billing", "Chat bot"},
			// Search is in scope and not restricted: every page is read.
			wantCounts: map[string]int{routeOrgGet: 1, restrictionListRouteSpaces: 1, routeProjectList: 3, routeRestrictionList: 6},
		},
		{
			name: "the other organization", config: tfObject{"organization_id": w.partner}, want: []string{"Partner bot"},
			// Its only project is found restricted on page 1: no page more.
			wantCounts: map[string]int{routeOrgGet: 1, restrictionListRouteSpaces: 1, routeProjectList: 1, routeRestrictionList: 2},
		},
		{
			name: "space", config: tfObject{"space_id": w.billingApps}, want: []string{"Billing"},
			wantCounts: map[string]int{restrictionListRouteSpace: 1, routeProjectList: 1, routeRestrictionList: 4},
		},
		{
			name: "space with an unrestricted project", config: tfObject{"space_id": w.llmApps}, want: []string{"Chat bot"},
			wantCounts: map[string]int{restrictionListRouteSpace: 1, routeProjectList: 1, routeRestrictionList: 6},
		},
		{
			name: "organization and space", config: tfObject{"organization_id": w.acme, "space_id": w.llmApps}, want: []string{"Chat bot"},
			wantCounts: map[string]int{routeOrgGet: 1, restrictionListRouteSpaces: 1, routeProjectList: 1, routeRestrictionList: 6},
		},
		{
			name: "a space with no project", config: tfObject{"space_id": w.empty},
			// No project, so no restriction: the list is not read.
			wantCounts: map[string]int{restrictionListRouteSpace: 1, routeProjectList: 1},
		},
		{
			name: "project", config: tfObject{"project_id": w.billing.ID}, want: []string{"Billing"},
			wantCounts: map[string]int{routeProjectGet: 1, routeRestrictionList: 4},
		},
		{
			name: "an unrestricted project", config: tfObject{"project_id": w.search.ID},
			wantCounts: map[string]int{routeProjectGet: 1, routeRestrictionList: 6},
		},
		{
			name: "project in its space", config: tfObject{"space_id": w.llmApps, "project_id": w.chat.ID}, want: []string{"Chat bot"},
			// The space's projects name it: no GET of the project.
			wantCounts: map[string]int{restrictionListRouteSpace: 1, routeProjectList: 1, routeRestrictionList: 6},
		},
		{
			name: "a project the key may not read", config: tfObject{"project_id": w.billing.ID}, forbidGet: true,
			want:       []string{byID(w.billing)},
			wantCounts: map[string]int{routeProjectGet: 1, routeRestrictionList: 4},
		},
		{
			name: "a project outside the space", config: tfObject{"space_id": w.llmApps, "project_id": w.billing.ID},
			wantError:  fmt.Sprintf("the project %q is not one of the projects of the spaces", w.billing.ID),
			wantCounts: map[string]int{restrictionListRouteSpace: 1, routeProjectList: 1},
		},
		{
			name: "a space outside the organization", config: tfObject{"organization_id": w.partner, "space_id": w.llmApps},
			wantError:  fmt.Sprintf("the space %q is not one of the spaces of the organization %q", w.llmApps, w.partner),
			wantCounts: map[string]int{routeOrgGet: 1, restrictionListRouteSpaces: 1},
		},
		{
			name: "a missing organization", config: tfObject{"organization_id": missingID("Organization")},
			wantError:  fmt.Sprintf("no organization with ID %q exists", missingID("Organization")),
			wantCounts: map[string]int{routeOrgGet: 1},
		},
		{
			name: "a missing space", config: tfObject{"space_id": missingID("Space")},
			wantError:  fmt.Sprintf("no space with ID %q exists", missingID("Space")),
			wantCounts: map[string]int{restrictionListRouteSpace: 1},
		},
		{
			name: "a missing project", config: tfObject{"project_id": missingID("Project")},
			wantError:  fmt.Sprintf("no project with ID %q exists", missingID("Project")),
			wantCounts: map[string]int{routeProjectGet: 1},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			w.emu.ResetCounters()
			if c.forbidGet {
				w.emu.FailNext(1, http.StatusForbidden)
			}
			results, diags := listRestrictions(t, p, c.config, false, c.limit)
			if c.wantError != "" {
				expectError(t, diags, nil, "Could not list Arize project restrictions", c.wantError)
			} else {
				expectNoErrors(t, diags)
			}
			got := make([]string, len(results))
			for i, r := range results {
				got[i] = r.displayName
				if want := tfValue(t, r.identity.Type(), tfObject{"project_id": restrictionIDOf(r.displayName, w)}); !r.identity.Equal(want) {
					t.Errorf("result %q has the identity %s, want %s", r.displayName, r.identity, want)
				}
				if !r.resource.IsNull() {
					t.Errorf("result %q holds a resource the query did not ask for", r.displayName)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("results %q, want %q", got, c.want)
			}
			if requests := w.emu.Requests(); !maps.Equal(requests, c.wantCounts) {
				t.Errorf("requests %v, want %v", requests, c.wantCounts)
			}
		})
	}
}

// restrictionIDOf is the project ID of the result named displayName.
func restrictionIDOf(displayName string, w *restrictionListWorld) string {
	for _, p := range []emulator.Project{w.chat, w.search, w.billing, w.partnerBot} {
		if displayName == p.Name || displayName == restrictionDisplayPrefix+p.ID {
			return p.ID
		}
	}
	return "no project is named " + displayName
}

// TestProjectRestrictionList_sameAsImport: each result with include_resource
// holds exactly the state that an import of its identity, and the read
// after it, give; and the identity the read leaves is the result's.
func TestProjectRestrictionList_sameAsImport(t *testing.T) {
	p, w := newRestrictionListProvider(t)
	results, diags := listRestrictions(t, p, nil, true, 0)
	expectNoErrors(t, diags)
	if len(results) != len(w.restricted) {
		t.Fatalf("%d results, want %d", len(results), len(w.restricted))
	}
	for _, r := range results {
		id := restrictionIDOf(r.displayName, w)
		want := tfValue(t, r.resource.Type(), tfObject{"id": id, "project_id": id, "created_at": w.createdAt(id)})
		if !r.resource.Equal(want) {
			t.Errorf("result %q holds %s, want %s", r.displayName, r.resource, want)
		}
		state, identity := importRestrictionByIdentity(t, p, r.identity)
		if !state.Equal(r.resource) {
			t.Errorf("import of %q reads %s; the list result holds %s", r.displayName, state, r.resource)
		}
		if !identity.Equal(r.identity) {
			t.Errorf("import of %q leaves the identity %s; the list result has %s", r.displayName, identity, r.identity)
		}
	}
}

// TestAccProjectRestrictionList_query finds restrictions with terraform
// query over the whole account and with each filter, through empty pages,
// then imports one listed result by its identity: the import plans no
// change and holds what the query showed.
func TestAccProjectRestrictionList_query(t *testing.T) {
	env := newAccEnv(t)
	w := newRestrictionListWorld(t, env.emulator(t))
	identity := func(p emulator.Project) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{"project_id": knownvalue.StringExact(p.ID)}
	}
	const addr = "arize_project_restriction.adopted"
	resourceBlock := fmt.Sprintf("resource %q %q {\n  project_id = %q\n}\n", restrictionListType, "adopted", w.billing.ID)
	// List resources need Terraform 1.14; identities, 1.12.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: env.config("")},
		resource.TestStep{
			Query: true,
			// A query's configuration is its list blocks alone: the
			// provider block is the previous step's.
			Config: fmt.Sprintf(`
list "arize_project_restriction" "all" {
  provider         = arize
  include_resource = true
}

list "arize_project_restriction" "acme" {
  provider = arize
  config {
    organization_id = %[1]q
  }
}

list "arize_project_restriction" "billing_apps" {
  provider         = arize
  include_resource = true
  config {
    space_id = %[2]q
  }
}

list "arize_project_restriction" "partner" {
  provider = arize
  config {
    organization_id = %[3]q
    space_id        = %[4]q
  }
}

list "arize_project_restriction" "chat" {
  provider = arize
  config {
    project_id = %[5]q
  }
}

list "arize_project_restriction" "search" {
  provider = arize
  config {
    project_id = %[6]q
  }
}
`, w.acme, w.billingApps, w.partner, w.others, w.chat.ID, w.search.ID),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength("arize_project_restriction.all", 3),
				querycheck.ExpectResourceDisplayName("arize_project_restriction.all", queryfilter.ByResourceIdentity(identity(w.chat)),
					knownvalue.StringExact(restrictionDisplayPrefix+w.chat.ID)),
				querycheck.ExpectResourceKnownValues("arize_project_restriction.all", queryfilter.ByResourceIdentity(identity(w.partnerBot)), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(w.partnerBot.ID)},
					{Path: tfjsonpath.New("project_id"), KnownValue: knownvalue.StringExact(w.partnerBot.ID)},
					{Path: tfjsonpath.New("created_at"), KnownValue: knownvalue.StringExact(w.createdAt(w.partnerBot.ID))},
				}),
				// Acme's two restrictions, not Partner's.
				querycheck.ExpectLength("arize_project_restriction.acme", 2),
				querycheck.ExpectResourceDisplayName("arize_project_restriction.acme", queryfilter.ByResourceIdentity(identity(w.billing)),
					knownvalue.StringExact("Billing")),
				querycheck.ExpectResourceDisplayName("arize_project_restriction.acme", queryfilter.ByResourceIdentity(identity(w.chat)),
					knownvalue.StringExact("Chat bot")),
				// Billing apps' one, not LLM apps'.
				querycheck.ExpectLength("arize_project_restriction.billing_apps", 1),
				querycheck.ExpectIdentity("arize_project_restriction.billing_apps", identity(w.billing)),
				querycheck.ExpectResourceKnownValues("arize_project_restriction.billing_apps", queryfilter.ByDisplayName(knownvalue.StringExact("Billing")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(w.billing.ID)},
					{Path: tfjsonpath.New("project_id"), KnownValue: knownvalue.StringExact(w.billing.ID)},
					{Path: tfjsonpath.New("created_at"), KnownValue: knownvalue.StringExact(w.createdAt(w.billing.ID))},
				}),
				querycheck.ExpectLength("arize_project_restriction.partner", 1),
				querycheck.ExpectIdentity("arize_project_restriction.partner", identity(w.partnerBot)),
				querycheck.ExpectLength("arize_project_restriction.chat", 1),
				querycheck.ExpectIdentity("arize_project_restriction.chat", identity(w.chat)),
				// Not restricted: no result, and no error.
				querycheck.ExpectLength("arize_project_restriction.search", 0),
			},
		},
		resource.TestStep{
			// The import block a generated configuration holds for the
			// listed Billing restriction: its identity.
			Config: env.config(fmt.Sprintf("import {\n  to = %s\n  identity = {\n    project_id = %q\n  }\n}\n", addr, w.billing.ID) + resourceBlock),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(addr, identity(w.billing)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(w.billing.ID)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("created_at"), knownvalue.StringExact(w.createdAt(w.billing.ID))),
				restrictionWrites(w.emu, 0, 0),
			},
		},
	)
}

// TestAccProjectRestrictionList_missingScope: a filter that names an
// organization, a space or a project that does not exist fails the query,
// saying which.
func TestAccProjectRestrictionList_missingScope(t *testing.T) {
	env := newAccEnv(t)
	newRestrictionListWorld(t, env.emulator(t))
	query := func(filter, id string) resource.TestStep {
		return resource.TestStep{
			Query: true,
			Config: fmt.Sprintf("list %q \"missing\" {\n  provider = arize\n  config {\n    %s = %q\n  }\n}\n",
				restrictionListType, filter, id),
			ExpectError: wrappedRegexp(`Could not list Arize project restrictions[\s\S]*no ` + filter[:len(filter)-len("_id")] +
				` with ID "` + regexp.QuoteMeta(id) + `" exists`),
		}
	}
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: env.config("")},
		query("organization_id", missingID("Organization")),
		query("space_id", missingID("Space")),
		query("project_id", missingID("Project")),
	)
}
