package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

const testKey = "test-key-123"

// Known spaces of the test account.
const (
	spaceProd    = "U3BhY2U6MTIzNDU="
	spaceStaging = "U3BhY2U6Njc4OTA="
	spaceDev     = "U3BhY2U6MTExMTE="
	orgID        = "QWNjb3VudE9yZzoxMjM6YWJj"
)

var testSpaces = map[string]string{
	spaceProd:    "Production",
	spaceStaging: "Staging EU",
	spaceDev:     "dev-sandbox",
}

// fakeClock is a settable clock, safe for concurrent use.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 2, 13, 21, 27, 19, 55_123_456, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// env is a running emulator behind a real HTTP listener.
type env struct {
	t     *testing.T
	srv   *Server
	http  *httptest.Server
	clock *fakeClock
}

func newEnv(t *testing.T, mutate ...func(*Options)) *env {
	t.Helper()
	clock := newFakeClock()
	opts := Options{APIKey: testKey, Spaces: testSpaces, Now: clock.Now}
	for _, m := range mutate {
		m(&opts)
	}
	srv := New(opts)
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return &env{t: t, srv: srv, http: hs, clock: clock}
}

// response is a completed request, body read.
type response struct {
	status int
	header http.Header
	body   []byte
}

// json decodes the body into a generic map.
func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v\n%s", err, r.body)
	}
	return m
}

// raw sends a request with the given headers exactly (no defaults).
func (e *env) raw(method, path, body string, header http.Header) response {
	e.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.http.URL+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	for k, vs := range header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	resp, err := e.http.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: b}
}

// do sends an authenticated JSON request.
func (e *env) do(method, path, body string) response {
	e.t.Helper()
	h := http.Header{"Authorization": {"Bearer " + testKey}}
	if body != "" {
		h.Set("Content-Type", "application/json")
	}
	return e.raw(method, path, body, h)
}

// create POSTs body and fails the test unless it answers 201.
func (e *env) create(body string) map[string]any {
	e.t.Helper()
	r := e.do("POST", "/v2/ai-integrations", body)
	if r.status != http.StatusCreated {
		e.t.Fatalf("create: status %d, want 201: %s", r.status, r.body)
	}
	return r.json(e.t)
}

// createNamed creates a minimal OPEN_AI integration.
func (e *env) createNamed(name string) string {
	e.t.Helper()
	b, _ := json.Marshal(map[string]any{"name": name, "provider": "OPEN_AI"})
	return e.create(string(b))["id"].(string)
}

func itemPath(id string) string { return "/v2/ai-integrations/" + id }

// wantProblem checks a problem+json answer: status, code, the members RFC
// 9457 and Arize promise, the instance, and that detail mentions want.
func wantProblem(t *testing.T, r response, status int, code, path, detail string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type %q, want application/problem+json", ct)
	}
	var p struct {
		Status    *int    `json:"status"`
		Title     *string `json:"title"`
		Type      *string `json:"type"`
		Detail    *string `json:"detail"`
		Instance  *string `json:"instance"`
		ErrorCode *string `json:"error_code"`
	}
	if err := json.Unmarshal(r.body, &p); err != nil {
		t.Fatalf("problem body: %v: %s", err, r.body)
	}
	if p.Status == nil || p.Title == nil || p.Type == nil || p.Detail == nil || p.Instance == nil || p.ErrorCode == nil {
		t.Fatalf("problem lacks a member: %s", r.body)
	}
	if *p.Status != status || *p.Title != http.StatusText(status) {
		t.Errorf("status/title = %d %q, want %d %q", *p.Status, *p.Title, status, http.StatusText(status))
	}
	if *p.ErrorCode != code {
		t.Errorf("error_code %q, want %q (detail %q)", *p.ErrorCode, code, *p.Detail)
	}
	if !strings.HasPrefix(*p.Type, "https://") {
		t.Errorf("type %q is not a URI", *p.Type)
	}
	if path != "" && *p.Instance != path {
		t.Errorf("instance %q, want %q", *p.Instance, path)
	}
	if !strings.Contains(*p.Detail, detail) {
		t.Errorf("detail %q does not mention %q", *p.Detail, detail)
	}
}
