package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// What the tests of arize_user_api_key and arize_service_api_key share.

// The API key routes as the emulator counts them.
var (
	routeKeyPost    = "POST " + emulator.RouteAPIKeys
	routeKeyList    = "GET " + emulator.RouteAPIKeys
	routeKeyRefresh = "POST " + emulator.RouteAPIKeyRefresh
	routeKeyRevoke  = "PUT " + emulator.RouteAPIKeyRevoke
)

// keyWrites checks how many creates, refreshes and revokes of keys the
// emulator served (a published server's one spelling probe of a create left
// out).
func keyWrites(emu *emulator.Server, posts, refreshes, revokes int) statecheck.StateCheck {
	return expectRequests(emu, map[string]int{routeKeyPost: posts, routeKeyRefresh: refreshes, routeKeyRevoke: revokes})
}

// onlyKeyListPages checks that the emulator served nothing but pages of the
// key list since its counters were reset: pages answered, and at most one
// refused for its spelling (a provider process against a server of the
// published page's spelling sends its first filtered page in today's).
func onlyKeyListPages(emu *emulator.Server, pages int) error {
	answered := emu.Answers("GET", emulator.RouteAPIKeys, http.StatusOK)
	probes := emu.Answers("GET", emulator.RouteAPIKeys, http.StatusBadRequest)
	switch {
	case answered != pages:
		return fmt.Errorf("the emulator answered %d pages of the key list, want %d (all: %v)", answered, pages, emu.Requests())
	case probes > 1 || (probes == 1 && emu.Dialect() != emulator.DialectPublished):
		return fmt.Errorf("%d pages of the key list refused, want at most the one spelling probe (all: %v)", probes, emu.Requests())
	case emu.Total() != answered+probes:
		return fmt.Errorf("the emulator served %v, want only pages of the key list", emu.Requests())
	}
	return nil
}

// keyStateAttr is the value of attribute name of addr in s, sensitive ones
// included.
func keyStateAttr(s *terraform.State, addr, name string) (string, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok || rs.Primary == nil {
		return "", fmt.Errorf("%s is not in state", addr)
	}
	return rs.Primary.Attributes[name], nil
}

// keySecrets remembers the secrets a test's steps saw in state, so that a
// later step can check the earlier ones no longer work.
type keySecrets struct {
	env    *accEnv
	addr   string
	byStep []string
}

// capture records the secret now in state: it must be a live key, and
// usable as the bearer key of a request Arize answers 200.
func (k *keySecrets) capture(s *terraform.State) error {
	secret, err := keyStateAttr(s, k.addr, "key")
	if err != nil {
		return err
	}
	if secret == "" {
		return fmt.Errorf("%s.key is empty", k.addr)
	}
	if !k.env.emu.KeyIsLive(secret) {
		return fmt.Errorf("%s.key is not a live key in Arize", k.addr)
	}
	if err := bearerWorks(k.env, secret); err != nil {
		return err
	}
	k.byStep = append(k.byStep, secret)
	return nil
}

// latest is the last secret captured.
func (k *keySecrets) latest() string {
	if len(k.byStep) == 0 {
		return ""
	}
	return k.byStep[len(k.byStep)-1]
}

// noneLiveBut checks that of the secrets captured only keep (none for "")
// still authenticates.
func (k *keySecrets) noneLiveBut(keep string) error {
	for i, secret := range k.byStep {
		if secret != keep && k.env.emu.KeyIsLive(secret) {
			return fmt.Errorf("the secret captured at step %d still works", i+1)
		}
	}
	return nil
}

// bearerWorks makes one request to the API with secret as the bearer key,
// and wants a 200.
func bearerWorks(env *accEnv, secret string) error {
	req, err := http.NewRequest(http.MethodGet, env.endpoint+emulator.RouteSpaces, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("a request with the key as bearer answered %s, want 200", resp.Status)
	}
	return nil
}

// activeKeys counts the keys of keyType the emulator holds that still
// work: active and not expired.
func activeKeys(emu *emulator.Server, keyType string) int {
	n := 0
	for _, k := range emu.APIKeys() {
		if k.KeyType == keyType && k.Status == "ACTIVE" && (k.ExpiresAt.IsZero() || k.ExpiresAt.After(time.Now())) {
			n++
		}
	}
	return n
}

func TestRotates(t *testing.T) {
	v := types.StringValue
	tests := []struct {
		name          string
		prior, planed types.String
		want          bool
	}{
		{"unchanged", v("1"), v("1"), false},
		{"changed", v("1"), v("2"), true},
		{"set for the first time", types.StringNull(), v("1"), true},
		{"removed", v("1"), types.StringNull(), false},
		{"never set", types.StringNull(), types.StringNull(), false},
		{"known only at apply", v("1"), types.StringUnknown(), true},
	}
	for _, tt := range tests {
		if got := rotates(tt.prior, tt.planed); got != tt.want {
			t.Errorf("%s: rotates(%s, %s) = %v, want %v", tt.name, tt.prior, tt.planed, got, tt.want)
		}
	}
}

// A refresh answered with another ID than the key's is an error naming
// both, and state keeps the key's: id is UseStateForUnknown, so writing the
// other would be an inconsistent result.
func TestAPIKeyRotate_changedID(t *testing.T) {
	const stateID, otherID = "QXBpS2V5OjE6YUJjRA==", "QXBpS2V5OjI6ZUZnSA=="
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v2/api-keys/"+stateID+"/refresh" {
			http.Error(w, "unexpected "+r.Method+" "+r.URL.Path, http.StatusBadRequest)
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{
			"id": otherID, "name": "ci", "key_type": "USER", "status": "ACTIVE", "redacted_key": "ak-abc...xyz",
			"created_at": "2026-01-01T00:00:00Z", "created_by_user_id": emulatorKeyUser, "key": "ak-" + strings.Repeat("a", 40),
		})
	}))
	defer srv.Close()
	client, err := arize.New(arize.Config{Endpoint: srv.URL, APIKey: testAccAPIKey})
	if err != nil {
		t.Fatal(err)
	}
	state := apiKeyModel{ID: types.StringValue(stateID), Name: types.StringValue("ci"), Rotation: types.StringNull()}
	plan := state
	plan.Rotation = types.StringValue("1")
	var diags diag.Diagnostics
	if apiKeyRotate(context.Background(), client, userAPIKey, &plan, &state, &diags) || !diags.HasError() {
		t.Fatalf("apiKeyRotate succeeded; want an error (diags %v)", diags)
	}
	if detail := diags.Errors()[0].Detail(); !strings.Contains(detail, stateID) || !strings.Contains(detail, otherID) {
		t.Errorf("the error does not name both IDs: %s", detail)
	}
	if plan.ID.ValueString() != stateID || !plan.Key.IsNull() {
		t.Errorf("plan took the refresh's answer: id %s, key set %v", plan.ID, !plan.Key.IsNull())
	}
}

// The client's log, debug and warnings alike, goes out with the provider's
// own key masked.
func TestTflogLogger_masks(t *testing.T) {
	const secret = "ak-" + "0123456789abcdefghij0123456789abcdefghij"
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	l := tflogLogger{secrets: []string{secret}}
	l.Debug(ctx, "debug "+secret, map[string]any{"key": secret})
	l.Warn(ctx, "warn "+secret, map[string]any{"key": secret})
	out := logs.String()
	if strings.Contains(out, secret) || !strings.Contains(out, "debug") || !strings.Contains(out, "warn") {
		t.Errorf("the log carries the key, or lacks a line: %s", out)
	}
}
