package emulator

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// The routes of projects, restrictions and API keys go through the same
// authentication, routing, counters and fault middleware as the others.

// keysWorld is a team with a project, a restriction on it, and a service
// key with its secret.
type keysWorld struct {
	team
	project, key, secret string
}

func newKeysWorld(e *env) keysWorld {
	e.t.Helper()
	w := keysWorld{team: newTeam(e)}
	w.project = e.createProject(w.space, "p")["id"].(string)
	e.restrict(w.project)
	k := e.createKey(serviceKeyBody("k", w.org, w.space))
	w.key, w.secret = k["id"].(string), k["key"].(string)
	return w
}

func TestProjectAndKeyRouting(t *testing.T) {
	e := newEnv(t)
	w := newKeysWorld(e)
	tests := []struct {
		method, path string
		allow        string // "" for a 404
	}{
		{"PUT", projects, "GET, POST"},
		{"DELETE", projects, "GET, POST"},
		{"POST", projectPath(w.project), "GET, PATCH, DELETE"},
		{"PUT", projectPath("unknown"), "GET, PATCH, DELETE"},
		{"PATCH", restrictions, "GET, POST"},
		{"GET", restrictionPath(w.project), "DELETE"},
		{"POST", restrictionPath(w.project), "DELETE"},
		{"DELETE", apiKeys, "GET, POST"},
		{"GET", refreshPath(w.key), "POST"},
		{"PUT", refreshPath(w.key), "POST"},
		{"POST", revokePath(w.key), "PUT"},
		{"DELETE", revokePath(w.key), "PUT"},
		// There is no GET, PATCH or DELETE of one key.
		{"GET", apiKeys + "/" + w.key, ""},
		{"DELETE", apiKeys + "/" + w.key, ""},
		{"GET", projectPath(w.project) + "/traces", ""},
		{"GET", "/v2/resource-restrictions//x", ""},
		{"POST", "/v2/api-keys//refresh", ""},
		{"GET", "/v2/projectsX", ""},
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

func TestProjectAndKeyAuth(t *testing.T) {
	e := newEnv(t)
	w := newKeysWorld(e)
	for _, req := range []struct{ method, path string }{
		{"GET", projects}, {"POST", projects}, {"GET", projectPath(w.project)}, {"PATCH", projectPath(w.project)},
		{"DELETE", projectPath(w.project)}, {"GET", restrictions}, {"POST", restrictions},
		{"DELETE", restrictionPath(w.project)}, {"GET", apiKeys}, {"POST", apiKeys}, {"POST", refreshPath(w.key)},
		{"PUT", revokePath(w.key)},
	} {
		r := e.raw(req.method, req.path, `{"name":"x"}`, http.Header{"Authorization": {"Bearer nope"}})
		wantProblem(t, r, http.StatusUnauthorized, CodeUnauthorized, "", "Bearer")
	}
	if len(e.srv.Projects()) != 1 || len(e.srv.Restrictions()) != 1 || !e.srv.KeyIsLive(w.secret) {
		t.Error("unauthenticated requests changed the store")
	}
}

func TestProjectAndKeyCounters(t *testing.T) {
	e := newEnv(t)
	w := newKeysWorld(e)
	e.srv.ResetCounters()
	e.do("GET", projects, "")
	e.do("PATCH", projectPath(w.project), `{}`) // 400
	e.do("POST", restrictions, `{"resource_id":"`+w.project+`"}`)
	e.do("GET", restrictions, "")
	e.do("POST", refreshPath(w.key), `{"grace_period_seconds":"x"}`) // 400
	e.do("POST", refreshPath(w.key), "")
	e.do("PUT", revokePath(w.key), "")
	e.do("POST", apiKeys, `{"key_type":"USER"}`) // 422
	e.do("DELETE", restrictionPath(w.project), "")
	e.do("DELETE", projectPath(w.project), "")
	want := map[string]int{
		"GET /v2/projects":                      1,
		"PATCH /v2/projects/{id}":               1,
		"POST /v2/resource-restrictions":        1,
		"GET /v2/resource-restrictions":         1,
		"POST /v2/api-keys/{id}/refresh":        2,
		"PUT /v2/api-keys/{id}/revoke":          1,
		"POST /v2/api-keys":                     1,
		"DELETE /v2/resource-restrictions/{id}": 1,
		"DELETE /v2/projects/{id}":              1,
	}
	if got := e.srv.Requests(); !reflect.DeepEqual(got, want) {
		t.Errorf("Requests()\n got %v\nwant %v", got, want)
	}
	for _, tt := range []struct {
		method, route string
		status, want  int
	}{
		{"POST", RouteResourceRestrictions, 200, 1},
		{"POST", RouteAPIKeyRefresh, 400, 1},
		{"POST", RouteAPIKeyRefresh, 200, 1},
		{"PUT", RouteAPIKeyRevoke, 204, 1},
		{"DELETE", RouteResourceRestriction, 204, 1},
		{"DELETE", RouteProject, 204, 1},
	} {
		if got := e.srv.Answers(tt.method, tt.route, tt.status); got != tt.want {
			t.Errorf("Answers(%s, %s, %d) = %d, want %d", tt.method, tt.route, tt.status, got, tt.want)
		}
	}
	if e.srv.Refused() != 3 {
		t.Errorf("Refused %d, want 3", e.srv.Refused())
	}
}

// TestProjectAndKeyFaults: FailNext and the random faults reach the new
// routes, and a refused create makes nothing.
func TestProjectAndKeyFaults(t *testing.T) {
	e := newEnv(t)
	w := newKeysWorld(e)
	e.srv.FailNext(2, http.StatusServiceUnavailable)
	wantProblem(t, e.do("POST", projects, `{"name":"q","space_id":"`+w.space+`"}`), 503, CodeServiceUnavailable, projects, "injected")
	wantProblem(t, e.do("POST", apiKeys, serviceKeyBody("n", w.org, w.space)), 503, CodeServiceUnavailable, apiKeys, "injected")
	if len(e.srv.Projects()) != 1 || len(e.srv.APIKeys()) != 1 {
		t.Error("a faulted create was applied")
	}
	e.srv.SetFaults(Faults{ErrorRate: 1, Statuses: []int{429}})
	wantProblem(t, e.do("GET", restrictions, ""), 429, CodeRateLimited, restrictions, "injected")
	wantProblem(t, e.do("PUT", revokePath(w.key), ""), 429, CodeRateLimited, "", "injected")
	e.srv.SetFaults(Faults{})
	if !e.srv.KeyIsLive(w.secret) {
		t.Error("a faulted revoke was applied")
	}
	if got := e.srv.Injected(); got["503"] != 2 || got["429"] != 2 {
		t.Errorf("Injected %v", got)
	}
}

// TestProjectAndKeyDropAfterCommit drops each kind of new write after it
// was applied: the client sees no answer, the change is made. A key whose
// create answer was dropped is minted all the same, its secret lost.
func TestProjectAndKeyDropAfterCommit(t *testing.T) {
	tests := []struct {
		name, method, path, body string
		check                    func(t *testing.T, e *env, w keysWorld)
	}{
		{"create project", "POST", projects, `{"name":"new","space_id":"{space}"}`, func(t *testing.T, e *env, _ keysWorld) {
			if len(e.srv.Projects()) != 3 { // p, other and new
				t.Error("not applied")
			}
		}},
		{"rename project", "PATCH", "{project}", `{"name":"renamed"}`, func(t *testing.T, e *env, w keysWorld) {
			if p, _ := e.srv.Project(w.project); p.Name != "renamed" {
				t.Error("not applied")
			}
		}},
		{"delete project", "DELETE", "{project}", "", func(t *testing.T, e *env, w keysWorld) {
			if _, ok := e.srv.Project(w.project); ok {
				t.Error("not applied")
			}
		}},
		{"restrict", "POST", restrictions, `{"resource_id":"{other}"}`, func(t *testing.T, e *env, _ keysWorld) {
			if len(e.srv.Restrictions()) != 2 {
				t.Error("not applied")
			}
		}},
		{"unrestrict", "DELETE", "{restriction}", "", func(t *testing.T, e *env, w keysWorld) {
			if _, ok := e.srv.Restriction(w.project); ok {
				t.Error("not applied")
			}
		}},
		{"create key", "POST", apiKeys, `{"key_type":"USER","name":"lost"}`, func(t *testing.T, e *env, _ keysWorld) {
			if len(e.srv.APIKeys()) != 2 {
				t.Error("not applied")
			}
		}},
		{"refresh key", "POST", "{refresh}", "", func(t *testing.T, e *env, w keysWorld) {
			if e.srv.KeyIsLive(w.secret) {
				t.Error("not applied")
			}
		}},
		{"revoke key", "PUT", "{revoke}", "", func(t *testing.T, e *env, w keysWorld) {
			if k, _ := e.srv.APIKey(w.key); k.Status != "REVOKED" {
				t.Error("not applied")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			w := newKeysWorld(e)
			other := e.createProject(w.space, "other")["id"].(string)
			fill := strings.NewReplacer("{space}", w.space, "{project}", projectPath(w.project), "{other}", other,
				"{restriction}", restrictionPath(w.project), "{refresh}", refreshPath(w.key), "{revoke}", revokePath(w.key))
			e.srv.ResetCounters()
			e.srv.DropNext(1, true)
			// A failed write is answered and does not use the drop up.
			if r, err := e.try("POST", projects, `{"name":"p","space_id":"`+w.space+`"}`); err != nil || r.status != 409 {
				t.Fatalf("failed write: %v %d", err, r.status)
			}
			r, err := e.try(tt.method, fill.Replace(tt.path), fill.Replace(tt.body))
			wantDropped(t, tt.name, r, err)
			tt.check(t, e, w)
			if got := e.srv.Injected(); !reflect.DeepEqual(got, map[string]int{InjectedDropAfterCommit: 1}) {
				t.Errorf("Injected %v", got)
			}
		})
	}
}

func TestProjectAndKeyDropBeforeServing(t *testing.T) {
	e := newEnv(t)
	w := newKeysWorld(e)
	e.srv.DropNext(2, false)
	r, err := e.try("PUT", revokePath(w.key), "")
	wantDropped(t, "revoke", r, err)
	r, err = e.try("POST", apiKeys, `{"key_type":"USER","name":"dropped"}`)
	wantDropped(t, "create key", r, err)
	if !e.srv.KeyIsLive(w.secret) || len(e.srv.APIKeys()) != 1 {
		t.Error("a write dropped before serving was applied")
	}
}

// TestProjectAndKeyConcurrency: racing creates of one project name make
// one project; racing restrictions of one project make one restriction,
// every POST answering it; racing key creates mint distinct keys; and the
// race detector sees the new families under the one lock.
func TestProjectAndKeyConcurrency(t *testing.T) {
	e := newEnv(t)
	w := newKeysWorld(e)
	free := e.createProject(w.space, "free")["id"].(string)
	const workers = 16
	type result struct {
		project, restriction int
		key, secret          string
	}
	results := make(chan result, workers)
	var wg sync.WaitGroup
	for i := range workers {
		wg.Go(func() {
			var res result
			res.project = e.do("POST", projects, `{"name":"same","space_id":"`+w.space+`"}`).status
			res.restriction = e.do("POST", restrictions, `{"resource_id":"`+free+`"}`).status
			k := e.createKey(`{"key_type":"USER","name":"same"}`)
			res.key, res.secret = k["id"].(string), k["key"].(string)
			e.do("GET", restrictions+"?limit=1", "")
			e.do("GET", apiKeys+"?limit=2", "")
			if i%2 == 0 {
				e.do("POST", refreshPath(res.key), `{"grace_period_seconds":5}`)
			}
			e.as(res.secret, "GET", projects, "")
			results <- res
		})
	}
	wg.Wait()
	close(results)
	statuses := map[string]int{}
	keys := map[string]bool{}
	for res := range results {
		statuses[fmt.Sprint("project ", res.project)]++
		statuses[fmt.Sprint("restriction ", res.restriction)]++
		keys[res.key] = true
	}
	want := map[string]int{"project 201": 1, "project 409": workers - 1, "restriction 200": workers}
	if !reflect.DeepEqual(statuses, want) {
		t.Errorf("statuses %v, want %v", statuses, want)
	}
	if len(keys) != workers || len(e.srv.Restrictions()) != 2 {
		t.Errorf("%d distinct keys, %d restrictions", len(keys), len(e.srv.Restrictions()))
	}
}
