package arize

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestNewAPIError(t *testing.T) {
	t.Parallel()
	longHTML := "<html><head><title>502 Bad Gateway</title></head><body>" + strings.Repeat("<p>upstream error</p>", 100) + "</body></html>"
	tests := []struct {
		name   string
		status int
		body   string
		want   APIError
		str    string
	}{
		{
			name:   "problem+json",
			status: 422,
			body: `{"status":422,"title":"Unprocessable Entity","type":"https://arize.com/docs/ax/rest-reference/errors#invalid-request",
				"detail":"provider_metadata does not match provider","instance":"/v2/ai-integrations","error_code":"validation_error"}`,
			want: APIError{
				Method: "POST", Path: "/v2/ai-integrations", Status: 422, Title: "Unprocessable Entity",
				Detail: "provider_metadata does not match provider", ErrorCode: "validation_error",
				Type: "https://arize.com/docs/ax/rest-reference/errors#invalid-request",
			},
			str: "POST /v2/ai-integrations: 422 Unprocessable Entity: provider_metadata does not match provider (error_code: validation_error)",
		},
		{
			name:   "no title falls back to the status text",
			status: 409,
			body:   `{"status":409,"detail":"name taken","error_code":"name_conflict"}`,
			want:   APIError{Method: "POST", Path: "/v2/ai-integrations", Status: 409, Detail: "name taken", ErrorCode: "name_conflict"},
			str:    "POST /v2/ai-integrations: 409 Conflict: name taken (error_code: name_conflict)",
		},
		{
			name:   "only status and title",
			status: 403,
			body:   `{"status":403,"title":"Forbidden"}`,
			want:   APIError{Method: "POST", Path: "/v2/ai-integrations", Status: 403, Title: "Forbidden"},
			str:    "POST /v2/ai-integrations: 403 Forbidden",
		},
		{
			name:   "empty body",
			status: 502,
			body:   "",
			want:   APIError{Method: "POST", Path: "/v2/ai-integrations", Status: 502},
			str:    "POST /v2/ai-integrations: 502 Bad Gateway",
		},
		{
			name:   "short text body is kept",
			status: 500,
			body:   "  upstream connect error  \n",
			want:   APIError{Method: "POST", Path: "/v2/ai-integrations", Status: 500, Detail: "upstream connect error"},
			str:    "POST /v2/ai-integrations: 500 Internal Server Error: upstream connect error",
		},
		{
			name:   "HTML body is truncated",
			status: 502,
			body:   longHTML,
			want:   APIError{Method: "POST", Path: "/v2/ai-integrations", Status: 502, Detail: longHTML[:200] + "…"},
			str:    "POST /v2/ai-integrations: 502 Bad Gateway: " + longHTML[:200] + "…",
		},
		{
			name:   "unknown status without text",
			status: 599,
			body:   "",
			want:   APIError{Method: "POST", Path: "/v2/ai-integrations", Status: 599},
			str:    "POST /v2/ai-integrations: 599",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := newAPIError("POST", "/v2/ai-integrations", tt.status, nil, []byte(tt.body))
			if *got != tt.want {
				t.Errorf("newAPIError\n got %+v\nwant %+v", *got, tt.want)
			}
			if s := got.Error(); s != tt.str {
				t.Errorf("Error()\n got %q\nwant %q", s, tt.str)
			}
		})
	}
}

// TestAPIErrorTruncationKeepsUTF8 checks a truncated body stays valid UTF-8.
//
// Regression, fixed: errors.go newAPIError cuts a non-JSON body at byte 200
// (text[:maxErrorDetail]) without regard to rune boundaries, so a body with
// multi-byte characters (a localised proxy error page) yields an error string
// with a broken UTF-8 sequence. Such a string is not valid in a protobuf
// string field: a Terraform diagnostic carrying it can fail to marshal over
// the plugin protocol, or at best shows U+FFFD.
func TestAPIErrorTruncationKeepsUTF8(t *testing.T) {
	t.Parallel()
	body := "x" + strings.Repeat("é", 300) // byte 200 falls inside an "é"
	got := newAPIError("GET", "/v2/ai-integrations", 502, nil, []byte(body))
	if !utf8.ValidString(got.Detail) || !utf8.ValidString(got.Error()) {
		t.Errorf("truncated detail is not valid UTF-8: %q", got.Detail)
	}
	if len(got.Detail) > 200+len("…") {
		t.Errorf("detail is %d bytes", len(got.Detail))
	}
}

// TestAPIErrorFromServer checks the fields of an error the API answered, as
// the client reports it.
func TestAPIErrorFromServer(t *testing.T) {
	t.Parallel()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		_, _ = io.WriteString(w, `{"status":422,"title":"Unprocessable Entity","type":"https://arize.com/e#x","detail":"bad `+
			r.Method+`","instance":"`+r.URL.Path+`","error_code":"E_`+r.Method+`"}`)
	})
	c := newClient(t, serve(t, h))
	ctx := context.Background()
	ops := []struct {
		method, path string
		do           func() error
	}{
		{"POST", "/v2/ai-integrations", func() error {
			_, err := c.Create(ctx, CreateRequest{Name: "n", Provider: ProviderOpenAI})
			return err
		}},
		{"GET", "/v2/ai-integrations/SUQx", func() error { _, err := c.Get(ctx, "SUQx"); return err }},
		{"PATCH", "/v2/ai-integrations/SUQx", func() error {
			_, err := c.Update(ctx, "SUQx", UpdateRequest{Name: Value("n")})
			return err
		}},
		{"DELETE", "/v2/ai-integrations/SUQx", func() error { return c.Delete(ctx, "SUQx") }},
		{"GET", "/v2/ai-integrations", func() error { _, err := c.List(ctx, ListOptions{Name: "q", Limit: 5}); return err }},
	}
	for _, op := range ops {
		err := op.do()
		var apiErr *APIError
		if !errors.As(err, &apiErr) {
			t.Errorf("%s %s: %v (%T) is not an *APIError", op.method, op.path, err, err)
			continue
		}
		want := APIError{
			Method: op.method, Path: op.path, Status: 422, Title: "Unprocessable Entity",
			Detail: "bad " + op.method, ErrorCode: "E_" + op.method, Type: "https://arize.com/e#x",
		}
		if *apiErr != want {
			t.Errorf("%s %s:\n got %+v\nwant %+v", op.method, op.path, *apiErr, want)
		}
		s := err.Error()
		for _, part := range []string{op.method, op.path, "422", "bad " + op.method, "E_" + op.method} {
			if !strings.Contains(s, part) {
				t.Errorf("%q does not name %q", s, part)
			}
		}
		if strings.Contains(s, "?") || strings.Contains(s, "limit") {
			t.Errorf("%q carries the query", s)
		}
	}
}

// TestAPIErrorFromEmulator checks a real validation answer.
func TestAPIErrorFromEmulator(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	// A first create teaches the client the server's spelling, so that the
	// invalid one below is refused for what it is, once.
	if _, err := f.c.Create(context.Background(), CreateRequest{Name: "a", Provider: ProviderOpenAI}); err != nil {
		t.Fatal(err)
	}
	_, err := f.c.Create(context.Background(), CreateRequest{Name: "b", Provider: ProviderAWSBedrock,
		ProviderMetadata: &ProviderMetadata{AWS: &AWSMetadata{RoleARN: "r"}}})
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("%v is not an *APIError", err)
	}
	if apiErr.Status != 422 || apiErr.Title != "Unprocessable Entity" || apiErr.ErrorCode != emulator.CodeValidationError ||
		!strings.Contains(apiErr.Detail, "model_names") || apiErr.Type != "https://arize.com/docs/ax/rest-reference/errors#validation-error" ||
		apiErr.Method != "POST" || apiErr.Path != "/v2/ai-integrations" {
		t.Errorf("%+v", *apiErr)
	}
	if f.emu.Count("POST", emulator.RouteCollection) != 2 {
		t.Error("a 422 was retried")
	}
}

// TestHTMLErrorThroughClient checks a proxy's HTML page becomes a short error.
func TestHTMLErrorThroughClient(t *testing.T) {
	t.Parallel()
	page := "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1>" + strings.Repeat("<div>nginx</div>", 200) + "</body></html>"
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = io.WriteString(w, page)
	})
	c := newClient(t, serve(t, h), func(c *Config) { c.MaxRetries = -1 })
	_, err := c.Get(context.Background(), "SUQ=")
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("%v is not an *APIError", err)
	}
	if apiErr.Status != 502 || apiErr.Detail != page[:200]+"…" || apiErr.Title != "" || apiErr.ErrorCode != "" {
		t.Errorf("%+v", *apiErr)
	}
	if n := len(err.Error()); n > 300 {
		t.Errorf("error is %d bytes long", n)
	}
}

func TestIsNotFoundIsConflict(t *testing.T) {
	t.Parallel()
	nf := &APIError{Method: "GET", Path: "/x", Status: 404}
	cf := &APIError{Method: "POST", Path: "/x", Status: 409}
	tests := []struct {
		name               string
		err                error
		notFound, conflict bool
	}{
		{"nil", nil, false, false},
		{"plain error", errors.New("404 not found"), false, false},
		{"404", nf, true, false},
		{"409", cf, false, true},
		{"400", &APIError{Status: 400}, false, false},
		{"wrapped 404", fmt.Errorf("reading: %w", nf), true, false},
		{"twice wrapped 409", fmt.Errorf("a: %w", fmt.Errorf("b: %w", cf)), false, true},
		{"joined", errors.Join(errors.New("x"), nf), true, false},
		{"not wrapped with %v", fmt.Errorf("reading: %v", nf), false, false},
	}
	for _, tt := range tests {
		if got := IsNotFound(tt.err); got != tt.notFound {
			t.Errorf("%s: IsNotFound = %v", tt.name, got)
		}
		if got := IsConflict(tt.err); got != tt.conflict {
			t.Errorf("%s: IsConflict = %v", tt.name, got)
		}
	}
}

// TestConflictFromEmulator creates the same name twice.
func TestConflictFromEmulator(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.c.Create(ctx, CreateRequest{Name: "same", Provider: ProviderOpenAI}); err != nil {
		t.Fatal(err)
	}
	_, err := f.c.Create(ctx, CreateRequest{Name: "same", Provider: ProviderOpenAI})
	wrapped := fmt.Errorf("creating arize_ai_integration: %w", err)
	if !IsConflict(err) || !IsConflict(wrapped) || IsNotFound(wrapped) {
		t.Errorf("IsConflict(%v) false", err)
	}
	if f.emu.Len() != 1 || f.emu.Count("POST", emulator.RouteCollection) != 2 {
		t.Errorf("emulator holds %d after %d POSTs", f.emu.Len(), f.emu.Count("POST", emulator.RouteCollection))
	}
}

// TestWrongKey checks a 401 is an *APIError, is not retried, and does not
// carry the key that was refused.
func TestWrongKey(t *testing.T) {
	t.Parallel()
	const wrongKey = "arz-WRONG-secret-key-1234567890"
	emu := emulator.New(emulator.Options{APIKey: testKey})
	url := serve(t, emu)
	c := newClient(t, url, func(c *Config) { c.APIKey = wrongKey })
	ctx := context.Background()
	calls := []func() error{
		func() error {
			_, err := c.Create(ctx, CreateRequest{Name: "n", Provider: ProviderOpenAI, APIKey: "sk-SECRET"})
			return err
		},
		func() error { _, err := c.Get(ctx, "SUQ="); return err },
		func() error { _, err := c.List(ctx, ListOptions{}); return err },
		func() error { _, err := c.Update(ctx, "SUQ=", UpdateRequest{APIKey: Value("sk-SECRET")}); return err },
		func() error { return c.Delete(ctx, "SUQ=") },
	}
	for i, call := range calls {
		err := call()
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.Status != http.StatusUnauthorized || apiErr.ErrorCode != emulator.CodeUnauthorized {
			t.Errorf("call %d: %v, want a 401 *APIError", i, err)
			continue
		}
		if IsNotFound(err) {
			t.Errorf("call %d: a 401 reads as not found", i)
		}
		for _, secret := range []string{wrongKey, testKey, "sk-SECRET"} {
			if strings.Contains(err.Error(), secret) || strings.Contains(fmt.Sprintf("%+v %#v", err, err), secret) {
				t.Errorf("call %d: error %q carries a secret", i, err)
			}
		}
	}
	if emu.Total() != len(calls) {
		t.Errorf("%d requests for %d calls: a 401 was retried", emu.Total(), len(calls))
	}
	if emu.Len() != 0 {
		t.Error("an unauthorised create was stored")
	}
}

// TestSuccessStatusMismatch checks an unexpected success status is an error:
// a create must answer 201, a delete 204.
func TestSuccessStatusMismatch(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, `{"id":"SUQ=","name":"n"}`)
	})
	c := newClient(t, serve(t, h))
	if _, err := c.Create(context.Background(), CreateRequest{Name: "n", Provider: ProviderOpenAI}); err == nil {
		t.Error("Create accepted a 200")
	}
	if err := c.Delete(context.Background(), "SUQ="); err == nil {
		t.Error("Delete accepted a 200")
	}
	if got, err := c.Get(context.Background(), "SUQ="); err != nil || got.ID != "SUQ=" {
		t.Errorf("Get = %+v, %v", got, err)
	}
	if n.Load() != 3 {
		t.Errorf("%d requests, want 3", n.Load())
	}
}
