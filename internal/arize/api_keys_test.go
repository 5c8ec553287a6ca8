package arize

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// The API key endpoints against the emulator, in each of its dialects: what
// each call sends and reads back (in today's spelling whatever the
// server's), the secret answered once and never logged, paging to a key,
// and how a create of unknown outcome ends without a second key.

var apiKeyDialects = []emulator.Dialect{emulator.DialectToday, emulator.DialectPublished}

// farExpiry is an expiry after every clock these tests run with.
const farExpiry = "2030-01-01T00:00:00Z"

// movingClock is an emulator clock that follows the test's own, shifted by
// an offset the test moves: create recovery compares the server's
// created_at with this client's clock, as it does against the real API.
type movingClock struct{ offset atomic.Int64 }

func (c *movingClock) now() time.Time { return time.Now().Add(time.Duration(c.offset.Load())) }

func (c *movingClock) shift(d time.Duration) { c.offset.Add(int64(d)) }

// warnRecordingLogger is a recordingLogger that also takes warnings, as the
// provider's tflog logger does.
type warnRecordingLogger struct {
	recordingLogger
	mu    sync.Mutex
	warns []logEntry
}

func (l *warnRecordingLogger) Warn(_ context.Context, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.warns = append(l.warns, logEntry{Msg: msg, Fields: maps.Clone(fields)})
}

func (l *warnRecordingLogger) warnings() []logEntry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]logEntry(nil), l.warns...)
}

// keyFixture is an emulator on the test's clock, a client of it with a
// logger that keeps warnings, and an organization with two spaces for
// service keys.
type keyFixture struct {
	*fixture
	clock         *movingClock
	log           *warnRecordingLogger
	org           string
	spaceA, space string
}

func newKeyFixture(t *testing.T, dialect emulator.Dialect) *keyFixture {
	t.Helper()
	clock := &movingClock{}
	log := &warnRecordingLogger{}
	f := newFixtureOpts(t, emulator.Options{Dialect: dialect, Now: clock.now}, func(c *Config) { c.Logger = log })
	org, err := f.emu.PutOrganization("Platform", "")
	if err != nil {
		t.Fatal(err)
	}
	a, err := f.emu.PutSpace(org.ID, "pipelines", "", false)
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.emu.PutSpace(org.ID, "models", "", false)
	if err != nil {
		t.Fatal(err)
	}
	return &keyFixture{fixture: f, clock: clock, log: log, org: org.ID, spaceA: a.ID, space: b.ID}
}

// serviceKey is a SERVICE key's create request on the fixture's two spaces.
func (f *keyFixture) serviceKey(name string) APIKeyCreateRequest {
	reader := Predefined(RoleReadOnly)
	return APIKeyCreateRequest{
		KeyType: APIKeyService, Name: name, Description: "the nightly pipeline", ExpiresAt: farExpiry,
		AccountRole: RoleMember,
		Organizations: []ServiceKeyOrganization{{
			OrgID: f.org, Role: &reader,
			Spaces: []ServiceKeySpace{{SpaceID: f.spaceA}, {SpaceID: f.space, Role: &reader}},
		}},
	}
}

// works reports whether secret authenticates a request to the API: a list
// of spaces, with secret as the bearer key.
func (f *keyFixture) works(t *testing.T, secret Secret) bool {
	t.Helper()
	c := newClient(t, f.url, func(c *Config) { c.APIKey = secret.Reveal(); c.MaxRetries = -1 })
	_, err := c.ListSpaces(context.Background(), SpaceListOptions{})
	switch {
	case err == nil:
		return true
	case hasStatus(err, http.StatusUnauthorized):
		return false
	}
	t.Fatalf("a request with the key failed otherwise than 401: %v", err)
	return false
}

func TestAPIKeyLifecycle_user(t *testing.T) {
	for _, dialect := range apiKeyDialects {
		t.Run(string(dialect), func(t *testing.T) {
			f := newKeyFixture(t, dialect)
			ctx := context.Background()

			created, err := f.c.CreateAPIKey(ctx, APIKeyCreateRequest{
				KeyType: APIKeyUser, Name: "laptop", Description: "notebooks", ExpiresAt: "2030-01-01T01:00:00+01:00",
			})
			if err != nil {
				t.Fatal(err)
			}
			k := created.APIKey
			// Today's spelling, whatever the server's; the expiry as the
			// server keeps it (UTC, milliseconds), the same instant.
			if k.ID == "" || k.Name != "laptop" || k.Description != "notebooks" || k.KeyType != APIKeyUser ||
				k.Status != APIKeyActive || k.CreatedByUserID != defaultUserID || !SameInstant(k.ExpiresAt, farExpiry) ||
				k.RedactedKey == "" || created.ServiceAccount != nil || created.Recovered {
				t.Errorf("CreateAPIKey = %s", dump(created))
			}
			if !f.emu.KeyIsLive(created.Key.Reveal()) || !f.works(t, created.Key) {
				t.Fatal("the created secret does not authenticate")
			}
			if got := f.c.callerID(); got != defaultUserID {
				t.Errorf("callerID after a create = %q, want %q", got, defaultUserID)
			}

			found, err := f.c.FindAPIKey(ctx, APIKeyListOptions{KeyType: APIKeyUser, Status: APIKeyActive}, k.ID)
			if err != nil || found == nil {
				t.Fatalf("FindAPIKey = %s, %v; want %s", dump(found), err, dump(k))
			}
			// The request made with it above was its first use.
			if found.LastUsedAt == "" {
				t.Errorf("the listed key shows no use: %s", dump(found))
			}
			unused := *found
			unused.LastUsedAt = ""
			if unused != k {
				t.Errorf("FindAPIKey = %s; want %s", dump(found), dump(k))
			}

			f.clock.shift(time.Minute)
			refreshed, err := f.c.RefreshAPIKey(ctx, k.ID, k.ExpiresAt)
			if err != nil {
				t.Fatal(err)
			}
			// The ID stays; the secret and created_at move.
			if refreshed.ID != k.ID || refreshed.Key == created.Key || refreshed.RedactedKey == k.RedactedKey ||
				refreshed.CreatedAt == k.CreatedAt || refreshed.ExpiresAt != k.ExpiresAt || refreshed.Status != APIKeyActive {
				t.Errorf("RefreshAPIKey = %s; want the same key with a new secret", dump(refreshed))
			}
			if f.emu.KeyIsLive(created.Key.Reveal()) || !f.emu.KeyIsLive(refreshed.Key.Reveal()) {
				t.Error("after the refresh the old secret is live, or the new one is not")
			}
			// A key with an expiry refreshed without it: 422, in both.
			if _, err := f.c.RefreshAPIKey(ctx, k.ID, ""); !hasStatus(err, http.StatusUnprocessableEntity) {
				t.Errorf("a refresh without the key's expiry: %v; want a 422", err)
			}

			if err := f.c.RevokeAPIKey(ctx, k.ID); err != nil {
				t.Fatal(err)
			}
			if f.emu.KeyIsLive(refreshed.Key.Reveal()) {
				t.Error("the revoked key's secret still authenticates")
			}
			if err := f.c.RevokeAPIKey(ctx, k.ID); err != nil {
				t.Errorf("revoking a revoked key: %v; want no error (a no-op)", err)
			}
			if found, err := f.c.FindAPIKey(ctx, APIKeyListOptions{KeyType: APIKeyUser, Status: APIKeyActive}, k.ID); err != nil || found != nil {
				t.Errorf("FindAPIKey among the active after revoke = %s, %v; want none", dump(found), err)
			}
			revoked, err := f.c.FindAPIKey(ctx, APIKeyListOptions{KeyType: APIKeyUser, Status: APIKeyRevoked}, k.ID)
			if err != nil || revoked == nil || revoked.Status != APIKeyRevoked {
				t.Errorf("FindAPIKey among the revoked = %s, %v; want it, REVOKED", dump(revoked), err)
			}
			if err := f.c.RevokeAPIKey(ctx, "QXBpS2V5Ojk5OTpub25l"); !IsNotFound(err) {
				t.Errorf("revoking an unknown key: %v; want a 404", err)
			}
			// The list's spelling is found with at most one refused page.
			if n := f.emu.Answers("GET", emulator.RouteAPIKeys, http.StatusBadRequest); n > 1 {
				t.Errorf("%d list pages refused; finding the spelling costs at most one", n)
			}
			if n := f.emu.RefusedForSpelling(); n > 1 {
				t.Errorf("%d writes refused for their spelling; finding it costs at most one", n)
			}
		})
	}
}

func TestAPIKeyLifecycle_service(t *testing.T) {
	for _, dialect := range apiKeyDialects {
		t.Run(string(dialect), func(t *testing.T) {
			f := newKeyFixture(t, dialect)
			ctx := context.Background()
			in := f.serviceKey("pipeline")

			created, err := f.c.CreateAPIKey(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			if created.KeyType != APIKeyService || created.Status != APIKeyActive || created.Name != "pipeline" ||
				created.Description != "the nightly pipeline" || !f.emu.KeyIsLive(created.Key.Reveal()) {
				t.Fatalf("CreateAPIKey = %s", dump(created))
			}
			// The service account, every role resolved and in today's
			// spelling: the account role sent, the organization's, one
			// space's default (MEMBER) and the other's.
			bot := created.ServiceAccount
			if bot == nil || bot.ID == "" || bot.AccountRole != Predefined(RoleMember) || len(bot.Organizations) != 1 ||
				bot.Organizations[0].OrgID != f.org || *bot.Organizations[0].Role != Predefined(RoleReadOnly) ||
				len(bot.Organizations[0].Spaces) != 2 || *bot.Organizations[0].Spaces[0].Role != Predefined(RoleMember) ||
				*bot.Organizations[0].Spaces[1].Role != Predefined(RoleReadOnly) {
				t.Errorf("the service account = %s", dump(bot))
			}
			stored, _ := f.emu.APIKey(created.ID)
			if stored.BotUser == nil || stored.BotUser.Organizations[0].Spaces[1].Role.Name != "READ_ONLY" {
				t.Errorf("the emulator holds %+v", stored.BotUser)
			}

			// Listed under either of its spaces, not as a user key.
			for _, space := range []string{f.spaceA, f.space} {
				found, err := f.c.FindAPIKey(ctx, APIKeyListOptions{KeyType: APIKeyService, Status: APIKeyActive, SpaceID: space}, created.ID)
				if err != nil || found == nil || *found != created.APIKey {
					t.Errorf("FindAPIKey in space %s = %s, %v", space, dump(found), err)
				}
			}
			if found, err := f.c.FindAPIKey(ctx, APIKeyListOptions{KeyType: APIKeyUser}, created.ID); err != nil || found != nil {
				t.Errorf("FindAPIKey among user keys = %s, %v; want none", dump(found), err)
			}

			refreshed, err := f.c.RefreshAPIKey(ctx, created.ID, created.ExpiresAt)
			if err != nil || refreshed.ID != created.ID || refreshed.ServiceAccount != nil || !f.emu.KeyIsLive(refreshed.Key.Reveal()) {
				t.Fatalf("RefreshAPIKey = %s, %v", dump(refreshed), err)
			}
			if err := f.c.RevokeAPIKey(ctx, created.ID); err != nil {
				t.Fatal(err)
			}
			if f.emu.KeyIsLive(refreshed.Key.Reveal()) {
				t.Error("the revoked service key still authenticates")
			}
		})
	}
}

// The create bodies are the strict forms of the contract: a USER key's
// carries no service key member, defaults are left out, and the enums go
// out in the server's spelling.
func TestCreateAPIKey_body(t *testing.T) {
	reader := Predefined(RoleReadOnly)
	custom := Custom("Um9sZTo5OnJldmlld2Vy")
	in := APIKeyCreateRequest{
		KeyType: APIKeyService, Name: "n", AccountRole: RoleAdmin,
		Organizations: []ServiceKeyOrganization{{OrgID: "o", Role: &reader, Spaces: []ServiceKeySpace{{SpaceID: "s"}, {SpaceID: "t", Role: &custom}}}},
	}
	tests := []struct {
		name string
		in   APIKeyCreateRequest
		sp   Spelling
		want string
	}{
		{"user key, nothing optional", APIKeyCreateRequest{KeyType: APIKeyUser, Name: "n"}, SpellingToday, `{"key_type":"USER","name":"n"}`},
		{"user key, everything", APIKeyCreateRequest{KeyType: APIKeyUser, Name: "n", Description: "d", ExpiresAt: farExpiry,
			AccountRole: RoleAdmin, Organizations: in.Organizations}, SpellingPublished,
			`{"key_type":"user","name":"n","description":"d","expires_at":"2030-01-01T00:00:00Z"}`},
		{"service key, today", in, SpellingToday, `{"key_type":"SERVICE","name":"n","account_role":{"type":"PREDEFINED","name":"ADMIN"},` +
			`"organizations":[{"org_id":"o","role":{"type":"PREDEFINED","name":"READ_ONLY"},"spaces":[{"space_id":"s"},` +
			`{"space_id":"t","role":{"type":"CUSTOM","id":"Um9sZTo5OnJldmlld2Vy"}}]}]}`},
		{"service key, published", in, SpellingPublished, `{"key_type":"service","name":"n","account_role":{"type":"predefined","name":"admin"},` +
			`"organizations":[{"org_id":"o","role":{"type":"predefined","name":"read-only"},"spaces":[{"space_id":"s"},` +
			`{"space_id":"t","role":{"type":"custom","id":"Um9sZTo5OnJldmlld2Vy"}}]}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(tt.in.body(tt.sp))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("body =\n %s\nwant\n %s", got, tt.want)
			}
		})
	}
}

// A create whose answer is lost after the server made the key is recovered
// by listing: exactly one key, whose secret (lost with the answer) is
// replaced by one refresh, and a warning without the secret.
func TestCreateAPIKey_answerLostRecovered(t *testing.T) {
	for _, dialect := range apiKeyDialects {
		for _, keyType := range []APIKeyType{APIKeyUser, APIKeyService} {
			t.Run(string(dialect)+"/"+string(keyType), func(t *testing.T) {
				f := newKeyFixture(t, dialect)
				in := APIKeyCreateRequest{KeyType: APIKeyUser, Name: "lost", ExpiresAt: farExpiry}
				if keyType == APIKeyService {
					in = f.serviceKey("lost")
				}
				f.emu.DropNext(1, true)
				got, err := f.c.CreateAPIKey(context.Background(), in)
				if err != nil {
					t.Fatal(err)
				}
				keys := f.emu.APIKeys()
				if len(keys) != 1 || keys[0].ID != got.ID {
					t.Fatalf("the emulator holds %d keys, want exactly the adopted %s", len(keys), got.ID)
				}
				if !got.Recovered || got.Name != "lost" || got.KeyType != keyType || got.ServiceAccount != nil {
					t.Errorf("CreateAPIKey = %s; want the key recovered", dump(got))
				}
				if !f.emu.KeyIsLive(got.Key.Reveal()) || !f.works(t, got.Key) {
					t.Error("the recovered key's secret does not authenticate")
				}
				if n := f.emu.Count("POST", emulator.RouteAPIKeys) - f.emu.RefusedForSpellingAt("POST", emulator.RouteAPIKeys); n != 1 {
					t.Errorf("%d creates sent; the lost one must be looked up, not sent again", n)
				}
				if n := f.emu.Count("POST", emulator.RouteAPIKeyRefresh); n != 1 {
					t.Errorf("%d refreshes, want exactly 1", n)
				}
				warns := f.log.warnings()
				if len(warns) != 1 || warns[0].Fields["id"] != got.ID || !strings.Contains(warns[0].Msg, "refreshed once") {
					t.Errorf("warnings = %v; want one naming the key", warns)
				}
				for _, e := range append(warns, f.log.all()...) {
					if text := fmt.Sprint(e); strings.Contains(text, got.Key.Reveal()) {
						t.Errorf("a log entry carries the secret: %s", e.Msg)
					}
				}
			})
		}
	}
}

// A try that never reached the server leaves no key: the look-up finds
// none, and the create is sent again, once.
func TestCreateAPIKey_droppedBeforeServedIsSentAgain(t *testing.T) {
	f := newKeyFixture(t, emulator.DialectToday)
	f.emu.DropNext(1, false)
	got, err := f.c.CreateAPIKey(context.Background(), APIKeyCreateRequest{KeyType: APIKeyUser, Name: "again"})
	if err != nil {
		t.Fatal(err)
	}
	if keys := f.emu.APIKeys(); len(keys) != 1 || got.Recovered || !f.emu.KeyIsLive(got.Key.Reveal()) {
		t.Fatalf("the emulator holds %d keys; CreateAPIKey = %s", len(keys), dump(got))
	}
	if n := f.emu.Count("POST", emulator.RouteAPIKeys); n != 2 {
		t.Errorf("%d POSTs, want 2: the dropped one and the one sent again", n)
	}
	if n := f.emu.Count("POST", emulator.RouteAPIKeyRefresh); n != 0 {
		t.Errorf("%d refreshes; nothing was adopted", n)
	}
}

// What the look-up leaves alone: a same-named key made before the create
// began, one made by another user (once the client knows its own), and one
// with another description or expiry. Only this create's key is adopted.
func TestCreateAPIKey_answerLostAdoptsOnlyItsOwn(t *testing.T) {
	f := newKeyFixture(t, emulator.DialectToday)
	ctx := context.Background()
	// A first create shows the client whose key it holds.
	if _, err := f.c.CreateAPIKey(ctx, APIKeyCreateRequest{KeyType: APIKeyService, Name: "first", Organizations: f.serviceKey("").Organizations}); err != nil {
		t.Fatal(err)
	}
	in := f.serviceKey("nightly")
	put := func(mutate func(*emulator.APIKey)) {
		t.Helper()
		k := emulator.APIKey{
			KeyType: "SERVICE", Name: in.Name, Description: in.Description, ExpiresAt: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC),
			BotUser: &emulator.BotUser{Organizations: []emulator.BotUserOrganization{{OrgID: f.org, Spaces: []emulator.BotUserSpace{{SpaceID: f.spaceA}}}}},
		}
		mutate(&k)
		if _, _, err := f.emu.PutAPIKey(k); err != nil {
			t.Fatal(err)
		}
	}
	f.clock.shift(-time.Hour)
	put(func(*emulator.APIKey) {}) // made an hour ago
	f.clock.shift(time.Hour)
	put(func(k *emulator.APIKey) { k.CreatedByUserID = "VXNlcjo5OnNvbWVvbmU=" })
	put(func(k *emulator.APIKey) { k.Description = "another pipeline" })
	put(func(k *emulator.APIKey) { k.ExpiresAt = time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC) })
	before := len(f.emu.APIKeys())

	f.emu.DropNext(1, true)
	got, err := f.c.CreateAPIKey(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Recovered {
		t.Fatalf("CreateAPIKey = %s; want the lost key recovered", dump(got))
	}
	newest := f.emu.APIKeys()
	if len(newest) != before+1 || newest[len(newest)-1].ID != got.ID {
		t.Errorf("adopted %s; want the key this create made, %s, and no other key", got.ID, newest[len(newest)-1].ID)
	}
}

// Two keys that this create may each have made: which one cannot be told,
// so the create fails naming both, and sends nothing more.
func TestCreateAPIKey_answerLostAmbiguous(t *testing.T) {
	f := newKeyFixture(t, emulator.DialectToday)
	twin, _, err := f.emu.PutAPIKey(emulator.APIKey{KeyType: "USER", Name: "twin"})
	if err != nil {
		t.Fatal(err)
	}
	f.emu.DropNext(1, true)
	_, err = f.c.CreateAPIKey(context.Background(), APIKeyCreateRequest{KeyType: APIKeyUser, Name: "twin"})
	if !errors.Is(err, errAmbiguousKeyCreate) {
		t.Fatalf("err = %v; want errAmbiguousKeyCreate", err)
	}
	keys := f.emu.APIKeys()
	for _, k := range keys {
		if !strings.Contains(err.Error(), k.ID) {
			t.Errorf("the error does not name %s: %v", k.ID, err)
		}
	}
	if len(keys) != 2 || keys[0].ID != twin.ID {
		t.Errorf("the emulator holds %d keys, want the twin and the one made", len(keys))
	}
	if !strings.Contains(err.Error(), "Revoke") {
		t.Errorf("the error does not say to revoke the extra keys: %v", err)
	}
	if n := f.emu.Count("POST", emulator.RouteAPIKeys) + f.emu.Count("POST", emulator.RouteAPIKeyRefresh); n != 1 {
		t.Errorf("%d POSTs, want the one create", n)
	}
}

// FindAPIKey reads pages until the one holding the key, and every page
// when no page does.
func TestFindAPIKey_pages(t *testing.T) {
	f := newKeyFixture(t, emulator.DialectToday)
	var ids []string
	for i := range 5 {
		k, _, err := f.emu.PutAPIKey(emulator.APIKey{KeyType: "USER", Name: fmt.Sprintf("k%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, k.ID)
	}
	ctx := context.Background()
	opts := APIKeyListOptions{KeyType: APIKeyUser, Status: APIKeyActive, Limit: 2}
	found, err := f.c.FindAPIKey(ctx, opts, ids[2])
	if err != nil || found == nil || found.Name != "k2" {
		t.Fatalf("FindAPIKey = %s, %v", dump(found), err)
	}
	if n := f.emu.Count("GET", emulator.RouteAPIKeys); n != 2 {
		t.Errorf("%d pages read to find the third key by twos, want 2", n)
	}
	f.emu.ResetCounters()
	if found, err := f.c.FindAPIKey(ctx, opts, "QXBpS2V5Ojk5OTpub25l"); err != nil || found != nil {
		t.Errorf("FindAPIKey of an unknown key = %s, %v; want none", dump(found), err)
	}
	if n := f.emu.Count("GET", emulator.RouteAPIKeys); n != 3 {
		t.Errorf("%d pages read for an unknown key, want all 3", n)
	}
	all, err := f.c.ListAPIKeys(ctx, opts)
	if err != nil || len(all) != 5 {
		t.Errorf("ListAPIKeys = %d keys, %v; want 5", len(all), err)
	}
}

// The list's filters go out in the server's spelling, and a key read back
// is in today's.
func TestListAPIKeys_spelling(t *testing.T) {
	rec := &recorder{next: emulator.New(emulator.Options{APIKey: testKey, Dialect: emulator.DialectPublished})}
	c := newClient(t, serve(t, rec))
	ctx := context.Background()
	if _, err := c.CreateAPIKey(ctx, APIKeyCreateRequest{KeyType: APIKeyUser, Name: "n"}); err != nil {
		t.Fatal(err)
	}
	keys, err := c.ListAPIKeys(ctx, APIKeyListOptions{KeyType: APIKeyUser, Status: APIKeyActive})
	if err != nil || len(keys) != 1 || keys[0].KeyType != APIKeyUser || keys[0].Status != APIKeyActive {
		t.Fatalf("ListAPIKeys = %s, %v", dump(keys), err)
	}
	seen := rec.requests()
	if last := seen[len(seen)-1]; last.Method != "GET" || last.Query != "key_type=user&status=active" {
		t.Errorf("the list went out as %s ?%s; want the published spelling", last.Method, last.Query)
	}
}

func TestAPIKeyStatus_canonical(t *testing.T) {
	for in, want := range map[APIKeyStatus]APIKeyStatus{
		"ACTIVE": APIKeyActive, "active": APIKeyActive, "REVOKED": APIKeyRevoked, "revoked": APIKeyRevoked,
		// Before June 2026 a revoked key was "deleted".
		"deleted": APIKeyRevoked, "DELETED": APIKeyRevoked, "SUSPENDED": "SUSPENDED",
	} {
		if got := in.Canonical(); got != want {
			t.Errorf("%q.Canonical() = %q, want %q", in, got, want)
		}
	}
}

func TestAPIKey_ExpiredAt(t *testing.T) {
	now := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	for expiresAt, want := range map[string]bool{
		"":                              false,
		"2027-01-01T00:00:00.001Z":      false,
		"2027-01-01T00:00:00Z":          true, // not after the clock: expired
		"2026-12-31T23:59:59.999Z":      true,
		"2027-01-01T00:59:59.999+01:00": true,
		"not a time":                    false,
	} {
		k := APIKey{ExpiresAt: expiresAt}
		if got := k.ExpiredAt(now); got != want {
			t.Errorf("ExpiredAt with expires_at %q = %v, want %v", expiresAt, got, want)
		}
	}
}

func TestKeptExpiry(t *testing.T) {
	for in, want := range map[string]string{
		"":                                 "",
		"2030-01-01T01:00:00+01:00":        "2030-01-01T00:00:00.000Z",
		"2030-01-01T00:00:00.123999999Z":   "2030-01-01T00:00:00.123Z", // cut, never later
		"2030-01-01T00:00:00.5-00:30":      "2030-01-01T00:30:00.500Z",
		"not a time, for the API to judge": "not a time, for the API to judge",
	} {
		if got := keptExpiry(in); got != want {
			t.Errorf("keptExpiry(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSameInstant(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"", "", true},
		{"", farExpiry, false},
		{farExpiry, "2030-01-01T00:00:00.000Z", true},
		{farExpiry, "2030-01-01T01:00:00+01:00", true},
		{farExpiry, "2030-01-01T00:00:00.0004Z", true}, // Arize keeps milliseconds
		{farExpiry, "2030-01-01T00:00:00.001Z", false},
		{farExpiry, "2030-01-02T00:00:00Z", false},
		{"tomorrow", "tomorrow", true},
		{"tomorrow", farExpiry, false},
	}
	for _, tt := range tests {
		if got := SameInstant(tt.a, tt.b); got != tt.want {
			t.Errorf("SameInstant(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// A secret prints, and encodes, as "***" wherever a value holding it is
// formatted; Reveal alone gives it.
func TestSecret_masked(t *testing.T) {
	const raw = "ak-SECRETSECRETSECRET"
	created := APIKeyCreated{APIKey: APIKey{ID: "id", Name: "n"}, Key: Secret(raw)}
	encoded, err := json.Marshal(created)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{fmt.Sprint(created), fmt.Sprintf("%+v", created), fmt.Sprintf("%#v", created),
		fmt.Sprintf("%v", &created), fmt.Sprint(created.Key), string(encoded)} {
		if strings.Contains(text, "SECRET") || !strings.Contains(text, masked) {
			t.Errorf("formatted as %s", text)
		}
	}
	if created.Key.Reveal() != raw || Secret("").String() != "" {
		t.Error("Reveal does not give the secret, or an empty secret is not empty")
	}
}

// Every body that carries a secret is masked in the debug log: the create's
// and the refresh's answers; a list carries none.
func TestAPIKeySecretsNeverLogged(t *testing.T) {
	f := newKeyFixture(t, emulator.DialectToday)
	ctx := context.Background()
	created, err := f.c.CreateAPIKey(ctx, f.serviceKey("logged"))
	if err != nil {
		t.Fatal(err)
	}
	refreshed, err := f.c.RefreshAPIKey(ctx, created.ID, created.ExpiresAt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.c.ListAPIKeys(ctx, APIKeyListOptions{SpaceID: f.space}); err != nil {
		t.Fatal(err)
	}
	text := f.log.text()
	for _, secret := range []Secret{created.Key, refreshed.Key} {
		if secret == "" || strings.Contains(text, secret.Reveal()) {
			t.Errorf("the log carries a secret (or none was made):\n%s", text)
		}
	}
	// The log must show the answers, masked, or finding no secret in it
	// proves nothing.
	if n := strings.Count(text, `"key":"***"`); n != 2 {
		t.Errorf("the log shows %d masked keys, want the create's and the refresh's:\n%s", n, text)
	}
	if got := maskBody([]byte(`{"id":"i","key":"ak-SECRET","Key":"ak-SECRET2","key_type":"USER","redacted_key":"ak-abc...xyz"}`)); strings.Contains(got, "SECRET") || !strings.Contains(got, "ak-abc...xyz") {
		t.Errorf("maskBody = %s; want the secret masked, the redacted key kept", got)
	}
}

// A server whose key list would never end (a cursor answered twice), or
// that says more pages follow without a cursor, is an error for FindAPIKey
// and for the lists: never the end of the list, where a key missed would
// read as revoked, and a lost create's key as never made (a second key).
func TestAPIKeyPages_brokenPaging(t *testing.T) {
	for _, c := range []struct {
		name   string
		cursor func(n int64) string
		want   string
		pages  int64
	}{
		{"a cursor answered twice", func(n int64) string { return fmt.Sprintf("c%d", min(n, 3)) }, "answered a cursor it had answered before", 4},
		{"has_more without a cursor", func(int64) string { return "" }, "gives no cursor", 1},
	} {
		reads := map[string]func(*Client) error{
			"FindAPIKey": func(cl *Client) error {
				_, err := cl.FindAPIKey(context.Background(), APIKeyListOptions{KeyType: APIKeyUser, Status: APIKeyActive}, "QXBpS2V5Ojk6eA==")
				return err
			},
			"ListAPIKeys": func(cl *Client) error {
				_, err := cl.ListAPIKeys(context.Background(), APIKeyListOptions{KeyType: APIKeyUser, Status: APIKeyActive})
				return err
			},
			"listAPIKeysIn": func(cl *Client) error {
				_, err := cl.listAPIKeysIn(context.Background(), APIKeyListOptions{KeyType: APIKeyUser, Status: APIKeyActive}, SpellingToday)
				return err
			},
		}
		for name, read := range reads {
			t.Run(c.name+"/"+name, func(t *testing.T) {
				var served atomic.Int64
				srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					n := served.Add(1)
					_ = json.NewEncoder(w).Encode(map[string]any{
						"api_keys": []any{map[string]any{
							"id": fmt.Sprintf("QXBpS2V5OjE6%d", n), "name": "other", "key_type": "USER", "status": "ACTIVE",
							"redacted_key": "ak-a...b", "created_at": "2026-01-01T00:00:00Z", "created_by_user_id": "VXNlcjox",
						}},
						"pagination": map[string]any{"has_more": true, "next_cursor": c.cursor(n)},
					})
				}))
				err := read(newClient(t, srv))
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Errorf("err = %v; want one saying %q", err, c.want)
				}
				if n := served.Load(); n != c.pages {
					t.Errorf("%d pages read, want %d", n, c.pages)
				}
			})
		}
	}
}

// A lost create's key that is found but cannot be refreshed (so its secret
// is nobody's) is revoked, and the error says so; if the revoke fails too,
// the error says the key is live and how to revoke it.
func TestCreateAPIKey_answerLostRefreshFailsRevokes(t *testing.T) {
	for _, revokeFails := range []bool{false, true} {
		t.Run(fmt.Sprint("revokeFails=", revokeFails), func(t *testing.T) {
			emu := emulator.New(emulator.Options{APIKey: testKey, Spaces: testSpaces})
			refuse := func(w http.ResponseWriter) {
				w.Header().Set("Content-Type", "application/problem+json")
				w.WriteHeader(http.StatusForbidden)
				_, _ = w.Write([]byte(`{"status":403,"title":"Forbidden","detail":"refused by the test"}`))
			}
			srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch {
				case strings.HasSuffix(r.URL.Path, "/refresh"):
					refuse(w)
				case strings.HasSuffix(r.URL.Path, "/revoke") && revokeFails:
					refuse(w)
				default:
					emu.ServeHTTP(w, r)
				}
			}))
			log := &warnRecordingLogger{}
			c := newClient(t, srv, func(c *Config) { c.Logger = log })
			emu.DropNext(1, true)
			_, err := c.CreateAPIKey(context.Background(), APIKeyCreateRequest{KeyType: APIKeyUser, Name: "lost", ExpiresAt: farExpiry})
			keys := emu.APIKeys()
			if err == nil || len(keys) != 1 || !strings.Contains(err.Error(), keys[0].ID) {
				t.Fatalf("err = %v, %d keys; want an error naming the one key made", err, len(keys))
			}
			status := keys[0].Status
			switch {
			case !revokeFails && (status != "REVOKED" || !strings.Contains(err.Error(), "the key was revoked")):
				t.Errorf("status %s, err = %v; want the key revoked, and the error saying so", status, err)
			case revokeFails && (status != "ACTIVE" || !strings.Contains(err.Error(), "revoking the key failed too")):
				t.Errorf("status %s, err = %v; want an error saying the key is live", status, err)
			}
			if warns := log.warnings(); len(warns) != 1 || warns[0].Fields["id"] != keys[0].ID {
				t.Errorf("warnings = %v; want one naming the key", warns)
			}
		})
	}
}
