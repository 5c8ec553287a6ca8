package emulator

import (
	"maps"
	"net/http"
)

// answerKey identifies a counter of answers: the request's method and
// counter route, and the status answered.
type answerKey struct {
	method, route string
	status        int
}

// statusWriter notes the status of the answer the server gives as its header
// is written, before anything reaches the client, so a test that has read an
// answer always finds it counted. A write dropped after commit never writes
// its header here and is counted only in [Server.Injected].
type statusWriter struct {
	http.ResponseWriter
	srv           *Server
	method, route string
	written       bool
}

func (w *statusWriter) WriteHeader(status int) {
	if !w.written {
		w.written = true
		w.srv.countAnswer(w.method, w.route, status)
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if !w.written {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.NewResponseController reach the connection, to drop it.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *Server) count(key string) {
	s.countMu.Lock()
	defer s.countMu.Unlock()
	s.requests[key]++
}

// countAnswer counts one answer the server gave, and whether it refused a
// write.
func (s *Server) countAnswer(method, route string, status int) {
	s.countMu.Lock()
	defer s.countMu.Unlock()
	s.answers[answerKey{method, route, status}]++
	if (method == http.MethodPost || method == http.MethodPatch) &&
		(status == http.StatusBadRequest || status == http.StatusUnprocessableEntity) {
		s.refused++
	}
}

// Requests returns a copy of the request counters, keyed "METHOD route", for
// example "PATCH /v2/ai-integrations/{id}".
func (s *Server) Requests() map[string]int {
	s.countMu.Lock()
	defer s.countMu.Unlock()
	return maps.Clone(s.requests)
}

// Count returns the number of requests received for method and route, for
// example Count("GET", RouteItem).
func (s *Server) Count(method, route string) int {
	s.countMu.Lock()
	defer s.countMu.Unlock()
	return s.requests[method+" "+route]
}

// Total returns the number of requests received on any route.
func (s *Server) Total() int {
	s.countMu.Lock()
	defer s.countMu.Unlock()
	n := 0
	for _, c := range s.requests {
		n += c
	}
	return n
}

// Answers returns the number of answers with this status the server itself
// gave to method on route, for example Answers("PATCH", RouteItem, 422).
// Injected faults (statuses, drops, and writes dropped after commit) are not
// answers the server gave: they are counted by [Server.Injected] only.
func (s *Server) Answers(method, route string, status int) int {
	s.countMu.Lock()
	defer s.countMu.Unlock()
	return s.answers[answerKey{method, route, status}]
}

// Refused returns the number of 400 and 422 answers the server gave to POST
// and PATCH requests: the writes it refused as malformed or invalid, such as
// a request in the other dialect's spelling. Injected faults are not counted.
func (s *Server) Refused() int {
	s.countMu.Lock()
	defer s.countMu.Unlock()
	return s.refused
}

// ResetCounters sets every request counter, every answer counter (so
// [Server.Refused] too), and every counter of [Server.Injected], back to
// zero.
func (s *Server) ResetCounters() {
	s.countMu.Lock()
	clear(s.requests)
	clear(s.answers)
	s.refused = 0
	s.countMu.Unlock()
	s.faults.reset()
}
