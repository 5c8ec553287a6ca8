package emulator

import (
	"context"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"
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
}

// faultState is guarded by its own mutex so that slow or faulted requests
// never hold up the store.
type faultState struct {
	mu    sync.Mutex
	f     Faults
	rng   *rand.Rand
	queue []int // statuses for the next requests, from FailNext
}

// SetFaults replaces the fault configuration and restarts its random source
// from f.Seed. It leaves pending FailNext answers in place.
func (s *Server) SetFaults(f Faults) {
	f.Statuses = append([]int(nil), f.Statuses...)
	if len(f.Statuses) == 0 {
		f.Statuses = []int{http.StatusServiceUnavailable}
	}
	f.ErrorRate = math.Max(0, math.Min(1, f.ErrorRate))
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.f = f
	s.faults.rng = rand.New(rand.NewPCG(uint64(f.Seed), 0x9e3779b97f4a7c15))
}

// FailNext answers the next n requests with status (a problem+json body, and
// Retry-After on 429 and 503) before any random fault is drawn. Calls queue
// up: FailNext(1, 429) then FailNext(1, 500) fails one request with each.
// n <= 0 does nothing. The Retry-After value is Faults.RetryAfter (default 1s).
func (s *Server) FailNext(n int, status int) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	for range n {
		s.faults.queue = append(s.faults.queue, status)
	}
}

// draw decides the fate of one request: the latency to add and the status to
// answer with instead of serving it (0 to serve it).
func (fs *faultState) draw() (latency time.Duration, status int, retryAfter time.Duration) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f := fs.f
	switch {
	case len(fs.queue) > 0:
		status = fs.queue[0]
		fs.queue = fs.queue[1:]
	case f.ErrorRate > 0 && fs.rng.Float64() < f.ErrorRate:
		status = f.Statuses[fs.rng.IntN(len(f.Statuses))]
	}
	return f.Latency, status, f.RetryAfter
}

// retryAfterValue renders d as whole seconds, rounded up, at least 1.
func retryAfterValue(d time.Duration) string {
	secs := int64(math.Ceil(d.Seconds()))
	if secs < 1 {
		secs = 1
	}
	return strconv.FormatInt(secs, 10)
}

// injectFault applies latency and, when one is due, answers with a fault. It
// reports whether the request was answered (so must not be served).
func (s *Server) injectFault(w http.ResponseWriter, r *http.Request) bool {
	latency, status, retryAfter := s.faults.draw()
	if latency > 0 && !sleep(r.Context(), latency) {
		// The client gave up; nobody will read an answer.
		return true
	}
	if status == 0 {
		return false
	}
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", retryAfterValue(retryAfter))
	}
	writeProblem(w, r, problemf(status, codeForStatus(status), "injected fault: the emulator answered %d instead of serving the request", status))
	return true
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
