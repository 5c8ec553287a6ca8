package emulator

import (
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"testing"
	"time"
)

// hookJudge is a TemplateConfig as a test hands it to a hook.
func hookJudge(integrationID string) *TemplateConfig {
	temp := 0.25
	return &TemplateConfig{
		Name:                  "correctness",
		Template:              "Is {output} correct?",
		IncludeExplanations:   true,
		ClassificationChoices: map[string]float64{"correct": 1, "incorrect": 0},
		LLMConfig: LLMConfig{
			AIIntegrationID:      integrationID,
			ModelName:            "gpt-4o",
			InvocationParameters: InvocationParameters{Temperature: &temp, Stop: []string{}},
		},
	}
}

func TestEvaluatorHooks(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	config := EvaluatorConfig{Template: hookJudge(w.integration)}
	ev, err := e.srv.PutEvaluator(w.space, "outside", "made by hand", config)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Type != "TEMPLATE" || ev.Version == nil || ev.Version.CommitMessage != "Made outside Terraform" ||
		ev.Version.EvaluatorID != ev.ID || !commitHashOK(ev.Version.CommitHash) {
		t.Errorf("PutEvaluator = %+v", ev)
	}
	// The defaults are filled in, the caller's value is not touched.
	if tc := ev.Version.Config.Template; *tc.UseStructuredOutput != true || tc.Direction != "MAXIMIZE" || tc.DataGranularity != "SPAN" {
		t.Errorf("stored %+v", tc)
	}
	if config.Template.UseStructuredOutput != nil || config.Template.Direction != "" {
		t.Error("PutEvaluator changed its argument")
	}
	// What the API answers is what the hook stored.
	got := e.do("GET", evaluatorPath(ev.ID), "").json(t)
	tc := asMap(asMap(got["version"])["template_config"])
	if got["description"] != "made by hand" || asMap(asMap(tc["llm_config"])["invocation_parameters"])["temperature"] != 0.25 ||
		!reflect.DeepEqual(asMap(asMap(tc["llm_config"])["invocation_parameters"])["stop"], []any{}) {
		t.Errorf("GET answers %v", got)
	}
	// Returned values share nothing with the store.
	ev.Version.Config.Template.ClassificationChoices["x"] = 9
	*ev.Version.Config.Template.LLMConfig.InvocationParameters.Temperature = 9
	if again, _ := e.srv.Evaluator(ev.ID); len(again.Version.Config.Template.ClassificationChoices) != 2 ||
		*again.Version.Config.Template.LLMConfig.InvocationParameters.Temperature != 0.25 {
		t.Error("a returned value aliases the store")
	}

	// A version made outside Terraform is the latest at once.
	e.clock.Advance(time.Minute)
	next := hookJudge(w.integration)
	next.Direction = "minimize" // either spelling
	v, err := e.srv.AppendEvaluatorVersion(ev.ID, "by hand", EvaluatorConfig{Template: next})
	if err != nil {
		t.Fatal(err)
	}
	latest, _ := e.srv.Evaluator(ev.ID)
	if latest.Version.ID != v.ID || v.Config.Template.Direction != "MINIMIZE" || !latest.UpdatedAt.Equal(v.CreatedAt) || latest.UpdatedAt.Equal(latest.CreatedAt) {
		t.Errorf("after AppendEvaluatorVersion: %+v", latest)
	}
	if vs := e.srv.EvaluatorVersions(ev.ID); len(vs) != 2 || vs[0].ID != ev.Version.ID || vs[1].ID != v.ID {
		t.Errorf("EvaluatorVersions %+v", vs)
	}
	if got, ok := e.srv.EvaluatorVersion(v.ID); !ok || !reflect.DeepEqual(got, v) {
		t.Errorf("EvaluatorVersion = %+v %v", got, ok)
	}
	if all := e.srv.Evaluators(); len(all) != 1 || all[0].Version == nil || all[0].Version.ID != v.ID {
		t.Errorf("Evaluators %+v", all)
	}

	// The hooks refuse what POST refuses, with its status.
	var p *Problem
	tests := []struct {
		name   string
		err    error
		status int
	}{
		{"unknown space", second(e.srv.PutEvaluator("U3BhY2U6OTk6YWJjZA==", "x", "", config)), 404},
		{"name taken", second(e.srv.PutEvaluator(w.space, "outside", "", config)), 409},
		{"no configuration", second(e.srv.PutEvaluator(w.space, "x", "", EvaluatorConfig{})), 422},
		{"unknown integration", second(e.srv.PutEvaluator(w.space, "x", "", EvaluatorConfig{Template: hookJudge("nope")})), 422},
		{"static param of the wrong kind", second(e.srv.PutEvaluator(w.space, "x", "", EvaluatorConfig{Code: &CodeConfig{
			Type: "CUSTOM", Name: "c", Code: "x", StaticParams: []StaticParam{{Name: "k", Type: "STRING_ARRAY", DefaultValue: "a"}},
		}})), 400},
		{"code for a template", second(e.srv.AppendEvaluatorVersion(ev.ID, "m", EvaluatorConfig{Code: &CodeConfig{Type: "MANAGED", Name: "c", ManagedEvaluator: "EXACT_MATCH"}})), 422},
		{"unknown evaluator", second(e.srv.AppendEvaluatorVersion("nope", "m", config)), 404},
	}
	for _, tt := range tests {
		if !errors.As(tt.err, &p) || p.Status != tt.status {
			t.Errorf("%s: %v, want a %d", tt.name, tt.err, tt.status)
		}
	}
	// A forbidden space is reachable by hooks.
	private := e.createSpace(w.org, "private")
	e.srv.ForbidSpace(private, true)
	if _, err := e.srv.PutEvaluator(private, "hidden", "", config); err != nil {
		t.Errorf("PutEvaluator in a forbidden space: %v", err)
	}
}

func second[T any](_ T, err error) error { return err }

// TestLegacyEvaluatorVersion: a version made before today's rules reads
// with null classification_choices and data_granularity, and without
// use_structured_output and direction.
func TestLegacyEvaluatorVersion(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	ev, err := e.srv.PutEvaluator(w.space, "legacy", "", EvaluatorConfig{Template: hookJudge(w.integration)})
	if err != nil {
		t.Fatal(err)
	}
	legacy := hookJudge("TGxtSW50ZWdyYXRpb246OTk6YUJjRA==") // not checked either
	legacy.ClassificationChoices = nil
	if _, err := e.srv.AppendLegacyEvaluatorVersion(ev.ID, "old", EvaluatorConfig{Template: legacy}); err != nil {
		t.Fatal(err)
	}
	r := e.do("GET", evaluatorPath(ev.ID), "")
	var got struct {
		Version struct {
			TemplateConfig map[string]json.RawMessage `json:"template_config"`
		} `json:"version"`
	}
	if err := json.Unmarshal(r.body, &got); err != nil {
		t.Fatal(err)
	}
	tc := got.Version.TemplateConfig
	if string(tc["classification_choices"]) != "null" || string(tc["data_granularity"]) != "null" {
		t.Errorf("legacy reads %s", r.body)
	}
	if _, ok := tc["use_structured_output"]; ok {
		t.Errorf("use_structured_output answered: %s", r.body)
	}
	if _, ok := tc["direction"]; ok {
		t.Errorf("direction answered: %s", r.body)
	}
	if _, err := e.srv.AppendLegacyEvaluatorVersion(ev.ID, "old", EvaluatorConfig{Code: &CodeConfig{}}); err == nil {
		t.Error("a code configuration was taken for a TEMPLATE evaluator")
	}
}

// TestHarnessEvaluator: a HARNESS or REMOTE evaluator, which the API cannot
// make, reads without a configuration and takes no version.
func TestHarnessEvaluator(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			e := dialectEnv(t, d)
			w := newEvalWorld(e)
			ev, err := e.srv.PutHarnessEvaluator(w.space, "harness", "harness")
			if err != nil {
				t.Fatal(err)
			}
			if ev.Type != "HARNESS" || ev.Version == nil || ev.Version.Config != (EvaluatorConfig{}) {
				t.Errorf("PutHarnessEvaluator = %+v", ev)
			}
			got := e.do("GET", evaluatorPath(ev.ID), "").json(t)
			v := asMap(got["version"])
			if got["type"] != word(d, "HARNESS", "harness") || v["type"] != got["type"] || v["template_config"] != nil || v["code_config"] != nil {
				t.Errorf("GET answers %v", got)
			}
			r := e.do("POST", versionsPath(ev.ID), body(t, map[string]any{"commit_message": "m", "template_config": judgeConfig(w.integration)}))
			wantProblem(t, r, http.StatusUnprocessableEntity, CodeValidationError, "", "versions of a "+word(d, "HARNESS", "harness")+" evaluator cannot be made")
			if _, err := e.srv.PutHarnessEvaluator(w.space, "remote", "REMOTE"); err != nil {
				t.Error(err)
			}
			if _, err := e.srv.PutHarnessEvaluator(w.space, "remote", "REMOTE"); err == nil {
				t.Error("a taken name was taken again")
			}
		})
	}
}
