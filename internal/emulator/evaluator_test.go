package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

const evaluators = "/v2/evaluators"

func evaluatorPath(id string) string { return evaluators + "/" + url.PathEscape(id) }
func versionsPath(id string) string  { return evaluatorPath(id) + "/versions" }
func versionPath(id string) string   { return "/v2/evaluator-versions/" + url.PathEscape(id) }
func commitHashOK(hash string) bool  { return regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(hash) }
func asMap(v any) map[string]any     { m, _ := v.(map[string]any); return m }

// evalWorld is an organization, a space in it and an AI integration, for
// evaluators to live in and call.
type evalWorld struct {
	org, space, integration string
}

func newEvalWorld(e *env) evalWorld {
	e.t.Helper()
	w := evalWorld{org: e.createOrg("org")}
	w.space = e.createSpace(w.org, "space")
	in, err := e.srv.Put(Integration{Name: "judge-integration", Provider: "OPEN_AI"})
	if err != nil {
		e.t.Fatal(err)
	}
	w.integration = in.ID
	return w
}

// judgeConfig is a template_config in today's spelling with only what is
// required.
func judgeConfig(integrationID string) map[string]any {
	return map[string]any{
		"name":                              "hallucination",
		"template":                          "Is {output} supported by {reference}?",
		"include_explanations":              true,
		"use_function_calling_if_available": false,
		"classification_choices":            map[string]any{"factual": 1, "hallucinated": 0},
		"llm_config": map[string]any{
			"ai_integration_id":     integrationID,
			"model_name":            "gpt-4o-mini",
			"invocation_parameters": map[string]any{},
			"provider_parameters":   map[string]any{},
		},
	}
}

// managedConfig is a MANAGED code_config in today's spelling.
func managedConfig() map[string]any {
	return map[string]any{
		"type":              "MANAGED",
		"name":              "has keywords",
		"managed_evaluator": "CONTAINS_ANY_KEYWORD",
		"variables":         []any{"output"},
		"static_params":     []any{map[string]any{"name": "keywords", "type": "STRING_ARRAY", "default_value": []any{"refund", "cancel"}}},
	}
}

// createBody is a create body for an evaluator of type typ with config as
// its first version's.
func createBody(t *testing.T, space, name, typ string, config map[string]any) string {
	t.Helper()
	key := "template_config"
	if typ == "CODE" || typ == "code" {
		key = "code_config"
	}
	return body(t, map[string]any{
		"space_id": space, "name": name, "type": typ,
		"version": map[string]any{"commit_message": "first", key: config},
	})
}

// createEvaluator POSTs body and fails the test unless it answers 201.
func (e *env) createEvaluator(b string) map[string]any {
	e.t.Helper()
	r := e.do("POST", evaluators, b)
	if r.status != http.StatusCreated {
		e.t.Fatalf("create evaluator: %d %s", r.status, r.body)
	}
	return r.json(e.t)
}

// createJudge creates a TEMPLATE evaluator, type spelt in the server's
// dialect, and returns its id.
func (e *env) createJudge(w evalWorld, name string) string {
	e.t.Helper()
	typ := word(e.srv.Dialect(), "TEMPLATE", "template")
	return e.createEvaluator(createBody(e.t, w.space, name, typ, judgeConfig(w.integration)))["id"].(string)
}

func TestEvaluatorCreateTemplate(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	config := judgeConfig(w.integration)
	config["classification_choices"] = map[string]any{"factual": 1, "hallucinated": 0, "unsure": 0.7}
	config["llm_config"].(map[string]any)["invocation_parameters"] = map[string]any{"temperature": 0.70, "max_tokens": 256}
	b := body(t, map[string]any{
		"space_id": w.space, "name": "Hallucination", "description": "judge", "type": "TEMPLATE",
		"version": map[string]any{"commit_message": "first", "template_config": config},
	})
	r := e.do("POST", evaluators, b)
	if r.status != http.StatusCreated {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	got := r.json(t)
	id, _ := got["id"].(string)
	version := asMap(got["version"])
	vid, _ := version["id"].(string)
	if relaySeq(t, "Evaluator", id) != "1" || relaySeq(t, "EvaluatorVersion", vid) != "1" {
		t.Errorf("ids %s %s", id, vid)
	}
	if !commitHashOK(version["commit_hash"].(string)) {
		t.Errorf("commit_hash %v", version["commit_hash"])
	}
	const at = "2026-02-13T21:27:19.055Z"
	wantConfig := map[string]any{
		"name": "hallucination", "template": "Is {output} supported by {reference}?",
		"include_explanations": true, "use_function_calling_if_available": false,
		// The API's defaults are stored and read back.
		"use_structured_output": true, "direction": "MAXIMIZE", "data_granularity": "SPAN",
		"classification_choices": map[string]any{"factual": 1.0, "hallucinated": 0.0, "unsure": 0.7},
		"llm_config": map[string]any{
			"ai_integration_id": w.integration, "model_name": "gpt-4o-mini",
			"invocation_parameters": map[string]any{"temperature": 0.7, "max_tokens": 256.0},
			"provider_parameters":   map[string]any{},
		},
	}
	want := map[string]any{
		"id": id, "name": "Hallucination", "description": "judge", "type": "TEMPLATE", "space_id": w.space,
		"created_at": at, "updated_at": at, "created_by_user_id": defaultUserID,
		"version": map[string]any{
			"id": vid, "evaluator_id": id, "commit_hash": version["commit_hash"], "commit_message": "first",
			"created_at": at, "created_by_user_id": defaultUserID, "type": "TEMPLATE", "template_config": wantConfig,
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("created\n got %v\nwant %v", got, want)
	}
	if !strings.Contains(string(r.body), `"temperature":0.7,`) || !strings.Contains(string(r.body), `"unsure":0.7`) {
		t.Errorf("numbers are not echoed as sent: %s", r.body)
	}
	if loc := r.header.Get("Location"); loc != evaluatorPath(id) {
		t.Errorf("Location %q", loc)
	}
	if g := e.do("GET", evaluatorPath(id), ""); g.status != 200 || !reflect.DeepEqual(g.json(t), got) {
		t.Errorf("GET: %d %s", g.status, g.body)
	}
	// Without a description it is left out.
	plain := e.createEvaluator(createBody(t, w.space, "plain", "TEMPLATE", judgeConfig(w.integration)))
	if _, ok := plain["description"]; ok {
		t.Errorf("an unset description is answered: %v", plain)
	}
	stored, ok := e.srv.Evaluator(id)
	if !ok || stored.Type != "TEMPLATE" || stored.Version == nil || stored.Version.Config.Template.Direction != "MAXIMIZE" ||
		*stored.Version.Config.Template.UseStructuredOutput != true || stored.Version.Config.Template.DataGranularity != "SPAN" {
		t.Errorf("Evaluator(%q) = %+v %v", id, stored, ok)
	}
}

// TestEvaluatorCreateEverything sends every member of a template
// configuration, and reads each back as sent.
func TestEvaluatorCreateEverything(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	config := `{"name":"tone (1) & style-2","template":"{{input}}","include_explanations":false,` +
		`"use_function_calling_if_available":true,"use_structured_output":false,"classification_choices":{"a":-1.5,"b":1e3},` +
		`"direction":"MINIMIZE","data_granularity":"SESSION","llm_config":{"ai_integration_id":"` + w.integration + `","model_name":"claude",` +
		`"invocation_parameters":{"temperature":0,"max_tokens":10,"max_completion_tokens":20,"top_p":0.9,"top_k":40,` +
		`"frequency_penalty":-2,"presence_penalty":2,"stop":[],"reasoning_effort":"high","verbosity":"low","thinking_level":"high",` +
		`"thinking_budget":1024,"response_format":{"type":"JSON_SCHEMA","json_schema":{"name":"s","description":"d",` +
		`"schema":{"type":"object", "properties":{"x":{"type":"string"}}},"strict":true}},` +
		`"tool_config":{"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"auto"}},` +
		`"provider_parameters":{"azure_params":{"azure_deployment_name":"dep","azure_openai_endpoint":"https://x","azure_openai_version":"v"},` +
		`"anthropic_headers":{"anthropic_beta":["b1"]},"anthropic_version":"2023-06-01","bedrock_options":{"use_converse_endpoint":true},"region":"eu"}}}`
	r := e.do("POST", evaluators, `{"space_id":"`+w.space+`","name":"all","type":"TEMPLATE","version":{"commit_message":"","template_config":`+config+`}}`)
	if r.status != http.StatusCreated {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	var answer struct {
		Version struct {
			CommitMessage  *string         `json:"commit_message"`
			TemplateConfig json.RawMessage `json:"template_config"`
		} `json:"version"`
	}
	if err := json.Unmarshal(r.body, &answer); err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(config, `"object", "properties"`, `"object","properties"`) // compacted
	want = strings.Replace(want, `"b":1e3`, `"b":1000`, 1)                                // Go's encoding of 1e3
	if got := string(answer.Version.TemplateConfig); !jsonEqual(t, got, want) {
		t.Errorf("template_config\n got %s\nwant %s", got, want)
	}
	if answer.Version.CommitMessage == nil || *answer.Version.CommitMessage != "" {
		t.Errorf("an empty commit_message reads %v", answer.Version.CommitMessage)
	}
}

// jsonEqual compares two JSON texts as values.
func jsonEqual(t *testing.T, a, b string) bool {
	t.Helper()
	var va, vb any
	if err := json.Unmarshal([]byte(a), &va); err != nil {
		t.Fatalf("%v: %s", err, a)
	}
	if err := json.Unmarshal([]byte(b), &vb); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	return reflect.DeepEqual(va, vb)
}

func TestEvaluatorCreateCode(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	got := e.createEvaluator(createBody(t, w.space, "keywords", "CODE", managedConfig()))
	wantConfig := map[string]any{
		"type": "MANAGED", "name": "has keywords", "managed_evaluator": "CONTAINS_ANY_KEYWORD", "variables": []any{"output"},
		"static_params": []any{map[string]any{"name": "keywords", "type": "STRING_ARRAY", "default_value": []any{"refund", "cancel"}}},
	}
	if v := asMap(got["version"]); got["type"] != "CODE" || v["type"] != "CODE" || !reflect.DeepEqual(v["code_config"], wantConfig) {
		t.Errorf("managed: no defaults are filled in for code\n got %v\nwant %v", v["code_config"], wantConfig)
	}
	custom := map[string]any{
		"type": "CUSTOM", "name": "len_check", "code": "class E: pass", "imports": "import re", "variables": []any{},
		"static_params":    []any{map[string]any{"name": "p", "type": "REGEX", "default_value": "^a"}, map[string]any{"name": "q", "type": "STRING", "default_value": ""}},
		"data_granularity": "TRACE", "query_filter": "x = 1",
	}
	got = e.createEvaluator(createBody(t, w.space, "custom", "CODE", custom))
	if v := asMap(got["version"]); !reflect.DeepEqual(v["code_config"], custom) {
		t.Errorf("custom\n got %v\nwant %v", v["code_config"], custom)
	}
	if _, ok := asMap(got["version"])["template_config"]; ok {
		t.Error("a CODE version carries template_config")
	}
}

func TestEvaluatorCreateErrors(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	private := e.createSpace(w.org, "private")
	e.srv.ForbidSpace(private, true)
	with := func(mutate func(c map[string]any)) string {
		c := judgeConfig(w.integration)
		mutate(c)
		return createBody(t, w.space, "judge", "TEMPLATE", c)
	}
	llm := func(mutate func(l map[string]any)) string {
		return with(func(c map[string]any) { mutate(c["llm_config"].(map[string]any)) })
	}
	inv := func(k string, v any) string {
		return llm(func(l map[string]any) { l["invocation_parameters"] = map[string]any{k: v} })
	}
	code := func(mutate func(c map[string]any)) string {
		c := managedConfig()
		mutate(c)
		return createBody(t, w.space, "code", "CODE", c)
	}
	good := judgeConfig(w.integration)
	goodJSON := body(t, good)
	tests := []struct {
		name, body string
		status     int
		code       string
		detail     string
	}{
		{"unknown field", `{"space_id":"` + w.space + `","name":"a","type":"TEMPLATE","tags":[]}`, 400, CodeInvalidRequest, `"tags"`},
		{"id", `{"id":"x"}`, 400, CodeInvalidRequest, "id is set by the server"},
		{"created_by_user_id", `{"created_by_user_id":"x"}`, 400, CodeInvalidRequest, "created_by_user_id is set by the server"},
		{"name type", `{"space_id":"` + w.space + `","name":5}`, 400, CodeInvalidRequest, "name must be a string"},
		{"version type", `{"space_id":"` + w.space + `","name":"a","type":"TEMPLATE","version":"v1"}`, 400, CodeInvalidRequest, "version must be an object"},
		{"unknown version field", `{"space_id":"` + w.space + `","name":"a","type":"TEMPLATE","version":{"commit_message":"m","type":"TEMPLATE"}}`, 400, CodeInvalidRequest, `"version.type"`},
		{"unknown config field", with(func(c map[string]any) { c["format"] = "x" }), 400, CodeInvalidRequest, `"version.template_config.format"`},
		{"include_explanations type", with(func(c map[string]any) { c["include_explanations"] = "yes" }), 400, CodeInvalidRequest, "include_explanations must be a boolean"},
		{"choices type", with(func(c map[string]any) { c["classification_choices"] = []any{"a"} }), 400, CodeInvalidRequest, "classification_choices must be an object"},
		{"choice value type", with(func(c map[string]any) { c["classification_choices"] = map[string]any{"a": "1"} }), 400, CodeInvalidRequest, "classification_choices.a must be a number"},
		{"unknown invocation parameter", inv("seed", 1), 400, CodeInvalidRequest, `"version.template_config.llm_config.invocation_parameters.seed"`},
		{"max_tokens not an integer", inv("max_tokens", 1.5), 400, CodeInvalidRequest, "max_tokens must be an integer"},
		{"temperature type", inv("temperature", "hot"), 400, CodeInvalidRequest, "temperature must be a number"},
		{"stop type", inv("stop", "x"), 400, CodeInvalidRequest, "stop must be an array of strings"},
		{"schema not an object", inv("response_format", map[string]any{"json_schema": map[string]any{"schema": "s"}}), 400, CodeInvalidRequest, "schema must be an object"},
		{"tool not an object", inv("tool_config", map[string]any{"tools": []any{"f"}}), 400, CodeInvalidRequest, "tools[0] must be an object"},
		{"unknown provider parameter", llm(func(l map[string]any) { l["provider_parameters"] = map[string]any{"api_version": "x"} }), 400, CodeInvalidRequest, `"version.template_config.llm_config.provider_parameters.api_version"`},
		{"MANAGED with code", code(func(c map[string]any) { c["code"] = "x" }), 400, CodeInvalidRequest, `unknown field "version.code_config.code" in a code_config of type MANAGED`},
		{"CUSTOM with managed_evaluator", code(func(c map[string]any) { c["type"] = "CUSTOM"; c["code"] = "x" }), 400, CodeInvalidRequest, `"version.code_config.managed_evaluator" in a code_config of type CUSTOM`},
		{"STRING_ARRAY with a string", code(func(c map[string]any) {
			c["static_params"] = []any{map[string]any{"name": "k", "type": "STRING_ARRAY", "default_value": "a"}}
		}), 400, CodeInvalidRequest, "default_value must be an array of strings for type STRING_ARRAY"},
		{"STRING with a list", code(func(c map[string]any) {
			c["static_params"] = []any{map[string]any{"name": "k", "type": "STRING", "default_value": []any{"a"}}}
		}), 400, CodeInvalidRequest, "default_value must be a string for type STRING"},
		{"variables type", code(func(c map[string]any) { c["variables"] = "output" }), 400, CodeInvalidRequest, "variables must be an array of strings"},

		{"space_id missing", `{"name":"a","type":"TEMPLATE","version":{"commit_message":"m","template_config":` + goodJSON + `}}`, 422, CodeValidationError, "space_id is required"},
		{"name missing", `{"space_id":"` + w.space + `","type":"TEMPLATE","version":{"commit_message":"m","template_config":` + goodJSON + `}}`, 422, CodeValidationError, "name is required"},
		{"name blank", createBody(t, w.space, " ", "TEMPLATE", good), 422, CodeValidationError, "name is required and must not be blank"},
		{"description null", `{"space_id":"` + w.space + `","name":"a","description":null,"type":"TEMPLATE","version":{"commit_message":"m","template_config":` + goodJSON + `}}`, 422, CodeValidationError, "description must not be null"},
		{"type missing", `{"space_id":"` + w.space + `","name":"a","version":{"commit_message":"m","template_config":` + goodJSON + `}}`, 422, CodeValidationError, "type is required"},
		{"type unknown", createBody(t, w.space, "a", "LLM", good), 422, CodeValidationError, "type must be one of TEMPLATE, CODE"},
		{"type HARNESS", createBody(t, w.space, "a", "HARNESS", good), 422, CodeValidationError, "type HARNESS cannot be created"},
		{"type REMOTE", createBody(t, w.space, "a", "REMOTE", good), 422, CodeValidationError, "type REMOTE cannot be created"},
		{"version missing", `{"space_id":"` + w.space + `","name":"a","type":"TEMPLATE"}`, 422, CodeValidationError, "version is required"},
		{"commit_message missing", `{"space_id":"` + w.space + `","name":"a","type":"TEMPLATE","version":{"template_config":` + goodJSON + `}}`, 422, CodeValidationError, "version.commit_message is required"},
		{"commit_message null", `{"space_id":"` + w.space + `","name":"a","type":"TEMPLATE","version":{"commit_message":null,"template_config":` + goodJSON + `}}`, 422, CodeValidationError, "version.commit_message must not be null"},
		{"no configuration", `{"space_id":"` + w.space + `","name":"a","type":"TEMPLATE","version":{"commit_message":"m"}}`, 422, CodeValidationError, "version.template_config is required for type TEMPLATE"},
		{"TEMPLATE with code_config", body(t, map[string]any{
			"space_id": w.space, "name": "a", "type": "TEMPLATE", "version": map[string]any{"commit_message": "m", "code_config": managedConfig()},
		}), 422, CodeValidationError, "version.code_config does not match type TEMPLATE"},
		{"CODE with template_config", body(t, map[string]any{
			"space_id": w.space, "name": "a", "type": "CODE", "version": map[string]any{"commit_message": "m", "template_config": good},
		}), 422, CodeValidationError, "version.template_config does not match type CODE"},
		{"both configurations", body(t, map[string]any{
			"space_id": w.space, "name": "a", "type": "TEMPLATE", "version": map[string]any{"commit_message": "m", "template_config": good, "code_config": managedConfig()},
		}), 422, CodeValidationError, "not both"},
		{"eval column name", with(func(c map[string]any) { c["name"] = "a/b" }), 422, CodeValidationError, "version.template_config.name (the eval column name) must match"},
		{"eval column name empty", with(func(c map[string]any) { c["name"] = "" }), 422, CodeValidationError, "version.template_config.name"},
		{"template missing", with(func(c map[string]any) { delete(c, "template") }), 422, CodeValidationError, "version.template_config.template is required"},
		{"template empty", with(func(c map[string]any) { c["template"] = "" }), 422, CodeValidationError, "version.template_config.template is required and must not be empty"},
		{"include_explanations missing", with(func(c map[string]any) { delete(c, "include_explanations") }), 422, CodeValidationError, "include_explanations is required"},
		{"use_function_calling_if_available missing", with(func(c map[string]any) { delete(c, "use_function_calling_if_available") }), 422, CodeValidationError, "use_function_calling_if_available is required"},
		{"choices missing", with(func(c map[string]any) { delete(c, "classification_choices") }), 422, CodeValidationError, "classification_choices is required"},
		{"choices null", with(func(c map[string]any) { c["classification_choices"] = nil }), 422, CodeValidationError, "classification_choices must not be null"},
		{"choices empty", with(func(c map[string]any) { c["classification_choices"] = map[string]any{} }), 422, CodeValidationError, "non-empty"},
		{"direction", with(func(c map[string]any) { c["direction"] = "UP" }), 422, CodeValidationError, "version.template_config.direction must be one of MAXIMIZE, MINIMIZE, NONE"},
		{"data_granularity", with(func(c map[string]any) { c["data_granularity"] = "SPANS" }), 422, CodeValidationError, "data_granularity must be one of SPAN, TRACE, SESSION"},
		{"llm_config missing", with(func(c map[string]any) { delete(c, "llm_config") }), 422, CodeValidationError, "version.template_config.llm_config is required"},
		{"ai_integration_id missing", llm(func(l map[string]any) { delete(l, "ai_integration_id") }), 422, CodeValidationError, "llm_config.ai_integration_id is required"},
		{"ai_integration_id unknown", llm(func(l map[string]any) { l["ai_integration_id"] = "TGxtSW50ZWdyYXRpb246OTk6YUJjRA==" }), 422, CodeValidationError,
			`version.template_config.llm_config.ai_integration_id: AI integration "TGxtSW50ZWdyYXRpb246OTk6YUJjRA==" not found`},
		{"model_name blank", llm(func(l map[string]any) { l["model_name"] = " " }), 422, CodeValidationError, "llm_config.model_name is required and must not be blank"},
		{"invocation_parameters missing", llm(func(l map[string]any) { delete(l, "invocation_parameters") }), 422, CodeValidationError, "llm_config.invocation_parameters is required"},
		{"provider_parameters missing", llm(func(l map[string]any) { delete(l, "provider_parameters") }), 422, CodeValidationError, "llm_config.provider_parameters is required"},
		{"response_format type", inv("response_format", map[string]any{"type": "XML"}), 422, CodeValidationError, "response_format.type must be one of TEXT, JSON_OBJECT, JSON_SCHEMA"},
		{"code type missing", code(func(c map[string]any) { delete(c, "type") }), 422, CodeValidationError, "version.code_config.type is required"},
		{"managed_evaluator", code(func(c map[string]any) { c["managed_evaluator"] = "hallucination" }), 422, CodeValidationError,
			"managed_evaluator must be one of CONTAINS_ALL_KEYWORDS, CONTAINS_ANY_KEYWORD, EXACT_MATCH, JSON_PARSEABLE, MATCHES_REGEX"},
		{"managed_evaluator missing", code(func(c map[string]any) { delete(c, "managed_evaluator") }), 422, CodeValidationError, "managed_evaluator is required"},
		{"custom code missing", code(func(c map[string]any) { c["type"] = "CUSTOM"; delete(c, "managed_evaluator") }), 422, CodeValidationError, "version.code_config.code is required"},
		{"code column name", code(func(c map[string]any) { c["name"] = "a.b" }), 422, CodeValidationError, "version.code_config.name (the eval column name)"},
		{"variables missing", code(func(c map[string]any) { delete(c, "variables") }), 422, CodeValidationError, "version.code_config.variables is required"},
		{"static param type", code(func(c map[string]any) {
			c["static_params"] = []any{map[string]any{"name": "k", "type": "string", "default_value": "a"}}
		}), 422, CodeValidationError, "static_params[0].type must be one of STRING, STRING_ARRAY, REGEX"},
		{"static param name", code(func(c map[string]any) {
			c["static_params"] = []any{map[string]any{"type": "STRING", "default_value": "a"}}
		}), 422, CodeValidationError, "static_params[0].name is required"},
		{"code data_granularity", code(func(c map[string]any) { c["data_granularity"] = "ROW" }), 422, CodeValidationError, "version.code_config.data_granularity must be one of"},

		{"space missing", createBody(t, "U3BhY2U6OTk6YWJjZA==", "a", "TEMPLATE", good), 404, CodeNotFound, `space "U3BhY2U6OTk6YWJjZA==" not found`},
		{"space forbidden", createBody(t, private, "a", "TEMPLATE", good), 403, CodeForbidden, "do not have access"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, e.do("POST", evaluators, tt.body), tt.status, tt.code, evaluators, tt.detail)
		})
	}
	if n := len(e.srv.Evaluators()); n != 0 {
		t.Errorf("%d evaluators after refused creates", n)
	}
	if e.srv.RefusedForSpelling() != 0 {
		t.Errorf("RefusedForSpelling %d, want 0", e.srv.RefusedForSpelling())
	}
}

func TestEvaluatorNamesAreUniquePerSpace(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	other := e.createSpace(w.org, "other")
	e.createJudge(w, "judge")
	e.createJudge(w, "Judge") // compared exactly
	r := e.do("POST", evaluators, createBody(t, w.space, "judge", "CODE", managedConfig()))
	wantProblem(t, r, 409, CodeNameConflict, evaluators, `an evaluator named "judge" already exists in the space`)
	id := e.createJudge(evalWorld{space: other, integration: w.integration}, "judge") // another space may use it
	e.createJudge(evalWorld{space: other, integration: w.integration}, "taken")
	wantProblem(t, e.do("PATCH", evaluatorPath(id), `{"name":"taken"}`), 409, CodeNameConflict, "", `"taken"`)
	if r := e.do("PATCH", evaluatorPath(id), `{"name":"Judge"}`); r.status != 200 {
		t.Errorf("rename to a name used only in another space: %d %s", r.status, r.body)
	}
}

func TestEvaluatorPatch(t *testing.T) {
	tests := []struct {
		name    string
		patch   string
		changes map[string]any
		drop    []string
	}{
		{"rename", `{"name":"renamed"}`, map[string]any{"name": "renamed"}, nil},
		{"describe", `{"description":"new"}`, map[string]any{"description": "new"}, nil},
		{"null clears the description", `{"description":null}`, nil, []string{"description"}},
		{"empty clears it too", `{"description":""}`, nil, []string{"description"}},
		{"both", `{"name":"n","description":"d"}`, map[string]any{"name": "n", "description": "d"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			w := newEvalWorld(e)
			before := e.createEvaluator(body(t, map[string]any{
				"space_id": w.space, "name": "judge", "description": "old", "type": "TEMPLATE",
				"version": map[string]any{"commit_message": "m", "template_config": judgeConfig(w.integration)},
			}))
			id := before["id"].(string)
			e.clock.Advance(1500 * time.Millisecond)
			r := e.do("PATCH", evaluatorPath(id), tt.patch)
			if r.status != http.StatusOK {
				t.Fatalf("PATCH: %d %s", r.status, r.body)
			}
			want := map[string]any{}
			for k, v := range before {
				want[k] = v
			}
			delete(want, "version") // PATCH answers the Evaluator alone
			for k, v := range tt.changes {
				want[k] = v
			}
			for _, k := range tt.drop {
				delete(want, k)
			}
			got := r.json(t)
			if got["updated_at"] == before["updated_at"] {
				t.Error("updated_at did not move")
			}
			want["updated_at"] = got["updated_at"]
			if !reflect.DeepEqual(got, want) {
				t.Errorf("after PATCH\n got %v\nwant %v", got, want)
			}
			g := e.do("GET", evaluatorPath(id), "").json(t)
			if !reflect.DeepEqual(g["version"], before["version"]) {
				t.Error("a PATCH changed the version")
			}
		})
	}
}

func TestEvaluatorPatchErrors(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	id := e.createJudge(w, "judge")
	before, _ := e.srv.Evaluator(id)
	private := e.createSpace(w.org, "private")
	hidden := e.createJudge(evalWorld{space: private, integration: w.integration}, "hidden")
	e.srv.ForbidSpace(private, true)
	tests := []struct {
		name, path, body string
		status           int
		code             string
		detail           string
	}{
		{"empty object", evaluatorPath(id), `{}`, 400, CodeInvalidRequest, "at least one of name and description"},
		{"space_id cannot move it", evaluatorPath(id), `{"space_id":"` + w.space + `"}`, 400, CodeInvalidRequest, `unknown field "space_id"`},
		{"type cannot change", evaluatorPath(id), `{"type":"CODE"}`, 400, CodeInvalidRequest, `unknown field "type"`},
		{"version cannot change", evaluatorPath(id), `{"version":{}}`, 400, CodeInvalidRequest, `unknown field "version"`},
		{"id", evaluatorPath(id), `{"id":"x"}`, 400, CodeInvalidRequest, "id is set by the server"},
		{"name type", evaluatorPath(id), `{"name":1}`, 400, CodeInvalidRequest, "name must be a string"},
		{"name null", evaluatorPath(id), `{"name":null}`, 422, CodeValidationError, "name must not be null"},
		{"name blank", evaluatorPath(id), `{"name":"  "}`, 422, CodeValidationError, "name must not be blank"},
		{"unknown id", evaluatorPath("RXZhbHVhdG9yOjk6YWJjZA=="), `{"name":"x"}`, 404, CodeNotFound, "not found"},
		{"forbidden", evaluatorPath(hidden), `{"name":"x"}`, 403, CodeForbidden, "do not have access"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, e.do("PATCH", tt.path, tt.body), tt.status, tt.code, "", tt.detail)
			if after, _ := e.srv.Evaluator(id); !reflect.DeepEqual(after, before) {
				t.Errorf("changed by a failed PATCH: %+v", after)
			}
		})
	}
}

func TestEvaluatorDelete(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	id := e.createJudge(w, "judge")
	v2 := e.do("POST", versionsPath(id), body(t, map[string]any{"commit_message": "2", "template_config": judgeConfig(w.integration)})).json(t)
	if r := e.do("DELETE", evaluatorPath(id), ""); r.status != http.StatusNoContent || len(r.body) != 0 {
		t.Fatalf("DELETE: %d %s", r.status, r.body)
	}
	wantProblem(t, e.do("GET", evaluatorPath(id), ""), 404, CodeNotFound, "", "not found")
	wantProblem(t, e.do("DELETE", evaluatorPath(id), ""), 404, CodeNotFound, "", "not found")
	wantProblem(t, e.do("GET", versionPath(v2["id"].(string)), ""), 404, CodeNotFound, "", "not found")
	wantProblem(t, e.do("GET", versionsPath(id), ""), 404, CodeNotFound, "", "not found")
	if len(e.srv.EvaluatorVersions(id)) != 0 {
		t.Error("its versions survived")
	}
	// Its name is free again, and the hook deletes too.
	again := e.createJudge(w, "judge")
	if !e.srv.RemoveEvaluator(again) || e.srv.RemoveEvaluator(again) {
		t.Error("RemoveEvaluator should report true then false")
	}
}

// TestEvaluatorGetForbidden: an evaluator of a space the key may not see
// answers 403 as its space does, and is left out of lists.
func TestEvaluatorGetForbidden(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	id := e.createJudge(w, "judge")
	vid := e.do("GET", evaluatorPath(id), "").json(t)["version"].(map[string]any)["id"].(string)
	e.srv.ForbidSpace(w.space, true)
	for _, req := range []struct{ method, path, body string }{
		{"GET", evaluatorPath(id), ""},
		{"DELETE", evaluatorPath(id), ""},
		{"GET", versionsPath(id), ""},
		{"POST", versionsPath(id), `{}`}, // before the body is looked at
		{"GET", versionPath(vid), ""},
	} {
		wantProblem(t, e.do(req.method, req.path, req.body), 403, CodeForbidden, "", "do not have access")
	}
	if got := e.listEvaluators(""); len(got.Evaluators) != 0 {
		t.Errorf("list shows %v", got.Evaluators)
	}
	wantProblem(t, e.do("GET", evaluators+"?space_id="+url.QueryEscape(w.space), ""), 404, CodeNotFound, evaluators, "space_id")
	if _, ok := e.srv.Evaluator(id); !ok {
		t.Fatal("a forbidden DELETE deleted it")
	}
}
