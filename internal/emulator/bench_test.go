package emulator

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The emulator's own cost per request, through ServeHTTP with a recorder (no
// network), on a store of benchStoreSize integrations: the size of a large
// workspace in make bench. make bench includes them in docs/benchmarks.md.

const benchStoreSize = 1000

const benchKey = "bench-key"

func benchBody(name string) string {
	return `{"name":"` + name + `","provider":"CUSTOM","api_key":"sk-bench","base_url":"https://gateway.example.com/v1",` +
		`"model_names":["gpt-4o","gpt-4o-mini","claude-sonnet"],"headers":{"X-Team":"platform"},` +
		`"auth_type":"PROXY_WITH_HEADERS","scopings":[{"organization_id":"org-1","space_id":null}]}`
}

// benchServer returns a server holding size integrations and their ids.
func benchServer(b *testing.B, size int) (*Server, []string) {
	b.Helper()
	s := New(Options{APIKey: benchKey})
	ids := make([]string, size)
	for i := range size {
		in := Integration{Name: fmt.Sprintf("seed-%05d", i), Provider: "OPEN_AI", ModelNames: []string{"gpt-4o"}, FunctionCallingEnabled: true}
		out, err := s.Put(in)
		if err != nil {
			b.Fatal(err)
		}
		ids[i] = out.ID
	}
	return s, ids
}

func serveBench(b *testing.B, s *Server, method, target, body string, want int) *httptest.ResponseRecorder {
	var req *http.Request
	if body == "" {
		req = httptest.NewRequest(method, target, nil)
	} else {
		req = httptest.NewRequest(method, target, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+benchKey)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != want {
		b.Fatalf("%s %s: %d, want %d\n%s", method, target, rec.Code, want, rec.Body)
	}
	return rec
}

func BenchmarkCreate(b *testing.B) {
	s, _ := benchServer(b, benchStoreSize)
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		serveBench(b, s, http.MethodPost, RouteCollection, benchBody(fmt.Sprintf("bench-%d", i)), http.StatusCreated)
	}
}

func BenchmarkGet(b *testing.B) {
	s, ids := benchServer(b, benchStoreSize)
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		serveBench(b, s, http.MethodGet, RouteCollection+"/"+ids[i%len(ids)], "", http.StatusOK)
	}
}

// BenchmarkUpdate is a PATCH of one list, as the provider sends for a
// changed model_names.
func BenchmarkUpdate(b *testing.B) {
	s, ids := benchServer(b, benchStoreSize)
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		body := fmt.Sprintf(`{"model_names":["gpt-4o","rev-%d"]}`, i)
		serveBench(b, s, http.MethodPatch, RouteCollection+"/"+ids[i%len(ids)], body, http.StatusOK)
	}
}

// BenchmarkDeleteCreate deletes an integration and creates it again, so the
// store keeps its size: a delete alone would empty it.
func BenchmarkDeleteCreate(b *testing.B) {
	for _, size := range []int{benchStoreSize, 10 * benchStoreSize} {
		b.Run(fmt.Sprintf("store=%d", size), func(b *testing.B) {
			s, ids := benchServer(b, size)
			i := 0
			b.ReportAllocs()
			for b.Loop() {
				// Delete from the front of the creation order, the worst case for
				// a scan, and recreate at the back.
				id := ids[i%len(ids)]
				serveBench(b, s, http.MethodDelete, RouteCollection+"/"+id, "", http.StatusNoContent)
				rec := serveBench(b, s, http.MethodPost, RouteCollection, benchBody(fmt.Sprintf("again-%d", i)), http.StatusCreated)
				ids[i%len(ids)] = benchLocationID(b, rec)
				i++
			}
		})
	}
}

func benchLocationID(b *testing.B, rec *httptest.ResponseRecorder) string {
	loc := rec.Header().Get("Location")
	_, id, ok := strings.Cut(loc, RouteCollection+"/")
	if !ok {
		b.Fatalf("no id in Location %q", loc)
	}
	return id
}

// BenchmarkList reads the first page (the default 50) and, separately,
// every page at the largest limit, at two store sizes: the cost of a whole
// list must grow linearly with the store, not with its square.
func BenchmarkList(b *testing.B) {
	for _, size := range []int{benchStoreSize, 10 * benchStoreSize} {
		s, _ := benchServer(b, size)
		b.Run(fmt.Sprintf("first-page/store=%d", size), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				serveBench(b, s, http.MethodGet, RouteCollection, "", http.StatusOK)
			}
		})
		b.Run(fmt.Sprintf("all-pages/store=%d", size), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cursor := ""
				for {
					target := RouteCollection + "?limit=100"
					if cursor != "" {
						target += "&cursor=" + cursor
					}
					rec := serveBench(b, s, http.MethodGet, target, "", http.StatusOK)
					var ok bool
					if cursor, ok = nextCursor(rec.Body.String()); !ok {
						break
					}
				}
			}
		})
	}
}

// nextCursor finds next_cursor in a list body without decoding it all, so
// the benchmark measures the server, not the client's decoding.
func nextCursor(body string) (string, bool) {
	_, rest, ok := strings.Cut(body, `"next_cursor":"`)
	if !ok {
		return "", false
	}
	cursor, _, _ := strings.Cut(rest, `"`)
	return cursor, true
}
