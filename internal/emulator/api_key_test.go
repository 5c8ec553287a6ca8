package emulator

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

const apiKeys = "/v2/api-keys"

func refreshPath(id string) string { return apiKeys + "/" + url.PathEscape(id) + "/refresh" }
func revokePath(id string) string  { return apiKeys + "/" + url.PathEscape(id) + "/revoke" }

// serviceKeyBody is a SERVICE key's create body with one organization and
// one space, roles left to their defaults.
func serviceKeyBody(name, org, space string) string {
	return fmt.Sprintf(`{"key_type":"SERVICE","name":%q,"organizations":[{"org_id":%q,"spaces":[{"space_id":%q}]}]}`, name, org, space)
}

// createKey POSTs a key and fails the test unless it answers 201.
func (e *env) createKey(b string) map[string]any {
	e.t.Helper()
	r := e.do("POST", apiKeys, b)
	if r.status != http.StatusCreated {
		e.t.Fatalf("POST %s: %d %s", apiKeys, r.status, r.body)
	}
	return r.json(e.t)
}

// listKeys lists keys with query and returns the items and the pagination;
// it fails the test if any item carries a secret.
func (e *env) listKeys(query string) ([]map[string]any, map[string]any) {
	e.t.Helper()
	r := e.do("GET", apiKeys+query, "")
	if r.status != http.StatusOK {
		e.t.Fatalf("GET %s%s: %d %s", apiKeys, query, r.status, r.body)
	}
	got := r.json(e.t)
	var items []map[string]any
	for _, k := range got["api_keys"].([]any) {
		item := k.(map[string]any)
		if _, ok := item["key"]; ok {
			e.t.Errorf("a listed key carries its secret: %v", item)
		}
		items = append(items, item)
	}
	return items, got["pagination"].(map[string]any)
}

func keyIDs(items []map[string]any) string {
	var ids []string
	for _, k := range items {
		ids = append(ids, k["id"].(string))
	}
	return strings.Join(ids, ",")
}

// as sends a request authenticated with another bearer key.
func (e *env) as(bearer, method, path, b string) response {
	e.t.Helper()
	h := http.Header{"Authorization": {"Bearer " + bearer}}
	if b != "" {
		h.Set("Content-Type", "application/json")
	}
	return e.raw(method, path, b, h)
}

var (
	secretPattern   = regexp.MustCompile(`^ak-[A-Za-z0-9]{40}$`)
	redactedPattern = regexp.MustCompile(`^ak-[A-Za-z0-9]{3}\.\.\.[A-Za-z0-9]{3}$`)
)

func TestAPIKeyCreateUser(t *testing.T) {
	e := newEnv(t)
	got := e.createKey(`{"key_type":"USER","name":"laptop","description":"mine","expires_at":"2027-01-01T00:00:00Z"}`)
	id, secret := got["id"].(string), got["key"].(string)
	relaySeq(t, "ApiKey", id)
	if !secretPattern.MatchString(secret) || !redactedPattern.MatchString(got["redacted_key"].(string)) ||
		!strings.HasPrefix(secret, got["redacted_key"].(string)[:6]) || !strings.HasSuffix(secret, got["redacted_key"].(string)[9:]) {
		t.Errorf("secret %q, redacted %q", secret, got["redacted_key"])
	}
	want := map[string]any{
		"id": id, "name": "laptop", "description": "mine", "key_type": "USER", "status": "ACTIVE",
		"redacted_key": got["redacted_key"], "created_at": "2026-02-13T21:27:19.055Z",
		"expires_at": "2027-01-01T00:00:00.000Z", "created_by_user_id": defaultUserID, "key": secret,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("create\n got %v\nwant %v", got, want)
	}
	// The secret is answered once: the store keeps no trace of it, the
	// list only the redacted form.
	k, _ := e.srv.APIKey(id)
	if strings.Contains(fmt.Sprintf("%+v", k), secret) || strings.Contains(fmt.Sprintf("%+v", e.srv.APIKeys()), secret) {
		t.Error("the store holds the secret")
	}
	r := e.do("GET", apiKeys, "")
	if strings.Contains(string(r.body), secret) {
		t.Errorf("the list shows the secret: %s", r.body)
	}
	items, _ := e.listKeys("")
	delete(want, "key")
	if len(items) != 1 || !reflect.DeepEqual(items[0], want) {
		t.Errorf("list = %v, want [%v]", items, want)
	}
	// A description left out is left out of answers; no expiry, no expires_at.
	bare := e.createKey(`{"key_type":"USER","name":"bare","description":null,"expires_at":null}`)
	for _, k := range []string{"description", "expires_at", "last_used_at", "bot_user"} {
		if _, ok := bare[k]; ok {
			t.Errorf("%s answered: %v", k, bare)
		}
	}
	// The secret works as a bearer key.
	if !e.srv.KeyIsLive(secret) {
		t.Error("KeyIsLive(new secret) = false")
	}
	if r := e.as(secret, "GET", spaces, ""); r.status != 200 {
		t.Errorf("GET with the minted key: %d %s", r.status, r.body)
	}
	if r := e.as(secret+"x", "GET", spaces, ""); r.status != 401 {
		t.Errorf("GET with a wrong key: %d", r.status)
	}
}

func TestAPIKeyCreateService(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	other := e.createSpace(tm.org, "other")
	otherOrg := e.createOrg("elsewhere")
	foreign := e.createSpace(otherOrg, "foreign")
	hidden := e.createSpace(tm.org, "hidden")
	e.srv.ForbidSpace(hidden, true)
	custom := e.createRole(`{"name":"Uploader","permissions":["PROJECT_SPAN_CREATE"]}`)["id"].(string)

	got := e.createKey(serviceKeyBody("pipeline", tm.org, tm.space))
	bot := got["bot_user"].(map[string]any)
	wantBot := map[string]any{
		"id": bot["id"], "name": "pipeline (service account)",
		"account_role": map[string]any{"type": "PREDEFINED", "name": "MEMBER"},
		"organizations": []any{map[string]any{
			"org_id": tm.org, "role": map[string]any{"type": "PREDEFINED", "name": "READ_ONLY"},
			"spaces": []any{map[string]any{"space_id": tm.space, "role": map[string]any{"type": "PREDEFINED", "name": "MEMBER"}}},
		}},
	}
	if !reflect.DeepEqual(bot, wantBot) || got["key_type"] != "SERVICE" || got["key"] == nil {
		t.Errorf("bot_user\n got %v\nwant %v", bot, wantBot)
	}
	relaySeq(t, "User", bot["id"].(string))
	if _, ok := e.srv.User(bot["id"].(string)); ok {
		t.Error("the service account is a user of /v2/users")
	}
	// Roles as given, a custom one in a space.
	full := e.createKey(`{"key_type":"SERVICE","name":"admin","account_role":{"type":"PREDEFINED","name":"ADMIN"},` +
		`"organizations":[{"org_id":"` + tm.org + `","role":{"type":"PREDEFINED","name":"MEMBER"},"spaces":[` +
		`{"space_id":"` + tm.space + `","role":{"type":"PREDEFINED","name":"READ_ONLY"}},` +
		`{"space_id":"` + other + `","role":{"type":"CUSTOM","id":"` + custom + `"}}]},` +
		`{"org_id":"` + otherOrg + `","spaces":[{"space_id":"` + foreign + `","role":{"type":"PREDEFINED","name":"ADMIN"}}]}]}`)
	fb := full["bot_user"].(map[string]any)
	orgs := fb["organizations"].([]any)
	if fb["account_role"].(map[string]any)["name"] != "ADMIN" || len(orgs) != 2 ||
		!reflect.DeepEqual(orgs[0].(map[string]any)["spaces"].([]any)[1], map[string]any{"space_id": other, "role": map[string]any{"type": "CUSTOM", "id": custom}}) {
		t.Errorf("bot_user = %v", fb)
	}
	if k, _ := e.srv.APIKey(full["id"].(string)); k.BotUser == nil || len(k.BotUser.Organizations[0].Spaces) != 2 {
		t.Errorf("stored %+v", k)
	}

	org1 := func(spaces string) string {
		return `{"key_type":"SERVICE","name":"k","organizations":[{"org_id":"` + tm.org + `","spaces":[` + spaces + `]}]}`
	}
	sp := func(id, role string) string {
		if role == "" {
			return `{"space_id":"` + id + `"}`
		}
		return `{"space_id":"` + id + `","role":` + role + `}`
	}
	tests := []struct {
		name, body string
		status     int
		detail     string
	}{
		{"missing organizations", `{"key_type":"SERVICE","name":"k"}`, 422, "organizations is required"},
		{"null organizations", `{"key_type":"SERVICE","name":"k","organizations":null}`, 422, "must not be null"},
		{"no organization", `{"key_type":"SERVICE","name":"k","organizations":[]}`, 422, "1 to 100"},
		{"no space", org1(""), 422, "spaces must hold 1 to 100"},
		{"missing spaces", `{"key_type":"SERVICE","name":"k","organizations":[{"org_id":"` + tm.org + `"}]}`, 422, "organizations[0].spaces is required"},
		{"missing org_id", `{"key_type":"SERVICE","name":"k","organizations":[{"spaces":[]}]}`, 422, "organizations[0].org_id is required"},
		{"missing space_id", org1(`{}`), 422, "space_id is required"},
		{"unknown organization", `{"key_type":"SERVICE","name":"k","organizations":[{"org_id":"bm9wZQ==","spaces":[` + sp(tm.space, "") + `]}]}`, 404, "organization"},
		{"unknown space", org1(sp("bm9wZQ==", "")), 404, "space"},
		{"forbidden space", org1(sp(hidden, "")), 403, "access"},
		{"space of another organization", org1(sp(foreign, "")), 422, "does not belong to organization"},
		{"space twice", org1(sp(tm.space, "") + "," + sp(tm.space, "")), 422, "listed twice"},
		{"custom space role unknown", org1(sp(tm.space, `{"type":"CUSTOM","id":"bm9wZQ=="}`)), 404, "role"},
		{"annotator in a space", org1(sp(tm.space, `{"type":"PREDEFINED","name":"ANNOTATOR"}`)), 422, "for a service key"},
		{"custom organization role", `{"key_type":"SERVICE","name":"k","organizations":[{"org_id":"` + tm.org + `","role":{"type":"CUSTOM","id":"` + custom + `"},"spaces":[` + sp(tm.space, "") + `]}]}`, 422, "custom roles are not supported"},
		{"custom account role", `{"key_type":"SERVICE","name":"k","account_role":{"type":"CUSTOM","id":"` + custom + `"},"organizations":[{"org_id":"` + tm.org + `","spaces":[` + sp(tm.space, "") + `]}]}`, 422, "custom roles are not supported"},
		{"read-only account role", `{"key_type":"SERVICE","name":"k","account_role":{"type":"PREDEFINED","name":"READ_ONLY"},"organizations":[{"org_id":"` + tm.org + `","spaces":[` + sp(tm.space, "") + `]}]}`, 422, "account_role.name must be one of ADMIN, MEMBER"},
		{"annotator account role", `{"key_type":"SERVICE","name":"k","account_role":{"type":"PREDEFINED","name":"ANNOTATOR"},"organizations":[{"org_id":"` + tm.org + `","spaces":[` + sp(tm.space, "") + `]}]}`, 422, "account_role"},
		{"unknown role name", org1(sp(tm.space, `{"type":"PREDEFINED","name":"OWNER"}`)), 422, "role.name must be one of"},
		{"role as a string", org1(sp(tm.space, `"MEMBER"`)), 400, "role must be an object"},
		{"organizations not an array", `{"key_type":"SERVICE","name":"k","organizations":{}}`, 400, "must be an array"},
		{"organization not an object", `{"key_type":"SERVICE","name":"k","organizations":["x"]}`, 400, "must be an object"},
		{"unknown organization member", `{"key_type":"SERVICE","name":"k","organizations":[{"org_id":"x","spaces":[],"name":"n"}]}`, 400, `"organizations[0].name"`},
		{"unknown space member", org1(`{"space_id":"x","org_id":"y"}`), 400, `"organizations[0].spaces[0].org_id"`},
		{"organizations on a user key", `{"key_type":"USER","name":"k","organizations":[]}`, 400, "only allowed with key_type SERVICE"},
		{"account_role on a user key", `{"key_type":"USER","name":"k","account_role":null}`, 400, "only allowed with key_type SERVICE"},
		{"unknown member", `{"key_type":"USER","name":"k","scopes":[]}`, 400, `unknown field "scopes"`},
		{"the secret sent", `{"key_type":"USER","name":"k","key":"ak-x"}`, 400, "key is set by the server"},
		{"status sent", `{"key_type":"USER","name":"k","status":"ACTIVE"}`, 400, "status is set by the server"},
		{"missing key_type", `{"name":"k"}`, 422, "key_type is required"},
		{"unknown key_type", `{"key_type":"BOT","name":"k"}`, 422, "key_type must be one of USER, SERVICE"},
		{"key_type not a string", `{"key_type":1,"name":"k"}`, 400, "key_type must be a string"},
		{"missing name", `{"key_type":"USER"}`, 422, "name is required"},
		{"blank name", `{"key_type":"USER","name":" "}`, 422, "must not be blank"},
		{"long name", `{"key_type":"USER","name":"` + strings.Repeat("n", 257) + `"}`, 422, "at most 256"},
		{"long description", `{"key_type":"USER","name":"k","description":"` + strings.Repeat("d", 1001) + `"}`, 422, "at most 1000"},
		{"expires_at not a date", `{"key_type":"USER","name":"k","expires_at":"tomorrow"}`, 400, "RFC 3339"},
		{"expires_at a number", `{"key_type":"USER","name":"k","expires_at":1}`, 400, "must be a string"},
		{"expires_at past", `{"key_type":"USER","name":"k","expires_at":"2026-02-13T21:27:19Z"}`, 422, "in the future"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := map[int]string{400: CodeInvalidRequest, 403: CodeForbidden, 404: CodeNotFound, 422: CodeValidationError}[tt.status]
			wantProblem(t, e.do("POST", apiKeys, tt.body), tt.status, code, apiKeys, tt.detail)
		})
	}
	if n := len(e.srv.APIKeys()); n != 2 {
		t.Errorf("refused creates minted keys: %d", n)
	}
	// Names need not be unique: there is no 409.
	e.createKey(serviceKeyBody("pipeline", tm.org, tm.space))
}

// TestAPIKeyCaller: a user key belongs to the caller, who must be a
// developer; a minted key authenticates as its user or service account.
func TestAPIKeyCaller(t *testing.T) {
	no := false
	e := newEnv(t, func(o *Options) {
		o.Users = []User{{ID: defaultUserID, Email: "me@example.com", Role: "MEMBER", IsDeveloper: &no}}
	})
	tm := newTeam(e)
	wantProblem(t, e.do("POST", apiKeys, `{"key_type":"USER","name":"k"}`), 403, CodeForbidden, apiKeys, "developer")
	service := e.createKey(serviceKeyBody("s", tm.org, tm.space))
	wantProblem(t, e.do("POST", apiKeys, `{"key_type":"SERVICE","name":"k","account_role":{"type":"PREDEFINED","name":"ADMIN"},`+
		`"organizations":[{"org_id":"`+tm.org+`","spaces":[{"space_id":"`+tm.space+`"}]}]}`), 422, CodeValidationError, apiKeys, "above your own")
	wantProblem(t, e.do("GET", apiKeys, ""), 403, CodeForbidden, apiKeys, "developer")
	// A refresh of a user key needs the flag too.
	mine, _, err := e.srv.PutAPIKey(APIKey{KeyType: "USER", Name: "made outside"})
	if err != nil {
		t.Fatal(err)
	}
	wantProblem(t, e.do("POST", refreshPath(mine.ID), ""), 403, CodeForbidden, "", "developer")

	// A developer's user key authenticates as that user.
	dev := e.srv.AddUser(User{Email: "dev@example.com", Role: "MEMBER"})
	devKey, devSecret, err := e.srv.PutAPIKey(APIKey{KeyType: "user", Name: "dev", CreatedByUserID: dev.ID})
	if err != nil || devKey.CreatedByUserID != dev.ID {
		t.Fatalf("PutAPIKey: %+v %v", devKey, err)
	}
	made := e.as(devSecret, "POST", apiKeys, `{"key_type":"USER","name":"by dev"}`)
	if made.status != 201 || made.json(t)["created_by_user_id"] != dev.ID {
		t.Fatalf("a user key made with a user key: %d %s", made.status, made.body)
	}
	if r := e.as(devSecret, "GET", apiKeys, ""); r.status != 200 || strings.Count(string(r.body), `"id"`) != 2 {
		t.Errorf("the developer's own keys: %d %s", r.status, r.body)
	}
	// A member may not list another user's keys, nor revoke a service key
	// they did not make: a 404, "which prevents key-ID enumeration".
	wantProblem(t, e.as(devSecret, "GET", apiKeys+"?user_id="+url.QueryEscape(tm.admin), ""), 403, CodeForbidden, "", "admins")
	wantProblem(t, e.as(devSecret, "PUT", revokePath(service["id"].(string)), ""), 404, CodeNotFound, "", "not found")
	wantProblem(t, e.as(devSecret, "POST", refreshPath(service["id"].(string)), ""), 403, CodeForbidden, "", "creator or an account admin")
	// The service account is no developer: it may not revoke.
	wantProblem(t, e.as(service["key"].(string), "PUT", revokePath(devKey.ID), ""), 403, CodeForbidden, "", "developer")
	// A deleted user's keys stay listed, and authenticate no more.
	e.srv.RemoveUser(dev.ID)
	if e.srv.KeyIsLive(devSecret) {
		t.Error("a deleted user's key still authenticates")
	}
	if k, _ := e.srv.APIKey(devKey.ID); k.Status != "ACTIVE" {
		t.Errorf("the user's delete changed the key: %+v", k)
	}
	// A service key authenticates as its service account, which makes no
	// user keys.
	wantProblem(t, e.as(service["key"].(string), "POST", apiKeys, `{"key_type":"USER","name":"k"}`), 403, CodeForbidden, apiKeys, "developer")
	byBot := e.as(service["key"].(string), "POST", apiKeys, serviceKeyBody("child", tm.org, tm.space))
	if byBot.status != 201 || byBot.json(t)["created_by_user_id"] != service["bot_user"].(map[string]any)["id"] {
		t.Errorf("a service key made with a service key: %d %s", byBot.status, byBot.body)
	}
}

func TestAPIKeyRefresh(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	created := e.createKey(`{"key_type":"USER","name":"ci","description":"d"}`)
	id, old := created["id"].(string), created["key"].(string)
	e.clock.Advance(time.Hour)

	r := e.do("POST", refreshPath(id), "")
	if r.status != 200 {
		t.Fatalf("refresh: %d %s", r.status, r.body)
	}
	got := r.json(t)
	secret := got["key"].(string)
	if secret == old || !secretPattern.MatchString(secret) || got["redacted_key"] == created["redacted_key"] {
		t.Errorf("refresh kept the secret: %v", got)
	}
	want := map[string]any{
		"id": id, "name": "ci", "description": "d", "key_type": "USER", "status": "ACTIVE",
		"redacted_key": got["redacted_key"], "created_at": "2026-02-13T22:27:19.055Z",
		"created_by_user_id": defaultUserID, "key": secret,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("refresh\n got %v\nwant %v", got, want)
	}
	if e.srv.KeyIsLive(old) || !e.srv.KeyIsLive(secret) {
		t.Error("without a grace period the old secret must die and the new one live")
	}
	if r := e.as(secret, "GET", apiKeys, ""); r.status != 200 {
		t.Errorf("the refreshed key: %d", r.status)
	}
	if r := e.as(old, "GET", apiKeys, ""); r.status != 401 {
		t.Errorf("the replaced key: %d", r.status)
	}
	items, _ := e.listKeys("")
	delete(want, "key")
	want["last_used_at"] = "2026-02-13T22:27:19.055Z"
	if len(items) != 1 || !reflect.DeepEqual(items[0], want) {
		t.Errorf("after refresh the list is %v, want [%v]", items, want)
	}

	// A grace period keeps the old secret, never past the old expiry.
	r = e.do("POST", refreshPath(id), `{"grace_period_seconds":60}`)
	third := r.json(t)["key"].(string)
	if !e.srv.KeyIsLive(secret) || !e.srv.KeyIsLive(third) {
		t.Error("in the grace period both secrets must live")
	}
	e.clock.Advance(60 * time.Second)
	if e.srv.KeyIsLive(secret) || !e.srv.KeyIsLive(third) {
		t.Error("after the grace period only the new secret lives")
	}
	bounded := e.createKey(`{"key_type":"USER","name":"b","expires_at":"2026-02-14T00:00:00Z"}`)
	bid := bounded["id"].(string)
	r = e.do("POST", refreshPath(bid), `{"expires_at":"2026-02-13T23:00:00Z","grace_period_seconds":86400}`)
	if r.status != 200 || r.json(t)["expires_at"] != "2026-02-13T23:00:00.000Z" {
		t.Fatalf("refresh of a bounded key: %d %s", r.status, r.body)
	}
	newer := r.json(t)["key"].(string)
	// At 23:28 the new secret has expired; the old one lives on to the end
	// of its grace period, capped at its own expiry, 00:00.
	e.clock.Advance(time.Hour)
	if !e.srv.KeyIsLive(bounded["key"].(string)) || e.srv.KeyIsLive(newer) {
		t.Error("at 23:28 the old secret must live and the new one be expired")
	}
	e.clock.Advance(time.Hour) // 00:28: past both expiries
	if e.srv.KeyIsLive(bounded["key"].(string)) {
		t.Error("the grace period outlived the old key's expiry")
	}

	// A service key's refresh answers no bot_user and keeps its grants.
	svc := e.createKey(serviceKeyBody("svc", tm.org, tm.space))
	r = e.do("POST", refreshPath(svc["id"].(string)), `{}`)
	if got := r.json(t); r.status != 200 || got["bot_user"] != nil || got["id"] != svc["id"] {
		t.Errorf("service refresh: %d %s", r.status, r.body)
	}
	if k, _ := e.srv.APIKey(svc["id"].(string)); k.BotUser == nil || k.BotUser.ID != svc["bot_user"].(map[string]any)["id"] {
		t.Errorf("the refresh changed the service account: %+v", k)
	}

	expiring := e.createKey(`{"key_type":"USER","name":"x","expires_at":"2026-03-01T00:00:00Z"}`)["id"].(string)
	revoked := e.createKey(`{"key_type":"USER","name":"r"}`)["id"].(string)
	e.srv.RevokeAPIKey(revoked)
	expired := e.createKey(`{"key_type":"USER","name":"e"}`)["id"].(string)
	e.srv.ExpireAPIKey(expired)
	tests := []struct {
		name, id, body string
		status         int
		detail         string
	}{
		{"expiry omitted", expiring, `{}`, 422, "expires_at is required"},
		{"expiry null", expiring, `{"expires_at":null}`, 422, "expires_at is required"},
		{"no body", expiring, "", 422, "expires_at is required"},
		{"expiry extended", expiring, `{"expires_at":"2026-03-02T00:00:00Z"}`, 422, "no later than"},
		{"expiry past", id, `{"expires_at":"2026-01-01T00:00:00Z"}`, 422, "in the future"},
		{"grace too long", id, `{"grace_period_seconds":86401}`, 422, "from 0 to 86400"},
		{"grace negative", id, `{"grace_period_seconds":-1}`, 422, "from 0 to 86400"},
		{"grace not an integer", id, `{"grace_period_seconds":1.5}`, 400, "must be an integer"},
		{"grace a string", id, `{"grace_period_seconds":"60"}`, 400, "must be an integer"},
		{"expiry not a date", id, `{"expires_at":"soon"}`, 400, "RFC 3339"},
		{"unknown member", id, `{"name":"n"}`, 400, `unknown field "name"`},
		{"not an object", id, `[]`, 400, "JSON object"},
		{"unknown key", "bm9wZQ==", "", 404, "not found"},
		{"revoked key", revoked, "", 404, "not active"},
		{"expired key", expired, "", 404, "not active"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := map[int]string{400: CodeInvalidRequest, 404: CodeNotFound, 422: CodeValidationError}[tt.status]
			wantProblem(t, e.do("POST", refreshPath(tt.id), tt.body), tt.status, code, "", tt.detail)
		})
	}
	// An unbounded key may be given an expiry.
	r = e.do("POST", refreshPath(id), `{"expires_at":"2026-06-01T00:00:00Z"}`)
	if r.status != 200 || r.json(t)["expires_at"] != "2026-06-01T00:00:00.000Z" {
		t.Errorf("an expiry added: %d %s", r.status, r.body)
	}
}

func TestAPIKeyRevoke(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	created := e.createKey(serviceKeyBody("svc", tm.org, tm.space))
	id, secret := created["id"].(string), created["key"].(string)
	r := e.do("POST", refreshPath(id), `{"grace_period_seconds":600}`)
	current := r.json(t)["key"].(string)
	for range 2 { // revoking a revoked key is a no-op, 204 too
		if r := e.do("PUT", revokePath(id), ""); r.status != 204 || len(r.body) != 0 {
			t.Fatalf("revoke: %d %s", r.status, r.body)
		}
	}
	if e.srv.KeyIsLive(secret) || e.srv.KeyIsLive(current) {
		t.Error("a revoked key's secrets, grace included, must stop working at once")
	}
	if r := e.as(current, "GET", spaces, ""); r.status != 401 {
		t.Errorf("the revoked key: %d", r.status)
	}
	if items, _ := e.listKeys("?space_id=" + url.QueryEscape(tm.space)); len(items) != 0 {
		t.Errorf("a revoked key lists as active: %v", items)
	}
	items, _ := e.listKeys("?space_id=" + url.QueryEscape(tm.space) + "&status=REVOKED")
	if len(items) != 1 || items[0]["status"] != "REVOKED" || items[0]["id"] != id {
		t.Errorf("status=REVOKED: %v", items)
	}
	wantProblem(t, e.do("PUT", revokePath("bm9wZQ=="), ""), 404, CodeNotFound, "", "not found")
	if r := e.do("PUT", revokePath(e.createKey(`{"key_type":"USER","name":"u"}`)["id"].(string)), `{"ignored":true}`); r.status != 204 {
		t.Errorf("revoke with a body: %d", r.status)
	}
}

func TestAPIKeyList(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	other := e.createSpace(tm.org, "other")
	hidden := e.createSpace(tm.org, "hidden")
	e.srv.ForbidSpace(hidden, true)
	u1 := e.createKey(`{"key_type":"USER","name":"u1"}`)["id"].(string)
	s1 := e.createKey(serviceKeyBody("s1", tm.org, tm.space))["id"].(string)
	u2 := e.createKey(`{"key_type":"USER","name":"u2"}`)["id"].(string)
	s2 := e.createKey(`{"key_type":"SERVICE","name":"s2","organizations":[{"org_id":"` + tm.org + `","spaces":[{"space_id":"` + tm.space + `"},{"space_id":"` + other + `"}]}]}`)["id"].(string)
	theirs, _, err := e.srv.PutAPIKey(APIKey{KeyType: "USER", Name: "theirs", CreatedByUserID: tm.member})
	if err != nil {
		t.Fatal(err)
	}
	gone := e.createKey(`{"key_type":"USER","name":"gone"}`)["id"].(string)
	e.srv.RevokeAPIKey(gone)
	expired := e.createKey(`{"key_type":"USER","name":"expired"}`)["id"].(string)
	e.srv.ExpireAPIKey(expired)

	tests := []struct{ query, want string }{
		{"", u1 + "," + u2 + "," + expired},
		{"?key_type=USER", u1 + "," + u2 + "," + expired},
		{"?key_type=USER&status=ACTIVE", u1 + "," + u2 + "," + expired},
		{"?status=REVOKED", gone},
		{"?user_id=" + url.QueryEscape(tm.member), theirs.ID},
		{"?space_id=" + url.QueryEscape(tm.space), s1 + "," + s2},
		{"?key_type=SERVICE&space_id=" + url.QueryEscape(other), s2},
		{"?space_id=" + url.QueryEscape(tm.space) + "&user_id=" + url.QueryEscape(defaultUserID), s1 + "," + s2},
		{"?space_id=" + url.QueryEscape(tm.space) + "&user_id=" + url.QueryEscape(tm.member), ""},
		{"?space_id=" + url.QueryEscape(tm.space) + "&status=REVOKED", ""},
	}
	for _, tt := range tests {
		if items, _ := e.listKeys(tt.query); keyIDs(items) != tt.want {
			t.Errorf("GET %s = %s, want %s", tt.query, keyIDs(items), tt.want)
		}
	}
	// An expired key lists as ACTIVE, its expires_at not after the clock.
	items, _ := e.listKeys("?limit=1&cursor=" + func() string {
		_, pg := e.listKeys("?limit=2")
		return pg["next_cursor"].(string)
	}())
	if len(items) != 1 || items[0]["id"] != expired || items[0]["status"] != "ACTIVE" || items[0]["expires_at"] != "2026-02-13T21:27:19.055Z" {
		t.Errorf("the expired key on page 2: %v", items)
	}
	errs := []struct {
		query  string
		status int
		detail string
	}{
		{"?key_type=SERVICE", 400, "space_id is required"},
		{"?key_type=USER&space_id=" + url.QueryEscape(tm.space), 400, "cannot be combined"},
		{"?key_type=user", 400, "key_type must be one of USER, SERVICE"},
		{"?status=revoked", 400, "status must be one of ACTIVE, REVOKED"},
		{"?status=EXPIRED", 400, "status must be one of"},
		{"?name=u1", 400, "unknown query parameter"},
		{"?space_id=bm9wZQ==", 404, "no such space"},
		{"?space_id=" + url.QueryEscape(hidden), 404, "no such space"},
		{"?user_id=bm9wZQ==", 404, "not found"},
		{"?limit=101", 400, "limit"},
	}
	for _, tt := range errs {
		code := map[int]string{400: CodeInvalidRequest, 404: CodeNotFound}[tt.status]
		wantProblem(t, e.do("GET", apiKeys+tt.query, ""), tt.status, code, apiKeys, tt.detail)
	}
	_, pg := e.listKeys("?limit=1")
	wantProblem(t, e.do("GET", apiKeys+"?limit=1&status=REVOKED&cursor="+pg["next_cursor"].(string), ""), 400, CodeInvalidRequest, "", "cursor")
}

// TestAPIKeyExpiry: a key's secret stops working when it expires, by the
// clock or by ExpireAPIKey, and the key stays listed as ACTIVE.
func TestAPIKeyExpiry(t *testing.T) {
	e := newEnv(t)
	k := e.createKey(`{"key_type":"USER","name":"hour","expires_at":"2026-02-13T22:27:19.055Z"}`)
	if r := e.as(k["key"].(string), "GET", apiKeys, ""); r.status != 200 {
		t.Fatalf("before expiry: %d", r.status)
	}
	e.clock.Advance(time.Hour)
	if e.srv.KeyIsLive(k["key"].(string)) {
		t.Error("alive at its expiry")
	}
	if r := e.as(k["key"].(string), "GET", apiKeys, ""); r.status != 401 {
		t.Errorf("after expiry: %d", r.status)
	}
	other := e.createKey(`{"key_type":"USER","name":"forever"}`)
	if !e.srv.ExpireAPIKey(other["id"].(string)) || e.srv.ExpireAPIKey("bm9wZQ==") {
		t.Error("ExpireAPIKey: want true for a key, false for none")
	}
	if e.srv.KeyIsLive(other["key"].(string)) {
		t.Error("ExpireAPIKey left the secret alive")
	}
	got, _ := e.srv.APIKey(other["id"].(string))
	if got.Status != "ACTIVE" || !got.ExpiresAt.Equal(e.clock.Now().Truncate(time.Millisecond)) {
		t.Errorf("expired key %+v", got)
	}
	if items, _ := e.listKeys(""); len(items) != 2 {
		t.Errorf("expired keys listed: %v", items)
	}
}

func TestAPIKeyPublishedDialect(t *testing.T) {
	e := dialectEnv(t, DialectPublished)
	tm := newTeam(e)
	got := e.createKey(`{"key_type":"service","name":"s","account_role":{"type":"predefined","name":"admin"},` +
		`"organizations":[{"org_id":"` + tm.org + `","spaces":[{"space_id":"` + tm.space + `","role":{"type":"predefined","name":"read-only"}}]}]}`)
	bot := got["bot_user"].(map[string]any)
	org := bot["organizations"].([]any)[0].(map[string]any)
	if got["key_type"] != "service" || got["status"] != "active" ||
		!reflect.DeepEqual(bot["account_role"], map[string]any{"type": "predefined", "name": "admin"}) ||
		!reflect.DeepEqual(org["role"], map[string]any{"type": "predefined", "name": "read-only"}) {
		t.Errorf("published answer: %v", got)
	}
	if k, _ := e.srv.APIKey(got["id"].(string)); k.KeyType != "SERVICE" || k.BotUser.AccountRole.Name != "ADMIN" {
		t.Errorf("stored in today's spelling? %+v", k)
	}
	user := e.createKey(`{"key_type":"user","name":"u"}`)
	e.srv.RevokeAPIKey(user["id"].(string))
	items, _ := e.listKeys("?key_type=user&status=revoked")
	if len(items) != 1 || items[0]["status"] != "revoked" || items[0]["key_type"] != "user" {
		t.Errorf("published list: %v", items)
	}
	e.srv.ResetCounters()
	wantProblem(t, e.do("POST", apiKeys, `{"key_type":"USER","name":"u"}`), 422, CodeValidationError, apiKeys, "key_type must be one of user, service")
	wantProblem(t, e.do("POST", apiKeys, `{"key_type":"service","name":"s","organizations":[{"org_id":"`+tm.org+
		`","spaces":[{"space_id":"`+tm.space+`","role":{"type":"PREDEFINED","name":"MEMBER"}}]}]}`), 422, CodeValidationError, apiKeys, "role.type")
	if n := e.srv.RefusedForSpellingAt("POST", RouteAPIKeys); n != 2 {
		t.Errorf("RefusedForSpellingAt = %d, want 2", n)
	}
	wantProblem(t, e.do("GET", apiKeys+"?status=REVOKED", ""), 400, CodeInvalidRequest, apiKeys, "status must be one of active, revoked")
	wantProblem(t, e.do("GET", apiKeys+"?key_type=SERVICE&space_id=x", ""), 400, CodeInvalidRequest, apiKeys, "key_type must be one of user, service")
}

func TestAPIKeyHooks(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	hidden := e.createSpace(tm.org, "hidden")
	e.srv.ForbidSpace(hidden, true)
	e.srv.ResetCounters()
	svc, secret, err := e.srv.PutAPIKey(APIKey{KeyType: "service", Name: "outside", BotUser: &BotUser{
		Organizations: []BotUserOrganization{{OrgID: tm.org, Spaces: []BotUserSpace{
			{SpaceID: hidden, Role: MemberRole{Type: "predefined", Name: "read-only"}},
		}}},
	}})
	if err != nil || !e.srv.KeyIsLive(secret) || svc.KeyType != "SERVICE" || svc.Status != "ACTIVE" || svc.BotUser.ID == "" {
		t.Fatalf("PutAPIKey: %+v %v", svc, err)
	}
	wantBot := &BotUser{ID: svc.BotUser.ID, Name: "outside (service account)", AccountRole: MemberRole{Type: "PREDEFINED", Name: "MEMBER"},
		Organizations: []BotUserOrganization{{OrgID: tm.org, Role: MemberRole{Type: "PREDEFINED", Name: "READ_ONLY"},
			Spaces: []BotUserSpace{{SpaceID: hidden, Role: MemberRole{Type: "PREDEFINED", Name: "READ_ONLY"}}}}}}
	if !reflect.DeepEqual(svc.BotUser, wantBot) {
		t.Errorf("BotUser\n got %+v\nwant %+v", svc.BotUser, wantBot)
	}
	// What the hooks hand out is a copy.
	svc.BotUser.Organizations[0].Spaces[0].SpaceID = "changed"
	if got, _ := e.srv.APIKey(svc.ID); got.BotUser.Organizations[0].Spaces[0].SpaceID != hidden {
		t.Error("APIKey shares its service account with the caller")
	}
	var p *Problem
	for _, bad := range []APIKey{
		{KeyType: "USER"},
		{KeyType: "BOT", Name: "k"},
		{KeyType: "SERVICE", Name: "k"},
		{KeyType: "SERVICE", Name: "k", BotUser: &BotUser{Organizations: []BotUserOrganization{{OrgID: "bm9wZQ==", Spaces: []BotUserSpace{{SpaceID: tm.space}}}}}},
	} {
		if _, _, err := e.srv.PutAPIKey(bad); !errors.As(err, &p) {
			t.Errorf("PutAPIKey(%+v): %v", bad, err)
		}
	}
	user, _, err := e.srv.PutAPIKey(APIKey{KeyType: "USER", Name: "u", ExpiresAt: e.clock.Now().Add(time.Hour)})
	if err != nil || user.CreatedByUserID != defaultUserID || user.BotUser != nil {
		t.Errorf("PutAPIKey(USER): %+v %v", user, err)
	}
	if got := e.srv.APIKeys(); len(got) != 2 || got[0].ID != svc.ID || got[1].ID != user.ID {
		t.Errorf("APIKeys = %+v", got)
	}
	for range 2 { // revoked or not, the key exists
		if !e.srv.RevokeAPIKey(svc.ID) {
			t.Error("RevokeAPIKey of a key: false")
		}
	}
	if e.srv.RevokeAPIKey("bm9wZQ==") {
		t.Error("RevokeAPIKey of no key: true")
	}
	if got, _ := e.srv.APIKey(svc.ID); got.Status != "REVOKED" || e.srv.KeyIsLive(secret) {
		t.Errorf("revoked: %+v", got)
	}
	if _, ok := e.srv.APIKey("bm9wZQ=="); ok || e.srv.KeyIsLive("") || e.srv.KeyIsLive(testKey) {
		t.Error("APIKey or KeyIsLive of nothing")
	}
	if n := e.srv.Total(); n != 0 {
		t.Errorf("hooks were counted: %d", n)
	}
}

// TestAPIKeyAuth: the server's own key keeps working beside minted ones,
// and using a minted key sets its last_used_at.
func TestAPIKeyAuth(t *testing.T) {
	e := newEnv(t)
	k := e.createKey(`{"key_type":"USER","name":"k"}`)
	e.clock.Advance(time.Minute)
	if r := e.as(k["key"].(string), "GET", collection, ""); r.status != 200 {
		t.Fatalf("minted key: %d", r.status)
	}
	items, _ := e.listKeys("")
	if items[0]["last_used_at"] != "2026-02-13T21:28:19.055Z" {
		t.Errorf("last_used_at = %v", items[0]["last_used_at"])
	}
	for _, h := range []string{k["key"].(string), "Bearer" + k["key"].(string), "bearer " + k["key"].(string)} {
		if r := e.raw("GET", collection, "", http.Header{"Authorization": {h}}); r.status != 401 {
			t.Errorf("Authorization %q: %d", h[:8], r.status)
		}
	}
	empty := newEnv(t, func(o *Options) { o.APIKey = "" })
	_, secret, err := empty.srv.PutAPIKey(APIKey{KeyType: "USER", Name: "k"})
	if err != nil {
		t.Fatal(err)
	}
	if r := empty.as(secret, "GET", collection, ""); r.status != 401 {
		t.Errorf("with an empty Options.APIKey a minted key was accepted: %d", r.status)
	}
}
