package emulator

import (
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// typeAPIKey is the type name of a key's relay id, as the contract's
// example shows it: base64("ApiKey:1001:aBcD").
const typeAPIKey = "ApiKey"

// The API key enums in today's spelling (dialect.go has the published one).
const (
	keyUser    = "USER"
	keyService = "SERVICE"
	keyActive  = "ACTIVE"
	keyRevoked = "REVOKED"
)

// The limits of the Python SDK's models for a key's name and description,
// and of its grants and refresh grace period.
const (
	maxKeyNameChars = 256
	maxGrants       = 100
	maxGraceSeconds = 86400
)

// APIKey is a minted API key, without its secret, which the server never
// keeps (only a hash of it, to authenticate requests): the secret is
// answered once, by the create or the refresh that made it.
//
// KeyType is "USER" (authenticates as CreatedByUserID, the user who made
// it) or "SERVICE" (authenticates as its BotUser). Status is "ACTIVE" or
// "REVOKED"; an expired key stays ACTIVE, as the API has no other status,
// with ExpiresAt not after the clock, and its secret no longer
// authenticates. ExpiresAt zero never expires; LastUsedAt zero was never
// used; Description "" is unset.
type APIKey struct {
	ID              string
	Name            string
	Description     string
	KeyType         string
	Status          string
	RedactedKey     string
	CreatedAt       time.Time
	ExpiresAt       time.Time
	CreatedByUserID string
	LastUsedAt      time.Time
	BotUser         *BotUser
}

// BotUser is the service account of a SERVICE key, "a dedicated,
// automatically provisioned identity" with the roles the create gave it,
// defaults resolved: the account role, and a role in each organization and
// in each space of it. Roles are in today's spelling. It is kept with its
// key only: it is not a user of /v2/users, nor a member the membership
// hooks show (the sources say neither).
type BotUser struct {
	ID            string
	Name          string
	AccountRole   MemberRole
	Organizations []BotUserOrganization
}

// BotUserOrganization is a service account's grant in one organization and
// some of its spaces.
type BotUserOrganization struct {
	OrgID  string
	Role   MemberRole
	Spaces []BotUserSpace
}

// BotUserSpace is a service account's role in one space: predefined, or a
// custom role of /v2/roles.
type BotUserSpace struct {
	SpaceID string
	Role    MemberRole
}

func (k APIKey) clone() APIKey {
	if k.BotUser != nil {
		b := *k.BotUser
		b.Organizations = slices.Clone(b.Organizations)
		for i := range b.Organizations {
			b.Organizations[i].Spaces = slices.Clone(b.Organizations[i].Spaces)
		}
		k.BotUser = &b
	}
	return k
}

// expiredAt reports whether the key has expired by now.
func (k APIKey) expiredAt(now time.Time) bool {
	return !k.ExpiresAt.IsZero() && !now.Before(k.ExpiresAt)
}

// keySecret is what the server keeps of a secret: the key it opens, and for
// a secret a refresh replaced, the end of its grace period (zero for a
// key's current secret, which lives as long as the key).
type keySecret struct {
	keyID      string
	graceUntil time.Time
}

// secretHash is the stored form of a secret. Hashing first also makes the
// map look-up of a presented key reveal nothing of the stored ones.
func secretHash(secret string) [sha256.Size]byte { return sha256.Sum256([]byte(secret)) }

// newSecret makes a key's secret, "ak-" and 40 letters and digits, and its
// redacted form, as the contract's example shows it ("ak-abc...xyz").
func newSecret() (secret, redacted string) {
	const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 40)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = letters[int(b[i])%len(letters)]
	}
	secret = "ak-" + string(b)
	return secret, secret[:6] + "..." + secret[len(secret)-3:]
}

func apiKeyNotFound(id string) *Problem { return notFound("API key %q not found", id) }

// caller is the identity behind a request's key: Options.UserID for the
// server's key; for a minted USER key its user; for a SERVICE key its
// service account. role and developer are what the API's checks read: a
// stored user's own, and for an identity the store does not hold (the
// server's key by default) an account admin who is a developer, as the
// emulator's key has always been.
type caller struct {
	userID    string
	bot       bool
	role      string
	developer bool
}

// userCallerLocked is the identity of a user id.
func (s *Server) userCallerLocked(id string) caller {
	c := caller{userID: id, role: roleAdmin, developer: true}
	if u, ok := s.liveUserLocked(id); ok {
		c.role = u.Role
		c.developer = u.IsDeveloper != nil && *u.IsDeveloper
	}
	return c
}

// mintedKeyLocked returns the key a secret opens now: an active key whose
// current secret it is, until the key expires, or a secret a refresh
// replaced, until its grace period ends (which the refresh capped at the
// expiry the key had then: the key's expiry now is the new secret's).
func (s *Server) mintedKeyLocked(secret string) (APIKey, bool) {
	row, ok := s.keySecrets[secretHash(secret)]
	if !ok {
		return APIKey{}, false
	}
	k, ok := s.apiKeys.get(row.keyID)
	now := s.now()
	switch {
	case !ok || k.Status != keyActive || s.ownerBlockedLocked(k):
		return APIKey{}, false
	case row.graceUntil.IsZero() && k.expiredAt(now):
		return APIKey{}, false
	case !row.graceUntil.IsZero() && !now.Before(row.graceUntil):
		return APIKey{}, false
	}
	return k, true
}

// ownerBlockedLocked reports whether a user key's user was deleted: the
// delete leaves the key listed as it was (the contract does not name keys
// among what it ends), but a user "permanently blocked" authenticates no
// more, by any key.
func (s *Server) ownerBlockedLocked(k APIKey) bool {
	u, ok := s.users.get(k.CreatedByUserID)
	return k.KeyType == keyUser && ok && u.Status == userInactive
}

// useMintedKey authenticates a request carrying a minted key, and notes its
// use (last_used_at, which the API updates "periodically"; the emulator at
// every use).
func (s *Server) useMintedKey(secret string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	k, ok := s.mintedKeyLocked(secret)
	if !ok {
		return false
	}
	k.LastUsedAt = s.now()
	s.apiKeys.set(k.ID, k)
	return true
}

// callerOfLocked is the identity behind a bearer key the server accepted.
func (s *Server) callerOfLocked(bearer string) caller {
	k, ok := s.mintedKeyLocked(bearer)
	switch {
	case !ok:
		return s.userCallerLocked(s.opts.UserID)
	case k.KeyType == keyService && k.BotUser != nil:
		return caller{userID: k.BotUser.ID, bot: true, role: k.BotUser.AccountRole.Name}
	}
	return s.userCallerLocked(k.CreatedByUserID)
}

// needDeveloper is the check of a user key's create and refresh: "Requires
// the developer user permission flag" (403). A service account is no user
// with that flag.
func (c caller) needDeveloper() *Problem {
	if c.bot || !c.developer {
		return forbidden("user %q does not have the developer permission flag, which user API keys require", c.userID)
	}
	return nil
}

// mayManage is the check of a refresh: "the creator or an account admin"
// (for a service key also a space admin, or a creator with
// SERVICE_KEY_CREATE: the emulator knows no space roles of a caller, and
// keeps to the creator or an account admin), else 403.
func (c caller) mayManage(k APIKey) *Problem {
	if c.role != roleAdmin && k.CreatedByUserID != c.userID {
		return forbidden("only the key's creator or an account admin may refresh API key %q", k.ID)
	}
	return nil
}

// checkKeyValues validates what every key has: a name, not blank, of at
// most 256 characters; a description of at most 1000; an expiry, if any,
// in the future (the sources are silent on a past one: the emulator
// refuses a key born expired).
func (s *Server) checkKeyValues(k APIKey) *Problem {
	switch {
	case strings.TrimSpace(k.Name) == "":
		return invalid("name is required and must not be blank")
	case utf8.RuneCountInString(k.Name) > maxKeyNameChars:
		return invalid("name must be at most %d characters", maxKeyNameChars)
	case utf8.RuneCountInString(k.Description) > maxDescriptionChars:
		return invalid("description must be at most %d characters", maxDescriptionChars)
	case !k.ExpiresAt.IsZero() && !k.ExpiresAt.After(s.now()):
		return invalid("expires_at must be in the future")
	}
	return nil
}

// The roles a service account may be given at each level, in today's
// spelling: predefined only for the account and organizations, and never
// ANNOTATOR ("not valid for service keys": 422).
var (
	botAccountRoles = []string{roleAdmin, roleMember}
	botOrgRoles     = []string{roleAdmin, roleMember, roleReadOnly}
	botSpaceRoles   = []string{roleAdmin, roleMember, roleReadOnly}
)

// checkBotRole resolves a service account's role at one level: the zero
// role is the level's default; a custom role is refused where the level
// takes predefined ones only (422), and must exist in /v2/roles where it
// is taken (404, as a role binding's).
func (s *Server) checkBotRole(r MemberRole, field string, names []string, def string, custom bool) (MemberRole, *Problem) {
	d := s.opts.Dialect
	switch {
	case r == MemberRole{}:
		return MemberRole{Type: rolePredefined, Name: def}, nil
	case r.Type == roleCustom && !custom:
		return MemberRole{}, invalid("%s: custom roles are not supported at this level", field)
	case r.Type == roleCustom:
		if !s.hasRoleLocked(r.ID) {
			return MemberRole{}, roleNotFound(r.ID)
		}
		return MemberRole{Type: roleCustom, ID: r.ID}, nil
	case r.Type != rolePredefined || !slices.Contains(names, r.Name):
		spelt := make([]string, len(names))
		for i, n := range names {
			spelt[i] = d.spell(n)
		}
		return MemberRole{}, invalid("%s.name must be one of %s for a service key", field, strings.Join(spelt, ", "))
	}
	return r, nil
}

// checkBotUserLocked resolves the grants of a service key: one to 100
// organizations that exist (404), each with one to 100 spaces that exist
// (404), that the key may see (403, unless forKey is false), and that
// belong to it ("All space IDs must belong to this organization": 422),
// none twice; every role resolved by checkBotRole. The account role must
// be "at or below the caller's own account role" (422).
func (s *Server) checkBotUserLocked(b *BotUser, c caller, forKey bool) *Problem {
	if len(b.Organizations) == 0 || len(b.Organizations) > maxGrants {
		return invalid("organizations must hold 1 to %d organizations, each with at least one space", maxGrants)
	}
	var p *Problem
	if b.AccountRole, p = s.checkBotRole(b.AccountRole, "account_role", botAccountRoles, roleMember, false); p != nil {
		return p
	}
	if forKey && b.AccountRole.Name == roleAdmin && c.role != roleAdmin {
		return invalid("account_role: a role above your own (%s) cannot be assigned", s.opts.Dialect.spell(c.role))
	}
	orgs := map[string]bool{}
	for i := range b.Organizations {
		o := &b.Organizations[i]
		field := fmt.Sprintf("organizations[%d]", i)
		switch _, ok := s.orgs.get(o.OrgID); {
		case orgs[o.OrgID]:
			return invalid("%s.org_id: organization %q is listed twice", field, o.OrgID)
		case !ok:
			return organizationNotFound(o.OrgID)
		}
		orgs[o.OrgID] = true
		if o.Role, p = s.checkBotRole(o.Role, field+".role", botOrgRoles, roleReadOnly, false); p != nil {
			return p
		}
		if len(o.Spaces) == 0 || len(o.Spaces) > maxGrants {
			return invalid("%s.spaces must hold 1 to %d spaces", field, maxGrants)
		}
		spaces := map[string]bool{}
		for j := range o.Spaces {
			sp := &o.Spaces[j]
			sfield := fmt.Sprintf("%s.spaces[%d]", field, j)
			if spaces[sp.SpaceID] {
				return invalid("%s.space_id: space %q is listed twice", sfield, sp.SpaceID)
			}
			spaces[sp.SpaceID] = true
			if pr := s.spaceAccessLocked(sp.SpaceID); pr != nil && (forKey || pr.Status == 404) {
				return pr
			}
			if got, _ := s.spaces.get(sp.SpaceID); got.OrganizationID != o.OrgID {
				return invalid("%s.space_id: space %q does not belong to organization %q", sfield, sp.SpaceID, o.OrgID)
			}
			if sp.Role, p = s.checkBotRole(sp.Role, sfield+".role", botSpaceRoles, roleMember, true); p != nil {
				return p
			}
		}
	}
	return nil
}

// createAPIKey validates a key and mints it for c: a USER key belongs to
// c, who must be a developer (403, unless forKey is false: a hook); a
// SERVICE key gets a new service account with the grants checkBotUserLocked
// resolves. Names need not be unique (the create declares no 409). It
// returns the key and its secret, which nothing answers again.
func (s *Server) createAPIKey(k APIKey, c caller, forKey bool) (APIKey, string, *Problem) {
	k = k.clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.checkKeyValues(k); p != nil {
		return APIKey{}, "", p
	}
	switch k.KeyType {
	case keyUser:
		if forKey {
			if p := c.needDeveloper(); p != nil {
				return APIKey{}, "", p
			}
		}
		k.BotUser = nil
	case keyService:
		if k.BotUser == nil {
			k.BotUser = &BotUser{}
		}
		if p := s.checkBotUserLocked(k.BotUser, c, forKey); p != nil {
			return APIKey{}, "", p
		}
		k.BotUser.ID = newID(typeUser, s.users.next())
		k.BotUser.Name = k.Name + " (service account)"
	default:
		return APIKey{}, "", invalid("key_type must be one of %s", s.opts.Dialect.oneOf(enumKeyType))
	}
	seq := s.apiKeys.next()
	k.ID = newID(typeAPIKey, seq)
	k.Status = keyActive
	k.CreatedAt = s.now()
	k.CreatedByUserID = c.userID
	k.LastUsedAt = time.Time{}
	secret, redacted := newSecret()
	k.RedactedKey = redacted
	s.apiKeys.add(seq, k.ID, k)
	s.keySecrets[secretHash(secret)] = keySecret{keyID: k.ID}
	return k.clone(), secret, nil
}

// refreshAPIKey replaces a key's secret, keeping its id, name,
// description, type and service account ("preserves the key's identity
// (ID, name, type, bindings)"). The replacement is issued now: created_at
// and redacted_key change, last_used_at is cleared. expiresAt nil was
// omitted: a 422 when the key has an expiry (the strict one of the
// sources' three readings; see CONTRACT.md); a new expiry must be in the
// future and no later than the old one (422). The old secret stays valid
// for grace seconds, never past the old expiry. A key revoked or expired
// is a 404: there is no active key to refresh.
func (s *Server) refreshAPIKey(id string, expiresAt *time.Time, grace int, c caller) (APIKey, string, *Problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k, ok := s.apiKeys.get(id)
	now := s.now()
	switch {
	case !ok:
		return APIKey{}, "", apiKeyNotFound(id)
	case k.Status != keyActive || k.expiredAt(now):
		return APIKey{}, "", notFound("API key %q is not active: a revoked or expired key cannot be refreshed", id)
	}
	if p := c.mayManage(k); p != nil {
		return APIKey{}, "", p
	}
	if k.KeyType == keyUser {
		if p := c.needDeveloper(); p != nil {
			return APIKey{}, "", p
		}
	}
	switch {
	case grace < 0 || grace > maxGraceSeconds:
		return APIKey{}, "", invalid("grace_period_seconds must be from 0 to %d", maxGraceSeconds)
	case expiresAt == nil && !k.ExpiresAt.IsZero():
		return APIKey{}, "", invalid("expires_at is required when the key has an expiry: omitting it would make the key unbounded")
	case expiresAt != nil && !expiresAt.After(now):
		return APIKey{}, "", invalid("expires_at must be in the future")
	case expiresAt != nil && !k.ExpiresAt.IsZero() && expiresAt.After(k.ExpiresAt):
		return APIKey{}, "", invalid("expires_at must be no later than the key's expiry (%s)", formatTime(k.ExpiresAt))
	}
	for hash, row := range s.keySecrets {
		if row.keyID != id || !row.graceUntil.IsZero() {
			continue
		}
		until := now.Add(time.Duration(grace) * time.Second)
		if !k.ExpiresAt.IsZero() && k.ExpiresAt.Before(until) {
			until = k.ExpiresAt
		}
		if grace == 0 || !until.After(now) {
			delete(s.keySecrets, hash)
		} else {
			s.keySecrets[hash] = keySecret{keyID: id, graceUntil: until}
		}
	}
	if expiresAt != nil {
		k.ExpiresAt = expiresAt.UTC().Truncate(time.Millisecond)
	}
	secret, redacted := newSecret()
	k.RedactedKey = redacted
	k.CreatedAt = now
	k.LastUsedAt = time.Time{}
	s.apiKeys.set(id, k)
	s.keySecrets[secretHash(secret)] = keySecret{keyID: id}
	return k.clone(), secret, nil
}

// revokeAPIKeyLocked revokes a key: every secret of it stops working at
// once, grace periods included, and it lists with status REVOKED.
// Revoking a revoked key changes nothing. What becomes of a service
// account is unstated: the emulator keeps it with the key.
func (s *Server) revokeAPIKeyLocked(id string) bool {
	k, ok := s.apiKeys.get(id)
	if !ok {
		return false
	}
	k.Status = keyRevoked
	s.apiKeys.set(id, k)
	s.dropSecretsLocked(id)
	return true
}

func (s *Server) dropSecretsLocked(keyID string) {
	for hash, row := range s.keySecrets {
		if row.keyID == keyID {
			delete(s.keySecrets, hash)
		}
	}
}

// PutAPIKey mints a key directly, as if made outside Terraform, with the
// checks of POST but for the caller's (no developer flag or role ceiling
// is required) and whatever spaces the key may see; it returns the key and
// its secret. KeyType and BotUser's roles may be in either spelling ("USER"
// or "user"; see [Canonical]). CreatedByUserID defaults to the server's
// user; for a SERVICE key BotUser must hold its grants (zero roles take
// the API's defaults) and its ID and Name are assigned. The error is a
// *Problem with the status the HTTP call would have answered. It bypasses
// HTTP and is not counted.
func (s *Server) PutAPIKey(k APIKey) (APIKey, string, error) {
	k = k.clone()
	k.KeyType = Canonical(k.KeyType)
	if b := k.BotUser; b != nil {
		b.AccountRole = canonicalRole(b.AccountRole)
		for i := range b.Organizations {
			o := &b.Organizations[i]
			o.Role = canonicalRole(o.Role)
			for j := range o.Spaces {
				o.Spaces[j].Role = canonicalRole(o.Spaces[j].Role)
			}
		}
	}
	owner := k.CreatedByUserID
	if owner == "" {
		owner = s.opts.UserID
	}
	out, secret, p := s.createAPIKey(k, caller{userID: owner, role: roleAdmin, developer: true}, false)
	if p != nil {
		return APIKey{}, "", p
	}
	return out, secret, nil
}

// APIKey returns the stored key with this id, revoked or expired ones too.
func (s *Server) APIKey(id string) (APIKey, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k, ok := s.apiKeys.get(id)
	return k.clone(), ok
}

// APIKeys returns every key ever minted, in creation order, revoked and
// expired ones included.
func (s *Server) APIKeys() []APIKey {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.apiKeys.all()
	for i := range out {
		out[i] = out[i].clone()
	}
	return out
}

// RevokeAPIKey revokes a key as if done outside Terraform (PUT .../revoke)
// and reports whether it exists.
func (s *Server) RevokeAPIKey(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.revokeAPIKeyLocked(id)
}

// ExpireAPIKey makes a key expire now: its expires_at becomes the clock's
// time, so none of its secrets authenticates any longer, and it still
// lists with status ACTIVE (the API has no other status). It reports
// whether the key exists.
func (s *Server) ExpireAPIKey(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	k, ok := s.apiKeys.get(id)
	if !ok {
		return false
	}
	k.ExpiresAt = s.now()
	s.apiKeys.set(id, k)
	s.dropSecretsLocked(id)
	return true
}

// KeyIsLive reports whether a secret authenticates now: it is the current
// secret of an active key that has not expired, or a secret a refresh
// replaced that is still in its grace period. The server accepts such a
// secret as a bearer key, as it does Options.APIKey.
func (s *Server) KeyIsLive(secret string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.mintedKeyLocked(secret)
	return ok
}
