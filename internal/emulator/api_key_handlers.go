package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// apiKeyJSON is the ApiKey object: the list's items, and with the secret
// the answers of create and refresh. Optional members that are unset are
// left out.
type apiKeyJSON struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	Description     string `json:"description,omitempty"`
	KeyType         string `json:"key_type"`
	Status          string `json:"status"`
	RedactedKey     string `json:"redacted_key"`
	CreatedAt       string `json:"created_at"`
	ExpiresAt       string `json:"expires_at,omitempty"`
	CreatedByUserID string `json:"created_by_user_id"`
	LastUsedAt      string `json:"last_used_at,omitempty"`
}

// apiKeyCreatedJSON is UserApiKeyCreated or ServiceApiKeyCreated (the
// latter with bot_user), and without bot_user the RefreshApiKeyResponse:
// the one answer that carries the secret.
type apiKeyCreatedJSON struct {
	apiKeyJSON
	Key     string       `json:"key"`
	BotUser *botUserJSON `json:"bot_user,omitempty"`
}

type botUserJSON struct {
	ID            string           `json:"id"`
	Name          string           `json:"name"`
	AccountRole   roleJSON         `json:"account_role"`
	Organizations []botUserOrgJSON `json:"organizations"`
}

type botUserOrgJSON struct {
	OrgID  string             `json:"org_id"`
	Role   roleJSON           `json:"role"`
	Spaces []botUserSpaceJSON `json:"spaces"`
}

type botUserSpaceJSON struct {
	SpaceID string   `json:"space_id"`
	Role    roleJSON `json:"role"`
}

type apiKeyListJSON struct {
	APIKeys    []apiKeyJSON   `json:"api_keys"`
	Pagination paginationJSON `json:"pagination"`
}

func (s *Server) apiKeyToJSON(k APIKey) apiKeyJSON {
	d := s.opts.Dialect
	out := apiKeyJSON{
		ID: k.ID, Name: k.Name, Description: k.Description, KeyType: d.spell(k.KeyType), Status: d.spell(k.Status),
		RedactedKey: k.RedactedKey, CreatedAt: formatTime(k.CreatedAt), CreatedByUserID: k.CreatedByUserID,
	}
	if !k.ExpiresAt.IsZero() {
		out.ExpiresAt = formatTime(k.ExpiresAt)
	}
	if !k.LastUsedAt.IsZero() {
		out.LastUsedAt = formatTime(k.LastUsedAt)
	}
	return out
}

func (s *Server) botUserToJSON(b *BotUser) *botUserJSON {
	out := &botUserJSON{ID: b.ID, Name: b.Name, AccountRole: s.roleToJSON(b.AccountRole), Organizations: []botUserOrgJSON{}}
	for _, o := range b.Organizations {
		oj := botUserOrgJSON{OrgID: o.OrgID, Role: s.roleToJSON(o.Role), Spaces: []botUserSpaceJSON{}}
		for _, sp := range o.Spaces {
			oj.Spaces = append(oj.Spaces, botUserSpaceJSON{SpaceID: sp.SpaceID, Role: s.roleToJSON(sp.Role)})
		}
		out.Organizations = append(out.Organizations, oj)
	}
	return out
}

// caller returns the identity behind the request's bearer key, which
// serve has already accepted.
func (s *Server) caller(r *http.Request) caller {
	bearer, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.callerOfLocked(bearer)
}

// handleAPIKeyList is GET /v2/api-keys. key_type and status are in the
// server's spelling (anything else, a 400); status defaults to ACTIVE
// ("Revoked keys are hidden by default"). USER keys are listed by default:
// the caller's own, or with user_id that user's (account admins only,
// 403). SERVICE keys need space_id ("Provide space_id to return all
// service keys for that space"; without it, a 400 in the emulator, the
// strict reading), which alone implies key_type SERVICE; user_id then
// keeps the keys that user made. A space that does not exist or that the
// key may not see, or a user_id that names no user, is a 404. Listing
// "requires the developer user permission flag or account admin role"
// (403). An expired key lists with status ACTIVE and its expires_at in the
// past. Creation order.
func (s *Server) handleAPIKeyList(w http.ResponseWriter, r *http.Request) {
	values, q, p := parsePageQuery(r, []string{"key_type", "status", "space_id", "user_id"})
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	d := s.opts.Dialect
	keyType, status := "", keyActive
	if values.Has("key_type") {
		var ok bool
		if keyType, ok = d.decodeEnum(enumKeyType, values.Get("key_type")); !ok {
			writeProblem(w, r, badRequest("key_type must be one of %s", d.oneOf(enumKeyType)))
			return
		}
	}
	if values.Has("status") {
		var ok bool
		if status, ok = d.decodeEnum(enumKeyStatus, values.Get("status")); !ok {
			writeProblem(w, r, badRequest("status must be one of %s", d.oneOf(enumKeyStatus)))
			return
		}
	}
	spaceID, userID := values.Get("space_id"), values.Get("user_id")
	switch {
	case keyType == "" && spaceID != "":
		keyType = keyService
	case keyType == "":
		keyType = keyUser
	case keyType == keyUser && spaceID != "":
		writeProblem(w, r, badRequest("space_id lists service keys: it cannot be combined with key_type %s", d.spell(keyUser)))
		return
	case keyType == keyService && spaceID == "":
		writeProblem(w, r, badRequest("space_id is required to list service keys"))
		return
	}
	c := s.caller(r)
	s.mu.Lock()
	p = s.checkKeyListLocked(c, keyType, spaceID, userID)
	var items []APIKey
	var last uint64
	var more bool
	if p == nil {
		items, last, more = s.apiKeys.page(q.after, q.limit, func(k *APIKey) bool {
			if k.KeyType != keyType || k.Status != status {
				return false
			}
			if keyType == keyUser {
				owner := userID
				if owner == "" {
					owner = c.userID
				}
				return k.CreatedByUserID == owner
			}
			return (userID == "" || k.CreatedByUserID == userID) && k.BotUser != nil && k.BotUser.grants(spaceID)
		})
	}
	s.mu.Unlock()
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	out := apiKeyListJSON{APIKeys: make([]apiKeyJSON, 0, len(items))}
	for _, k := range items {
		out.APIKeys = append(out.APIKeys, s.apiKeyToJSON(k))
	}
	if more {
		out.Pagination = paginationJSON{HasMore: true, NextCursor: encodeCursor(q, last)}
	}
	writeJSON(w, http.StatusOK, out)
}

// checkKeyListLocked is who may list what: a developer or an account admin
// (403), user_id on user keys for account admins only (403), a space that
// exists and the key may see (404), a user_id that names a user (404).
func (s *Server) checkKeyListLocked(c caller, keyType, spaceID, userID string) *Problem {
	switch {
	case !c.developer && c.role != roleAdmin:
		return forbidden("listing API keys requires the developer permission flag or the account admin role")
	case keyType == keyUser && userID != "" && userID != c.userID && c.role != roleAdmin:
		return forbidden("only account admins may list another user's keys")
	}
	if spaceID != "" && s.spaceAccessLocked(spaceID) != nil {
		return notFound("space_id %q: no such space", spaceID)
	}
	if _, ok := s.liveUserLocked(userID); userID != "" && userID != c.userID && !ok {
		return userNotFound(userID)
	}
	return nil
}

// grants reports whether a service account has a role in the space.
func (b *BotUser) grants(spaceID string) bool {
	for _, o := range b.Organizations {
		for _, sp := range o.Spaces {
			if sp.SpaceID == spaceID {
				return true
			}
		}
	}
	return false
}

// handleAPIKeyCreate is POST /v2/api-keys: 201 with the key and its
// secret, "only returned once", and for a SERVICE key its service account
// (bot_user) with every role resolved.
func (s *Server) handleAPIKeyCreate(w http.ResponseWriter, r *http.Request) {
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	k, p := decodeAPIKey(fields, s.opts.Dialect)
	if p != nil {
		s.noteRefusal(http.MethodPost, RouteAPIKeys, p)
		writeProblem(w, r, p)
		return
	}
	created, secret, p := s.createAPIKey(k, s.caller(r), true)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	out := apiKeyCreatedJSON{apiKeyJSON: s.apiKeyToJSON(created), Key: secret}
	if created.BotUser != nil {
		out.BotUser = s.botUserToJSON(created.BotUser)
	}
	writeJSON(w, http.StatusCreated, out)
}

// handleAPIKeyRefresh is POST /v2/api-keys/{id}/refresh: 200 with the key,
// same id, and its new secret, answered once; no bot_user. The body is
// optional: none, or {}, keeps the key unbounded (a key with an expiry
// needs expires_at: 422).
func (s *Server) handleAPIKeyRefresh(w http.ResponseWriter, r *http.Request, id string) {
	fields, p := readOptionalObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	b, p := decodeRefresh(fields)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	k, secret, p := s.refreshAPIKey(id, b.expiresAt, b.grace, s.caller(r))
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	writeJSON(w, http.StatusOK, apiKeyCreatedJSON{apiKeyJSON: s.apiKeyToJSON(k), Key: secret})
}

// readOptionalObject is readObject for a body that may be left out: none
// (or only white space) reads as {}.
func readOptionalObject(r *http.Request) (map[string]json.RawMessage, *Problem) {
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBodyBytes+1))
	if err == nil && len(bytes.TrimSpace(body)) == 0 {
		return map[string]json.RawMessage{}, nil
	}
	r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), r.Body))
	return readObject(r)
}

// handleAPIKeyRevoke is PUT /v2/api-keys/{id}/revoke: 204, and the key
// stops working at once; again on a revoked key, 204 too ("a no-op"). It
// "requires the developer user permission flag or account admin role"
// (403). A service key may be revoked only by its creator or an account
// admin: anyone else gets a 404, "which prevents key-ID enumeration". A
// body is ignored.
func (s *Server) handleAPIKeyRevoke(w http.ResponseWriter, r *http.Request, id string) {
	c := s.caller(r)
	if !c.developer && c.role != roleAdmin {
		writeProblem(w, r, forbidden("revoking API keys requires the developer permission flag or the account admin role"))
		return
	}
	s.mu.Lock()
	k, ok := s.apiKeys.get(id)
	hidden := ok && k.KeyType == keyService && c.role != roleAdmin && k.CreatedByUserID != c.userID
	if ok && !hidden {
		s.revokeAPIKeyLocked(id)
	}
	s.mu.Unlock()
	if !ok || hidden {
		writeProblem(w, r, apiKeyNotFound(id))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
