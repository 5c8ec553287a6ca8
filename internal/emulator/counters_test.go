package emulator

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
)

func TestAnswersAndRefused(t *testing.T) {
	e := newEnv(t)
	id := e.createNamed("a")
	refused := 0
	step := func(method, path, body string, status int, isRefusal bool) {
		t.Helper()
		if r := e.do(method, path, body); r.status != status {
			t.Fatalf("%s %s %s: %d, want %d: %s", method, path, body, r.status, status, r.body)
		}
		if isRefusal {
			refused++
		}
		// Counted before the client could read the answer.
		if got := e.srv.Refused(); got != refused {
			t.Fatalf("after %s %s %s: Refused() = %d, want %d", method, path, body, got, refused)
		}
	}
	step("POST", collection, `{"name":`, 400, true)
	step("POST", collection, `{"name":"b","provider":"openAI"}`, 422, true)
	step("POST", collection, `{"name":"a","provider":"OPEN_AI"}`, 409, false)
	step("POST", collection, `{"name":"b","provider":"OPEN_AI","api_key":"`+strings.Repeat("k", 1<<20)+`"}`, 413, false)
	step("PATCH", itemPath(id), `{}`, 400, true)
	step("PATCH", itemPath(id), `{"auth_type":"default"}`, 422, true)
	step("PATCH", itemPath(id), `{"provider_metadata":{"role_arn":"r"}}`, 422, true)
	step("PATCH", itemPath("nope"), `{"name":"x"}`, 404, false)
	step("PATCH", itemPath(id), `{"name":"c"}`, 200, false)
	step("GET", collection+"?limit=0", "", 400, false) // not a write
	step("POST", itemPath(id), `{"name":"x"}`, 405, false)
	step("DELETE", itemPath(id), "", 204, false)

	// Not answered by the server itself: unauthenticated requests are, but
	// injected faults and writes dropped after commit are not.
	if r := e.raw("POST", collection, `{"name":`, nil); r.status != 401 {
		t.Fatalf("no key: %d", r.status)
	}
	e.srv.FailNext(1, 400)
	e.srv.FailNext(1, 422)
	step("POST", collection, `{"name":"d","provider":"OPEN_AI"}`, 400, false)
	step("PATCH", itemPath("any"), `{"name":"d"}`, 422, false)
	e.srv.DropNext(1, true)
	if _, err := e.try("POST", collection, `{"name":"dropped","provider":"OPEN_AI"}`); err == nil {
		t.Fatal("the write was not dropped")
	}

	for _, tt := range []struct {
		method, route string
		status, want  int
	}{
		{"POST", RouteCollection, 201, 1},
		{"POST", RouteCollection, 400, 1},
		{"POST", RouteCollection, 422, 1},
		{"POST", RouteCollection, 409, 1},
		{"POST", RouteCollection, 413, 1},
		{"POST", RouteCollection, 401, 1},
		{"PATCH", RouteItem, 400, 1},
		{"PATCH", RouteItem, 422, 2},
		{"PATCH", RouteItem, 404, 1},
		{"PATCH", RouteItem, 200, 1},
		{"GET", RouteCollection, 400, 1},
		{"POST", RouteItem, 405, 1},
		{"DELETE", RouteItem, 204, 1},
		{"GET", RouteItem, 200, 0},
	} {
		if got := e.srv.Answers(tt.method, tt.route, tt.status); got != tt.want {
			t.Errorf("Answers(%s, %s, %d) = %d, want %d", tt.method, tt.route, tt.status, got, tt.want)
		}
	}
	if got := e.srv.Injected(); got["400"] != 1 || got["422"] != 1 || got[InjectedDropAfterCommit] != 1 {
		t.Errorf("Injected() = %v", got)
	}

	e.srv.ResetCounters()
	refused = 0
	if e.srv.Refused() != 0 || e.srv.Answers("POST", RouteCollection, 400) != 0 {
		t.Errorf("after ResetCounters: Refused %d, Answers %d", e.srv.Refused(), e.srv.Answers("POST", RouteCollection, 400))
	}
	step("POST", collection, `{"name":"e","provider":"nope"}`, 422, true)
	if e.srv.Answers("POST", RouteCollection, 422) != 1 {
		t.Errorf("counting after reset: %d", e.srv.Answers("POST", RouteCollection, 422))
	}
}

func TestRefusedConcurrently(t *testing.T) {
	e := newEnv(t)
	const workers, each = 8, 25
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				var r response
				if i%2 == 0 {
					r = e.do("POST", collection, fmt.Sprintf(`{"name":"w%d-%d","provider":"openAI"}`, w, i))
				} else {
					r = e.do("POST", collection, fmt.Sprintf(`{"name":"w%d-%d","provider":"OPEN_AI"}`, w, i))
				}
				if want := map[bool]int{true: 422, false: 201}[i%2 == 0]; r.status != want {
					t.Errorf("status %d, want %d", r.status, want)
				}
			}
		}()
	}
	wg.Wait()
	const refused = workers * ((each + 1) / 2)
	if got := e.srv.Refused(); got != refused {
		t.Errorf("Refused() = %d, want %d", got, refused)
	}
	if got := e.srv.Answers("POST", RouteCollection, http.StatusCreated); got != workers*each-refused {
		t.Errorf("Answers 201 = %d, want %d", got, workers*each-refused)
	}
}
