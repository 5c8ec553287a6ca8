package arize

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestRequestHeaders checks what every request carries.
func TestRequestHeaders(t *testing.T) {
	t.Parallel()
	emu := emulator.New(emulator.Options{APIKey: testKey})
	rec := &recorder{next: emu}
	c := newClient(t, serve(t, rec))
	ctx := context.Background()
	got, err := c.Create(ctx, CreateRequest{Name: "h", Provider: ProviderOpenAI})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(ctx, got.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.List(ctx, ListOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Update(ctx, got.ID, UpdateRequest{Name: Value("h2")}); err != nil {
		t.Fatal(err)
	}
	if err := c.Delete(ctx, got.ID); err != nil {
		t.Fatal(err)
	}
	seen := rec.requests()
	wantMethods := []string{"POST", "GET", "GET", "PATCH", "DELETE"}
	if len(seen) != len(wantMethods) {
		t.Fatalf("%d requests, want %d", len(seen), len(wantMethods))
	}
	for i, r := range seen {
		if r.Method != wantMethods[i] {
			t.Errorf("request %d is %s, want %s", i, r.Method, wantMethods[i])
		}
		if a := r.Header.Get("Authorization"); a != "Bearer "+testKey {
			t.Errorf("%s: Authorization %q", r.Method, a)
		}
		if ua := r.Header.Get("User-Agent"); ua != testUA {
			t.Errorf("%s: User-Agent %q", r.Method, ua)
		}
		if acc := r.Header.Get("Accept"); acc != "application/json" {
			t.Errorf("%s: Accept %q", r.Method, acc)
		}
		hasBody := r.Method == "POST" || r.Method == "PATCH"
		ct := r.Header.Get("Content-Type")
		if hasBody && ct != "application/json" {
			t.Errorf("%s: Content-Type %q, want application/json", r.Method, ct)
		}
		if !hasBody && (ct != "" || r.Body != "") {
			t.Errorf("%s: Content-Type %q and body %q on a request without body", r.Method, ct, r.Body)
		}
	}
}

// TestEndpointBasePath checks a base URL with a path prefix keeps it.
func TestEndpointBasePath(t *testing.T) {
	t.Parallel()
	emu := emulator.New(emulator.Options{APIKey: testKey})
	mux := http.NewServeMux()
	mux.Handle("/proxy/", http.StripPrefix("/proxy", emu))
	c := newClient(t, serve(t, mux)+"/proxy/")
	got, err := c.Create(context.Background(), CreateRequest{Name: "p", Provider: ProviderOpenAI})
	if err != nil {
		t.Fatalf("Create through /proxy/: %v", err)
	}
	if _, err := c.Get(context.Background(), got.ID); err != nil {
		t.Fatalf("Get through /proxy/: %v", err)
	}
}

// TestIDIsEscapedOnce checks that an id is sent as one path segment, escaped
// exactly once: the server must read back the id the caller passed.
//
// Regression, fixed: client.go do() appends the already escaped path from
// integrationPath (url.PathEscape) to url.URL.Path, which holds the
// *unescaped* path, so u.String() escapes it a second time: Get("a/b c")
// requests /v2/ai-integrations/a%252Fb%2520c and the server looks up the id
// "a%2Fb%20c". Relay ids made of base64 text never need escaping, so this only
// bites for ids with '/', '?', '%', spaces or non-ASCII (an import typo, or
// an id format change), but then Get/Update/Delete address the wrong id.
func TestIDIsEscapedOnce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		id          string
		wantEscaped string
	}{
		{"TGxtSW50ZWdyYXRpb246MTI6YUJjRA==", "/v2/ai-integrations/TGxtSW50ZWdyYXRpb246MTI6YUJjRA=="},
		{"a+b=", "/v2/ai-integrations/a+b="},
		{"a/b", "/v2/ai-integrations/a%2Fb"},
		{"x y", "/v2/ai-integrations/x%20y"},
		{"q?x=1", "/v2/ai-integrations/q%3Fx=1"},
		{"50%", "/v2/ai-integrations/50%25"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			t.Parallel()
			var mu sync.Mutex
			var gotPath, gotEscaped, gotQuery string
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				gotPath, gotEscaped, gotQuery = r.URL.Path, r.URL.EscapedPath(), r.URL.RawQuery
				mu.Unlock()
				w.WriteHeader(http.StatusNoContent)
			})
			c := newClient(t, serve(t, h))
			if err := c.Delete(context.Background(), tt.id); err != nil {
				t.Fatalf("Delete: %v", err)
			}
			mu.Lock()
			defer mu.Unlock()
			if want := "/v2/ai-integrations/" + tt.id; gotPath != want || gotQuery != "" {
				t.Errorf("server read path %q query %q, want path %q (escaped path sent: %q)", gotPath, gotQuery, want, gotEscaped)
			}
			if gotEscaped != tt.wantEscaped {
				t.Errorf("escaped path %q, want %q", gotEscaped, tt.wantEscaped)
			}
		})
	}
}

// TestSecondSuccessStatus: a call with alsoWant takes either success status
// and reports which came; any other status is the API's error, and leaves
// the reported status as it was.
func TestSecondSuccessStatus(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		answer     int
		wantStatus int
		wantErr    bool
	}{
		{http.StatusCreated, http.StatusCreated, false},
		{http.StatusOK, http.StatusOK, false},
		{http.StatusAccepted, 0, true},
	} {
		t.Run(http.StatusText(tc.answer), func(t *testing.T) {
			t.Parallel()
			c := newClient(t, serve(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(tc.answer)
				_, _ = w.Write([]byte(`{"id":"x"}`))
			})))
			var out struct {
				ID string `json:"id"`
			}
			got := 0
			err := c.do(context.Background(), call{
				method: http.MethodGet, path: "/v2/x", want: http.StatusCreated, alsoWant: http.StatusOK,
				gotStatus: &got, out: &out, retry: idempotent,
			})
			if (err != nil) != tc.wantErr || got != tc.wantStatus {
				t.Fatalf("do = %v, status %d; want error %v, status %d", err, got, tc.wantErr, tc.wantStatus)
			}
			if !tc.wantErr && out.ID != "x" {
				t.Errorf("the body was not decoded: %+v", out)
			}
		})
	}
}
