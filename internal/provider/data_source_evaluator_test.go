package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// lookupFixture is what the evaluator data source and list tests find in
// the emulator: an organization, spaces in it, and an AI integration for
// the judges.
type lookupFixture struct {
	env         *accEnv
	emu         *emulator.Server
	org         emulator.Organization
	integration emulator.Integration
}

func newLookupFixture(t *testing.T, name string) lookupFixture {
	t.Helper()
	env := newAccEnv(t)
	emu := env.emulator(t)
	integration, err := emu.Put(emulator.Integration{Name: name + " OpenAI", Provider: "OPEN_AI", ModelNames: []string{"gpt-4o-mini", "gpt-4o"}})
	if err != nil {
		t.Fatal(err)
	}
	return lookupFixture{env: env, emu: emu, org: spaceTestOrg(t, emu, name), integration: integration}
}

func (f lookupFixture) space(t *testing.T, name string) emulator.Space {
	t.Helper()
	return spaceTestSpace(t, f.emu, f.org.ID, name)
}

// judge stores an LLM judge named name in the space, made outside
// Terraform, with the configuration of lookupJudge.
func (f lookupFixture) judge(t *testing.T, spaceID, name, description string) emulator.Evaluator {
	t.Helper()
	e, err := f.emu.PutEvaluator(spaceID, name, description, emulator.EvaluatorConfig{Template: lookupJudge(f.integration.ID)})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// lookupJudge is a judge's configuration with a value in most of its
// attributes, some of them left to the API's defaults.
func lookupJudge(integrationID string) *emulator.TemplateConfig {
	temperature, maxTokens, region := 0.25, int64(256), "us-east-1"
	return &emulator.TemplateConfig{
		Name:                  "hallucination",
		Template:              "Is {output} supported by {reference}?",
		IncludeExplanations:   true,
		ClassificationChoices: map[string]float64{"factual": 1, "hallucinated": 0},
		Direction:             "MINIMIZE",
		LLMConfig: emulator.LLMConfig{
			AIIntegrationID:      integrationID,
			ModelName:            "gpt-4o",
			InvocationParameters: emulator.InvocationParameters{Temperature: &temperature, MaxTokens: &maxTokens, Stop: []string{"\n\n"}},
			ProviderParameters:   emulator.ProviderParameters{Region: &region},
		},
	}
}

// code stores a managed CODE evaluator named name in the space.
func (f lookupFixture) code(t *testing.T, spaceID, name string) emulator.Evaluator {
	t.Helper()
	e, err := f.emu.PutEvaluator(spaceID, name, "", emulator.EvaluatorConfig{Code: &emulator.CodeConfig{
		Type: "MANAGED", Name: "is_json", ManagedEvaluator: "JSON_PARSEABLE", Variables: []string{"output"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// attrChecks checks the attributes of addr, by path from the root.
func attrChecks(addr string, want map[string]knownvalue.Check) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for p, v := range want {
		checks = append(checks, statecheck.ExpectKnownValue(addr, jsonPath(p), v))
	}
	return checks
}

// jsonPath is a dotted path of attribute names as a tfjsonpath.
func jsonPath(dotted string) tfjsonpath.Path {
	names := strings.Split(dotted, ".")
	p := tfjsonpath.New(names[0])
	for _, name := range names[1:] {
		p = p.AtMapKey(name)
	}
	return p
}

// TestAccEvaluatorDataSource_lookups looks evaluators up by id (a judge, a
// code evaluator, a HARNESS one) and by exact name within a space, where
// the exact name is on the second page of the evaluators whose names
// contain it, one of them differing only in case, and a namesake lives in
// another space. A lookup by name is the list's pages and one GET; one by
// id is one GET.
func TestAccEvaluatorDataSource_lookups(t *testing.T) {
	f := newLookupFixture(t, "tf-acc-ds-eval")
	support, other := f.space(t, "Support bot"), f.space(t, "Search")
	// More than a page of candidates before the match: the API lists in
	// creation order.
	for i := range maxPageSize + 3 {
		f.code(t, support.ID, fmt.Sprintf("Hallucination check %03d", i))
	}
	f.judge(t, support.ID, "HALLUCINATION", "")
	judge := f.judge(t, support.ID, "Hallucination", "Flags unsupported answers")
	namesake := f.judge(t, other.ID, "Hallucination", "")
	code := f.code(t, other.ID, "Output is JSON")
	harness, err := f.emu.PutHarnessEvaluator(other.ID, "Agent harness", "HARNESS")
	if err != nil {
		t.Fatal(err)
	}
	// A version made since: the lookup shows the latest.
	latest := lookupJudge(f.integration.ID)
	latest.LLMConfig.ModelName = "gpt-4o-mini"
	version, err := f.emu.AppendEvaluatorVersion(judge.ID, "Cheaper model", emulator.EvaluatorConfig{Template: latest})
	if err != nil {
		t.Fatal(err)
	}

	const (
		byID    = "data.arize_evaluator.by_id"
		byName  = "data.arize_evaluator.by_name"
		inSpace = "data.arize_evaluator.by_id_in_space"
		codeDS  = "data.arize_evaluator.code"
		harnDS  = "data.arize_evaluator.harness"
	)
	judgeValues := map[string]knownvalue.Check{
		"id":                            knownvalue.StringExact(judge.ID),
		"space_id":                      knownvalue.StringExact(support.ID),
		"type":                          knownvalue.StringExact("TEMPLATE"),
		"name":                          knownvalue.StringExact("Hallucination"),
		"description":                   knownvalue.StringExact("Flags unsupported answers"),
		"current_version_id":            knownvalue.StringExact(version.ID),
		"current_version_commit_hash":   knownvalue.StringExact(version.CommitHash),
		"created_at":                    knownvalue.NotNull(),
		"updated_at":                    knownvalue.NotNull(),
		"code":                          knownvalue.Null(),
		"template.eval_column_name":     knownvalue.StringExact("hallucination"),
		"template.template":             knownvalue.StringExact("Is {output} supported by {reference}?"),
		"template.include_explanations": knownvalue.Bool(true),
		"template.use_function_calling_if_available": knownvalue.Bool(false),
		// Left to the API's default, read as the resource plans it.
		"template.use_structured_output": knownvalue.Bool(true),
		"template.data_granularity":      knownvalue.StringExact("SPAN"),
		"template.direction":             knownvalue.StringExact("MINIMIZE"),
		"template.classification_choices": knownvalue.MapExact(map[string]knownvalue.Check{
			"factual": knownvalue.Float64Exact(1), "hallucinated": knownvalue.Float64Exact(0),
		}),
		"template.llm_config.ai_integration_id":                 knownvalue.StringExact(f.integration.ID),
		"template.llm_config.model_name":                        knownvalue.StringExact("gpt-4o-mini"),
		"template.llm_config.invocation_parameters.temperature": knownvalue.Float64Exact(0.25),
		"template.llm_config.invocation_parameters.max_tokens":  knownvalue.Int64Exact(256),
		"template.llm_config.invocation_parameters.stop":        knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("\n\n")}),
		"template.llm_config.invocation_parameters.top_p":       knownvalue.Null(),
		"template.llm_config.provider_parameters.region":        knownvalue.StringExact("us-east-1"),
		"template.llm_config.provider_parameters.azure_params":  knownvalue.Null(),
	}
	checks := append(attrChecks(byID, judgeValues), attrChecks(byName, judgeValues)...)
	checks = append(checks, attrChecks(inSpace, map[string]knownvalue.Check{
		"id": knownvalue.StringExact(namesake.ID), "description": knownvalue.StringExact(""),
	})...)
	checks = append(checks, attrChecks(codeDS, map[string]knownvalue.Check{
		"type":                           knownvalue.StringExact("CODE"),
		"template":                       knownvalue.Null(),
		"code.custom":                    knownvalue.Null(),
		"code.managed.eval_column_name":  knownvalue.StringExact("is_json"),
		"code.managed.managed_evaluator": knownvalue.StringExact("JSON_PARSEABLE"),
		"code.managed.variables":         knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("output")}),
		"code.managed.data_granularity":  knownvalue.Null(),
		"code.managed.static_params":     knownvalue.Null(),
	})...)
	checks = append(checks, attrChecks(harnDS, map[string]knownvalue.Check{
		"type":               knownvalue.StringExact("HARNESS"),
		"name":               knownvalue.StringExact("Agent harness"),
		"current_version_id": knownvalue.StringExact(harness.Version.ID),
		"template":           knownvalue.Null(),
		"code":               knownvalue.Null(),
	})...)
	accTest(t, resource.TestStep{
		Config: f.env.config(fmt.Sprintf(`
data "arize_evaluator" "by_id" {
  id = %q
}

data "arize_evaluator" "by_name" {
  space_id = %q
  name     = "Hallucination"
}

data "arize_evaluator" "by_id_in_space" {
  id       = %q
  space_id = %q
}

data "arize_evaluator" "code" {
  id = %q
}

data "arize_evaluator" "harness" {
  id = %q
}
`, judge.ID, support.ID, namesake.ID, other.ID, code.ID, harness.ID)),
		ConfigStateChecks: checks,
	})
	// Each read of the configuration is two list pages (by_name) and five
	// GETs, one per data source.
	lists, gets := f.emu.Count("GET", emulator.RouteEvaluators), f.emu.Count("GET", emulator.RouteEvaluator)
	if lists == 0 || lists%2 != 0 || gets*2 != lists*5 {
		t.Errorf("served %d list pages and %d GETs: not a whole number of reads of 2 pages and 5 GETs", lists, gets)
	}
	if n := f.emu.Count("GET", emulator.RouteEvaluatorVersions) + f.emu.Count("GET", emulator.RouteEvaluatorVersion); n != 0 {
		t.Errorf("read %d version lists or versions: the GET of an evaluator has its latest", n)
	}
}

// TestAccEvaluatorDataSource_notFound: a name no evaluator of the space has
// exactly (others contain it), an unknown id, an unknown space, and an
// evaluator of another space are each an error on the attribute at fault.
func TestAccEvaluatorDataSource_notFound(t *testing.T) {
	f := newLookupFixture(t, "tf-acc-ds-eval-none")
	support, other := f.space(t, "Support bot"), f.space(t, "Search")
	f.judge(t, support.ID, "Hallucination", "")
	f.judge(t, support.ID, "Hallucination checker v2", "")
	elsewhere := f.judge(t, other.ID, "Hallucination checker", "")
	step := func(body, expect string) resource.TestStep {
		return resource.TestStep{Config: f.env.config(body), ExpectError: wrappedRegexp(expect)}
	}
	accTest(t,
		step(fmt.Sprintf(`
data "arize_evaluator" "none" {
  space_id = %q
  name     = "Hallucination checker"
}
`, support.ID), `evaluator not found[\s\S]*No evaluator named "Hallucination checker" exists in this space`),
		step(`
data "arize_evaluator" "none" {
  id = "RXZhbHVhdG9yOjk5OTk6bm9uZQ=="
}
`, `evaluator not found[\s\S]*No evaluator with ID "RXZhbHVhdG9yOjk5OTk6bm9uZQ==" exists`),
		step(`
data "arize_evaluator" "none" {
  space_id = "U3BhY2U6OTk5OTpub25l"
  name     = "Hallucination"
}
`, `space not found[\s\S]*No space with ID "U3BhY2U6OTk5OTpub25l" exists`),
		step(fmt.Sprintf(`
data "arize_evaluator" "elsewhere" {
  id       = %q
  space_id = %q
}
`, elsewhere.ID, support.ID), `Evaluator not in this space[\s\S]*"Hallucination checker" \(ID `+elsewhere.ID+`\) belongs to the space with ID "`+other.ID+`"`),
	)
}

// TestAccEvaluatorDataSource_planTimeErrors: a name needs its space, and
// exactly one of id and name is given; each is refused before any request.
func TestAccEvaluatorDataSource_planTimeErrors(t *testing.T) {
	for name, c := range map[string]struct{ body, expect string }{
		"name without space": {`name = "Hallucination"`,
			`Attribute "space_id" must be specified when "name" is specified`},
		"neither id nor name": {`space_id = "U3BhY2U6MQ=="`,
			`Missing Attribute Configuration[\s\S]*Exactly one of these attributes must be configured: \[id,name\]`},
		"both id and name": {`id = "RXZhbHVhdG9yOjE="
  name     = "Hallucination"
  space_id = "U3BhY2U6MQ=="`, `Invalid Attribute Combination[\s\S]*Exactly one of these attributes must be configured: \[id,name\]`},
		"empty id": {`id = ""`, `Attribute id string length must be at least 1`},
	} {
		t.Run(name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			accTest(t, resource.TestStep{
				Config:      env.config("data \"arize_evaluator\" \"test\" {\n  " + c.body + "\n}\n"),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(c.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("plan-time error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}
