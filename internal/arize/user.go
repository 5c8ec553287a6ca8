package arize

import (
	"errors"
	"strings"
)

// The account user as the API answers it, the bodies that write one, and
// the values its enums take.

// UserStatus is where a user stands in the account. It changes by itself:
// an invitation is accepted (INVITED to ACTIVE) or runs out (INVITED to
// EXPIRED).
type UserStatus string

// The statuses the API lists, in today's spelling.
const (
	UserActive  UserStatus = "ACTIVE"
	UserInvited UserStatus = "INVITED"
	UserExpired UserStatus = "EXPIRED"
)

// userStatusSpellings are the statuses in both spellings: lower case before
// July 2026 (Python SDK CHANGELOG 8.40.0).
var userStatusSpellings = newSpellings(
	[2]UserStatus{UserActive, "active"},
	[2]UserStatus{UserInvited, "invited"},
	[2]UserStatus{UserExpired, "expired"},
)

// UserStatuses lists every UserStatus in today's spelling.
func UserStatuses() []UserStatus {
	return append([]UserStatus(nil), userStatusSpellings.today...)
}

// Canonical is s in today's spelling (s itself when unknown).
func (s UserStatus) Canonical() UserStatus { return userStatusSpellings.canon(s) }

// Known reports whether s is one of the statuses the API lists, in either
// spelling. A deleted user is "inactive", blocked for ever, which the API's
// UserStatus lacks: no source says whether a GET answers it or a 404, so a
// caller treats any status it does not know as a user that is gone.
func (s UserStatus) Known() bool {
	_, ok := userStatusSpellings.canonical[s]
	return ok
}

// InviteMode is how POST /v2/users brings a new user in. It exists only in
// the create: no answer but the 201 carries it.
type InviteMode string

// The invitation modes. The API gives them in one spelling only.
const (
	// InviteNone adds the user with no invitation, for accounts that sign
	// in through SSO: the user is ACTIVE at once.
	InviteNone InviteMode = "NONE"
	// InviteEmailLink invites the user with a verification email.
	InviteEmailLink InviteMode = "EMAIL_LINK"
	// InviteTemporaryPassword invites the user with a temporary password,
	// which the 201 answers once and nothing answers again.
	InviteTemporaryPassword InviteMode = "TEMPORARY_PASSWORD"
)

// InviteModes lists every InviteMode.
func InviteModes() []InviteMode {
	return []InviteMode{InviteNone, InviteEmailLink, InviteTemporaryPassword}
}

// AccountRoles are the predefined roles a user can hold in the account, in
// today's spelling: READ_ONLY is an organization and space role only.
func AccountRoles() []PredefinedRole { return []PredefinedRole{RoleAdmin, RoleMember, RoleAnnotator} }

// User is a user of the account. The client answers it in today's
// spelling, whatever the server's: Status and Role are canonicalised as
// they are read (the server's spelling is learnt from them first).
type User struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Email     string     `json:"email"`
	CreatedAt string     `json:"created_at"`
	Status    UserStatus `json:"status"`
	// Role is the account role: a predefined one today (CUSTOM account
	// roles are "reserved for future use").
	Role RoleAssignment `json:"role"`
	// IsDeveloper: the user may use the Arize API (create API keys).
	IsDeveloper bool `json:"is_developer"`
}

// canonical puts u's enums in today's spelling.
func (u *User) canonical() {
	u.Status = u.Status.Canonical()
	u.Role.Type = roleAssignmentTypeSpellings.canon(u.Role.Type)
	u.Role.Name = u.Role.Name.Canonical()
}

// UserCreateRequest is what POST /v2/users is asked to make. Role is a
// predefined account role, in either spelling: it goes out in the server's.
// IsDeveloper nil leaves the API's default, true for ADMIN and MEMBER and
// false for ANNOTATOR.
type UserCreateRequest struct {
	Name        string
	Email       string
	Role        PredefinedRole
	InviteMode  InviteMode
	IsDeveloper *bool
}

// userCreateBody is the wire form of a UserCreateRequest: the role is an
// object, as the API's schema has it (its prose says a string).
type userCreateBody struct {
	Name        string         `json:"name"`
	Email       string         `json:"email"`
	Role        RoleAssignment `json:"role"`
	InviteMode  InviteMode     `json:"invite_mode"`
	IsDeveloper *bool          `json:"is_developer,omitempty"`
}

// in is the body spelt as sp writes it.
func (in UserCreateRequest) in(sp Spelling) userCreateBody {
	return userCreateBody{
		Name: in.Name, Email: in.Email, Role: Predefined(in.Role).in(sp),
		InviteMode: in.InviteMode, IsDeveloper: in.IsDeveloper,
	}
}

// madeAs reports whether got, found by its email after a create of unknown
// outcome, is what creating in makes: the same name as the server keeps it
// (trimmed) and the same role. is_developer is not compared: a pending
// invitation adopted keeps its own, and so would the create's 200.
func (in UserCreateRequest) madeAs(got *User) bool {
	return got.Name == strings.TrimSpace(in.Name) &&
		roleAssignmentTypeSpellings.canon(got.Role.Type) == RoleAssignmentPredefined &&
		got.Role.Name.Canonical() == in.Role.Canonical()
}

// UserCreateOutcome says what POST /v2/users did.
type UserCreateOutcome uint8

const (
	// UserCreatedNew: the API made a new user (201), or invited an expired
	// one again.
	UserCreatedNew UserCreateOutcome = iota + 1
	// UserAdoptedInvitation: the email had a pending invitation, which the
	// API answered as it is (200): not sent again, its name and role kept,
	// the body's ignored.
	UserAdoptedInvitation
	// UserRecovered: the create's answer was lost, and the user was found
	// by its email, made as asked. Whether this create made it or adopted a
	// pending invitation is unknown, and a temporary password is lost.
	UserRecovered
)

func (o UserCreateOutcome) String() string {
	switch o {
	case UserCreatedNew:
		return "created"
	case UserAdoptedInvitation:
		return "adopted a pending invitation"
	case UserRecovered:
		return "recovered after a lost answer"
	}
	return "unknown"
}

// UserCreated is what CreateUser did and the user it left.
type UserCreated struct {
	User    User
	Outcome UserCreateOutcome
	// InviteMode is the mode the 201 answered; "" otherwise.
	InviteMode InviteMode
	// TemporaryPassword is the one-time password of a TEMPORARY_PASSWORD
	// invitation, from the 201 only: Arize answers it once, never again.
	// It is a secret: never log it or put it in an error.
	TemporaryPassword string
}

// createUserAnswer decodes either success answer of POST /v2/users: a 201's
// CreateUserResponse (the user, invite_mode and maybe temporary_password)
// or a 200's plain User.
type createUserAnswer struct {
	User
	InviteMode        InviteMode `json:"invite_mode"`
	TemporaryPassword string     `json:"temporary_password"`
}

// UserUpdateRequest is the body of PATCH /v2/users/{id}: only the fields
// that are set are sent. Neither can be cleared, and the role and the
// email cannot change at all.
type UserUpdateRequest struct {
	Name        Field[string] `json:"name,omitzero"`
	IsDeveloper Field[bool]   `json:"is_developer,omitzero"`
}

// IsEmpty reports whether the request would send no field.
func (u UserUpdateRequest) IsEmpty() bool { return u.Name.IsZero() && u.IsDeveloper.IsZero() }

// EmailConflict is why POST /v2/users answered 409, as far as its answer
// says.
type EmailConflict uint8

const (
	// EmailConflictUnknown: the answer does not say; look the email up (a
	// live user found is active, none is blocked).
	EmailConflictUnknown EmailConflict = iota
	// EmailActive: the email is an active user of the account.
	EmailActive
	// EmailBlocked: the email belongs to a deleted user, blocked for ever,
	// who cannot be invited again.
	EmailBlocked
)

// UserEmailConflict reads a create's 409 (the API's detail: "already an
// active user", or "belongs to a deleted user and cannot be re-invited").
// Any other error, or a detail that names neither, is EmailConflictUnknown.
func UserEmailConflict(err error) EmailConflict {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || !IsConflict(err) {
		return EmailConflictUnknown
	}
	detail := strings.ToLower(apiErr.Detail + " " + apiErr.Title)
	switch {
	case strings.Contains(detail, "re-invite") || strings.Contains(detail, "reinvite") ||
		strings.Contains(detail, "deleted") || strings.Contains(detail, "inactive") || strings.Contains(detail, "blocked"):
		return EmailBlocked
	case strings.Contains(detail, "active"):
		return EmailActive
	}
	return EmailConflictUnknown
}
