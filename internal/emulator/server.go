package emulator

import (
	"crypto/subtle"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Routes, as used for the request counters: the item route keeps the
// literal text {id}, so one counter covers every integration.
const (
	RouteCollection = "/v2/ai-integrations"
	RouteItem       = "/v2/ai-integrations/{id}"
)

// defaultUserID is the created_by_user_id of the published example,
// base64("User:1:nNbC").
const defaultUserID = "VXNlcjoxOm5OYkM="

// Options configure a Server.
type Options struct {
	// APIKey is the bearer key every request must carry. With an empty key
	// every request is refused.
	APIKey string
	// UserID is reported as created_by_user_id; default "VXNlcjoxOm5OYkM=".
	UserID string
	// Spaces are the spaces the account can see, id to name, used by the
	// space_id and space_name list filters.
	Spaces map[string]string
	// ExplicitNullScopings renders an account-wide integration's scopings as
	// [{"organization_id":null,"space_id":null}] instead of [{}]; Arize has
	// been seen answering both.
	ExplicitNullScopings bool
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Dialect is the spelling the server speaks: DialectToday (the default,
	// when empty) or DialectPublished. See [Dialect]. New panics on any
	// other value.
	Dialect Dialect
}

// Server is the emulated API. It implements http.Handler and is safe for
// concurrent use.
type Server struct {
	opts Options

	mu     sync.Mutex // guards the store below
	seq    uint64
	byID   map[string]*record
	byName map[string]*record
	order  []*record // creation order

	countMu  sync.Mutex // guards the counters below
	requests map[string]int
	answers  map[answerKey]int
	refused  int
	// respelt counts the refused writes that carried the other dialect's
	// spelling: what a client spends finding this server's.
	respelt map[string]int // by "METHOD route"

	// faults stands between the counting of a request and its serving.
	faults *FaultInjector
}

// New returns an empty Server. It panics if opts.Dialect is neither empty
// nor one of DialectToday and DialectPublished.
func New(opts Options) *Server {
	if opts.Dialect == "" {
		opts.Dialect = DialectToday
	}
	if _, err := ParseDialect(string(opts.Dialect)); err != nil {
		panic("emulator: Options.Dialect: " + err.Error())
	}
	if opts.UserID == "" {
		opts.UserID = defaultUserID
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	opts.Spaces = maps.Clone(opts.Spaces)
	s := &Server{
		opts:     opts,
		byID:     map[string]*record{},
		byName:   map[string]*record{},
		requests: map[string]int{},
		answers:  map[answerKey]int{},
		respelt:  map[string]int{},
	}
	s.faults = NewFaultInjector(http.HandlerFunc(s.serve), Faults{})
	s.faults.answered = s.countAnswer
	return s
}

// Dialect returns the spelling the server speaks.
func (s *Server) Dialect() Dialect { return s.opts.Dialect }

// ServeHTTP counts the request and passes it to the fault injector, which
// serves it unless a fault is due. Counting comes first so that tests see
// every attempt a client made, including the ones that were refused,
// faulted or dropped. The status of an answer the server gives itself (not
// an injected fault, nor a write dropped after commit) is counted as its
// header is written, before the client can read it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	route, _, _ := classify(r)
	s.count(r.Method + " " + route)
	s.faults.ServeHTTP(w, r)
}

// SetFaults replaces the fault configuration; see [FaultInjector.SetFaults].
func (s *Server) SetFaults(f Faults) { s.faults.SetFaults(f) }

// FailNext answers the next n requests with status; see
// [FaultInjector.FailNext].
func (s *Server) FailNext(n int, status int) { s.faults.FailNext(n, status) }

// DropNext drops the connection of the next n requests, or of the next n
// successful writes once applied; see [FaultInjector.DropNext].
func (s *Server) DropNext(n int, afterCommit bool) { s.faults.DropNext(n, afterCommit) }

// Injected returns a copy of the counters of injected faults, by kind; see
// [FaultInjector.Injected]. ResetCounters clears it.
func (s *Server) Injected() map[string]int { return s.faults.Injected() }

// serve authenticates and routes a request that no fault stopped.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	route, id, known := classify(r)
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="arize"`)
		writeProblem(w, r, problemf(http.StatusUnauthorized, CodeUnauthorized,
			"Authorization header must be \"Bearer <api key>\" with a valid API key"))
		return
	}
	if !known {
		writeProblem(w, r, notFound("no such endpoint"))
		return
	}
	switch {
	case route == RouteCollection && r.Method == http.MethodGet:
		s.handleList(w, r)
	case route == RouteCollection && r.Method == http.MethodPost:
		s.handleCreate(w, r)
	case route == RouteItem && r.Method == http.MethodGet:
		s.handleGet(w, r, id)
	case route == RouteItem && r.Method == http.MethodPatch:
		s.handleUpdate(w, r, id)
	case route == RouteItem && r.Method == http.MethodDelete:
		s.handleDelete(w, r, id)
	default:
		allow := "GET, POST"
		if route == RouteItem {
			allow = "GET, PATCH, DELETE"
		}
		w.Header().Set("Allow", allow)
		writeProblem(w, r, problemf(http.StatusMethodNotAllowed, CodeMethodNotAllowed,
			"method %s is not allowed on %s (allowed: %s)", r.Method, route, allow))
	}
}

// classify maps a request path to its counter route and, for the item route,
// the unescaped id. It works on the escaped path so an id containing an
// escaped '/' stays one segment. Unknown paths are counted under themselves.
func classify(r *http.Request) (route, id string, known bool) {
	path := r.URL.EscapedPath()
	if path == RouteCollection {
		return RouteCollection, "", true
	}
	if rest, ok := strings.CutPrefix(path, RouteCollection+"/"); ok && rest != "" && !strings.Contains(rest, "/") {
		if id, err := url.PathUnescape(rest); err == nil {
			return RouteItem, id, true
		}
	}
	return r.URL.Path, "", false
}

// authorized compares the bearer key in constant time. The "Bearer " prefix
// is required, as Arize's gateway requires it.
func (s *Server) authorized(r *http.Request) bool {
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || key == "" || s.opts.APIKey == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(key), []byte(s.opts.APIKey)) == 1
}
