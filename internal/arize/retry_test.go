package arize

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// ---- the policy, the backoff and Retry-After, called directly ----

// TestRetryPolicy checks the verdict on every kind of failed try, for each
// policy a call can state: idempotent (GET, PATCH, DELETE), a create that
// can look its name up (POST), and the zero policy, which is the safe
// default. (A cancelled context never reaches decide: the loop stops first;
// see TestCancelledContext and TestCancelAsTheAnswerArrives.)
func TestRetryPolicy(t *testing.T) {
	t.Parallel()
	sending := func(err error) error {
		return &tryError{method: "POST", path: "/v2/ai-integrations", stage: stageSending,
			err: &url.Error{Op: "Post", URL: "http://127.0.0.1:1/v2/ai-integrations", Err: err}}
	}
	dialErr := sending(&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")})
	readErr := sending(&net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset by peer")})
	eofErr := sending(io.EOF)
	timeoutErr := sending(errors.New("context deadline exceeded (Client.Timeout exceeded while awaiting headers)"))
	schemeErr := &tryError{method: "GET", path: "/x", err: &url.Error{Op: "Get", URL: "gopher://x", Err: errors.New(`unsupported protocol scheme "gopher"`)}}
	redirectsErr := sending(errors.New("stopped after 10 redirects"))
	certErr := sending(&tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{}})
	bodyCut := &tryError{method: "GET", path: "/x", stage: stageReading, err: io.ErrUnexpectedEOF}
	garbled := &tryError{method: "GET", path: "/x", stage: stageDecoding, err: errors.New("unexpected end of JSON input")}
	status := func(code int) error { return &APIError{Method: "POST", Path: "/v2/ai-integrations", Status: code} }

	create := createOnce("n", func(context.Context) (bool, error) { return false, nil })
	const (
		I = iota // idempotent
		C        // create, with a look-up
		Z        // the zero policy: not idempotent, no look-up
	)
	policies := [...]retryPolicy{I: idempotent, C: create, Z: {}}
	tests := []struct {
		name    string
		err     error
		attempt int
		want    [3]verdict // by policy
	}{
		{"200 where 201 was due", status(200), 0, [3]verdict{giveUp, giveUp, giveUp}},
		{"400", status(400), 0, [3]verdict{giveUp, giveUp, giveUp}},
		{"401", status(401), 0, [3]verdict{giveUp, giveUp, giveUp}},
		{"404", status(404), 0, [3]verdict{giveUp, giveUp, giveUp}},
		{"409 first try", status(409), 0, [3]verdict{giveUp, giveUp, giveUp}},
		// A 409 after an earlier try may be the create's own integration.
		{"409 after a try", status(409), 1, [3]verdict{giveUp, lookUp, giveUp}},
		{"422", status(422), 2, [3]verdict{giveUp, giveUp, giveUp}},
		// 429 and 503: the API says it did not act, even on a create.
		{"429", status(429), 0, [3]verdict{tryAgain, tryAgain, tryAgain}},
		{"503", status(503), 3, [3]verdict{tryAgain, tryAgain, tryAgain}},
		// 500, 502, 504: a create's outcome is unknown, never sent blindly.
		{"500", status(500), 0, [3]verdict{tryAgain, lookUp, giveUp}},
		{"502", status(502), 0, [3]verdict{tryAgain, lookUp, giveUp}},
		{"504", status(504), 1, [3]verdict{tryAgain, lookUp, giveUp}},
		{"501", status(501), 0, [3]verdict{giveUp, giveUp, giveUp}},
		{"599", status(599), 0, [3]verdict{tryAgain, giveUp, giveUp}},
		// The request never reached the server: safe for any call.
		{"dial error", dialErr, 0, [3]verdict{tryAgain, tryAgain, tryAgain}},
		// It may have reached the server.
		{"read error", readErr, 0, [3]verdict{tryAgain, lookUp, giveUp}},
		{"EOF", eofErr, 0, [3]verdict{tryAgain, lookUp, giveUp}},
		{"timeout", timeoutErr, 0, [3]verdict{tryAgain, lookUp, giveUp}},
		{"answer cut off", bodyCut, 0, [3]verdict{tryAgain, lookUp, giveUp}},
		{"success answer not JSON", garbled, 0, [3]verdict{giveUp, lookUp, giveUp}},
		// The same on every try.
		{"bad scheme", schemeErr, 0, [3]verdict{giveUp, giveUp, giveUp}},
		{"too many redirects", redirectsErr, 0, [3]verdict{giveUp, giveUp, giveUp}},
		{"untrusted certificate", certErr, 0, [3]verdict{giveUp, giveUp, giveUp}},
		{"no request made", errors.New("net/http: invalid method"), 0, [3]verdict{giveUp, giveUp, giveUp}},
	}
	names := [...]string{I: "idempotent", C: "create", Z: "zero policy"}
	for _, tt := range tests {
		for p, want := range tt.want {
			if got := policies[p].decide(tt.attempt, tt.err); got != want {
				t.Errorf("%s, %s: verdict %d, want %d", tt.name, names[p], got, want)
			}
		}
		// Wrapped, the same.
		if got := create.decide(tt.attempt, fmt.Errorf("x: %w", tt.err)); got != tt.want[C] {
			t.Errorf("%s wrapped: verdict %d, want %d", tt.name, got, tt.want[C])
		}
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	future := time.Now().Add(90 * time.Second).UTC()
	tests := []struct {
		in     string
		want   time.Duration
		slack  time.Duration
		wantOK bool
	}{
		{"", 0, 0, false},
		{"0", 0, 0, true},
		{"1", time.Second, 0, true},
		{"120", 2 * time.Minute, 0, true},
		{"-1", 0, 0, false},
		{"1.5", 0, 0, false},
		{"soon", 0, 0, false},
		{"1s", 0, 0, false},
		{future.Format(http.TimeFormat), 90 * time.Second, 2 * time.Second, true},
		{future.Format(time.RFC850), 90 * time.Second, 2 * time.Second, true},
		{future.Format(time.ANSIC), 90 * time.Second, 2 * time.Second, true},
		{"Wed, 21 Oct 2015 07:28:00 GMT", 0, 0, true}, // in the past: no wait
	}
	for _, tt := range tests {
		got, ok := retryAfter(tt.in)
		if ok != tt.wantOK || got < tt.want-tt.slack || got > tt.want {
			t.Errorf("retryAfter(%q) = %v, %v; want %v (-%v), %v", tt.in, got, ok, tt.want, tt.slack, tt.wantOK)
		}
	}
}

// TestRetryAfterHugeValue checks an absurd Retry-After cannot overflow.
//
// Regression, fixed: retry.go retryAfter multiplies the seconds by time.Second
// without a bound, so "Retry-After: 9300000000" (about 295 years) overflows
// int64 nanoseconds into a negative duration. backoff then returns
// min(negative, max) < 0, i.e. no wait at all, and the client retries at
// once instead of waiting RetryWaitMax.
func TestRetryAfterHugeValue(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"9300000000", "9223372036", "99999999999999"} {
		if d, ok := retryAfter(v); ok && d < 0 {
			t.Errorf("retryAfter(%q) = %v, a negative wait", v, d)
		}
		r := &answer{status: 429, header: http.Header{"Retry-After": {v}}}
		if got := backoff(time.Millisecond, 50*time.Millisecond, 0, r); got != 50*time.Millisecond {
			t.Errorf("backoff with Retry-After %q = %v, want the 50ms cap", v, got)
		}
	}
}

func TestBackoffHonoursRetryAfter(t *testing.T) {
	t.Parallel()
	resp := func(code int, ra string) *answer {
		h := http.Header{}
		if ra != "" {
			h.Set("Retry-After", ra)
		}
		return &answer{status: code, header: h}
	}
	const minW, maxW = 10 * time.Millisecond, 5 * time.Second
	tests := []struct {
		name     string
		resp     *answer
		lo, hi   time.Duration
		maxWait  time.Duration
		attempts []int
	}{
		{"429 seconds", resp(429, "2"), 2 * time.Second, 2 * time.Second, maxW, []int{0, 3}},
		{"503 seconds", resp(503, "3"), 3 * time.Second, 3 * time.Second, maxW, []int{0, 3}},
		{"429 zero", resp(429, "0"), 0, 0, maxW, []int{0, 2}},
		{"capped at max", resp(429, "3600"), maxW, maxW, maxW, []int{0, 5}},
		{"capped at a small max", resp(503, "3600"), 50 * time.Millisecond, 50 * time.Millisecond, 50 * time.Millisecond, []int{0}},
		{"429 HTTP date", resp(429, time.Now().Add(4*time.Second).UTC().Format(http.TimeFormat)), 2 * time.Second, 4 * time.Second, maxW, []int{0}},
		// Retry-After on other statuses is ignored: jittered backoff.
		{"500 ignores Retry-After", resp(500, "60"), minW / 2, minW, maxW, []int{0}},
		{"502 ignores Retry-After", resp(502, "60"), minW / 2, 2 * minW, maxW, []int{1}},
		// A header that cannot be read falls back to the backoff.
		{"429 unreadable", resp(429, "later"), minW / 2, minW, maxW, []int{0}},
		{"429 without header", resp(429, ""), minW / 2, 4 * minW, maxW, []int{2}},
		{"no response", nil, minW / 2, minW, maxW, []int{0}},
	}
	for _, tt := range tests {
		for _, attempt := range tt.attempts {
			for range 20 {
				got := backoff(minW, tt.maxWait, attempt, tt.resp)
				if got < tt.lo || got > tt.hi {
					t.Errorf("%s attempt %d: backoff = %v, want within [%v, %v]", tt.name, attempt, got, tt.lo, tt.hi)
					break
				}
			}
		}
	}
}

// TestBackoffJitterBounds checks, for attempt k, a wait within
// [min/2, min(min<<k, max)], and that the jitter really varies.
func TestBackoffJitterBounds(t *testing.T) {
	t.Parallel()
	bounds := []struct{ minW, maxW time.Duration }{
		{time.Millisecond, 20 * time.Millisecond},
		{10 * time.Millisecond, time.Second},
		{DefaultRetryWaitMin, DefaultRetryWaitMax},
		{time.Second, time.Second},
		{3 * time.Second, 7 * time.Second},
		{30 * time.Second, time.Hour},
		{time.Nanosecond, time.Microsecond},
	}
	for _, b := range bounds {
		for attempt := range 40 {
			ceiling := b.maxW
			if attempt < 40 && b.minW<<attempt > 0 && b.minW<<attempt < b.maxW && b.minW<<attempt>>attempt == b.minW {
				ceiling = b.minW << attempt
			}
			seen := map[time.Duration]bool{}
			for range 200 {
				got := backoff(b.minW, b.maxW, attempt, nil)
				if got < b.minW/2 || got > ceiling {
					t.Fatalf("backoff(%v, %v, %d) = %v, want within [%v, %v]", b.minW, b.maxW, attempt, got, b.minW/2, ceiling)
				}
				seen[got] = true
			}
			if ceiling-b.minW/2 >= 1000 && len(seen) < 10 {
				t.Errorf("backoff(%v, %v, %d): only %d distinct values in 200: no jitter", b.minW, b.maxW, attempt, len(seen))
			}
		}
	}
}

// TestBackoffMinAboveMax checks a configuration whose RetryWaitMax is below
// RetryWaitMin (for instance RetryWaitMax set and RetryWaitMin left at its
// 500ms default) still waits at most RetryWaitMax.
//
// Regression, fixed (it panicked): retry.go backoff computes
// minWait/2 + rand.N(ceiling-minWait/2+1) with ceiling capped at maxWait; when
// maxWait < minWait/2 the argument is negative and rand.N panics ("invalid
// argument to N"). Config does not reject such bounds, so
// New(Config{RetryWaitMax: 100 * time.Millisecond}) crashes the caller on the
// first retried 5xx; see also TestClientSmallMaxWaitDoesNotPanic.
func TestBackoffMinAboveMax(t *testing.T) {
	t.Parallel()
	for _, b := range []struct{ minW, maxW time.Duration }{
		{500 * time.Millisecond, 100 * time.Millisecond},
		{DefaultRetryWaitMin, 20 * time.Millisecond},
		{time.Second, time.Millisecond},
	} {
		for attempt := range 3 {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("backoff(%v, %v, %d) panicked: %v", b.minW, b.maxW, attempt, r)
					}
				}()
				if got := backoff(b.minW, b.maxW, attempt, nil); got < 0 || got > b.maxW {
					t.Errorf("backoff(%v, %v, %d) = %v, want within [0, %v]", b.minW, b.maxW, attempt, got, b.maxW)
				}
			}()
		}
	}
}

// TestClientSmallMaxWaitDoesNotPanic is the client-level face of the
// backoff bug above.
//
// Regression, fixed: see TestBackoffMinAboveMax. A GET answered 500 once, with
// RetryWaitMax 50ms and RetryWaitMin left at its default, panics inside
// Client.Get instead of retrying.
func TestClientSmallMaxWaitDoesNotPanic(t *testing.T) {
	t.Parallel()
	f := newFixture(t, func(c *Config) {
		c.RetryWaitMin = 0 // the 500ms default
		c.RetryWaitMax = 50 * time.Millisecond
	})
	created, err := f.c.Create(context.Background(), CreateRequest{Name: "n", Provider: ProviderOpenAI})
	if err != nil {
		t.Fatal(err)
	}
	f.emu.FailNext(1, http.StatusInternalServerError)
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("Get panicked on a retried 500: %v", r)
		}
	}()
	if _, err := f.c.Get(context.Background(), created.ID); err != nil {
		t.Errorf("Get: %v", err)
	}
}

// ---- the policy through the client ----

// TestRetryIdempotentStatuses checks every idempotent call retries the
// transient statuses and then succeeds.
func TestRetryIdempotentStatuses(t *testing.T) {
	t.Parallel()
	ops := []struct {
		name, method, route string
		do                  func(c *Client, id string) error
	}{
		{"Get", "GET", emulator.RouteItem, func(c *Client, id string) error { _, err := c.Get(context.Background(), id); return err }},
		{"List", "GET", emulator.RouteCollection, func(c *Client, _ string) error {
			_, err := c.List(context.Background(), ListOptions{})
			return err
		}},
		{"Update", "PATCH", emulator.RouteItem, func(c *Client, id string) error {
			_, err := c.Update(context.Background(), id, UpdateRequest{Name: Value("renamed")})
			return err
		}},
		{"Delete", "DELETE", emulator.RouteItem, func(c *Client, id string) error { return c.Delete(context.Background(), id) }},
	}
	for _, op := range ops {
		for _, status := range []int{500, 502, 503, 504, 429} {
			t.Run(fmt.Sprintf("%s/%d", op.name, status), func(t *testing.T) {
				t.Parallel()
				f := newFixture(t)
				created, err := f.c.Create(context.Background(), CreateRequest{Name: "n", Provider: ProviderOpenAI})
				if err != nil {
					t.Fatal(err)
				}
				f.emu.FailNext(2, status)
				if err := op.do(f.c, created.ID); err != nil {
					t.Fatalf("%s after two %d: %v", op.name, status, err)
				}
				if n := f.emu.Count(op.method, op.route); n != 3 {
					t.Errorf("%d %s requests, want 3", n, op.method)
				}
			})
		}
	}
}

// TestRetryGivesUp checks MaxRetries+1 tries, then the last answer as an
// *APIError.
func TestRetryGivesUp(t *testing.T) {
	t.Parallel()
	for _, status := range []int{500, 502, 503, 504, 429} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, func(c *Config) { c.MaxRetries = 2 })
			f.emu.FailNext(1, 500)
			f.emu.FailNext(20, status)
			_, err := f.c.Get(context.Background(), "SUQ=")
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("%v (%T) is not an *APIError", err, err)
			}
			if apiErr.Status != status || apiErr.Method != "GET" || apiErr.Path != "/v2/ai-integrations/SUQ=" ||
				!strings.HasPrefix(apiErr.Detail, "injected fault") {
				t.Errorf("%+v, want the last answer, %d", *apiErr, status)
			}
			if n := f.emu.Count("GET", emulator.RouteItem); n != 3 {
				t.Errorf("%d tries, want 3", n)
			}
		})
	}
}

// TestRetryPOST checks how a create that failed before the server acted is
// finished: 429 and 503 are retried at once (the server said it did not
// act); after 500, 502 and 504 the outcome is unknown, so the client looks
// the name up, finds nothing, and only then sends the create again.
func TestRetryPOST(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		status  int
		lookups int
	}{{429, 0}, {503, 0}, {500, 1}, {502, 1}, {504, 1}} {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			f.emu.FailNext(1, tt.status)
			got, err := f.c.Create(context.Background(), CreateRequest{Name: "once", Provider: ProviderOpenAI})
			if err != nil || got == nil || got.Name != "once" {
				t.Fatalf("Create after a %d: %v, %v", tt.status, got, err)
			}
			posts, lists := f.emu.Count("POST", emulator.RouteCollection), f.emu.Count("GET", emulator.RouteCollection)
			if posts != 2 || lists != tt.lookups || f.emu.Len() != 1 {
				t.Errorf("%d POSTs, %d look-ups and %d stored; want 2, %d and 1", posts, lists, f.emu.Len(), tt.lookups)
			}
		})
	}
}

// TestPOSTServerActedThen5xx checks the emulator ends up holding exactly one
// integration when the create succeeded but the answer was a 5xx: the
// client finds it by name and returns it, without a second POST.
func TestPOSTServerActedThen5xx(t *testing.T) {
	t.Parallel()
	for _, status := range []int{500, 502, 504} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			t.Parallel()
			emu := emulator.New(emulator.Options{APIKey: testKey})
			gateway, c := behindFaults(t, emu, emulator.Faults{})
			gateway.FailNextAfterCommit(1, status) // the server acts, the client cannot know
			got, err := c.Create(context.Background(), CreateRequest{Name: "acted", Provider: ProviderOpenAI, ModelNames: []string{"m"}})
			if err != nil {
				t.Fatalf("Create = %v, want the integration the server made", err)
			}
			if n := emu.Count("POST", emulator.RouteCollection); n != 1 {
				t.Errorf("%d POSTs, want 1", n)
			}
			stored := emu.List()
			if len(stored) != 1 || got.ID != stored[0].ID {
				t.Errorf("emulator holds %d integrations, want exactly the one returned", len(stored))
			}
		})
	}
	t.Run("a same-named integration with other settings is not adopted", func(t *testing.T) {
		t.Parallel()
		emu := emulator.New(emulator.Options{APIKey: testKey})
		if _, err := emu.Put(emulator.Integration{Name: "taken", Provider: "anthropic", FunctionCallingEnabled: true}); err != nil {
			t.Fatal(err)
		}
		emu.FailNext(1, 502) // the POST is refused before the server acts, ambiguously
		c := newClient(t, serve(t, emu))
		got, err := c.Create(context.Background(), CreateRequest{Name: "taken", Provider: ProviderOpenAI})
		if !errors.Is(err, errOtherOwner) || got != nil {
			t.Fatalf("Create = %v, %v; want errOtherOwner", got, err)
		}
		if n := emu.Count("POST", emulator.RouteCollection); n != 1 || emu.Len() != 1 {
			t.Errorf("%d POSTs and %d stored, want 1 and 1", n, emu.Len())
		}
	})
}

// TestPATCHServerActedThen5xx: a PATCH, unlike a create, is simply retried.
func TestPATCHServerActedThen5xx(t *testing.T) {
	t.Parallel()
	t.Run("PATCH", func(t *testing.T) {
		t.Parallel()
		emu := emulator.New(emulator.Options{APIKey: testKey})
		in, err := emu.Put(emulator.Integration{Name: "p", Provider: "openAI"})
		if err != nil {
			t.Fatal(err)
		}
		gateway, c := behindFaults(t, emu, emulator.Faults{})
		gateway.FailNextAfterCommit(1, 502)
		got, err := c.Update(context.Background(), in.ID, UpdateRequest{Name: Value("p2")})
		if err != nil || got.Name != "p2" {
			t.Fatalf("Update = %v, %v", got, err)
		}
		if n := emu.Count("PATCH", emulator.RouteItem); n != 2 {
			t.Errorf("%d PATCHes, want 2", n)
		}
	})
}

// TestDroppedConnection checks a request whose connection drops after the
// server received it: idempotent ones are retried, a create is recovered by
// name.
func TestDroppedConnection(t *testing.T) {
	t.Parallel()
	t.Run("POST made, answer lost: found by name", func(t *testing.T) {
		t.Parallel()
		emu := emulator.New(emulator.Options{APIKey: testKey})
		gateway, c := behindFaults(t, emu, emulator.Faults{})
		gateway.DropNext(1, true) // the server acts, and the answer is lost
		got, err := c.Create(context.Background(), CreateRequest{Name: "dropped", Provider: ProviderOpenAI, APIKey: "sk-dropped-key"})
		if err != nil {
			t.Fatalf("Create = %v, want the integration the server made", err)
		}
		if posts := emu.Count("POST", emulator.RouteCollection); posts != 1 {
			t.Errorf("%d POSTs, want exactly 1", posts)
		}
		if stored := emu.List(); len(stored) != 1 || stored[0].ID != got.ID || !got.HasAPIKey {
			t.Errorf("emulator holds %d, want just the one returned, with its key", len(stored))
		}
	})
	t.Run("POST lost before the server acted: sent again", func(t *testing.T) {
		t.Parallel()
		emu := emulator.New(emulator.Options{APIKey: testKey})
		gateway, c := behindFaults(t, emu, emulator.Faults{})
		gateway.DropNext(1, false) // the server never acts
		got, err := c.Create(context.Background(), CreateRequest{Name: "lost", Provider: ProviderOpenAI})
		if err != nil || got == nil {
			t.Fatalf("Create = %v, %v", got, err)
		}
		if posts, lists := emu.Count("POST", emulator.RouteCollection), emu.Count("GET", emulator.RouteCollection); posts != 1 || lists != 1 {
			t.Errorf("the emulator saw %d POSTs and %d look-ups, want 1 and 1 (the first POST never reached it)", posts, lists)
		}
		if emu.Len() != 1 {
			t.Errorf("emulator holds %d, want 1", emu.Len())
		}
	})
	for _, tt := range []struct {
		name string
		do   func(c *Client, id string) error
		// drops is how many tries are dropped, and afterCommit whether
		// after the server acted (a read is the same either way).
		drops       int
		afterCommit bool
	}{
		{"GET", func(c *Client, id string) error { _, err := c.Get(context.Background(), id); return err }, 2, false},
		{"PATCH", func(c *Client, id string) error {
			_, err := c.Update(context.Background(), id, UpdateRequest{FunctionCallingEnabled: Value(false)})
			return err
		}, 2, true},
		{"DELETE", func(c *Client, id string) error { return c.Delete(context.Background(), id) }, 1, true},
	} {
		t.Run(tt.name+" retried", func(t *testing.T) {
			t.Parallel()
			emu := emulator.New(emulator.Options{APIKey: testKey})
			in, err := emu.Put(emulator.Integration{Name: "x", Provider: "openAI", FunctionCallingEnabled: true})
			if err != nil {
				t.Fatal(err)
			}
			gateway, c := behindFaults(t, emu, emulator.Faults{})
			gateway.DropNext(tt.drops, tt.afterCommit)
			err = tt.do(c, in.ID)
			if tt.name == "DELETE" {
				// The dropped try deleted it: the retry answers 404, which
				// callers take as done.
				if !IsNotFound(err) {
					t.Errorf("Delete = %v, want the 404 of the retry", err)
				}
			} else if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			if n := gateway.Received(); n != tt.drops+1 {
				t.Errorf("%d tries, want %d", n, tt.drops+1)
			}
		})
		t.Run(tt.name+" gives up", func(t *testing.T) {
			t.Parallel()
			emu := emulator.New(emulator.Options{APIKey: testKey})
			gateway, c := behindFaults(t, emu, emulator.Faults{}, func(c *Config) { c.MaxRetries = 2 })
			gateway.DropNext(100, false)
			if err := tt.do(c, "SUQ="); err == nil {
				t.Error("no error")
			}
			if n := gateway.Received(); n != 3 {
				t.Errorf("%d tries, want MaxRetries+1 = 3", n)
			}
		})
	}
}

// TestRequestTimeout checks a try that times out is retried for a GET but
// not for a POST, whose outcome is unknown.
func TestRequestTimeout(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		method string
		want   int
	}{{"POST", 1}, {"GET", 3}} {
		t.Run(tt.method, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, func(c *Config) {
				c.RequestTimeout = 100 * time.Millisecond
				c.MaxRetries = 2
			})
			f.emu.SetFaults(emulator.Faults{Latency: 2 * time.Second})
			var err error
			if tt.method == "POST" {
				_, err = f.c.Create(context.Background(), CreateRequest{Name: "slow", Provider: ProviderOpenAI})
			} else {
				_, err = f.c.Get(context.Background(), "SUQ=")
			}
			if err == nil {
				t.Fatal("no error")
			}
			route := emulator.RouteCollection
			if tt.method == "GET" {
				route = emulator.RouteItem
			}
			if n := f.emu.Count(tt.method, route); n != tt.want {
				t.Errorf("%d tries, want %d", n, tt.want)
			}
		})
	}
}

// TestDialError checks a request that never reached a server is retried,
// a POST included, and that the error is the dial error without the key.
func TestDialError(t *testing.T) {
	t.Parallel()
	for _, method := range []string{"POST", "GET", "PATCH", "DELETE"} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			tr := newCountingTransport()
			c := newClient(t, "http://"+deadAddr(t), func(c *Config) {
				c.Transport = tr
				c.MaxRetries = 2
			})
			ctx := context.Background()
			var err error
			switch method {
			case "POST":
				_, err = c.Create(ctx, CreateRequest{Name: "n", Provider: ProviderOpenAI, APIKey: "sk-SECRET-dial"})
			case "GET":
				_, err = c.Get(ctx, "SUQ=")
			case "PATCH":
				_, err = c.Update(ctx, "SUQ=", UpdateRequest{APIKey: Value("sk-SECRET-dial")})
			case "DELETE":
				err = c.Delete(ctx, "SUQ=")
			}
			var opErr *net.OpError
			if !errors.As(err, &opErr) || opErr.Op != "dial" {
				t.Errorf("error %v (%T), want a dial *net.OpError", err, err)
			}
			if n := tr.n.Load(); n != 3 {
				t.Errorf("%d tries, want MaxRetries+1 = 3", n)
			}
			if err != nil && !strings.Contains(err.Error(), method) {
				t.Errorf("error %q does not name the method", err)
			}
			for _, secret := range []string{testKey, "sk-SECRET-dial"} {
				if err != nil && strings.Contains(err.Error(), secret) {
					t.Errorf("error %q carries a secret", err)
				}
			}
		})
	}
}

// TestRetryAfterThroughClient checks the wait between two tries.
func TestRetryAfterThroughClient(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		status   int
		faults   emulator.Faults // how Retry-After is sent
		maxWait  time.Duration
		atLeast  time.Duration
		lessThan time.Duration
	}{
		{"429 seconds", 429, emulator.Faults{RetryAfter: time.Second}, 5 * time.Second, 900 * time.Millisecond, 3 * time.Second},
		{"503 seconds", 503, emulator.Faults{RetryAfter: time.Second}, 5 * time.Second, 900 * time.Millisecond, 3 * time.Second},
		{
			// Two seconds from now, to the second: a wait of 1 to 2 seconds.
			"503 HTTP date", 503, emulator.Faults{RetryAfter: 2 * time.Second, RetryAfterDate: true},
			5 * time.Second, 900 * time.Millisecond, 3 * time.Second,
		},
		{"capped at RetryWaitMax", 429, emulator.Faults{RetryAfter: time.Hour}, 50 * time.Millisecond, 45 * time.Millisecond, 2 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			emu := emulator.New(emulator.Options{APIKey: testKey})
			gateway, c := behindFaults(t, emu, tt.faults, func(c *Config) {
				c.RetryWaitMin = time.Millisecond
				c.RetryWaitMax = tt.maxWait
			})
			gateway.FailNext(1, tt.status)
			start := time.Now()
			// A POST: 429 and 503 mean the server did not act.
			_, err := c.Create(context.Background(), CreateRequest{Name: "wait", Provider: ProviderOpenAI})
			elapsed := time.Since(start)
			if err != nil {
				t.Fatalf("Create: %v", err)
			}
			if n := gateway.Received(); n != 2 || emu.Len() != 1 {
				t.Errorf("%d tries, %d stored; want 2 and 1", n, emu.Len())
			}
			if elapsed < tt.atLeast || elapsed >= tt.lessThan {
				t.Errorf("took %v, want within [%v, %v)", elapsed, tt.atLeast, tt.lessThan)
			}
		})
	}
}

// TestMaxRetries checks the meaning of the configured count.
func TestMaxRetries(t *testing.T) {
	t.Parallel()
	tests := []struct {
		maxRetries, wantTries int
	}{
		{-1, 1},
		{-100, 1},
		{0, DefaultMaxRetries + 1},
		{1, 2},
		{4, 5},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.maxRetries), func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, func(c *Config) {
				c.MaxRetries = tt.maxRetries
				c.RetryWaitMax = 2 * time.Millisecond
			})
			f.emu.FailNext(50, 503)
			_, err := f.c.Get(context.Background(), "SUQ=")
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.Status != 503 {
				t.Errorf("Get = %v, want the 503", err)
			}
			if n := f.emu.Count("GET", emulator.RouteItem); n != tt.wantTries {
				t.Errorf("%d tries, want %d", n, tt.wantTries)
			}
		})
	}
}

// TestCancelledContext checks a cancelled context stops at once.
func TestCancelledContext(t *testing.T) {
	t.Parallel()
	t.Run("before the call", func(t *testing.T) {
		t.Parallel()
		f := newFixture(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := f.c.Create(ctx, CreateRequest{Name: "n", Provider: ProviderOpenAI})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Create = %v, want context.Canceled", err)
		}
		if f.emu.Total() != 0 {
			t.Errorf("%d requests sent on a cancelled context", f.emu.Total())
		}
	})
	for _, method := range []string{"GET", "POST"} {
		t.Run("while waiting to retry "+method, func(t *testing.T) {
			t.Parallel()
			throttled := emulator.NewFaultInjector(http.NotFoundHandler(), emulator.Faults{ErrorRate: 1, RetryAfter: 30 * time.Second})
			// answered fires when the 503 has reached the client.
			answered := make(chan struct{}, 10)
			tr := roundTripFunc(func(r *http.Request) (*http.Response, error) {
				resp, err := http.DefaultTransport.RoundTrip(r)
				answered <- struct{}{}
				return resp, err
			})
			c := newClient(t, serve(t, throttled), func(c *Config) {
				c.RetryWaitMax = time.Minute
				c.MaxRetries = 10
				c.Transport = tr
			})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan error, 1)
			start := time.Now()
			go func() {
				var err error
				if method == "POST" {
					_, err = c.Create(ctx, CreateRequest{Name: "n", Provider: ProviderOpenAI})
				} else {
					_, err = c.Get(ctx, "SUQ=")
				}
				done <- err
			}()
			<-answered
			// Let the client read the answer and start its 30s wait; see
			// TestCancelAsTheAnswerArrives for a cancel before that.
			time.Sleep(100 * time.Millisecond)
			cancel()
			select {
			case err := <-done:
				if !errors.Is(err, context.Canceled) {
					t.Errorf("error %v, want context.Canceled wrapped", err)
				}
				if err != nil && !strings.Contains(err.Error(), method) {
					t.Errorf("error %q does not name the call", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("the call did not return after cancel")
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("returned after %v", d)
			}
			if n := throttled.Received(); n != 1 {
				t.Errorf("%d tries, want 1", n)
			}
		})
	}
	t.Run("deadline while waiting", func(t *testing.T) {
		t.Parallel()
		throttled, c := behindFaults(t, http.NotFoundHandler(),
			emulator.Faults{ErrorRate: 1, Statuses: []int{429}, RetryAfter: 30 * time.Second},
			func(c *Config) { c.RetryWaitMax = time.Minute })
		ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := c.Get(ctx, "SUQ=")
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("error %v, want context.DeadlineExceeded", err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("returned after %v", d)
		}
		if n := throttled.Received(); n != 1 {
			t.Errorf("%d tries, want 1", n)
		}
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestCancelAsTheAnswerArrives cancels the context just as a 503 reaches the
// client, before the retry policy looks at it: the call must stop, and report
// the cancellation.
//
// Regression, fixed (when the client used go-retryablehttp): its Do, with the
// PassthroughErrorHandler, returned both the 503 response and
// context.Canceled, and the client's do() discarded the error whenever there
// was a response, so the call returned "503 Service Unavailable" as an
// *APIError and errors.Is(err, context.Canceled) was false: an interrupted
// run reported a server error that was going to be retried. (With the standard transport
// this depends on timing; it was seen in about 1 run in 6 of the cancel test
// above before that test waited for the client to be in its backoff. The
// transport below buffers the body so the outcome is deterministic.)
func TestCancelAsTheAnswerArrives(t *testing.T) {
	t.Parallel()
	throttled := emulator.NewFaultInjector(http.NotFoundHandler(), emulator.Faults{ErrorRate: 1})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tr := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := http.DefaultTransport.RoundTrip(r)
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if err != nil {
			return nil, err
		}
		resp.Body = io.NopCloser(strings.NewReader(string(body)))
		cancel() // the user interrupts as the answer arrives
		return resp, nil
	})
	c := newClient(t, serve(t, throttled), func(c *Config) { c.Transport = tr })
	for _, method := range []string{"GET", "POST"} {
		var err error
		if method == "POST" {
			_, err = c.Create(ctx, CreateRequest{Name: "n", Provider: ProviderOpenAI})
		} else {
			_, err = c.Get(ctx, "SUQ=")
		}
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: error %v, want context.Canceled wrapped", method, err)
		}
	}
	if n := throttled.Received(); n != 1 {
		t.Errorf("%d tries, want 1 (the second call starts cancelled)", n)
	}
}

// TestCreateRecoversOwnIntegration covers answers that hide a create the
// server made: Create must return that integration, never a second one, and
// never a 409 for its own name.
func TestCreateRecoversOwnIntegration(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name    string
		handler func(emu http.Handler) http.Handler
		posts   int
	}{
		{"a gateway's 503 after passing the create on", func(emu http.Handler) http.Handler {
			gateway := emulator.NewFaultInjector(emu, emulator.Faults{})
			gateway.FailNextAfterCommit(1, http.StatusServiceUnavailable)
			return gateway
		}, 2}, // the 503 says "try again"; the second try's 409 is looked up
		{"a 201 whose body cannot be read", func(emu http.Handler) http.Handler {
			var times atomic.Int32
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method != http.MethodPost || times.Add(1) > 1 {
					emu.ServeHTTP(w, r)
					return
				}
				emu.ServeHTTP(httptest.NewRecorder(), r)
				w.WriteHeader(http.StatusCreated)
				_, _ = io.WriteString(w, `{"id": 7, "garbled`)
			})
		}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			emu := emulator.New(emulator.Options{APIKey: testKey})
			c := newClient(t, serve(t, tt.handler(emu)))
			got, err := c.Create(context.Background(), CreateRequest{Name: "mine", Provider: ProviderAnthropic, ModelNames: []string{"claude"}})
			if err != nil {
				t.Fatalf("Create = %v, want the integration the server made", err)
			}
			stored := emu.List()
			if len(stored) != 1 || stored[0].ID != got.ID {
				t.Errorf("the emulator holds %d integrations, want exactly the one returned", len(stored))
			}
			if n := emu.Count("POST", emulator.RouteCollection); n != tt.posts {
				t.Errorf("%d POSTs, want %d", n, tt.posts)
			}
		})
	}
}

// TestCreateGivesUp: a create under failures that never end is bounded.
// Throttled (429, 503), it makes exactly MaxRetries+1 tries (4 here). Of
// unknown outcome (500, 504), it looks its name up, and when the look-up
// fails as well (after its own retries) it stops rather than send a create
// it could not verify. Either way nothing is made.
func TestCreateGivesUp(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		status       int
		posts, lists int
		message      string
	}{
		{429, 4, 0, "gave up on the create after 4 attempt(s)"},
		{503, 4, 0, "gave up on the create after 4 attempt(s)"},
		{500, 1, 4, `the create's outcome is unknown`},
		{504, 1, 4, `and looking up "never" failed`},
	} {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			f.emu.SetFaults(emulator.Faults{ErrorRate: 1, Statuses: []int{tt.status}, RetryAfter: time.Millisecond})
			got, err := f.c.Create(context.Background(), CreateRequest{Name: "never", Provider: ProviderOpenAI})
			if err == nil || got != nil || !strings.Contains(err.Error(), tt.message) {
				t.Fatalf("Create = %v, %v; want an error saying %q", got, err, tt.message)
			}
			posts, lists := f.emu.Count("POST", emulator.RouteCollection), f.emu.Count("GET", emulator.RouteCollection)
			if posts != tt.posts || lists != tt.lists {
				t.Errorf("%d POSTs and %d look-ups, want %d and %d", posts, lists, tt.posts, tt.lists)
			}
			if f.emu.Len() != 0 {
				t.Errorf("the emulator holds %d", f.emu.Len())
			}
		})
	}
}
