package emulator

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The user statuses, in today's spelling. ACTIVE, INVITED and EXPIRED are the
// API's UserStatus; INACTIVE is the contract's "inactive", a deleted user
// blocked for ever, which the API never shows (a GET answers 404, lists
// leave it out) and whose email cannot be invited again.
const (
	userActive   = "ACTIVE"
	userInvited  = "INVITED"
	userExpired  = "EXPIRED"
	userInactive = "INACTIVE"
)

// The invitation modes of POST /v2/users.
const (
	inviteNone              = "NONE"
	inviteEmailLink         = "EMAIL_LINK"
	inviteTemporaryPassword = "TEMPORARY_PASSWORD"
)

// User is a user of the account: seeded (Options.Users), added by tests
// (AddUser, PutUser) or made through POST /v2/users. Role is the account
// role in today's spelling: "ADMIN", "MEMBER" or "ANNOTATOR" ("READ_ONLY"
// too for a seeded user, though the users API cannot make one). A user
// whose account role is ANNOTATOR can only be given the ANNOTATOR role in an
// organization or a space, and only such a user can be given it.
//
// Status is "ACTIVE" (the default when seeded), "INVITED", "EXPIRED", or
// "INACTIVE" for a deleted user: blocked for ever, invisible to the API.
// IsDeveloper nil takes the role's default (true for ADMIN and MEMBER,
// false otherwise). InviteMode is the mode the user was created with
// ("NONE", "EMAIL_LINK", "TEMPORARY_PASSWORD"; "" when seeded, which
// counts as a password user). CreatedAt zero is the time the user is
// stored.
type User struct {
	ID          string
	Email       string
	Name        string
	Role        string
	Status      string
	IsDeveloper *bool
	InviteMode  string
	CreatedAt   time.Time
}

// developerDefault is is_developer when not given ("Defaults to true for
// ADMIN and MEMBER roles, and false for ANNOTATOR").
func developerDefault(role string) bool { return role == roleAdmin || role == roleMember }

// clone copies the user so no caller shares IsDeveloper with the store.
func (u User) clone() User {
	if u.IsDeveloper != nil {
		v := *u.IsDeveloper
		u.IsDeveloper = &v
	}
	return u
}

// normalizeUser brings a user given to a hook into the stored form, or
// reports what is wrong with it.
func (s *Server) normalizeUser(u User) (User, error) {
	role := Canonical(u.Role)
	if role == "" {
		role = roleMember
	}
	if !slices.Contains(spellings[DialectToday].roleNames, role) {
		return User{}, fmt.Errorf("emulator: user %q: Role %q is not one of %s", u.Email, u.Role, DialectToday.oneOf("role.name"))
	}
	u.Role = role
	u.Status = Canonical(u.Status)
	if u.Status == "" {
		u.Status = userActive
	}
	if !slices.Contains([]string{userActive, userInvited, userExpired, userInactive}, u.Status) {
		return User{}, fmt.Errorf("emulator: user %q: Status %q is not ACTIVE, INVITED, EXPIRED or INACTIVE", u.Email, u.Status)
	}
	if u.IsDeveloper == nil {
		v := developerDefault(role)
		u.IsDeveloper = &v
	}
	u = u.clone()
	if u.CreatedAt.IsZero() {
		u.CreatedAt = s.now()
	}
	return u, nil
}

// AddUser stores u as a user of the account and returns it as stored. An
// empty ID is assigned, base64("User:<n>:<abcd>"); an ID already stored
// replaces that user, memberships kept. Role may be given in either
// dialect's spelling ("READ_ONLY" or "read-only") and defaults to MEMBER;
// any other value panics, as a mistake in the test, and so does a Status
// outside the four. Emails are not checked for uniqueness (PutUser checks
// them). It bypasses HTTP and is not counted.
func (s *Server) AddUser(u User) User {
	u, err := s.normalizeUser(u)
	if err != nil {
		panic(err.Error())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.storeUserLocked(u).clone()
}

// storeUserLocked stores a normalised user, replacing one of the same ID.
func (s *Server) storeUserLocked(u User) User {
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

// PutUser is AddUser returning an error instead of panicking, and refusing
// (409) an email, compared case aside, that another user holds, blocked
// users included. Use it to make a user appear, change status (an
// invitation accepted or expired) or change as if done outside Terraform.
// The error is a *Problem for a conflict, a plain error for a bad value.
func (s *Server) PutUser(u User) (User, error) {
	u, err := s.normalizeUser(u)
	if err != nil {
		return User{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if other, ok := s.userByEmailLocked(u.Email); ok && other.ID != u.ID {
		return User{}, conflict("email: %q is held by user %q", u.Email, other.ID)
	}
	return s.storeUserLocked(u).clone(), nil
}

func (s *Server) hasUserLocked(id string) bool {
	_, ok := s.users.get(id)
	return ok
}

// liveUserLocked returns the user with this id unless it does not exist or
// was deleted (blocked): what memberships, bindings and the API can name.
func (s *Server) liveUserLocked(id string) (User, bool) {
	u, ok := s.users.get(id)
	if !ok || u.Status == userInactive {
		return User{}, false
	}
	return u, true
}

// userByEmailLocked finds a user, blocked ones included, by email compared
// case aside (the create's idempotency key).
func (s *Server) userByEmailLocked(email string) (User, bool) {
	for _, r := range s.users.order {
		if strings.EqualFold(r.v.Email, email) {
			return r.v, true
		}
	}
	return User{}, false
}

// User returns the stored user with this id, a deleted (INACTIVE) one too.
func (s *Server) User(id string) (User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users.get(id)
	return u.clone(), ok
}

// Users returns the stored users in the order they were added, deleted
// (INACTIVE) ones included.
func (s *Server) Users() []User {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.users.all()
	for i := range out {
		out[i] = out[i].clone()
	}
	return out
}

// RemoveUser deletes a user as if done outside Terraform, with the cascade
// of DELETE /v2/users/{id} (the user is blocked for ever and leaves every
// organization, space and role binding), and reports whether a live user
// had this id.
func (s *Server) RemoveUser(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.liveUserLocked(id); !ok {
		return false
	}
	s.blockUserLocked(id)
	return true
}

func userNotFound(id string) *Problem {
	return notFound("user %q not found", id)
}
