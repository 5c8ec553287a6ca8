package emulator

import (
	"net/http"
	"reflect"
	"testing"
)

// The evaluator spellings of CONTRACT.md's table, written out here
// independently of dialect.go.
var testEvaluatorSpellings = map[string][]struct{ today, published string }{
	"type":              {{"TEMPLATE", "template"}, {"CODE", "code"}},
	"direction":         {{"MAXIMIZE", "maximize"}, {"MINIMIZE", "minimize"}, {"NONE", "none"}},
	"data_granularity":  {{"SPAN", "span"}, {"TRACE", "trace"}, {"SESSION", "session"}},
	"code_config.type":  {{"MANAGED", "managed"}, {"CUSTOM", "custom"}},
	"managed_evaluator": {{"CONTAINS_ALL_KEYWORDS", "ContainsAllKeywords"}, {"CONTAINS_ANY_KEYWORD", "ContainsAnyKeyword"}, {"EXACT_MATCH", "ExactMatch"}, {"JSON_PARSEABLE", "JSONParseable"}, {"MATCHES_REGEX", "MatchesRegex"}},
	"response_format":   {{"TEXT", "text"}, {"JSON_OBJECT", "json_object"}, {"JSON_SCHEMA", "json_schema"}},
}

// spelt picks one value's spelling in d from the table above.
func spelt(d Dialect, enum, today string) string {
	for _, p := range testEvaluatorSpellings[enum] {
		if p.today == today {
			return word(d, p.today, p.published)
		}
	}
	panic(enum + " " + today)
}

// spellingJudge is a template configuration with every enum set, in d's
// spelling.
func spellingJudge(d Dialect, integrationID, direction, granularity, format string) map[string]any {
	c := judgeConfig(integrationID)
	c["direction"] = spelt(d, "direction", direction)
	c["data_granularity"] = spelt(d, "data_granularity", granularity)
	c["llm_config"].(map[string]any)["invocation_parameters"] = map[string]any{"response_format": map[string]any{"type": spelt(d, "response_format", format)}}
	return c
}

func spellingCode(d Dialect, managed, granularity string) map[string]any {
	return map[string]any{
		"type": spelt(d, "code_config.type", "MANAGED"), "name": "c", "managed_evaluator": spelt(d, "managed_evaluator", managed),
		"variables": []any{"output"}, "data_granularity": spelt(d, "data_granularity", granularity),
	}
}

func TestEvaluatorsInEachDialect(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			e := dialectEnv(t, d)
			w := newEvalWorld(e)
			// Every value of the template enums, in the dialect's spelling,
			// answered in it and stored in today's.
			for i, dir := range testEvaluatorSpellings["direction"] {
				g := testEvaluatorSpellings["data_granularity"][i]
				f := testEvaluatorSpellings["response_format"][i]
				name := "judge " + dir.today
				got := e.createEvaluator(createBody(t, w.space, name, word(d, "TEMPLATE", "template"),
					spellingJudge(d, w.integration, dir.today, g.today, f.today)))
				tc := asMap(asMap(got["version"])["template_config"])
				rf := asMap(asMap(asMap(tc["llm_config"])["invocation_parameters"])["response_format"])
				if got["type"] != word(d, "TEMPLATE", "template") || asMap(got["version"])["type"] != got["type"] ||
					tc["direction"] != word(d, dir.today, dir.published) || tc["data_granularity"] != word(d, g.today, g.published) ||
					rf["type"] != word(d, f.today, f.published) {
					t.Errorf("%s answered %v", name, got)
				}
				stored, _ := e.srv.Evaluator(got["id"].(string))
				st := stored.Version.Config.Template
				if stored.Type != "TEMPLATE" || st.Direction != dir.today || st.DataGranularity != g.today ||
					st.LLMConfig.InvocationParameters.ResponseFormat.Type != f.today {
					t.Errorf("%s stored %+v", name, st)
				}
			}
			// The defaults are answered in the dialect too.
			plain := e.createEvaluator(createBody(t, w.space, "plain", word(d, "TEMPLATE", "template"), judgeConfig(w.integration)))
			if tc := asMap(asMap(plain["version"])["template_config"]); tc["direction"] != word(d, "MAXIMIZE", "maximize") || tc["data_granularity"] != word(d, "SPAN", "span") {
				t.Errorf("defaults answered %v", tc)
			}
			for i, m := range testEvaluatorSpellings["managed_evaluator"] {
				g := testEvaluatorSpellings["data_granularity"][i%3]
				got := e.createEvaluator(createBody(t, w.space, "code "+m.today, word(d, "CODE", "code"), spellingCode(d, m.today, g.today)))
				cc := asMap(asMap(got["version"])["code_config"])
				if got["type"] != word(d, "CODE", "code") || cc["type"] != word(d, "MANAGED", "managed") ||
					cc["managed_evaluator"] != word(d, m.today, m.published) || cc["data_granularity"] != word(d, g.today, g.published) {
					t.Errorf("%s answered %v", m.today, cc)
				}
				stored, _ := e.srv.Evaluator(got["id"].(string))
				if c := stored.Version.Config.Code; c.Type != "MANAGED" || c.ManagedEvaluator != m.today || c.DataGranularity != g.today {
					t.Errorf("%s stored %+v", m.today, c)
				}
			}
			custom := map[string]any{"type": word(d, "CUSTOM", "custom"), "name": "c", "code": "x", "variables": []any{}}
			got := e.createEvaluator(createBody(t, w.space, "custom", word(d, "CODE", "code"), custom))
			if cc := asMap(asMap(got["version"])["code_config"]); cc["type"] != word(d, "CUSTOM", "custom") {
				t.Errorf("custom answered %v", cc)
			}
			// A version in the dialect's spelling; list and PATCH answer it too.
			v := e.appendVersion(plain["id"].(string), map[string]any{"commit_message": "m", "template_config": spellingJudge(d, w.integration, "NONE", "TRACE", "JSON_OBJECT")})
			if v["type"] != word(d, "TEMPLATE", "template") || asMap(v["template_config"])["direction"] != word(d, "NONE", "none") {
				t.Errorf("version answered %v", v)
			}
			for _, ev := range e.listEvaluators("").Evaluators {
				if ev["type"] != word(d, "TEMPLATE", "template") && ev["type"] != word(d, "CODE", "code") {
					t.Errorf("list item type %v", ev["type"])
				}
			}
			if p := e.do("PATCH", evaluatorPath(plain["id"].(string)), `{"name":"renamed"}`).json(t); p["type"] != word(d, "TEMPLATE", "template") {
				t.Errorf("PATCH answered type %v", p["type"])
			}
			if e.srv.RefusedForSpelling() != 0 {
				t.Errorf("RefusedForSpelling %d, want 0", e.srv.RefusedForSpelling())
			}
		})
	}
}

// TestEvaluatorsInTheOtherSpelling: each enum in the other dialect's
// spelling is refused with a 422 naming the field, counted by
// RefusedForSpelling at its route, and changes nothing.
func TestEvaluatorsInTheOtherSpelling(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			e := dialectEnv(t, d)
			w := newEvalWorld(e)
			id := e.createJudge(w, "judge")
			codeID := e.createEvaluator(createBody(t, w.space, "code", word(d, "CODE", "code"), spellingCode(d, "EXACT_MATCH", "SPAN")))["id"].(string)
			e.srv.ResetCounters()
			other := d.other()
			template := word(d, "TEMPLATE", "template")
			code := word(d, "CODE", "code")
			withOther := func(mutate func(c map[string]any)) map[string]any {
				c := spellingJudge(d, w.integration, "MAXIMIZE", "SPAN", "TEXT")
				mutate(c)
				return c
			}
			codeWithOther := func(mutate func(c map[string]any)) map[string]any {
				c := spellingCode(d, "EXACT_MATCH", "SPAN")
				mutate(c)
				return c
			}
			templates := []struct {
				field  string
				config map[string]any
			}{
				{"direction", withOther(func(c map[string]any) { c["direction"] = spelt(other, "direction", "MINIMIZE") })},
				{"data_granularity", withOther(func(c map[string]any) { c["data_granularity"] = spelt(other, "data_granularity", "TRACE") })},
				{"llm_config.invocation_parameters.response_format.type", withOther(func(c map[string]any) {
					c["llm_config"].(map[string]any)["invocation_parameters"] = map[string]any{"response_format": map[string]any{"type": spelt(other, "response_format", "JSON_SCHEMA")}}
				})},
			}
			codes := []struct {
				field  string
				config map[string]any
			}{
				{"code_config.type", codeWithOther(func(c map[string]any) { c["type"] = spelt(other, "code_config.type", "MANAGED") })},
				{"code_config.managed_evaluator", codeWithOther(func(c map[string]any) { c["managed_evaluator"] = spelt(other, "managed_evaluator", "JSON_PARSEABLE") })},
				{"code_config.data_granularity", codeWithOther(func(c map[string]any) { c["data_granularity"] = spelt(other, "data_granularity", "SESSION") })},
			}
			n := 0
			refused := func(path, detail, b string) {
				t.Helper()
				n++
				wantProblem(t, e.do("POST", path, b), http.StatusUnprocessableEntity, CodeValidationError, path, detail)
				if got := e.srv.RefusedForSpelling(); got != n {
					t.Errorf("%s: RefusedForSpelling %d, want %d", detail, got, n)
				}
			}
			refused(evaluators, "type must be one of "+template+", "+code,
				createBody(t, w.space, "new", word(d, "code", "CODE"), spellingCode(d, "EXACT_MATCH", "SPAN")))
			for _, tt := range templates {
				refused(evaluators, "version.template_config."+tt.field, createBody(t, w.space, "new", template, tt.config))
				refused(versionsPath(id), "template_config."+tt.field, body(t, map[string]any{"commit_message": "m", "template_config": tt.config}))
			}
			for _, tt := range codes {
				refused(evaluators, "version."+tt.field, createBody(t, w.space, "new", code, tt.config))
				refused(versionsPath(codeID), tt.field, body(t, map[string]any{"commit_message": "m", "code_config": tt.config}))
			}
			if got := e.srv.RefusedForSpellingAt("POST", RouteEvaluators); got != 7 {
				t.Errorf("RefusedForSpellingAt evaluators = %d, want 7", got)
			}
			if got := e.srv.RefusedForSpellingAt("POST", RouteEvaluatorVersions); got != 6 {
				t.Errorf("RefusedForSpellingAt versions = %d, want 6", got)
			}
			if e.srv.Refused() != 13 || len(e.srv.Evaluators()) != 2 || len(e.srv.EvaluatorVersions(id)) != 1 {
				t.Errorf("Refused %d, %d evaluators", e.srv.Refused(), len(e.srv.Evaluators()))
			}
			// Misspelt and malformed: the 400 is answered, still marked.
			bad := codeWithOther(func(c map[string]any) { c["type"] = spelt(other, "code_config.type", "MANAGED"); c["code"] = "x" })
			wantProblem(t, e.do("POST", versionsPath(codeID), body(t, map[string]any{"commit_message": "m", "code_config": bad})), 400, CodeInvalidRequest, "", "in a code_config of type "+word(d, "MANAGED", "managed"))
			// A value in neither spelling is refused, but not for its spelling.
			neither := withOther(func(c map[string]any) { c["direction"] = "Maximize" })
			wantProblem(t, e.do("POST", versionsPath(id), body(t, map[string]any{"commit_message": "m", "template_config": neither})), 422, CodeValidationError, "",
				"template_config.direction must be one of "+word(d, "MAXIMIZE, MINIMIZE, NONE", "maximize, minimize, none"))
			if e.srv.RefusedForSpelling() != 14 {
				t.Errorf("RefusedForSpelling %d, want 14", e.srv.RefusedForSpelling())
			}
		})
	}
}

func TestCanonicalEvaluatorEnums(t *testing.T) {
	for _, pairs := range testEvaluatorSpellings {
		for _, p := range pairs {
			if got := Canonical(p.published); got != p.today {
				t.Errorf("Canonical(%q) = %q, want %q", p.published, got, p.today)
			}
		}
	}
	for _, v := range []string{"Maximize", "exact_match", "STRING"} {
		if got := Canonical(v); got != v {
			t.Errorf("Canonical(%q) = %q, want it unchanged", v, got)
		}
	}
	// The hooks take either spelling.
	e := newEnv(t)
	w := newEvalWorld(e)
	ev, err := e.srv.PutEvaluator(w.space, "hooked", "", EvaluatorConfig{Code: &CodeConfig{
		Type: "managed", Name: "c", ManagedEvaluator: "ExactMatch", DataGranularity: "trace",
	}})
	if err != nil {
		t.Fatal(err)
	}
	if c := ev.Version.Config.Code; !reflect.DeepEqual(*c, CodeConfig{Type: "MANAGED", Name: "c", ManagedEvaluator: "EXACT_MATCH", DataGranularity: "TRACE"}) {
		t.Errorf("stored %+v", c)
	}
}
