package emulator

import (
	"fmt"
	"slices"
)

// User is a user of the account, as far as memberships need one: the users
// API itself is not emulated yet, so users are seeded (Options.Users) or
// added by tests (AddUser). Role is the account role in today's spelling:
// "ADMIN", "MEMBER", "READ_ONLY" or "ANNOTATOR". A user whose account role
// is ANNOTATOR can only be given the ANNOTATOR role in an organization or a
// space, and only such a user can be given it.
type User struct {
	ID    string
	Email string
	Name  string
	Role  string
}

// AddUser stores u as a user of the account and returns it as stored. An
// empty ID is assigned, base64("User:<n>:<abcd>"); an ID already stored
// replaces that user, memberships kept. Role may be given in either
// dialect's spelling ("READ_ONLY" or "read-only") and defaults to MEMBER;
// any other value panics, as a mistake in the test. It bypasses HTTP and is
// not counted.
func (s *Server) AddUser(u User) User {
	role := Canonical(u.Role)
	if role == "" {
		role = roleMember
	}
	if !slices.Contains(spellings[DialectToday].roleNames, role) {
		panic(fmt.Sprintf("emulator: user %q: Role %q is not one of %s", u.Email, u.Role, DialectToday.oneOf("role.name")))
	}
	u.Role = role
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hasUserLocked(u.ID) {
		s.users.set(u.ID, u)
		return u
	}
	seq := s.users.next()
	for u.ID == "" || s.hasUserLocked(u.ID) {
		u.ID = newID(typeUser, seq) // a seeded id may hold this number already
	}
	s.users.add(seq, u.ID, u)
	return u
}

func (s *Server) hasUserLocked(id string) bool {
	_, ok := s.users.get(id)
	return ok
}

// User returns the stored user with this id.
func (s *Server) User(id string) (User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.users.get(id)
}

// Users returns the stored users in the order they were added.
func (s *Server) Users() []User {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.users.all()
}

func userNotFound(id string) *Problem {
	return notFound("user %q not found", id)
}
