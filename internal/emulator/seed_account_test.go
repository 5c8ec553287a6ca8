package emulator

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// seededNames are the names of a seeded account by kind, without the ids.
func seededNames(a SeededAccount) map[string][]string {
	out := map[string][]string{}
	v := reflect.ValueOf(a)
	for i := range v.NumField() {
		for _, o := range v.Field(i).Interface().([]SeededObject) {
			out[v.Type().Field(i).Name] = append(out[v.Type().Field(i).Name], o.Name)
		}
	}
	return out
}

func TestSeedAccountIsDeterministic(t *testing.T) {
	first, err := newEnv(t).srv.SeedAccount()
	if err != nil {
		t.Fatal(err)
	}
	second, err := newEnv(t).srv.SeedAccount()
	if err != nil {
		t.Fatal(err)
	}
	if a, b := seededNames(first), seededNames(second); !reflect.DeepEqual(a, b) {
		t.Errorf("two seeds differ:\n%v\n%v", a, b)
	}
	const want = "organizations=2 spaces=4 ai_integrations=10 evaluators=3 roles=2 role_bindings=3 projects=3 " +
		"project_restrictions=1 users=2 organization_members=2 space_members=2 service_api_keys=2 user_api_keys=1"
	if got := first.Summary(); got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
	names := seededNames(first)
	if !slices.Contains(names["Organizations"], "Platform") || !slices.Contains(names["Spaces"], "Shared models") {
		t.Errorf("the scoping guide's Platform / Shared models are missing: %v", names)
	}
}

func TestSeedAccountTwiceOnOneServerConflicts(t *testing.T) {
	e := newEnv(t)
	if _, err := e.srv.SeedAccount(); err != nil {
		t.Fatal(err)
	}
	if _, err := e.srv.SeedAccount(); err == nil {
		t.Error("a second seed of the same server succeeded")
	}
}

func TestSeedAccountMixesProvidersAndScopings(t *testing.T) {
	e := newEnv(t)
	a, err := e.srv.SeedAccount()
	if err != nil {
		t.Fatal(err)
	}
	providers := map[string]bool{}
	var accountWide, orgWide, spaceScoped, withKey, withHeaders, withMetadata int
	for _, o := range a.Integrations {
		in, ok := e.srv.Get(o.ID)
		if !ok {
			t.Fatalf("integration %q not stored", o.Name)
		}
		providers[in.Provider] = true
		switch {
		case in.Scopings == nil:
			accountWide++
		case in.Scopings[0].SpaceID == "":
			orgWide++
		default:
			spaceScoped++
		}
		if in.HasAPIKey() {
			withKey++
		}
		if in.AuthType == authProxyWithHeaders && len(in.Headers) > 0 {
			withHeaders++
		}
		if in.ProviderMetadata != nil {
			withMetadata++
		}
	}
	if len(providers) != 8 || accountWide == 0 || orgWide == 0 || spaceScoped == 0 ||
		withKey == 0 || withHeaders != 1 || withMetadata != 2 {
		t.Errorf("providers %v, account-wide %d, organization %d, space %d, keys %d, gateways %d, metadata %d",
			providers, accountWide, orgWide, spaceScoped, withKey, withHeaders, withMetadata)
	}
	if n := e.srv.Total(); n != 0 {
		t.Errorf("seeding made %d requests, want none", n)
	}
}

// TestSeedAccountVisibleOverHTTP lists every kind through the API, in both
// dialects, and finds each seeded object there.
func TestSeedAccountVisibleOverHTTP(t *testing.T) {
	for _, d := range []Dialect{DialectToday, DialectPublished} {
		t.Run(string(d), func(t *testing.T) {
			e := newEnv(t, func(o *Options) { o.Dialect = d })
			a, err := e.srv.SeedAccount()
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				path, key, field string
				want             []SeededObject
			}{
				{"/v2/organizations", "organizations", "id", a.Organizations},
				{"/v2/spaces", "spaces", "id", a.Spaces},
				{"/v2/ai-integrations", "ai_integrations", "id", a.Integrations},
				{"/v2/evaluators", "evaluators", "id", a.Evaluators},
				{"/v2/roles", "roles", "id", a.Roles},
				{"/v2/role-bindings?resource_type=SPACE", "role_bindings", "id", a.RoleBindings[:2]},
				{"/v2/role-bindings?resource_type=PROJECT", "role_bindings", "id", a.RoleBindings[2:]},
				{"/v2/projects", "projects", "id", a.Projects},
				{"/v2/resource-restrictions", "resource_restrictions", "resource_id", a.Restrictions},
				{"/v2/users", "users", "id", a.Users},
				// Service keys are listed by space; the caller's own user
				// keys without a filter.
				{"/v2/api-keys?space_id=" + a.Spaces[0].ID, "api_keys", "id", a.ServiceAPIKeys[:1]},
				{"/v2/api-keys?space_id=" + a.Spaces[1].ID, "api_keys", "id", a.ServiceAPIKeys[1:]},
				{"/v2/api-keys?space_id=" + a.Spaces[2].ID, "api_keys", "id", a.ServiceAPIKeys[1:]},
				{"/v2/api-keys", "api_keys", "id", a.UserAPIKeys},
			} {
				sep := "?"
				if strings.Contains(c.path, "?") {
					sep = "&"
				}
				r := e.do(http.MethodGet, c.path+sep+"limit=100", "")
				if r.status != http.StatusOK {
					t.Fatalf("GET %s: %d %s", c.path, r.status, r.body)
				}
				var body map[string]json.RawMessage
				var items []map[string]any
				if err := json.Unmarshal(r.body, &body); err != nil {
					t.Fatalf("GET %s: %v\n%s", c.path, err, r.body)
				}
				if err := json.Unmarshal(body[c.key], &items); err != nil {
					t.Fatalf("GET %s: %s: %v\n%s", c.path, c.key, err, r.body)
				}
				listed := map[any]bool{}
				for _, item := range items {
					listed[item[c.field]] = true
				}
				for _, o := range c.want {
					if !listed[o.ID] {
						t.Errorf("GET %s does not list %q (%s)", c.path, o.Name, o.ID)
					}
				}
			}
		})
	}
}

// TestSeedAccountAPIKeys checks the seeded keys: the service key has roles
// in Platform and Shared models only, so no other space lists it; the user
// key is the server's own caller's, so a client using the server's key
// lists it as its own; both are active, without an expiry.
func TestSeedAccountAPIKeys(t *testing.T) {
	e := newEnv(t)
	a, err := e.srv.SeedAccount()
	if err != nil {
		t.Fatal(err)
	}
	if len(a.ServiceAPIKeys) != 2 || len(a.UserAPIKeys) != 1 {
		t.Fatalf("seeded %d service keys and %d user keys, want 2 and 1", len(a.ServiceAPIKeys), len(a.UserAPIKeys))
	}
	exporter, ok := e.srv.APIKey(a.ServiceAPIKeys[1].ID)
	if !ok || exporter.Name != "Evaluation exporter" || exporter.BotUser == nil || len(exporter.BotUser.Organizations) != 2 ||
		exporter.BotUser.Organizations[0].OrgID == exporter.BotUser.Organizations[1].OrgID {
		t.Errorf("the second service key is %+v, want roles in both organizations", exporter)
	}
	ci, ok := e.srv.APIKey(a.ServiceAPIKeys[0].ID)
	if !ok || ci.Name != "CI pipeline" || ci.KeyType != keyService || ci.Status != keyActive || !ci.ExpiresAt.IsZero() {
		t.Fatalf("the service key is %+v", ci)
	}
	b := ci.BotUser
	if b == nil || b.AccountRole.Name != roleMember || len(b.Organizations) != 1 ||
		b.Organizations[0].OrgID != a.Organizations[0].ID || len(b.Organizations[0].Spaces) != 1 ||
		b.Organizations[0].Spaces[0].SpaceID != a.Spaces[0].ID || b.Organizations[0].Spaces[0].Role.Name != roleMember {
		t.Errorf("the service key's account is %+v, want MEMBER in Shared models of Platform", b)
	}
	for _, sp := range a.Spaces[1:] {
		r := e.do(http.MethodGet, "/v2/api-keys?space_id="+sp.ID, "")
		if r.status != http.StatusOK || strings.Contains(string(r.body), ci.ID) {
			t.Errorf("GET the service keys of %q: %d %s; want them without the seeded key", sp.Name, r.status, r.body)
		}
	}
	notebooks, ok := e.srv.APIKey(a.UserAPIKeys[0].ID)
	if !ok || notebooks.Name != "Local notebooks" || notebooks.KeyType != keyUser || notebooks.Status != keyActive ||
		notebooks.CreatedByUserID != e.srv.opts.UserID {
		t.Errorf("the user key is %+v, want an active key of the server's caller %s", notebooks, e.srv.opts.UserID)
	}
}
