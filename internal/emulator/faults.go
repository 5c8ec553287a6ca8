package emulator

import (
	"maps"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Keys of [FaultInjector.Injected] besides the injected statuses, which are
// counted under their number ("429", "503", ...) when answered instead of
// serving the request, and under their number and "_after_commit"
// ("502_after_commit") when answered after a write was applied.
const (
	InjectedDrop            = "drop"
	InjectedDropAfterCommit = "drop_after_commit"
	InjectedLatency         = "latency"
	afterCommitSuffix       = "_after_commit"
)

// Faults make a handler misbehave the way a real API under load does, so a
// client's retries can be tested. The zero value injects nothing. A
// [FaultInjector] applies them.
type Faults struct {
	// ErrorRate is the share, 0 to 1, of requests answered with one of
	// Statuses instead of being served.
	ErrorRate float64
	// Statuses are the statuses drawn from, uniformly; default {503}.
	Statuses []int
	// RetryAfter is sent, rounded up to whole seconds, in the Retry-After
	// header of injected 429 and 503 answers; zero sends "1".
	RetryAfter time.Duration
	// RetryAfterDate sends that Retry-After as an HTTP date (now plus
	// RetryAfter, to the second) instead of a number of seconds. RFC 9110
	// allows both forms.
	RetryAfterDate bool
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
	// 2xx answer to POST, PATCH, PUT or DELETE) that are fully applied and then
	// have their connection closed without the response: the client cannot
	// tell that the write succeeded.
	DropAfterCommitRate float64
}

// fault is one injected misbehaviour: answer status, or drop the
// connection. The zero value injects nothing.
type fault struct {
	status int
	drop   bool
}

// FaultInjector is HTTP middleware: it passes requests on to the handler
// behind it, and injects the faults it is told to on the way. Faults come
// from a random draw ([Faults], set with SetFaults) or from deterministic
// queues (FailNext, DropNext, FailNextAfterCommit); Injected counts what was
// injected. It works in front of any handler: the emulator's [Server] uses
// one, and a test can put one in front of a plain handler or in front of a
// Server, as a gateway would stand in front of the API.
//
// Faults "after commit" need to know whether a write was applied: the
// injector serves a write into a buffer, and only once the handler has
// answered 2xx does it decide whether to send that answer or to drop the
// connection (or answer an error) instead. It buffers only while such a
// fault may be due.
//
// Make one with NewFaultInjector. It is safe for concurrent use; slow or
// faulted requests never hold its lock.
type FaultInjector struct {
	next http.Handler
	// answered, when set, is told the status of each answer of next as it is
	// sent to the client, before its header is written; injected answers
	// and answers dropped after commit are not reported.
	answered func(r *http.Request, status int)

	mu          sync.Mutex
	f           Faults
	rng         *rand.Rand
	queue       []fault // for the next requests: FailNext, DropNext(n, false)
	afterCommit []fault // for the next successful writes: DropNext(n, true), FailNextAfterCommit
	injected    map[string]int
	received    int
}

// NewFaultInjector returns middleware in front of next that injects f, and
// nothing else until told to.
func NewFaultInjector(next http.Handler, f Faults) *FaultInjector {
	fi := &FaultInjector{next: next}
	fi.SetFaults(f)
	return fi
}

// SetFaults replaces the fault configuration and restarts its random source
// from f.Seed. It leaves pending FailNext, DropNext and FailNextAfterCommit
// faults in place.
func (fi *FaultInjector) SetFaults(f Faults) {
	f.Statuses = append([]int(nil), f.Statuses...)
	if len(f.Statuses) == 0 {
		f.Statuses = []int{http.StatusServiceUnavailable}
	}
	f.ErrorRate = clampRate(f.ErrorRate)
	f.DropRate = clampRate(f.DropRate)
	f.DropAfterCommitRate = clampRate(f.DropAfterCommitRate)
	fi.mu.Lock()
	defer fi.mu.Unlock()
	fi.f = f
	fi.rng = rand.New(rand.NewPCG(uint64(f.Seed), 0x9e3779b97f4a7c15)) //nolint:gosec // a seed's bits, reinterpreted on purpose
}

// clampRate brings r into [0, 1]; NaN counts as 0.
func clampRate(r float64) float64 {
	if !(r > 0) {
		return 0
	}
	return math.Min(1, r)
}

// FailNext answers the next n requests with status (a problem+json body, and
// Retry-After on 429 and 503) instead of serving them, before any random
// fault is drawn. Calls queue up: FailNext(1, 429) then FailNext(1, 500)
// fails one request with each. n <= 0 does nothing. The Retry-After value is
// Faults.RetryAfter (default 1s).
func (fi *FaultInjector) FailNext(n int, status int) {
	fi.enqueue(&fi.queue, n, fault{status: status})
}

// DropNext drops the connection of the next n requests, deterministically and
// before any random fault is drawn, as DropRate would.
//
// With afterCommit false the requests are dropped before being served, and
// they queue up with FailNext in call order: FailNext(1, 429) then
// DropNext(1, false) answers one request 429 and drops the next one.
//
// With afterCommit true the next n successful writes (a 2xx answer to POST,
// PATCH, PUT or DELETE) are applied and then dropped, as DropAfterCommitRate
// would; other requests, and writes that fail, are answered normally and do
// not use up the count. They queue up with FailNextAfterCommit in call
// order. n <= 0 does nothing.
func (fi *FaultInjector) DropNext(n int, afterCommit bool) {
	if afterCommit {
		fi.enqueue(&fi.afterCommit, n, fault{drop: true})
		return
	}
	fi.enqueue(&fi.queue, n, fault{drop: true})
}

// FailNextAfterCommit lets the next n successful writes (a 2xx answer to
// POST, PATCH, PUT or DELETE) be applied, and then answers them with status
// instead, as a gateway does that passed a request on and then failed: the
// client is told the write failed when it did not. Other requests, and
// writes that fail, are answered normally and do not use up the count. Calls
// queue up with DropNext(n, true). n <= 0 does nothing.
func (fi *FaultInjector) FailNextAfterCommit(n int, status int) {
	fi.enqueue(&fi.afterCommit, n, fault{status: status})
}

func (fi *FaultInjector) enqueue(queue *[]fault, n int, f fault) {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	for range n {
		*queue = append(*queue, f)
	}
}

// Injected returns a copy of the counters of injected faults, by kind: each
// status answered instead of serving under its number ("429", "500", ...),
// each status answered after a write was applied under its number and
// "_after_commit" ("502_after_commit"), "drop" for connections dropped
// before serving, "drop_after_commit" for writes dropped after being
// applied, and "latency" for requests delayed by Faults.Latency. Kinds never
// injected are absent (read as 0). ResetCounters clears it.
func (fi *FaultInjector) Injected() map[string]int {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	out := maps.Clone(fi.injected)
	if out == nil {
		out = map[string]int{}
	}
	return out
}

// Received returns the number of requests that reached the injector,
// faulted or not: the tries a client made.
func (fi *FaultInjector) Received() int {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	return fi.received
}

// ResetCounters sets Injected and Received back to zero. Pending faults stay.
func (fi *FaultInjector) ResetCounters() {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	clear(fi.injected)
	fi.received = 0
}

// ServeHTTP adds the latency, then injects the fault due before serving (an
// error answer or a dropped connection) or passes the request on. A write
// that a fault after commit may be due for is served into a buffer first.
func (fi *FaultInjector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	latency, ft := fi.draw()
	if latency > 0 {
		fi.note(InjectedLatency)
		if !sleep(r.Context(), latency) {
			return // the client gave up; nobody will read an answer
		}
	}
	if ft != (fault{}) {
		fi.inject(w, r, ft, "")
		return
	}
	if isWrite(r) && fi.afterCommitPossible() {
		fi.serveThenMaybeFault(w, r)
		return
	}
	fi.next.ServeHTTP(fi.reporting(w, r), r)
}

// serveThenMaybeFault serves a write into a buffer and then sends the
// buffered answer or, when the write succeeded and a fault after commit is
// due, injects that fault instead.
func (fi *FaultInjector) serveThenMaybeFault(w http.ResponseWriter, r *http.Request) {
	buf := &bufferedResponse{header: http.Header{}}
	fi.next.ServeHTTP(buf, r)
	if buf.status()/100 == 2 {
		if ft := fi.drawAfterCommit(); ft != (fault{}) {
			fi.inject(w, r, ft, afterCommitSuffix)
			return
		}
	}
	buf.sendTo(fi.reporting(w, r))
}

// inject answers ft's status (a problem+json body, with Retry-After on 429
// and 503) or drops the connection, and counts it with the kind's suffix.
func (fi *FaultInjector) inject(w http.ResponseWriter, r *http.Request, ft fault, suffix string) {
	if ft.drop {
		fi.note(InjectedDrop + suffix)
		dropConnection(w, r)
		return
	}
	fi.note(strconv.Itoa(ft.status) + suffix)
	if ft.status == http.StatusTooManyRequests || ft.status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", fi.retryAfter())
	}
	writeProblem(w, r, problemf(ft.status, codeForStatus(ft.status),
		"injected fault: the emulator answered %d instead of serving the request", ft.status))
}

// reporting returns w, reporting the status of the answer written to it
// when the injector has someone to tell.
func (fi *FaultInjector) reporting(w http.ResponseWriter, r *http.Request) http.ResponseWriter {
	if fi.answered == nil {
		return w
	}
	return &statusWriter{ResponseWriter: w, report: func(status int) { fi.answered(r, status) }}
}

// note counts one injected fault of this kind.
func (fi *FaultInjector) note(kind string) {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	if fi.injected == nil {
		fi.injected = map[string]int{}
	}
	fi.injected[kind]++
}

// draw counts the request and decides its fate before it is served: the
// latency to add and the fault to inject instead of serving it. Queued
// faults come first; otherwise one number is drawn when a rate is set, so
// that with DropRate zero the sequence is the one ErrorRate alone has always
// drawn.
func (fi *FaultInjector) draw() (latency time.Duration, ft fault) {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	fi.received++
	f := fi.f
	switch {
	case len(fi.queue) > 0:
		ft = fi.queue[0]
		fi.queue = fi.queue[1:]
	case f.ErrorRate > 0 || f.DropRate > 0:
		u := fi.rng.Float64()
		switch {
		case u < f.ErrorRate:
			ft.status = f.Statuses[fi.rng.IntN(len(f.Statuses))]
		case u < f.ErrorRate+f.DropRate:
			ft.drop = true
		}
	}
	return f.Latency, ft
}

// afterCommitPossible reports whether a write about to be served may meet a
// fault after commit, so must be served into a buffer.
func (fi *FaultInjector) afterCommitPossible() bool {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	return len(fi.afterCommit) > 0 || fi.f.DropAfterCommitRate > 0
}

// drawAfterCommit decides the fate of a successful write: a pending fault
// after commit first, else a drop drawn when DropAfterCommitRate is set.
func (fi *FaultInjector) drawAfterCommit() fault {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	switch {
	case len(fi.afterCommit) > 0:
		ft := fi.afterCommit[0]
		fi.afterCommit = fi.afterCommit[1:]
		return ft
	case fi.f.DropAfterCommitRate > 0 && fi.rng.Float64() < fi.f.DropAfterCommitRate:
		return fault{drop: true}
	}
	return fault{}
}

// retryAfter renders Faults.RetryAfter for the header: whole seconds,
// rounded up, at least 1; or that long from now as an HTTP date.
func (fi *FaultInjector) retryAfter() string {
	fi.mu.Lock()
	d, asDate := fi.f.RetryAfter, fi.f.RetryAfterDate
	fi.mu.Unlock()
	secs := max(int64(math.Ceil(d.Seconds())), 1)
	if asDate {
		return time.Now().Add(time.Duration(secs) * time.Second).UTC().Format(http.TimeFormat)
	}
	return strconv.FormatInt(secs, 10)
}

// isWrite reports whether a request can commit a change when it succeeds:
// PUT too, which revokes an API key.
func isWrite(r *http.Request) bool {
	switch r.Method {
	case http.MethodPost, http.MethodPatch, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}
