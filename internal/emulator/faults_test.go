package emulator

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
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

// ledger is a plain handler, not the emulator: a POST records a write and
// answers 201, or 409 when its body is "clash"; anything else answers 200.
type ledger struct {
	mu     sync.Mutex
	writes []string
	calls  int
}

func (l *ledger) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls++
	switch {
	case r.Method != http.MethodPost:
		w.WriteHeader(http.StatusOK)
	case string(body) == "clash":
		w.WriteHeader(http.StatusConflict)
	default:
		l.writes = append(l.writes, string(body))
		w.Header().Set("X-Ledger", "yes")
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, "made %s", body)
	}
}

func (l *ledger) state() (writes []string, calls int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.writes...), l.calls
}

// sendFresh sends a request on a fresh connection (so Go's transport never
// silently resends a dropped one) and returns the error a dropped
// connection produces instead of failing the test.
func sendFresh(t *testing.T, method, url, body string) (response, error) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return doFresh(req)
}

// TestFaultInjectorAroundAPlainHandler checks every deterministic fault in
// front of a handler that is not the emulator, as the client's tests use it.
func TestFaultInjectorAroundAPlainHandler(t *testing.T) {
	l := &ledger{}
	fi := NewFaultInjector(l, Faults{})
	hs := httptest.NewServer(fi)
	t.Cleanup(hs.Close)

	fi.FailNext(1, http.StatusServiceUnavailable)
	fi.DropNext(1, false)
	fi.DropNext(1, true)
	fi.FailNextAfterCommit(1, http.StatusBadGateway)
	fi.DropNext(1, true)
	steps := []struct {
		method, body string
		want         string // a status, or "drop"
	}{
		{"POST", "a", "503"},  // FailNext: not served
		{"POST", "b", "drop"}, // DropNext before serving: not served
		{"GET", "", "200"},    // reads do not use up faults after commit
		{"POST", "clash", "409"},
		{"POST", "c", "drop"}, // applied, then dropped
		{"POST", "d", "502"},  // applied, then answered 502
		{"POST", "e", "drop"}, // applied, then dropped
		{"POST", "f", "201"},
	}
	for i, s := range steps {
		r, err := sendFresh(t, s.method, hs.URL+"/anything", s.body)
		got := fmt.Sprint(r.status)
		if err != nil {
			got = "drop"
		}
		if got != s.want {
			t.Errorf("step %d %s %q: %s, want %s", i, s.method, s.body, got, s.want)
		}
		switch got {
		case "503", "502":
			wantProblem(t, r, r.status, codeForStatus(r.status), "/anything", "injected fault")
			if ra := r.header.Get("Retry-After"); (r.status == 503) != (ra == "1") {
				t.Errorf("step %d: Retry-After %q", i, ra)
			}
		case "201":
			if string(r.body) != "made f" || r.header.Get("X-Ledger") != "yes" {
				t.Errorf("step %d: the handler's answer changed on the way: %v %q", i, r.header, r.body)
			}
		}
	}
	writes, calls := l.state()
	if want := []string{"c", "d", "e", "f"}; !reflect.DeepEqual(writes, want) {
		t.Errorf("the handler applied %v, want %v", writes, want)
	}
	if calls != 6 {
		t.Errorf("the handler served %d requests, want 6", calls)
	}
	if got := fi.Received(); got != len(steps) {
		t.Errorf("Received %d, want %d", got, len(steps))
	}
	want := map[string]int{"503": 1, "drop": 1, "drop_after_commit": 2, "502_after_commit": 1}
	if got := fi.Injected(); !reflect.DeepEqual(got, want) {
		t.Errorf("Injected %v, want %v", got, want)
	}
	fi.ResetCounters()
	if fi.Received() != 0 || len(fi.Injected()) != 0 {
		t.Errorf("after ResetCounters: Received %d, Injected %v", fi.Received(), fi.Injected())
	}
}

// TestFaultInjectorRates checks the random faults around a plain handler:
// with DropAfterCommitRate 1 every successful write is applied and lost.
func TestFaultInjectorRates(t *testing.T) {
	l := &ledger{}
	fi := NewFaultInjector(l, Faults{ErrorRate: 1, Statuses: []int{429}})
	hs := httptest.NewServer(fi)
	t.Cleanup(hs.Close)
	if r, err := sendFresh(t, "GET", hs.URL, ""); err != nil || r.status != 429 {
		t.Errorf("ErrorRate 1: %v %d", err, r.status)
	}
	fi.SetFaults(Faults{DropAfterCommitRate: 1})
	if _, err := sendFresh(t, "POST", hs.URL, "x"); err == nil {
		t.Error("DropAfterCommitRate 1: a successful write was answered")
	}
	if r, err := sendFresh(t, "GET", hs.URL, ""); err != nil || r.status != 200 {
		t.Errorf("DropAfterCommitRate 1: a read: %v %d", err, r.status)
	}
	if writes, _ := l.state(); !reflect.DeepEqual(writes, []string{"x"}) {
		t.Errorf("applied %v", writes)
	}
	want := map[string]int{"429": 1, "drop_after_commit": 1}
	if got := fi.Injected(); !reflect.DeepEqual(got, want) {
		t.Errorf("Injected %v, want %v", got, want)
	}
}

func TestRetryAfterDate(t *testing.T) {
	e := newEnv(t)
	e.srv.SetFaults(Faults{RetryAfter: 3 * time.Second, RetryAfterDate: true})
	e.srv.FailNext(1, http.StatusServiceUnavailable)
	before := time.Now()
	r := e.do("GET", collection, "")
	at, err := http.ParseTime(r.header.Get("Retry-After"))
	if err != nil {
		t.Fatalf("Retry-After %q is not an HTTP date: %v", r.header.Get("Retry-After"), err)
	}
	if wait := at.Sub(before); wait < time.Second || wait > 4*time.Second {
		t.Errorf("Retry-After %q is %v from now, want about 3s", r.header.Get("Retry-After"), wait)
	}
}
