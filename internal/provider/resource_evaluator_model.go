package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// An evaluator in Terraform values, and its conversions to and from the API
// client's. The resource, the data sources and the list resource share
// evaluatorModel, and the nested configuration (template, code) through
// evaluatorConfigFromAPI and evaluatorConfigToAPI.
//
// A configuration is compared with sameEvaluatorConfig, as the API stores
// it: the resource keeps what the user wrote whenever the API's latest
// version is that configuration, so that neither the API's spelling of
// enums, nor its defaults, nor its float32 numbers show as a change.

// evaluatorModel is an evaluator in Terraform values: what the API returns
// with its latest version.
type evaluatorModel struct {
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
}

// evaluatorResourceModel is arize_evaluator's plan, state and config: the
// API's attributes and the commit message of the next version, which the
// API records on the version but the provider does not read back.
type evaluatorResourceModel struct {
	evaluatorModel
	CommitMessage types.String `tfsdk:"commit_message"`
}

// defaultCommitMessage is the commit message of a version when the
// configuration sets none.
const defaultCommitMessage = "Managed by Terraform"

// The nested configuration, one model per nested attribute.
type (
	evaluatorTemplateModel struct {
		EvalColumnName                types.String `tfsdk:"eval_column_name"`
		Template                      types.String `tfsdk:"template"`
		IncludeExplanations           types.Bool   `tfsdk:"include_explanations"`
		UseFunctionCallingIfAvailable types.Bool   `tfsdk:"use_function_calling_if_available"`
		UseStructuredOutput           types.Bool   `tfsdk:"use_structured_output"`
		ClassificationChoices         types.Map    `tfsdk:"classification_choices"`
		Direction                     types.String `tfsdk:"direction"`
		DataGranularity               types.String `tfsdk:"data_granularity"`
		LLMConfig                     types.Object `tfsdk:"llm_config"`
	}
	evaluatorLLMConfigModel struct {
		AIIntegrationID      types.String `tfsdk:"ai_integration_id"`
		ModelName            types.String `tfsdk:"model_name"`
		InvocationParameters types.Object `tfsdk:"invocation_parameters"`
		ProviderParameters   types.Object `tfsdk:"provider_parameters"`
	}
	evaluatorInvocationParamsModel struct {
		Temperature         types.Float64  `tfsdk:"temperature"`
		MaxTokens           types.Int64    `tfsdk:"max_tokens"`
		MaxCompletionTokens types.Int64    `tfsdk:"max_completion_tokens"`
		TopP                types.Float64  `tfsdk:"top_p"`
		TopK                types.Int64    `tfsdk:"top_k"`
		FrequencyPenalty    types.Float64  `tfsdk:"frequency_penalty"`
		PresencePenalty     types.Float64  `tfsdk:"presence_penalty"`
		Stop                types.List     `tfsdk:"stop"`
		ReasoningEffort     types.String   `tfsdk:"reasoning_effort"`
		Verbosity           types.String   `tfsdk:"verbosity"`
		ThinkingLevel       types.String   `tfsdk:"thinking_level"`
		ThinkingBudget      types.Int64    `tfsdk:"thinking_budget"`
		ResponseFormat      types.Object   `tfsdk:"response_format"`
		ToolConfigJSON      normalizedJSON `tfsdk:"tool_config_json"`
	}
	evaluatorResponseFormatModel struct {
		Type       types.String `tfsdk:"type"`
		JSONSchema types.Object `tfsdk:"json_schema"`
	}
	evaluatorJSONSchemaModel struct {
		Name        types.String   `tfsdk:"name"`
		Description types.String   `tfsdk:"description"`
		SchemaJSON  normalizedJSON `tfsdk:"schema_json"`
		Strict      types.Bool     `tfsdk:"strict"`
	}
	// evaluatorProviderParamsModel flattens the API's one-field wrappers
	// (anthropic_headers, bedrock_options) into attributes of their own;
	// azure_params, with three fields, stays an object.
	evaluatorProviderParamsModel struct {
		AzureParams                types.Object `tfsdk:"azure_params"`
		AnthropicBeta              types.List   `tfsdk:"anthropic_beta"`
		AnthropicVersion           types.String `tfsdk:"anthropic_version"`
		UseBedrockConverseEndpoint types.Bool   `tfsdk:"use_bedrock_converse_endpoint"`
		Region                     types.String `tfsdk:"region"`
	}
	evaluatorAzureParamsModel struct {
		AzureDeploymentName types.String `tfsdk:"azure_deployment_name"`
		AzureOpenAIEndpoint types.String `tfsdk:"azure_openai_endpoint"`
		AzureOpenAIVersion  types.String `tfsdk:"azure_openai_version"`
	}
	evaluatorCodeModel struct {
		Managed types.Object `tfsdk:"managed"`
		Custom  types.Object `tfsdk:"custom"`
	}
	evaluatorManagedCodeModel struct {
		EvalColumnName   types.String `tfsdk:"eval_column_name"`
		ManagedEvaluator types.String `tfsdk:"managed_evaluator"`
		Variables        types.List   `tfsdk:"variables"`
		StaticParams     types.List   `tfsdk:"static_params"`
		DataGranularity  types.String `tfsdk:"data_granularity"`
		QueryFilter      types.String `tfsdk:"query_filter"`
	}
	evaluatorCustomCodeModel struct {
		EvalColumnName  types.String `tfsdk:"eval_column_name"`
		Code            types.String `tfsdk:"code"`
		Imports         types.String `tfsdk:"imports"`
		Variables       types.List   `tfsdk:"variables"`
		StaticParams    types.List   `tfsdk:"static_params"`
		DataGranularity types.String `tfsdk:"data_granularity"`
		QueryFilter     types.String `tfsdk:"query_filter"`
	}
	// evaluatorStaticParamModel names the API's default_value after what it
	// is: value for a STRING or REGEX argument, values for a STRING_ARRAY.
	evaluatorStaticParamModel struct {
		Name   types.String `tfsdk:"name"`
		Type   types.String `tfsdk:"type"`
		Value  types.String `tfsdk:"value"`
		Values types.List   `tfsdk:"values"`
	}
)

// The object types of the nested attributes. attrTypesOf derives a flat
// model's; a model with objects, lists or maps spells those out, since their
// zero values do not know their element types. TestEvaluatorAttrTypesMatchSchema
// checks every one against the schema.
var (
	stringListType                   = types.ListType{ElemType: types.StringType}
	evaluatorAzureParamsAttrTypes    = attrTypesOf[evaluatorAzureParamsModel]()
	evaluatorProviderParamsAttrTypes = withAttrTypes(attrTypesOf[evaluatorProviderParamsModel](), map[string]attr.Type{
		"azure_params":   types.ObjectType{AttrTypes: evaluatorAzureParamsAttrTypes},
		"anthropic_beta": stringListType,
	})
	evaluatorJSONSchemaAttrTypes     = attrTypesOf[evaluatorJSONSchemaModel]()
	evaluatorResponseFormatAttrTypes = withAttrTypes(attrTypesOf[evaluatorResponseFormatModel](), map[string]attr.Type{
		"json_schema": types.ObjectType{AttrTypes: evaluatorJSONSchemaAttrTypes},
	})
	evaluatorInvocationParamsAttrTypes = withAttrTypes(attrTypesOf[evaluatorInvocationParamsModel](), map[string]attr.Type{
		"stop":            stringListType,
		"response_format": types.ObjectType{AttrTypes: evaluatorResponseFormatAttrTypes},
	})
	evaluatorLLMConfigAttrTypes = withAttrTypes(attrTypesOf[evaluatorLLMConfigModel](), map[string]attr.Type{
		"invocation_parameters": types.ObjectType{AttrTypes: evaluatorInvocationParamsAttrTypes},
		"provider_parameters":   types.ObjectType{AttrTypes: evaluatorProviderParamsAttrTypes},
	})
	evaluatorTemplateAttrTypes = withAttrTypes(attrTypesOf[evaluatorTemplateModel](), map[string]attr.Type{
		"classification_choices": types.MapType{ElemType: types.Float64Type},
		"llm_config":             types.ObjectType{AttrTypes: evaluatorLLMConfigAttrTypes},
	})
	evaluatorStaticParamAttrTypes = withAttrTypes(attrTypesOf[evaluatorStaticParamModel](), map[string]attr.Type{
		"values": stringListType,
	})
	evaluatorStaticParamObjectType = types.ObjectType{AttrTypes: evaluatorStaticParamAttrTypes}
	evaluatorCodeListTypes         = map[string]attr.Type{
		"variables":     stringListType,
		"static_params": types.ListType{ElemType: evaluatorStaticParamObjectType},
	}
	evaluatorManagedCodeAttrTypes = withAttrTypes(attrTypesOf[evaluatorManagedCodeModel](), evaluatorCodeListTypes)
	evaluatorCustomCodeAttrTypes  = withAttrTypes(attrTypesOf[evaluatorCustomCodeModel](), evaluatorCodeListTypes)
	evaluatorCodeAttrTypes        = map[string]attr.Type{
		"managed": types.ObjectType{AttrTypes: evaluatorManagedCodeAttrTypes},
		"custom":  types.ObjectType{AttrTypes: evaluatorCustomCodeAttrTypes},
	}
)

// withAttrTypes is derived with the types in over put in.
func withAttrTypes(derived, over map[string]attr.Type) map[string]attr.Type {
	for name := range over {
		if _, ok := derived[name]; !ok {
			panic("withAttrTypes: no attribute " + name)
		}
	}
	maps.Copy(derived, over)
	return derived
}

// setFromAPI copies the evaluator's attributes, all but its configuration,
// from what the API returned: in, and its latest version when in carries
// one (a PATCH's answer does not, and then the version's attributes are
// left as they are). A description the API answers as null, absent or ""
// is "", the schema's default, so a cleared one reads back with no diff;
// the type is read in today's spelling.
func (m *evaluatorModel) setFromAPI(in *arize.Evaluator) {
	m.ID = types.StringValue(in.ID)
	m.SpaceID = types.StringValue(in.SpaceID)
	m.Type = types.StringValue(string(in.Type.Canonical()))
	m.Name = types.StringValue(in.Name)
	m.Description = types.StringValue("")
	if in.Description != nil {
		m.Description = types.StringValue(*in.Description)
	}
	m.CreatedAt = types.StringValue(in.CreatedAt)
	m.UpdatedAt = types.StringValue(in.UpdatedAt)
	m.CreatedByUserID = types.StringPointerValue(in.CreatedByUserID)
	if in.Version != nil {
		m.setVersionFromAPI(in.Version)
	}
}

// setVersionFromAPI records v as the latest version.
func (m *evaluatorModel) setVersionFromAPI(v *arize.EvaluatorVersion) {
	m.CurrentVersionID = types.StringValue(v.ID)
	m.CurrentVersionCommitHash = types.StringValue(v.CommitHash)
}

// isConfigurable reports whether the evaluator's configuration can be read
// and written: HARNESS and REMOTE evaluators' cannot.
func isConfigurable(t arize.EvaluatorType) bool {
	switch t.Canonical() {
	case arize.EvaluatorTemplate, arize.EvaluatorCode:
		return true
	}
	return false
}

// createRequest builds the POST body, the evaluator and its first version,
// from a plan. An empty description is left out, as the API wants.
func (m *evaluatorResourceModel) createRequest(ctx context.Context) (arize.EvaluatorCreateRequest, diag.Diagnostics) {
	config, diags := evaluatorConfigToAPI(ctx, m.Template, m.Code)
	return arize.EvaluatorCreateRequest{
		SpaceID:     m.SpaceID.ValueString(),
		Name:        m.Name.ValueString(),
		Description: m.Description.ValueString(),
		Type:        arize.EvaluatorType(m.Type.ValueString()),
		Version:     arize.EvaluatorVersionRequest{CommitMessage: m.commitMessage(), EvaluatorConfig: config},
	}, diags
}

// commitMessage is the message of the next version.
func (m *evaluatorResourceModel) commitMessage() string {
	if m.CommitMessage.IsNull() || m.CommitMessage.IsUnknown() || m.CommitMessage.ValueString() == "" {
		return defaultCommitMessage
	}
	return m.CommitMessage.ValueString()
}

// updateRequest builds a PATCH that carries only what differs between the
// state and the plan: the name and the description are all a PATCH can
// change. A description planned "" (removed from the configuration, or set
// to "") is cleared with null, as the API documents.
func (m *evaluatorModel) updateRequest(state *evaluatorModel) arize.EvaluatorUpdateRequest {
	var req arize.EvaluatorUpdateRequest
	if !m.Name.Equal(state.Name) {
		req.Name = arize.Value(m.Name.ValueString())
	}
	if !m.Description.Equal(state.Description) {
		req.Description = nullable(m.Description.ValueString() == "", m.Description.ValueString())
	}
	return req
}

// configChanges reports whether the plan's configuration is another one
// than the state's, as the API would store them: then the update appends a
// version. A configuration that differs only in ways the API does not keep
// (a float beyond float32, JSON formatting, a default written out) is the
// same, and appends nothing. An unknown one is a change.
func configChanges(ctx context.Context, plan, state *evaluatorModel) (bool, diag.Diagnostics) {
	if plan.Template.Equal(state.Template) && plan.Code.Equal(state.Code) {
		return false, nil
	}
	if !fullyKnown(ctx, plan.Template) || !fullyKnown(ctx, plan.Code) {
		return true, nil
	}
	planned, diags := evaluatorConfigToAPI(ctx, plan.Template, plan.Code)
	prior, d := evaluatorConfigToAPI(ctx, state.Template, state.Code)
	diags.Append(d...)
	if diags.HasError() {
		return true, diags
	}
	return !arize.SameConfig(planned, prior), diags
}

// fullyKnown reports whether v holds no unknown value, at any depth.
func fullyKnown(ctx context.Context, v attr.Value) bool {
	tv, err := v.ToTerraformValue(ctx)
	return err == nil && tv.IsFullyKnown()
}

// --- Terraform → API ---------------------------------------------------

// evaluatorConfigToAPI is the configuration of the template or code object
// (whichever is not null) as the API takes it. Null objects make an empty
// configuration.
func evaluatorConfigToAPI(ctx context.Context, template, code types.Object) (arize.EvaluatorConfig, diag.Diagnostics) {
	var diags diag.Diagnostics
	var out arize.EvaluatorConfig
	if isSet(template) {
		var m evaluatorTemplateModel
		diags.Append(template.As(ctx, &m, basetypes.ObjectAsOptions{})...)
		out.TemplateConfig = m.toAPI(ctx, &diags)
	}
	if isSet(code) {
		var m evaluatorCodeModel
		diags.Append(code.As(ctx, &m, basetypes.ObjectAsOptions{})...)
		out.CodeConfig = m.toAPI(ctx, &diags)
	}
	return out, diags
}

// isSet reports whether an object is known and not null.
func isSet(o types.Object) bool { return !o.IsNull() && !o.IsUnknown() }

func (m *evaluatorTemplateModel) toAPI(ctx context.Context, diags *diag.Diagnostics) *arize.TemplateConfig {
	out := &arize.TemplateConfig{
		Name:                          m.EvalColumnName.ValueString(),
		Template:                      m.Template.ValueString(),
		IncludeExplanations:           m.IncludeExplanations.ValueBool(),
		UseFunctionCallingIfAvailable: m.UseFunctionCallingIfAvailable.ValueBool(),
		UseStructuredOutput:           m.UseStructuredOutput.ValueBoolPointer(),
		Direction:                     arize.Direction(m.Direction.ValueString()),
		DataGranularity:               granularityToAPI(m.DataGranularity),
	}
	if !m.ClassificationChoices.IsNull() && !m.ClassificationChoices.IsUnknown() {
		diags.Append(m.ClassificationChoices.ElementsAs(ctx, &out.ClassificationChoices, false)...)
	}
	if isSet(m.LLMConfig) {
		var llm evaluatorLLMConfigModel
		diags.Append(m.LLMConfig.As(ctx, &llm, basetypes.ObjectAsOptions{})...)
		out.LLMConfig = llm.toAPI(ctx, diags)
	}
	return out
}

func granularityToAPI(v types.String) *arize.DataGranularity {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	g := arize.DataGranularity(v.ValueString())
	return &g
}

// toAPI is the model's configuration. A null invocation_parameters or
// provider_parameters is {}, which the API requires.
func (m *evaluatorLLMConfigModel) toAPI(ctx context.Context, diags *diag.Diagnostics) arize.LLMConfig {
	out := arize.LLMConfig{AIIntegrationID: m.AIIntegrationID.ValueString(), ModelName: m.ModelName.ValueString()}
	if isSet(m.InvocationParameters) {
		var p evaluatorInvocationParamsModel
		diags.Append(m.InvocationParameters.As(ctx, &p, basetypes.ObjectAsOptions{})...)
		out.InvocationParameters = p.toAPI(ctx, diags)
	}
	if isSet(m.ProviderParameters) {
		var p evaluatorProviderParamsModel
		diags.Append(m.ProviderParameters.As(ctx, &p, basetypes.ObjectAsOptions{})...)
		out.ProviderParameters = p.toAPI(ctx, diags)
	}
	return out
}

func (m *evaluatorInvocationParamsModel) toAPI(ctx context.Context, diags *diag.Diagnostics) arize.InvocationParameters {
	out := arize.InvocationParameters{
		Temperature:         m.Temperature.ValueFloat64Pointer(),
		MaxTokens:           m.MaxTokens.ValueInt64Pointer(),
		MaxCompletionTokens: m.MaxCompletionTokens.ValueInt64Pointer(),
		TopP:                m.TopP.ValueFloat64Pointer(),
		TopK:                m.TopK.ValueInt64Pointer(),
		FrequencyPenalty:    m.FrequencyPenalty.ValueFloat64Pointer(),
		PresencePenalty:     m.PresencePenalty.ValueFloat64Pointer(),
		Stop:                stringList(ctx, m.Stop, diags),
		ReasoningEffort:     m.ReasoningEffort.ValueStringPointer(),
		Verbosity:           m.Verbosity.ValueStringPointer(),
		ThinkingLevel:       m.ThinkingLevel.ValueStringPointer(),
		ThinkingBudget:      m.ThinkingBudget.ValueInt64Pointer(),
	}
	if isSet(m.ResponseFormat) {
		var rf evaluatorResponseFormatModel
		diags.Append(m.ResponseFormat.As(ctx, &rf, basetypes.ObjectAsOptions{})...)
		out.ResponseFormat = &arize.ResponseFormat{Type: arize.ResponseFormatType(rf.Type.ValueString())}
		if isSet(rf.JSONSchema) {
			var js evaluatorJSONSchemaModel
			diags.Append(rf.JSONSchema.As(ctx, &js, basetypes.ObjectAsOptions{})...)
			out.ResponseFormat.JSONSchema = &arize.JSONSchemaFormat{
				Name:        js.Name.ValueStringPointer(),
				Description: js.Description.ValueStringPointer(),
				Strict:      js.Strict.ValueBoolPointer(),
			}
			if !js.SchemaJSON.IsNull() && !js.SchemaJSON.IsUnknown() {
				out.ResponseFormat.JSONSchema.Schema = json.RawMessage(js.SchemaJSON.ValueString())
			}
		}
	}
	if !m.ToolConfigJSON.IsNull() && !m.ToolConfigJSON.IsUnknown() {
		var tc arize.ToolConfig
		if err := json.Unmarshal([]byte(m.ToolConfigJSON.ValueString()), &tc); err != nil {
			diags.AddError("Invalid tool_config_json", "tool_config_json must be a JSON object such as "+
				`{"tools": [...], "tool_choice": "auto"}: `+err.Error())
		}
		out.ToolConfig = &tc
	}
	return out
}

func (m *evaluatorProviderParamsModel) toAPI(ctx context.Context, diags *diag.Diagnostics) arize.ProviderParameters {
	out := arize.ProviderParameters{
		AnthropicVersion: m.AnthropicVersion.ValueStringPointer(),
		Region:           m.Region.ValueStringPointer(),
	}
	if isSet(m.AzureParams) {
		var az evaluatorAzureParamsModel
		diags.Append(m.AzureParams.As(ctx, &az, basetypes.ObjectAsOptions{})...)
		out.AzureParams = &arize.AzureParams{
			AzureDeploymentName: az.AzureDeploymentName.ValueStringPointer(),
			AzureOpenAIEndpoint: az.AzureOpenAIEndpoint.ValueStringPointer(),
			AzureOpenAIVersion:  az.AzureOpenAIVersion.ValueStringPointer(),
		}
	}
	if !m.AnthropicBeta.IsNull() && !m.AnthropicBeta.IsUnknown() {
		out.AnthropicHeaders = &arize.AnthropicHeaders{AnthropicBeta: stringList(ctx, m.AnthropicBeta, diags)}
	}
	if !m.UseBedrockConverseEndpoint.IsNull() && !m.UseBedrockConverseEndpoint.IsUnknown() {
		out.BedrockOptions = &arize.BedrockOptions{UseConverseEndpoint: m.UseBedrockConverseEndpoint.ValueBoolPointer()}
	}
	return out
}

func (m *evaluatorCodeModel) toAPI(ctx context.Context, diags *diag.Diagnostics) *arize.CodeConfig {
	switch {
	case isSet(m.Managed):
		var c evaluatorManagedCodeModel
		diags.Append(m.Managed.As(ctx, &c, basetypes.ObjectAsOptions{})...)
		return &arize.CodeConfig{
			Type:             arize.CodeManaged,
			Name:             c.EvalColumnName.ValueString(),
			ManagedEvaluator: arize.ManagedEvaluator(c.ManagedEvaluator.ValueString()),
			Variables:        nonNil(stringList(ctx, c.Variables, diags)),
			StaticParams:     staticParamsToAPI(ctx, c.StaticParams, diags),
			DataGranularity:  granularityToAPI(c.DataGranularity),
			QueryFilter:      c.QueryFilter.ValueStringPointer(),
		}
	case isSet(m.Custom):
		var c evaluatorCustomCodeModel
		diags.Append(m.Custom.As(ctx, &c, basetypes.ObjectAsOptions{})...)
		return &arize.CodeConfig{
			Type:            arize.CodeCustom,
			Name:            c.EvalColumnName.ValueString(),
			Code:            c.Code.ValueString(),
			Imports:         c.Imports.ValueStringPointer(),
			Variables:       nonNil(stringList(ctx, c.Variables, diags)),
			StaticParams:    staticParamsToAPI(ctx, c.StaticParams, diags),
			DataGranularity: granularityToAPI(c.DataGranularity),
			QueryFilter:     c.QueryFilter.ValueStringPointer(),
		}
	}
	return nil
}

// nonNil is s, or an empty list for nil: the API requires variables, and
// an empty list is sent as [], never null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func staticParamsToAPI(ctx context.Context, l types.List, diags *diag.Diagnostics) []arize.StaticParam {
	if l.IsNull() || l.IsUnknown() {
		return nil
	}
	var params []evaluatorStaticParamModel
	diags.Append(l.ElementsAs(ctx, &params, false)...)
	out := make([]arize.StaticParam, 0, len(params))
	for _, p := range params {
		sp := arize.StaticParam{Name: p.Name.ValueString(), Type: arize.StaticParamType(p.Type.ValueString())}
		if sp.Type == arize.StaticParamStringArray {
			sp.DefaultValue = arize.StaticParamValue{IsList: true, Strings: nonNil(stringList(ctx, p.Values, diags))}
		} else {
			sp.DefaultValue = arize.StaticParamValue{String: p.Value.ValueString()}
		}
		out = append(out, sp)
	}
	return out
}

// --- API → Terraform ---------------------------------------------------

// evaluatorConfigFromAPI is the configuration of version v as the template
// and code attributes: one of them set, by the version's kind, the other
// null (both null for a HARNESS or REMOTE version, or a nil one). Enums are
// read in today's spelling, the API's defaults are filled in as the schema's
// defaults plan them, and its several ways of saying "nothing" ({}, [], "",
// null) are the null of an attribute left out.
func evaluatorConfigFromAPI(ctx context.Context, v *arize.EvaluatorVersion) (template, code types.Object, diags diag.Diagnostics) {
	template = types.ObjectNull(evaluatorTemplateAttrTypes)
	code = types.ObjectNull(evaluatorCodeAttrTypes)
	if v == nil {
		return template, code, nil
	}
	if v.TemplateConfig != nil {
		template = templateFromAPI(ctx, v.TemplateConfig, &diags)
	}
	if v.CodeConfig != nil {
		code = codeFromAPI(ctx, v.CodeConfig, &diags)
	}
	return template, code, diags
}

func templateFromAPI(ctx context.Context, in *arize.TemplateConfig, diags *diag.Diagnostics) types.Object {
	m := evaluatorTemplateModel{
		EvalColumnName:                types.StringValue(in.Name),
		Template:                      types.StringValue(in.Template),
		IncludeExplanations:           types.BoolValue(in.IncludeExplanations),
		UseFunctionCallingIfAvailable: types.BoolValue(in.UseFunctionCallingIfAvailable),
		UseStructuredOutput:           types.BoolValue(in.UseStructuredOutput == nil || *in.UseStructuredOutput),
		Direction:                     types.StringValue(string(arize.DirectionMaximize)),
		DataGranularity:               types.StringValue(string(arize.GranularitySpan)),
		// A legacy freeform judge has none: null, which the schema
		// refuses, so the plan shows the choices the configuration adds.
		ClassificationChoices: types.MapNull(types.Float64Type),
		LLMConfig:             objectFrom(ctx, evaluatorLLMConfigAttrTypes, llmConfigFromAPI(ctx, &in.LLMConfig, diags), diags),
	}
	if in.Direction != "" {
		m.Direction = types.StringValue(string(in.Direction.Canonical()))
	}
	if in.DataGranularity != nil {
		m.DataGranularity = types.StringValue(string(in.DataGranularity.Canonical()))
	}
	if in.ClassificationChoices != nil {
		var d diag.Diagnostics
		m.ClassificationChoices, d = types.MapValueFrom(ctx, types.Float64Type, in.ClassificationChoices)
		diags.Append(d...)
	}
	return objectFrom(ctx, evaluatorTemplateAttrTypes, m, diags)
}

func llmConfigFromAPI(ctx context.Context, in *arize.LLMConfig, diags *diag.Diagnostics) evaluatorLLMConfigModel {
	m := evaluatorLLMConfigModel{
		AIIntegrationID:      types.StringValue(in.AIIntegrationID),
		ModelName:            types.StringValue(in.ModelName),
		InvocationParameters: types.ObjectNull(evaluatorInvocationParamsAttrTypes),
		ProviderParameters:   types.ObjectNull(evaluatorProviderParamsAttrTypes),
	}
	if p := in.InvocationParameters.WithoutEmpty(); !reflect.ValueOf(p).IsZero() {
		m.InvocationParameters = objectFrom(ctx, evaluatorInvocationParamsAttrTypes, invocationFromAPI(ctx, &p, diags), diags)
	}
	if p := in.ProviderParameters.WithoutEmpty(); !reflect.ValueOf(p).IsZero() {
		m.ProviderParameters = objectFrom(ctx, evaluatorProviderParamsAttrTypes, providerFromAPI(ctx, &p, diags), diags)
	}
	return m
}

func invocationFromAPI(ctx context.Context, in *arize.InvocationParameters, diags *diag.Diagnostics) evaluatorInvocationParamsModel {
	m := evaluatorInvocationParamsModel{
		Temperature:         types.Float64PointerValue(in.Temperature),
		MaxTokens:           types.Int64PointerValue(in.MaxTokens),
		MaxCompletionTokens: types.Int64PointerValue(in.MaxCompletionTokens),
		TopP:                types.Float64PointerValue(in.TopP),
		TopK:                types.Int64PointerValue(in.TopK),
		FrequencyPenalty:    types.Float64PointerValue(in.FrequencyPenalty),
		PresencePenalty:     types.Float64PointerValue(in.PresencePenalty),
		Stop:                listOrNull(ctx, in.Stop, diags),
		ReasoningEffort:     types.StringPointerValue(in.ReasoningEffort),
		Verbosity:           types.StringPointerValue(in.Verbosity),
		ThinkingLevel:       types.StringPointerValue(in.ThinkingLevel),
		ThinkingBudget:      types.Int64PointerValue(in.ThinkingBudget),
		ResponseFormat:      types.ObjectNull(evaluatorResponseFormatAttrTypes),
		ToolConfigJSON:      normalizedJSONNull(),
	}
	if rf := in.ResponseFormat; rf != nil {
		f := evaluatorResponseFormatModel{
			Type:       emptyToNull(string(rf.Type.Canonical())),
			JSONSchema: types.ObjectNull(evaluatorJSONSchemaAttrTypes),
		}
		if js := rf.JSONSchema; js != nil {
			f.JSONSchema = objectFrom(ctx, evaluatorJSONSchemaAttrTypes, evaluatorJSONSchemaModel{
				Name:        types.StringPointerValue(js.Name),
				Description: types.StringPointerValue(js.Description),
				SchemaJSON:  jsonFromAPI(js.Schema),
				Strict:      types.BoolPointerValue(js.Strict),
			}, diags)
		}
		m.ResponseFormat = objectFrom(ctx, evaluatorResponseFormatAttrTypes, f, diags)
	}
	if in.ToolConfig != nil {
		// With its keys sorted, as jsonencode writes them, so that an
		// import reads back what a configuration with jsonencode holds.
		b, err := json.Marshal(in.ToolConfig)
		if err != nil {
			diags.AddError("Could not read the evaluator's tool_config", err.Error())
		} else {
			m.ToolConfigJSON = normalizedJSONValue(string(arize.NormalJSON(b)))
		}
	}
	return m
}

func providerFromAPI(ctx context.Context, in *arize.ProviderParameters, diags *diag.Diagnostics) evaluatorProviderParamsModel {
	m := evaluatorProviderParamsModel{
		AzureParams:                types.ObjectNull(evaluatorAzureParamsAttrTypes),
		AnthropicBeta:              types.ListNull(types.StringType),
		AnthropicVersion:           types.StringPointerValue(in.AnthropicVersion),
		UseBedrockConverseEndpoint: types.BoolNull(),
		Region:                     types.StringPointerValue(in.Region),
	}
	if az := in.AzureParams; az != nil {
		m.AzureParams = objectFrom(ctx, evaluatorAzureParamsAttrTypes, evaluatorAzureParamsModel{
			AzureDeploymentName: types.StringPointerValue(az.AzureDeploymentName),
			AzureOpenAIEndpoint: types.StringPointerValue(az.AzureOpenAIEndpoint),
			AzureOpenAIVersion:  types.StringPointerValue(az.AzureOpenAIVersion),
		}, diags)
	}
	if in.AnthropicHeaders != nil {
		m.AnthropicBeta = listOrNull(ctx, in.AnthropicHeaders.AnthropicBeta, diags)
	}
	if in.BedrockOptions != nil {
		m.UseBedrockConverseEndpoint = types.BoolPointerValue(in.BedrockOptions.UseConverseEndpoint)
	}
	return m
}

// codeFromAPI reads a code configuration by its inner type, MANAGED or
// CUSTOM, in either spelling.
func codeFromAPI(ctx context.Context, in *arize.CodeConfig, diags *diag.Diagnostics) types.Object {
	m := evaluatorCodeModel{
		Managed: types.ObjectNull(evaluatorManagedCodeAttrTypes),
		Custom:  types.ObjectNull(evaluatorCustomCodeAttrTypes),
	}
	variables, d := types.ListValueFrom(ctx, types.StringType, nonNil(in.Variables))
	diags.Append(d...)
	granularity := types.StringNull()
	if in.DataGranularity != nil {
		granularity = types.StringValue(string(in.DataGranularity.Canonical()))
	}
	switch in.Type.Canonical() {
	case arize.CodeManaged:
		m.Managed = objectFrom(ctx, evaluatorManagedCodeAttrTypes, evaluatorManagedCodeModel{
			EvalColumnName:   types.StringValue(in.Name),
			ManagedEvaluator: types.StringValue(string(in.ManagedEvaluator.Canonical())),
			Variables:        variables,
			StaticParams:     staticParamsFromAPI(ctx, in.StaticParams, diags),
			DataGranularity:  granularity,
			QueryFilter:      stringOrNull(in.QueryFilter),
		}, diags)
	case arize.CodeCustom:
		m.Custom = objectFrom(ctx, evaluatorCustomCodeAttrTypes, evaluatorCustomCodeModel{
			EvalColumnName:  types.StringValue(in.Name),
			Code:            types.StringValue(in.Code),
			Imports:         stringOrNull(in.Imports),
			Variables:       variables,
			StaticParams:    staticParamsFromAPI(ctx, in.StaticParams, diags),
			DataGranularity: granularity,
			QueryFilter:     stringOrNull(in.QueryFilter),
		}, diags)
	default:
		diags.AddError("Unknown kind of code evaluator", fmt.Sprintf(
			"Arize answered a code configuration of type %q, which this provider does not know (it knows %q and %q). "+
				"A newer provider may.", in.Type, arize.CodeManaged, arize.CodeCustom))
	}
	return objectFrom(ctx, evaluatorCodeAttrTypes, m, diags)
}

func staticParamsFromAPI(ctx context.Context, in []arize.StaticParam, diags *diag.Diagnostics) types.List {
	if len(in) == 0 {
		return types.ListNull(evaluatorStaticParamObjectType)
	}
	params := make([]evaluatorStaticParamModel, len(in))
	for i, p := range in {
		params[i] = evaluatorStaticParamModel{
			Name:   types.StringValue(p.Name),
			Type:   types.StringValue(string(p.Type)),
			Value:  types.StringValue(p.DefaultValue.String),
			Values: types.ListNull(types.StringType),
		}
		if p.DefaultValue.IsList {
			params[i].Value = types.StringNull()
			var d diag.Diagnostics
			params[i].Values, d = types.ListValueFrom(ctx, types.StringType, nonNil(p.DefaultValue.Strings))
			diags.Append(d...)
		}
	}
	out, d := types.ListValueFrom(ctx, evaluatorStaticParamObjectType, params)
	diags.Append(d...)
	return out
}

// objectFrom is the model m as an object of attribute types t.
func objectFrom(ctx context.Context, t map[string]attr.Type, m any, diags *diag.Diagnostics) types.Object {
	out, d := types.ObjectValueFrom(ctx, t, m)
	diags.Append(d...)
	return out
}

// listOrNull is a list of strings, null when empty.
func listOrNull(ctx context.Context, items []string, diags *diag.Diagnostics) types.List {
	if len(items) == 0 {
		return types.ListNull(types.StringType)
	}
	out, d := types.ListValueFrom(ctx, types.StringType, items)
	diags.Append(d...)
	return out
}

// jsonFromAPI is raw JSON as a normalizedJSON: compact with its keys
// sorted, as jsonencode writes it; null when absent.
func jsonFromAPI(raw json.RawMessage) normalizedJSON {
	if n := arize.NormalJSON(raw); n != nil {
		return normalizedJSONValue(string(n))
	}
	return normalizedJSONNull()
}

// --- JSON strings ------------------------------------------------------

var (
	_ basetypes.StringTypable                    = normalizedJSONType{}
	_ basetypes.StringValuableWithSemanticEquals = normalizedJSON{}
)

// normalizedJSONType is a string of JSON whose values are equal when they
// hold the same JSON, whatever their formatting and key order: the
// framework then keeps what the user wrote (jsonencode's output, say) when
// Arize answers the same JSON written otherwise.
type normalizedJSONType struct {
	basetypes.StringType
}

func (t normalizedJSONType) Equal(o attr.Type) bool {
	_, ok := o.(normalizedJSONType)
	return ok
}

func (t normalizedJSONType) String() string { return "normalizedJSONType" }

func (t normalizedJSONType) ValueType(context.Context) attr.Value { return normalizedJSON{} }

func (t normalizedJSONType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return normalizedJSON{StringValue: in}, nil
}

func (t normalizedJSONType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return normalizedJSON{StringValue: s}, nil
}

// normalizedJSON is a value of normalizedJSONType.
type normalizedJSON struct {
	basetypes.StringValue
}

func normalizedJSONValue(s string) normalizedJSON {
	return normalizedJSON{StringValue: basetypes.NewStringValue(s)}
}

func normalizedJSONNull() normalizedJSON {
	return normalizedJSON{StringValue: basetypes.NewStringNull()}
}

func (v normalizedJSON) Type(context.Context) attr.Type { return normalizedJSONType{} }

func (v normalizedJSON) Equal(o attr.Value) bool {
	other, ok := o.(normalizedJSON)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals reports whether both hold the same JSON.
func (v normalizedJSON) StringSemanticEquals(_ context.Context, other basetypes.StringValuable) (bool, diag.Diagnostics) {
	o, ok := other.(normalizedJSON)
	if !ok {
		return false, nil
	}
	return sameJSON(v.ValueString(), o.ValueString()), nil
}

// sameJSON reports whether a and b parse to the same JSON value.
func sameJSON(a, b string) bool {
	var va, vb any
	if json.Unmarshal([]byte(a), &va) != nil || json.Unmarshal([]byte(b), &vb) != nil {
		return a == b
	}
	return reflect.DeepEqual(va, vb)
}
