package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// spellingCase is one integration of the matrix: a provider and what it
// needs to be valid.
type spellingCase struct {
	key      string // the resource's local name
	provider arize.Provider
	auth     arize.AuthType
	extra    string // more attributes
}

var spellingCases = []spellingCase{
	{"openai", arize.ProviderOpenAI, arize.AuthTypeDefault, `model_names = ["gpt-4o"]`},
	{"azure", arize.ProviderAzureOpenAI, arize.AuthTypeDefault, `base_url = "https://acme.openai.azure.com"`},
	{"bedrock", arize.ProviderAWSBedrock, arize.AuthTypeDefault, `enable_default_models = true
  provider_metadata = { aws = { role_arn = "` + testRoleARN + `" } }`},
	{"vertex", arize.ProviderVertexAI, arize.AuthTypeDefault, `model_names = ["gemini-1.5-pro"]
  provider_metadata = { gcp = { project_id = "p", location = "us-central1", project_access_label = "l" } }`},
	{"anthropic", arize.ProviderAnthropic, arize.AuthTypeDefault, ``},
	{"custom", arize.ProviderCustom, arize.AuthTypeBearerToken, `base_url = "https://llm.example.com/v1"`},
	{"nim", arize.ProviderNvidiaNIM, arize.AuthTypeProxyWithHeaders, `headers = { "X-Key" = "h" }`},
	{"gemini", arize.ProviderGemini, arize.AuthTypeDefault, `enable_default_models = true`},
}

// spellingConfig declares every case, spelt as written, named with suffix,
// and an adopted integration imported from id when id is not "".
func spellingConfig(env *accEnv, written arize.Spelling, suffix, adoptedID string) string {
	var b strings.Builder
	for _, c := range spellingCases {
		fmt.Fprintf(&b, `
resource "arize_ai_integration" %q {
  name        = "spelling-%s%s"
  ai_provider = %q
  auth_type   = %q
  %s
}
`, c.key, c.key, suffix, c.provider.In(written), c.auth.In(written), c.extra)
	}
	if adoptedID != "" {
		fmt.Fprintf(&b, `
import {
  to = arize_ai_integration.adopted
  id = %q
}

resource "arize_ai_integration" "adopted" {
  name        = "made in the UI"
  ai_provider = %q
  base_url    = "https://ui.example.com/v1"
}
`, adoptedID, arize.ProviderCustom.In(written))
	}
	return env.config(b.String())
}

// TestAccAIIntegration_spellings applies all eight providers, written in
// each spelling, against a server of each spelling: the second plan is empty,
// a rename is in place, an integration made in the server's spelling imports
// with no change planned, the state keeps what the config wrote, and every
// CLI run spends at most one refused request finding the server's spelling.
func TestAccAIIntegration_spellings(t *testing.T) {
	for _, server := range []emulator.Dialect{emulator.DialectToday, emulator.DialectPublished} {
		for _, written := range []arize.Spelling{arize.SpellingToday, arize.SpellingPublished} {
			t.Run(fmt.Sprintf("server_%s/config_%s", server, spellingName(written)), func(t *testing.T) {
				env := newAccEnv(t, func(o *emulator.Options) { o.Dialect = server })
				emu := env.emulator(t)
				adopted, err := emu.Put(emulator.Integration{
					Name: "made in the UI", Provider: "CUSTOM", BaseURL: "https://ui.example.com/v1", FunctionCallingEnabled: true,
				})
				if err != nil {
					t.Fatal(err)
				}
				// Only a server of the published spelling refuses one
				// request, the first create's in today's spelling.
				wantRefused := 0
				if server == emulator.DialectPublished {
					wantRefused = 1
				}
				refusedSoFar := exampleStored{check: func() error {
					if n := emu.Refused(); n > wantRefused {
						return fmt.Errorf("%d refused requests so far, want at most %d", n, wantRefused)
					}
					return nil
				}}

				var created, renamed, imported []plancheck.PlanCheck
				stateChecks := []statecheck.StateCheck{refusedSoFar}
				for _, c := range spellingCases {
					addr := "arize_ai_integration." + c.key
					created = append(created, plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate))
					renamed = append(renamed, plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate))
					imported = append(imported, plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop))
					stateChecks = append(stateChecks,
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("ai_provider"), knownvalue.StringExact(string(c.provider.In(written)))),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("auth_type"), knownvalue.StringExact(string(c.auth.In(written)))))
				}
				imported = append(imported, plancheck.ExpectResourceAction("arize_ai_integration.adopted", plancheck.ResourceActionNoop))
				storedAsWritten := exampleStored{check: func() error {
					for _, c := range spellingCases {
						rec := findStored(emu, "spelling-"+c.key)
						if rec == nil {
							return fmt.Errorf("spelling-%s is not in the emulator", c.key)
						}
						if emulator.Canonical(rec.Provider) != string(c.provider) || emulator.Canonical(rec.AuthType) != string(c.auth) {
							return fmt.Errorf("spelling-%s stored as %s/%s, want %s/%s", c.key, rec.Provider, rec.AuthType, c.provider, c.auth)
						}
					}
					return nil
				}}

				accTest(t,
					resource.TestStep{
						Config:            spellingConfig(env, written, "", ""),
						ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: created},
						ConfigStateChecks: slices.Concat(stateChecks, []statecheck.StateCheck{storedAsWritten}),
					},
					resource.TestStep{
						Config:            spellingConfig(env, written, "-renamed", ""),
						ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: renamed},
						ConfigStateChecks: stateChecks,
					},
					resource.TestStep{
						Config:           spellingConfig(env, written, "-renamed", adopted.ID),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: imported},
						ConfigStateChecks: slices.Concat(stateChecks, []statecheck.StateCheck{
							// Imported as the server spelt it, and kept: the config's
							// other spelling of the same value plans no change.
							statecheck.ExpectKnownValue("arize_ai_integration.adopted", tfjsonpath.New("ai_provider"),
								knownvalue.StringExact(serverSpelt(server, "CUSTOM"))),
						}),
					},
				)
				// accTest has destroyed everything by now.
				if n := emu.Len(); n != 0 {
					t.Errorf("%d integrations left after destroy", n)
				}
				if n := emu.Refused(); n != wantRefused {
					t.Errorf("%d refused requests in all, want %d", n, wantRefused)
				}
				if n := emu.Answers(http.MethodPost, emulator.RouteCollection, http.StatusCreated); n != len(spellingCases) {
					t.Errorf("%d successful creates, want %d", n, len(spellingCases))
				}
			})
		}
	}
}

// TestAccAIIntegration_respell changes only the spelling of ai_provider and
// auth_type in a config: nothing is planned, and nothing is sent.
func TestAccAIIntegration_respell(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	config := func(provider, auth string) string {
		return env.config(fmt.Sprintf(`
resource "arize_ai_integration" "test" {
  name        = "tf-acc-respell"
  ai_provider = %q
  auth_type   = %q
  base_url    = "https://llm.example.com/v1"
}
`, provider, auth))
	}
	writes := func() int {
		return emu.Count(http.MethodPost, emulator.RouteCollection) + emu.Count(http.MethodPatch, emulator.RouteItem)
	}
	var before int
	accTest(t,
		resource.TestStep{Config: config("custom", "bearer_token"), Check: func(*terraform.State) error {
			before = writes()
			return nil
		}},
		resource.TestStep{
			Config:            config("CUSTOM", "BEARER_TOKEN"),
			ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: []statecheck.StateCheck{stateAttr("ai_provider", knownvalue.StringExact("custom"))},
			Check: func(*terraform.State) error {
				if n := writes(); n != before {
					return fmt.Errorf("%d writes after a change of spelling alone", n-before)
				}
				return nil
			},
		},
		// A change of value, in the other spelling, is still a change.
		resource.TestStep{
			Config:           config("CUSTOM", "DEFAULT"),
			ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
		},
	)
}

func spellingName(s arize.Spelling) string {
	if s == arize.SpellingPublished {
		return "published"
	}
	return "today"
}

// serverSpelt is a today-spelt provider or auth type as a server of
// dialect d answers it.
func serverSpelt(d emulator.Dialect, today string) string {
	if d != emulator.DialectPublished {
		return today
	}
	if p := arize.Provider(today).In(arize.SpellingPublished); string(p) != today {
		return string(p)
	}
	return string(arize.AuthType(today).In(arize.SpellingPublished))
}

func findStored(emu *emulator.Server, name string) *emulator.Integration {
	for _, rec := range emu.List() {
		if rec.Name == name {
			return &rec
		}
	}
	return nil
}

// TestAccAIIntegration_spellingParallel applies 40 integrations with
// -parallelism=10 through the provider built as a binary, one process as a
// user runs it, against a server of each spelling: at most one request is
// refused while the provider finds the spelling, and each integration is
// created exactly once.
func TestAccAIIntegration_spellingParallel(t *testing.T) {
	const n = 40
	for _, server := range []emulator.Dialect{emulator.DialectToday, emulator.DialectPublished} {
		t.Run(string(server), func(t *testing.T) {
			emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey, Dialect: server})
			srv := httptest.NewServer(emu)
			defer srv.Close()
			w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
			w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), fmt.Sprintf(`
resource "arize_ai_integration" "many" {
  count       = %d
  name        = format("parallel-%%02d", count.index)
  ai_provider = count.index %% 2 == 0 ? "OPEN_AI" : "anthropic"
  auth_type   = count.index %% 3 == 0 ? "bearer_token" : "DEFAULT"
}
`, n)))
			w.run(nil, "apply", "-no-color", "-auto-approve", "-parallelism=10")
			refused, created := emu.Refused(), emu.Answers(http.MethodPost, emulator.RouteCollection, http.StatusCreated)
			t.Logf("apply: %d refused, %d created; requests %v", refused, created, sortedCounts(emu.Requests()))
			if refused > 1 {
				t.Errorf("%d refused requests, want at most one", refused)
			}
			if created != n || emu.Len() != n {
				t.Errorf("%d successful creates and %d integrations stored, want %d of each", created, emu.Len(), n)
			}
			if out, err := w.tryRun(nil, "plan", "-no-color", "-detailed-exitcode"); err != nil {
				t.Errorf("the plan after apply is not empty (%v):\n%s", err, out)
			}
			w.run(nil, "destroy", "-no-color", "-auto-approve", "-parallelism=10")
			if emu.Len() != 0 {
				t.Errorf("destroy left %d integrations", emu.Len())
			}
		})
	}
}
