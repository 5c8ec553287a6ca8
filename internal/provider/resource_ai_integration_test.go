package provider

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

const testAddr = "arize_ai_integration.test"

func stateAttr(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(testAddr, tfjsonpath.New(name), v)
}

const (
	testOrgID   = "QWNjb3VudE9yZzoxMjM6YWJj"
	testSpaceID = "U3BhY2U6MTIzNDU="
	testRoleARN = "arn:aws:iam::123456789012:role/arize-bedrock"
)

func TestAccAIIntegration_full(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	config := env.config(fmt.Sprintf(`
resource "arize_ai_integration" "test" {
  name                     = "tf-acc-full"
  ai_provider              = %q
  api_key                  = "sk-full-secret-0001"
  api_key_version          = "1"
  base_url                 = "https://bedrock-proxy.example.com/v1"
  model_names              = ["anthropic.claude-3-5-sonnet", "meta.llama3-70b"]
  headers                  = { "X-Proxy-Auth" = "hdr-full-secret-0001" }
  enable_default_models    = true
  function_calling_enabled = false
  auth_type                = %q
  provider_metadata = {
    aws = { role_arn = %q, external_id = "ext-42" }
  }
  scopings = [
    { organization_id = %q },
    { organization_id = %q, space_id = %q },
  ]
}
`, env.spelt("AWS_BEDROCK"), env.spelt("PROXY_WITH_HEADERS"), testRoleARN, testOrgID, testOrgID, testSpaceID))

	accTest(t,
		resource.TestStep{
			Config:           config,
			ConfigPlanChecks: expectAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				// Create is one POST whose answer is the state: no read after it.
				expectRequests(emu, map[string]int{routePost: 1, routeGet: 0}),
				stateAttr("id", knownvalue.StringRegexp(regexp.MustCompile(`^[A-Za-z0-9+/]+=*$`))),
				stateAttr("name", knownvalue.StringExact("tf-acc-full")),
				stateAttr("ai_provider", knownvalue.StringExact(env.spelt("AWS_BEDROCK"))),
				stateAttr("api_key", knownvalue.Null()),
				stateAttr("api_key_version", knownvalue.StringExact("1")),
				stateAttr("has_api_key", knownvalue.Bool(true)),
				stateAttr("base_url", knownvalue.StringExact("https://bedrock-proxy.example.com/v1")),
				stateAttr("model_names", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("anthropic.claude-3-5-sonnet"), knownvalue.StringExact("meta.llama3-70b"),
				})),
				stateAttr("headers", knownvalue.MapExact(map[string]knownvalue.Check{"X-Proxy-Auth": knownvalue.StringExact("hdr-full-secret-0001")})),
				stateAttr("enable_default_models", knownvalue.Bool(true)),
				stateAttr("function_calling_enabled", knownvalue.Bool(false)),
				stateAttr("auth_type", knownvalue.StringExact(env.spelt("PROXY_WITH_HEADERS"))),
				stateAttr("provider_metadata", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"aws": knownvalue.ObjectExact(map[string]knownvalue.Check{
						"role_arn": knownvalue.StringExact(testRoleARN), "external_id": knownvalue.StringExact("ext-42"),
					}),
					"gcp": knownvalue.Null(),
				})),
				stateAttr("scopings", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{"organization_id": knownvalue.StringExact(testOrgID), "space_id": knownvalue.Null()}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{"organization_id": knownvalue.StringExact(testOrgID), "space_id": knownvalue.StringExact(testSpaceID)}),
				})),
				stateAttr("created_at", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`))),
				stateAttr("updated_at", knownvalue.NotNull()),
				stateAttr("created_by_user_id", knownvalue.NotNull()),
				expectStored(emu, testAddr, func(rec emulator.Integration) error {
					if rec.APIKey != "sk-full-secret-0001" {
						return fmt.Errorf("stored api key is not the configured one")
					}
					if rec.Headers["X-Proxy-Auth"] != "hdr-full-secret-0001" || rec.AuthType != "PROXY_WITH_HEADERS" {
						return fmt.Errorf("headers or auth_type not stored: %v %q", len(rec.Headers), rec.AuthType)
					}
					if rec.ProviderMetadata == nil || rec.ProviderMetadata.Kind != "AWS" || rec.ProviderMetadata.RoleARN != testRoleARN {
						return fmt.Errorf("provider_metadata not stored: %+v", rec.ProviderMetadata)
					}
					if len(rec.Scopings) != 2 || rec.Scopings[0].SpaceID != "" || rec.Scopings[1].SpaceID != testSpaceID {
						return fmt.Errorf("scopings not stored: %+v", rec.Scopings)
					}
					return nil
				}),
			},
		},
		resource.TestStep{
			ResourceName:      testAddr,
			ImportState:       true,
			ImportStateVerify: true,
			// api_key_version exists only in Terraform; nothing on the server says what it was.
			ImportStateVerifyIgnore: []string{"api_key_version"},
		},
	)
}

func TestAccAIIntegration_minimal(t *testing.T) {
	// The API answers an account-wide scoping as [{}] or with explicit nulls:
	// both must read back as the schema's empty list.
	for name, explicitNulls := range map[string]bool{"empty_object_scoping": false, "explicit_null_scoping": true} {
		t.Run(name, func(t *testing.T) {
			env := newAccEnv(t, func(o *emulator.Options) { o.ExplicitNullScopings = explicitNulls })
			// Spelt as the server spells it, so that an import reads back
			// the same text.
			config := env.config(fmt.Sprintf(`
resource "arize_ai_integration" "test" {
  name        = "tf-acc-minimal"
  ai_provider = %q
}
`, env.spelt("OPEN_AI")))
			accTest(t,
				resource.TestStep{
					Config:           config,
					ConfigPlanChecks: expectAction(plancheck.ResourceActionCreate),
					ConfigStateChecks: []statecheck.StateCheck{
						stateAttr("has_api_key", knownvalue.Bool(false)),
						stateAttr("api_key_version", knownvalue.Null()),
						stateAttr("base_url", knownvalue.Null()),
						stateAttr("model_names", knownvalue.Null()),
						stateAttr("headers", knownvalue.Null()),
						stateAttr("enable_default_models", knownvalue.Bool(false)),
						stateAttr("function_calling_enabled", knownvalue.Bool(true)),
						stateAttr("auth_type", knownvalue.StringExact("DEFAULT")),
						stateAttr("provider_metadata", knownvalue.Null()),
						stateAttr("scopings", knownvalue.ListExact([]knownvalue.Check{})),
					},
				},
				resource.TestStep{
					ResourceName:      testAddr,
					ImportState:       true,
					ImportStateVerify: true,
					// The default is planned in today's spelling; an import
					// reads the server's, which is the same value.
					ImportStateVerifyIgnore: []string{"auth_type"},
					ImportStateCheck: func(states []*terraform.InstanceState) error {
						if len(states) != 1 || !arize.SameEnumValue(states[0].Attributes["auth_type"], "DEFAULT") {
							return fmt.Errorf("imported auth_type is not the default: %+v", states)
						}
						return nil
					},
				},
				resource.TestStep{
					// An import block, as in examples/resources/arize_ai_integration/import-by-string-id.tf.
					Config:          config,
					ResourceName:    testAddr,
					ImportState:     true,
					ImportStateKind: resource.ImportBlockWithID,
				},
			)
		})
	}
}

// providerCase is one LLM provider with the settings it needs.
type providerCase struct {
	name, provider, extra string
}

var eightProviders = []providerCase{
	{"openai", "openAI", `model_names = ["gpt-4o", "gpt-4o-mini"]`},
	{"azure", "azureOpenAI", `base_url = "https://my-resource.openai.azure.com"
  model_names = ["gpt-4o"]`},
	{"bedrock", "awsBedrock", `enable_default_models = true
  provider_metadata = { aws = { role_arn = "` + testRoleARN + `" } }`},
	{"vertex", "vertexAI", `model_names = ["gemini-1.5-pro"]
  provider_metadata = { gcp = { project_id = "my-project", location = "us-central1", project_access_label = "prod" } }`},
	{"anthropic", "anthropic", `model_names = ["claude-3-5-sonnet-latest"]`},
	{"custom", "custom", `base_url = "https://llm.internal.example.com/v1"
  auth_type = "bearer_token"
  model_names = ["llama-3-70b"]`},
	{"nim", "nvidiaNim", `base_url = "https://integrate.api.nvidia.com/v1"
  model_names = ["meta/llama3-70b-instruct"]`},
	{"gemini", "gemini", `enable_default_models = true`},
}

func TestAccAIIntegration_eachProvider(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	var resources string
	var checks []statecheck.StateCheck
	for _, c := range eightProviders {
		resources += fmt.Sprintf(`
resource "arize_ai_integration" %q {
  name        = "tf-acc-%s"
  ai_provider = %q
  api_key     = "sk-%s-key"
  %s
}
`, c.name, c.name, c.provider, c.name, c.extra)
		addr := "arize_ai_integration." + c.name
		checks = append(checks,
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("ai_provider"), knownvalue.StringExact(c.provider)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("has_api_key"), knownvalue.Bool(true)),
			expectStored(emu, addr, func(rec emulator.Integration) error {
				if emulator.Canonical(rec.Provider) != emulator.Canonical(c.provider) {
					return fmt.Errorf("stored provider %q, want %q", rec.Provider, c.provider)
				}
				return nil
			}),
		)
	}
	checks = append(checks,
		expectRequests(emu, map[string]int{routePost: len(eightProviders)}),
		statecheck.ExpectKnownValue("arize_ai_integration.vertex", tfjsonpath.New("provider_metadata").AtMapKey("gcp").AtMapKey("location"), knownvalue.StringExact("us-central1")),
		statecheck.ExpectKnownValue("arize_ai_integration.bedrock", tfjsonpath.New("provider_metadata").AtMapKey("aws").AtMapKey("external_id"), knownvalue.Null()),
	)
	accTest(t, resource.TestStep{
		Config:            env.config(resources),
		ConfigStateChecks: checks,
	})
}

func TestAccAIIntegration_updateInPlace(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	stepConfig := func(body string) string {
		return env.config(`
resource "arize_ai_integration" "test" {
  ai_provider = "custom"
` + body + `
}
`)
	}
	updated := func(patches int, check func(emulator.Integration) error) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			expectRequests(emu, map[string]int{routePost: 1, routePatch: patches, routeDelete: 0}),
			expectStored(emu, testAddr, check),
		}
	}
	accTest(t,
		resource.TestStep{
			Config:           stepConfig(`  name = "tf-acc-update"`),
			ConfigPlanChecks: expectAction(plancheck.ResourceActionCreate),
		},
		resource.TestStep{
			Config: stepConfig(`
  name                     = "tf-acc-update-renamed"
  base_url                 = "https://llm.example.com/v1"
  model_names              = ["m-1", "m-2"]
  headers                  = { "X-Team" = "platform", "X-Token" = "hdr-update-secret" }
  enable_default_models    = true
  function_calling_enabled = false
  auth_type                = "bearer_token"
  scopings                 = [{ organization_id = "` + testOrgID + `" }]`),
			ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: updated(1, func(rec emulator.Integration) error {
				if rec.Name != "tf-acc-update-renamed" || rec.BaseURL != "https://llm.example.com/v1" || !slices.Equal(rec.ModelNames, []string{"m-1", "m-2"}) ||
					len(rec.Headers) != 2 || !rec.EnableDefaultModels || rec.FunctionCallingEnabled || rec.AuthType != "BEARER_TOKEN" ||
					len(rec.Scopings) != 1 || rec.Scopings[0].OrganizationID != testOrgID {
					return fmt.Errorf("not updated: %+v", rec)
				}
				return nil
			}),
		},
		resource.TestStep{
			Config: stepConfig(`
  name                     = "tf-acc-update-renamed"
  base_url                 = "https://llm.example.com/v2"
  model_names              = ["m-2", "m-1", "m-3"]
  headers                  = { "X-Token" = "hdr-update-secret-2" }
  enable_default_models    = true
  function_calling_enabled = false
  auth_type                = "proxy_with_headers"
  scopings                 = [{ organization_id = "` + testOrgID + `", space_id = "` + testSpaceID + `" }]`),
			ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: updated(2, func(rec emulator.Integration) error {
				if rec.BaseURL != "https://llm.example.com/v2" || !slices.Equal(rec.ModelNames, []string{"m-2", "m-1", "m-3"}) ||
					len(rec.Headers) != 1 || rec.Headers["X-Token"] != "hdr-update-secret-2" || rec.AuthType != "PROXY_WITH_HEADERS" ||
					len(rec.Scopings) != 1 || rec.Scopings[0].SpaceID != testSpaceID {
					return fmt.Errorf("not updated: %+v", rec)
				}
				return nil
			}),
		},
		resource.TestStep{
			// Removing every optional attribute clears it on the server.
			Config:           stepConfig(`  name = "tf-acc-update-renamed"`),
			ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: append(updated(3, func(rec emulator.Integration) error {
				if rec.BaseURL != "" || len(rec.ModelNames) != 0 || rec.Headers != nil || rec.EnableDefaultModels || !rec.FunctionCallingEnabled ||
					rec.AuthType != "DEFAULT" || rec.Scopings != nil {
					return fmt.Errorf("not cleared: %+v", rec)
				}
				return nil
			}),
				stateAttr("base_url", knownvalue.Null()),
				stateAttr("headers", knownvalue.Null()),
				stateAttr("model_names", knownvalue.Null()),
				stateAttr("scopings", knownvalue.ListExact([]knownvalue.Check{})),
			),
		},
	)
}

func TestAccAIIntegration_updateProviderMetadata(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	stepConfig := func(metadata string) string {
		return env.config(`
resource "arize_ai_integration" "test" {
  name                  = "tf-acc-metadata"
  ai_provider           = "awsBedrock"
  enable_default_models = true
  ` + metadata + `
}
`)
	}
	metadataIs := func(want *emulator.ProviderMetadata) statecheck.StateCheck {
		return expectStored(emu, testAddr, func(rec emulator.Integration) error {
			got := rec.ProviderMetadata
			switch {
			case want == nil && got == nil:
				return nil
			case want == nil || got == nil:
				return fmt.Errorf("provider_metadata = %+v, want %+v", got, want)
			case got.RoleARN != want.RoleARN || (got.ExternalID == nil) != (want.ExternalID == nil):
				return fmt.Errorf("provider_metadata = %+v, want %+v", got, want)
			}
			return nil
		})
	}
	ext := "ext-1"
	accTest(t,
		resource.TestStep{Config: stepConfig(""), ConfigStateChecks: []statecheck.StateCheck{metadataIs(nil)}},
		resource.TestStep{
			Config:            stepConfig(`provider_metadata = { aws = { role_arn = "` + testRoleARN + `", external_id = "ext-1" } }`),
			ConfigPlanChecks:  expectAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{metadataIs(&emulator.ProviderMetadata{RoleARN: testRoleARN, ExternalID: &ext})},
		},
		resource.TestStep{
			Config:            stepConfig(`provider_metadata = { aws = { role_arn = "arn:aws:iam::123456789012:role/other" } }`),
			ConfigPlanChecks:  expectAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{metadataIs(&emulator.ProviderMetadata{RoleARN: "arn:aws:iam::123456789012:role/other"})},
		},
		resource.TestStep{
			Config:           stepConfig(""),
			ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				metadataIs(nil),
				stateAttr("provider_metadata", knownvalue.Null()),
				expectRequests(emu, map[string]int{routePost: 1, routePatch: 3}),
			},
		},
	)
}

func TestAccAIIntegration_keyRotation(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	stepConfig := func(key, version string) string {
		attrs := ""
		if key != "" {
			attrs += "  api_key = " + hcl(key) + "\n"
		}
		if version != "" {
			attrs += "  api_key_version = " + hcl(version) + "\n"
		}
		return env.config(`
resource "arize_ai_integration" "test" {
  name        = "tf-acc-rotation"
  ai_provider = "openAI"
` + attrs + `}
`)
	}
	storedKey := func(want string) statecheck.StateCheck {
		return expectStored(emu, testAddr, func(rec emulator.Integration) error {
			if rec.APIKey != want {
				return fmt.Errorf("the emulator holds a different api key than expected (has key: %t, want key: %t)", rec.APIKey != "", want != "")
			}
			return nil
		})
	}
	accTest(t,
		resource.TestStep{
			Config:            stepConfig("sk-rotate-one", "1"),
			ConfigStateChecks: []statecheck.StateCheck{storedKey("sk-rotate-one"), stateAttr("has_api_key", knownvalue.Bool(true))},
		},
		resource.TestStep{
			// A new key alone is invisible to Terraform: nothing is planned, nothing sent.
			Config: stepConfig("sk-rotate-two", "1"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{storedKey("sk-rotate-one"), expectRequests(emu, map[string]int{routePatch: 0})},
		},
		resource.TestStep{
			Config:            stepConfig("sk-rotate-two", "2"),
			ConfigPlanChecks:  expectAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{storedKey("sk-rotate-two"), expectRequests(emu, map[string]int{routePatch: 1})},
		},
		resource.TestStep{
			// The key removed outside Terraform: the next apply sends it again.
			PreConfig:        func() { env.patchOutside(t, emu.List()[0].ID, `{"api_key": null}`) },
			Config:           stepConfig("sk-rotate-two", "2"),
			ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				storedKey("sk-rotate-two"), stateAttr("has_api_key", knownvalue.Bool(true)),
			},
		},
		resource.TestStep{
			// No key and a new version: the stored key is removed.
			Config:           stepConfig("", "3"),
			ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				storedKey(""), stateAttr("has_api_key", knownvalue.Bool(false)),
			},
		},
	)
}

func TestAccAIIntegration_providerChangeReplaces(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	stepConfig := func(provider string) string {
		return env.config(`
resource "arize_ai_integration" "test" {
  name        = "tf-acc-replace"
  ai_provider = ` + hcl(provider) + `
  api_key     = "sk-replace"
}
`)
	}
	var firstID string
	accTest(t,
		resource.TestStep{
			Config: stepConfig("openAI"),
			Check: func(s *terraform.State) error {
				firstID = s.RootModule().Resources[testAddr].Primary.ID
				return nil
			},
		},
		resource.TestStep{
			Config:           stepConfig("anthropic"),
			ConfigPlanChecks: expectAction(plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				stateAttr("ai_provider", knownvalue.StringExact("anthropic")),
				stateAttr("has_api_key", knownvalue.Bool(true)),
				expectRequests(emu, map[string]int{routePost: 2, routeDelete: 1, routePatch: 0}),
			},
			Check: func(s *terraform.State) error {
				if id := s.RootModule().Resources[testAddr].Primary.ID; id == firstID {
					return fmt.Errorf("id %s kept across a replacement", id)
				}
				if emu.Len() != 1 {
					return fmt.Errorf("the emulator holds %d integrations, want 1", emu.Len())
				}
				return nil
			},
		},
	)
}

func TestAccAIIntegration_disappears(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	config := env.config(`
resource "arize_ai_integration" "test" {
  name        = "tf-acc-disappears"
  ai_provider = "gemini"
  enable_default_models = true
}
`)
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() {
				for _, rec := range emu.List() {
					emu.Remove(rec.ID)
				}
			},
			Config:           config,
			ConfigPlanChecks: expectAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				expectRequests(emu, map[string]int{routePost: 2}),
			},
		},
	)
}

func TestAccAIIntegration_nameConflict(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	existing, err := emu.Put(emulator.Integration{Name: "tf-acc-taken", Provider: "openAI"})
	if err != nil {
		t.Fatal(err)
	}
	accTest(t, resource.TestStep{
		Config: env.config(`
resource "arize_ai_integration" "test" {
  name        = "tf-acc-taken"
  ai_provider = "openAI"
}
`),
		ExpectError: regexp.MustCompile(`(?s)already exists.*terraform import.*409`),
	})
	if n := emu.Len(); n != 1 {
		t.Errorf("the emulator holds %d integrations after the clash, want 1", n)
	}
	if _, ok := emu.Get(existing.ID); !ok {
		t.Errorf("the existing integration is gone")
	}
}

// TestAccAIIntegration_importKeepsKeyFromUI: adopting an integration whose
// key was set in the UI, with a config that names api_key_version but no
// api_key, must not delete that key.
func TestAccAIIntegration_importKeepsKeyFromUI(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	existing, err := emu.Put(emulator.Integration{Name: "tf-acc-ui-key", Provider: "openAI", APIKey: "sk-set-in-the-ui", FunctionCallingEnabled: true})
	if err != nil {
		t.Fatal(err)
	}
	accTest(t, resource.TestStep{
		Config: env.config(fmt.Sprintf(`
import {
  to = arize_ai_integration.test
  id = %q
}

resource "arize_ai_integration" "test" {
  name            = "tf-acc-ui-key"
  ai_provider     = "openAI"
  api_key_version = "1"
}
`, existing.ID)),
		ConfigStateChecks: []statecheck.StateCheck{
			stateAttr("has_api_key", knownvalue.Bool(true)),
			expectStored(emu, testAddr, func(rec emulator.Integration) error {
				if rec.APIKey != "sk-set-in-the-ui" {
					return fmt.Errorf("the key set in the UI was changed or removed")
				}
				return nil
			}),
		},
	})
}

// TestAccAIIntegration_unknownAtPlan: values computed during apply pass the
// plan-time rules, which then hold at apply.
func TestAccAIIntegration_unknownAtPlan(t *testing.T) {
	env := newAccEnv(t)
	accTest(t, resource.TestStep{
		Config: env.config(`
resource "terraform_data" "later" {
  input = "no"
}

resource "arize_ai_integration" "test" {
  name                  = "tf-acc-unknown-${terraform_data.later.output}"
  ai_provider           = terraform_data.later.output == "yes" ? "awsBedrock" : "openAI"
  enable_default_models = terraform_data.later.output == "yes"
  model_names           = terraform_data.later.output == "yes" ? null : ["gpt-4o"]
  headers               = { "X-Later" = terraform_data.later.output }
  scopings              = terraform_data.later.output == "yes" ? [] : [{ organization_id = "` + testOrgID + `" }]
  provider_metadata     = terraform_data.later.output == "yes" ? { aws = { role_arn = "` + testRoleARN + `" } } : null
}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			stateAttr("ai_provider", knownvalue.StringExact("openAI")),
			stateAttr("provider_metadata", knownvalue.Null()),
		},
	})
}

func TestAccAIIntegration_importByIdentity(t *testing.T) {
	env := newAccEnv(t)
	config := env.config(`
resource "arize_ai_integration" "test" {
  name        = "tf-acc-identity"
  ai_provider = "anthropic"
  model_names = ["claude-3-5-sonnet-latest"]
}
`)
	// Resource identities need Terraform 1.12.
	accTestFrom(t, tfversion.Version1_12_0,
		resource.TestStep{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(testAddr, map[string]knownvalue.Check{"id": knownvalue.NotNull()}),
				statecheck.ExpectIdentityValueMatchesState(testAddr, tfjsonpath.New("id")),
			},
		},
		resource.TestStep{
			Config:          config,
			ResourceName:    testAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		},
	)
}
