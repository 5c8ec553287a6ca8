package arize

import (
	"context"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// Evaluators against the emulator: a judge made, renamed and given a new
// version, and the lost answers of a create and of a version POST recovered
// without a second one.

// judgeFixture is an emulator with a space and an integration for a judge.
func judgeFixture(t *testing.T, dialect emulator.Dialect) (*fixture, string, EvaluatorConfig) {
	t.Helper()
	f := newFixtureOpts(t, emulator.Options{Dialect: dialect})
	org, _ := f.emu.PutOrganization("org", "")
	space, _ := f.emu.PutSpace(org.ID, "space", "", false)
	integration, err := f.emu.Put(emulator.Integration{Name: "openai", Provider: "OPEN_AI", AuthType: "DEFAULT"})
	if err != nil {
		t.Fatal(err)
	}
	temperature := 0.7
	config := EvaluatorConfig{TemplateConfig: &TemplateConfig{
		Name: "hallucination", Template: "Is {output} supported by {reference}?",
		ClassificationChoices: map[string]float64{"factual": 1, "hallucinated": 0},
		LLMConfig: LLMConfig{
			AIIntegrationID: integration.ID, ModelName: "gpt-4o-mini",
			InvocationParameters: InvocationParameters{Temperature: &temperature},
		},
	}}
	return f, space.ID, config
}

func TestEvaluatorLifecycle(t *testing.T) {
	for _, dialect := range []emulator.Dialect{emulator.DialectToday, emulator.DialectPublished} {
		t.Run(string(dialect), func(t *testing.T) {
			f, spaceID, config := judgeFixture(t, dialect)
			ctx := context.Background()
			created, err := f.c.CreateEvaluator(ctx, EvaluatorCreateRequest{
				SpaceID: spaceID, Name: "judge", Type: EvaluatorTemplate,
				Version: EvaluatorVersionRequest{CommitMessage: "first", EvaluatorConfig: config},
			})
			if err != nil {
				t.Fatal(err)
			}
			if created.Version == nil || !SameConfig(created.Version.EvaluatorConfig, config) {
				t.Fatalf("the create's answer has another configuration: %s", dump(created.Version))
			}
			if created.Type.Canonical() != EvaluatorTemplate {
				t.Errorf("type %q", created.Type)
			}
			renamed, err := f.c.UpdateEvaluator(ctx, created.ID, EvaluatorUpdateRequest{Name: Value("judge 2")})
			if err != nil || renamed.Name != "judge 2" {
				t.Fatalf("UpdateEvaluator = %s, %v", dump(renamed), err)
			}

			next := config
			tc := *config.TemplateConfig
			tc.LLMConfig.ModelName = "gpt-4o"
			next.TemplateConfig = &tc
			version, err := f.c.CreateEvaluatorVersion(ctx, created.ID, created.Version.ID, EvaluatorVersionRequest{CommitMessage: "bigger", EvaluatorConfig: next})
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.c.GetEvaluator(ctx, created.ID)
			if err != nil || got.Version.ID != version.ID || got.Version.TemplateConfig.LLMConfig.ModelName != "gpt-4o" {
				t.Fatalf("GetEvaluator = %s, %v; want the new version latest", dump(got), err)
			}
			if n := len(f.emu.EvaluatorVersions(created.ID)); n != 2 {
				t.Errorf("%d versions, want 2", n)
			}
			if err := f.c.DeleteEvaluator(ctx, created.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := f.c.GetEvaluator(ctx, created.ID); !IsNotFound(err) {
				t.Errorf("GetEvaluator after delete: %v; want a 404", err)
			}
		})
	}
}

func TestCreateEvaluator_answerLost(t *testing.T) {
	f, spaceID, config := judgeFixture(t, emulator.DialectToday)
	f.emu.DropNext(1, true)
	got, err := f.c.CreateEvaluator(context.Background(), EvaluatorCreateRequest{
		SpaceID: spaceID, Name: "judge", Type: EvaluatorTemplate,
		Version: EvaluatorVersionRequest{CommitMessage: "first", EvaluatorConfig: config},
	})
	if err != nil {
		t.Fatal(err)
	}
	if all := f.emu.Evaluators(); len(all) != 1 || all[0].ID != got.ID {
		t.Fatalf("the emulator holds %d evaluators; want exactly the adopted one", len(all))
	}
	if n := f.emu.Count("POST", emulator.RouteEvaluators); n != 1 {
		t.Errorf("%d POSTs, want 1", n)
	}
}

// A version POST whose answer is lost is found as the new latest version
// with the configuration sent, and adopted: one version, not two.
func TestCreateEvaluatorVersion_answerLost(t *testing.T) {
	f, spaceID, config := judgeFixture(t, emulator.DialectToday)
	ctx := context.Background()
	created, err := f.c.CreateEvaluator(ctx, EvaluatorCreateRequest{
		SpaceID: spaceID, Name: "judge", Type: EvaluatorTemplate,
		Version: EvaluatorVersionRequest{CommitMessage: "first", EvaluatorConfig: config},
	})
	if err != nil {
		t.Fatal(err)
	}
	f.emu.DropNext(1, true)
	version, err := f.c.CreateEvaluatorVersion(ctx, created.ID, created.Version.ID, EvaluatorVersionRequest{CommitMessage: "again", EvaluatorConfig: config})
	if err != nil {
		t.Fatal(err)
	}
	versions := f.emu.EvaluatorVersions(created.ID)
	if len(versions) != 2 || version.ID == created.Version.ID {
		t.Fatalf("%d versions (adopted %s); want exactly one new one", len(versions), version.ID)
	}
	if n := f.emu.Count("POST", emulator.RouteEvaluatorVersions); n != 1 {
		t.Errorf("%d version POSTs, want 1", n)
	}
}

// A version POST that never reached the server is sent again: the latest
// version is still the prior one.
func TestCreateEvaluatorVersion_droppedBeforeCommitSentAgain(t *testing.T) {
	f, spaceID, config := judgeFixture(t, emulator.DialectToday)
	ctx := context.Background()
	created, err := f.c.CreateEvaluator(ctx, EvaluatorCreateRequest{
		SpaceID: spaceID, Name: "judge", Type: EvaluatorTemplate,
		Version: EvaluatorVersionRequest{CommitMessage: "first", EvaluatorConfig: config},
	})
	if err != nil {
		t.Fatal(err)
	}
	f.emu.DropNext(1, false)
	if _, err := f.c.CreateEvaluatorVersion(ctx, created.ID, created.Version.ID, EvaluatorVersionRequest{CommitMessage: "again", EvaluatorConfig: config}); err != nil {
		t.Fatal(err)
	}
	if n := len(f.emu.EvaluatorVersions(created.ID)); n != 2 {
		t.Errorf("%d versions, want 2", n)
	}
	if n := f.emu.Count("POST", emulator.RouteEvaluatorVersions); n != 2 {
		t.Errorf("%d version POSTs, want 2 (the dropped one and its resend)", n)
	}
}

func TestSameConfig(t *testing.T) {
	_, _, config := judgeFixture(t, emulator.DialectToday)
	asStored := func(change func(*TemplateConfig)) EvaluatorConfig {
		tc := *config.TemplateConfig
		change(&tc)
		return EvaluatorConfig{TemplateConfig: &tc}
	}
	float32Temperature := float64(float32(0.7))
	maximize, span, on := DirectionMaximize, GranularitySpan, true
	tests := []struct {
		name string
		b    EvaluatorConfig
		same bool
	}{
		{"the temperature as float32 keeps it", asStored(func(tc *TemplateConfig) {
			tc.LLMConfig.InvocationParameters.Temperature = &float32Temperature
		}), true},
		{"the API's defaults written out", asStored(func(tc *TemplateConfig) {
			tc.Direction, tc.DataGranularity, tc.UseStructuredOutput = maximize, &span, &on
		}), true},
		{"the published spelling", asStored(func(tc *TemplateConfig) { tc.Direction = "maximize" }), true},
		{"another model", asStored(func(tc *TemplateConfig) { tc.LLMConfig.ModelName = "gpt-4o" }), false},
		{"another score", asStored(func(tc *TemplateConfig) {
			tc.ClassificationChoices = map[string]float64{"factual": 1, "hallucinated": 0.5}
		}), false},
	}
	for _, tt := range tests {
		if got := SameConfig(config, tt.b); got != tt.same {
			t.Errorf("%s: SameConfig = %v, want %v", tt.name, got, tt.same)
		}
	}
}
