package arize

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// The API key endpoints: list, create, refresh and revoke. There is no GET
// of one key, no PATCH and no DELETE: a key is found by paging the list,
// cannot be changed, and ends by revoke. Every answer is read in today's
// spelling, after the server's spelling has been learnt from it.

const (
	apiKeysPath  = "/v2/api-keys" //nolint:gosec // a path, not a credential
	apiKeysField = "api_keys"
)

func apiKeyPath(id string) string { return apiKeysPath + "/" + url.PathEscape(id) }

// createClockSkew is how much earlier than this client's clock a key the
// server made for a create may say it was made: a create of unknown outcome
// adopts only a key made since it began, by the server's clock, which may
// run a little behind.
const createClockSkew = 5 * time.Second

// errAmbiguousKeyCreate says a create of unknown outcome found several keys
// it may have made.
var errAmbiguousKeyCreate = errors.New("several API keys match the create whose answer was lost")

// CreateAPIKey mints a key and returns it with its secret, which Arize
// answers only this once. The key type and the roles go out in the
// server's spelling (see writeSpelt).
//
// Key names need not be unique and the create declares no 409, so a create
// sent twice makes two keys. So when a try's outcome is unknown (see
// Client.do) the create is not sent again blindly: the active keys of its
// type (of its first space, for a SERVICE key) are listed, and a candidate
// is one with the same name, description and expiry, made since the create
// began (allowing createClockSkew) and by the same user when this client
// knows who its key acts as.
//   - No candidate: the create did not happen, and is sent again.
//   - One: it is this create's key, whose secret was in the lost answer. It
//     is refreshed once for a new secret (a refresh keeps the key's ID: no
//     second key is minted), and the result says Recovered, with no
//     ServiceAccount, which only the create answers. If that refresh fails,
//     the key, whose secret nobody has, is revoked (best effort, logged)
//     and the create fails saying so.
//   - Several: an error naming them, wrapping errAmbiguousKeyCreate, which
//     asks for the extra keys to be revoked.
func (c *Client) CreateAPIKey(ctx context.Context, in APIKeyCreateRequest) (*APIKeyCreated, error) {
	started := time.Now()
	return writeSpelt(ctx, c, func(sp Spelling) (*APIKeyCreated, error) { return c.createAPIKey(ctx, in, sp, started) })
}

// createAPIKey sends in, spelt as sp, wanting 201.
func (c *Client) createAPIKey(ctx context.Context, in APIKeyCreateRequest, sp Spelling, started time.Time) (*APIKeyCreated, error) {
	var answer APIKeyCreated
	var recovered *APIKeyCreated
	findCreated := func(ctx context.Context) (bool, error) {
		found, err := c.findCreatedAPIKey(ctx, in, sp, started)
		if found == nil || err != nil {
			return false, err
		}
		refreshed, err := c.RefreshAPIKey(ctx, found.ID, found.ExpiresAt)
		if err != nil {
			return false, fmt.Errorf("the create made the key %s, but its answer, with the key's secret, was lost, "+
				"and the refresh that would give it a new secret failed (%w); %s", found.ID, err, c.revokeUnknown(ctx, found.ID))
		}
		c.warn(ctx, "Arize API key create recovered: the key was made and its answer lost, so it was refreshed once "+
			"for a new secret (same ID, no second key)", map[string]any{"id": found.ID, "key_type": string(in.KeyType.Canonical())})
		refreshed.Recovered = true
		recovered = refreshed
		return true, nil
	}
	err := c.do(ctx, call{
		method: http.MethodPost, path: apiKeysPath, body: in.body(sp), want: http.StatusCreated, out: &answer,
		retry: createOnce(in.Name, findCreated),
	})
	if err != nil {
		return nil, err
	}
	if recovered != nil {
		return recovered, nil
	}
	c.learnAPIKey(&answer.APIKey)
	if answer.ServiceAccount != nil {
		c.spelling.learnFromRole(&answer.ServiceAccount.AccountRole)
		answer.ServiceAccount.canonical()
	}
	// The key is the caller's: a create answers who made it.
	c.learnCaller(answer.CreatedByUserID)
	return &answer, nil
}

// revokeUnknown revokes the key id, which a create made but whose secret
// nobody knows, so that no live key is left that nothing tracks. It is best
// effort and logged; it returns what became of the key, for the create's
// error.
func (c *Client) revokeUnknown(ctx context.Context, id string) string {
	if err := c.RevokeAPIKey(ctx, id); err != nil {
		c.warn(ctx, "Arize API key create: the key made, whose secret was lost, could not be revoked; revoke it by hand",
			map[string]any{"id": id, "error": err.Error()})
		return fmt.Sprintf("revoking the key failed too (%v), so it is live and nothing tracks it: revoke it in the "+
			"Arize UI, or PUT /v2/api-keys/%s/revoke", err, id)
	}
	c.warn(ctx, "Arize API key create: the key made, whose secret was lost, was revoked", map[string]any{"id": id})
	return "the key was revoked, so none is left live that nothing tracks, and the next apply makes a new one"
}

// findCreatedAPIKey looks for the key an earlier POST of in may have made
// (see CreateAPIKey): nil if none, an error wrapping errAmbiguousKeyCreate
// if several.
//
// It lists in sp, the spelling the create goes out in, and not through
// writeSpelt: it runs inside the create, which may be the probe of the
// server's spelling that writeSpelt makes every other caller wait for. A
// list refused in sp (a server of the other spelling, whose answer to the
// create was lost before it said so) is read in the other.
func (c *Client) findCreatedAPIKey(ctx context.Context, in APIKeyCreateRequest, sp Spelling, started time.Time) (*APIKey, error) {
	opts := APIKeyListOptions{KeyType: in.KeyType, Status: APIKeyActive, SpaceID: in.listSpace(), Limit: maxPageSize}
	all, err := c.listAPIKeysIn(ctx, opts, sp)
	if err != nil && refused(err) {
		other := SpellingPublished
		if sp == SpellingPublished {
			other = SpellingToday
		}
		all, err = c.listAPIKeysIn(ctx, opts, other)
	}
	if err != nil {
		return nil, err
	}
	since, caller := started.Add(-createClockSkew), c.callerID()
	var candidates []APIKey
	for i := range all {
		if in.madeAs(&all[i], since, caller) {
			candidates = append(candidates, all[i])
		}
	}
	switch len(candidates) {
	case 0:
		return nil, nil
	case 1:
		return &candidates[0], nil
	}
	ids := make([]string, len(candidates))
	for i := range candidates {
		ids[i] = candidates[i].ID
	}
	return nil, fmt.Errorf("%w: %d active keys named %q, with the same description and expiry, were made since this "+
		"create began (IDs %s), and which of them it made cannot be told. Revoke the ones you do not want (in the Arize "+
		"UI, or PUT /v2/api-keys/<id>/revoke), then import the one to keep, whose secret must be refreshed to be known",
		errAmbiguousKeyCreate, len(candidates), in.Name, strings.Join(ids, ", "))
}

// RefreshAPIKey replaces the secret of the active key id and returns the key
// with its new secret, which Arize answers only this once. The ID stays;
// the old secret stops working at once (no grace period), and Arize takes
// the refresh's time as the key's created_at. expiresAt is the key's expiry
// as it is (Arize answers 422 to a refresh without it when the key has one,
// and refuses a later one); "" for a key that never expires.
//
// A refresh whose outcome is unknown is sent again: whatever an earlier try
// did, the key keeps its ID and one current secret, the last answer's, so
// the retry ends where a single refresh would.
func (c *Client) RefreshAPIKey(ctx context.Context, id, expiresAt string) (*APIKeyCreated, error) {
	var out APIKeyCreated
	err := c.do(ctx, call{
		method: http.MethodPost, path: apiKeyPath(id) + "/refresh", body: refreshKeyBody{ExpiresAt: keptExpiry(expiresAt)},
		want: http.StatusOK, out: &out, retry: idempotent,
	})
	if err != nil {
		return nil, err
	}
	c.learnAPIKey(&out.APIKey)
	out.ServiceAccount = nil // a refresh answers none
	return &out, nil
}

// keptExpiry is an expiry as Arize keeps it: in UTC, to the millisecond,
// cut rather than rounded, so that a refresh given the expiry a key was
// made with (which may be spelt with more digits) asks for no later one,
// which Arize refuses. A value that does not parse is sent as it is, for
// the API to judge.
func keptExpiry(expiresAt string) string {
	t, err := time.Parse(time.RFC3339Nano, expiresAt)
	if err != nil {
		return expiresAt
	}
	return t.UTC().Truncate(time.Millisecond).Format("2006-01-02T15:04:05.000Z07:00")
}

// RevokeAPIKey revokes the key id: every secret of it stops working at
// once, and it lists with status REVOKED from then on. Revoking a revoked
// key is no error. An unknown id (or, for a service key, one that the
// caller neither made nor administers) is an error for which IsNotFound
// is true.
func (c *Client) RevokeAPIKey(ctx context.Context, id string) error {
	return c.do(ctx, call{method: http.MethodPut, path: apiKeyPath(id) + "/revoke", want: http.StatusNoContent, retry: idempotent})
}

// APIKeyListOptions filters the key list as the API does.
//   - KeyType: USER (the API's default without SpaceID) or SERVICE, which
//     needs SpaceID.
//   - Status: ACTIVE (the API's default) or REVOKED. An expired key lists
//     as ACTIVE: see APIKey.ExpiredAt.
//   - SpaceID: the service keys with a role in that space.
//   - UserID: with USER, that user's keys (account admins only; without it,
//     the caller's own); with SERVICE, the keys that user made.
//
// Enums may be in either spelling: they go out in the server's.
type APIKeyListOptions struct {
	KeyType APIKeyType
	Status  APIKeyStatus
	SpaceID string
	UserID  string
	// Limit is the page size (1 to 100); zero leaves the API's default.
	Limit int
}

// query is the list's query with the enums spelt as sp writes them.
func (opts APIKeyListOptions) query(sp Spelling) url.Values {
	q := listQuery(map[string]string{"space_id": opts.SpaceID, "user_id": opts.UserID}, opts.Limit)
	if opts.KeyType != "" {
		q.Set("key_type", string(apiKeyTypeSpellings.in(opts.KeyType, sp)))
	}
	if opts.Status != "" {
		q.Set("status", string(apiKeyStatusSpellings.in(opts.Status, sp)))
	}
	return q
}

// hasEnum reports whether the query carries an enum, which must be spelt as
// the server spells it.
func (opts APIKeyListOptions) hasEnum() bool { return opts.KeyType != "" || opts.Status != "" }

// apiKeyPage is one page of the key list.
type apiKeyPage struct {
	keys       []APIKey
	pagination Pagination
}

// ListAPIKeysPage reads one page of the list; cursor is "" for the first
// page and the previous page's NextCursor after that. A key_type or status
// filter is an enum in the server's spelling: while that is unknown, the
// page goes out in today's, and once more in the published page's if the
// API refuses it (a refused read changed nothing).
func (c *Client) ListAPIKeysPage(ctx context.Context, opts APIKeyListOptions, cursor string) ([]APIKey, Pagination, error) {
	read := func(sp Spelling) (*apiKeyPage, error) {
		keys, p, err := c.listAPIKeysPageIn(ctx, opts, sp, cursor)
		if err != nil {
			return nil, err
		}
		return &apiKeyPage{keys: keys, pagination: p}, nil
	}
	var page *apiKeyPage
	var err error
	if opts.hasEnum() {
		page, err = writeSpelt(ctx, c, read)
	} else {
		page, err = read(SpellingUnknown)
	}
	if err != nil {
		return nil, Pagination{}, err
	}
	return page.keys, page.pagination, nil
}

// listAPIKeysPageIn reads one page with the query spelt as sp, and learns
// from what it lists.
func (c *Client) listAPIKeysPageIn(ctx context.Context, opts APIKeyListOptions, sp Spelling, cursor string) ([]APIKey, Pagination, error) {
	keys, p, err := listPage[APIKey](ctx, c, apiKeysPath, opts.query(sp), apiKeysField, cursor)
	if err != nil {
		return nil, Pagination{}, err
	}
	c.learnAPIKeys(opts, keys)
	return keys, p, nil
}

// learnAPIKeys learns from the keys a list that opts filters answered (see
// learnAPIKey), and the caller from its own.
func (c *Client) learnAPIKeys(opts APIKeyListOptions, keys []APIKey) {
	for i := range keys {
		c.learnAPIKey(&keys[i])
	}
	if opts.KeyType.Canonical() == APIKeyUser && opts.UserID == "" && len(keys) > 0 {
		// Without user_id, the USER keys listed are the caller's own.
		c.learnCaller(keys[0].CreatedByUserID)
	}
}

// listAPIKeysIn reads every page with the query spelt as sp (see
// eachPage), and learns from what it lists.
func (c *Client) listAPIKeysIn(ctx context.Context, opts APIKeyListOptions, sp Spelling) ([]APIKey, error) {
	all, err := listAll[APIKey](ctx, c, apiKeysPath, opts.query(sp), apiKeysField)
	if err != nil {
		return nil, err
	}
	c.learnAPIKeys(opts, all)
	return all, nil
}

// ListAPIKeys reads every page of the list.
func (c *Client) ListAPIKeys(ctx context.Context, opts APIKeyListOptions) ([]APIKey, error) {
	var all []APIKey
	err := c.eachAPIKeyPage(ctx, opts, func(keys []APIKey) bool {
		all = append(all, keys...)
		return true
	})
	return all, err
}

// FindAPIKey pages the list that opts filters until it finds the key id,
// and returns it, or nil when no page holds it. It stops at the page that
// holds it, and never at an empty page while the API says more follow.
func (c *Client) FindAPIKey(ctx context.Context, opts APIKeyListOptions, id string) (*APIKey, error) {
	var found *APIKey
	err := c.eachAPIKeyPage(ctx, opts, func(keys []APIKey) bool {
		for i := range keys {
			if keys[i].ID == id {
				found = &keys[i]
				return false
			}
		}
		return true
	})
	return found, err
}

// eachAPIKeyPage reads the pages of the list in order, until each returns
// false or the last page is read. A page that says more follow without a
// cursor, or a repeated cursor, is an error (see eachPage): a key missed
// there would read as gone, and be made a second time.
func (c *Client) eachAPIKeyPage(ctx context.Context, opts APIKeyListOptions, each func([]APIKey) bool) error {
	return eachPage(apiKeysPath, func(cursor string) (Pagination, bool, error) {
		keys, p, err := c.ListAPIKeysPage(ctx, opts, cursor)
		if err != nil {
			return Pagination{}, false, err
		}
		return p, each(keys), nil
	})
}

// learnAPIKey learns the server's spelling from a key answer, then puts the
// answer in today's.
func (c *Client) learnAPIKey(k *APIKey) {
	if sp, ok := apiKeyTypeSpellings.spelling[k.KeyType]; ok {
		c.spelling.learn(sp)
	} else if sp, ok := apiKeyStatusSpellings.spelling[k.Status]; ok {
		c.spelling.learn(sp)
	}
	k.canonical()
}

// callerID is the user this client's key acts as, or "" while unknown.
func (c *Client) callerID() string {
	if id := c.caller.Load(); id != nil {
		return *id
	}
	return ""
}

// learnCaller records id as the user this client's key acts as; the first
// one learnt stays (a key acts as one identity).
func (c *Client) learnCaller(id string) {
	if id != "" {
		c.caller.CompareAndSwap(nil, &id)
	}
}
