package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// planTimeErrors are configurations every one of which must be refused at
// plan time, on the attribute that is wrong, before any API call.
var planTimeErrors = []struct {
	name   string
	body   string // the resource block's attributes
	expect string // a regexp over Terraform's error output
}{
	{"unknown provider", `name = "x"
  ai_provider = "openai"`, `Attribute ai_provider value must be one of`},
	{"unknown auth type", `name = "x"
  ai_provider = "openAI"
  auth_type = "oauth"`, `Attribute auth_type value must be one of`},
	{"empty name", `name = ""
  ai_provider = "openAI"`, `Attribute name string length must be at least 1`},
	{"empty api key", `name = "x"
  ai_provider = "openAI"
  api_key = ""`, `Attribute api_key string length must be at least 1`},
	{"base_url not a URL", `name = "x"
  ai_provider = "custom"
  base_url = "llm.example.com/v1"`, `Invalid URL[\s\S]*not an absolute http`},
	{"base_url wrong scheme", `name = "x"
  ai_provider = "custom"
  base_url = "ftp://llm.example.com"`, `Invalid URL`},
	{"empty model list", `name = "x"
  ai_provider = "openAI"
  model_names = []`, `Attribute model_names list must contain at least 1 elements`},
	{"empty model name", `name = "x"
  ai_provider = "openAI"
  model_names = ["gpt-4o", ""]`, `model_names\[1\] string length must be at least 1`},
	{"duplicate model names", `name = "x"
  ai_provider = "openAI"
  model_names = ["gpt-4o", "gpt-4o"]`, `Duplicate List Value[\s\S]*model_names[\s\S]*contains duplicate values of: "gpt-4o"`},
	{"duplicate scopings", `name = "x"
  ai_provider = "openAI"
  scopings = [{ organization_id = "o" }, { organization_id = "o" }]`, `Duplicate List Value[\s\S]*scopings`},
	{"empty headers", `name = "x"
  ai_provider = "custom"
  headers = {}`, `Attribute headers map must contain at least 1 elements`},
	{"headers too large", `name = "x"
  ai_provider = "custom"
  headers = { "X-Big" = "` + strings.Repeat("a", 8200) + `" }`, `Headers too large[\s\S]*serialise to 8212 bytes`},
	{"aws metadata on openAI", `name = "x"
  ai_provider = "openAI"
  provider_metadata = { aws = { role_arn = "` + testRoleARN + `" } }`, `provider_metadata\.aws applies only to ai_provider = "AWS_BEDROCK" \(or "awsBedrock"\), not "openAI"`},
	{"aws metadata on OPEN_AI", `name = "x"
  ai_provider = "OPEN_AI"
  provider_metadata = { aws = { role_arn = "` + testRoleARN + `" } }`, `provider_metadata\.aws applies only to ai_provider = "AWS_BEDROCK" \(or "awsBedrock"\), not "OPEN_AI"`},
	{"gcp metadata on bedrock", `name = "x"
  ai_provider = "awsBedrock"
  enable_default_models = true
  provider_metadata = { gcp = { project_id = "p", location = "us-central1", project_access_label = "l" } }`, `provider_metadata\.gcp applies only to ai_provider = "VERTEX_AI"`},
	{"gcp metadata on AWS_BEDROCK", `name = "x"
  ai_provider = "AWS_BEDROCK"
  enable_default_models = true
  provider_metadata = { gcp = { project_id = "p", location = "us-central1", project_access_label = "l" } }`, `provider_metadata\.gcp applies only to ai_provider = "VERTEX_AI"`},
	{"aws metadata on AWS_BEDROCK is fine, on VERTEX_AI not", `name = "x"
  ai_provider = "VERTEX_AI"
  enable_default_models = true
  provider_metadata = { aws = { role_arn = "` + testRoleARN + `" } }`, `provider_metadata\.aws applies only`},
	{"both metadata kinds", `name = "x"
  ai_provider = "awsBedrock"
  enable_default_models = true
  provider_metadata = {
    aws = { role_arn = "` + testRoleARN + `" }
    gcp = { project_id = "p", location = "us-central1", project_access_label = "l" }
  }`, `Invalid Attribute Combination[\s\S]*provider_metadata\.aws`},
	{"empty metadata", `name = "x"
  ai_provider = "awsBedrock"
  enable_default_models = true
  provider_metadata = {}`, `Invalid Attribute Combination`},
	{"aws metadata without role", `name = "x"
  ai_provider = "awsBedrock"
  enable_default_models = true
  provider_metadata = { aws = { external_id = "e" } }`, `attribute "role_arn" is required`},
	{"gcp metadata without location", `name = "x"
  ai_provider = "vertexAI"
  enable_default_models = true
  provider_metadata = { gcp = { project_id = "p", project_access_label = "l" } }`, `attribute "location" is required`},
	{"bedrock without a model source", `name = "x"
  ai_provider = "awsBedrock"
  provider_metadata = { aws = { role_arn = "` + testRoleARN + `" } }`, `No model source[\s\S]*ai_provider = "awsBedrock" needs a model source`},
	{"AWS_BEDROCK without a model source", `name = "x"
  ai_provider = "AWS_BEDROCK"
  provider_metadata = { aws = { role_arn = "` + testRoleARN + `" } }`, `No model source[\s\S]*ai_provider = "AWS_BEDROCK" needs a model source`},
	{"VERTEX_AI without a model source", `name = "x"
  ai_provider = "VERTEX_AI"`, `No model source[\s\S]*"VERTEX_AI"`},
	{"unknown auth type spelling", `name = "x"
  ai_provider = "OPEN_AI"
  auth_type = "Default"`, `Attribute auth_type value must be one of[\s\S]*"DEFAULT"[\s\S]*"default"`},
	{"vertex with default models off and no list", `name = "x"
  ai_provider = "vertexAI"
  enable_default_models = false`, `No model source[\s\S]*"vertexAI"`},
	{"scoping without organization", `name = "x"
  ai_provider = "openAI"
  scopings = [{ space_id = "` + testSpaceID + `" }]`, `attribute "organization_id" is required`},
	{"empty space id", `name = "x"
  ai_provider = "openAI"
  scopings = [{ organization_id = "` + testOrgID + `", space_id = "" }]`, `space_id string length must be at least 1`},
}

func TestAccAIIntegration_planTimeValidation(t *testing.T) {
	for _, tc := range planTimeErrors {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			accTest(t, resource.TestStep{
				Config:      env.config("resource \"arize_ai_integration\" \"test\" {\n  " + tc.body + "\n}\n"),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("plan-time error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}
