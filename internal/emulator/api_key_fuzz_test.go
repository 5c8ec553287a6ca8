package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// FuzzAPIKeyBody sends arbitrary bodies to create a key and to refresh one,
// in each dialect: every answer is a success or a problem; a refused
// create mints nothing and a refused refresh keeps the secret; a secret
// answered works, and no list ever shows it.
func FuzzAPIKeyBody(f *testing.F) {
	for _, seed := range []string{
		`{"key_type":"USER","name":"k"}`,
		`{"key_type":"user","name":"k","expires_at":"2030-01-01T00:00:00Z"}`,
		`{"key_type":"SERVICE","name":"s","organizations":[{"org_id":"{org}","spaces":[{"space_id":"{space}"}]}]}`,
		`{"key_type":"service","name":"s","account_role":{"type":"predefined","name":"admin"},"organizations":[{"org_id":"{org}","role":{"type":"predefined","name":"read-only"},"spaces":[{"space_id":"{space}","role":{"type":"CUSTOM","id":"x"}}]}]}`,
		`{"grace_period_seconds":60}`, `{"expires_at":null}`, `{}`, ``, `{"key":"ak-x"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, d := range dialects {
			s, org, space := tenancySetup(t, d)
			body := []byte(strings.NewReplacer("{org}", org, "{space}", space).Replace(string(raw)))
			k, secret, err := s.PutAPIKey(APIKey{KeyType: keyUser, Name: "held"})
			if err != nil {
				t.Fatal(err)
			}
			rec := call(s, "POST", RouteAPIKeys, "", body)
			checkAnswer(t, rec, http.StatusCreated, 400, 403, 404, 413, 415, 422)
			var created struct {
				ID  string `json:"id"`
				Key string `json:"key"`
			}
			if rec.Code == http.StatusCreated {
				if err := json.Unmarshal(rec.Body.Bytes(), &created); err != nil || !s.KeyIsLive(created.Key) {
					t.Fatalf("%s: a created key that does not work: %s", d, rec.Body)
				}
			} else if n := len(s.APIKeys()); n != 1 {
				t.Fatalf("%s: a refused create (%d) minted a key", d, rec.Code)
			}

			rec = call(s, "POST", RouteAPIKeys+"/"+url.PathEscape(k.ID)+"/refresh", "", body)
			checkAnswer(t, rec, http.StatusOK, 400, 404, 413, 415, 422)
			if rec.Code != http.StatusOK && !s.KeyIsLive(secret) {
				t.Fatalf("%s: a refused refresh (%d) changed the secret", d, rec.Code)
			}
			for _, q := range []string{"", "status=" + d.spell(keyRevoked), "space_id=" + url.QueryEscape(space)} {
				list := call(s, "GET", RouteAPIKeys, q, nil)
				if list.Code != http.StatusOK || strings.Contains(list.Body.String(), `"key"`) ||
					(created.Key != "" && strings.Contains(list.Body.String(), created.Key)) {
					t.Fatalf("%s: the list %q: %d %s", d, q, list.Code, list.Body)
				}
			}
		}
	})
}
