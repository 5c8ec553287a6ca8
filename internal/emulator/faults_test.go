package emulator

import (
	"context"
	"net/http"
	"reflect"
	"testing"
	"time"
)

func TestFailNext(t *testing.T) {
	e := newEnv(t)
	e.srv.FailNext(2, http.StatusTooManyRequests)
	e.srv.FailNext(1, http.StatusInternalServerError)
	e.srv.FailNext(1, http.StatusServiceUnavailable)
	e.srv.FailNext(0, http.StatusBadGateway) // nothing
	want := []struct {
		status     int
		code       string
		retryAfter string
	}{
		{429, CodeRateLimited, "1"},
		{429, CodeRateLimited, "1"},
		{500, CodeInternalError, ""},
		{503, CodeServiceUnavailable, "1"},
	}
	for i, w := range want {
		r := e.do("POST", collection, `{"name":"a","provider":"OPEN_AI"}`)
		wantProblem(t, r, w.status, w.code, collection, "injected")
		if got := r.header.Get("Retry-After"); got != w.retryAfter {
			t.Errorf("request %d: Retry-After %q, want %q", i, got, w.retryAfter)
		}
	}
	if e.srv.Len() != 0 {
		t.Error("a faulted POST created an integration")
	}
	if r := e.do("POST", collection, `{"name":"a","provider":"OPEN_AI"}`); r.status != http.StatusCreated {
		t.Errorf("after the faults: %d %s", r.status, r.body)
	}
	if n := e.srv.Count("POST", RouteCollection); n != 5 {
		t.Errorf("faulted requests not counted: %d", n)
	}
}

func TestRetryAfterRounding(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{{0, "1"}, {time.Millisecond, "1"}, {time.Second, "1"}, {1500 * time.Millisecond, "2"}, {3 * time.Second, "3"}} {
		e := newEnv(t)
		e.srv.SetFaults(Faults{RetryAfter: tt.d})
		e.srv.FailNext(1, http.StatusTooManyRequests)
		if got := e.do("GET", collection, "").header.Get("Retry-After"); got != tt.want {
			t.Errorf("RetryAfter %v: header %q, want %q", tt.d, got, tt.want)
		}
	}
}

// statusSequence sends n sequential GETs and returns their statuses.
func statusSequence(e *env, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = e.do("GET", collection, "").status
	}
	return out
}

func TestErrorRateIsDeterministic(t *testing.T) {
	f := Faults{ErrorRate: 0.5, Statuses: []int{429, 500, 503}, Seed: 42}
	a, b, c := newEnv(t), newEnv(t), newEnv(t)
	a.srv.SetFaults(f)
	b.srv.SetFaults(f)
	c.srv.SetFaults(Faults{ErrorRate: 0.5, Statuses: []int{429, 500, 503}, Seed: 43})
	sa, sb, sc := statusSequence(a, 200), statusSequence(b, 200), statusSequence(c, 200)
	if !reflect.DeepEqual(sa, sb) {
		t.Errorf("same seed, different faults:\n%v\n%v", sa, sb)
	}
	if reflect.DeepEqual(sa, sc) {
		t.Error("different seeds gave identical faults")
	}
	seen := map[int]int{}
	for _, s := range sa {
		seen[s]++
	}
	faulted := 200 - seen[200]
	if faulted < 60 || faulted > 140 {
		t.Errorf("ErrorRate 0.5 faulted %d of 200", faulted)
	}
	for _, s := range []int{429, 500, 503} {
		if seen[s] == 0 {
			t.Errorf("status %d never drawn: %v", s, seen)
		}
	}
	// SetFaults restarts the sequence.
	a.srv.SetFaults(f)
	if again := statusSequence(a, 200); !reflect.DeepEqual(again, sa) {
		t.Error("SetFaults with the same seed did not replay the sequence")
	}
}

func TestErrorRateBounds(t *testing.T) {
	e := newEnv(t)
	e.srv.SetFaults(Faults{ErrorRate: 1})
	for i, s := range statusSequence(e, 10) {
		if s != http.StatusServiceUnavailable {
			t.Errorf("ErrorRate 1, default status: request %d got %d", i, s)
		}
	}
	e.srv.SetFaults(Faults{ErrorRate: 0, Seed: 7})
	for i, s := range statusSequence(e, 10) {
		if s != http.StatusOK {
			t.Errorf("ErrorRate 0: request %d got %d", i, s)
		}
	}
	e.srv.SetFaults(Faults{})
	e.srv.FailNext(1, 502)
	wantProblem(t, e.do("GET", collection, ""), 502, CodeBadGateway, collection, "injected")
}

func TestLatency(t *testing.T) {
	e := newEnv(t)
	e.srv.SetFaults(Faults{Latency: 60 * time.Millisecond})
	start := time.Now()
	if r := e.do("GET", collection, ""); r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	if d := time.Since(start); d < 60*time.Millisecond {
		t.Errorf("answered after %v, want at least 60ms", d)
	}

	// A client that gives up does not keep the handler sleeping.
	e.srv.SetFaults(Faults{Latency: time.Hour})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", e.http.URL+collection, nil)
	req.Header.Set("Authorization", "Bearer "+testKey)
	if _, err := e.http.Client().Do(req); err == nil {
		t.Fatal("request with an hour of latency succeeded")
	}
	e.srv.SetFaults(Faults{})
	// httptest.Server.Close (in cleanup) blocks on running handlers: the test
	// finishing at all shows the handler returned.
}

func TestInjectedStatusCodes(t *testing.T) {
	tests := map[int]string{
		400: CodeInvalidRequest, 401: CodeUnauthorized, 404: CodeNotFound, 409: CodeNameConflict,
		422: CodeValidationError, 429: CodeRateLimited, 500: CodeInternalError, 502: CodeBadGateway,
		503: CodeServiceUnavailable, 504: CodeGatewayTimeout,
		403: "forbidden", 418: "im_a_teapot", 599: "http_599",
	}
	e := newEnv(t)
	for status, code := range tests {
		e.srv.FailNext(1, status)
		r := e.do("GET", collection, "")
		if r.status != status {
			t.Fatalf("FailNext(%d) answered %d", status, r.status)
		}
		if got := r.json(t)["error_code"]; got != code {
			t.Errorf("status %d: error_code %v, want %s", status, got, code)
		}
	}
}

func TestProblemError(t *testing.T) {
	p := invalid("provider_metadata.role_arn is required")
	if got, want := p.Error(), "422 validation_error: provider_metadata.role_arn is required"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if p.Type != "https://arize.com/docs/ax/rest-reference/errors#validation-error" {
		t.Errorf("Type %q", p.Type)
	}
}
