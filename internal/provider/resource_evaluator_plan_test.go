package provider

import (
	"maps"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// A judge as configured, and as state holds it after an apply.
func planTestTemplate(model string) tfObject {
	return tfObject{
		"eval_column_name":       "hallucination",
		"template":               "Is {output} supported?",
		"classification_choices": tfObject{"factual": 1, "hallucinated": 0},
		"llm_config":             tfObject{"ai_integration_id": "TGxtSW50ZWdyYXRpb246MTI6YUJjRA==", "model_name": model},
	}
}

func planTestConfig(name, model, message string) tfObject {
	cfg := tfObject{"space_id": "U3BhY2U6MQ==", "type": "TEMPLATE", "name": name, "template": planTestTemplate(model)}
	if message != "" {
		cfg["commit_message"] = message
	}
	return cfg
}

func planTestState(name, model string) tfObject {
	template := planTestTemplate(model)
	maps.Copy(template, tfObject{
		"include_explanations": false, "use_function_calling_if_available": false, "use_structured_output": true,
		"direction": "MAXIMIZE", "data_granularity": "SPAN",
	})
	state := planTestConfig(name, model, "Managed by Terraform")
	maps.Copy(state, tfObject{
		"id": "RXZhbHVhdG9yOjE=", "description": "", "template": template,
		"current_version_id": "RXZhbHVhdG9yVmVyc2lvbjox", "current_version_commit_hash": "0123456789abcdef0123456789abcdef01234567",
		"created_at": "2026-12-01T00:00:00.000Z", "updated_at": "2026-12-02T00:00:00.000Z", "created_by_user_id": "VXNlcjox",
	})
	return state
}

// TestEvaluatorPlan_versionAttributes: current_version_id and its hash are
// unknown when the configuration changes and only then; updated_at is
// unknown when any call to Arize is planned and only then.
func TestEvaluatorPlan_versionAttributes(t *testing.T) {
	prior := planTestState("judge", "gpt-4o-mini")
	unknownValue := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	tests := []struct {
		name                         string
		config                       tfObject
		versionUnknown, updatedUnknn bool
	}{
		{"nothing changes", planTestConfig("judge", "gpt-4o-mini", ""), false, false},
		{"commit_message alone", planTestConfig("judge", "gpt-4o-mini", "Next"), false, false},
		{"a rename", planTestConfig("renamed", "gpt-4o-mini", ""), false, true},
		{"the model", planTestConfig("judge", "gpt-4o", ""), true, true},
		{"a default written out", func() tfObject {
			c := planTestConfig("judge", "gpt-4o-mini", "")
			c["template"].(tfObject)["direction"] = "MAXIMIZE"
			return c
		}(), false, false},
	}
	p := newProtoProvider(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := p.planResource("arize_evaluator", prior, tt.config)
			expectNoErrors(t, got.diags)
			for _, name := range []string{"current_version_id", "current_version_commit_hash"} {
				v := attrOf(t, got.state, name)
				if unknown := v.Equal(unknownValue); unknown != tt.versionUnknown {
					t.Errorf("%s planned %s, want unknown: %t", name, v, tt.versionUnknown)
				} else if !unknown && !v.Equal(attrOf(t, tfValue(t, got.state.Type(), prior), name)) {
					t.Errorf("%s planned %s, want the state's", name, v)
				}
			}
			if v := attrOf(t, got.state, "updated_at"); v.Equal(unknownValue) != tt.updatedUnknn {
				t.Errorf("updated_at planned %s, want unknown: %t", v, tt.updatedUnknn)
			}
			if v := attrOf(t, got.state, "id"); v.Equal(unknownValue) {
				t.Error("the ID is unknown: the evaluator would look replaced")
			}
			if len(got.requiresReplace) != 0 {
				t.Errorf("requires replace: %v", got.requiresReplace)
			}
		})
	}
}

// TestEvaluatorPlan_unofferedModel: a judge's model that its integration,
// planned earlier in the same provider process, does not list is a warning
// on model_name, with no API call; a listed one is none.
func TestEvaluatorPlan_unofferedModel(t *testing.T) {
	emu := emulator.New(emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey}))

	integration := tfObject{"name": "OpenAI", "ai_provider": "OPEN_AI", "model_names": []string{"gpt-4o-mini"}}
	prior := maps.Clone(integration)
	maps.Copy(prior, tfObject{"id": "TGxtSW50ZWdyYXRpb246MTI6YUJjRA==", "has_api_key": false, "enable_default_models": false,
		"function_calling_enabled": true, "auth_type": "DEFAULT", "scopings": []any{},
		"created_at": "2026-12-01T00:00:00.000Z", "updated_at": "2026-12-01T00:00:00.000Z", "created_by_user_id": "VXNlcjox"})
	expectNoErrors(t, p.planResource("arize_ai_integration", prior, integration).diags)

	at := attrPath("template", "llm_config", "model_name")
	got := p.planResource("arize_evaluator", nil, planTestConfig("judge", "gpt-4o", ""))
	expectNoErrors(t, got.diags)
	if len(got.diags) != 1 || got.diags[0].Severity != tfprotov6.DiagnosticSeverityWarning ||
		got.diags[0].Summary != "Model not offered by the AI integration" || !at.Equal(got.diags[0].Attribute) {
		t.Errorf("want one warning on %s, got:%s", at, diagsText(got.diags))
	}
	if got := p.planResource("arize_evaluator", nil, planTestConfig("judge", "gpt-4o-mini", "")); len(got.diags) != 0 {
		t.Errorf("a listed model: %s", diagsText(got.diags))
	}
	if n := emu.Total(); n != 0 {
		t.Errorf("the plans made %d API calls: %v", n, emu.Requests())
	}
}

// TestEvaluatorValidate: the type ties template and code, on the attribute
// that is wrong.
func TestEvaluatorValidate(t *testing.T) {
	p := newProtoProvider(t)
	code := tfObject{"custom": tfObject{"eval_column_name": "x", "code": "y", "variables": []string{}}}
	expectNoErrors(t, p.validateResource("arize_evaluator", planTestConfig("judge", "gpt-4o", "")))
	expectError(t, p.validateResource("arize_evaluator", tfObject{"space_id": "s", "type": "CODE", "name": "n", "code": code, "template": planTestTemplate("m")}),
		attrPath("template"), "template does not apply to type CODE", `configures an evaluator of type = "TEMPLATE" only`)
	expectError(t, p.validateResource("arize_evaluator", tfObject{"space_id": "s", "type": "TEMPLATE", "name": "n"}),
		attrPath("template"), "Missing template", `type = "TEMPLATE" is configured by template`)
	expectError(t, p.validateResource("arize_evaluator", tfObject{"space_id": "s", "type": "CODE", "name": "n"}),
		attrPath("code"), "Missing code", `type = "CODE" is configured by code`)
	// A type known only at apply is checked then.
	expectNoErrors(t, p.validateResource("arize_evaluator", tfObject{"space_id": "s", "type": unknown, "name": "n"}))
	// A static parameter's value goes with its type.
	bad := tfObject{"managed": tfObject{"eval_column_name": "x", "managed_evaluator": "CONTAINS_ANY_KEYWORD", "variables": []string{"output"},
		"static_params": []any{tfObject{"name": "k", "type": "STRING_ARRAY", "value": "refund"}}}}
	diags := p.validateResource("arize_evaluator", tfObject{"space_id": "s", "type": "CODE", "name": "n", "code": bad})
	var on []string
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			on = append(on, d.Summary+" at "+d.Attribute.String())
		}
	}
	if len(on) != 2 {
		t.Errorf("want a missing values and a refused value, got %v", on)
	}
}
