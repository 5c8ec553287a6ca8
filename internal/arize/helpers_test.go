package arize

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// testKey is the bearer key of the test account. It is long and distinctive
// so that a search for it in errors and logs cannot match by accident.
const testKey = "arz-TEST-secret-key-9f8e7d6c5b4a"

// testUA is the User-Agent the test clients send.
const testUA = "terraform-provider-arize/test (+https://www.terraform.io) Terraform/1.16.4"

// The fixed emulator clock, and how it renders.
var fixedNow = time.Date(2026, 2, 13, 21, 27, 19, 55_123_456, time.UTC)

const (
	fixedNowText     = "2026-02-13T21:27:19.055Z"
	fixedNowPlus1ms  = "2026-02-13T21:27:19.056Z"
	defaultUserID    = "VXNlcjoxOm5OYkM="
	testOrgID        = "QWNjb3VudE9yZzoxMjM6YWJj"
	testSpaceProd    = "U3BhY2U6MTIzNDU="
	testSpaceStaging = "U3BhY2U6Njc4OTA="
)

var testSpaces = map[string]string{
	testSpaceProd:    "Production",
	testSpaceStaging: "Staging EU",
}

func ptr[T any](v T) *T { return &v }

// fastConfig is a Config for endpoint whose retries wait milliseconds.
func fastConfig(endpoint string) Config {
	return Config{
		Endpoint:       endpoint,
		APIKey:         testKey,
		UserAgent:      testUA,
		MaxRetries:     3,
		RetryWaitMin:   time.Millisecond,
		RetryWaitMax:   20 * time.Millisecond,
		RequestTimeout: 10 * time.Second,
	}
}

// newClient returns a client of endpoint with fastConfig, changed by mutate.
func newClient(t *testing.T, endpoint string, mutate ...func(*Config)) *Client {
	t.Helper()
	cfg := fastConfig(endpoint)
	for _, m := range mutate {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// fixture is an emulator behind a real listener and a client of it.
type fixture struct {
	emu *emulator.Server
	url string
	c   *Client
}

// newFixture starts an emulator with the test key, spaces and clock.
func newFixture(t *testing.T, mutate ...func(*Config)) *fixture {
	t.Helper()
	return newFixtureOpts(t, emulator.Options{}, mutate...)
}

func newFixtureOpts(t *testing.T, opts emulator.Options, mutate ...func(*Config)) *fixture {
	t.Helper()
	if opts.APIKey == "" {
		opts.APIKey = testKey
	}
	if opts.Spaces == nil {
		opts.Spaces = testSpaces
	}
	if opts.Now == nil {
		opts.Now = func() time.Time { return fixedNow }
	}
	emu := emulator.New(opts)
	hs := httptest.NewServer(emu)
	t.Cleanup(hs.Close)
	return &fixture{emu: emu, url: hs.URL, c: newClient(t, hs.URL, mutate...)}
}

// serve starts h behind a real listener and returns its URL.
func serve(t *testing.T, h http.Handler) string {
	t.Helper()
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	return hs.URL
}

// behindFaults starts next behind a fault injector that injects f (as a
// gateway in front of the API would), and returns the injector, whose
// counters show the tries that reached it, and a client of it.
func behindFaults(t *testing.T, next http.Handler, f emulator.Faults, mutate ...func(*Config)) (*emulator.FaultInjector, *Client) {
	t.Helper()
	fi := emulator.NewFaultInjector(next, f)
	return fi, newClient(t, serve(t, fi), mutate...)
}

// deadAddr is an address where no server listens, so a dial is refused.
// Port 1 (tcpmux) is outside the ephemeral range the tests' own servers take
// (a port freed by closing a listener could be taken by a parallel test's
// emulator, which would then answer), and nothing listens there; the test
// fails rather than proving nothing if something does.
func deadAddr(t *testing.T) string {
	t.Helper()
	const addr = "127.0.0.1:1"
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		_ = c.Close()
		t.Fatalf("something listens on %s: the test needs an address that refuses connections", addr)
	}
	return addr
}

// countingTransport counts the tries that reach the transport, for a client
// whose tries reach no server (a fault injector counts the others).
type countingTransport struct {
	next http.RoundTripper
	n    atomic.Int32
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.next.RoundTrip(r)
}

func newCountingTransport() *countingTransport {
	return &countingTransport{next: http.DefaultTransport.(*http.Transport).Clone()}
}

// seenRequest is what recorder saw of one request.
type seenRequest struct {
	Method      string
	Path        string // r.URL.Path, unescaped
	EscapedPath string
	Query       string
	Header      http.Header
	Body        string
}

// recorder wraps a handler and records every request it passes on.
type recorder struct {
	next http.Handler
	mu   sync.Mutex
	seen []seenRequest
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	rec.mu.Lock()
	rec.seen = append(rec.seen, seenRequest{
		Method: r.Method, Path: r.URL.Path, EscapedPath: r.URL.EscapedPath(),
		Query: r.URL.RawQuery, Header: r.Header.Clone(), Body: string(body),
	})
	rec.mu.Unlock()
	rec.next.ServeHTTP(w, r)
}

func (rec *recorder) requests() []seenRequest {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]seenRequest(nil), rec.seen...)
}

// logEntry is one call of the recording logger.
type logEntry struct {
	Msg    string
	Fields map[string]any
}

// recordingLogger is a Logger that keeps every entry.
type recordingLogger struct {
	mu      sync.Mutex
	entries []logEntry
}

func (l *recordingLogger) Debug(_ context.Context, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = append(l.entries, logEntry{Msg: msg, Fields: maps.Clone(fields)})
}

func (l *recordingLogger) all() []logEntry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]logEntry(nil), l.entries...)
}

// byMsg returns the entries with this message.
func (l *recordingLogger) byMsg(msg string) []logEntry {
	var out []logEntry
	for _, e := range l.all() {
		if e.Msg == msg {
			out = append(out, e)
		}
	}
	return out
}

// text renders every entry, message and fields, for searching.
func (l *recordingLogger) text() string {
	var b strings.Builder
	for _, e := range l.all() {
		b.WriteString(e.Msg)
		keys := make([]string, 0, len(e.Fields))
		for k := range e.Fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, " %s=%v", k, e.Fields[k])
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// dump renders v for a failure message, following pointers.
func dump(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%+v (%v)", v, err)
	}
	return string(b)
}
