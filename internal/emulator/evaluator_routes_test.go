package emulator

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// The evaluator routes go through the same authentication, routing,
// counters and fault middleware as every other.

func TestEvaluatorRouting(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	id := e.createJudge(w, "judge")
	vid := e.srv.EvaluatorVersions(id)[0].ID
	tests := []struct {
		method, path string
		allow        string // "" for a 404
	}{
		{"PUT", evaluators, "GET, POST"},
		{"DELETE", evaluators, "GET, POST"},
		{"PUT", evaluatorPath(id), "GET, PATCH, DELETE"},
		{"POST", evaluatorPath(id), "GET, PATCH, DELETE"},
		{"PATCH", versionsPath(id), "GET, POST"},
		{"DELETE", versionsPath(id), "GET, POST"},
		{"POST", versionPath(vid), "GET"},
		{"DELETE", versionPath(vid), "GET"},
		{"PATCH", versionPath(vid), "GET"},
		{"GET", "/v2/evaluator-versions", ""},
		{"GET", evaluators + "/", ""},
		{"GET", versionsPath(id) + "/" + vid, ""},
		{"GET", "/v2/evaluators//versions", ""},
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
	for _, req := range []struct{ method, path string }{
		{"GET", evaluators}, {"POST", evaluators}, {"GET", evaluatorPath(id)}, {"PATCH", evaluatorPath(id)},
		{"DELETE", evaluatorPath(id)}, {"GET", versionsPath(id)}, {"POST", versionsPath(id)}, {"GET", versionPath(vid)},
	} {
		r := e.raw(req.method, req.path, `{"name":"x"}`, http.Header{"Authorization": {"Bearer nope"}})
		wantProblem(t, r, http.StatusUnauthorized, CodeUnauthorized, "", "Bearer")
	}
	if ev, _ := e.srv.Evaluator(id); ev.Name != "judge" || len(e.srv.EvaluatorVersions(id)) != 1 {
		t.Error("unauthenticated requests changed the store")
	}
}

func TestEvaluatorCounters(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	e.srv.ResetCounters()
	id := e.createJudge(w, "judge")
	e.do("POST", evaluators, `{"name":1}`) // 400
	e.do("GET", evaluators, "")
	e.do("GET", evaluatorPath(id), "")
	e.do("PATCH", evaluatorPath(id), `{"description":"d"}`)
	v := e.appendVersion(id, map[string]any{"commit_message": "m", "template_config": judgeConfig(w.integration)})
	e.do("POST", versionsPath(id), `{"commit_message":"m"}`) // 422
	e.do("GET", versionsPath(id), "")
	e.do("GET", versionPath(v["id"].(string)), "")
	e.do("DELETE", evaluatorPath(id), "")
	e.do("DELETE", evaluatorPath(id), "") // 404
	want := map[string]int{
		"POST /v2/evaluators":               2,
		"GET /v2/evaluators":                1,
		"GET /v2/evaluators/{id}":           1,
		"PATCH /v2/evaluators/{id}":         1,
		"POST /v2/evaluators/{id}/versions": 2,
		"GET /v2/evaluators/{id}/versions":  1,
		"GET /v2/evaluator-versions/{id}":   1,
		"DELETE /v2/evaluators/{id}":        2,
	}
	if got := e.srv.Requests(); !reflect.DeepEqual(got, want) {
		t.Errorf("Requests()\n got %v\nwant %v", got, want)
	}
	for _, tt := range []struct {
		method, route string
		status, want  int
	}{
		{"POST", RouteEvaluators, 201, 1},
		{"POST", RouteEvaluators, 400, 1},
		{"POST", RouteEvaluatorVersions, 201, 1},
		{"POST", RouteEvaluatorVersions, 422, 1},
		{"GET", RouteEvaluatorVersion, 200, 1},
		{"DELETE", RouteEvaluator, 204, 1},
		{"DELETE", RouteEvaluator, 404, 1},
	} {
		if got := e.srv.Answers(tt.method, tt.route, tt.status); got != tt.want {
			t.Errorf("Answers(%s, %s, %d) = %d, want %d", tt.method, tt.route, tt.status, got, tt.want)
		}
	}
	if e.srv.Refused() != 2 || e.srv.RefusedForSpelling() != 0 {
		t.Errorf("Refused %d, RefusedForSpelling %d; want 2 and 0", e.srv.Refused(), e.srv.RefusedForSpelling())
	}
}

func TestEvaluatorFailNext(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	e.srv.FailNext(1, http.StatusServiceUnavailable)
	b := createBody(t, w.space, "judge", "TEMPLATE", judgeConfig(w.integration))
	wantProblem(t, e.do("POST", evaluators, b), 503, CodeServiceUnavailable, evaluators, "injected")
	if len(e.srv.Evaluators()) != 0 {
		t.Fatal("a faulted create was applied")
	}
	id := e.createEvaluator(b)["id"].(string)
	e.srv.FailNext(1, http.StatusTooManyRequests)
	r := e.do("POST", versionsPath(id), body(t, map[string]any{"commit_message": "m", "template_config": judgeConfig(w.integration)}))
	wantProblem(t, r, 429, CodeRateLimited, "", "injected")
	if r.header.Get("Retry-After") != "1" || len(e.srv.EvaluatorVersions(id)) != 1 {
		t.Errorf("the faulted version: Retry-After %q, %d versions", r.header.Get("Retry-After"), len(e.srv.EvaluatorVersions(id)))
	}
	if got := e.srv.Injected(); got["503"] != 1 || got["429"] != 1 {
		t.Errorf("Injected %v", got)
	}
}

// TestEvaluatorDropAfterCommit drops each evaluator write after it was
// applied: the client sees no answer, the change is made.
func TestEvaluatorDropAfterCommit(t *testing.T) {
	tests := []struct {
		name, method, path string
		body               func(w evalWorld) string
		check              func(t *testing.T, e *env, id string)
	}{
		{"create", "POST", evaluators, func(w evalWorld) string {
			return createBody(t, w.space, "new", "CODE", managedConfig())
		}, func(t *testing.T, e *env, _ string) {
			if len(e.srv.Evaluators()) != 2 {
				t.Error("not applied")
			}
		}},
		{"append a version", "POST", "{versions}", func(w evalWorld) string {
			return body(t, map[string]any{"commit_message": "m", "template_config": judgeConfig(w.integration)})
		}, func(t *testing.T, e *env, id string) {
			if len(e.srv.EvaluatorVersions(id)) != 2 {
				t.Error("not applied")
			}
		}},
		{"update", "PATCH", "{evaluator}", func(evalWorld) string { return `{"name":"renamed"}` }, func(t *testing.T, e *env, id string) {
			if ev, _ := e.srv.Evaluator(id); ev.Name != "renamed" {
				t.Error("not applied")
			}
		}},
		{"delete", "DELETE", "{evaluator}", func(evalWorld) string { return "" }, func(t *testing.T, e *env, id string) {
			if _, ok := e.srv.Evaluator(id); ok {
				t.Error("not applied")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			w := newEvalWorld(e)
			id := e.createJudge(w, "judge")
			fill := strings.NewReplacer("{evaluator}", evaluatorPath(id), "{versions}", versionsPath(id))
			e.srv.ResetCounters()
			e.srv.DropNext(1, true)
			// A failed write is answered and does not use the drop up.
			if r, err := e.try("POST", evaluators, createBody(t, w.space, "judge", "CODE", managedConfig())); err != nil || r.status != 409 {
				t.Fatalf("failed write: %v %d", err, r.status)
			}
			r, err := e.try(tt.method, fill.Replace(tt.path), tt.body(w))
			wantDropped(t, tt.name, r, err)
			tt.check(t, e, id)
			if got := e.srv.Injected(); !reflect.DeepEqual(got, map[string]int{InjectedDropAfterCommit: 1}) {
				t.Errorf("Injected %v", got)
			}
		})
	}
}

func TestEvaluatorDropBeforeServing(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	id := e.createJudge(w, "judge")
	e.srv.DropNext(2, false)
	r, err := e.try("POST", versionsPath(id), body(t, map[string]any{"commit_message": "m", "template_config": judgeConfig(w.integration)}))
	wantDropped(t, "POST version", r, err)
	r, err = e.try("POST", evaluators, createBody(t, w.space, "other", "CODE", managedConfig()))
	wantDropped(t, "POST evaluator", r, err)
	if len(e.srv.EvaluatorVersions(id)) != 1 || len(e.srv.Evaluators()) != 1 {
		t.Error("a dropped write was applied")
	}
}

// TestEvaluatorConcurrency runs creates, versions, renames, reads and
// deletes at once: names stay unique within a space, every version is
// kept, and the race detector sees the evaluators under the one lock.
func TestEvaluatorConcurrency(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	id := e.createJudge(w, "shared")
	const workers = 16
	statuses := make(chan int, workers)
	var wg sync.WaitGroup
	for n := range workers {
		wg.Go(func() {
			statuses <- e.do("POST", evaluators, createBody(t, w.space, "same", "CODE", managedConfig())).status
			e.appendVersion(id, map[string]any{"commit_message": fmt.Sprint(n), "template_config": judgeConfig(w.integration)})
			e.do("GET", evaluatorPath(id), "")
			e.do("GET", versionsPath(id)+"?limit=3", "")
			mine := e.createJudge(w, fmt.Sprint("judge-", n))
			e.do("PATCH", evaluatorPath(mine), `{"description":"d"}`)
			e.do("GET", evaluators+"?name=judge", "")
			if n%2 == 0 {
				e.do("DELETE", evaluatorPath(mine), "")
			}
		})
	}
	wg.Wait()
	close(statuses)
	count := map[int]int{}
	for s := range statuses {
		count[s]++
	}
	if count[201] != 1 || count[409] != workers-1 {
		t.Errorf("same-name creates: %v", count)
	}
	if n := len(e.srv.EvaluatorVersions(id)); n != workers+1 {
		t.Errorf("%d versions, want %d", n, workers+1)
	}
	if n := len(e.srv.Evaluators()); n != 2+workers/2 {
		t.Errorf("%d evaluators, want %d", n, 2+workers/2)
	}
}
