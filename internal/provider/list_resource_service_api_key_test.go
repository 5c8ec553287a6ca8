package provider

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"testing"
	"time"

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

// serviceKeyListWorld is keyWorld (organization "Platform", spaces A and B)
// with a second organization, "Research", of one space, and service keys
// inside and outside each scope.
type serviceKeyListWorld struct {
	*keyWorld
	research, spaceR string
	// ci has roles in spaces A and B, nightly in B, uploader in R (with an
	// expiry); revoked and expired, in A, are gone.
	ci, nightly, uploader emulator.APIKey
}

// bulkServiceKeys is how many more keys space R holds: with the uploader,
// more than the largest page, so its list takes two pages.
const bulkServiceKeys = maxPageSize

func newServiceKeyListWorld(t *testing.T) *serviceKeyListWorld {
	t.Helper()
	w := &serviceKeyListWorld{keyWorld: newKeyWorld(t)}
	org, err := w.emu.PutOrganization("Research", "")
	if err != nil {
		t.Fatal(err)
	}
	space, err := w.emu.PutSpace(org.ID, "experiments", "", false)
	if err != nil {
		t.Fatal(err)
	}
	w.research, w.spaceR = org.ID, space.ID
	w.ci = w.put(t, emulator.APIKey{Name: "CI pipeline"}, w.org, w.spaceA, w.spaceB)
	w.nightly = w.put(t, emulator.APIKey{Name: "nightly batch"}, w.org, w.spaceB)
	w.uploader = w.put(t, emulator.APIKey{Name: "Research uploader", Description: "Uploads experiment traces",
		ExpiresAt: time.Date(2031, 1, 1, 9, 30, 0, 0, time.UTC)}, w.research, w.spaceR)
	revoked := w.put(t, emulator.APIKey{Name: "revoked CI"}, w.org, w.spaceA)
	expired := w.put(t, emulator.APIKey{Name: "expired CI", ExpiresAt: time.Now().Add(time.Hour)}, w.org, w.spaceA)
	if !w.emu.RevokeAPIKey(revoked.ID) || !w.emu.ExpireAPIKey(expired.ID) {
		t.Fatal("could not end the keys made to be gone")
	}
	for i := range bulkServiceKeys {
		w.put(t, emulator.APIKey{Name: fmt.Sprintf("bulk-%03d", i)}, w.research, w.spaceR)
	}
	// A user key is no service key: no service key list shows it.
	if _, _, err := w.emu.PutAPIKey(emulator.APIKey{KeyType: "USER", Name: "CI pipeline user key"}); err != nil {
		t.Fatal(err)
	}
	return w
}

// put makes a service key with roles (the API's defaults) in spaces of
// the organization org, as if made outside Terraform.
func (w *serviceKeyListWorld) put(t *testing.T, k emulator.APIKey, org string, spaces ...string) emulator.APIKey {
	t.Helper()
	grant := emulator.BotUserOrganization{OrgID: org}
	for _, s := range spaces {
		grant.Spaces = append(grant.Spaces, emulator.BotUserSpace{SpaceID: s})
	}
	k.KeyType, k.CreatedByUserID = "SERVICE", emulatorKeyUser
	k.BotUser = &emulator.BotUser{Organizations: []emulator.BotUserOrganization{grant}}
	out, _, err := w.emu.PutAPIKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// firstOf is the space a key with roles in spaces of one organization is
// found under: the first of them in the order of their IDs.
func firstOf(spaces ...string) string { return slices.Min(spaces) }

func serviceKeyIdentity(id, spaceID string) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{"id": knownvalue.StringExact(id), "space_id": knownvalue.StringExact(spaceID)}
}

// TestAccServiceAPIKeyList_query finds service keys with terraform query:
// each once, under the first space in scope that lists it; with each
// filter, keys inside the scope and none outside it; revoked, expired and
// user keys never; and through the second page of a space's list.
func TestAccServiceAPIKeyList_query(t *testing.T) {
	w := newServiceKeyListWorld(t)
	const all = "arize_service_api_key.all"
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: w.env.config("")},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`
list "arize_service_api_key" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000 # Terraform's default is 100
}

list "arize_service_api_key" "platform" {
  provider = arize
  config {
    organization_id = %[1]q
  }
}

list "arize_service_api_key" "space_b" {
  provider = arize
  config {
    space_id = %[2]q
  }
}

list "arize_service_api_key" "space_a_of_platform" {
  provider = arize
  config {
    organization_id = %[1]q
    space_id        = %[3]q
  }
}

list "arize_service_api_key" "research_uploads" {
  provider = arize
  config {
    organization_id = %[4]q
    name            = "UPLOAD"
  }
}

list "arize_service_api_key" "first" {
  provider = arize
  limit    = 1
}
`, w.org, w.spaceB, w.spaceA, w.research),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, 3+bulkServiceKeys),
				querycheck.ExpectIdentity(all, serviceKeyIdentity(w.ci.ID, firstOf(w.spaceA, w.spaceB))),
				querycheck.ExpectLength("arize_service_api_key.platform", 2),
				querycheck.ExpectIdentity("arize_service_api_key.platform", serviceKeyIdentity(w.ci.ID, firstOf(w.spaceA, w.spaceB))),
				querycheck.ExpectIdentity("arize_service_api_key.platform", serviceKeyIdentity(w.nightly.ID, w.spaceB)),
				// Listed under the space of the filter, the one it was found in.
				querycheck.ExpectLength("arize_service_api_key.space_b", 2),
				querycheck.ExpectIdentity("arize_service_api_key.space_b", serviceKeyIdentity(w.ci.ID, w.spaceB)),
				querycheck.ExpectLength("arize_service_api_key.space_a_of_platform", 1),
				querycheck.ExpectIdentity("arize_service_api_key.space_a_of_platform", serviceKeyIdentity(w.ci.ID, w.spaceA)),
				querycheck.ExpectLength("arize_service_api_key.research_uploads", 1),
				querycheck.ExpectIdentity("arize_service_api_key.research_uploads", serviceKeyIdentity(w.uploader.ID, w.spaceR)),
				querycheck.ExpectLength("arize_service_api_key.first", 1),
				querycheck.ExpectIdentity("arize_service_api_key.first", serviceKeyIdentity(w.ci.ID, firstOf(w.spaceA, w.spaceB))),
				querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(serviceKeyIdentity(w.nightly.ID, w.spaceB)),
					knownvalue.StringExact("nightly batch")),
				querycheck.ExpectResourceKnownValues(all, queryfilter.ByDisplayName(knownvalue.StringExact("Research uploader")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(w.uploader.ID)},
					{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Research uploader")},
					{Path: tfjsonpath.New("description"), KnownValue: knownvalue.StringExact("Uploads experiment traces")},
					{Path: tfjsonpath.New("expires_at"), KnownValue: knownvalue.StringExact("2031-01-01T09:30:00.000Z")},
					{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("ACTIVE")},
					{Path: tfjsonpath.New("redacted_key"), KnownValue: knownvalue.StringExact(w.uploader.RedactedKey)},
					{Path: tfjsonpath.New("created_at"), KnownValue: knownvalue.StringExact(w.uploader.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"))},
					{Path: tfjsonpath.New("created_by_user_id"), KnownValue: knownvalue.StringExact(emulatorKeyUser)},
					// What an import cannot read: the secret, the roles, the
					// service account; and rotation, Terraform's own.
					{Path: tfjsonpath.New("key"), KnownValue: knownvalue.Null()},
					{Path: tfjsonpath.New("account_role"), KnownValue: knownvalue.Null()},
					{Path: tfjsonpath.New("organizations"), KnownValue: knownvalue.Null()},
					{Path: tfjsonpath.New("bot_user_id"), KnownValue: knownvalue.Null()},
					{Path: tfjsonpath.New("rotation"), KnownValue: knownvalue.Null()},
				}),
			},
		},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`list "arize_service_api_key" "mismatch" {
  provider = arize
  config {
    organization_id = %q
    space_id        = %q
  }
}
`, w.research, w.spaceA),
			ExpectError: wrappedRegexp(`Could not list Arize service API keys[\s\S]*is not one of the spaces of the organization`),
		},
		resource.TestStep{
			Query: true,
			Config: `list "arize_service_api_key" "missing" {
  provider = arize
  config {
    space_id = "U3BhY2U6OTk5Om5vbmU="
  }
}
`,
			ExpectError: wrappedRegexp(`Could not list Arize service API keys[\s\S]*no space with ID "U3BhY2U6OTk5Om5vbmU="`),
		},
	)
}

// TestAccServiceAPIKeyList_requests counts what each scope costs: a space
// filter reads the space and its keys only; an organization filter, the
// organization, its spaces and their keys; no filter, the organizations,
// each one's spaces, and every space's keys.
func TestAccServiceAPIKeyList_requests(t *testing.T) {
	w := newServiceKeyListWorld(t)
	query := func(config string) string {
		return "list \"arize_service_api_key\" \"keys\" {\n  provider = arize\n" + config + "}\n"
	}
	step := func(config string, want map[string]int, pages, n int) resource.TestStep {
		return resource.TestStep{
			PreConfig: w.emu.ResetCounters,
			Query:     true,
			Config:    query(config),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength("arize_service_api_key.keys", n),
				expectQueryRequests(w.emu, want),
				expectKeyListPages(w.emu, pages),
			},
		}
	}
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: w.env.config("")},
		step(fmt.Sprintf("  config {\n    space_id = %q\n  }\n", w.spaceB), map[string]int{
			spaceRouteGet: 1, routeOrgGet: 0, routeOrgList: 0, spaceRouteList: 0,
		}, 1, 2),
		step(fmt.Sprintf("  config {\n    organization_id = %q\n  }\n", w.org), map[string]int{
			routeOrgGet: 1, spaceRouteList: 1, spaceRouteGet: 0, routeOrgList: 0,
		}, 2, 2),
		step(`  limit = 1000
`, map[string]int{
			routeOrgList: 1, spaceRouteList: 2, routeOrgGet: 0, spaceRouteGet: 0,
		}, 4, 3+bulkServiceKeys), // space R's 101 keys take two pages
	)
}

// expectKeyListPages checks, as a query check, that the emulator answered
// pages pages of the key list since its counters were reset, and refused
// at most the one page that a provider process sends in today's spelling
// to a server of the published page's (see onlyKeyListPages).
func expectKeyListPages(emu *emulator.Server, pages int) querycheck.QueryResultCheck {
	return keyListPages{emu: emu, pages: pages}
}

type keyListPages struct {
	emu   *emulator.Server
	pages int
}

func (c keyListPages) CheckQuery(_ context.Context, _ querycheck.CheckQueryRequest, resp *querycheck.CheckQueryResponse) {
	answered := c.emu.Answers("GET", emulator.RouteAPIKeys, http.StatusOK)
	probes := c.emu.Answers("GET", emulator.RouteAPIKeys, http.StatusBadRequest)
	switch {
	case answered != c.pages:
		resp.Error = fmt.Errorf("the emulator answered %d pages of the key list, want %d (all: %v)", answered, c.pages, c.emu.Requests())
	case probes > 1 || (probes == 1 && c.emu.Dialect() != emulator.DialectPublished):
		resp.Error = fmt.Errorf("%d pages of the key list refused, want at most the one spelling probe (all: %v)", probes, c.emu.Requests())
	}
}

// capturedQueryResult keeps the resource object of the query result of a
// list block that has a display name, for a later step to compare with
// what an import reads.
type capturedQueryResult struct {
	list, displayName string
	object            map[string]any
}

func (c *capturedQueryResult) CheckQuery(_ context.Context, req querycheck.CheckQueryRequest, resp *querycheck.CheckQueryResponse) {
	for _, r := range req.Query {
		if r.Address == "list."+c.list && r.DisplayName == c.displayName && r.ResourceObject != nil {
			c.object = r.ResourceObject
			return
		}
	}
	resp.Error = fmt.Errorf("no result of %s named %q with its resource", c.list, c.displayName)
}

// sameAsQueryResult checks that the state of addr holds exactly what the
// query result captured holds: every attribute, nulls included.
type sameAsQueryResult struct {
	addr     string
	captured *capturedQueryResult
}

func (c sameAsQueryResult) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		resp.Error = fmt.Errorf("no state")
		return
	}
	for _, r := range req.State.Values.RootModule.Resources {
		if r.Address != c.addr {
			continue
		}
		if !reflect.DeepEqual(r.AttributeValues, c.captured.object) {
			resp.Error = fmt.Errorf("the import of %s read\n%v\nand the query result holds\n%v", c.addr, r.AttributeValues, c.captured.object)
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in state", c.addr)
}

// TestAccServiceAPIKeyList_adoptByIdentity imports a key by the identity its
// query result gives, with the configuration -generate-config-out writes
// for it (roles null): the import reads exactly the query result, and plans
// no change; recording roles afterwards is an update that sends nothing;
// and a change that would make a new key without organizations fails at
// plan time, before any write.
func TestAccServiceAPIKeyList_adoptByIdentity(t *testing.T) {
	w := newServiceKeyListWorld(t)
	uploader := &capturedQueryResult{list: "arize_service_api_key.research", displayName: "Research uploader"}
	generated := func(name string, lines ...string) string {
		body := fmt.Sprintf(`resource "arize_service_api_key" "test" {
  account_role  = null
  description   = "Uploads experiment traces"
  expires_at    = "2031-01-01T09:30:00.000Z"
  name          = %q
  organizations = null
  rotation      = null
`, name)
		for _, l := range lines {
			body += "  " + l + "\n"
		}
		return body + "}\n"
	}
	importBlock := fmt.Sprintf("import {\n  to = %s\n  identity = {\n    id       = %q\n    space_id = %q\n  }\n}\n",
		serviceKeyAddr, w.uploader.ID, w.spaceR)
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: w.env.config("")},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`list "arize_service_api_key" "research" {
  provider         = arize
  include_resource = true
  config {
    organization_id = %q
  }
}
`, w.research),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectIdentity("arize_service_api_key.research", serviceKeyIdentity(w.uploader.ID, w.spaceR)),
				uploader,
			},
		},
		resource.TestStep{
			PreConfig: w.emu.ResetCounters,
			Config:    w.env.config(importBlock + generated("Research uploader")),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(serviceKeyAddr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				sameAsQueryResult{addr: serviceKeyAddr, captured: uploader},
				statecheck.ExpectIdentity(serviceKeyAddr, serviceKeyIdentity(w.uploader.ID, w.spaceR)),
				keyWrites(w.emu, 0, 0, 0),
			},
		},
		resource.TestStep{
			// A new name replaces the key: Arize would need its roles.
			PreConfig:   w.emu.ResetCounters,
			Config:      w.env.config(generated("Research uploader v2")),
			PlanOnly:    true,
			ExpectError: wrappedRegexp(`Missing organizations for a new service API key[\s\S]*Research uploader v2`),
		},
		resource.TestStep{
			// Counted since the refused plan above: neither writes.
			Config: w.env.config(fmt.Sprintf(`resource "arize_service_api_key" "test" {
  description = "Uploads experiment traces"
  expires_at  = "2031-01-01T09:30:00.000Z"
  name        = "Research uploader"
  organizations = [{
    organization_id = %q
    spaces          = [{ space_id = %q, role = "MEMBER" }]
  }]
}
`, w.research, w.spaceR)),
			ConfigPlanChecks: expectServiceKeyAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				keyWrites(w.emu, 0, 0, 0),
				serviceKeyAttr(tfjsonpath.New("organizations").AtSliceIndex(0).AtMapKey("role"), knownvalue.StringExact("READ_ONLY")),
				serviceKeyAttr(tfjsonpath.New("account_role"), knownvalue.Null()),
				serviceKeyAttr(tfjsonpath.New("id"), knownvalue.StringExact(w.uploader.ID)),
			},
		},
		resource.TestStep{
			// Revoked outside Terraform while its block names no roles: there
			// is nothing to make it again with, and the error says what to do.
			PreConfig: func() {
				if !w.emu.RevokeAPIKey(w.uploader.ID) {
					t.Fatal("the adopted key was not live to revoke")
				}
			},
			Config:      w.env.config(generated("Research uploader")),
			PlanOnly:    true,
			ExpectError: wrappedRegexp(`Missing organizations for a new service API key[\s\S]*revoked or expired outside Terraform[\s\S]*remove the resource block`),
		},
	)
}
