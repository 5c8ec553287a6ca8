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

func (s *Server) count(key string) {
	s.countMu.Lock()
	defer s.countMu.Unlock()
	s.requests[key]++
}

// countAnswer counts one answer the server gave to r, and whether it refused
// a write. The fault injector reports the answers as they are sent.
func (s *Server) countAnswer(r *http.Request, status int) {
	method, route := r.Method, classify(r).route
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
	return sum(s.requests)
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

// RefusedForSpelling returns how many of the writes [Server.Refused] counts
// were refused because they carried the other dialect's spelling: a
// provider or auth_type value spelt the other way, provider_metadata without
// its kind (today) or with one (published). A client that finds the spelling
// well spends at most one of these per process.
func (s *Server) RefusedForSpelling() int {
	s.countMu.Lock()
	defer s.countMu.Unlock()
	return sum(s.respelt)
}

// RefusedForSpellingAt is [Server.RefusedForSpelling] for one method and
// route, such as "POST" and [RouteCollection].
func (s *Server) RefusedForSpellingAt(method, route string) int {
	s.countMu.Lock()
	defer s.countMu.Unlock()
	return s.respelt[method+" "+route]
}

// noteRefusal counts p, the answer to method and route, if it refused the
// other dialect's spelling.
func (s *Server) noteRefusal(method, route string, p *Problem) {
	if p == nil || !p.otherSpelling {
		return
	}
	s.countMu.Lock()
	s.respelt[method+" "+route]++
	s.countMu.Unlock()
}

// ResetCounters sets every request counter, every answer counter (so
// [Server.Refused] too), and every counter of [Server.Injected], back to
// zero.
func (s *Server) ResetCounters() {
	s.countMu.Lock()
	clear(s.requests)
	clear(s.answers)
	s.refused = 0
	clear(s.respelt)
	s.countMu.Unlock()
	s.faults.ResetCounters()
}

// sum adds up a map of counters.
func sum(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}
