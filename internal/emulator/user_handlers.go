package emulator

import (
	"crypto/rand"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// userJSON is the User object of every success answer but a 201.
type userJSON struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Email       string   `json:"email"`
	CreatedAt   string   `json:"created_at"`
	Status      string   `json:"status"`
	Role        roleJSON `json:"role"`
	IsDeveloper bool     `json:"is_developer"`
}

// createUserJSON is the CreateUserResponse of a 201: the user, the mode it
// was invited with, and the temporary password, "returned once", with
// TEMPORARY_PASSWORD only.
type createUserJSON struct {
	userJSON
	InviteMode        string `json:"invite_mode"`
	TemporaryPassword string `json:"temporary_password,omitempty"`
}

// userListJSON is the body of GET /v2/users.
type userListJSON struct {
	Users      []userJSON     `json:"users"`
	Pagination paginationJSON `json:"pagination"`
}

func (s *Server) userToJSON(u User) userJSON {
	dev := developerDefault(u.Role)
	if u.IsDeveloper != nil {
		dev = *u.IsDeveloper
	}
	return userJSON{
		ID: u.ID, Name: u.Name, Email: u.Email, CreatedAt: formatTime(u.CreatedAt),
		Status:      s.opts.Dialect.spell(u.Status),
		Role:        s.roleToJSON(MemberRole{Type: rolePredefined, Name: u.Role}),
		IsDeveloper: dev,
	}
}

// userListStatuses are the statuses listed when no status filter is given
// ("When omitted, ACTIVE, INVITED, and EXPIRED users are returned").
var userListStatuses = []string{userActive, userInvited, userExpired}

// handleUserList is GET /v2/users: email is a case-insensitive substring of
// at most 255 characters, status a repeatable filter in the server's
// spelling (an unknown value is a 400); creation order.
func (s *Server) handleUserList(w http.ResponseWriter, r *http.Request) {
	statusValues := r.URL.Query()["status"]
	values, q, p := parseScopedPageQuery(r, []string{"email", "status"}, "status="+strings.Join(statusValues, ","))
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	email := values.Get("email")
	if utf8.RuneCountInString(email) > maxNameChars {
		writeProblem(w, r, badRequest("email must be at most %d characters", maxNameChars))
		return
	}
	email = strings.ToLower(email)
	statuses := userListStatuses
	if len(statusValues) > 0 {
		statuses = nil
		for _, v := range statusValues {
			st, ok := s.opts.Dialect.decodeEnum(enumUserStatus, v)
			if !ok {
				writeProblem(w, r, badRequest("status must be one of %s", s.opts.Dialect.oneOf(enumUserStatus)))
				return
			}
			statuses = append(statuses, st)
		}
	}
	s.mu.Lock()
	items, last, more := s.users.page(q.after, q.limit, func(u *User) bool {
		return slices.Contains(statuses, u.Status) && containsFold(u.Email, email)
	})
	s.mu.Unlock()
	out := userListJSON{Users: make([]userJSON, 0, len(items))}
	for _, u := range items {
		out.Users = append(out.Users, s.userToJSON(u))
	}
	if more {
		out.Pagination = paginationJSON{HasMore: true, NextCursor: encodeCursor(q, last)}
	}
	writeJSON(w, http.StatusOK, out)
}

// handleUserCreate is POST /v2/users: 201 with a new user, or 200 with a
// pending invitation adopted as it is; 409 for an email that is active or
// was deleted.
func (s *Server) handleUserCreate(w http.ResponseWriter, r *http.Request) {
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	b, p := decodeUser(fields, s.opts.Dialect, true)
	if p != nil {
		s.noteRefusal(http.MethodPost, RouteUsers, p)
		writeProblem(w, r, p)
		return
	}
	u, created, p := s.createUser(b)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	if !created {
		writeJSON(w, http.StatusOK, s.userToJSON(u))
		return
	}
	out := createUserJSON{userJSON: s.userToJSON(u), InviteMode: b.inviteMode}
	if b.inviteMode == inviteTemporaryPassword {
		out.TemporaryPassword = temporaryPassword()
	}
	w.Header().Set("Location", RouteUsers+"/"+url.PathEscape(u.ID))
	writeJSON(w, http.StatusCreated, out)
}

// createUser applies the email idempotency rules of the contract: no user or
// an EXPIRED one, a new invitation (201; an expired user is invited again in
// place, keeping its id); INVITED, that invitation as it is, not re-sent
// (200, whatever the mode); ACTIVE or deleted, 409.
func (s *Server) createUser(b userBody) (User, bool, *Problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := User{Email: b.email, Name: *b.name, Role: b.role.Name, InviteMode: b.inviteMode}
	if old, ok := s.userByEmailLocked(b.email); ok {
		switch old.Status {
		case userInvited:
			return old.clone(), false, nil
		case userActive:
			return User{}, false, conflict("email: %q is already an active user of the account", b.email)
		case userInactive:
			return User{}, false, conflict("email: %q belongs to a deleted user and cannot be re-invited", b.email)
		}
		u.ID = old.ID // EXPIRED: invited again
	}
	u.Status = userInvited
	if b.inviteMode == inviteNone {
		u.Status = userActive // "The user is immediately active"
	}
	dev := developerDefault(u.Role)
	if b.isDeveloper != nil {
		dev = *b.isDeveloper
	}
	u.IsDeveloper = &dev
	u.CreatedAt = s.now()
	return s.storeUserLocked(u).clone(), true, nil
}

// temporaryPassword makes the one-time password of a TEMPORARY_PASSWORD
// invitation: 20 characters, never stored.
func temporaryPassword() string {
	const letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+"
	b := make([]byte, 20)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = letters[int(b[i])%len(letters)]
	}
	return string(b)
}

func (s *Server) getLiveUser(id string) (User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.liveUserLocked(id)
}

// handleUserGet is GET /v2/users/{id}; a deleted user is a 404.
func (s *Server) handleUserGet(w http.ResponseWriter, r *http.Request, id string) {
	u, ok := s.getLiveUser(id)
	if !ok {
		writeProblem(w, r, userNotFound(id))
		return
	}
	writeJSON(w, http.StatusOK, s.userToJSON(u))
}

// handleUserUpdate is PATCH /v2/users/{id}: name and is_developer only, at
// least one. An unknown or deleted id is a 404 before the body is looked at.
func (s *Server) handleUserUpdate(w http.ResponseWriter, r *http.Request, id string) {
	if _, ok := s.getLiveUser(id); !ok {
		writeProblem(w, r, userNotFound(id))
		return
	}
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	if len(fields) == 0 {
		writeProblem(w, r, badRequest("request body must set at least one field"))
		return
	}
	b, p := decodeUser(fields, s.opts.Dialect, false)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	s.mu.Lock()
	u, ok := s.liveUserLocked(id)
	if ok {
		if b.name != nil {
			u.Name = *b.name
		}
		if b.isDeveloper != nil {
			v := *b.isDeveloper
			u.IsDeveloper = &v
		}
		s.users.set(id, u)
	}
	s.mu.Unlock()
	if !ok {
		writeProblem(w, r, userNotFound(id))
		return
	}
	writeJSON(w, http.StatusOK, s.userToJSON(u))
}

// handleUserDelete is DELETE /v2/users/{id}: 204, the user blocked for ever;
// again on a deleted user, 204 too ("blocking an already-inactive user
// returns 204"). The key's own user (Options.UserID) cannot be deleted: 400.
func (s *Server) handleUserDelete(w http.ResponseWriter, r *http.Request, id string) {
	if id == s.opts.UserID {
		writeProblem(w, r, badRequest("callers cannot delete themselves"))
		return
	}
	s.mu.Lock()
	_, ok := s.users.get(id)
	if ok {
		s.blockUserLocked(id)
	}
	s.mu.Unlock()
	if !ok {
		writeProblem(w, r, userNotFound(id))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// blockUserLocked is the delete of a user: status INACTIVE for ever, and the
// cascade the contract names: organization and space memberships and role
// bindings. The user's API keys are kept as they are: the contract does not
// name them.
func (s *Server) blockUserLocked(id string) {
	u, ok := s.users.get(id)
	if !ok {
		return
	}
	u.Status = userInactive
	s.users.set(id, u)
	s.orgMembers.dropUser(id)
	s.spaceMembers.dropUser(id)
	s.removeBindingsLocked(func(b *RoleBinding) bool { return b.UserID == id })
}

// dropUser ends every membership userID has.
func (m *memberships) dropUser(userID string) {
	for _, members := range m.by {
		delete(members, userID)
	}
}

// handleUserResendInvitation is POST /v2/users/{id}/resend-invitation: 204
// for an INVITED or EXPIRED user (an expired one is INVITED again), 400 for
// one already verified (ACTIVE). The body is ignored.
func (s *Server) handleUserResendInvitation(w http.ResponseWriter, r *http.Request, id string) {
	s.mu.Lock()
	u, ok := s.liveUserLocked(id)
	var p *Problem
	switch {
	case !ok:
		p = userNotFound(id)
	case u.Status == userActive:
		p = badRequest("user %q has already accepted the invitation", id)
	default:
		u.Status = userInvited
		s.users.set(id, u)
		s.invitations[id]++
	}
	s.mu.Unlock()
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleUserResetPassword is POST /v2/users/{id}/reset-password: 204 for an
// ACTIVE password user, 400 for one not verified yet or made with invite
// mode NONE (SSO). The body is ignored.
func (s *Server) handleUserResetPassword(w http.ResponseWriter, r *http.Request, id string) {
	s.mu.Lock()
	u, ok := s.liveUserLocked(id)
	var p *Problem
	switch {
	case !ok:
		p = userNotFound(id)
	case u.Status != userActive:
		p = badRequest("user %q has not verified their account", id)
	case u.InviteMode == inviteNone:
		p = badRequest("user %q signs in through SSO and has no password", id)
	default:
		s.resets[id]++
	}
	s.mu.Unlock()
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Invitations returns how many times resend-invitation succeeded for a user
// (its creation's invitation not counted).
func (s *Server) Invitations(id string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.invitations[id]
}

// PasswordResets returns how many times reset-password succeeded for a user.
func (s *Server) PasswordResets(id string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resets[id]
}
