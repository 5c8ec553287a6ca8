package arize

import (
	"bytes"
	"encoding/json"
	"errors"
)

// The evaluator as the API answers it: reusable evaluation logic in a space,
// with an append-only list of versions, each a whole configuration. A
// TEMPLATE evaluator is an LLM judge that calls a model through an AI
// integration; a CODE evaluator runs code. Enum values are in either
// spelling (see Spelling); the constants are today's.

// EvaluatorType is the kind of evaluator. Only TEMPLATE and CODE can be
// made; HARNESS and REMOTE ones exist, but their configuration cannot be
// read.
type EvaluatorType string

const (
	EvaluatorTemplate EvaluatorType = "TEMPLATE"
	EvaluatorCode     EvaluatorType = "CODE"
	EvaluatorHarness  EvaluatorType = "HARNESS"
	EvaluatorRemote   EvaluatorType = "REMOTE"
)

// Canonical is t in today's spelling (t itself when unknown).
func (t EvaluatorType) Canonical() EvaluatorType { return evaluatorTypeSpellings.canon(t) }

// Direction says whether a higher score is better.
type Direction string

const (
	DirectionMaximize Direction = "MAXIMIZE"
	DirectionMinimize Direction = "MINIMIZE"
	DirectionNone     Direction = "NONE"
)

// Directions lists every Direction in today's spelling.
func Directions() []Direction { return append([]Direction(nil), directionSpellings.today...) }

// Canonical is d in today's spelling.
func (d Direction) Canonical() Direction { return directionSpellings.canon(d) }

// DataGranularity is what one evaluation covers.
type DataGranularity string

const (
	GranularitySpan    DataGranularity = "SPAN"
	GranularityTrace   DataGranularity = "TRACE"
	GranularitySession DataGranularity = "SESSION"
)

// DataGranularities lists every DataGranularity in today's spelling.
func DataGranularities() []DataGranularity {
	return append([]DataGranularity(nil), granularitySpellings.today...)
}

// Canonical is g in today's spelling.
func (g DataGranularity) Canonical() DataGranularity { return granularitySpellings.canon(g) }

// CodeConfigType tells a managed code evaluator (one of Arize's) from a
// custom one (the user's Python).
type CodeConfigType string

const (
	CodeManaged CodeConfigType = "MANAGED"
	CodeCustom  CodeConfigType = "CUSTOM"
)

// Canonical is t in today's spelling.
func (t CodeConfigType) Canonical() CodeConfigType { return codeTypeSpellings.canon(t) }

// ManagedEvaluator is one of Arize's managed code evaluators.
type ManagedEvaluator string

const (
	ManagedContainsAllKeywords ManagedEvaluator = "CONTAINS_ALL_KEYWORDS"
	ManagedContainsAnyKeyword  ManagedEvaluator = "CONTAINS_ANY_KEYWORD"
	ManagedExactMatch          ManagedEvaluator = "EXACT_MATCH"
	ManagedJSONParseable       ManagedEvaluator = "JSON_PARSEABLE"
	ManagedMatchesRegex        ManagedEvaluator = "MATCHES_REGEX"
)

// ManagedEvaluators lists every ManagedEvaluator in today's spelling.
func ManagedEvaluators() []ManagedEvaluator {
	return append([]ManagedEvaluator(nil), managedEvaluatorSpellings.today...)
}

// Canonical is m in today's spelling.
func (m ManagedEvaluator) Canonical() ManagedEvaluator { return managedEvaluatorSpellings.canon(m) }

// ResponseFormatType is the format an LLM judge asks its model for.
type ResponseFormatType string

const (
	ResponseFormatText       ResponseFormatType = "TEXT"
	ResponseFormatJSONObject ResponseFormatType = "JSON_OBJECT"
	ResponseFormatJSONSchema ResponseFormatType = "JSON_SCHEMA"
)

// ResponseFormatTypes lists every ResponseFormatType in today's spelling.
func ResponseFormatTypes() []ResponseFormatType {
	return append([]ResponseFormatType(nil), responseFormatSpellings.today...)
}

// Canonical is t in today's spelling.
func (t ResponseFormatType) Canonical() ResponseFormatType { return responseFormatSpellings.canon(t) }

// StaticParamType is the type of a code evaluator's static parameter, spelt
// alike before and after July 2026.
type StaticParamType string

const (
	StaticParamString      StaticParamType = "STRING"
	StaticParamStringArray StaticParamType = "STRING_ARRAY"
	StaticParamRegex       StaticParamType = "REGEX"
)

// Evaluator is an evaluator, with its latest version when the API answered
// one (a GET and a create do; a list and a PATCH do not).
type Evaluator struct {
	ID              string            `json:"id"`
	Name            string            `json:"name"`
	Description     *string           `json:"description"`
	Type            EvaluatorType     `json:"type"`
	SpaceID         string            `json:"space_id"`
	CreatedAt       string            `json:"created_at"`
	UpdatedAt       string            `json:"updated_at"`
	CreatedByUserID *string           `json:"created_by_user_id"`
	Version         *EvaluatorVersion `json:"version,omitempty"`
}

// EvaluatorVersion is one version: a whole configuration, never changed
// once made.
type EvaluatorVersion struct {
	ID              string        `json:"id"`
	EvaluatorID     string        `json:"evaluator_id"`
	CommitHash      string        `json:"commit_hash"`
	CommitMessage   *string       `json:"commit_message"`
	CreatedAt       string        `json:"created_at"`
	CreatedByUserID *string       `json:"created_by_user_id"`
	Type            EvaluatorType `json:"type"`
	EvaluatorConfig
}

// EvaluatorConfig is a version's configuration: TemplateConfig for a
// TEMPLATE evaluator, CodeConfig for a CODE one.
type EvaluatorConfig struct {
	TemplateConfig *TemplateConfig `json:"template_config,omitempty"`
	CodeConfig     *CodeConfig     `json:"code_config,omitempty"`
}

// TemplateConfig is an LLM judge: the prompt, the label it outputs into the
// eval column Name, the choices it classifies into with their scores, and
// the model it calls. The provider sends every optional field, since the
// SDKs disagree on their defaults.
type TemplateConfig struct {
	Name                          string             `json:"name"`
	Template                      string             `json:"template"`
	IncludeExplanations           bool               `json:"include_explanations"`
	UseFunctionCallingIfAvailable bool               `json:"use_function_calling_if_available"`
	UseStructuredOutput           *bool              `json:"use_structured_output,omitempty"`
	ClassificationChoices         map[string]float64 `json:"classification_choices"`
	Direction                     Direction          `json:"direction,omitempty"`
	DataGranularity               *DataGranularity   `json:"data_granularity,omitempty"`
	LLMConfig                     LLMConfig          `json:"llm_config"`
}

// LLMConfig is the model an LLM judge calls, through the AI integration
// AIIntegrationID. Arize does not check ModelName against the integration.
type LLMConfig struct {
	AIIntegrationID      string               `json:"ai_integration_id"`
	ModelName            string               `json:"model_name"`
	InvocationParameters InvocationParameters `json:"invocation_parameters"`
	ProviderParameters   ProviderParameters   `json:"provider_parameters"`
}

// InvocationParameters are the model call's parameters; unset ones are left
// out (the API requires the object, which may be empty).
type InvocationParameters struct {
	Temperature         *float64        `json:"temperature,omitempty"`
	MaxTokens           *int64          `json:"max_tokens,omitempty"`
	MaxCompletionTokens *int64          `json:"max_completion_tokens,omitempty"`
	TopP                *float64        `json:"top_p,omitempty"`
	TopK                *int64          `json:"top_k,omitempty"`
	FrequencyPenalty    *float64        `json:"frequency_penalty,omitempty"`
	PresencePenalty     *float64        `json:"presence_penalty,omitempty"`
	Stop                []string        `json:"stop,omitempty"`
	ReasoningEffort     *string         `json:"reasoning_effort,omitempty"`
	Verbosity           *string         `json:"verbosity,omitempty"`
	ThinkingLevel       *string         `json:"thinking_level,omitempty"`
	ThinkingBudget      *int64          `json:"thinking_budget,omitempty"`
	ResponseFormat      *ResponseFormat `json:"response_format,omitempty"`
	ToolConfig          *ToolConfig     `json:"tool_config,omitempty"`
}

// ResponseFormat is the format the model is asked to answer in.
type ResponseFormat struct {
	Type       ResponseFormatType `json:"type,omitempty"`
	JSONSchema *JSONSchemaFormat  `json:"json_schema,omitempty"`
}

// JSONSchemaFormat is the JSON schema a JSON_SCHEMA answer follows.
type JSONSchemaFormat struct {
	Name        *string         `json:"name,omitempty"`
	Description *string         `json:"description,omitempty"`
	Schema      json.RawMessage `json:"schema,omitempty"`
	Strict      *bool           `json:"strict,omitempty"`
}

// ToolConfig is the tools offered to the model, free-form as the API has
// them.
type ToolConfig struct {
	Tools      []json.RawMessage `json:"tools,omitempty"`
	ToolChoice json.RawMessage   `json:"tool_choice,omitempty"`
}

// ProviderParameters are settings of particular LLM providers.
type ProviderParameters struct {
	AzureParams      *AzureParams      `json:"azure_params,omitempty"`
	AnthropicHeaders *AnthropicHeaders `json:"anthropic_headers,omitempty"`
	AnthropicVersion *string           `json:"anthropic_version,omitempty"`
	BedrockOptions   *BedrockOptions   `json:"bedrock_options,omitempty"`
	Region           *string           `json:"region,omitempty"`
}

// AzureParams name an Azure OpenAI deployment.
type AzureParams struct {
	AzureDeploymentName *string `json:"azure_deployment_name,omitempty"`
	AzureOpenAIEndpoint *string `json:"azure_openai_endpoint,omitempty"`
	AzureOpenAIVersion  *string `json:"azure_openai_version,omitempty"`
}

// AnthropicHeaders are Anthropic's beta headers.
type AnthropicHeaders struct {
	AnthropicBeta []string `json:"anthropic_beta,omitempty"`
}

// BedrockOptions are AWS Bedrock's options.
type BedrockOptions struct {
	UseConverseEndpoint *bool `json:"use_converse_endpoint,omitempty"`
}

// CodeConfig is a code evaluator: a managed one (ManagedEvaluator) or a
// custom one (Code, with Imports), each writing into the eval column Name.
type CodeConfig struct {
	Type             CodeConfigType   `json:"type"`
	Name             string           `json:"name"`
	ManagedEvaluator ManagedEvaluator `json:"managed_evaluator,omitempty"`
	Code             string           `json:"code,omitempty"`
	Imports          *string          `json:"imports,omitempty"`
	Variables        []string         `json:"variables"`
	StaticParams     []StaticParam    `json:"static_params,omitempty"`
	DataGranularity  *DataGranularity `json:"data_granularity,omitempty"`
	QueryFilter      *string          `json:"query_filter,omitempty"`
}

// StaticParam is a fixed argument of a code evaluator: a string, or for
// STRING_ARRAY a list of strings.
type StaticParam struct {
	Name         string           `json:"name"`
	Type         StaticParamType  `json:"type"`
	DefaultValue StaticParamValue `json:"default_value"`
}

// StaticParamValue is a static parameter's value: String, or Strings when
// IsList.
type StaticParamValue struct {
	String  string
	Strings []string
	IsList  bool
}

// MarshalJSON writes the string or the list.
func (v StaticParamValue) MarshalJSON() ([]byte, error) {
	if v.IsList {
		if v.Strings == nil {
			return []byte("[]"), nil
		}
		return json.Marshal(v.Strings)
	}
	return json.Marshal(v.String)
}

// UnmarshalJSON reads a string or a list of strings.
func (v *StaticParamValue) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		*v = StaticParamValue{IsList: true}
		return json.Unmarshal(b, &v.Strings)
	}
	*v = StaticParamValue{}
	if err := json.Unmarshal(b, &v.String); err != nil {
		return errors.New("default_value: want a string or a list of strings")
	}
	return nil
}

// in is the configuration as spelling sp writes it.
func (c EvaluatorConfig) in(sp Spelling) EvaluatorConfig {
	if c.TemplateConfig != nil {
		t := *c.TemplateConfig
		t.Direction = directionSpellings.in(t.Direction, sp)
		t.DataGranularity = granularityIn(t.DataGranularity, sp)
		if rf := t.LLMConfig.InvocationParameters.ResponseFormat; rf != nil {
			spelt := *rf
			spelt.Type = responseFormatSpellings.in(rf.Type, sp)
			t.LLMConfig.InvocationParameters.ResponseFormat = &spelt
		}
		c.TemplateConfig = &t
	}
	if c.CodeConfig != nil {
		code := *c.CodeConfig
		code.Type = codeTypeSpellings.in(code.Type, sp)
		code.ManagedEvaluator = managedEvaluatorSpellings.in(code.ManagedEvaluator, sp)
		code.DataGranularity = granularityIn(code.DataGranularity, sp)
		c.CodeConfig = &code
	}
	return c
}

// canonical is the configuration in today's spelling.
func (c EvaluatorConfig) canonical() EvaluatorConfig { return c.in(SpellingToday) }

func granularityIn(g *DataGranularity, sp Spelling) *DataGranularity {
	if g == nil {
		return nil
	}
	spelt := granularitySpellings.in(*g, sp)
	return &spelt
}

// withDefaults fills in what the API defaults.
func (c EvaluatorConfig) withDefaults() EvaluatorConfig {
	if c.TemplateConfig == nil {
		return c
	}
	t := *c.TemplateConfig
	if t.UseStructuredOutput == nil {
		on := true
		t.UseStructuredOutput = &on
	}
	if t.Direction == "" {
		t.Direction = DirectionMaximize
	}
	if t.DataGranularity == nil {
		span := GranularitySpan
		t.DataGranularity = &span
	}
	c.TemplateConfig = &t
	return c
}
