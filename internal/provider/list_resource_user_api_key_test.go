package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// bulkUserKeys is how many more user keys the provider's user holds in
// TestAccUserAPIKeyList_query: with the others, more than the largest page.
const bulkUserKeys = maxPageSize

// TestAccUserAPIKeyList_query finds the user keys of the provider's own
// user with terraform query, through two pages: active ones only (not a
// revoked or an expired one), never another user's (which the provider
// could not manage) nor a service key; by name; as an import reads them.
func TestAccUserAPIKeyList_query(t *testing.T) {
	w := newKeyWorld(t)
	emu := w.emu
	put := func(k emulator.APIKey) emulator.APIKey {
		t.Helper()
		k.KeyType = "USER"
		out, _, err := emu.PutAPIKey(k)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	laptop := put(emulator.APIKey{Name: "laptop"})
	bot := put(emulator.APIKey{Name: "CI bot", Description: "Nightly evaluations", ExpiresAt: time.Date(2031, 1, 1, 9, 30, 0, 0, time.UTC)})
	revoked := put(emulator.APIKey{Name: "old laptop"})
	expired := put(emulator.APIKey{Name: "expired laptop", ExpiresAt: time.Now().Add(time.Hour)})
	if !emu.RevokeAPIKey(revoked.ID) || !emu.ExpireAPIKey(expired.ID) {
		t.Fatal("could not end the keys made to be gone")
	}
	put(emulator.APIKey{Name: "Bob's laptop", CreatedByUserID: testUserBob})
	if _, _, err := emu.PutAPIKey(emulator.APIKey{KeyType: "SERVICE", Name: "laptop service", BotUser: &emulator.BotUser{
		Organizations: []emulator.BotUserOrganization{{OrgID: w.org, Spaces: []emulator.BotUserSpace{{SpaceID: w.spaceA}}}},
	}}); err != nil {
		t.Fatal(err)
	}
	for i := range bulkUserKeys {
		put(emulator.APIKey{Name: fmt.Sprintf("bulk-%03d", i)})
	}
	const all = "arize_user_api_key.all"
	idOf := func(id string) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{"id": knownvalue.StringExact(id)}
	}
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: w.env.config("")},
		resource.TestStep{
			PreConfig: emu.ResetCounters,
			Query:     true,
			Config: `
list "arize_user_api_key" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000 # Terraform's default is 100
}
`,
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, 2+bulkUserKeys),
				// The expired key is on the pages, and left out: two pages.
				expectKeyListPages(emu, 2),
				querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(idOf(laptop.ID)), knownvalue.StringExact("laptop")),
				querycheck.ExpectResourceKnownValues(all, queryfilter.ByDisplayName(knownvalue.StringExact("CI bot")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(bot.ID)},
					{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("CI bot")},
					{Path: tfjsonpath.New("description"), KnownValue: knownvalue.StringExact("Nightly evaluations")},
					{Path: tfjsonpath.New("expires_at"), KnownValue: knownvalue.StringExact("2031-01-01T09:30:00.000Z")},
					{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("ACTIVE")},
					{Path: tfjsonpath.New("redacted_key"), KnownValue: knownvalue.StringExact(bot.RedactedKey)},
					{Path: tfjsonpath.New("created_at"), KnownValue: knownvalue.StringExact(bot.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"))},
					{Path: tfjsonpath.New("created_by_user_id"), KnownValue: knownvalue.StringExact(emulatorKeyUser)},
					{Path: tfjsonpath.New("key"), KnownValue: knownvalue.Null()},
					{Path: tfjsonpath.New("rotation"), KnownValue: knownvalue.Null()},
				}),
			},
		},
		resource.TestStep{
			Query: true,
			Config: `
list "arize_user_api_key" "laptops" {
  provider = arize
  config {
    name = "LAPTOP"
  }
}

list "arize_user_api_key" "first" {
  provider = arize
  limit    = 1
}
`,
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength("arize_user_api_key.laptops", 1),
				querycheck.ExpectIdentity("arize_user_api_key.laptops", idOf(laptop.ID)),
				querycheck.ExpectLength("arize_user_api_key.first", 1),
				querycheck.ExpectIdentity("arize_user_api_key.first", idOf(laptop.ID)),
			},
		},
	)
}

// TestAccUserAPIKeyList_adoptByIdentity imports a key by the identity its
// query result gives, with the configuration -generate-config-out writes
// for it: the import reads exactly the query result and plans no change,
// and a rotation then gives Terraform a secret, with one refresh.
func TestAccUserAPIKeyList_adoptByIdentity(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	made, _, err := emu.PutAPIKey(emulator.APIKey{KeyType: "USER", Name: "notebooks"})
	if err != nil {
		t.Fatal(err)
	}
	result := &capturedQueryResult{list: "arize_user_api_key.all", displayName: "notebooks"}
	generated := func(rotation string) string {
		return fmt.Sprintf(`resource "arize_user_api_key" "test" {
  description = null
  expires_at  = null
  name        = "notebooks"
  rotation    = %s
}
`, rotation)
	}
	importBlock := fmt.Sprintf("import {\n  to = %s\n  identity = {\n    id = %q\n  }\n}\n", userKeyAddr, made.ID)
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: env.config("")},
		resource.TestStep{
			Query:             true,
			Config:            "list \"arize_user_api_key\" \"all\" {\n  provider         = arize\n  include_resource = true\n}\n",
			QueryResultChecks: []querycheck.QueryResultCheck{result},
		},
		resource.TestStep{
			PreConfig:        emu.ResetCounters,
			Config:           env.config(importBlock + generated("null")),
			ConfigPlanChecks: expectUserKeyAction(plancheck.ResourceActionNoop),
			ConfigStateChecks: []statecheck.StateCheck{
				sameAsQueryResult{addr: userKeyAddr, captured: result},
				statecheck.ExpectIdentity(userKeyAddr, map[string]knownvalue.Check{"id": knownvalue.StringExact(made.ID)}),
				keyWrites(emu, 0, 0, 0),
			},
		},
		resource.TestStep{
			PreConfig:        emu.ResetCounters,
			Config:           env.config(generated(`"first"`)),
			ConfigPlanChecks: expectUserKeyAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				keyWrites(emu, 0, 1, 0),
				userKeyAttr("id", knownvalue.StringExact(made.ID)),
				userKeyAttr("key", knownvalue.StringRegexp(secretPattern)),
			},
		},
	)
}

// TestAccUserAPIKeyList_notAllowed: a provider key whose user may not list
// API keys (neither a developer nor an account admin) fails the query,
// saying so.
func TestAccUserAPIKeyList_notAllowed(t *testing.T) {
	// Dana is an ANNOTATOR, who is no developer by default.
	env := newAccEnv(t, func(o *emulator.Options) { o.UserID = testUserDana })
	env.emulator(t)
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: env.config("")},
		resource.TestStep{
			Query:       true,
			Config:      "list \"arize_user_api_key\" \"all\" {\n  provider = arize\n}\n",
			ExpectError: wrappedRegexp(`Could not list Arize user API keys[\s\S]*only to a user with the developer permission or to an account admin`),
		},
	)
}

// TestAccAPIKey_adoptWithQuery adopts the seeded account's API keys as the
// guide does: terraform query finds them, -generate-config-out writes
// their configuration, which plans as imports only (the roles null, the
// secrets unknown); apply imports them with no write to Arize, and the
// next plan is empty. Setting rotation then rotates each once, giving
// Terraform secrets it knows.
func TestAccAPIKey_adoptWithQuery(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	seeded, err := emu.SeedAccount()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	defer srv.Close()

	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	w.requireQuery()
	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), ""))
	w.write("adopt.tfquery.hcl", `list "arize_service_api_key" "all" {
  provider         = arize
  include_resource = true
}

list "arize_user_api_key" "all" {
  provider         = arize
  include_resource = true
}
`)
	out := w.run(nil, "query", "-no-color", "-generate-config-out=generated.tf")
	want := len(seeded.ServiceAPIKeys) + len(seeded.UserAPIKeys)
	for _, k := range append(seeded.ServiceAPIKeys, seeded.UserAPIKeys...) {
		if !strings.Contains(out, k.Name) {
			t.Errorf("terraform query does not list %q:\n%s", k.Name, out)
		}
	}
	generated := w.read("generated.tf")
	if n := strings.Count(generated, "import {"); n != want {
		t.Fatalf("generated.tf has %d import blocks, want %d:\n%s", n, want, generated)
	}
	// Terraform leaves a null optional and computed attribute out.
	if !regexp.MustCompile(`organizations\s*=\s*null`).MatchString(generated) || strings.Contains(generated, "account_role") {
		t.Errorf("generated.tf does not leave the service key's roles null:\n%s", generated)
	}

	emu.ResetCounters()
	plan := w.run(nil, "plan", "-no-color")
	if s := fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", want); !strings.Contains(plan, s) {
		t.Errorf("the plan of the generated file does not say %q:\n%s", s, plan)
	}
	applied := w.run(nil, "apply", "-no-color", "-auto-approve")
	if s := fmt.Sprintf("%d imported, 0 added, 0 changed, 0 destroyed", want); !strings.Contains(applied, s) {
		t.Errorf("apply does not say %q:\n%s", s, applied)
	}
	if _, err := w.tryRun(nil, "plan", "-no-color", "-detailed-exitcode"); err != nil {
		after, _ := w.tryRun(nil, "plan", "-no-color")
		t.Errorf("the plan after adoption is not empty (%v):\n%s", err, after)
	}
	if emu.Total() == 0 {
		t.Fatal("the emulator counted no request: the counters do not work")
	}
	for key, n := range emu.Requests() {
		if !strings.HasPrefix(key, http.MethodGet+" ") && n > 0 {
			t.Errorf("adoption sent %d write request(s) %s: %v", n, key, emu.Requests())
		}
	}

	// What adoption is worth without the secrets: a rotation gives
	// Terraform a secret it knows, in place.
	withRotation := regexp.MustCompile(`(?m)^(\s*rotation\s*=\s*)null`).ReplaceAllString(generated, `${1}"2026-08"`)
	if n := strings.Count(withRotation, `"2026-08"`); n != want {
		t.Fatalf("generated.tf has %d rotation attributes, want %d:\n%s", n, want, generated)
	}
	w.write("generated.tf", withRotation)
	emu.ResetCounters()
	rotated := w.run(nil, "apply", "-no-color", "-auto-approve")
	if s := fmt.Sprintf("0 added, %d changed, 0 destroyed", want); !strings.Contains(rotated, s) {
		t.Errorf("the rotation does not say %q:\n%s", s, rotated)
	}
	if n := emu.Count(http.MethodPost, emulator.RouteAPIKeyRefresh); n != want {
		t.Errorf("the rotation refreshed %d keys, want %d: %v", n, want, emu.Requests())
	}
	if n := emu.Count(http.MethodPost, emulator.RouteAPIKeys) + emu.Count(http.MethodPut, emulator.RouteAPIKeyRevoke); n != 0 {
		t.Errorf("the rotation made or revoked keys: %v", emu.Requests())
	}
	state := w.read("terraform.tfstate")
	if n := len(regexp.MustCompile(`"key": "ak-[A-Za-z0-9]{40}"`).FindAllString(state, -1)); n != want {
		t.Errorf("state holds %d secrets after the rotation, want %d", n, want)
	}
}
