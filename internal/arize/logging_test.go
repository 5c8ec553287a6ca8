package arize

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestMaskBody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want string // compared as JSON when it parses as JSON
	}{
		{"empty", "", ""},
		{"api_key masked, other fields kept", `{"name":"n","api_key":"sk-SECRET","base_url":"https://b"}`,
			`{"api_key":"***","base_url":"https://b","name":"n"}`},
		{"null api_key stays null", `{"api_key":null,"name":"n"}`, `{"api_key":null,"name":"n"}`},
		{"empty api_key masked", `{"api_key":""}`, `{"api_key":"***"}`},
		{"non-string api_key masked", `{"api_key":12345}`, `{"api_key":"***"}`},
		{"any spelling of the keys masked", `{"Api_keY":"sk-SECRET","HEADERS":{"X":"h-SECRET"}}`,
			`{"Api_keY":"***","HEADERS":{"X":"***"}}`},
		{"every header value masked", `{"headers":{"Authorization":"Bearer up-SECRET","X-Org":"org-SECRET"},"name":"n"}`,
			`{"headers":{"Authorization":"***","X-Org":"***"},"name":"n"}`},
		{"null headers stay null", `{"headers":null}`, `{"headers":null}`},
		{"empty headers", `{"headers":{}}`, `{"headers":{}}`},
		{"nested in a list", `{"ai_integrations":[{"name":"a","headers":{"H":"h-SECRET"}},{"api_key":"sk-SECRET"}],"pagination":{"has_more":false}}`,
			`{"ai_integrations":[{"headers":{"H":"***"},"name":"a"},{"api_key":"***"}],"pagination":{"has_more":false}}`},
		{"nested in an object", `{"provider_metadata":{"kind":"AWS","role_arn":"r","api_key":"sk-SECRET"}}`,
			`{"provider_metadata":{"api_key":"***","kind":"AWS","role_arn":"r"}}`},
		{"top-level array", `[{"api_key":"sk-SECRET"}]`, `[{"api_key":"***"}]`},
		{"a new user's temporary password masked", `{"id":"u","invite_mode":"TEMPORARY_PASSWORD","temporary_password":"pw-SECRET"}`,
			`{"id":"u","invite_mode":"TEMPORARY_PASSWORD","temporary_password":"***"}`},
		{"temporary password in any case", `{"Temporary_Password":"pw-SECRET"}`, `{"Temporary_Password":"***"}`},
		{"problem body kept", `{"status":422,"title":"Unprocessable Entity","detail":"name is required"}`,
			`{"status":422,"title":"Unprocessable Entity","detail":"name is required"}`},
		{"HTML not logged", `<html><body>Bearer sk-SECRET</body></html>`, "(body not logged: not JSON)"},
		{"truncated JSON not logged", `{"api_key":"sk-SECRET"`, "(body not logged: not JSON)"},
		{"plain text not logged", `sk-SECRET`, "(body not logged: not JSON)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := maskBody([]byte(tt.in))
			if strings.Contains(got, "SECRET") {
				t.Errorf("maskBody(%s) = %s: a secret is left", tt.in, got)
			}
			var gotV, wantV any
			if json.Unmarshal([]byte(tt.want), &wantV) == nil {
				if err := json.Unmarshal([]byte(got), &gotV); err != nil {
					t.Fatalf("maskBody(%s) = %q, not JSON", tt.in, got)
				}
				if fmt.Sprint(gotV) != fmt.Sprint(wantV) {
					t.Errorf("maskBody(%s)\n got %s\nwant %s", tt.in, got, tt.want)
				}
				return
			}
			if got != tt.want {
				t.Errorf("maskBody(%s) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestLoggerGetsNoSecrets drives a full lifecycle, a retry, an error and a
// rotation through a recording logger, then searches everything it got.
func TestLoggerGetsNoSecrets(t *testing.T) {
	t.Parallel()
	log := &recordingLogger{}
	f := newFixture(t, func(c *Config) { c.Logger = log })
	ctx := context.Background()
	secrets := []string{
		testKey, "Bearer", "sk-first-SECRET", "sk-rotated-SECRET",
		"proxy-header-SECRET-1", "proxy-header-SECRET-2", "proxy-header-SECRET-3",
	}

	created, err := f.c.Create(ctx, CreateRequest{
		Name: "logged", Provider: ProviderCustom, APIKey: "sk-first-SECRET", BaseURL: "https://proxy.example.com",
		AuthType: AuthTypeProxyWithHeaders,
		Headers:  map[string]string{"Authorization": "proxy-header-SECRET-1", "X-Tenant": "proxy-header-SECRET-2"},
	})
	if err != nil {
		t.Fatal(err)
	}
	f.emu.FailNext(1, http.StatusServiceUnavailable)
	if _, err := f.c.Get(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.c.List(ctx, ListOptions{Name: "logged"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.c.Update(ctx, created.ID, UpdateRequest{
		APIKey: Value("sk-rotated-SECRET"), Headers: Value(map[string]string{"X-New": "proxy-header-SECRET-3"}),
	}); err != nil {
		t.Fatal(err)
	}
	if err := f.c.Delete(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.c.Get(ctx, created.ID); !IsNotFound(err) {
		t.Fatalf("Get after delete: %v", err)
	}

	text := log.text()
	for _, s := range secrets {
		if strings.Contains(text, s) {
			t.Errorf("the log holds %q:\n%s", s, text)
		}
	}

	// One "Arize API call" line per try, with method, path and status.
	type try struct {
		method, path string
		status       int
	}
	item := "/v2/ai-integrations/" + created.ID
	want := []try{
		{"POST", "/v2/ai-integrations", 201},
		{"GET", item, 503}, {"GET", item, 200},
		{"GET", "/v2/ai-integrations", 200},
		{"PATCH", item, 200},
		{"DELETE", item, 204},
		{"GET", item, 404},
	}
	calls := log.byMsg("Arize API call")
	if len(calls) != len(want) {
		t.Fatalf("%d call lines, want %d:\n%s", len(calls), len(want), text)
	}
	for i, e := range calls {
		if e.Fields["method"] != want[i].method || e.Fields["path"] != want[i].path || e.Fields["status"] != want[i].status {
			t.Errorf("call line %d: %v, want %+v", i, e.Fields, want[i])
		}
		if _, ok := e.Fields["duration_ms"]; !ok {
			t.Errorf("call line %d has no duration_ms", i)
		}
		for k := range e.Fields {
			if strings.Contains(strings.ToLower(k), "header") || strings.Contains(strings.ToLower(k), "auth") {
				t.Errorf("call line %d logs %q", i, k)
			}
		}
	}

	// Bodies are logged, masked: the create request shows masked values.
	reqBodies := log.byMsg("Arize API request body")
	if len(reqBodies) != 2 {
		t.Fatalf("%d request body lines, want 2 (POST and PATCH)", len(reqBodies))
	}
	createBody, _ := reqBodies[0].Fields["body"].(string)
	for _, part := range []string{`"api_key":"***"`, `"Authorization":"***"`, `"X-Tenant":"***"`, `"name":"logged"`, `"base_url":"https://proxy.example.com"`} {
		if !strings.Contains(createBody, part) {
			t.Errorf("create body line %q lacks %s", createBody, part)
		}
	}
	respBodies := log.byMsg("Arize API response body")
	if len(respBodies) != 6 {
		t.Errorf("%d response body lines, want 6 (one per call)", len(respBodies))
	}
	for _, e := range respBodies {
		if e.Fields["method"] == nil || e.Fields["path"] == nil || e.Fields["status"] == nil {
			t.Errorf("response body line without method, path or status: %v", e.Fields)
		}
	}
}

// TestLoggerTransportError checks a failed try is logged with its error, and
// without the key.
func TestLoggerTransportError(t *testing.T) {
	t.Parallel()
	log := &recordingLogger{}
	c := newClient(t, "http://"+deadAddr(t), func(c *Config) {
		c.Logger = log
		c.MaxRetries = 1
	})
	_, err := c.Create(context.Background(), CreateRequest{Name: "n", Provider: ProviderOpenAI, APIKey: "sk-SECRET"})
	if err == nil {
		t.Fatal("no error")
	}
	calls := log.byMsg("Arize API call")
	if len(calls) != 2 {
		t.Fatalf("%d call lines, want 2", len(calls))
	}
	for _, e := range calls {
		if msg, _ := e.Fields["error"].(string); msg == "" {
			t.Errorf("call line without error: %v", e.Fields)
		}
		if _, ok := e.Fields["status"]; ok {
			t.Errorf("call line with a status for a failed try: %v", e.Fields)
		}
	}
	if text := log.text(); strings.Contains(text, testKey) || strings.Contains(text, "sk-SECRET") {
		t.Errorf("log holds a secret:\n%s", text)
	}
}

// TestLoggerNonJSONBody checks an HTML answer is not logged.
func TestLoggerNonJSONBody(t *testing.T) {
	t.Parallel()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = io.WriteString(w, "<html>echo: "+r.Header.Get("Authorization")+"</html>")
	})
	log := &recordingLogger{}
	c := newClient(t, serve(t, h), func(c *Config) {
		c.Logger = log
		c.MaxRetries = -1
	})
	_, _ = c.Get(context.Background(), "SUQ=")
	bodies := log.byMsg("Arize API response body")
	if len(bodies) != 1 || bodies[0].Fields["body"] != "(body not logged: not JSON)" || bodies[0].Fields["status"] != 502 {
		t.Errorf("response body lines %v", bodies)
	}
	if strings.Contains(log.text(), testKey) || strings.Contains(log.text(), "<html>") {
		t.Errorf("log holds the page:\n%s", log.text())
	}
}

// TestErrorsCarryNoKey gathers the errors of every failure the client can
// meet and searches them for the key.
func TestErrorsCarryNoKey(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	garbage := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		// An unterminated string holding the bearer value.
		_, _ = io.WriteString(w, `{"id": "x", "name": "`+r.Header.Get("Authorization"))
	}))
	wrongType := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"id": 12, "name": true}`)
	}))
	emu := emulator.New(emulator.Options{APIKey: "the-real-key"})
	emuURL := serve(t, emu)

	tests := []struct {
		name string
		err  func() error
	}{
		{"401", func() error {
			_, err := newClient(t, emuURL).Get(ctx, "SUQ=")
			return err
		}},
		{"dial", func() error {
			_, err := newClient(t, "http://"+deadAddr(t), func(c *Config) { c.MaxRetries = -1 }).Get(ctx, "SUQ=")
			return err
		}},
		{"truncated JSON", func() error {
			_, err := newClient(t, garbage).Get(ctx, "SUQ=")
			return err
		}},
		{"wrong JSON types", func() error {
			_, err := newClient(t, wrongType).Get(ctx, "SUQ=")
			return err
		}},
		{"bad endpoint", func() error {
			_, err := New(Config{APIKey: testKey, Endpoint: "http://example.com"})
			return err
		}},
		{"endpoint not a URL", func() error {
			_, err := New(Config{APIKey: testKey, Endpoint: "https://exa mple.com/%zz"})
			return err
		}},
		{"cancelled", func() error {
			cctx, cancel := context.WithCancel(ctx)
			cancel()
			_, err := newClient(t, emuURL).Get(cctx, "SUQ=")
			return err
		}},
	}
	for _, tt := range tests {
		err := tt.err()
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		for _, s := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)} {
			if strings.Contains(s, testKey) {
				t.Errorf("%s: error carries the key: %s", tt.name, s)
			}
		}
	}
}
