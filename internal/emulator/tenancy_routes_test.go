package emulator

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// The routes of organizations, spaces and their members go through the
// same authentication, routing, counters and fault middleware as the
// integration's.

func TestTenancyRouting(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	tests := []struct {
		method, path string
		allow        string // "" for a 404
	}{
		{"PUT", organizations, "GET, POST"},
		{"DELETE", organizations, "GET, POST"},
		{"PUT", orgPath(tm.org), "GET, PATCH, DELETE"},
		{"POST", orgPath("unknown"), "GET, PATCH, DELETE"},
		{"GET", orgUsersPath(tm.org), "POST"},
		{"DELETE", orgUsersPath(tm.org), "POST"},
		{"GET", orgUserPath(tm.org, tm.member), "DELETE"},
		{"PATCH", orgUserPath(tm.org, tm.member), "DELETE"},
		{"PATCH", spaces, "GET, POST"},
		{"POST", spacePath(tm.space), "GET, PATCH, DELETE"},
		{"GET", spaceUsersPath(tm.space), "POST"},
		{"PUT", spaceUserPath(tm.space, tm.member), "DELETE"},
		{"GET", organizations + "/", ""},
		{"GET", orgUsersPath(tm.org) + "/", ""},
		{"GET", orgPath(tm.org) + "/spaces", ""},
		{"DELETE", orgUserPath(tm.org, tm.member) + "/x", ""},
		{"GET", spaces + "/" + tm.space + "/users/" + tm.member + "/roles", ""},
		{"GET", "/v2/spacesX", ""},
		{"GET", "/v2/organizations//users", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			r := e.do(tt.method, tt.path, "")
			if tt.allow == "" {
				wantProblem(t, r, 404, CodeNotFound, "", "no such endpoint")
				return
			}
			wantProblem(t, r, 405, CodeMethodNotAllowed, "", "")
			if got := r.header.Get("Allow"); got != tt.allow {
				t.Errorf("Allow %q, want %q", got, tt.allow)
			}
		})
	}
}

func TestTenancyAuth(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	for _, req := range []struct{ method, path string }{
		{"GET", organizations}, {"POST", organizations}, {"GET", orgPath(tm.org)}, {"PATCH", orgPath(tm.org)},
		{"DELETE", orgPath(tm.org)}, {"POST", orgUsersPath(tm.org)}, {"DELETE", orgUserPath(tm.org, tm.member)},
		{"GET", spaces}, {"POST", spaces}, {"GET", spacePath(tm.space)}, {"PATCH", spacePath(tm.space)},
		{"DELETE", spacePath(tm.space)}, {"POST", spaceUsersPath(tm.space)}, {"DELETE", spaceUserPath(tm.space, tm.member)},
	} {
		r := e.raw(req.method, req.path, `{"name":"x"}`, http.Header{"Authorization": {"Bearer nope"}})
		wantProblem(t, r, http.StatusUnauthorized, CodeUnauthorized, "", "Bearer")
	}
	if len(e.srv.Organizations()) != 1 || len(e.srv.Spaces()) != 1 {
		t.Error("unauthenticated requests changed the store")
	}
}

func TestTenancyCounters(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	e.srv.ResetCounters()
	e.do("GET", organizations, "")
	e.do("GET", orgPath(tm.org), "")
	e.do("PATCH", orgPath(tm.org), `{"description":"d"}`)
	e.do("POST", orgUsersPath(tm.org), `{"user_id":"`+tm.member+`","role":"MEMBER"}`) // 400
	e.addMember(orgUsersPath(tm.org), tm.member, tm.memberRole)
	e.addMember(spaceUsersPath(tm.space), tm.member, tm.memberRole)
	e.do("GET", spaces+"?org_id="+tm.org, "")
	e.do("PATCH", spacePath(tm.space), `{"is_private":"no"}`) // 400
	e.do("DELETE", spaceUserPath(tm.space, tm.member), "")
	e.do("DELETE", orgUserPath(tm.org, tm.member), "")
	e.do("DELETE", spacePath(tm.space), "")
	e.do("POST", spaces, `{"name":"s","organization_id":"`+tm.org+`"}`)
	e.do("DELETE", orgPath(tm.org), "")
	want := map[string]int{
		"GET /v2/organizations":                         1,
		"GET /v2/organizations/{id}":                    1,
		"PATCH /v2/organizations/{id}":                  1,
		"POST /v2/organizations/{id}/users":             2,
		"POST /v2/spaces/{id}/users":                    1,
		"GET /v2/spaces":                                1,
		"PATCH /v2/spaces/{id}":                         1,
		"DELETE /v2/spaces/{id}/users/{user_id}":        1,
		"DELETE /v2/organizations/{id}/users/{user_id}": 1,
		"DELETE /v2/spaces/{id}":                        1,
		"POST /v2/spaces":                               1,
		"DELETE /v2/organizations/{id}":                 1,
	}
	if got := e.srv.Requests(); !reflect.DeepEqual(got, want) {
		t.Errorf("Requests()\n got %v\nwant %v", got, want)
	}
	for _, tt := range []struct {
		method, route string
		status, want  int
	}{
		{"POST", RouteOrganizationUsers, 400, 1},
		{"POST", RouteOrganizationUsers, 200, 1},
		{"PATCH", RouteSpace, 400, 1},
		{"DELETE", RouteOrganization, 204, 1},
		{"POST", RouteSpaces, 201, 1},
	} {
		if got := e.srv.Answers(tt.method, tt.route, tt.status); got != tt.want {
			t.Errorf("Answers(%s, %s, %d) = %d, want %d", tt.method, tt.route, tt.status, got, tt.want)
		}
	}
	if e.srv.Refused() != 2 || e.srv.RefusedForSpelling() != 0 {
		t.Errorf("Refused %d, RefusedForSpelling %d; want 2 and 0", e.srv.Refused(), e.srv.RefusedForSpelling())
	}
}

func TestTenancyFailNext(t *testing.T) {
	e := newEnv(t)
	e.srv.FailNext(1, http.StatusServiceUnavailable)
	r := e.do("POST", organizations, `{"name":"org"}`)
	wantProblem(t, r, 503, CodeServiceUnavailable, organizations, "injected")
	if r.header.Get("Retry-After") != "1" || len(e.srv.Organizations()) != 0 {
		t.Errorf("the faulted create: Retry-After %q, %d organizations", r.header.Get("Retry-After"), len(e.srv.Organizations()))
	}
	org := e.createOrg("org")
	e.srv.SetFaults(Faults{ErrorRate: 1, Statuses: []int{429}})
	wantProblem(t, e.do("GET", spaces, ""), 429, CodeRateLimited, spaces, "injected")
	e.srv.SetFaults(Faults{})
	if n := e.srv.Count("POST", RouteOrganizations); n != 2 {
		t.Errorf("Count POST organizations %d, want 2", n)
	}
	if got := e.srv.Injected(); got["503"] != 1 || got["429"] != 1 {
		t.Errorf("Injected %v", got)
	}
	if _, ok := e.srv.Organization(org); !ok {
		t.Error("the retried create is missing")
	}
}

// TestTenancyDropAfterCommit drops each kind of new write after it was
// applied: the client sees no answer, the change is made.
func TestTenancyDropAfterCommit(t *testing.T) {
	tests := []struct {
		name, method, path, body string
		check                    func(t *testing.T, e *env, tm team)
	}{
		{"create organization", "POST", organizations, `{"name":"new"}`, func(t *testing.T, e *env, _ team) {
			if len(e.srv.Organizations()) != 2 {
				t.Error("not applied")
			}
		}},
		{"update organization", "PATCH", "{org}", `{"name":"renamed"}`, func(t *testing.T, e *env, tm team) {
			if o, _ := e.srv.Organization(tm.org); o.Name != "renamed" {
				t.Error("not applied")
			}
		}},
		{"delete organization", "DELETE", "{org}", "", func(t *testing.T, e *env, tm team) {
			if _, ok := e.srv.Organization(tm.org); ok {
				t.Error("not applied")
			}
		}},
		{"create space", "POST", spaces, `{"name":"new","organization_id":"{org-id}"}`, func(t *testing.T, e *env, _ team) {
			if len(e.srv.Spaces()) != 2 {
				t.Error("not applied")
			}
		}},
		{"update space", "PATCH", "{space}", `{"is_private":true}`, func(t *testing.T, e *env, tm team) {
			if sp, _ := e.srv.Space(tm.space); !sp.IsPrivate {
				t.Error("not applied")
			}
		}},
		{"delete space", "DELETE", "{space}", "", func(t *testing.T, e *env, tm team) {
			if _, ok := e.srv.Space(tm.space); ok {
				t.Error("not applied")
			}
		}},
		{"add organization member", "POST", "{org}/users", `{"user_id":"{admin}","role":{"type":"PREDEFINED","name":"ADMIN"}}`, func(t *testing.T, e *env, tm team) {
			if _, ok := e.srv.OrganizationMembers(tm.org)[tm.admin]; !ok {
				t.Error("not applied")
			}
		}},
		{"remove organization member", "DELETE", "{org}/users/{member}", "", func(t *testing.T, e *env, tm team) {
			if len(e.srv.OrganizationMembers(tm.org)) != 0 || len(e.srv.SpaceMembers(tm.space)) != 0 {
				t.Error("not applied")
			}
		}},
		{"add space member", "POST", "{space}/users", `{"user_id":"{member}","role":{"type":"CUSTOM","id":"r"}}`, func(t *testing.T, e *env, tm team) {
			if e.srv.SpaceMembers(tm.space)[tm.member].Type != "CUSTOM" {
				t.Error("not applied")
			}
		}},
		{"remove space member", "DELETE", "{space}/users/{member}", "", func(t *testing.T, e *env, tm team) {
			if len(e.srv.SpaceMembers(tm.space)) != 0 {
				t.Error("not applied")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			tm := newTeam(e)
			e.addMember(orgUsersPath(tm.org), tm.member, tm.memberRole)
			e.addMember(spaceUsersPath(tm.space), tm.member, tm.memberRole)
			fill := strings.NewReplacer("{org}", orgPath(tm.org), "{space}", spacePath(tm.space),
				"{org-id}", tm.org, "{admin}", tm.admin, "{member}", tm.member)
			e.srv.ResetCounters()
			e.srv.DropNext(1, true)
			// A failed write is answered and does not use the drop up.
			if r, err := e.try("POST", organizations, `{"name":"team"}`); err != nil || r.status != 409 {
				t.Fatalf("failed write: %v %d", err, r.status)
			}
			r, err := e.try(tt.method, fill.Replace(tt.path), fill.Replace(tt.body))
			wantDropped(t, tt.name, r, err)
			tt.check(t, e, tm)
			if got := e.srv.Injected(); !reflect.DeepEqual(got, map[string]int{InjectedDropAfterCommit: 1}) {
				t.Errorf("Injected %v", got)
			}
		})
	}
}

func TestTenancyDropBeforeServing(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	before, _ := e.srv.Space(tm.space)
	e.srv.DropNext(1, false)
	r, err := e.try("PATCH", spacePath(tm.space), `{"name":"dropped"}`)
	wantDropped(t, "PATCH space", r, err)
	if after, _ := e.srv.Space(tm.space); after != before {
		t.Errorf("a dropped PATCH was applied: %+v", after)
	}
}

// TestTenancyConcurrency runs creates, upserts, removals and deletes at
// once: names stay unique, an upsert never makes two memberships, and the
// race detector sees every family under the one lock.
func TestTenancyConcurrency(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	e.addMember(orgUsersPath(tm.org), tm.member, tm.memberRole)
	const workers = 16
	statuses := make(chan int, workers)
	ids := make(chan string, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			statuses <- e.do("POST", organizations, `{"name":"same"}`).status
			role := []string{tm.adminRole, tm.memberRole, tm.readOnlyRole}[w%3]
			ids <- e.addMember(spaceUsersPath(tm.space), tm.member, role)["id"].(string)
			org := e.createOrg(fmt.Sprint("org-", w))
			sp := e.createSpace(org, "s")
			e.addMember(orgUsersPath(org), tm.admin, tm.adminRole)
			e.addMember(spaceUsersPath(sp), tm.admin, tm.memberRole)
			e.do("GET", spaces+"?limit=2", "")
			e.do("GET", collection+"?space_id="+sp, "")
			if w%2 == 0 {
				e.do("DELETE", orgUserPath(org, tm.admin), "")
			}
			e.do("DELETE", orgPath(org), "")
		})
	}
	wg.Wait()
	close(statuses)
	close(ids)
	count := map[int]int{}
	for s := range statuses {
		count[s]++
	}
	if count[201] != 1 || count[409] != workers-1 {
		t.Errorf("same-name creates: %v", count)
	}
	first := <-ids
	for id := range ids {
		if id != first {
			t.Errorf("concurrent upserts made memberships %s and %s", first, id)
		}
	}
	if n := len(e.srv.Organizations()); n != 2 {
		t.Errorf("%d organizations left, want 2", n)
	}
}
