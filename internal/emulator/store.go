package emulator

import (
	"encoding/base64"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// record is a stored integration with its creation sequence number. The
// sequence orders the list and anchors cursors, so pages stay stable while
// other integrations are created or deleted.
type record struct {
	seq uint64
	in  Integration
}

// idLetters are the characters of the random suffix of an id.
const idLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

// Type names of the relay ids, as Arize's examples show them.
const (
	typeIntegration        = "LlmIntegration"
	typeOrganization       = "Organization"
	typeSpace              = "Space"
	typeUser               = "User"
	typeOrganizationMember = "AccountOrganizationMember"
	typeSpaceMember        = "SpaceMember"
	typeEvaluator          = "Evaluator"
	typeEvaluatorVersion   = "EvaluatorVersion"
	typeRole               = "Role"
	typeRoleBinding        = "RoleBinding"
)

// newID builds a relay-style global id, base64("<type>:<n>:<abcd>"), the
// shape Arize uses (base64("LlmIntegration:12:aBcD") for an integration).
// The ASCII of that text never encodes to '/' or '+', but callers still
// escape ids in paths as they would for the real API.
func newID(typeName string, n uint64) string {
	suffix := make([]byte, 4)
	for i := range suffix {
		suffix[i] = idLetters[rand.IntN(len(idLetters))]
	}
	raw := typeName + ":" + strconv.FormatUint(n, 10) + ":" + string(suffix)
	return base64.StdEncoding.EncodeToString([]byte(raw))
}

// now reads the clock at the millisecond resolution the API reports, so a
// stored time and its rendering always agree.
func (s *Server) now() time.Time {
	return s.opts.Now().UTC().Truncate(time.Millisecond)
}

// create validates in and stores it with a fresh id and timestamps.
func (s *Server) create(in Integration) (Integration, *Problem) {
	in = in.clone()
	in.normalize()
	if p := validate(&in, s.opts.Dialect); p != nil {
		return Integration{}, p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, taken := s.byName[in.Name]; taken {
		return Integration{}, nameConflict(in.Name)
	}
	s.seq++
	in.ID = newID(typeIntegration, s.seq)
	in.CreatedAt = s.now()
	in.UpdatedAt = in.CreatedAt
	if in.CreatedByUserID == "" {
		in.CreatedByUserID = s.opts.UserID
	}
	rec := &record{seq: s.seq, in: in}
	s.byID[in.ID] = rec
	s.byName[in.Name] = rec
	s.order = append(s.order, rec)
	return in.clone(), nil
}

// update applies change to a copy of the stored integration and commits it
// only if the result passes the create rules and keeps the name unique: a
// failed update changes nothing. It runs under the lock so concurrent PATCHes
// of one integration never lose each other's changes.
func (s *Server) update(id string, change func(*Integration) *Problem) (Integration, *Problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.byID[id]
	if !ok {
		return Integration{}, integrationNotFound(id)
	}
	next := rec.in.clone()
	if p := change(&next); p != nil {
		return Integration{}, p
	}
	next.normalize()
	if p := validate(&next, s.opts.Dialect); p != nil {
		return Integration{}, p
	}
	if other, taken := s.byName[next.Name]; taken && other != rec {
		return Integration{}, nameConflict(next.Name)
	}
	// updated_at moves forward on every successful update, even when the
	// clock has not (a frozen test clock, or two updates in one millisecond).
	next.UpdatedAt = s.now()
	if !next.UpdatedAt.After(rec.in.UpdatedAt) {
		next.UpdatedAt = rec.in.UpdatedAt.Add(time.Millisecond)
	}
	delete(s.byName, rec.in.Name)
	s.byName[next.Name] = rec
	rec.in = next
	return next.clone(), nil
}

// get returns a copy of the integration with this id.
func (s *Server) get(id string) (Integration, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.byID[id]
	if !ok {
		return Integration{}, false
	}
	return rec.in.clone(), true
}

// remove deletes the integration with this id and reports whether it existed.
func (s *Server) remove(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.byID[id]
	if !ok {
		return false
	}
	delete(s.byID, id)
	delete(s.byName, rec.in.Name)
	for i, r := range s.order {
		if r == rec {
			s.order = append(s.order[:i], s.order[i+1:]...)
			break
		}
	}
	return true
}

// page returns up to limit integrations created after sequence number after
// that satisfy match, in creation order, with the sequence number of the last
// one returned and whether more matches follow.
func (s *Server) page(after uint64, limit int, match func(*Integration) bool) (items []Integration, last uint64, more bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, rec := range s.order {
		if rec.seq <= after || !match(&rec.in) {
			continue
		}
		if len(items) == limit {
			return items, last, true
		}
		items = append(items, rec.in.clone())
		last = rec.seq
	}
	return items, last, false
}

func integrationNotFound(id string) *Problem {
	return notFound("ai integration %q not found", id)
}

// nameConflict does not reveal the id holding the name: the real API is not
// known to, and the provider must not rely on it.
func nameConflict(name string) *Problem {
	return problemf(http.StatusConflict, CodeNameConflict,
		"name: an AI integration named %q already exists in the account", name)
}

// Get returns a copy of the stored integration, api_key included. It bypasses
// HTTP and is not counted. Provider, AuthType and ProviderMetadata.Kind are
// in today's spelling ("OPEN_AI", "DEFAULT", "AWS") whatever the server's
// dialect: the store holds that spelling and only HTTP answers translate it.
func (s *Server) Get(id string) (Integration, bool) { return s.get(id) }

// List returns copies of all stored integrations in creation order, in
// today's spelling as [Server.Get] does.
func (s *Server) List() []Integration {
	items, _, _ := s.page(0, -1, func(*Integration) bool { return true })
	if items == nil {
		items = []Integration{}
	}
	return items
}

// Len returns the number of stored integrations.
func (s *Server) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.order)
}

// Remove deletes an integration as if someone had done it outside Terraform,
// and reports whether it existed.
func (s *Server) Remove(id string) bool { return s.remove(id) }

// Put stores a new integration directly, with the validation of POST. The
// server assigns ID, CreatedAt and UpdatedAt (values in `in` are ignored),
// CreatedByUserID defaults to the server's user and AuthType to the default.
// Unlike POST, FunctionCallingEnabled is taken as given (Go cannot tell an
// omitted bool from false). The error is a *Problem with the status the HTTP
// call would have answered.
//
// Whatever the server's dialect, Provider and AuthType may be given in
// either spelling ("OPEN_AI" or "openAI", "DEFAULT" or "default"; see
// [Canonical]), and ProviderMetadata.Kind may be left empty, as the
// published spelling has no kind: it is then inferred from the members set
// (RoleARN or ExternalID: AWS; ProjectID, Location or ProjectAccessLabel:
// GCP). The integration is stored, and returned, in today's spelling.
func (s *Server) Put(in Integration) (Integration, error) {
	in = in.clone() // the kind is filled in below, never in the caller's metadata
	in.Provider = Canonical(in.Provider)
	in.AuthType = Canonical(in.AuthType)
	if in.AuthType == "" {
		in.AuthType = authDefault
	}
	if m := in.ProviderMetadata; m != nil && m.Kind == "" {
		m.Kind = inferKind(m)
	}
	out, p := s.create(in)
	if p != nil {
		return Integration{}, p
	}
	return out, nil
}
