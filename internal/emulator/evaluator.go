package emulator

import (
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"
)

// The evaluator enums in today's spelling, the one the store holds
// (dialect.go has the published one). Static parameter types are spelt
// alike in both.
const (
	evaluatorTemplate = "TEMPLATE"
	evaluatorCode     = "CODE"
	evaluatorHarness  = "HARNESS"
	evaluatorRemote   = "REMOTE"

	directionMaximize = "MAXIMIZE"
	directionMinimize = "MINIMIZE"
	directionNone     = "NONE"

	granularitySpan    = "SPAN"
	granularityTrace   = "TRACE"
	granularitySession = "SESSION"

	codeManaged = "MANAGED"
	codeCustom  = "CUSTOM"

	managedContainsAllKeywords = "CONTAINS_ALL_KEYWORDS"
	managedContainsAnyKeyword  = "CONTAINS_ANY_KEYWORD"
	managedExactMatch          = "EXACT_MATCH"
	managedJSONParseable       = "JSON_PARSEABLE"
	managedMatchesRegex        = "MATCHES_REGEX"

	responseFormatText       = "TEXT"
	responseFormatJSONObject = "JSON_OBJECT"
	responseFormatJSONSchema = "JSON_SCHEMA"

	staticParamString      = "STRING"
	staticParamStringArray = "STRING_ARRAY"
	staticParamRegex       = "REGEX"
)

// staticParamTypes are the types of a static parameter, in either dialect.
var staticParamTypes = []string{staticParamString, staticParamStringArray, staticParamRegex}

// evalColumnName is what the name of an eval column (a configuration's
// name) must match, as the spec states it for both kinds of configuration.
var evalColumnName = regexp.MustCompile(`^[a-zA-Z0-9_\s\-&()]+$`)

// Evaluator is a stored evaluator: reusable evaluation logic in a space,
// with an append-only list of versions. Type is in today's spelling:
// "TEMPLATE" (an LLM judge) or "CODE"; "HARNESS" and "REMOTE" ones exist
// only through [Server.PutHarnessEvaluator]. Description is "" when unset
// (the API then leaves it out).
//
// Version is the latest version where a hook says it is set
// ([Server.Evaluator], [Server.Evaluators], [Server.PutEvaluator]); it is
// nil in the store.
type Evaluator struct {
	ID              string
	SpaceID         string
	Name            string
	Description     string
	Type            string
	CreatedAt       time.Time
	UpdatedAt       time.Time
	CreatedByUserID string
	Version         *EvaluatorVersion
}

// EvaluatorVersion is one version of an evaluator: a whole configuration,
// never changed once made. CommitHash is 40 hex digits, unique. Type is the
// evaluator's.
type EvaluatorVersion struct {
	ID              string
	EvaluatorID     string
	CommitHash      string
	CommitMessage   string
	CreatedAt       time.Time
	CreatedByUserID string
	Type            string
	Config          EvaluatorConfig
}

// EvaluatorConfig is a version's configuration: Template for a TEMPLATE
// evaluator, Code for a CODE one, neither for HARNESS and REMOTE, whose
// configuration the API does not show.
type EvaluatorConfig struct {
	Template *TemplateConfig
	Code     *CodeConfig
}

// TemplateConfig is an LLM judge (template_config): the prompt, the eval
// column Name it writes its label into, the labels it classifies into with
// their scores, and the model it calls. Enum values are in today's
// spelling. The store holds the API's defaults: UseStructuredOutput nil is
// true, Direction "" is MAXIMIZE and DataGranularity "" is SPAN when a
// version is made (only [Server.AppendLegacyEvaluatorVersion] stores them
// unset, as legacy versions read: use_structured_output and direction left
// out, data_granularity null). A nil ClassificationChoices reads as null.
type TemplateConfig struct {
	Name                          string
	Template                      string
	IncludeExplanations           bool
	UseFunctionCallingIfAvailable bool
	UseStructuredOutput           *bool
	ClassificationChoices         map[string]float64
	Direction                     string
	DataGranularity               string
	LLMConfig                     LLMConfig
}

// LLMConfig is the model a judge calls through the AI integration
// AIIntegrationID, which must exist when a version is made and may be
// deleted afterwards (the id then dangles). ModelName is not checked
// against the integration's models.
type LLMConfig struct {
	AIIntegrationID      string
	ModelName            string
	InvocationParameters InvocationParameters
	ProviderParameters   ProviderParameters
}

// InvocationParameters are the model call's parameters; nil is unset (left
// out of answers), and numbers read back as Go's encoding/json writes them.
// Stop nil is unset, empty is [].
type InvocationParameters struct {
	Temperature         *float64
	MaxTokens           *int64
	MaxCompletionTokens *int64
	TopP                *float64
	TopK                *int64
	FrequencyPenalty    *float64
	PresencePenalty     *float64
	Stop                []string
	ReasoningEffort     *string
	Verbosity           *string
	ThinkingLevel       *string
	ThinkingBudget      *int64
	ResponseFormat      *ResponseFormat
	ToolConfig          *ToolConfig
}

// ResponseFormat is the format the model is asked for; Type is "TEXT",
// "JSON_OBJECT" or "JSON_SCHEMA" in today's spelling, "" when unset (no
// default is filled in).
type ResponseFormat struct {
	Type       string
	JSONSchema *JSONSchemaFormat
}

// JSONSchemaFormat is the schema of a JSON_SCHEMA answer. Schema is a JSON
// object, or nil when unset.
type JSONSchemaFormat struct {
	Name        *string
	Description *string
	Schema      json.RawMessage
	Strict      *bool
}

// ToolConfig is the tools offered to the model, free-form: each of Tools a
// JSON object, ToolChoice any JSON value (nil when unset). Tools nil is
// unset, empty is [].
type ToolConfig struct {
	Tools      []json.RawMessage
	ToolChoice json.RawMessage
}

// ProviderParameters are settings of particular LLM providers; nil is
// unset.
type ProviderParameters struct {
	AzureParams      *AzureParams
	AnthropicHeaders *AnthropicHeaders
	AnthropicVersion *string
	BedrockOptions   *BedrockOptions
	Region           *string
}

// AzureParams name an Azure OpenAI deployment.
type AzureParams struct {
	AzureDeploymentName *string
	AzureOpenAIEndpoint *string
	AzureOpenAIVersion  *string
}

// AnthropicHeaders are Anthropic's beta headers; AnthropicBeta nil is
// unset, empty is [].
type AnthropicHeaders struct {
	AnthropicBeta []string
}

// BedrockOptions are AWS Bedrock's options.
type BedrockOptions struct {
	UseConverseEndpoint *bool
}

// CodeConfig is a code evaluator (code_config): Type "MANAGED" with one of
// Arize's ManagedEvaluator ("CONTAINS_ALL_KEYWORDS", "CONTAINS_ANY_KEYWORD",
// "EXACT_MATCH", "JSON_PARSEABLE", "MATCHES_REGEX"), or "CUSTOM" with the
// user's Python Code and optional Imports; each writes into the eval column
// Name. Enum values are in today's spelling. DataGranularity "" and a nil
// QueryFilter or Imports are unset (no default is stored); Variables nil
// reads as [].
type CodeConfig struct {
	Type             string
	Name             string
	ManagedEvaluator string
	Code             string
	Imports          *string
	Variables        []string
	StaticParams     []StaticParam
	DataGranularity  string
	QueryFilter      *string
}

// StaticParam is a fixed argument of a code evaluator: Type "STRING" or
// "REGEX" with DefaultValue, or "STRING_ARRAY" with DefaultValues (nil
// reads as []).
type StaticParam struct {
	Name          string
	Type          string
	DefaultValue  string
	DefaultValues []string
}

// clone returns a deep copy, so callers never share slices, maps or
// pointers with the store.
func (c EvaluatorConfig) clone() EvaluatorConfig {
	if c.Template != nil {
		t := *c.Template
		t.UseStructuredOutput = clonePtr(t.UseStructuredOutput)
		if t.ClassificationChoices != nil {
			t.ClassificationChoices = maps.Clone(t.ClassificationChoices)
		}
		t.LLMConfig.InvocationParameters = t.LLMConfig.InvocationParameters.clone()
		t.LLMConfig.ProviderParameters = t.LLMConfig.ProviderParameters.clone()
		c.Template = &t
	}
	if c.Code != nil {
		code := *c.Code
		code.Imports = clonePtr(code.Imports)
		code.Variables = cloneStrings(code.Variables)
		code.QueryFilter = clonePtr(code.QueryFilter)
		if code.StaticParams != nil {
			code.StaticParams = make([]StaticParam, len(c.Code.StaticParams))
			for i, sp := range c.Code.StaticParams {
				sp.DefaultValues = cloneStrings(sp.DefaultValues)
				code.StaticParams[i] = sp
			}
		}
		c.Code = &code
	}
	return c
}

func (p InvocationParameters) clone() InvocationParameters {
	p.Temperature = clonePtr(p.Temperature)
	p.MaxTokens = clonePtr(p.MaxTokens)
	p.MaxCompletionTokens = clonePtr(p.MaxCompletionTokens)
	p.TopP = clonePtr(p.TopP)
	p.TopK = clonePtr(p.TopK)
	p.FrequencyPenalty = clonePtr(p.FrequencyPenalty)
	p.PresencePenalty = clonePtr(p.PresencePenalty)
	p.Stop = cloneStrings(p.Stop)
	p.ReasoningEffort = clonePtr(p.ReasoningEffort)
	p.Verbosity = clonePtr(p.Verbosity)
	p.ThinkingLevel = clonePtr(p.ThinkingLevel)
	p.ThinkingBudget = clonePtr(p.ThinkingBudget)
	if rf := p.ResponseFormat; rf != nil {
		out := *rf
		if js := rf.JSONSchema; js != nil {
			schema := *js
			schema.Name = clonePtr(js.Name)
			schema.Description = clonePtr(js.Description)
			schema.Schema = slices.Clone(js.Schema)
			schema.Strict = clonePtr(js.Strict)
			out.JSONSchema = &schema
		}
		p.ResponseFormat = &out
	}
	if tc := p.ToolConfig; tc != nil {
		out := ToolConfig{ToolChoice: slices.Clone(tc.ToolChoice)}
		if tc.Tools != nil {
			out.Tools = make([]json.RawMessage, len(tc.Tools))
			for i, tool := range tc.Tools {
				out.Tools[i] = slices.Clone(tool)
			}
		}
		p.ToolConfig = &out
	}
	return p
}

func (p ProviderParameters) clone() ProviderParameters {
	if a := p.AzureParams; a != nil {
		p.AzureParams = &AzureParams{
			AzureDeploymentName: clonePtr(a.AzureDeploymentName),
			AzureOpenAIEndpoint: clonePtr(a.AzureOpenAIEndpoint),
			AzureOpenAIVersion:  clonePtr(a.AzureOpenAIVersion),
		}
	}
	if h := p.AnthropicHeaders; h != nil {
		p.AnthropicHeaders = &AnthropicHeaders{AnthropicBeta: cloneStrings(h.AnthropicBeta)}
	}
	p.AnthropicVersion = clonePtr(p.AnthropicVersion)
	if b := p.BedrockOptions; b != nil {
		p.BedrockOptions = &BedrockOptions{UseConverseEndpoint: clonePtr(b.UseConverseEndpoint)}
	}
	p.Region = clonePtr(p.Region)
	return p
}

func (v EvaluatorVersion) clone() EvaluatorVersion {
	v.Config = v.Config.clone()
	return v
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// canonical brings the enum values of a configuration given to a hook into
// today's spelling (see [Canonical]).
func (c EvaluatorConfig) canonical() EvaluatorConfig {
	if t := c.Template; t != nil {
		t.Direction = Canonical(t.Direction)
		t.DataGranularity = Canonical(t.DataGranularity)
		if rf := t.LLMConfig.InvocationParameters.ResponseFormat; rf != nil {
			rf.Type = Canonical(rf.Type)
		}
	}
	if code := c.Code; code != nil {
		code.Type = Canonical(code.Type)
		code.ManagedEvaluator = Canonical(code.ManagedEvaluator)
		code.DataGranularity = Canonical(code.DataGranularity)
	}
	return c
}

// withDefaults fills in what the API stores when a template configuration
// leaves it out: use_structured_output true, direction MAXIMIZE,
// data_granularity SPAN. A code configuration has no defaults.
func (c EvaluatorConfig) withDefaults() EvaluatorConfig {
	if t := c.Template; t != nil {
		if t.UseStructuredOutput == nil {
			on := true
			t.UseStructuredOutput = &on
		}
		if t.Direction == "" {
			t.Direction = directionMaximize
		}
		if t.DataGranularity == "" {
			t.DataGranularity = granularitySpan
		}
	}
	return c
}

// configPath joins a problem's field path: "version.template_config" on
// create, "template_config" on a version POST.
func configPath(prefix, field string) string {
	if prefix == "" {
		return field
	}
	return prefix + "." + field
}

// validateConfig applies the rules every version's configuration has to
// one of an evaluator of type typ, stored in today's spelling: create, the
// version POST and the hooks all go through it. prefix is the path of the
// configuration's parent in problem details ("version" on create).
func validateConfig(typ string, c EvaluatorConfig, d Dialect, prefix string) *Problem {
	tc, cc := configPath(prefix, "template_config"), configPath(prefix, "code_config")
	switch {
	case c.Template != nil && c.Code != nil:
		return invalid("%s takes one of template_config and code_config, not both", configPathOr(prefix))
	case typ == evaluatorTemplate && c.Template == nil:
		if c.Code != nil {
			return invalid("%s does not match type %s: a %s evaluator takes template_config", cc, d.spell(typ), d.spell(typ))
		}
		return invalid("%s is required for type %s", tc, d.spell(typ))
	case typ == evaluatorCode && c.Code == nil:
		if c.Template != nil {
			return invalid("%s does not match type %s: a %s evaluator takes code_config", tc, d.spell(typ), d.spell(typ))
		}
		return invalid("%s is required for type %s", cc, d.spell(typ))
	case typ != evaluatorTemplate && typ != evaluatorCode:
		return invalid("versions of a %s evaluator cannot be made: only %s and %s are accepted",
			d.spell(typ), d.spell(evaluatorTemplate), d.spell(evaluatorCode))
	}
	if c.Template != nil {
		return validateTemplate(c.Template, d, tc)
	}
	return validateCode(c.Code, d, cc)
}

// configPathOr names the object holding the configuration in problems.
func configPathOr(prefix string) string {
	if prefix == "" {
		return "the request"
	}
	return prefix
}

func validateColumnName(name, path string) *Problem {
	if !evalColumnName.MatchString(name) {
		return invalid("%s (the eval column name) must match %s", path, evalColumnName)
	}
	return nil
}

// checkEnum reports a value outside an enum of the evaluator tables; an
// empty value is allowed where the field is optional.
func checkEnum(v, key, path string, d Dialect, optional bool) *Problem {
	if v == "" && optional {
		return nil
	}
	if !slices.Contains(spellings[DialectToday].values(key), v) {
		return invalid("%s must be one of %s", path, d.oneOf(key))
	}
	return nil
}

func validateTemplate(t *TemplateConfig, d Dialect, path string) *Problem {
	llm := path + ".llm_config"
	checks := []func() *Problem{
		func() *Problem { return validateColumnName(t.Name, path+".name") },
		func() *Problem {
			if t.Template == "" {
				return invalid("%s.template is required and must not be empty", path)
			}
			return nil
		},
		func() *Problem {
			if len(t.ClassificationChoices) == 0 {
				return invalid("%s.classification_choices is required and must be a non-empty object of label to score", path)
			}
			return nil
		},
		func() *Problem { return checkEnum(t.Direction, enumDirection, path+".direction", d, true) },
		func() *Problem {
			return checkEnum(t.DataGranularity, enumGranularity, path+".data_granularity", d, true)
		},
		func() *Problem {
			if t.LLMConfig.AIIntegrationID == "" {
				return invalid("%s.ai_integration_id is required", llm)
			}
			return nil
		},
		func() *Problem {
			if strings.TrimSpace(t.LLMConfig.ModelName) == "" {
				return invalid("%s.model_name is required and must not be blank", llm)
			}
			return nil
		},
		func() *Problem {
			if rf := t.LLMConfig.InvocationParameters.ResponseFormat; rf != nil {
				return checkEnum(rf.Type, enumResponseFormat, llm+".invocation_parameters.response_format.type", d, true)
			}
			return nil
		},
	}
	for _, check := range checks {
		if p := check(); p != nil {
			return p
		}
	}
	return nil
}

func validateCode(c *CodeConfig, d Dialect, path string) *Problem {
	if p := checkEnum(c.Type, enumCodeType, path+".type", d, false); p != nil {
		return p
	}
	if p := validateColumnName(c.Name, path+".name"); p != nil {
		return p
	}
	switch c.Type {
	case codeManaged:
		if p := checkEnum(c.ManagedEvaluator, enumManagedEvaluator, path+".managed_evaluator", d, false); p != nil {
			return p
		}
		if c.Code != "" || c.Imports != nil {
			return invalid("%s of type %s takes no code or imports", path, d.spell(codeManaged))
		}
	case codeCustom:
		if strings.TrimSpace(c.Code) == "" {
			return invalid("%s.code is required for type %s and must not be blank", path, d.spell(codeCustom))
		}
		if c.ManagedEvaluator != "" {
			return invalid("%s of type %s takes no managed_evaluator", path, d.spell(codeCustom))
		}
	}
	if p := checkEnum(c.DataGranularity, enumGranularity, path+".data_granularity", d, true); p != nil {
		return p
	}
	for i, sp := range c.StaticParams {
		field := path + ".static_params[" + itoa(i) + "]"
		switch {
		case sp.Name == "":
			return invalid("%s.name is required", field)
		case !slices.Contains(staticParamTypes, sp.Type):
			return invalid("%s.type must be one of %s", field, strings.Join(staticParamTypes, ", "))
		case sp.Type == staticParamStringArray && sp.DefaultValue != "":
			return badRequest("%s.default_value must be an array of strings for type %s", field, staticParamStringArray)
		case sp.Type != staticParamStringArray && sp.DefaultValues != nil:
			return badRequest("%s.default_value must be a string for type %s", field, sp.Type)
		}
	}
	return nil
}

// evaluatorKey is what evaluator names are unique by: the name within its
// space.
type evaluatorKey struct{ space, name string }

func evaluatorNotFound(id string) *Problem {
	return notFound("evaluator %q not found", id)
}

func evaluatorNameConflict(name string) *Problem {
	return conflict("name: an evaluator named %q already exists in the space", name)
}

// integrationMissingLocked is the answer to a configuration naming an AI
// integration that does not exist (a 422: the contract declares 404 and
// 422 on create and leaves the choice open).
func integrationMissingLocked(s *Server, c EvaluatorConfig, prefix string) *Problem {
	if c.Template == nil {
		return nil
	}
	id := c.Template.LLMConfig.AIIntegrationID
	if _, ok := s.byID[id]; !ok {
		return invalid("%s.llm_config.ai_integration_id: AI integration %q not found", configPath(prefix, "template_config"), id)
	}
	return nil
}

// createEvaluator validates e with its first version's configuration and
// stores both: the evaluator in a space that must exist (404) and that the
// key may see (403, unless forKey is false: a hook), with a name unique
// within the space (compared exactly, 409), and an AI integration that
// exists (422). The configuration is stored with the API's defaults.
func (s *Server) createEvaluator(e Evaluator, commitMessage string, c EvaluatorConfig, forKey bool) (Evaluator, *Problem) {
	d := s.opts.Dialect
	if strings.TrimSpace(e.Name) == "" {
		return Evaluator{}, invalid("name is required and must not be blank")
	}
	if e.Type != evaluatorTemplate && e.Type != evaluatorCode {
		return Evaluator{}, invalid("type must be one of %s, %s: only those can be created",
			d.spell(evaluatorTemplate), d.spell(evaluatorCode))
	}
	if p := validateConfig(e.Type, c, d, "version"); p != nil {
		return Evaluator{}, p
	}
	c = c.clone().withDefaults()
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.spaceAccessLocked(e.SpaceID); p != nil && (forKey || p.Status == 404) {
		return Evaluator{}, p
	}
	if p := integrationMissingLocked(s, c, "version"); p != nil {
		return Evaluator{}, p
	}
	key := evaluatorKey{e.SpaceID, e.Name}
	if _, taken := s.evaluatorNames[key]; taken {
		return Evaluator{}, evaluatorNameConflict(e.Name)
	}
	seq := s.evaluators.next()
	e.ID = newID(typeEvaluator, seq)
	e.CreatedAt = s.now()
	e.UpdatedAt = e.CreatedAt
	e.CreatedByUserID = s.opts.UserID
	e.Version = nil
	s.evaluators.add(seq, e.ID, e)
	s.evaluatorNames[key] = e.ID
	v := s.addVersionLocked(e, commitMessage, c, e.CreatedAt)
	e.Version = &v
	return e, nil
}

// updateEvaluator applies change to a copy and commits it only if the name
// is still not blank and unique within the space: a failed update changes
// nothing. updated_at moves forward.
func (s *Server) updateEvaluator(id string, change func(*Evaluator)) (Evaluator, *Problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	before, ok := s.evaluators.get(id)
	if !ok {
		return Evaluator{}, evaluatorNotFound(id)
	}
	next := before
	change(&next)
	if strings.TrimSpace(next.Name) == "" {
		return Evaluator{}, invalid("name must not be blank")
	}
	key := evaluatorKey{next.SpaceID, next.Name}
	if holder, taken := s.evaluatorNames[key]; taken && holder != id {
		return Evaluator{}, evaluatorNameConflict(next.Name)
	}
	next.UpdatedAt = laterThan(s.now(), before.UpdatedAt)
	delete(s.evaluatorNames, evaluatorKey{before.SpaceID, before.Name})
	s.evaluatorNames[key] = id
	s.evaluators.set(id, next)
	return next, nil
}

// laterThan is now, or just after prev when the clock has not moved past it
// (a frozen test clock, or two changes in one millisecond): updated_at
// moves forward on every change.
func laterThan(now, prev time.Time) time.Time {
	if !now.After(prev) {
		return prev.Add(time.Millisecond)
	}
	return now
}

// getEvaluator returns the stored evaluator with its latest version.
func (s *Server) getEvaluator(id string) (Evaluator, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.evaluatorLocked(id)
}

func (s *Server) evaluatorLocked(id string) (Evaluator, bool) {
	e, ok := s.evaluators.get(id)
	if !ok {
		return Evaluator{}, false
	}
	if v, ok := s.latestVersionLocked(id); ok {
		e.Version = &v
	}
	return e, true
}

// evaluatorAccess is the answer to a request naming an evaluator: 404 if it
// does not exist, 403 if the key may not see its space, else nil.
func (s *Server) evaluatorAccess(id string) *Problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.evaluators.get(id)
	if !ok {
		return evaluatorNotFound(id)
	}
	if s.forbidden[e.SpaceID] {
		return spaceForbidden(e.SpaceID)
	}
	return nil
}

// removeEvaluator deletes an evaluator and all its versions, and reports
// whether it existed.
func (s *Server) removeEvaluator(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.evaluators.get(id)
	if !ok {
		return false
	}
	s.removeEvaluatorLocked(e)
	return true
}

func (s *Server) removeEvaluatorLocked(e Evaluator) {
	for _, vid := range s.versionsOf[e.ID] {
		delete(s.evalVersions, vid)
	}
	delete(s.versionsOf, e.ID)
	delete(s.evaluatorNames, evaluatorKey{e.SpaceID, e.Name})
	s.evaluators.remove(e.ID)
}

// removeSpaceEvaluatorsLocked deletes the evaluators of a deleted space: a
// space's delete "deletes all resources that belong to it", and an
// organization's its spaces "and their contents (..., evaluators, ...)".
func (s *Server) removeSpaceEvaluatorsLocked(spaceID string) {
	for _, e := range s.evaluators.all() {
		if e.SpaceID == spaceID {
			s.removeEvaluatorLocked(e)
		}
	}
}

// PutEvaluator stores a new evaluator with its first version directly, as
// if made outside Terraform, with the validation of POST: its type is
// TEMPLATE when config has a Template, CODE when it has Code. Enum values
// may be in either spelling (see [Canonical]); the API's defaults are
// filled in. The space may be one the key may not see (ForbidSpace). The
// first version's commit message is "Made outside Terraform". The error is
// a *Problem with the status the HTTP call would have answered (404 for an
// unknown space, 409 for a name taken in it, 422). It bypasses HTTP and is
// not counted.
func (s *Server) PutEvaluator(spaceID, name, description string, config EvaluatorConfig) (Evaluator, error) {
	config = config.clone().canonical()
	typ := evaluatorCode
	if config.Template != nil {
		typ = evaluatorTemplate
	}
	e, p := s.createEvaluator(Evaluator{SpaceID: spaceID, Name: name, Description: description, Type: typ},
		"Made outside Terraform", config, false)
	if p != nil {
		return Evaluator{}, p
	}
	return e.cloneVersion(), nil
}

// PutHarnessEvaluator stores an evaluator of type "HARNESS" or "REMOTE"
// (either spelling), which the API cannot make and whose versions carry no
// configuration, with one such version: what an account may hold that
// Terraform cannot manage. It panics on another type, as a mistake in the
// test; the error is a *Problem as for PutEvaluator.
func (s *Server) PutHarnessEvaluator(spaceID, name, typ string) (Evaluator, error) {
	typ = Canonical(typ)
	if typ != evaluatorHarness && typ != evaluatorRemote {
		panic("emulator: PutHarnessEvaluator: type " + typ + " is not HARNESS or REMOTE")
	}
	if strings.TrimSpace(name) == "" {
		return Evaluator{}, invalid("name is required and must not be blank")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.spaceAccessLocked(spaceID); p != nil && p.Status == 404 {
		return Evaluator{}, p
	}
	key := evaluatorKey{spaceID, name}
	if _, taken := s.evaluatorNames[key]; taken {
		return Evaluator{}, evaluatorNameConflict(name)
	}
	seq := s.evaluators.next()
	e := Evaluator{ID: newID(typeEvaluator, seq), SpaceID: spaceID, Name: name, Type: typ, CreatedAt: s.now(), CreatedByUserID: s.opts.UserID}
	e.UpdatedAt = e.CreatedAt
	s.evaluators.add(seq, e.ID, e)
	s.evaluatorNames[key] = e.ID
	v := s.addVersionLocked(e, "Made outside Terraform", EvaluatorConfig{}, e.CreatedAt)
	e.Version = &v
	return e.cloneVersion(), nil
}

// cloneVersion deep-copies the version an evaluator carries.
func (e Evaluator) cloneVersion() Evaluator {
	if e.Version != nil {
		v := e.Version.clone()
		e.Version = &v
	}
	return e
}

// Evaluator returns the stored evaluator with this id with its latest
// version, in today's spelling, whatever the key may see.
func (s *Server) Evaluator(id string) (Evaluator, bool) {
	e, ok := s.getEvaluator(id)
	return e.cloneVersion(), ok
}

// Evaluators returns the stored evaluators of every space in creation
// order, each with its latest version.
func (s *Server) Evaluators() []Evaluator {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.evaluators.all()
	for i := range out {
		if v, ok := s.latestVersionLocked(out[i].ID); ok {
			v = v.clone()
			out[i].Version = &v
		}
	}
	return out
}

// RemoveEvaluator deletes an evaluator and its versions as if someone had
// done it outside Terraform, and reports whether it existed.
func (s *Server) RemoveEvaluator(id string) bool { return s.removeEvaluator(id) }
