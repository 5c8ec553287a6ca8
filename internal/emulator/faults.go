package emulator

import (
	"context"
	"io"
	"maps"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Keys of [Server.Injected] besides the injected statuses, which are counted
// under their number ("429", "503", ...).
const (
	InjectedDrop            = "drop"
	InjectedDropAfterCommit = "drop_after_commit"
	InjectedLatency         = "latency"
)

// Faults make the server misbehave the way a real API under load does, so
// the client's retries can be tested. The zero value injects nothing.
type Faults struct {
	// ErrorRate is the share, 0 to 1, of requests answered with one of
	// Statuses instead of being served.
	ErrorRate float64
	// Statuses are the statuses drawn from, uniformly; default {503}.
	Statuses []int
	// RetryAfter is sent, rounded up to whole seconds, in the Retry-After
	// header of injected 429 and 503 answers; zero sends "1".
	RetryAfter time.Duration
	// Latency is added before every response, faulted or not.
	Latency time.Duration
	// Seed makes the sequence of faulted requests reproducible: the same
	// seed and the same sequence of requests fault the same ones.
	Seed int64
	// DropRate is the share, 0 to 1, of requests whose connection is closed
	// without any response once the request has been received, before it is
	// served: nothing changes on the server. ErrorRate and DropRate share one
	// draw per request, so together they fault at most every request
	// (DropRate is capped at 1 - ErrorRate).
	//
	// Go's http.Transport silently resends a replayable request (GET, or one
	// with an Idempotency-Key header) dropped on a reused keep-alive
	// connection, so such a drop may be invisible to a Go client and show up
	// as two requests in the counters.
	//
	// A drop hijacks the HTTP/1.x connection and closes it. Where the
	// ResponseWriter cannot be hijacked (HTTP/2, httptest.ResponseRecorder) the
	// handler panics with http.ErrAbortHandler instead, which net/http turns
	// into an aborted connection or stream.
	DropRate float64
	// DropAfterCommitRate is the share, 0 to 1, of successful writes (a
	// 2xx answer to POST, PATCH or DELETE) that are fully applied and then
	// have their connection closed without the response: the client cannot
	// tell that the write succeeded.
	DropAfterCommitRate float64
}

// fault is a decision taken for one request before it is served: answer
// status instead of serving it, or drop the connection. The zero value
// serves the request.
type fault struct {
	status int
	drop   bool
}

// faultState is guarded by its own mutex so that slow or faulted requests
// never hold up the store.
type faultState struct {
	mu          sync.Mutex
	f           Faults
	rng         *rand.Rand
	queue       []fault // for the next requests, from FailNext and DropNext(n, false)
	commitDrops int     // successful writes still to drop, from DropNext(n, true)
	injected    map[string]int
}

// SetFaults replaces the fault configuration and restarts its random source
// from f.Seed. It leaves pending FailNext and DropNext faults in place.
func (s *Server) SetFaults(f Faults) {
	f.Statuses = append([]int(nil), f.Statuses...)
	if len(f.Statuses) == 0 {
		f.Statuses = []int{http.StatusServiceUnavailable}
	}
	f.ErrorRate = clampRate(f.ErrorRate)
	f.DropRate = clampRate(f.DropRate)
	f.DropAfterCommitRate = clampRate(f.DropAfterCommitRate)
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.f = f
	s.faults.rng = rand.New(rand.NewPCG(uint64(f.Seed), 0x9e3779b97f4a7c15)) //nolint:gosec // a seed's bits, reinterpreted on purpose
}

// clampRate brings r into [0, 1]; NaN counts as 0.
func clampRate(r float64) float64 {
	if !(r > 0) {
		return 0
	}
	return math.Min(1, r)
}

// FailNext answers the next n requests with status (a problem+json body, and
// Retry-After on 429 and 503) before any random fault is drawn. Calls queue
// up: FailNext(1, 429) then FailNext(1, 500) fails one request with each.
// n <= 0 does nothing. The Retry-After value is Faults.RetryAfter (default 1s).
func (s *Server) FailNext(n int, status int) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	for range n {
		s.faults.queue = append(s.faults.queue, fault{status: status})
	}
}

// DropNext drops the connection of the next n requests, deterministically and
// before any random fault is drawn, as DropRate would.
//
// With afterCommit false the requests are dropped before being served, and
// they queue up with FailNext in call order: FailNext(1, 429) then
// DropNext(1, false) answers one request 429 and drops the next one.
//
// With afterCommit true the next n successful writes (a 2xx answer to POST,
// PATCH or DELETE) are applied and then dropped, as DropAfterCommitRate
// would; other requests, and writes that fail, are answered normally and do
// not use up the count. n <= 0 does nothing.
func (s *Server) DropNext(n int, afterCommit bool) {
	if n <= 0 {
		return
	}
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	if afterCommit {
		s.faults.commitDrops += n
		return
	}
	for range n {
		s.faults.queue = append(s.faults.queue, fault{drop: true})
	}
}

// Injected returns a copy of the counters of injected faults, by kind: each
// injected status under its number ("429", "500", "503", ...), "drop" for
// connections dropped before serving, "drop_after_commit" for writes dropped
// after being applied, and "latency" for requests delayed by Faults.Latency.
// Kinds never injected are absent (read as 0). ResetCounters clears it.
func (s *Server) Injected() map[string]int {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	out := maps.Clone(s.faults.injected)
	if out == nil {
		out = map[string]int{}
	}
	return out
}

// note counts one injected fault of this kind.
func (fs *faultState) note(kind string) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if fs.injected == nil {
		fs.injected = map[string]int{}
	}
	fs.injected[kind]++
}

func (fs *faultState) reset() {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	clear(fs.injected)
}

// draw decides the fate of one request before it is served: the latency to
// add and the fault to inject instead of serving it. Queued faults come
// first; otherwise one number is drawn when a rate is set, so that with
// DropRate zero the sequence is the one ErrorRate alone has always drawn.
func (fs *faultState) draw() (latency time.Duration, ft fault, retryAfter time.Duration) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f := fs.f
	switch {
	case len(fs.queue) > 0:
		ft = fs.queue[0]
		fs.queue = fs.queue[1:]
	case f.ErrorRate > 0 || f.DropRate > 0:
		u := fs.rng.Float64()
		switch {
		case u < f.ErrorRate:
			ft.status = f.Statuses[fs.rng.IntN(len(f.Statuses))]
		case u < f.ErrorRate+f.DropRate:
			ft.drop = true
		}
	}
	return f.Latency, ft, f.RetryAfter
}

// commitDropsPossible reports whether a write about to be served may have to
// be dropped once applied, so must be served into a buffer.
func (fs *faultState) commitDropsPossible() bool {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.commitDrops > 0 || fs.f.DropAfterCommitRate > 0
}

// drawAfterCommit decides whether a successful write is dropped: a pending
// DropNext(n, true) first, else a draw when DropAfterCommitRate is set.
func (fs *faultState) drawAfterCommit() bool {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	switch {
	case fs.commitDrops > 0:
		fs.commitDrops--
		return true
	case fs.f.DropAfterCommitRate > 0:
		return fs.rng.Float64() < fs.f.DropAfterCommitRate
	}
	return false
}

// retryAfterValue renders d as whole seconds, rounded up, at least 1.
func retryAfterValue(d time.Duration) string {
	secs := int64(math.Ceil(d.Seconds()))
	if secs < 1 {
		secs = 1
	}
	return strconv.FormatInt(secs, 10)
}

// injectFault applies latency and, when one is due, a fault. It reports
// whether the request was dealt with (so must not be served).
func (s *Server) injectFault(w http.ResponseWriter, r *http.Request) bool {
	latency, ft, retryAfter := s.faults.draw()
	if latency > 0 {
		s.faults.note(InjectedLatency)
		if !sleep(r.Context(), latency) {
			// The client gave up; nobody will read an answer.
			return true
		}
	}
	switch {
	case ft.drop:
		s.faults.note(InjectedDrop)
		dropConnection(w, r)
		return true
	case ft.status != 0:
		s.faults.note(strconv.Itoa(ft.status))
		if ft.status == http.StatusTooManyRequests || ft.status == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", retryAfterValue(retryAfter))
		}
		writeProblem(w, r, problemf(ft.status, codeForStatus(ft.status),
			"injected fault: the emulator answered %d instead of serving the request", ft.status))
		return true
	}
	return false
}

// isWrite reports whether a request can commit a change when it succeeds.
func isWrite(r *http.Request) bool {
	switch r.Method {
	case http.MethodPost, http.MethodPatch, http.MethodDelete:
		return true
	}
	return false
}

// serveMaybeDropAfterCommit serves a write into a buffer and then either
// sends the buffered answer or, when it succeeded and a drop after commit is
// due, closes the connection without it.
func (s *Server) serveMaybeDropAfterCommit(w http.ResponseWriter, r *http.Request, serve func(http.ResponseWriter)) {
	buf := &bufferedResponse{header: http.Header{}}
	serve(buf)
	if buf.status() >= 200 && buf.status() < 300 && s.faults.drawAfterCommit() {
		s.faults.note(InjectedDropAfterCommit)
		dropConnection(w, r)
		return
	}
	buf.sendTo(w)
}

// dropConnection closes the client's connection without writing anything.
// It first reads what is left of the request body, so the whole request has
// been received. Writers that cannot be hijacked (HTTP/2, a recorder) are
// aborted with http.ErrAbortHandler, which net/http turns into a closed
// connection or a reset stream.
func dropConnection(w http.ResponseWriter, r *http.Request) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, io.LimitReader(r.Body, maxBodyBytes+1))
	}
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// bufferedResponse is an http.ResponseWriter that keeps the answer in memory
// until sendTo.
type bufferedResponse struct {
	header http.Header
	code   int
	body   []byte
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(code int) {
	if b.code == 0 {
		b.code = code
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	b.body = append(b.body, p...)
	return len(p), nil
}

func (b *bufferedResponse) status() int {
	if b.code == 0 {
		return http.StatusOK
	}
	return b.code
}

func (b *bufferedResponse) sendTo(w http.ResponseWriter) {
	h := w.Header()
	for k, v := range b.header {
		h[k] = v
	}
	w.WriteHeader(b.status())
	if len(b.body) > 0 {
		_, _ = w.Write(b.body)
	}
}

// sleep waits for d or until ctx ends, and reports whether d elapsed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
