package provider

import (
	"fmt"
	"maps"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// The resource's plan-time logic, driven through the plugin protocol in the
// test process (protocol_test.go): no Terraform CLI, no TF_ACC.

const aiIntegrationType = "arize_ai_integration"

// integrationState is an integration's state as a create leaves it, with
// changes; a nil in changes makes the attribute null.
func integrationState(changes tfObject) tfObject {
	state := tfObject{
		"id":                       "TGxtSW50ZWdyYXRpb246MTI6YUJjRA==",
		"name":                     "planned",
		"ai_provider":              "openAI",
		"api_key_version":          "1",
		"has_api_key":              true,
		"model_names":              []string{"gpt-4o"},
		"enable_default_models":    false,
		"function_calling_enabled": true,
		"auth_type":                "default",
		"scopings":                 []any{},
		"created_at":               "2026-02-13T21:27:19.055Z",
		"updated_at":               "2026-02-13T21:27:19.279Z",
		"created_by_user_id":       "VXNlcjoxOm5OYkM=",
	}
	maps.Copy(state, changes)
	return state
}

// integrationConfig is the resource block that made integrationState(nil),
// with changes.
func integrationConfig(changes tfObject) tfObject {
	config := tfObject{
		"name":            "planned",
		"ai_provider":     "openAI",
		"api_key":         "sk-planned",
		"api_key_version": "1",
		"model_names":     []string{"gpt-4o"},
	}
	maps.Copy(config, changes)
	return config
}

// spellings are both of the API's enum spellings, named.
var spellings = map[string]arize.Spelling{"today": arize.SpellingToday, "published": arize.SpellingPublished}

// TestAIIntegration_validateConfig checks each rule ValidateConfig adds to
// the schema's, in both enum spellings: the error is on the attribute that
// is wrong and quotes the provider as written; a rule whose inputs are
// unknown waits for apply.
func TestAIIntegration_validateConfig(t *testing.T) {
	aws := tfObject{"aws": tfObject{"role_arn": testRoleARN}}
	gcp := tfObject{"gcp": tfObject{"project_id": "p", "location": "us-central1", "project_access_label": "l"}}
	cases := []struct {
		name     string
		provider arize.Provider
		config   tfObject
		at       *tftypes.AttributePath // nil: no error
		summary  string
		detail   string // with %s for the provider as written
	}{
		{"aws metadata on OpenAI", arize.ProviderOpenAI, tfObject{"provider_metadata": aws},
			attrPath("provider_metadata", "aws"), "AWS metadata for a provider other than AWS Bedrock",
			`provider_metadata.aws applies only to ai_provider = "AWS_BEDROCK" (or "awsBedrock"), not %q.`},
		{"aws metadata on Vertex", arize.ProviderVertexAI, tfObject{"provider_metadata": aws, "enable_default_models": true},
			attrPath("provider_metadata", "aws"), "AWS metadata for a provider other than AWS Bedrock", `not %q`},
		{"gcp metadata on Bedrock", arize.ProviderAWSBedrock, tfObject{"provider_metadata": gcp, "enable_default_models": true},
			attrPath("provider_metadata", "gcp"), "GCP metadata for a provider other than Vertex AI",
			`provider_metadata.gcp applies only to ai_provider = "VERTEX_AI" (or "vertexAI"), not %q.`},
		{"gcp metadata on Gemini", arize.ProviderGemini, tfObject{"provider_metadata": gcp},
			attrPath("provider_metadata", "gcp"), "GCP metadata for a provider other than Vertex AI", `not %q`},
		{"Bedrock without a model source", arize.ProviderAWSBedrock, tfObject{"provider_metadata": aws},
			attrPath("model_names"), "No model source", `ai_provider = %q needs a model source`},
		{"Vertex without a model source", arize.ProviderVertexAI, tfObject{"provider_metadata": gcp},
			attrPath("model_names"), "No model source", `ai_provider = %q needs a model source`},
		{"Vertex with default models off and no list", arize.ProviderVertexAI, tfObject{"enable_default_models": false},
			attrPath("model_names"), "No model source", `%q`},

		{"aws metadata on Bedrock", arize.ProviderAWSBedrock, tfObject{"provider_metadata": aws, "enable_default_models": true}, nil, "", ""},
		{"gcp metadata on Vertex", arize.ProviderVertexAI, tfObject{"provider_metadata": gcp, "model_names": []string{"gemini-1.5-pro"}}, nil, "", ""},
		{"OpenAI needs no model source", arize.ProviderOpenAI, tfObject{}, nil, "", ""},
		{"Bedrock, models known at apply", arize.ProviderAWSBedrock, tfObject{"model_names": unknown}, nil, "", ""},
		{"Vertex, default models known at apply", arize.ProviderVertexAI, tfObject{"enable_default_models": unknown}, nil, "", ""},
		{"metadata known at apply", arize.ProviderOpenAI, tfObject{"provider_metadata": unknown}, nil, "", ""},
		{"aws metadata known at apply", arize.ProviderOpenAI, tfObject{"provider_metadata": tfObject{"aws": unknown}}, nil, "", ""},
	}
	p := newProtoProvider(t)
	for _, c := range cases {
		for spelling, sp := range spellings {
			t.Run(c.name+"/"+spelling, func(t *testing.T) {
				written := string(c.provider.In(sp))
				config := maps.Clone(c.config)
				config["name"] = "x"
				config["ai_provider"] = written
				diags := p.validateResource(aiIntegrationType, config)
				if c.at == nil {
					expectNoErrors(t, diags)
					return
				}
				expectError(t, diags, c.at, c.summary, fmt.Sprintf(c.detail, written))
			})
		}
	}
	t.Run("provider known at apply", func(t *testing.T) {
		expectNoErrors(t, p.validateResource(aiIntegrationType, tfObject{"name": "x", "ai_provider": unknown, "provider_metadata": aws}))
	})
}

// TestAIIntegration_planHasAPIKey checks the has_api_key ModifyPlan plans,
// from mustSendKey's rule, and that an update that sends the key plans a
// new updated_at.
func TestAIIntegration_planHasAPIKey(t *testing.T) {
	cases := []struct {
		name          string
		prior         tfObject // nil: a create
		config        tfObject
		wantHasKey    any  // true, false or unknown
		wantUpdatedAt bool // an update that sets a new updated_at
	}{
		{"create with a key", nil, integrationConfig(nil), true, true},
		{"create without a key", nil, integrationConfig(tfObject{"api_key": nil}), false, true},
		{"create with a key known at apply", nil, integrationConfig(tfObject{"api_key": unknown}), unknown, true},
		{"nothing changed", integrationState(nil), integrationConfig(nil), true, false},
		{"a new key alone is not seen", integrationState(nil), integrationConfig(tfObject{"api_key": "sk-other"}), true, false},
		{"version bumped: rotation", integrationState(nil), integrationConfig(tfObject{"api_key_version": "2"}), true, true},
		{"version bumped, no key: removal", integrationState(nil), integrationConfig(tfObject{"api_key": nil, "api_key_version": "2"}), false, true},
		{"version removed with a key: sent again", integrationState(nil), integrationConfig(tfObject{"api_key_version": nil}), true, true},
		{"key removed outside Terraform: sent again", integrationState(tfObject{"has_api_key": false}), integrationConfig(nil), true, true},
		{"version named after an import, no key: the UI's key stays",
			integrationState(tfObject{"api_key_version": nil}), integrationConfig(tfObject{"api_key": nil}), true, true},
		{"no key configured, one set in the UI", integrationState(tfObject{"api_key_version": nil}),
			integrationConfig(tfObject{"api_key": nil, "api_key_version": nil}), true, false},
		{"no key configured, none held", integrationState(tfObject{"api_key_version": nil, "has_api_key": false}),
			integrationConfig(tfObject{"api_key": nil, "api_key_version": nil}), false, false},
		{"a key known at apply, version unchanged", integrationState(nil), integrationConfig(tfObject{"api_key": unknown}), true, false},
		{"another provider: a new integration, with a key", integrationState(tfObject{"has_api_key": false}),
			integrationConfig(tfObject{"ai_provider": "ANTHROPIC"}), true, true},
		{"another provider: a new integration, without a key", integrationState(nil),
			integrationConfig(tfObject{"ai_provider": "anthropic", "api_key": nil}), false, true},
	}
	p := newProtoProvider(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plan := p.planResource(aiIntegrationType, c.prior, c.config)
			expectNoErrors(t, plan.diags)
			schemaType := p.resourceSchema(aiIntegrationType).ValueType()
			if got, want := attrOf(t, plan.state, "has_api_key"), tfValue(t, tftypes.Bool, c.wantHasKey); !got.Equal(want) {
				t.Errorf("has_api_key planned as %s, want %s", got, want)
			}
			if got := attrOf(t, plan.state, "api_key"); !got.IsNull() {
				t.Errorf("the write-only api_key is in the plan: %s", got)
			}
			updatedAt := attrOf(t, plan.state, "updated_at")
			if c.wantUpdatedAt == updatedAt.IsKnown() {
				t.Errorf("updated_at planned as %s; want a new one: %t", updatedAt, c.wantUpdatedAt)
			}
			if c.prior != nil && !c.wantUpdatedAt && !plan.state.Equal(tfValue(t, schemaType, c.prior)) {
				t.Errorf("no change planned, yet the plan differs from the state:\nplan  %s\nstate %s", plan.state, tfValue(t, schemaType, c.prior))
			}
		})
	}
}

// TestAIIntegration_planSpelling: a config that changes only the spelling of
// ai_provider or auth_type plans the state itself, spelling and updated_at
// included (keepStateSpelling, keepPriorIfNothingChanges); any other change
// keeps the state's spelling and plans an update; another value, in either
// spelling, is a change.
func TestAIIntegration_planSpelling(t *testing.T) {
	p := newProtoProvider(t)
	schemaType := p.resourceSchema(aiIntegrationType).ValueType()
	for _, c := range []struct{ stateProvider, stateAuth, configProvider, configAuth string }{
		{"openAI", "default", "OPEN_AI", "DEFAULT"},
		{"OPEN_AI", "PROXY_WITH_HEADERS", "openAI", "proxy_with_headers"},
		{"OPEN_AI", "DEFAULT", "openAI", ""}, // auth_type left to its default, spelt today
		{"openAI", "default", "OPEN_AI", ""},
	} {
		configAuth := c.configAuth
		if configAuth == "" {
			configAuth = "(default)"
		}
		t.Run(fmt.Sprintf("%s,%s to %s,%s", c.stateProvider, c.stateAuth, c.configProvider, configAuth), func(t *testing.T) {
			prior := integrationState(tfObject{"ai_provider": c.stateProvider, "auth_type": c.stateAuth})
			config := integrationConfig(tfObject{"ai_provider": c.configProvider})
			if c.configAuth != "" {
				config["auth_type"] = c.configAuth
			}
			plan := p.planResource(aiIntegrationType, prior, config)
			expectNoErrors(t, plan.diags)
			if want := tfValue(t, schemaType, prior); !plan.state.Equal(want) {
				t.Errorf("a change of spelling alone plans a change:\nplan  %s\nstate %s", plan.state, want)
			}
			if len(plan.requiresReplace) != 0 {
				t.Errorf("a change of spelling alone requires replacement of %v", plan.requiresReplace)
			}

			config["name"] = "renamed"
			plan = p.planResource(aiIntegrationType, prior, config)
			expectNoErrors(t, plan.diags)
			for name, want := range map[string]string{"ai_provider": c.stateProvider, "auth_type": c.stateAuth, "name": "renamed"} {
				if got := attrOf(t, plan.state, name); !got.Equal(tftypes.NewValue(tftypes.String, want)) {
					t.Errorf("%s planned as %s, want %q", name, got, want)
				}
			}
			if attrOf(t, plan.state, "updated_at").IsKnown() {
				t.Errorf("a rename keeps updated_at")
			}
		})
	}
	t.Run("another provider in the other spelling replaces", func(t *testing.T) {
		plan := p.planResource(aiIntegrationType, integrationState(nil), integrationConfig(tfObject{"ai_provider": "ANTHROPIC"}))
		expectNoErrors(t, plan.diags)
		if len(plan.requiresReplace) != 1 || !plan.requiresReplace[0].Equal(attrPath("ai_provider")) {
			t.Errorf("requires replacement of %v, want ai_provider alone", plan.requiresReplace)
		}
		if got := attrOf(t, plan.state, "ai_provider"); !got.Equal(tftypes.NewValue(tftypes.String, "ANTHROPIC")) {
			t.Errorf("ai_provider planned as %s", got)
		}
	})
	t.Run("another auth type in the other spelling updates", func(t *testing.T) {
		plan := p.planResource(aiIntegrationType, integrationState(nil), integrationConfig(tfObject{"auth_type": "BEARER_TOKEN"}))
		expectNoErrors(t, plan.diags)
		if got := attrOf(t, plan.state, "auth_type"); !got.Equal(tftypes.NewValue(tftypes.String, "BEARER_TOKEN")) {
			t.Errorf("auth_type planned as %s", got)
		}
		if attrOf(t, plan.state, "updated_at").IsKnown() || len(plan.requiresReplace) != 0 {
			t.Errorf("a new auth type is not planned as an update: updated_at %s, replace %v", attrOf(t, plan.state, "updated_at"), plan.requiresReplace)
		}
	})
}

// TestMustSendKey is the rule itself, which Update and ModifyPlan share.
func TestMustSendKey(t *testing.T) {
	tests := []struct {
		name         string
		stateVersion types.String
		stateHasKey  bool
		planVersion  types.String
		configKey    types.String
		want         bool
	}{
		{"unchanged, key held", types.StringValue("1"), true, types.StringValue("1"), types.StringValue("k"), false},
		{"version bumped", types.StringValue("1"), true, types.StringValue("2"), types.StringValue("k"), true},
		{"version set for the first time", types.StringNull(), true, types.StringValue("1"), types.StringValue("k"), true},
		{"version set after import, no key configured: the UI's key stays", types.StringNull(), true, types.StringValue("1"), types.StringNull(), false},
		{"version bumped, key removed from config: removed", types.StringValue("1"), true, types.StringValue("2"), types.StringNull(), true},
		{"version removed", types.StringValue("1"), true, types.StringNull(), types.StringValue("k"), true},
		{"key lost outside Terraform", types.StringValue("1"), false, types.StringValue("1"), types.StringValue("k"), true},
		{"no key configured, none held", types.StringNull(), false, types.StringNull(), types.StringNull(), false},
		{"no key configured, one held (set in the UI)", types.StringNull(), true, types.StringNull(), types.StringNull(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			state := aiIntegrationModel{APIKeyVersion: tt.stateVersion}
			state.HasAPIKey = types.BoolValue(tt.stateHasKey)
			if got := mustSendKey(&state, tt.planVersion, tt.configKey); got != tt.want {
				t.Errorf("mustSendKey = %t, want %t", got, tt.want)
			}
		})
	}
}

// TestAIIntegration_planWarnsClearedSecrets: a plan that deletes the headers
// or the key Arize holds because the configuration leaves them null (as
// configuration generated by terraform query does) warns on that attribute;
// a plan that keeps them, or where there is nothing to delete, does not.
func TestAIIntegration_planWarnsClearedSecrets(t *testing.T) {
	held := tfObject{"headers": tfObject{"X-Gateway-Key": "gw-secret", "X-Team": "ml"}}
	cases := []struct {
		name   string
		prior  tfObject
		config tfObject
		at     *tftypes.AttributePath // nil: no warning
	}{
		{"headers left null", integrationState(held), integrationConfig(nil), attrPath("headers")},
		{"headers kept", integrationState(held), integrationConfig(held), nil},
		{"headers changed", integrationState(held), integrationConfig(tfObject{"headers": tfObject{"X-Team": "ml"}}), nil},
		{"headers known at apply", integrationState(held), integrationConfig(tfObject{"headers": unknown}), nil},
		{"no headers held", integrationState(nil), integrationConfig(nil), nil},
		{"version bumped, no key: removal", integrationState(nil), integrationConfig(tfObject{"api_key": nil, "api_key_version": "2"}), attrPath("api_key")},
		{"version bumped with a key: rotation", integrationState(nil), integrationConfig(tfObject{"api_key_version": "2"}), nil},
		{"after an import, no key configured", integrationState(tfObject{"api_key_version": nil}),
			integrationConfig(tfObject{"api_key": nil, "api_key_version": nil}), nil},
	}
	p := newProtoProvider(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plan := p.planResource(aiIntegrationType, c.prior, c.config)
			expectNoErrors(t, plan.diags)
			if c.at == nil {
				if len(plan.diags) != 0 {
					t.Errorf("want no warning, got:%s", diagsText(plan.diags))
				}
				return
			}
			if len(plan.diags) != 1 || plan.diags[0].Severity != tfprotov6.DiagnosticSeverityWarning || !c.at.Equal(plan.diags[0].Attribute) {
				t.Fatalf("want one warning on %s, got:%s", c.at, diagsText(plan.diags))
			}
			if d := plan.diags[0].Summary + plan.diags[0].Detail; strings.Contains(d, "gw-secret") || !strings.Contains(d, "deletes") {
				t.Errorf("the warning must say what is deleted and quote no value: %s", d)
			}
		})
	}
}
