package emulator

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// evaluatorJSON is the Evaluator object of the list and of PATCH, and with
// its version the EvaluatorWithVersion of create and GET. A description
// that is unset is left out.
type evaluatorJSON struct {
	ID              string                `json:"id"`
	Name            string                `json:"name"`
	Description     *string               `json:"description,omitempty"`
	Type            string                `json:"type"`
	SpaceID         string                `json:"space_id"`
	CreatedAt       string                `json:"created_at"`
	UpdatedAt       string                `json:"updated_at"`
	CreatedByUserID string                `json:"created_by_user_id"`
	Version         *evaluatorVersionJSON `json:"version,omitempty"`
}

// evaluatorVersionJSON is the EvaluatorVersion object: the common members
// and, by type, template_config or code_config (HARNESS and REMOTE
// versions carry neither).
type evaluatorVersionJSON struct {
	ID              string              `json:"id"`
	EvaluatorID     string              `json:"evaluator_id"`
	CommitHash      string              `json:"commit_hash"`
	CommitMessage   string              `json:"commit_message"`
	CreatedAt       string              `json:"created_at"`
	CreatedByUserID string              `json:"created_by_user_id"`
	Type            string              `json:"type"`
	TemplateConfig  *templateConfigJSON `json:"template_config,omitempty"`
	CodeConfig      *codeConfigJSON     `json:"code_config,omitempty"`
}

type templateConfigJSON struct {
	Name                          string             `json:"name"`
	Template                      string             `json:"template"`
	IncludeExplanations           bool               `json:"include_explanations"`
	UseFunctionCallingIfAvailable bool               `json:"use_function_calling_if_available"`
	UseStructuredOutput           *bool              `json:"use_structured_output,omitempty"`
	ClassificationChoices         map[string]float64 `json:"classification_choices"`
	Direction                     string             `json:"direction,omitempty"`
	DataGranularity               *string            `json:"data_granularity"`
	LLMConfig                     llmConfigJSON      `json:"llm_config"`
}

type llmConfigJSON struct {
	AIIntegrationID      string             `json:"ai_integration_id"`
	ModelName            string             `json:"model_name"`
	InvocationParameters invocationJSON     `json:"invocation_parameters"`
	ProviderParameters   providerParamsJSON `json:"provider_parameters"`
}

type invocationJSON struct {
	Temperature         *float64            `json:"temperature,omitempty"`
	MaxTokens           *int64              `json:"max_tokens,omitempty"`
	MaxCompletionTokens *int64              `json:"max_completion_tokens,omitempty"`
	TopP                *float64            `json:"top_p,omitempty"`
	TopK                *int64              `json:"top_k,omitempty"`
	FrequencyPenalty    *float64            `json:"frequency_penalty,omitempty"`
	PresencePenalty     *float64            `json:"presence_penalty,omitempty"`
	Stop                *[]string           `json:"stop,omitempty"`
	ReasoningEffort     *string             `json:"reasoning_effort,omitempty"`
	Verbosity           *string             `json:"verbosity,omitempty"`
	ThinkingLevel       *string             `json:"thinking_level,omitempty"`
	ThinkingBudget      *int64              `json:"thinking_budget,omitempty"`
	ResponseFormat      *responseFormatJSON `json:"response_format,omitempty"`
	ToolConfig          *toolConfigJSON     `json:"tool_config,omitempty"`
}

type responseFormatJSON struct {
	Type       string          `json:"type,omitempty"`
	JSONSchema *jsonSchemaJSON `json:"json_schema,omitempty"`
}

type jsonSchemaJSON struct {
	Name        *string         `json:"name,omitempty"`
	Description *string         `json:"description,omitempty"`
	Schema      json.RawMessage `json:"schema,omitempty"`
	Strict      *bool           `json:"strict,omitempty"`
}

type toolConfigJSON struct {
	Tools      *[]json.RawMessage `json:"tools,omitempty"`
	ToolChoice json.RawMessage    `json:"tool_choice,omitempty"`
}

type providerParamsJSON struct {
	AzureParams      *azureParamsJSON      `json:"azure_params,omitempty"`
	AnthropicHeaders *anthropicHeadersJSON `json:"anthropic_headers,omitempty"`
	AnthropicVersion *string               `json:"anthropic_version,omitempty"`
	BedrockOptions   *bedrockOptionsJSON   `json:"bedrock_options,omitempty"`
	Region           *string               `json:"region,omitempty"`
}

type azureParamsJSON struct {
	AzureDeploymentName *string `json:"azure_deployment_name,omitempty"`
	AzureOpenAIEndpoint *string `json:"azure_openai_endpoint,omitempty"`
	AzureOpenAIVersion  *string `json:"azure_openai_version,omitempty"`
}

type bedrockOptionsJSON struct {
	UseConverseEndpoint *bool `json:"use_converse_endpoint,omitempty"`
}

type anthropicHeadersJSON struct {
	AnthropicBeta *[]string `json:"anthropic_beta,omitempty"`
}

type codeConfigJSON struct {
	Type             string             `json:"type"`
	Name             string             `json:"name"`
	ManagedEvaluator string             `json:"managed_evaluator,omitempty"`
	Code             *string            `json:"code,omitempty"`
	Imports          *string            `json:"imports,omitempty"`
	Variables        []string           `json:"variables"`
	StaticParams     *[]staticParamJSON `json:"static_params,omitempty"`
	DataGranularity  string             `json:"data_granularity,omitempty"`
	QueryFilter      *string            `json:"query_filter,omitempty"`
}

type staticParamJSON struct {
	Name         string `json:"name"`
	Type         string `json:"type"`
	DefaultValue any    `json:"default_value"`
}

// evaluatorListJSON is the body of GET /v2/evaluators.
type evaluatorListJSON struct {
	Evaluators []evaluatorJSON `json:"evaluators"`
	Pagination paginationJSON  `json:"pagination"`
}

// evaluatorVersionListJSON is the body of GET /v2/evaluators/{id}/versions.
type evaluatorVersionListJSON struct {
	EvaluatorVersions []evaluatorVersionJSON `json:"evaluator_versions"`
	Pagination        paginationJSON         `json:"pagination"`
}

// evaluatorToJSON renders an evaluator, with its version when it carries
// one, in the server's dialect.
func (s *Server) evaluatorToJSON(e Evaluator) evaluatorJSON {
	out := evaluatorJSON{
		ID:              e.ID,
		Name:            e.Name,
		Description:     nullable(e.Description),
		Type:            s.opts.Dialect.spell(e.Type),
		SpaceID:         e.SpaceID,
		CreatedAt:       formatTime(e.CreatedAt),
		UpdatedAt:       formatTime(e.UpdatedAt),
		CreatedByUserID: e.CreatedByUserID,
	}
	if e.Version != nil {
		v := s.versionToJSON(*e.Version)
		out.Version = &v
	}
	return out
}

// versionToJSON renders a version, a copy that shares nothing with the
// store, in the server's dialect.
func (s *Server) versionToJSON(v EvaluatorVersion) evaluatorVersionJSON {
	d := s.opts.Dialect
	out := evaluatorVersionJSON{
		ID:              v.ID,
		EvaluatorID:     v.EvaluatorID,
		CommitHash:      v.CommitHash,
		CommitMessage:   v.CommitMessage,
		CreatedAt:       formatTime(v.CreatedAt),
		CreatedByUserID: v.CreatedByUserID,
		Type:            d.spell(v.Type),
	}
	if t := v.Config.Template; t != nil {
		out.TemplateConfig = templateToJSON(t, d)
	}
	if c := v.Config.Code; c != nil {
		out.CodeConfig = codeToJSON(c, d)
	}
	return out
}

func templateToJSON(t *TemplateConfig, d Dialect) *templateConfigJSON {
	p := t.LLMConfig.InvocationParameters
	inv := invocationJSON{
		Temperature: p.Temperature, MaxTokens: p.MaxTokens, MaxCompletionTokens: p.MaxCompletionTokens,
		TopP: p.TopP, TopK: p.TopK, FrequencyPenalty: p.FrequencyPenalty, PresencePenalty: p.PresencePenalty,
		Stop: listOrNil(p.Stop), ReasoningEffort: p.ReasoningEffort, Verbosity: p.Verbosity,
		ThinkingLevel: p.ThinkingLevel, ThinkingBudget: p.ThinkingBudget,
	}
	if rf := p.ResponseFormat; rf != nil {
		inv.ResponseFormat = &responseFormatJSON{Type: d.spell(rf.Type)}
		if js := rf.JSONSchema; js != nil {
			inv.ResponseFormat.JSONSchema = &jsonSchemaJSON{Name: js.Name, Description: js.Description, Schema: js.Schema, Strict: js.Strict}
		}
	}
	if tc := p.ToolConfig; tc != nil {
		inv.ToolConfig = &toolConfigJSON{Tools: listOrNil(tc.Tools), ToolChoice: tc.ToolChoice}
	}
	pp := t.LLMConfig.ProviderParameters
	prov := providerParamsJSON{AnthropicVersion: pp.AnthropicVersion, Region: pp.Region}
	if a := pp.AzureParams; a != nil {
		prov.AzureParams = &azureParamsJSON{
			AzureDeploymentName: a.AzureDeploymentName, AzureOpenAIEndpoint: a.AzureOpenAIEndpoint, AzureOpenAIVersion: a.AzureOpenAIVersion,
		}
	}
	if b := pp.BedrockOptions; b != nil {
		prov.BedrockOptions = &bedrockOptionsJSON{UseConverseEndpoint: b.UseConverseEndpoint}
	}
	if h := pp.AnthropicHeaders; h != nil {
		prov.AnthropicHeaders = &anthropicHeadersJSON{AnthropicBeta: listOrNil(h.AnthropicBeta)}
	}
	out := &templateConfigJSON{
		Name:                          t.Name,
		Template:                      t.Template,
		IncludeExplanations:           t.IncludeExplanations,
		UseFunctionCallingIfAvailable: t.UseFunctionCallingIfAvailable,
		UseStructuredOutput:           t.UseStructuredOutput,
		ClassificationChoices:         t.ClassificationChoices,
		Direction:                     d.spell(t.Direction),
		LLMConfig: llmConfigJSON{
			AIIntegrationID:      t.LLMConfig.AIIntegrationID,
			ModelName:            t.LLMConfig.ModelName,
			InvocationParameters: inv,
			ProviderParameters:   prov,
		},
	}
	if t.DataGranularity != "" {
		g := d.spell(t.DataGranularity)
		out.DataGranularity = &g
	}
	return out
}

func codeToJSON(c *CodeConfig, d Dialect) *codeConfigJSON {
	out := &codeConfigJSON{
		Type:             d.spell(c.Type),
		Name:             c.Name,
		ManagedEvaluator: d.spell(c.ManagedEvaluator),
		Imports:          clonePtr(c.Imports),
		Variables:        append([]string{}, c.Variables...),
		DataGranularity:  d.spell(c.DataGranularity),
		QueryFilter:      clonePtr(c.QueryFilter),
	}
	if c.Type == codeCustom {
		code := c.Code
		out.Code = &code
	}
	if c.StaticParams != nil {
		params := make([]staticParamJSON, 0, len(c.StaticParams))
		for _, sp := range c.StaticParams {
			var v any = sp.DefaultValue
			if sp.Type == staticParamStringArray {
				v = append([]string{}, sp.DefaultValues...)
			}
			params = append(params, staticParamJSON{Name: sp.Name, Type: sp.Type, DefaultValue: v})
		}
		out.StaticParams = &params
	}
	return out
}

// listOrNil keeps an unset list (nil) out of an answer and an empty one
// in it, as [].
func listOrNil[T any](s []T) *[]T {
	if s == nil {
		return nil
	}
	c := slices.Clone(s)
	return &c
}

// handleEvaluatorList is GET /v2/evaluators: space_id keeps the evaluators
// of one space (404 if it does not exist or the key may not see it),
// space_name those of the spaces whose name contains it (404 if none does),
// name is a case-insensitive substring filter. Evaluators come in creation
// order; those of spaces the key may not see are left out.
func (s *Server) handleEvaluatorList(w http.ResponseWriter, r *http.Request) {
	values, q, p := parsePageQuery(r, []string{"space_id", "space_name", "name"})
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	needle, p := nameFilter(values.Get("name"))
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	spaceID, spaceName := values.Get("space_id"), values.Get("space_name")
	if utf8.RuneCountInString(spaceName) > maxNameChars {
		writeProblem(w, r, badRequest("space_name must be at most %d characters", maxNameChars))
		return
	}
	s.mu.Lock()
	if spaceID != "" && s.spaceAccessLocked(spaceID) != nil {
		s.mu.Unlock()
		writeProblem(w, r, notFound("space_id %q: no such space", spaceID))
		return
	}
	var bySpaceName map[string]bool
	if spaceName != "" {
		bySpaceName = map[string]bool{}
		lower := strings.ToLower(spaceName)
		for _, sp := range s.spaces.all() {
			if !s.forbidden[sp.ID] && strings.Contains(strings.ToLower(sp.Name), lower) {
				bySpaceName[sp.ID] = true
			}
		}
		if len(bySpaceName) == 0 {
			s.mu.Unlock()
			writeProblem(w, r, notFound("space_name %q matches no space", spaceName))
			return
		}
	}
	items, last, more := s.evaluators.page(q.after, q.limit, func(e *Evaluator) bool {
		return !s.forbidden[e.SpaceID] && (spaceID == "" || e.SpaceID == spaceID) &&
			(bySpaceName == nil || bySpaceName[e.SpaceID]) && containsFold(e.Name, needle)
	})
	s.mu.Unlock()
	out := evaluatorListJSON{Evaluators: make([]evaluatorJSON, 0, len(items))}
	for _, e := range items {
		out.Evaluators = append(out.Evaluators, s.evaluatorToJSON(e))
	}
	if more {
		out.Pagination = paginationJSON{HasMore: true, NextCursor: encodeCursor(q, last)}
	}
	writeJSON(w, http.StatusOK, out)
}

// handleEvaluatorCreate is POST /v2/evaluators: 201 with the evaluator and
// its first version.
func (s *Server) handleEvaluatorCreate(w http.ResponseWriter, r *http.Request) {
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	b, p := decodeEvaluatorCreate(fields, s.opts.Dialect)
	if p != nil {
		s.noteRefusal(http.MethodPost, RouteEvaluators, p)
		writeProblem(w, r, p)
		return
	}
	created, p := s.createEvaluator(b.evaluator, b.commitMessage, b.config, true)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	w.Header().Set("Location", RouteEvaluators+"/"+url.PathEscape(created.ID))
	writeJSON(w, http.StatusCreated, s.evaluatorToJSON(created))
}

// handleEvaluatorGet is GET /v2/evaluators/{id}: the evaluator with its
// latest version, or with the version ?version_id= names (404 if that is
// not one of its versions).
func (s *Server) handleEvaluatorGet(w http.ResponseWriter, r *http.Request, id string) {
	values := r.URL.Query()
	for _, k := range slices.Sorted(maps.Keys(values)) {
		if k != "version_id" {
			writeProblem(w, r, badRequest("unknown query parameter %q", k))
			return
		}
	}
	if p := s.evaluatorAccess(id); p != nil {
		writeProblem(w, r, p)
		return
	}
	e, ok := s.getEvaluator(id)
	if !ok {
		writeProblem(w, r, evaluatorNotFound(id))
		return
	}
	if vid := values.Get("version_id"); vid != "" {
		v, ok := s.version(vid)
		if !ok || v.EvaluatorID != id {
			writeProblem(w, r, notFound("version_id %q: no such version of evaluator %q", vid, id))
			return
		}
		e.Version = &v
	}
	writeJSON(w, http.StatusOK, s.evaluatorToJSON(e))
}

// handleEvaluatorUpdate is PATCH /v2/evaluators/{id}: name and description
// only (null or "" clears the description), answered without a version. An
// unknown or forbidden evaluator is answered before the body is looked at.
func (s *Server) handleEvaluatorUpdate(w http.ResponseWriter, r *http.Request, id string) {
	if p := s.evaluatorAccess(id); p != nil {
		writeProblem(w, r, p)
		return
	}
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	if len(fields) == 0 {
		writeProblem(w, r, badRequest("request body must set at least one of name and description"))
		return
	}
	b, p := decodeNamed(fields, evaluatorUpdateFields)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	updated, p := s.updateEvaluator(id, func(e *Evaluator) { b.applyTo(&e.Name, &e.Description) })
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	writeJSON(w, http.StatusOK, s.evaluatorToJSON(updated))
}

// handleEvaluatorDelete is DELETE /v2/evaluators/{id}: 204, and all its
// versions go.
func (s *Server) handleEvaluatorDelete(w http.ResponseWriter, r *http.Request, id string) {
	if p := s.evaluatorAccess(id); p != nil {
		writeProblem(w, r, p)
		return
	}
	if !s.removeEvaluator(id) {
		writeProblem(w, r, evaluatorNotFound(id))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleEvaluatorVersionList is GET /v2/evaluators/{id}/versions: newest
// first, limit and cursor only.
func (s *Server) handleEvaluatorVersionList(w http.ResponseWriter, r *http.Request, id string) {
	_, q, p := parseScopedPageQuery(r, nil, id)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	if p := s.evaluatorAccess(id); p != nil {
		writeProblem(w, r, p)
		return
	}
	items, last, more := s.versionPage(id, q.after, q.limit)
	out := evaluatorVersionListJSON{EvaluatorVersions: make([]evaluatorVersionJSON, 0, len(items))}
	for _, v := range items {
		out.EvaluatorVersions = append(out.EvaluatorVersions, s.versionToJSON(v))
	}
	if more {
		out.Pagination = paginationJSON{HasMore: true, NextCursor: encodeCursor(q, last)}
	}
	writeJSON(w, http.StatusOK, out)
}

// handleEvaluatorVersionCreate is POST /v2/evaluators/{id}/versions: 201
// with the new version, the latest at once. An unknown or forbidden
// evaluator is answered before the body is looked at.
func (s *Server) handleEvaluatorVersionCreate(w http.ResponseWriter, r *http.Request, id string) {
	if p := s.evaluatorAccess(id); p != nil {
		writeProblem(w, r, p)
		return
	}
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	msg, config, p := decodeVersionCreate(fields, s.opts.Dialect)
	if p != nil {
		s.noteRefusal(http.MethodPost, RouteEvaluatorVersions, p)
		writeProblem(w, r, p)
		return
	}
	v, p := s.appendVersion(id, msg, config, false)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	w.Header().Set("Location", "/v2/evaluator-versions/"+url.PathEscape(v.ID))
	writeJSON(w, http.StatusCreated, s.versionToJSON(v))
}

// handleEvaluatorVersionGet is GET /v2/evaluator-versions/{id}.
func (s *Server) handleEvaluatorVersionGet(w http.ResponseWriter, r *http.Request, id string) {
	v, ok := s.version(id)
	if !ok {
		writeProblem(w, r, evaluatorVersionNotFound(id))
		return
	}
	if p := s.evaluatorAccess(v.EvaluatorID); p != nil {
		writeProblem(w, r, p)
		return
	}
	writeJSON(w, http.StatusOK, s.versionToJSON(v))
}
