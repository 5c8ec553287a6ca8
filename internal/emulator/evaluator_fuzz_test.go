package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

// evaluatorFuzzSetup is a server of dialect d with a TEMPLATE and a CODE
// evaluator (the returned ids) and the AI integration the TEMPLATE one
// calls.
func evaluatorFuzzSetup(t *testing.T, d Dialect) (s *Server, template, code, integration string) {
	t.Helper()
	s, _, space := tenancySetup(t, d)
	in, err := s.Put(Integration{Name: "judge", Provider: "OPEN_AI"})
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := s.PutEvaluator(space, "t", "", EvaluatorConfig{Template: hookJudge(in.ID)})
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.PutEvaluator(space, "c", "", EvaluatorConfig{Code: &CodeConfig{Type: "CUSTOM", Name: "c", Code: "x"}})
	if err != nil {
		t.Fatal(err)
	}
	return s, tmpl.ID, c.ID, in.ID
}

// FuzzEvaluatorVersion sends arbitrary version bodies (with $AI standing
// for the AI integration's id) to a TEMPLATE and a CODE evaluator in each
// dialect: every answer is a 201 or a problem, a refused one makes no
// version, and the configuration a 201 answers, sent back, is taken again
// and answered byte for byte the same: what the server echoes it accepts.
func FuzzEvaluatorVersion(f *testing.F) {
	for _, seed := range []string{
		`{"commit_message":"m","template_config":{"name":"a b","template":"t","include_explanations":true,"use_function_calling_if_available":false,` +
			`"classification_choices":{"x":0.1,"y":-3e-7},"llm_config":{"ai_integration_id":"$AI","model_name":"m","invocation_parameters":{},"provider_parameters":{}}}}`,
		`{"commit_message":"m","template_config":{"name":"a","template":"t","include_explanations":false,"use_function_calling_if_available":true,` +
			`"use_structured_output":false,"classification_choices":{"x":1},"direction":"none","data_granularity":"TRACE",` +
			`"llm_config":{"ai_integration_id":"$AI","model_name":"m","invocation_parameters":{"temperature":0.7,"stop":[],` +
			`"response_format":{"type":"json_schema","json_schema":{"schema":{"a":[1,{"b":null}]},"strict":false}},` +
			`"tool_config":{"tools":[],"tool_choice":{"type":"none"}}},"provider_parameters":{"anthropic_headers":{"anthropic_beta":[]},"bedrock_options":{}}}}}`,
		`{"commit_message":"m","code_config":{"type":"MANAGED","name":"k","managed_evaluator":"MatchesRegex","variables":["a"],` +
			`"static_params":[{"name":"r","type":"REGEX","default_value":"^x"},{"name":"l","type":"STRING_ARRAY","default_value":[]}]}}`,
		`{"commit_message":"m","code_config":{"type":"custom","name":"k","code":"c","imports":"","variables":[],"data_granularity":null,"query_filter":""}}`,
		`{"commit_message":null,"code_config":{"type":"CUSTOM"}}`,
		`{"template_config":[],"code_config":{}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, d := range dialects {
			s, template, code, integration := evaluatorFuzzSetup(t, d)
			sent := bytes.ReplaceAll(body, []byte("$AI"), []byte(integration))
			for _, id := range []string{template, code} {
				path := RouteEvaluators + "/" + url.PathEscape(id) + "/versions"
				rec := call(s, "POST", path, "", sent)
				checkAnswer(t, rec, http.StatusCreated, 400, 413, 422)
				if rec.Code != http.StatusCreated {
					if n := len(s.EvaluatorVersions(id)); n != 1 {
						t.Fatalf("a refused version (%d) was made: %d versions", rec.Code, n)
					}
					continue
				}
				var got map[string]json.RawMessage
				if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
					t.Fatal(err)
				}
				key := "template_config"
				if _, ok := got[key]; !ok {
					key = "code_config"
				}
				again, _ := json.Marshal(map[string]any{"commit_message": "again", key: got[key]})
				rec = call(s, "POST", path, "", again)
				if rec.Code != http.StatusCreated {
					t.Fatalf("%s: the answered %s sent back: %d %s", d, got[key], rec.Code, rec.Body)
				}
				var second map[string]json.RawMessage
				_ = json.Unmarshal(rec.Body.Bytes(), &second)
				if !bytes.Equal(second[key], got[key]) {
					t.Fatalf("%s: sent back\n%s\nanswered\n%s", d, got[key], second[key])
				}
			}
		}
	})
}

// FuzzEvaluatorCreate sends arbitrary create bodies (with $AI and $SPACE
// standing for the integration's and the space's ids): every answer is a
// 201 or a problem, and a refused one makes nothing.
func FuzzEvaluatorCreate(f *testing.F) {
	for _, seed := range []string{
		`{"space_id":"$SPACE","name":"n","type":"CODE","version":{"commit_message":"m","code_config":{"type":"MANAGED","name":"k","managed_evaluator":"EXACT_MATCH","variables":[]}}}`,
		`{"space_id":"$SPACE","name":"n","description":"d","type":"template","version":{"commit_message":"m","template_config":{}}}`,
		`{"space_id":"nope","name":"n","type":"CODE"}`,
		`{"id":"x"}`,
		`{"space_id":"$SPACE","name":"t","type":"TEMPLATE","version":{"commit_message":"m"}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, d := range dialects {
			s, template, _, integration := evaluatorFuzzSetup(t, d)
			ev, _ := s.Evaluator(template)
			sent := bytes.ReplaceAll(bytes.ReplaceAll(body, []byte("$AI"), []byte(integration)), []byte("$SPACE"), []byte(ev.SpaceID))
			rec := call(s, "POST", RouteEvaluators, "", sent)
			checkAnswer(t, rec, http.StatusCreated, 400, 404, 409, 413, 422)
			if n := len(s.Evaluators()); rec.Code != http.StatusCreated && n != 2 {
				t.Fatalf("a refused create (%d) made an evaluator", rec.Code)
			}
		}
	})
}
