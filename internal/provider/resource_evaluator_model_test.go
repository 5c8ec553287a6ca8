package provider

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// TestEvaluatorAttrTypesMatchSchema: the attribute types of the models are
// the ones the resource schema declares, and the data source attributes
// derived from it, so a nested attribute added to one and not the other
// fails here.
func TestEvaluatorAttrTypesMatchSchema(t *testing.T) {
	ctx := context.Background()
	var rs resource.SchemaResponse
	NewEvaluatorResource().Schema(ctx, resource.SchemaRequest{}, &rs)
	if rs.Diagnostics.HasError() {
		t.Fatal(rs.Diagnostics)
	}
	ds := evaluatorConfigDataSourceAttributes()
	want := map[string]attr.Type{
		"template": types.ObjectType{AttrTypes: evaluatorTemplateAttrTypes},
		"code":     types.ObjectType{AttrTypes: evaluatorCodeAttrTypes},
	}
	for name, typ := range want {
		if got := rs.Schema.Attributes[name].GetType(); !got.Equal(typ) {
			t.Errorf("resource %s:\nschema %s\nmodel  %s", name, got, typ)
		}
		if got := ds[name].GetType(); !got.Equal(typ) {
			t.Errorf("data source %s:\nschema %s\nmodel  %s", name, got, typ)
		}
		if a, ok := ds[name].(schema.SingleNestedAttribute); !ok || !a.Computed {
			t.Errorf("data source %s is not a computed object: %#v", name, ds[name])
		}
	}
	// Every attribute of the resource is in the model: the model's struct
	// has as many tagged fields as the schema has attributes.
	if got, want := len(attrTypesOf[evaluatorResourceModelFlat]()), len(rs.Schema.Attributes); got != want {
		t.Errorf("the model has %d attributes, the schema %d", got, want)
	}
}

// evaluatorResourceModelFlat lists evaluatorResourceModel's attributes for
// counting (attrTypesOf does not follow embedding).
type evaluatorResourceModelFlat struct {
	ID                       types.String `tfsdk:"id"`
	SpaceID                  types.String `tfsdk:"space_id"`
	Type                     types.String `tfsdk:"type"`
	Name                     types.String `tfsdk:"name"`
	Description              types.String `tfsdk:"description"`
	Template                 types.Object `tfsdk:"template"`
	Code                     types.Object `tfsdk:"code"`
	CurrentVersionID         types.String `tfsdk:"current_version_id"`
	CurrentVersionCommitHash types.String `tfsdk:"current_version_commit_hash"`
	CreatedAt                types.String `tfsdk:"created_at"`
	UpdatedAt                types.String `tfsdk:"updated_at"`
	CreatedByUserID          types.String `tfsdk:"created_by_user_id"`
	CommitMessage            types.String `tfsdk:"commit_message"`
}

// fullTemplateConfig sets every field a template configuration has.
func fullTemplateConfig() *arize.TemplateConfig {
	granularity := arize.GranularityTrace
	return &arize.TemplateConfig{
		Name:                          "hallucination (v2) & co",
		Template:                      "Is {output} supported by {reference}?",
		IncludeExplanations:           true,
		UseFunctionCallingIfAvailable: true,
		UseStructuredOutput:           ptr(false),
		ClassificationChoices:         map[string]float64{"factual": 1, "hallucinated": 0, "partly": 0.7},
		Direction:                     arize.DirectionMinimize,
		DataGranularity:               &granularity,
		LLMConfig: arize.LLMConfig{
			AIIntegrationID: "TGxtSW50ZWdyYXRpb246MTI6YUJjRA==",
			ModelName:       "gpt-4o",
			InvocationParameters: arize.InvocationParameters{
				Temperature:         ptr(0.2),
				MaxTokens:           ptr(int64(512)),
				MaxCompletionTokens: ptr(int64(1024)),
				TopP:                ptr(0.9),
				TopK:                ptr(int64(40)),
				FrequencyPenalty:    ptr(-0.5),
				PresencePenalty:     ptr(1.5),
				Stop:                []string{"\n\n", "END"},
				ReasoningEffort:     ptr("high"),
				Verbosity:           ptr("low"),
				ThinkingLevel:       ptr("high"),
				ThinkingBudget:      ptr(int64(-1)),
				ResponseFormat: &arize.ResponseFormat{
					Type: arize.ResponseFormatJSONSchema,
					JSONSchema: &arize.JSONSchemaFormat{
						Name:        ptr("verdict"),
						Description: ptr("The judge's verdict"),
						Schema:      json.RawMessage(`{"type":"object","properties":{"label":{"type":"string"}}}`),
						Strict:      ptr(true),
					},
				},
				ToolConfig: &arize.ToolConfig{
					Tools:      []json.RawMessage{json.RawMessage(`{"type":"function","function":{"name":"lookup"}}`)},
					ToolChoice: json.RawMessage(`"auto"`),
				},
			},
			ProviderParameters: arize.ProviderParameters{
				AzureParams: &arize.AzureParams{
					AzureDeploymentName: ptr("judge"),
					AzureOpenAIEndpoint: ptr("https://example.openai.azure.com"),
					AzureOpenAIVersion:  ptr("2024-06-01"),
				},
				AnthropicHeaders: &arize.AnthropicHeaders{AnthropicBeta: []string{"tools-2024-04-04"}},
				AnthropicVersion: ptr("2023-06-01"),
				BedrockOptions:   &arize.BedrockOptions{UseConverseEndpoint: ptr(true)},
				Region:           ptr("us-east-1"),
			},
		},
	}
}

// TestEvaluatorConfigRoundTrip: every field of a configuration survives
// API → Terraform → API, for a template and for both kinds of code.
func TestEvaluatorConfigRoundTrip(t *testing.T) {
	ctx := context.Background()
	granularity := arize.GranularitySession
	cases := map[string]arize.EvaluatorConfig{
		"template": {TemplateConfig: fullTemplateConfig()},
		"minimal template": {TemplateConfig: &arize.TemplateConfig{
			Name: "x", Template: "t", ClassificationChoices: map[string]float64{"yes": 1},
			LLMConfig: arize.LLMConfig{AIIntegrationID: "i", ModelName: "m"},
		}},
		"managed": {CodeConfig: &arize.CodeConfig{
			Type: arize.CodeManaged, Name: "has keywords", ManagedEvaluator: arize.ManagedContainsAnyKeyword,
			Variables: []string{"output"},
			StaticParams: []arize.StaticParam{
				{Name: "keywords", Type: arize.StaticParamStringArray, DefaultValue: arize.StaticParamValue{IsList: true, Strings: []string{"refund", "cancel"}}},
				{Name: "pattern", Type: arize.StaticParamRegex, DefaultValue: arize.StaticParamValue{String: "^ok$"}},
			},
			DataGranularity: &granularity,
			QueryFilter:     ptr("span_kind = 'LLM'"),
		}},
		"custom": {CodeConfig: &arize.CodeConfig{
			Type: arize.CodeCustom, Name: "length", Code: "class E: pass", Imports: ptr("import re"),
			Variables: []string{"input", "output"},
		}},
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			template, code, diags := evaluatorConfigFromAPI(ctx, &arize.EvaluatorVersion{EvaluatorConfig: in})
			if diags.HasError() {
				t.Fatal(diags)
			}
			out, diags := evaluatorConfigToAPI(ctx, template, code)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if !arize.SameConfig(in, out) {
				a, _ := json.Marshal(in)
				b, _ := json.Marshal(out)
				t.Errorf("round trip changed the configuration:\nin  %s\nout %s", a, b)
			}
		})
	}
}

// TestEvaluatorConfigFromAPIDefaults: what the API leaves out reads as the
// schema's defaults, the other spelling as today's, and empty parts as
// null.
func TestEvaluatorConfigFromAPIDefaults(t *testing.T) {
	ctx := context.Background()
	published := arize.DataGranularity("trace")
	template, code, diags := evaluatorConfigFromAPI(ctx, &arize.EvaluatorVersion{EvaluatorConfig: arize.EvaluatorConfig{
		TemplateConfig: &arize.TemplateConfig{
			Name: "x", Template: "t", ClassificationChoices: map[string]float64{"yes": 1},
			Direction:       "minimize",
			DataGranularity: &published,
			LLMConfig: arize.LLMConfig{
				AIIntegrationID: "i", ModelName: "m",
				InvocationParameters: arize.InvocationParameters{Stop: []string{}, ResponseFormat: &arize.ResponseFormat{}},
				ProviderParameters:   arize.ProviderParameters{AzureParams: &arize.AzureParams{}, AnthropicHeaders: &arize.AnthropicHeaders{}},
			},
		},
	}})
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !code.IsNull() {
		t.Errorf("code = %s, want null", code)
	}
	var m evaluatorTemplateModel
	template.As(ctx, &m, basetypes.ObjectAsOptions{})
	if m.UseStructuredOutput.ValueBool() != true || m.Direction.ValueString() != "MINIMIZE" || m.DataGranularity.ValueString() != "TRACE" {
		t.Errorf("defaults and spelling: %+v", m)
	}
	var llm evaluatorLLMConfigModel
	m.LLMConfig.As(ctx, &llm, basetypes.ObjectAsOptions{})
	if !llm.InvocationParameters.IsNull() || !llm.ProviderParameters.IsNull() {
		t.Errorf("empty parameters read as %s and %s, want null", llm.InvocationParameters, llm.ProviderParameters)
	}

	// Absent direction and granularity: the API's defaults.
	template, _, _ = evaluatorConfigFromAPI(ctx, &arize.EvaluatorVersion{EvaluatorConfig: arize.EvaluatorConfig{
		TemplateConfig: &arize.TemplateConfig{Name: "x", Template: "t"},
	}})
	template.As(ctx, &m, basetypes.ObjectAsOptions{})
	if m.Direction.ValueString() != "MAXIMIZE" || m.DataGranularity.ValueString() != "SPAN" || !m.ClassificationChoices.IsNull() {
		t.Errorf("absent values: %+v", m)
	}
}

// TestSameEvaluatorConfig: what the API does not keep is no difference;
// anything it keeps is.
func TestSameEvaluatorConfig(t *testing.T) {
	base := func(edit func(*arize.TemplateConfig)) arize.EvaluatorConfig {
		c := fullTemplateConfig()
		edit(c)
		return arize.EvaluatorConfig{TemplateConfig: c}
	}
	same := map[string]func(*arize.TemplateConfig){
		"a score as float32": func(c *arize.TemplateConfig) {
			c.ClassificationChoices = map[string]float64{"factual": 1, "hallucinated": 0, "partly": float64(float32(0.7))}
		},
		"a temperature as float32": func(c *arize.TemplateConfig) {
			c.LLMConfig.InvocationParameters.Temperature = ptr(float64(float32(0.2)))
		},
		"JSON reformatted": func(c *arize.TemplateConfig) {
			c.LLMConfig.InvocationParameters.ResponseFormat.JSONSchema.Schema = json.RawMessage(`{ "properties": {"label": {"type": "string"}}, "type": "object" }`)
		},
		"the published spelling": func(c *arize.TemplateConfig) { c.Direction = "minimize" },
	}
	differ := map[string]func(*arize.TemplateConfig){
		"a score":      func(c *arize.TemplateConfig) { c.ClassificationChoices["partly"] = 0.5 },
		"the model":    func(c *arize.TemplateConfig) { c.LLMConfig.ModelName = "gpt-4o-mini" },
		"the template": func(c *arize.TemplateConfig) { c.Template += " " },
		"the JSON": func(c *arize.TemplateConfig) {
			c.LLMConfig.InvocationParameters.ToolConfig.ToolChoice = json.RawMessage(`"none"`)
		},
		"a stop":         func(c *arize.TemplateConfig) { c.LLMConfig.InvocationParameters.Stop = []string{"END"} },
		"the direction":  func(c *arize.TemplateConfig) { c.Direction = arize.DirectionMaximize },
		"legacy choices": func(c *arize.TemplateConfig) { c.ClassificationChoices = nil },
	}
	reference := base(func(*arize.TemplateConfig) {})
	for name, edit := range same {
		if !arize.SameConfig(reference, base(edit)) {
			t.Errorf("%s: a difference", name)
		}
	}
	for name, edit := range differ {
		if arize.SameConfig(reference, base(edit)) {
			t.Errorf("%s: no difference", name)
		}
	}
}

func TestSameJSON(t *testing.T) {
	if !sameJSON(`{"a": 1, "b": [1, 2]}`, `{"b":[1,2],"a":1}`) {
		t.Error("reordered keys differ")
	}
	if sameJSON(`{"a": 1}`, `{"a": 2}`) || sameJSON(`[1, 2]`, `[2, 1]`) {
		t.Error("different JSON is the same")
	}
}
