package emulator

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// The members of the evaluator bodies and of the objects in them. Requests
// are strict (the Go SDK v0.22 split request types from response types): a
// member outside these is a 400, like a wrong JSON type.
var (
	evaluatorCreateFields = []string{"space_id", "name", "description", "type", "version"}
	// evaluatorServerSet are "system-managed fields ... rejected on input".
	evaluatorServerSet    = []string{"id", "created_at", "updated_at", "created_by_user_id"}
	evaluatorUpdateFields = []string{"name", "description"}
	versionFields         = []string{"commit_message", "template_config", "code_config"}
	templateFields        = []string{
		"name", "template", "include_explanations", "use_function_calling_if_available",
		"use_structured_output", "classification_choices", "direction", "data_granularity", "llm_config",
	}
	llmConfigFields  = []string{"ai_integration_id", "model_name", "invocation_parameters", "provider_parameters"}
	invocationFields = []string{
		"temperature", "max_tokens", "max_completion_tokens", "top_p", "top_k", "frequency_penalty",
		"presence_penalty", "stop", "reasoning_effort", "verbosity", "thinking_level", "thinking_budget",
		"response_format", "tool_config",
	}
	responseFormatFields = []string{"type", "json_schema"}
	jsonSchemaFields     = []string{"name", "description", "schema", "strict"}
	toolConfigFields     = []string{"tools", "tool_choice"}
	providerParamFields  = []string{"azure_params", "anthropic_headers", "anthropic_version", "bedrock_options", "region"}
	azureParamFields     = []string{"azure_deployment_name", "azure_openai_endpoint", "azure_openai_version"}
	codeFields           = map[string][]string{
		codeManaged: {"type", "name", "managed_evaluator", "variables", "static_params", "data_granularity", "query_filter"},
		codeCustom:  {"type", "name", "code", "imports", "variables", "static_params", "data_granularity", "query_filter"},
	}
	staticParamFields = []string{"name", "type", "default_value"}
)

// evaluatorCreateBody is a decoded body of POST /v2/evaluators.
type evaluatorCreateBody struct {
	evaluator     Evaluator
	commitMessage string
	config        EvaluatorConfig
}

// decodeEvaluatorCreate reads a create body, its enum values in d's
// spelling only, stored in today's. As for integrations, structural
// mistakes (unknown member, wrong JSON type) are 400 and win over value
// mistakes (422); a value in the other dialect's spelling is a 422 naming
// the field and marks the problem for RefusedForSpelling.
func decodeEvaluatorCreate(fields map[string]json.RawMessage, d Dialect) (evaluatorCreateBody, *Problem) {
	for _, k := range sortedKeys(fields) {
		switch {
		case slices.Contains(evaluatorServerSet, k):
			return evaluatorCreateBody{}, badRequest("%s is set by the server and must not be sent", k)
		case !slices.Contains(evaluatorCreateFields, k):
			return evaluatorCreateBody{}, badRequest("unknown field %q", k)
		}
	}
	dec := fieldDecoder{dialect: d}
	var b evaluatorCreateBody
	if raw, ok := dec.required(fields, "space_id", "space_id"); ok {
		if b.evaluator.SpaceID, ok = dec.str(raw, "space_id"); ok && b.evaluator.SpaceID == "" {
			dec.valueError("space_id is required")
		}
	}
	if raw, ok := dec.required(fields, "name", "name"); ok {
		b.evaluator.Name, _ = dec.str(raw, "name")
	}
	if raw, ok := fields["description"]; ok {
		if isNull(raw) {
			dec.valueError("description must not be null: leave it out")
		} else {
			b.evaluator.Description, _ = dec.str(raw, "description")
		}
	}
	if raw, ok := dec.required(fields, "type", "type"); ok {
		b.evaluator.Type = dec.evaluatorType(raw)
	}
	if raw, ok := dec.required(fields, "version", "version"); ok {
		if members, ok := dec.object(raw, "version", versionFields); ok {
			b.commitMessage, b.config = dec.version(members, "version")
		}
	}
	return b, dec.problem()
}

// decodeVersionCreate reads a body of POST /v2/evaluators/{id}/versions:
// {commit_message, template_config | code_config}, with no type.
func decodeVersionCreate(fields map[string]json.RawMessage, d Dialect) (string, EvaluatorConfig, *Problem) {
	for _, k := range sortedKeys(fields) {
		if !slices.Contains(versionFields, k) {
			return "", EvaluatorConfig{}, badRequest("unknown field %q", k)
		}
	}
	dec := fieldDecoder{dialect: d}
	msg, c := dec.version(fields, "")
	return msg, c, dec.problem()
}

// problem is the decoder's answer: the first 400, else the first 422,
// marked when the body carried the other dialect's spelling.
func (d *fieldDecoder) problem() *Problem {
	for _, p := range []*Problem{d.bad, d.invalid} {
		if p != nil {
			p.otherSpelling = d.otherSpelling
			return p
		}
	}
	return nil
}

// version decodes the members of a version body (already checked against
// versionFields); prefix is its path in problems. A null configuration is
// the same as none.
func (d *fieldDecoder) version(members map[string]json.RawMessage, prefix string) (string, EvaluatorConfig) {
	var msg string
	var c EvaluatorConfig
	path := configPath(prefix, "commit_message")
	if raw, ok := d.required(members, "commit_message", path); ok {
		msg, _ = d.str(raw, path)
	}
	if raw, ok := optional(members, "template_config"); ok {
		c.Template = d.templateConfig(raw, configPath(prefix, "template_config"))
	}
	if raw, ok := optional(members, "code_config"); ok {
		c.Code = d.codeConfig(raw, configPath(prefix, "code_config"))
	}
	return msg, c
}

// evaluatorType decodes the type of a create: TEMPLATE or CODE; HARNESS
// and REMOTE exist but cannot be made.
func (d *fieldDecoder) evaluatorType(raw json.RawMessage) string {
	v, ok := d.str(raw, "type")
	if !ok {
		return ""
	}
	canonical, known := d.dialect.decodeEnum(enumEvaluatorType, v)
	template, code := d.dialect.spell(evaluatorTemplate), d.dialect.spell(evaluatorCode)
	switch {
	case !known:
		if _, other := d.dialect.other().decodeEnum(enumEvaluatorType, v); other {
			d.otherSpelling = true
		}
		d.valueError("type must be one of %s, %s", template, code)
	case canonical != evaluatorTemplate && canonical != evaluatorCode:
		d.valueError("type %s cannot be created: only %s and %s are accepted", v, template, code)
	}
	return canonical
}

// enum decodes a value of an evaluator enum (key) in the decoder's
// dialect; a value in the other dialect's spelling is a 422 like any
// unknown value, and marks the body for RefusedForSpelling.
func (d *fieldDecoder) enum(raw json.RawMessage, key, path string) string {
	v, ok := d.str(raw, path)
	if !ok {
		return ""
	}
	canonical, known := d.dialect.decodeEnum(key, v)
	if !known {
		if _, other := d.dialect.other().decodeEnum(key, v); other {
			d.otherSpelling = true
		}
		d.valueError("%s must be one of %s", path, d.dialect.oneOf(key))
	}
	return canonical
}

// object decodes a JSON object whose members must all be in allowed.
func (d *fieldDecoder) object(raw json.RawMessage, path string, allowed []string) (map[string]json.RawMessage, bool) {
	var members map[string]json.RawMessage
	if b := bytes.TrimSpace(raw); len(b) == 0 || b[0] != '{' || json.Unmarshal(b, &members) != nil {
		d.typeError("%s must be an object", path)
		return nil, false
	}
	for _, k := range sortedKeys(members) {
		if !slices.Contains(allowed, k) {
			d.typeError("unknown field %q", path+"."+k)
			return nil, false
		}
	}
	return members, true
}

// required returns member k, reporting it missing or null (a 422).
func (d *fieldDecoder) required(members map[string]json.RawMessage, k, path string) (json.RawMessage, bool) {
	raw, ok := members[k]
	switch {
	case !ok:
		d.valueError("%s is required", path)
		return nil, false
	case isNull(raw):
		d.valueError("%s must not be null", path)
		return nil, false
	}
	return raw, true
}

// optional returns member k unless it is absent or null: an optional
// member sent as null is the same as one left out.
func optional(members map[string]json.RawMessage, k string) (json.RawMessage, bool) {
	raw, ok := members[k]
	return raw, ok && !isNull(raw)
}

func (d *fieldDecoder) boolean(raw json.RawMessage, path string) (bool, bool) {
	var v bool
	if json.Unmarshal(raw, &v) != nil {
		d.typeError("%s must be a boolean", path)
		return false, false
	}
	return v, true
}

func (d *fieldDecoder) number(raw json.RawMessage, path string) (float64, bool) {
	var v float64
	if json.Unmarshal(raw, &v) != nil {
		d.typeError("%s must be a number", path)
		return 0, false
	}
	return v, true
}

func (d *fieldDecoder) integer(raw json.RawMessage, path string) (int64, bool) {
	var v int64
	if json.Unmarshal(raw, &v) != nil {
		d.typeError("%s must be an integer", path)
		return 0, false
	}
	return v, true
}

// stringList decodes an array of strings; it is never nil when ok.
func (d *fieldDecoder) stringList(raw json.RawMessage, path string) ([]string, bool) {
	var items []json.RawMessage
	if b := bytes.TrimSpace(raw); len(b) == 0 || b[0] != '[' || json.Unmarshal(b, &items) != nil {
		d.typeError("%s must be an array of strings", path)
		return nil, false
	}
	out := make([]string, 0, len(items))
	for i, item := range items {
		s, ok := d.str(item, path+"["+itoa(i)+"]")
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// opt decodes an optional member with dec into a pointer, nil when absent
// or null.
func opt[T any](members map[string]json.RawMessage, k, path string, dec func(json.RawMessage, string) (T, bool)) *T {
	raw, ok := optional(members, k)
	if !ok {
		return nil
	}
	v, ok := dec(raw, path+"."+k)
	if !ok {
		return nil
	}
	return &v
}

// compact is raw without insignificant whitespace, as it is echoed.
func compact(raw json.RawMessage) json.RawMessage {
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil {
		return slices.Clone(raw)
	}
	return buf.Bytes()
}

func (d *fieldDecoder) templateConfig(raw json.RawMessage, path string) *TemplateConfig {
	m, ok := d.object(raw, path, templateFields)
	if !ok {
		return nil
	}
	t := &TemplateConfig{}
	if v, ok := d.required(m, "name", path+".name"); ok {
		t.Name, _ = d.str(v, path+".name")
	}
	if v, ok := d.required(m, "template", path+".template"); ok {
		t.Template, _ = d.str(v, path+".template")
	}
	if v, ok := d.required(m, "include_explanations", path+".include_explanations"); ok {
		t.IncludeExplanations, _ = d.boolean(v, path+".include_explanations")
	}
	if v, ok := d.required(m, "use_function_calling_if_available", path+".use_function_calling_if_available"); ok {
		t.UseFunctionCallingIfAvailable, _ = d.boolean(v, path+".use_function_calling_if_available")
	}
	t.UseStructuredOutput = opt(m, "use_structured_output", path, d.boolean)
	if v, ok := d.required(m, "classification_choices", path+".classification_choices"); ok {
		t.ClassificationChoices = d.choices(v, path+".classification_choices")
	}
	if v, ok := optional(m, "direction"); ok {
		t.Direction = d.enum(v, enumDirection, path+".direction")
	}
	if v, ok := optional(m, "data_granularity"); ok {
		t.DataGranularity = d.enum(v, enumGranularity, path+".data_granularity")
	}
	if v, ok := d.required(m, "llm_config", path+".llm_config"); ok {
		t.LLMConfig = d.llmConfig(v, path+".llm_config")
	}
	return t
}

// choices decodes classification_choices: an object of label to number.
func (d *fieldDecoder) choices(raw json.RawMessage, path string) map[string]float64 {
	var members map[string]json.RawMessage
	if b := bytes.TrimSpace(raw); len(b) == 0 || b[0] != '{' || json.Unmarshal(b, &members) != nil {
		d.typeError("%s must be an object of label to number", path)
		return nil
	}
	out := make(map[string]float64, len(members))
	for _, k := range sortedKeys(members) {
		v, ok := d.number(members[k], path+"."+k)
		if !ok {
			return nil
		}
		out[k] = v
	}
	return out
}

func (d *fieldDecoder) llmConfig(raw json.RawMessage, path string) LLMConfig {
	var c LLMConfig
	m, ok := d.object(raw, path, llmConfigFields)
	if !ok {
		return c
	}
	if v, ok := d.required(m, "ai_integration_id", path+".ai_integration_id"); ok {
		c.AIIntegrationID, _ = d.str(v, path+".ai_integration_id")
	}
	if v, ok := d.required(m, "model_name", path+".model_name"); ok {
		c.ModelName, _ = d.str(v, path+".model_name")
	}
	if v, ok := d.required(m, "invocation_parameters", path+".invocation_parameters"); ok {
		c.InvocationParameters = d.invocationParameters(v, path+".invocation_parameters")
	}
	if v, ok := d.required(m, "provider_parameters", path+".provider_parameters"); ok {
		c.ProviderParameters = d.providerParameters(v, path+".provider_parameters")
	}
	return c
}

func (d *fieldDecoder) invocationParameters(raw json.RawMessage, path string) InvocationParameters {
	var p InvocationParameters
	m, ok := d.object(raw, path, invocationFields)
	if !ok {
		return p
	}
	p.Temperature = opt(m, "temperature", path, d.number)
	p.MaxTokens = opt(m, "max_tokens", path, d.integer)
	p.MaxCompletionTokens = opt(m, "max_completion_tokens", path, d.integer)
	p.TopP = opt(m, "top_p", path, d.number)
	p.TopK = opt(m, "top_k", path, d.integer)
	p.FrequencyPenalty = opt(m, "frequency_penalty", path, d.number)
	p.PresencePenalty = opt(m, "presence_penalty", path, d.number)
	if stop := opt(m, "stop", path, d.stringList); stop != nil {
		p.Stop = *stop
	}
	p.ReasoningEffort = opt(m, "reasoning_effort", path, d.str)
	p.Verbosity = opt(m, "verbosity", path, d.str)
	p.ThinkingLevel = opt(m, "thinking_level", path, d.str)
	p.ThinkingBudget = opt(m, "thinking_budget", path, d.integer)
	if v, ok := optional(m, "response_format"); ok {
		p.ResponseFormat = d.responseFormat(v, path+".response_format")
	}
	if v, ok := optional(m, "tool_config"); ok {
		p.ToolConfig = d.toolConfig(v, path+".tool_config")
	}
	return p
}

func (d *fieldDecoder) responseFormat(raw json.RawMessage, path string) *ResponseFormat {
	m, ok := d.object(raw, path, responseFormatFields)
	if !ok {
		return nil
	}
	rf := &ResponseFormat{}
	if v, ok := optional(m, "type"); ok {
		rf.Type = d.enum(v, enumResponseFormat, path+".type")
	}
	if v, ok := optional(m, "json_schema"); ok {
		schemaPath := path + ".json_schema"
		sm, ok := d.object(v, schemaPath, jsonSchemaFields)
		if !ok {
			return rf
		}
		js := &JSONSchemaFormat{
			Name:        opt(sm, "name", schemaPath, d.str),
			Description: opt(sm, "description", schemaPath, d.str),
			Strict:      opt(sm, "strict", schemaPath, d.boolean),
		}
		if s, ok := optional(sm, "schema"); ok {
			if b := bytes.TrimSpace(s); b[0] != '{' {
				d.typeError("%s.schema must be an object", schemaPath)
			} else {
				js.Schema = compact(b)
			}
		}
		rf.JSONSchema = js
	}
	return rf
}

func (d *fieldDecoder) toolConfig(raw json.RawMessage, path string) *ToolConfig {
	m, ok := d.object(raw, path, toolConfigFields)
	if !ok {
		return nil
	}
	tc := &ToolConfig{}
	if v, ok := optional(m, "tools"); ok {
		var items []json.RawMessage
		if b := bytes.TrimSpace(v); b[0] != '[' || json.Unmarshal(b, &items) != nil {
			d.typeError("%s.tools must be an array of objects", path)
			return tc
		}
		tc.Tools = make([]json.RawMessage, 0, len(items))
		for i, item := range items {
			if b := bytes.TrimSpace(item); b[0] != '{' {
				d.typeError("%s.tools[%d] must be an object", path, i)
				return tc
			}
			tc.Tools = append(tc.Tools, compact(item))
		}
	}
	if v, ok := optional(m, "tool_choice"); ok {
		tc.ToolChoice = compact(v)
	}
	return tc
}

func (d *fieldDecoder) providerParameters(raw json.RawMessage, path string) ProviderParameters {
	var p ProviderParameters
	m, ok := d.object(raw, path, providerParamFields)
	if !ok {
		return p
	}
	if v, ok := optional(m, "azure_params"); ok {
		azPath := path + ".azure_params"
		if am, ok := d.object(v, azPath, azureParamFields); ok {
			p.AzureParams = &AzureParams{
				AzureDeploymentName: opt(am, "azure_deployment_name", azPath, d.str),
				AzureOpenAIEndpoint: opt(am, "azure_openai_endpoint", azPath, d.str),
				AzureOpenAIVersion:  opt(am, "azure_openai_version", azPath, d.str),
			}
		}
	}
	if v, ok := optional(m, "anthropic_headers"); ok {
		hPath := path + ".anthropic_headers"
		if hm, ok := d.object(v, hPath, []string{"anthropic_beta"}); ok {
			p.AnthropicHeaders = &AnthropicHeaders{}
			if beta := opt(hm, "anthropic_beta", hPath, d.stringList); beta != nil {
				p.AnthropicHeaders.AnthropicBeta = *beta
			}
		}
	}
	p.AnthropicVersion = opt(m, "anthropic_version", path, d.str)
	if v, ok := optional(m, "bedrock_options"); ok {
		bPath := path + ".bedrock_options"
		if bm, ok := d.object(v, bPath, []string{"use_converse_endpoint"}); ok {
			p.BedrockOptions = &BedrockOptions{UseConverseEndpoint: opt(bm, "use_converse_endpoint", bPath, d.boolean)}
		}
	}
	p.Region = opt(m, "region", path, d.str)
	return p
}

// codeConfig decodes a MANAGED or CUSTOM code configuration. Its type tells
// which members it may carry; the shape is checked against the type however
// it is spelt, so a body both misspelt and malformed reports the 400.
func (d *fieldDecoder) codeConfig(raw json.RawMessage, path string) *CodeConfig {
	all := append(slices.Clone(codeFields[codeManaged]), "code", "imports")
	m, ok := d.object(raw, path, all)
	if !ok {
		return nil
	}
	c := &CodeConfig{}
	shape := ""
	if v, ok := d.required(m, "type", path+".type"); ok {
		c.Type = d.enum(v, enumCodeType, path+".type")
		shape = c.Type
		if s, isStr := d.strQuiet(v); shape == "" && isStr {
			shape, _ = d.dialect.other().decodeEnum(enumCodeType, s)
		}
	}
	if shape != "" {
		for _, k := range sortedKeys(m) {
			if !slices.Contains(codeFields[shape], k) {
				d.typeError("unknown field %q in a code_config of type %s", path+"."+k, d.dialect.spell(shape))
				return c
			}
		}
	}
	if v, ok := d.required(m, "name", path+".name"); ok {
		c.Name, _ = d.str(v, path+".name")
	}
	switch shape {
	case codeManaged:
		if v, ok := d.required(m, "managed_evaluator", path+".managed_evaluator"); ok {
			c.ManagedEvaluator = d.enum(v, enumManagedEvaluator, path+".managed_evaluator")
		}
	case codeCustom:
		if v, ok := d.required(m, "code", path+".code"); ok {
			c.Code, _ = d.str(v, path+".code")
		}
		c.Imports = opt(m, "imports", path, d.str)
	}
	if v, ok := d.required(m, "variables", path+".variables"); ok {
		c.Variables, _ = d.stringList(v, path+".variables")
	}
	if v, ok := optional(m, "static_params"); ok {
		c.StaticParams = d.staticParams(v, path+".static_params")
	}
	if v, ok := optional(m, "data_granularity"); ok {
		c.DataGranularity = d.enum(v, enumGranularity, path+".data_granularity")
	}
	c.QueryFilter = opt(m, "query_filter", path, d.str)
	return c
}

// strQuiet reads a JSON string without reporting anything.
func (d *fieldDecoder) strQuiet(raw json.RawMessage) (string, bool) {
	var s string
	return s, json.Unmarshal(raw, &s) == nil
}

// staticParams decodes the list; a default_value of the wrong JSON type
// for its type is a 400 ("Mismatches are rejected with 400").
func (d *fieldDecoder) staticParams(raw json.RawMessage, path string) []StaticParam {
	var items []json.RawMessage
	if b := bytes.TrimSpace(raw); b[0] != '[' || json.Unmarshal(b, &items) != nil {
		d.typeError("%s must be an array of objects", path)
		return nil
	}
	out := make([]StaticParam, 0, len(items))
	for i, item := range items {
		field := path + "[" + itoa(i) + "]"
		m, ok := d.object(item, field, staticParamFields)
		if !ok {
			return nil
		}
		var sp StaticParam
		if v, ok := d.required(m, "name", field+".name"); ok {
			sp.Name, _ = d.str(v, field+".name")
		}
		if v, ok := d.required(m, "type", field+".type"); ok {
			if sp.Type, ok = d.str(v, field+".type"); ok && !slices.Contains(staticParamTypes, sp.Type) {
				d.valueError("%s.type must be one of %s", field, strings.Join(staticParamTypes, ", "))
			}
		}
		if v, ok := d.required(m, "default_value", field+".default_value"); ok {
			isList := bytes.TrimSpace(v)[0] == '['
			switch {
			case sp.Type == staticParamStringArray && !isList:
				d.typeError("%s.default_value must be an array of strings for type %s", field, staticParamStringArray)
			case slices.Contains(staticParamTypes, sp.Type) && sp.Type != staticParamStringArray && isList:
				d.typeError("%s.default_value must be a string for type %s", field, sp.Type)
			case isList:
				sp.DefaultValues, _ = d.stringList(v, field+".default_value")
			default:
				sp.DefaultValue, _ = d.str(v, field+".default_value")
			}
		}
		out = append(out, sp)
	}
	return out
}
