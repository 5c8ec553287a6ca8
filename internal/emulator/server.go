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

// Routes, as used for the request counters: an item route keeps the literal
// text {id} (and {user_id}), so one counter covers every integration,
// organization, space, member, evaluator or evaluator version, project,
// restricted project or API key.
const (
	RouteCollection = "/v2/ai-integrations"
	RouteItem       = "/v2/ai-integrations/{id}"

	RouteOrganizations     = "/v2/organizations"
	RouteOrganization      = "/v2/organizations/{id}"
	RouteOrganizationUsers = "/v2/organizations/{id}/users"
	RouteOrganizationUser  = "/v2/organizations/{id}/users/{user_id}"

	RouteSpaces     = "/v2/spaces"
	RouteSpace      = "/v2/spaces/{id}"
	RouteSpaceUsers = "/v2/spaces/{id}/users"
	RouteSpaceUser  = "/v2/spaces/{id}/users/{user_id}"

	RouteEvaluators        = "/v2/evaluators"
	RouteEvaluator         = "/v2/evaluators/{id}"
	RouteEvaluatorVersions = "/v2/evaluators/{id}/versions"
	RouteEvaluatorVersion  = "/v2/evaluator-versions/{id}"

	RouteUsers                = "/v2/users"
	RouteUser                 = "/v2/users/{id}"
	RouteUserResendInvitation = "/v2/users/{id}/resend-invitation"
	RouteUserResetPassword    = "/v2/users/{id}/reset-password" //nolint:gosec // G101: a path, not a credential

	RouteRoles = "/v2/roles"
	RouteRole  = "/v2/roles/{id}"

	RouteRoleBindings = "/v2/role-bindings"
	RouteRoleBinding  = "/v2/role-bindings/{id}"

	RouteProjects = "/v2/projects"
	RouteProject  = "/v2/projects/{id}"

	// A restriction's item route names the restricted project's id: a
	// restriction has no id of its own.
	RouteResourceRestrictions = "/v2/resource-restrictions"
	RouteResourceRestriction  = "/v2/resource-restrictions/{id}"

	// API keys have no item route: no GET, PATCH or DELETE of one.
	RouteAPIKeys       = "/v2/api-keys"              //nolint:gosec // G101: a path, not a credential
	RouteAPIKeyRefresh = "/v2/api-keys/{id}/refresh" //nolint:gosec // G101: a path, not a credential
	RouteAPIKeyRevoke  = "/v2/api-keys/{id}/revoke"  //nolint:gosec // G101: a path, not a credential
)

// allowed lists the methods of each route, in the order a 405's Allow
// header names them.
var allowed = map[string]string{
	RouteCollection:        "GET, POST",
	RouteItem:              "GET, PATCH, DELETE",
	RouteOrganizations:     "GET, POST",
	RouteOrganization:      "GET, PATCH, DELETE",
	RouteOrganizationUsers: "POST",
	RouteOrganizationUser:  "DELETE",
	RouteSpaces:            "GET, POST",
	RouteSpace:             "GET, PATCH, DELETE",
	RouteSpaceUsers:        "POST",
	RouteSpaceUser:         "DELETE",
	RouteEvaluators:        "GET, POST",
	RouteEvaluator:         "GET, PATCH, DELETE",
	RouteEvaluatorVersions: "GET, POST",
	RouteEvaluatorVersion:  "GET",

	RouteUsers:                "GET, POST",
	RouteUser:                 "GET, PATCH, DELETE",
	RouteUserResendInvitation: "POST",
	RouteUserResetPassword:    "POST",
	RouteRoles:                "GET, POST",
	RouteRole:                 "GET, PATCH, DELETE",
	RouteRoleBindings:         "GET, POST",
	RouteRoleBinding:          "GET, PATCH, DELETE",

	RouteProjects:             "GET, POST",
	RouteProject:              "GET, PATCH, DELETE",
	RouteResourceRestrictions: "GET, POST",
	RouteResourceRestriction:  "DELETE",
	RouteAPIKeys:              "GET, POST",
	RouteAPIKeyRefresh:        "POST",
	RouteAPIKeyRevoke:         "PUT",
}

// routePatterns are the routes split into path segments, for classify.
var routePatterns = func() [][]string {
	out := make([][]string, 0, len(allowed))
	for route := range allowed {
		out = append(out, strings.Split(route, "/"))
	}
	return out
}()

// defaultUserID is the created_by_user_id of the published example,
// base64("User:1:nNbC").
const defaultUserID = "VXNlcjoxOm5OYkM="

// Options configure a Server.
type Options struct {
	// APIKey is the bearer key every request must carry, or a key the
	// server minted (POST /v2/api-keys, PutAPIKey) that is live: see
	// [Server.KeyIsLive]. With an empty APIKey every request is refused.
	APIKey string
	// UserID is reported as created_by_user_id; default "VXNlcjoxOm5OYkM=".
	UserID string
	// Spaces are more spaces the account can see, id to name, known only to
	// the space_id and space_name filters of the integration list; spaces
	// made through /v2/spaces (or PutSpace) are known to them too. These
	// are not served by /v2/spaces and belong to no modelled organization.
	Spaces map[string]string
	// Users are the account's users, seeded at start and served by
	// /v2/users like the users made there. An empty ID is assigned, an
	// empty Role is MEMBER, an empty Status ACTIVE; see [Server.AddUser].
	Users []User
	// ExtraPermissions are permission names the server knows beyond the
	// contract's enum ([Permissions]): an enum newer than a client's.
	ExtraPermissions []string
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

	// mu guards the store below, every family at once: a cascade (an
	// organization's delete reaches its spaces, members, integrations and
	// evaluators) is one step that no request sees half done.
	mu     sync.Mutex
	seq    uint64
	byID   map[string]*record
	byName map[string]*record
	order  []*record // creation order

	orgs         table[Organization]
	orgNames     map[string]string // name -> id; unique in the account
	spaces       table[Space]
	spaceNames   map[spaceKey]string // (organization, name) -> id
	forbidden    map[string]bool     // space ids the key may not see: ForbidSpace
	users        table[User]
	orgMembers   memberships
	spaceMembers memberships
	// Evaluators and their versions: the versions of an evaluator are
	// versionsOf[id], oldest first, each in evalVersions.
	evaluators     table[Evaluator] // Version always nil here
	evaluatorNames map[evaluatorKey]string
	evalVersions   map[string]*versionRow
	versionsOf     map[string][]string
	versionSeq     uint64
	// Users' actions, counted by user id: Invitations, PasswordResets.
	invitations map[string]int
	resets      map[string]int
	// Roles (the predefined seeded first) and role bindings.
	roles       table[Role]
	roleNames   map[string]string   // name -> id; unique in the account
	permissions map[string]struct{} // the permission names the server knows
	bindings    table[RoleBinding]
	// Projects, their restrictions (keyed by the project's id), and the
	// page sizes of the restriction list: SetRestrictionPageSizes.
	projects             table[Project]
	projectNames         map[projectKey]string
	restrictions         table[ResourceRestriction]
	restrictionPageSizes []int
	// API keys, and the hashes of their live secrets.
	apiKeys    table[APIKey]
	keySecrets map[[32]byte]keySecret

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

// New returns a Server that holds opts.Users and nothing else. It panics if
// opts.Dialect is neither empty nor one of DialectToday and
// DialectPublished, or if a user's Role is not an account role (see
// [Server.AddUser]).
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
		opts:           opts,
		byID:           map[string]*record{},
		byName:         map[string]*record{},
		orgs:           newTable[Organization](),
		orgNames:       map[string]string{},
		spaces:         newTable[Space](),
		spaceNames:     map[spaceKey]string{},
		forbidden:      map[string]bool{},
		users:          newTable[User](),
		orgMembers:     newMemberships(typeOrganizationMember),
		spaceMembers:   newMemberships(typeSpaceMember),
		evaluators:     newTable[Evaluator](),
		evaluatorNames: map[evaluatorKey]string{},
		evalVersions:   map[string]*versionRow{},
		versionsOf:     map[string][]string{},
		invitations:    map[string]int{},
		resets:         map[string]int{},
		roles:          newTable[Role](),
		roleNames:      map[string]string{},
		permissions:    map[string]struct{}{},
		bindings:       newTable[RoleBinding](),
		projects:       newTable[Project](),
		projectNames:   map[projectKey]string{},
		restrictions:   newTable[ResourceRestriction](),
		apiKeys:        newTable[APIKey](),
		keySecrets:     map[[32]byte]keySecret{},
		requests:       map[string]int{},
		answers:        map[answerKey]int{},
		respelt:        map[string]int{},
	}
	for _, p := range append(Permissions(), opts.ExtraPermissions...) {
		s.permissions[p] = struct{}{}
	}
	s.opts.ExtraPermissions = nil
	for _, r := range predefinedRoles() {
		r.IsPredefined = true
		if _, p := s.createRole(r); p != nil {
			panic("emulator: predefined role: " + p.Error())
		}
	}
	for _, u := range opts.Users {
		s.AddUser(u)
	}
	s.opts.Users = nil // the store holds them now
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
	s.count(r.Method + " " + classify(r).route)
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
	m := classify(r)
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="arize"`)
		writeProblem(w, r, problemf(http.StatusUnauthorized, CodeUnauthorized,
			"Authorization header must be \"Bearer <api key>\" with a valid API key"))
		return
	}
	if !m.known {
		writeProblem(w, r, notFound("no such endpoint"))
		return
	}
	if !s.dispatch(w, r, m) {
		allow := allowed[m.route]
		w.Header().Set("Allow", allow)
		writeProblem(w, r, problemf(http.StatusMethodNotAllowed, CodeMethodNotAllowed,
			"method %s is not allowed on %s (allowed: %s)", r.Method, m.route, allow))
	}
}

// dispatch serves a request on a known route, and reports false when the
// route has no such method.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request, m match) bool {
	switch r.Method + " " + m.route {
	case "GET " + RouteCollection:
		s.handleList(w, r)
	case "POST " + RouteCollection:
		s.handleCreate(w, r)
	case "GET " + RouteItem:
		s.handleGet(w, r, m.id)
	case "PATCH " + RouteItem:
		s.handleUpdate(w, r, m.id)
	case "DELETE " + RouteItem:
		s.handleDelete(w, r, m.id)

	case "GET " + RouteOrganizations:
		s.handleOrganizationList(w, r)
	case "POST " + RouteOrganizations:
		s.handleOrganizationCreate(w, r)
	case "GET " + RouteOrganization:
		s.handleOrganizationGet(w, r, m.id)
	case "PATCH " + RouteOrganization:
		s.handleOrganizationUpdate(w, r, m.id)
	case "DELETE " + RouteOrganization:
		s.handleOrganizationDelete(w, r, m.id)
	case "POST " + RouteOrganizationUsers:
		s.handleOrganizationUserAdd(w, r, m.id)
	case "DELETE " + RouteOrganizationUser:
		s.handleOrganizationUserRemove(w, r, m.id, m.userID)

	case "GET " + RouteSpaces:
		s.handleSpaceList(w, r)
	case "POST " + RouteSpaces:
		s.handleSpaceCreate(w, r)
	case "GET " + RouteSpace:
		s.handleSpaceGet(w, r, m.id)
	case "PATCH " + RouteSpace:
		s.handleSpaceUpdate(w, r, m.id)
	case "DELETE " + RouteSpace:
		s.handleSpaceDelete(w, r, m.id)
	case "POST " + RouteSpaceUsers:
		s.handleSpaceUserAdd(w, r, m.id)
	case "DELETE " + RouteSpaceUser:
		s.handleSpaceUserRemove(w, r, m.id, m.userID)

	case "GET " + RouteEvaluators:
		s.handleEvaluatorList(w, r)
	case "POST " + RouteEvaluators:
		s.handleEvaluatorCreate(w, r)
	case "GET " + RouteEvaluator:
		s.handleEvaluatorGet(w, r, m.id)
	case "PATCH " + RouteEvaluator:
		s.handleEvaluatorUpdate(w, r, m.id)
	case "DELETE " + RouteEvaluator:
		s.handleEvaluatorDelete(w, r, m.id)
	case "GET " + RouteEvaluatorVersions:
		s.handleEvaluatorVersionList(w, r, m.id)
	case "POST " + RouteEvaluatorVersions:
		s.handleEvaluatorVersionCreate(w, r, m.id)
	case "GET " + RouteEvaluatorVersion:
		s.handleEvaluatorVersionGet(w, r, m.id)

	case "GET " + RouteUsers:
		s.handleUserList(w, r)
	case "POST " + RouteUsers:
		s.handleUserCreate(w, r)
	case "GET " + RouteUser:
		s.handleUserGet(w, r, m.id)
	case "PATCH " + RouteUser:
		s.handleUserUpdate(w, r, m.id)
	case "DELETE " + RouteUser:
		s.handleUserDelete(w, r, m.id)
	case "POST " + RouteUserResendInvitation:
		s.handleUserResendInvitation(w, r, m.id)
	case "POST " + RouteUserResetPassword:
		s.handleUserResetPassword(w, r, m.id)

	case "GET " + RouteRoles:
		s.handleRoleList(w, r)
	case "POST " + RouteRoles:
		s.handleRoleCreate(w, r)
	case "GET " + RouteRole:
		s.handleRoleGet(w, r, m.id)
	case "PATCH " + RouteRole:
		s.handleRoleUpdate(w, r, m.id)
	case "DELETE " + RouteRole:
		s.handleRoleDelete(w, r, m.id)

	case "GET " + RouteRoleBindings:
		s.handleRoleBindingList(w, r)
	case "POST " + RouteRoleBindings:
		s.handleRoleBindingCreate(w, r)
	case "GET " + RouteRoleBinding:
		s.handleRoleBindingGet(w, r, m.id)
	case "PATCH " + RouteRoleBinding:
		s.handleRoleBindingUpdate(w, r, m.id)
	case "DELETE " + RouteRoleBinding:
		s.handleRoleBindingDelete(w, r, m.id)

	case "GET " + RouteProjects:
		s.handleProjectList(w, r)
	case "POST " + RouteProjects:
		s.handleProjectCreate(w, r)
	case "GET " + RouteProject:
		s.handleProjectGet(w, r, m.id)
	case "PATCH " + RouteProject:
		s.handleProjectUpdate(w, r, m.id)
	case "DELETE " + RouteProject:
		s.handleProjectDelete(w, r, m.id)

	case "GET " + RouteResourceRestrictions:
		s.handleRestrictionList(w, r)
	case "POST " + RouteResourceRestrictions:
		s.handleRestrictionCreate(w, r)
	case "DELETE " + RouteResourceRestriction:
		s.handleRestrictionDelete(w, r, m.id)

	case "GET " + RouteAPIKeys:
		s.handleAPIKeyList(w, r)
	case "POST " + RouteAPIKeys:
		s.handleAPIKeyCreate(w, r)
	case "POST " + RouteAPIKeyRefresh:
		s.handleAPIKeyRefresh(w, r, m.id)
	case "PUT " + RouteAPIKeyRevoke:
		s.handleAPIKeyRevoke(w, r, m.id)
	default:
		return false
	}
	return true
}

// match is a request path classified: its counter route and the unescaped
// ids it names.
type match struct {
	route  string
	id     string // {id}
	userID string // {user_id}
	known  bool
}

// classify maps a request path to its counter route and the unescaped ids.
// It works on the escaped path so an id containing an escaped '/' stays one
// segment; an empty segment or one that does not unescape matches no route.
// Unknown paths are counted under themselves.
func classify(r *http.Request) match {
	segments := strings.Split(r.URL.EscapedPath(), "/")
	for _, pattern := range routePatterns {
		if m, ok := matchRoute(pattern, segments); ok {
			return m
		}
	}
	return match{route: r.URL.Path}
}

// matchRoute matches path segments against one route's.
func matchRoute(pattern, segments []string) (match, bool) {
	if len(pattern) != len(segments) {
		return match{}, false
	}
	m := match{route: strings.Join(pattern, "/"), known: true}
	for i, p := range pattern {
		if !strings.HasPrefix(p, "{") {
			if segments[i] != p {
				return match{}, false
			}
			continue
		}
		id, err := url.PathUnescape(segments[i])
		if err != nil || segments[i] == "" {
			return match{}, false
		}
		if p == "{user_id}" {
			m.userID = id
		} else {
			m.id = id
		}
	}
	return m, true
}

// authorized compares the bearer key in constant time with the server's,
// or finds it among the live keys the server minted (by its hash, so the
// look-up reveals nothing of them). The "Bearer " prefix is required, as
// Arize's gateway requires it.
func (s *Server) authorized(r *http.Request) bool {
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || key == "" || s.opts.APIKey == "" {
		return false
	}
	if subtle.ConstantTimeCompare([]byte(key), []byte(s.opts.APIKey)) == 1 {
		return true
	}
	return s.useMintedKey(key)
}
