package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

const evaluatorAddr = "arize_evaluator.test"

// Routes of the evaluator tests, as the emulator counts them.
const (
	evalRoutePost    = "POST " + emulator.RouteEvaluators
	evalRouteList    = "GET " + emulator.RouteEvaluators
	evalRouteGet     = "GET " + emulator.RouteEvaluator
	evalRoutePatch   = "PATCH " + emulator.RouteEvaluator
	evalRouteDelete  = "DELETE " + emulator.RouteEvaluator
	evalRouteVersion = "POST " + emulator.RouteEvaluatorVersions
)

// evalFixture is what an evaluator test needs in the emulator: a space,
// and an AI integration that offers two models.
type evalFixture struct {
	env         *accEnv
	emu         *emulator.Server
	space       emulator.Space
	integration emulator.Integration
}

func newEvalFixture(t *testing.T, name string) evalFixture {
	t.Helper()
	env := newAccEnv(t)
	emu := env.emulator(t)
	org := spaceTestOrg(t, emu, name)
	integration, err := emu.Put(emulator.Integration{Name: name + " OpenAI", Provider: "OPEN_AI", ModelNames: []string{"gpt-4o-mini", "gpt-4o"}})
	if err != nil {
		t.Fatal(err)
	}
	return evalFixture{env: env, emu: emu, space: spaceTestSpace(t, emu, org.ID, name), integration: integration}
}

// judge is an LLM judge's configuration, as a test varies it.
type judge struct {
	name, description, commitMessage string
	prompt, model                    string
	extra                            string // more attributes of template
}

func defaultJudge() judge {
	return judge{name: "tf-acc-judge", prompt: "Is {output} supported by {reference}?", model: "gpt-4o-mini"}
}

// block is arize_evaluator.test as j configures it.
func (f evalFixture) block(j judge) string {
	var top strings.Builder
	fmt.Fprintf(&top, "  space_id = %q\n  type     = \"TEMPLATE\"\n  name     = %q\n", f.space.ID, j.name)
	if j.description != "" {
		fmt.Fprintf(&top, "  description = %q\n", j.description)
	}
	if j.commitMessage != "" {
		fmt.Fprintf(&top, "  commit_message = %q\n", j.commitMessage)
	}
	return fmt.Sprintf(`resource "arize_evaluator" "test" {
%s
  template = {
    eval_column_name       = "hallucination"
    template               = %q
    classification_choices = { factual = 1, hallucinated = 0 }
%s
    llm_config = {
      ai_integration_id = %q
      model_name        = %q
    }
  }
}
`, top.String(), j.prompt, j.extra, f.integration.ID, j.model)
}

func (f evalFixture) config(j judge) string { return f.env.config(f.block(j)) }

// codeConfig is arize_evaluator.test of type CODE with code body.
func (f evalFixture) codeConfig(name, code string) string {
	return f.env.config(fmt.Sprintf(`resource "arize_evaluator" "test" {
  space_id = %q
  type     = "CODE"
  name     = %q
  code = {
%s
  }
}
`, f.space.ID, name, code))
}

func evaluatorAttr(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(evaluatorAddr, tfjsonpath.New(name), v)
}

func evaluatorActionIs(action plancheck.ResourceActionType, more ...plancheck.PlanCheck) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: append([]plancheck.PlanCheck{plancheck.ExpectResourceAction(evaluatorAddr, action)}, more...)}
}

// evaluatorWrites counts the evaluator writes so far: creates, PATCHes,
// version POSTs and DELETEs.
func evaluatorWrites(emu *emulator.Server, posts, patches, versions, deletes int) statecheck.StateCheck {
	return expectRequests(emu, map[string]int{
		evalRoutePost: posts, evalRoutePatch: patches, evalRouteVersion: versions, evalRouteDelete: deletes,
	})
}

// expectStoredEvaluator checks the emulator's record of the evaluator in
// state, with its latest version: it proves what reached the server.
func expectStoredEvaluator(emu *emulator.Server, check func(emulator.Evaluator) error) statecheck.StateCheck {
	return exampleStoredState{check: func(req statecheck.CheckStateRequest) error {
		id, err := stateID(req.State, evaluatorAddr)
		if err != nil {
			return err
		}
		e, ok := emu.Evaluator(id)
		if !ok {
			return fmt.Errorf("%s: the emulator holds no evaluator %s", evaluatorAddr, id)
		}
		if err := check(e); err != nil {
			return fmt.Errorf("%s: %w", evaluatorAddr, err)
		}
		return nil
	}}
}

// exampleStoredState is a state check by a function of the state.
type exampleStoredState struct {
	check func(statecheck.CheckStateRequest) error
}

func (c exampleStoredState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.check(req)
}

// storedJudgeIs checks the stored name, description and judge's model and
// prompt, and the number of versions.
func storedJudgeIs(emu *emulator.Server, name, description, model, prompt string, versions int) statecheck.StateCheck {
	return expectStoredEvaluator(emu, func(e emulator.Evaluator) error {
		if e.Name != name || e.Description != description {
			return fmt.Errorf("stored name %q, description %q; want %q, %q", e.Name, e.Description, name, description)
		}
		if e.Version == nil || e.Version.Config.Template == nil {
			return fmt.Errorf("stored no template configuration")
		}
		tc := e.Version.Config.Template
		if tc.LLMConfig.ModelName != model || tc.Template != prompt {
			return fmt.Errorf("stored model %q, prompt %q; want %q, %q", tc.LLMConfig.ModelName, tc.Template, model, prompt)
		}
		if n := len(emu.EvaluatorVersions(e.ID)); n != versions {
			return fmt.Errorf("stored %d versions, want %d", n, versions)
		}
		return nil
	})
}

// stateTracker remembers attributes of arize_evaluator.test across steps.
type stateTracker map[string]string

// record notes the attributes names.
func (s stateTracker) record(names ...string) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		r, ok := st.RootModule().Resources[evaluatorAddr]
		if !ok {
			return fmt.Errorf("%s not in state", evaluatorAddr)
		}
		for _, n := range names {
			s[n] = r.Primary.Attributes[n]
		}
		return nil
	}
}

// same checks that the attribute name is what was recorded; changed that
// it is not, and records it.
func (s stateTracker) same(name string) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		if got := st.RootModule().Resources[evaluatorAddr].Primary.Attributes[name]; got != s[name] {
			return fmt.Errorf("%s changed from %q to %q", name, s[name], got)
		}
		return nil
	}
}

func (s stateTracker) changed(name string) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		if got := st.RootModule().Resources[evaluatorAddr].Primary.Attributes[name]; got == s[name] {
			return fmt.Errorf("%s is still %q", name, got)
		}
		s[name] = st.RootModule().Resources[evaluatorAddr].Primary.Attributes[name]
		return nil
	}
}

// TestAccEvaluator_lifecycle: a rename is one PATCH, a change of the judge
// one version with the same evaluator ID, both together one of each, and a
// commit message alone nothing.
func TestAccEvaluator_lifecycle(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-lifecycle")
	emu := f.emu
	seen := stateTracker{}
	j := defaultJudge()
	renamed := j
	renamed.name = "tf-acc-judge-renamed"
	bigger := renamed
	bigger.model = "gpt-4o"
	described := bigger
	described.description = "Flags unsupported answers"
	described.prompt = "Is {output} supported by {reference}? Answer in one word."
	messaged := described
	messaged.commitMessage = "Tighten the prompt"
	accTest(t,
		resource.TestStep{
			Config:           f.config(j),
			ConfigPlanChecks: evaluatorActionIs(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				// One POST, whose answer is the state: no read after it.
				expectRequests(emu, map[string]int{evalRoutePost: 1, evalRouteGet: 0, evalRouteVersion: 0}),
				evaluatorAttr("id", knownvalue.StringRegexp(regexp.MustCompile(`^[A-Za-z0-9+/]+=*$`))),
				evaluatorAttr("space_id", knownvalue.StringExact(f.space.ID)),
				evaluatorAttr("type", knownvalue.StringExact("TEMPLATE")),
				evaluatorAttr("description", knownvalue.StringExact("")),
				evaluatorAttr("commit_message", knownvalue.StringExact("Managed by Terraform")),
				evaluatorAttr("current_version_id", knownvalue.NotNull()),
				evaluatorAttr("current_version_commit_hash", knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{40}$`))),
				evaluatorAttr("created_by_user_id", knownvalue.NotNull()),
				statecheck.ExpectKnownValue(evaluatorAddr, tfjsonpath.New("template").AtMapKey("direction"), knownvalue.StringExact("MAXIMIZE")),
				statecheck.ExpectKnownValue(evaluatorAddr, tfjsonpath.New("template").AtMapKey("data_granularity"), knownvalue.StringExact("SPAN")),
				statecheck.ExpectKnownValue(evaluatorAddr, tfjsonpath.New("template").AtMapKey("use_structured_output"), knownvalue.Bool(true)),
				storedJudgeIs(emu, j.name, "", j.model, j.prompt, 1),
				expectStoredEvaluator(emu, func(e emulator.Evaluator) error {
					if e.Version.CommitMessage != "Managed by Terraform" {
						return fmt.Errorf("first version's commit message %q", e.Version.CommitMessage)
					}
					return nil
				}),
			},
			Check: seen.record("id", "current_version_id", "updated_at"),
		},
		resource.TestStep{
			Config: f.config(renamed),
			ConfigPlanChecks: evaluatorActionIs(plancheck.ResourceActionUpdate,
				plancheck.ExpectKnownValue(evaluatorAddr, tfjsonpath.New("current_version_id"), knownvalue.NotNull()),
				plancheck.ExpectUnknownValue(evaluatorAddr, tfjsonpath.New("updated_at"))),
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 1, 1, 0, 0),
				storedJudgeIs(emu, renamed.name, "", j.model, j.prompt, 1),
			},
			Check: resource.ComposeTestCheckFunc(seen.same("id"), seen.same("current_version_id"),
				seen.changed("updated_at")),
		},
		resource.TestStep{
			Config: f.config(bigger),
			ConfigPlanChecks: evaluatorActionIs(plancheck.ResourceActionUpdate,
				plancheck.ExpectUnknownValue(evaluatorAddr, tfjsonpath.New("current_version_id")),
				plancheck.ExpectUnknownValue(evaluatorAddr, tfjsonpath.New("current_version_commit_hash"))),
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 1, 1, 1, 0),
				storedJudgeIs(emu, renamed.name, "", "gpt-4o", j.prompt, 2),
				expectCurrentVersionIsLatest(emu),
			},
			Check: resource.ComposeTestCheckFunc(seen.same("id"), seen.changed("current_version_id"),
				seen.changed("updated_at")),
		},
		resource.TestStep{
			Config:           f.config(described),
			ConfigPlanChecks: evaluatorActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 1, 2, 2, 0),
				storedJudgeIs(emu, renamed.name, described.description, "gpt-4o", described.prompt, 3),
				expectCurrentVersionIsLatest(emu),
			},
			Check: resource.ComposeTestCheckFunc(seen.same("id"), seen.changed("current_version_id"),
				seen.changed("updated_at")),
		},
		resource.TestStep{
			// The message of the next version: nothing reaches Arize.
			Config: f.config(messaged),
			ConfigPlanChecks: evaluatorActionIs(plancheck.ResourceActionUpdate,
				plancheck.ExpectKnownValue(evaluatorAddr, tfjsonpath.New("current_version_id"), knownvalue.NotNull()),
				plancheck.ExpectKnownValue(evaluatorAddr, tfjsonpath.New("updated_at"), knownvalue.NotNull())),
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 1, 2, 2, 0),
				evaluatorAttr("commit_message", knownvalue.StringExact("Tighten the prompt")),
			},
			Check: resource.ComposeTestCheckFunc(seen.same("current_version_id"), seen.same("updated_at")),
		},
		resource.TestStep{
			// The description removed: cleared with one PATCH, no version.
			Config:           f.config(func() judge { k := messaged; k.description = ""; return k }()),
			ConfigPlanChecks: evaluatorActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 1, 3, 2, 0),
				evaluatorAttr("description", knownvalue.StringExact("")),
				storedJudgeIs(emu, renamed.name, "", "gpt-4o", described.prompt, 3),
			},
		},
		resource.TestStep{
			Config:           f.env.config(""),
			ConfigPlanChecks: evaluatorActionIs(plancheck.ResourceActionDestroy),
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 1, 3, 2, 1),
				exampleStored{check: func() error {
					if n := len(emu.Evaluators()); n != 0 {
						return fmt.Errorf("the emulator holds %d evaluators after the destroy", n)
					}
					return nil
				}},
			},
		},
	)
}

// expectCurrentVersionIsLatest checks that current_version_id and its hash
// are the emulator's latest version of the evaluator.
func expectCurrentVersionIsLatest(emu *emulator.Server) statecheck.StateCheck {
	return exampleStoredState{check: func(req statecheck.CheckStateRequest) error {
		id, err := stateID(req.State, evaluatorAddr)
		if err != nil {
			return err
		}
		e, ok := emu.Evaluator(id)
		if !ok || e.Version == nil {
			return fmt.Errorf("no evaluator %s", id)
		}
		for _, r := range req.State.Values.RootModule.Resources {
			if r.Address != evaluatorAddr {
				continue
			}
			if r.AttributeValues["current_version_id"] != e.Version.ID || r.AttributeValues["current_version_commit_hash"] != e.Version.CommitHash {
				return fmt.Errorf("state's version %v (%v), the latest is %s (%s)", r.AttributeValues["current_version_id"],
					r.AttributeValues["current_version_commit_hash"], e.Version.ID, e.Version.CommitHash)
			}
		}
		return nil
	}}
}

// TestAccEvaluator_everyAttribute: a judge with every parameter set
// round-trips, reaches Arize as written, and plans empty after; removing
// them all is one version.
func TestAccEvaluator_everyAttribute(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-every")
	emu := f.emu
	full := defaultJudge()
	full.extra = `    include_explanations              = true
    use_function_calling_if_available = true
    use_structured_output             = false
    direction                         = "MINIMIZE"
    data_granularity                  = "TRACE"`
	cfg := strings.Replace(f.config(full), `      model_name        = "gpt-4o-mini"`, `      model_name        = "gpt-4o-mini"
      invocation_parameters = {
        temperature           = 0.7
        max_tokens            = 256
        max_completion_tokens = 512
        top_p                 = 0.9
        top_k                 = 40
        frequency_penalty     = -0.5
        presence_penalty      = 1.25
        stop                  = ["END", "\n\n"]
        reasoning_effort      = "high"
        verbosity             = "low"
        thinking_level        = "high"
        thinking_budget       = -1
        response_format = {
          type = "JSON_SCHEMA"
          json_schema = {
            name        = "verdict"
            description = "The verdict"
            schema_json = jsonencode({ type = "object", properties = { label = { type = "string" } } })
            strict      = true
          }
        }
        tool_config_json = jsonencode({ tools = [{ type = "function", function = { name = "lookup" } }], tool_choice = "auto" })
      }
      provider_parameters = {
        azure_params = {
          azure_deployment_name = "judge"
          azure_openai_endpoint = "https://example.openai.azure.com"
          azure_openai_version  = "2024-06-01"
        }
        anthropic_beta                = ["tools-2024-04-04"]
        anthropic_version             = "2023-06-01"
        use_bedrock_converse_endpoint = true
        region                        = "us-east-1"
      }`, 1)
	accTest(t,
		resource.TestStep{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				expectStoredEvaluator(emu, func(e emulator.Evaluator) error {
					tc := e.Version.Config.Template
					p := tc.LLMConfig.InvocationParameters
					pp := tc.LLMConfig.ProviderParameters
					switch {
					case !tc.IncludeExplanations || !tc.UseFunctionCallingIfAvailable || tc.UseStructuredOutput == nil || *tc.UseStructuredOutput:
						return fmt.Errorf("booleans %+v", tc)
					case tc.Direction != "MINIMIZE" || tc.DataGranularity != "TRACE":
						return fmt.Errorf("enums %q %q", tc.Direction, tc.DataGranularity)
					case p.Temperature == nil || *p.Temperature != 0.7 || p.ThinkingBudget == nil || *p.ThinkingBudget != -1 || len(p.Stop) != 2:
						return fmt.Errorf("invocation parameters %+v", p)
					case p.ResponseFormat == nil || p.ResponseFormat.JSONSchema == nil || !strings.Contains(string(p.ResponseFormat.JSONSchema.Schema), `"label"`):
						return fmt.Errorf("response format %+v", p.ResponseFormat)
					case p.ToolConfig == nil || len(p.ToolConfig.Tools) != 1 || string(p.ToolConfig.ToolChoice) != `"auto"`:
						return fmt.Errorf("tool config %+v", p.ToolConfig)
					case pp.AzureParams == nil || pp.AnthropicHeaders == nil || pp.BedrockOptions == nil || pp.Region == nil || *pp.Region != "us-east-1":
						return fmt.Errorf("provider parameters %+v", pp)
					}
					return nil
				}),
			},
		},
		resource.TestStep{
			// The same, imported: every attribute reads back as written.
			ResourceName:      evaluatorAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			Config:            f.config(defaultJudge()),
			ConfigPlanChecks:  evaluatorActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{evaluatorWrites(emu, 1, 0, 1, 0)},
		},
	)
}

// TestAccEvaluator_drift: a version made outside Terraform is the latest.
// One with another configuration plans one update, whose apply appends one
// version restoring the configuration; one with the same configuration
// plans nothing, and the state follows the new current version.
func TestAccEvaluator_drift(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-drift")
	emu := f.emu
	config := f.config(defaultJudge())
	var id string
	appendOutside := func(edit func(*emulator.EvaluatorConfig)) func() {
		return func() {
			e, ok := emu.Evaluator(id)
			if !ok {
				t.Fatalf("no evaluator %s", id)
			}
			c := e.Version.Config
			edit(&c)
			if _, err := emu.AppendEvaluatorVersion(id, "Edited in the UI", c); err != nil {
				t.Fatal(err)
			}
		}
	}
	accTest(t,
		resource.TestStep{
			Config: config,
			Check: func(s *terraform.State) error {
				id = s.RootModule().Resources[evaluatorAddr].Primary.ID
				return nil
			},
		},
		resource.TestStep{
			PreConfig: appendOutside(func(c *emulator.EvaluatorConfig) { c.Template.LLMConfig.ModelName = "gpt-4o" }),
			Config:    config,
			ConfigPlanChecks: evaluatorActionIs(plancheck.ResourceActionUpdate,
				plancheck.ExpectUnknownValue(evaluatorAddr, tfjsonpath.New("current_version_id"))),
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 1, 0, 1, 0),
				// created, edited outside, restored
				storedJudgeIs(emu, "tf-acc-judge", "", "gpt-4o-mini", defaultJudge().prompt, 3),
				expectCurrentVersionIsLatest(emu),
			},
		},
		resource.TestStep{
			// Another version of the same configuration: the Arize UI saved
			// without a change. No version, no diff; state follows it.
			PreConfig: appendOutside(func(*emulator.EvaluatorConfig) {}),
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 1, 0, 1, 0),
				expectCurrentVersionIsLatest(emu),
				storedJudgeIs(emu, "tf-acc-judge", "", "gpt-4o-mini", defaultJudge().prompt, 4),
			},
		},
		resource.TestStep{
			// A rename outside Terraform (the first PATCH): one PATCH back,
			// no version.
			PreConfig: func() {
				f.env.patchEvaluatorOutside(t, id, `{"name": "renamed in the UI"}`)
			},
			Config:           config,
			ConfigPlanChecks: evaluatorActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 1, 2, 1, 0),
				storedJudgeIs(emu, "tf-acc-judge", "", "gpt-4o-mini", defaultJudge().prompt, 4),
			},
		},
	)
}

// patchEvaluatorOutside changes an evaluator as someone outside Terraform
// would: a PATCH straight to the API.
func (e *accEnv) patchEvaluatorOutside(t *testing.T, id, body string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPatch, e.endpoint+"/v2/evaluators/"+url.PathEscape(id), strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+e.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("PATCH outside Terraform: %s", resp.Status)
	}
}

// TestAccEvaluator_legacyVersion: a version made before today's rules (no
// classification choices, nothing defaulted) reads as what it is; the plan
// appends one version with the configuration's choices.
func TestAccEvaluator_legacyVersion(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-legacy")
	emu := f.emu
	config := f.config(defaultJudge())
	var id string
	accTest(t,
		resource.TestStep{
			Config: config,
			Check: func(s *terraform.State) error {
				id = s.RootModule().Resources[evaluatorAddr].Primary.ID
				return nil
			},
		},
		resource.TestStep{
			PreConfig: func() {
				e, _ := emu.Evaluator(id)
				c := e.Version.Config
				tc := *c.Template
				tc.ClassificationChoices, tc.UseStructuredOutput, tc.Direction, tc.DataGranularity = nil, nil, "", ""
				c.Template = &tc
				if _, err := emu.AppendLegacyEvaluatorVersion(id, "freeform", c); err != nil {
					t.Fatal(err)
				}
			},
			Config:            config,
			ConfigPlanChecks:  evaluatorActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{evaluatorWrites(emu, 1, 0, 1, 0)},
		},
	)
}

func TestAccEvaluator_disappears(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-disappears")
	emu := f.emu
	config := f.config(defaultJudge())
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() {
				for _, e := range emu.Evaluators() {
					emu.RemoveEvaluator(e.ID)
				}
			},
			Config:            config,
			ConfigPlanChecks:  evaluatorActionIs(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{evaluatorWrites(emu, 2, 0, 0, 0)},
		},
	)
}

// TestAccEvaluator_import: an evaluator made outside Terraform is imported
// by its ID with an import block, planning no change against a matching
// configuration, and by 'terraform import'; its state reads back whole.
func TestAccEvaluator_import(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-import")
	emu := f.emu
	j := defaultJudge()
	j.name = "Made in the UI"
	j.description = "An evaluator made outside Terraform"
	existing, err := emu.PutEvaluator(f.space.ID, j.name, j.description, emulator.EvaluatorConfig{Template: &emulator.TemplateConfig{
		Name: "hallucination", Template: j.prompt,
		ClassificationChoices: map[string]float64{"factual": 1, "hallucinated": 0},
		LLMConfig:             emulator.LLMConfig{AIIntegrationID: f.integration.ID, ModelName: j.model},
	}})
	if err != nil {
		t.Fatal(err)
	}
	accTest(t,
		resource.TestStep{
			Config:           f.env.config(fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n\n", evaluatorAddr, existing.ID) + f.block(j)),
			ConfigPlanChecks: evaluatorActionIs(plancheck.ResourceActionNoop),
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 0, 0, 0, 0),
				evaluatorAttr("id", knownvalue.StringExact(existing.ID)),
				evaluatorAttr("current_version_id", knownvalue.StringExact(existing.Version.ID)),
				evaluatorAttr("commit_message", knownvalue.StringExact("Managed by Terraform")),
			},
		},
		resource.TestStep{
			ResourceName:      evaluatorAddr,
			ImportState:       true,
			ImportStateId:     existing.ID,
			ImportStateVerify: true,
		},
		resource.TestStep{
			// A configuration that differs from the imported one: one version.
			Config:            f.config(func() judge { k := j; k.model = "gpt-4o"; return k }()),
			ConfigPlanChecks:  evaluatorActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{evaluatorWrites(emu, 0, 0, 1, 0)},
		},
	)
}

func TestAccEvaluator_importByIdentity(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-identity")
	config := f.config(defaultJudge())
	// Resource identities need Terraform 1.12.
	accTestFrom(t, tfversion.Version1_12_0,
		resource.TestStep{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(evaluatorAddr, map[string]knownvalue.Check{"id": knownvalue.NotNull()}),
				statecheck.ExpectIdentityValueMatchesState(evaluatorAddr, tfjsonpath.New("id")),
			},
		},
		resource.TestStep{
			Config:          config,
			ResourceName:    evaluatorAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		},
	)
}

// TestAccEvaluator_importHarness: a HARNESS evaluator's configuration is
// not readable, so its import fails, saying why.
func TestAccEvaluator_importHarness(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-harness")
	harness, err := f.emu.PutHarnessEvaluator(f.space.ID, "Agent harness", "HARNESS")
	if err != nil {
		t.Fatal(err)
	}
	accTest(t, resource.TestStep{
		Config:      f.env.config(fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n\n", evaluatorAddr, harness.ID) + f.block(defaultJudge())),
		ExpectError: wrappedRegexp(`Cannot manage this kind of Arize evaluator[\s\S]*is of type HARNESS[\s\S]*does not expose`),
	})
	if n := f.emu.Count("POST", emulator.RouteEvaluatorVersions) + f.emu.Count("PATCH", emulator.RouteEvaluator); n != 0 {
		t.Errorf("%d writes to a HARNESS evaluator", n)
	}
}

// TestAccEvaluator_nameConflict: names are unique within a space: a taken
// one is refused on create and on rename, saying where.
func TestAccEvaluator_nameConflict(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-names")
	if _, err := f.emu.PutEvaluator(f.space.ID, "tf-acc-taken", "", emulator.EvaluatorConfig{Code: &emulator.CodeConfig{
		Type: "MANAGED", Name: "json", ManagedEvaluator: "JSON_PARSEABLE", Variables: []string{"output"},
	}}); err != nil {
		t.Fatal(err)
	}
	taken := defaultJudge()
	taken.name = "tf-acc-taken"
	accTest(t,
		resource.TestStep{
			Config:      f.config(taken),
			ExpectError: wrappedRegexp(`An evaluator named "tf-acc-taken" already exists in this space \(names are unique\)`),
		},
		resource.TestStep{Config: f.config(defaultJudge())},
		resource.TestStep{
			Config:      f.config(taken),
			ExpectError: wrappedRegexp(`Another evaluator in this space is already named "tf-acc-taken"`),
		},
	)
}

// TestAccEvaluator_unknownIntegration: Arize refuses a judge whose
// integration does not exist (422); the error says so.
func TestAccEvaluator_unknownIntegration(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-no-integration")
	f.integration.ID = "TGxtSW50ZWdyYXRpb246OTk5OnpaeiE="
	accTest(t, resource.TestStep{
		Config:      f.config(defaultJudge()),
		ExpectError: wrappedRegexp(`Could not create the Arize evaluator[\s\S]*ai_integration_id`),
	})
}

// TestAccEvaluator_createOfUnknownOutcome: the create reaches Arize but its
// answer is lost. The client finds the evaluator by name in its space
// rather than sending the create again: one evaluator, one version.
func TestAccEvaluator_createOfUnknownOutcome(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-dropped")
	emu := f.emu
	accTest(t, resource.TestStep{
		PreConfig: func() { emu.DropNext(1, true) },
		Config:    f.config(defaultJudge()),
		ConfigStateChecks: []statecheck.StateCheck{
			evaluatorWrites(emu, 1, 0, 0, 0),
			expectCurrentVersionIsLatest(emu),
			exampleStored{check: func() error {
				if n := emu.Injected()["drop_after_commit"]; n != 1 {
					return fmt.Errorf("%d writes were dropped after being made, want 1", n)
				}
				all := emu.Evaluators()
				if len(all) != 1 || len(emu.EvaluatorVersions(all[0].ID)) != 1 {
					return fmt.Errorf("the emulator holds %d evaluators, want 1 with 1 version", len(all))
				}
				if emu.Count("GET", emulator.RouteEvaluators) == 0 {
					return fmt.Errorf("the create was not recovered by a look-up")
				}
				return nil
			}},
		},
	})
}

// TestAccEvaluator_versionOfUnknownOutcome: a version POST reaches Arize
// but its answer is lost. The client reads the latest version instead of
// sending it again: exactly one new version.
func TestAccEvaluator_versionOfUnknownOutcome(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-version-dropped")
	emu := f.emu
	bigger := defaultJudge()
	bigger.model = "gpt-4o"
	accTest(t,
		resource.TestStep{Config: f.config(defaultJudge())},
		resource.TestStep{
			PreConfig: func() { emu.DropNext(1, true) },
			Config:    f.config(bigger),
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 1, 0, 1, 0),
				storedJudgeIs(emu, "tf-acc-judge", "", "gpt-4o", bigger.prompt, 2),
				expectCurrentVersionIsLatest(emu),
				exampleStored{check: func() error {
					if n := emu.Injected()["drop_after_commit"]; n != 1 {
						return fmt.Errorf("%d writes were dropped after being made, want 1", n)
					}
					return nil
				}},
			},
		},
	)
}

// TestAccEvaluator_code: a managed code evaluator, changed, switched to a
// custom one (one version each, the same ID), and destroyed.
func TestAccEvaluator_code(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-code")
	emu := f.emu
	seen := stateTracker{}
	managed := func(keywords string) string {
		return fmt.Sprintf(`    managed = {
      eval_column_name  = "mentions refunds"
      managed_evaluator = "CONTAINS_ANY_KEYWORD"
      variables         = ["output"]
      static_params = [
        { name = "keywords", type = "STRING_ARRAY", values = %s },
      ]
      data_granularity = "TRACE"
      query_filter     = "span_kind = 'LLM'"
    }`, keywords)
	}
	custom := `    custom = {
      eval_column_name = "short answer"
      code             = "class ShortAnswer:\n    def evaluate(self, output):\n        return len(output) < 200\n"
      imports          = "import re"
      variables        = ["output"]
      static_params = [
        { name = "pattern", type = "REGEX", value = "^ok$" },
      ]
    }`
	storedCode := func(versions int, check func(*emulator.CodeConfig) error) statecheck.StateCheck {
		return expectStoredEvaluator(emu, func(e emulator.Evaluator) error {
			if e.Type != "CODE" || e.Version.Config.Code == nil {
				return fmt.Errorf("stored %+v", e)
			}
			if n := len(emu.EvaluatorVersions(e.ID)); n != versions {
				return fmt.Errorf("stored %d versions, want %d", n, versions)
			}
			return check(e.Version.Config.Code)
		})
	}
	accTest(t,
		resource.TestStep{
			Config: f.codeConfig("tf-acc-code", managed(`["refund"]`)),
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 1, 0, 0, 0),
				evaluatorAttr("template", knownvalue.Null()),
				storedCode(1, func(c *emulator.CodeConfig) error {
					if c.Type != "MANAGED" || c.ManagedEvaluator != "CONTAINS_ANY_KEYWORD" || len(c.StaticParams) != 1 ||
						strings.Join(c.StaticParams[0].DefaultValues, ",") != "refund" || c.DataGranularity != "TRACE" {
						return fmt.Errorf("stored %+v", c)
					}
					return nil
				}),
			},
			Check: seen.record("id"),
		},
		resource.TestStep{
			Config:           f.codeConfig("tf-acc-code", managed(`["refund", "cancel"]`)),
			ConfigPlanChecks: evaluatorActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 1, 0, 1, 0),
				storedCode(2, func(c *emulator.CodeConfig) error {
					if strings.Join(c.StaticParams[0].DefaultValues, ",") != "refund,cancel" {
						return fmt.Errorf("stored %+v", c.StaticParams)
					}
					return nil
				}),
			},
			Check: seen.same("id"),
		},
		resource.TestStep{
			Config:           f.codeConfig("tf-acc-code", custom),
			ConfigPlanChecks: evaluatorActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				evaluatorWrites(emu, 1, 0, 2, 0),
				storedCode(3, func(c *emulator.CodeConfig) error {
					if c.Type != "CUSTOM" || !strings.HasPrefix(c.Code, "class ShortAnswer") || c.Imports == nil || *c.Imports != "import re" ||
						c.StaticParams[0].DefaultValue != "^ok$" || c.DataGranularity != "" {
						return fmt.Errorf("stored %+v", c)
					}
					return nil
				}),
			},
			Check: seen.same("id"),
		},
		resource.TestStep{
			ResourceName:      evaluatorAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			// type TEMPLATE replaces the evaluator: a delete, then a create.
			Config:            f.config(func() judge { j := defaultJudge(); j.name = "tf-acc-code"; return j }()),
			ConfigPlanChecks:  evaluatorActionIs(plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{evaluatorWrites(emu, 2, 0, 2, 1)},
			Check:             seen.changed("id"),
		},
	)
}

// evaluatorPlanTimeErrors are configurations of arize_evaluator every one
// of which must be refused at plan time, on the attribute that is wrong,
// before any API call.
var evaluatorPlanTimeErrors = []struct {
	name   string
	body   string // the resource block's attributes
	expect string // a regexp over Terraform's error output
}{
	{"template with type CODE", `type = "CODE"
  template = ` + testTemplate(`eval_column_name = "x"`, ``),
		`Error: template does not apply to type CODE[\s\S]*with arize_evaluator.test[\s\S]*template configures an evaluator of type = "TEMPLATE" only`},
	{"no template for TEMPLATE", `type = "TEMPLATE"`,
		`Error: Missing template[\s\S]*An evaluator of type = "TEMPLATE" is configured by template`},
	{"no code for CODE", `type = "CODE"`, `Error: Missing code`},
	{"code with type TEMPLATE", `type = "TEMPLATE"
  template = ` + testTemplate(`eval_column_name = "x"`, ``) + `
  code = { managed = { eval_column_name = "x", managed_evaluator = "EXACT_MATCH", variables = ["a", "b"] } }`,
		`Error: code does not apply to type TEMPLATE`},
	{"bad eval column name", `type = "TEMPLATE"
  template = ` + testTemplate(`eval_column_name = "score/v2"`, ``),
		`Attribute template.eval_column_name must be letters, digits, white space, _, -, &, \( and \) only`},
	{"bad code eval column name", `type = "CODE"
  code = { custom = { eval_column_name = "a.b", code = "x", variables = [] } }`,
		`Attribute code.custom.eval_column_name must be letters`},
	{"empty classification choices", `type = "TEMPLATE"
  template = ` + testTemplate(`eval_column_name = "x"
    classification_choices = {}`, ``),
		`Attribute template.classification_choices map must contain at least 1 elements`},
	{"invalid schema_json", `type = "TEMPLATE"
  template = ` + testTemplate(`eval_column_name = "x"`, `invocation_parameters = { response_format = { type = "JSON_SCHEMA", json_schema = { schema_json = "{not json" } } }`),
		`Invalid JSON[\s\S]*template.llm_config.invocation_parameters.response_format.json_schema.schema_json must be a JSON document`},
	{"invalid tool_config_json", `type = "TEMPLATE"
  template = ` + testTemplate(`eval_column_name = "x"`, `invocation_parameters = { tool_config_json = "[" }`),
		`Invalid JSON[\s\S]*tool_config_json`},
	{"published spelling", `type = "TEMPLATE"
  template = ` + testTemplate(`eval_column_name = "x"
    direction = "maximize"`, ``),
		`Attribute template.direction value must be one of`},
	{"both managed and custom", `type = "CODE"
  code = {
    managed = { eval_column_name = "x", managed_evaluator = "EXACT_MATCH", variables = ["a", "b"] }
    custom  = { eval_column_name = "x", code = "y", variables = [] }
  }`, `Invalid Attribute Combination`},
	{"values for a STRING param", `type = "CODE"
  code = { managed = { eval_column_name = "x", managed_evaluator = "MATCHES_REGEX", variables = ["a"],
    static_params = [{ name = "p", type = "STRING", values = ["a"] }] } }`,
		`Error: Missing value[\s\S]*Error: values does not apply to type STRING`},
	{"no values for a STRING_ARRAY param", `type = "CODE"
  code = { managed = { eval_column_name = "x", managed_evaluator = "CONTAINS_ANY_KEYWORD", variables = ["a"],
    static_params = [{ name = "p", type = "STRING_ARRAY", value = "a" }] } }`,
		`Error: Missing values`},
	{"blank name", `type = "CODE"
  name = "  "
  code = { custom = { eval_column_name = "x", code = "y", variables = [] } }`, `Blank value`},
	{"type HARNESS", `type = "HARNESS"`, `Attribute type value must be one of`},
	{"frequency penalty out of range", `type = "TEMPLATE"
  template = ` + testTemplate(`eval_column_name = "x"`, `invocation_parameters = { frequency_penalty = 2.5 }`),
		`frequency_penalty value must be between -2.000000 and 2.000000`},
}

// testTemplate is a template object with the attributes top and an
// llm_config with the attributes llm.
func testTemplate(top, llm string) string {
	if !strings.Contains(top, "classification_choices") {
		top += "\n    classification_choices = { yes = 1 }"
	}
	return fmt.Sprintf(`{
    template = "t"
    %s
    llm_config = {
      ai_integration_id = "TGxtSW50ZWdyYXRpb246MTI6YUJjRA=="
      model_name        = "gpt-4o"
      %s
    }
  }`, top, llm)
}

func TestAccEvaluator_planTimeValidation(t *testing.T) {
	for _, tc := range evaluatorPlanTimeErrors {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			name := `name = "x"`
			if strings.Contains(tc.body, "\n  name = ") {
				name = ""
			}
			accTest(t, resource.TestStep{
				Config:      env.config("resource \"arize_evaluator\" \"test\" {\n  space_id = \"U3BhY2U6MQ==\"\n  " + name + "\n  " + tc.body + "\n}\n"),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("plan-time error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}

// TestAccEvaluator_partialUpdate: a rename and a new model in one apply,
// whose version Arize refuses (the integration was deleted: 422). The
// rename happened and stays in state; the configuration did not change, so
// a configuration back at the old model with the new name plans nothing.
func TestAccEvaluator_partialUpdate(t *testing.T) {
	f := newEvalFixture(t, "tf-acc-evaluator-partial")
	emu := f.emu
	renamed := defaultJudge()
	renamed.name = "tf-acc-judge-renamed"
	both := renamed
	both.model = "gpt-4o"
	accTest(t,
		resource.TestStep{Config: f.config(defaultJudge())},
		resource.TestStep{
			PreConfig:   func() { emu.Remove(f.integration.ID) },
			Config:      f.config(both),
			ExpectError: wrappedRegexp(`Could not append a version to the Arize evaluator[\s\S]*not found`),
		},
		resource.TestStep{
			Config: f.config(renamed),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				// The refused version POST is the one counted.
				evaluatorWrites(emu, 1, 1, 1, 0),
				storedJudgeIs(emu, renamed.name, "", "gpt-4o-mini", renamed.prompt, 1),
			},
		},
	)
}
