package emulator

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestAuth(t *testing.T) {
	e := newEnv(t)
	id := e.createNamed("x")
	tests := []struct {
		name   string
		header []string // Authorization values; nil sends none
	}{
		{"missing", nil},
		{"wrong key", []string{"Bearer nope"}},
		{"no Bearer prefix", []string{testKey}},
		{"lowercase scheme", []string{"bearer " + testKey}},
		{"Basic", []string{"Basic " + testKey}},
		{"empty token", []string{"Bearer "}},
		{"key prefix only", []string{"Bearer " + testKey[:4]}},
	}
	for _, tt := range tests {
		for _, req := range []struct{ method, path string }{
			{"GET", collection}, {"POST", collection}, {"GET", itemPath(id)},
			{"PATCH", itemPath(id)}, {"DELETE", itemPath(id)}, {"GET", "/nowhere"},
		} {
			t.Run(tt.name+" "+req.method+" "+req.path, func(t *testing.T) {
				h := http.Header{"Authorization": tt.header}
				r := e.raw(req.method, req.path, `{"name":"y","provider":"OPEN_AI"}`, h)
				wantProblem(t, r, http.StatusUnauthorized, CodeUnauthorized, req.path, "Bearer")
				if r.header.Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
			})
		}
	}
	if e.srv.Len() != 1 {
		t.Errorf("unauthenticated requests changed the store: Len %d", e.srv.Len())
	}
}

func TestAuthEmptyConfiguredKeyRefusesAll(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.APIKey = "" })
	r := e.raw("GET", collection, "", http.Header{"Authorization": {"Bearer "}})
	wantProblem(t, r, http.StatusUnauthorized, CodeUnauthorized, collection, "")
}

func TestRouting(t *testing.T) {
	e := newEnv(t)
	id := e.createNamed("x")
	tests := []struct {
		method, path string
		status       int
		code         string
		allow        string
	}{
		{"GET", "/", 404, CodeNotFound, ""},
		{"GET", "/v2", 404, CodeNotFound, ""},
		{"GET", "/v1/ai-integrations", 404, CodeNotFound, ""},
		{"GET", "/v2/ai-integrations/", 404, CodeNotFound, ""},
		{"GET", "/v2/ai-integrations/" + id + "/models", 404, CodeNotFound, ""},
		{"GET", "/v2/ai-integrationsX", 404, CodeNotFound, ""},
		{"POST", "/v2/datasets", 404, CodeNotFound, ""},
		{"PUT", collection, 405, CodeMethodNotAllowed, "GET, POST"},
		{"DELETE", collection, 405, CodeMethodNotAllowed, "GET, POST"},
		{"PATCH", collection, 405, CodeMethodNotAllowed, "GET, POST"},
		{"PUT", itemPath(id), 405, CodeMethodNotAllowed, "GET, PATCH, DELETE"},
		{"POST", itemPath(id), 405, CodeMethodNotAllowed, "GET, PATCH, DELETE"},
		{"OPTIONS", itemPath(id), 405, CodeMethodNotAllowed, "GET, PATCH, DELETE"},
		{"PUT", itemPath("unknown"), 405, CodeMethodNotAllowed, "GET, PATCH, DELETE"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			r := e.do(tt.method, tt.path, "")
			wantProblem(t, r, tt.status, tt.code, tt.path, "")
			if got := r.header.Get("Allow"); got != tt.allow {
				t.Errorf("Allow %q, want %q", got, tt.allow)
			}
		})
	}
	// HEAD has no body to check, only the status.
	if r := e.do("HEAD", collection, ""); r.status != http.StatusMethodNotAllowed {
		t.Errorf("HEAD: %d", r.status)
	}
}

// TestEscapedIDInPath checks that ids are unescaped from the path: a client
// that escapes the id (as it should) finds the integration.
func TestEscapedIDInPath(t *testing.T) {
	e := newEnv(t)
	id := e.createNamed("x")
	escaped := strings.ReplaceAll(id, "=", "%3D")
	if r := e.do("GET", itemPath(escaped), ""); r.status != http.StatusOK {
		t.Errorf("GET with %%3D: %d %s", r.status, r.body)
	}
}

func TestCounters(t *testing.T) {
	e := newEnv(t)
	id := e.createNamed("a")                                      // POST 201
	e.do("POST", collection, `{"name":"a","provider":"OPEN_AI"}`) // POST 409
	e.raw("POST", collection, `{}`, nil)                          // POST 401
	e.do("GET", itemPath(id), "")                                 // GET item
	e.do("GET", itemPath("other"), "")                            // GET item 404
	e.do("PATCH", itemPath(id), `{"name":"b"}`)                   // PATCH item
	e.do("GET", collection, "")                                   // list
	e.do("PUT", itemPath(id), "")                                 // 405
	e.do("GET", "/v2/other", "")                                  // unknown path
	e.srv.FailNext(1, 503)
	e.do("DELETE", itemPath(id), "") // faulted
	e.do("DELETE", itemPath(id), "") // served

	want := map[string]int{
		"POST /v2/ai-integrations":        3,
		"GET /v2/ai-integrations/{id}":    2,
		"PATCH /v2/ai-integrations/{id}":  1,
		"GET /v2/ai-integrations":         1,
		"PUT /v2/ai-integrations/{id}":    1,
		"GET /v2/other":                   1,
		"DELETE /v2/ai-integrations/{id}": 2,
	}
	got := e.srv.Requests()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Requests()\n got %v\nwant %v", got, want)
	}
	if n := e.srv.Count("POST", RouteCollection); n != 3 {
		t.Errorf("Count POST = %d", n)
	}
	if n := e.srv.Count("GET", "/v2/ai-integrations/{id}"); n != 2 {
		t.Errorf("Count GET item = %d", n)
	}
	if n := e.srv.Count("HEAD", RouteItem); n != 0 {
		t.Errorf("Count of an unused route = %d", n)
	}
	if n := e.srv.Total(); n != 11 {
		t.Errorf("Total = %d, want 11", n)
	}
	// Requests returns a copy.
	got["GET /v2/ai-integrations"] = 99
	if e.srv.Count("GET", RouteCollection) != 1 {
		t.Error("Requests() shares its map with the server")
	}
	// Direct state access is not counted.
	e.srv.List()
	e.srv.Get(id)
	e.srv.Len()
	if _, err := e.srv.Put(Integration{Name: "direct", Provider: "OPEN_AI"}); err != nil {
		t.Fatal(err)
	}
	e.srv.Remove(id)
	if n := e.srv.Total(); n != 11 {
		t.Errorf("Total after direct access = %d, want 11", n)
	}
	e.srv.ResetCounters()
	if e.srv.Total() != 0 || len(e.srv.Requests()) != 0 {
		t.Errorf("after ResetCounters: %v", e.srv.Requests())
	}
	e.do("GET", collection, "")
	if e.srv.Total() != 1 {
		t.Errorf("counting after reset: %v", e.srv.Requests())
	}
}
