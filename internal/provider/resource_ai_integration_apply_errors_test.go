package provider

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// applyTimeErrors are mistakes that can only show at apply: values unknown
// at plan, and what only the API can know. Each must fail with its error and
// leave the server as it was (beyond what the same apply rightly made).
var applyTimeErrors = []struct {
	name     string
	settings string // provider block settings replacing endpoint and api_key, if any
	body     string // resources
	expect   string
	// posts is how many creates reach the server: none where the provider
	// can tell the config is wrong once its values are known.
	posts int
}{
	{name: "unknown provider, known at apply", body: later("openai") + `
resource "arize_ai_integration" "test" {
  name        = "x"
  ai_provider = terraform_data.later.output
}`, expect: `Attribute ai_provider value must be one of`},
	{name: "model source unknown at plan, missing at apply", body: later("no") + `
resource "arize_ai_integration" "test" {
  name                  = "x"
  ai_provider           = "awsBedrock"
  enable_default_models = terraform_data.later.output == "yes"
}`, expect: `No model source[\s\S]*ai_provider = "awsBedrock" needs a model source`},
	{name: "header value unknown at plan, too large at apply", body: later(strings.Repeat("h", 9000)) + `
resource "arize_ai_integration" "test" {
  name        = "x"
  ai_provider = "custom"
  headers     = { "X-Big" = terraform_data.later.output }
}`, expect: `Headers too large[\s\S]*serialise to 9012 bytes`},
	{name: "metadata unknown at plan, for the wrong provider at apply", body: later("yes") + `
resource "arize_ai_integration" "test" {
  name              = "x"
  ai_provider       = "openAI"
  provider_metadata = terraform_data.later.output == "yes" ? { aws = { role_arn = "r" } } : null
}`, expect: `provider_metadata\.aws applies only to ai_provider = "AWS_BEDROCK" \(or "awsBedrock"\), not "openAI"`},
	{name: "the same name twice in one apply", body: `
resource "arize_ai_integration" "one" {
  name        = "twice"
  ai_provider = "openAI"
}

resource "arize_ai_integration" "two" {
  name        = "twice"
  ai_provider = "anthropic"
}`, expect: `An AI integration named "twice" already exists in this Arize account[\s\S]*409`, posts: 2},
	{name: "a name already taken", body: `
resource "arize_ai_integration" "test" {
  name        = "taken"
  ai_provider = "openAI"
}`, expect: `An AI integration named "taken" already exists[\s\S]*import`, posts: 1},
	{name: "a wrong API key", settings: `api_key = "ak-not-the-right-one"`, body: `
resource "arize_ai_integration" "test" {
  name        = "x"
  ai_provider = "openAI"
}`, expect: `Arize rejected the API key[\s\S]*401 Unauthorized`, posts: 1},
	{name: "an unreachable endpoint", settings: `endpoint = "http://127.0.0.1:1"
  api_key = "k"
  max_retries = 1`, body: `
resource "arize_ai_integration" "test" {
  name        = "x"
  ai_provider = "openAI"
}`, expect: `Could not create the Arize AI integration[\s\S]*connection refused`},
}

// later declares terraform_data.later, whose output is unknown until apply.
func later(value string) string {
	return "resource \"terraform_data\" \"later\" {\n  input = " + hcl(value) + "\n}\n"
}

func TestAccAIIntegration_applyTimeErrors(t *testing.T) {
	for _, tc := range applyTimeErrors {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			if _, err := emu.Put(emulator.Integration{Name: "taken", Provider: "openAI", APIKey: "sk-kept", FunctionCallingEnabled: true}); err != nil {
				t.Fatal(err)
			}
			before := emu.List()
			config := env.config(tc.body)
			if tc.settings != "" {
				if strings.Contains(tc.settings, "endpoint") {
					config = "provider \"arize\" {\n  " + tc.settings + "\n}\n" + tc.body
				} else {
					config = "provider \"arize\" {\n  endpoint = " + hcl(env.endpoint) + "\n  " + tc.settings + "\n}\n" + tc.body
				}
			}
			accTest(t, resource.TestStep{Config: config, ExpectError: wrappedRegexp(tc.expect)})
			// The test harness destroys what the failed apply made; what was
			// there before must be untouched.
			if after := emu.List(); !reflect.DeepEqual(after, before) {
				t.Errorf("the server changed: %d integrations before, %d after", len(before), len(after))
			}
			if posts := emu.Count("POST", emulator.RouteCollection) - spellingProbes(emu, "POST", emulator.RouteCollection); posts != tc.posts {
				t.Errorf("%d creates reached the server, want %d", posts, tc.posts)
			}
		})
	}
}
