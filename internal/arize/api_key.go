package arize

import (
	"encoding/json"
	"strings"
	"time"
)

// The API key as the API answers it, its secret, the bodies that create and
// refresh one, and the values its enums take. A key cannot be read alone
// (there is no GET of one), changed (no PATCH) or deleted (it is revoked):
// see api_keys.go.

// APIKeyType is whom a key authenticates as: USER, the user who made it,
// with that user's permissions; SERVICE, a service account made with the
// key, with the roles its create gave it.
type APIKeyType string

// The key types, in today's spelling.
const (
	APIKeyUser    APIKeyType = "USER"
	APIKeyService APIKeyType = "SERVICE"
)

// APIKeyStatus is whether a key still authenticates. There is no EXPIRED: a
// key past its expires_at stays ACTIVE in the list, and only its expiry
// says it is gone (see APIKey.ExpiredAt).
type APIKeyStatus string

// The statuses the API lists, in today's spelling.
const (
	APIKeyActive  APIKeyStatus = "ACTIVE"
	APIKeyRevoked APIKeyStatus = "REVOKED"
)

// The key enums in both spellings: lower case before July 2026 (Python SDK
// CHANGELOG 8.40.0).
var (
	apiKeyTypeSpellings = newSpellings(
		[2]APIKeyType{APIKeyUser, "user"},
		[2]APIKeyType{APIKeyService, "service"},
	)
	apiKeyStatusSpellings = newSpellings(
		[2]APIKeyStatus{APIKeyActive, "active"},
		[2]APIKeyStatus{APIKeyRevoked, "revoked"},
	)
)

// apiKeyStatusDeleted is what a revoked key's status was until June 2026,
// when revoke replaced DELETE (CONTRACT.md): read as revoked in any case.
const apiKeyStatusDeleted = "deleted"

// Canonical is t in today's spelling (t itself when unknown).
func (t APIKeyType) Canonical() APIKeyType { return apiKeyTypeSpellings.canon(t) }

// Canonical is s in today's spelling (s itself when unknown); the older
// "deleted" is REVOKED.
func (s APIKeyStatus) Canonical() APIKeyStatus {
	if strings.EqualFold(string(s), apiKeyStatusDeleted) {
		return APIKeyRevoked
	}
	return apiKeyStatusSpellings.canon(s)
}

// Secret is an API key's secret, the bearer token itself. Arize answers it
// once, in the create or the refresh that made it, and never again. It
// prints and encodes as "***", so that a log or an error that formats a
// value holding it shows no secret; Reveal is the one way to read it.
type Secret string

// Reveal returns the secret itself: for state, never for a log.
func (s Secret) Reveal() string { return string(s) }

// String masks the secret ("" stays "", so that its absence shows).
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return masked
}

// GoString masks the secret under %#v too.
func (s Secret) GoString() string { return `"` + s.String() + `"` }

// MarshalJSON masks the secret: no body the client sends carries one.
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// APIKey is a key as the list answers it, without its secret. The client
// answers KeyType and Status in today's spelling, whatever the server's.
// Description, ExpiresAt and LastUsedAt are "" when unset; ExpiresAt ""
// never expires.
type APIKey struct {
	ID              string       `json:"id"`
	Name            string       `json:"name"`
	Description     string       `json:"description"`
	KeyType         APIKeyType   `json:"key_type"`
	Status          APIKeyStatus `json:"status"`
	RedactedKey     string       `json:"redacted_key"`
	CreatedAt       string       `json:"created_at"`
	ExpiresAt       string       `json:"expires_at"`
	CreatedByUserID string       `json:"created_by_user_id"`
	// LastUsedAt is "approximate", "periodically updated": it changes
	// with every use, so nothing compares it.
	LastUsedAt string `json:"last_used_at"`
}

// ExpiredAt reports whether the key has expired by now: it has an expiry,
// and now is not before it. An expiry that does not parse is taken as
// none: the key is not dropped on a value this client cannot read.
func (k *APIKey) ExpiredAt(now time.Time) bool {
	if k.ExpiresAt == "" {
		return false
	}
	t, err := time.Parse(time.RFC3339Nano, k.ExpiresAt)
	return err == nil && !now.Before(t)
}

// canonical puts k's enums in today's spelling.
func (k *APIKey) canonical() {
	k.KeyType = k.KeyType.Canonical()
	k.Status = k.Status.Canonical()
}

// SameInstant reports whether two RFC 3339 times name the same instant to
// the millisecond, the precision Arize keeps ("2027-01-01T01:00:00+01:00"
// and "2027-01-01T00:00:00.000Z" are one). Two empty strings (no expiry)
// are the same; a time that does not parse is the same only as itself.
func SameInstant(a, b string) bool {
	if a == b {
		return true
	}
	ta, errA := time.Parse(time.RFC3339Nano, a)
	tb, errB := time.Parse(time.RFC3339Nano, b)
	if errA != nil || errB != nil {
		return false
	}
	return ta.Truncate(time.Millisecond).Equal(tb.Truncate(time.Millisecond))
}

// ServiceAccount is the identity a SERVICE key authenticates as, made with
// the key: its account role, and its role in each organization and in each
// space of it. Only the create's answer carries it (as bot_user), with
// every role resolved, defaults included.
type ServiceAccount struct {
	ID            string                   `json:"id"`
	Name          string                   `json:"name"`
	AccountRole   RoleAssignment           `json:"account_role"`
	Organizations []ServiceKeyOrganization `json:"organizations"`
}

// ServiceKeyOrganization is a service key's grant in one organization and
// some of its spaces. In a request a nil Role is the API's default,
// READ_ONLY; an organization role is predefined only, and never ANNOTATOR.
type ServiceKeyOrganization struct {
	OrgID  string            `json:"org_id"`
	Role   *RoleAssignment   `json:"role,omitempty"`
	Spaces []ServiceKeySpace `json:"spaces"`
}

// ServiceKeySpace is a service key's role in one space: predefined
// (ADMIN, MEMBER or READ_ONLY) or custom. In a request a nil Role is the
// API's default, MEMBER.
type ServiceKeySpace struct {
	SpaceID string          `json:"space_id"`
	Role    *RoleAssignment `json:"role,omitempty"`
}

// in is the grant as spelling sp writes it.
func (o ServiceKeyOrganization) in(sp Spelling) ServiceKeyOrganization {
	out := ServiceKeyOrganization{OrgID: o.OrgID, Role: roleIn(o.Role, sp), Spaces: make([]ServiceKeySpace, len(o.Spaces))}
	for i, s := range o.Spaces {
		out.Spaces[i] = ServiceKeySpace{SpaceID: s.SpaceID, Role: roleIn(s.Role, sp)}
	}
	return out
}

func roleIn(r *RoleAssignment, sp Spelling) *RoleAssignment {
	if r == nil {
		return nil
	}
	spelt := r.in(sp)
	return &spelt
}

// canonicalRole puts a role answered by the server in today's spelling.
func canonicalRole(r *RoleAssignment) {
	if r == nil {
		return
	}
	r.Type = roleAssignmentTypeSpellings.canon(r.Type)
	r.Name = r.Name.Canonical()
}

// canonical puts every role of the service account in today's spelling.
func (b *ServiceAccount) canonical() {
	canonicalRole(&b.AccountRole)
	for i := range b.Organizations {
		o := &b.Organizations[i]
		canonicalRole(o.Role)
		for j := range o.Spaces {
			canonicalRole(o.Spaces[j].Role)
		}
	}
}

// APIKeyCreateRequest is what POST /v2/api-keys is asked to make. Name is
// required; Description "" and ExpiresAt "" (never expires) are left out.
// AccountRole and Organizations are for a SERVICE key only: AccountRole ""
// is the API's default, MEMBER; Organizations needs at least one
// organization with at least one space. Roles may be in either spelling:
// they go out in the server's.
type APIKeyCreateRequest struct {
	KeyType       APIKeyType
	Name          string
	Description   string
	ExpiresAt     string
	AccountRole   PredefinedRole
	Organizations []ServiceKeyOrganization
}

// userKeyBody is the wire form of a USER key's create: a strict form, with
// no member of a SERVICE key's.
type userKeyBody struct {
	KeyType     APIKeyType `json:"key_type"`
	Name        string     `json:"name"`
	Description string     `json:"description,omitempty"`
	ExpiresAt   string     `json:"expires_at,omitempty"`
}

// serviceKeyBody is the wire form of a SERVICE key's create.
type serviceKeyBody struct {
	userKeyBody
	AccountRole   *RoleAssignment          `json:"account_role,omitempty"`
	Organizations []ServiceKeyOrganization `json:"organizations"`
}

// body is the create's wire form, spelt as sp writes it.
func (in APIKeyCreateRequest) body(sp Spelling) any {
	common := userKeyBody{
		KeyType: apiKeyTypeSpellings.in(in.KeyType, sp), Name: in.Name, Description: in.Description, ExpiresAt: in.ExpiresAt,
	}
	if in.KeyType.Canonical() != APIKeyService {
		return common
	}
	out := serviceKeyBody{userKeyBody: common, Organizations: make([]ServiceKeyOrganization, len(in.Organizations))}
	if in.AccountRole != "" {
		role := Predefined(in.AccountRole).in(sp)
		out.AccountRole = &role
	}
	for i, o := range in.Organizations {
		out.Organizations[i] = o.in(sp)
	}
	return out
}

// listSpace is the space whose list shows a SERVICE key made by in: its
// first one (the API lists service keys by space only). "" for a USER key,
// or a request without a space, which the API refuses anyway.
func (in APIKeyCreateRequest) listSpace() string {
	if in.KeyType.Canonical() != APIKeyService || len(in.Organizations) == 0 || len(in.Organizations[0].Spaces) == 0 {
		return ""
	}
	return in.Organizations[0].Spaces[0].SpaceID
}

// madeAs reports whether got, listed after a create of unknown outcome, may
// be the key this create made: the same type, name, description and expiry
// (the same instant), still active and unexpired, made no earlier than
// since, and by caller when the caller is known (""). Key names are not
// unique, so this is all that tells keys apart.
func (in APIKeyCreateRequest) madeAs(got *APIKey, since time.Time, caller string) bool {
	created, err := time.Parse(time.RFC3339Nano, got.CreatedAt)
	return err == nil && !created.Before(since) &&
		got.KeyType.Canonical() == in.KeyType.Canonical() && got.Status.Canonical() == APIKeyActive &&
		got.Name == in.Name && got.Description == in.Description && SameInstant(got.ExpiresAt, in.ExpiresAt) &&
		(caller == "" || got.CreatedByUserID == caller)
}

// APIKeyCreated is a key with the secret the create or refresh that made it
// answered: Key is that secret, which nothing answers again. ServiceAccount
// is a SERVICE key's account as the create answered it; nil for a USER key,
// after a refresh, and after a recovered create. Recovered says the
// create's answer was lost: the key was found by listing and refreshed once
// for a secret (see Client.CreateAPIKey).
type APIKeyCreated struct {
	APIKey
	Key            Secret          `json:"key"`
	ServiceAccount *ServiceAccount `json:"bot_user"`
	Recovered      bool            `json:"-"`
}

// refreshKeyBody is the body of POST /v2/api-keys/{id}/refresh. ExpiresAt
// "" is left out, which only a key without an expiry may do (a key with one
// is refused with 422: CONTRACT.md). No grace period is asked for: the
// replaced secret stops working at once.
type refreshKeyBody struct {
	ExpiresAt string `json:"expires_at,omitempty"`
}
