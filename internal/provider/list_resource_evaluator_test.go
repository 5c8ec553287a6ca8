package provider

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestAccEvaluatorList_query lists evaluators over more than one page, in
// one space and by name, with and without their resources: a resource
// carries its latest version's configuration, as an import reads it, and
// HARNESS and REMOTE evaluators, which cannot be imported, are left out.
func TestAccEvaluatorList_query(t *testing.T) {
	f := newLookupFixture(t, "tf-acc-list-eval")
	bulkSpace, teamSpace := f.space(t, "Bulk evaluations"), f.space(t, "Team evaluations")
	const inBulk = maxPageSize + 2
	for i := range inBulk {
		f.code(t, bulkSpace.ID, fmt.Sprintf("bulk-%03d", i))
	}
	judge := f.judge(t, teamSpace.ID, "Hallucination", "Flags unsupported answers")
	code := f.code(t, teamSpace.ID, "Output is JSON")
	for _, typ := range []string{"HARNESS", "REMOTE"} {
		if _, err := f.emu.PutHarnessEvaluator(teamSpace.ID, "Agent "+typ, typ); err != nil {
			t.Fatal(err)
		}
	}

	// Query checks name list blocks without their "list." prefix.
	const all, team = "arize_evaluator.all", "arize_evaluator.team"
	byIdentity := func(id string) queryfilter.QueryFilter {
		return queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(id)})
	}
	value := func(p string, v knownvalue.Check) querycheck.KnownValueCheck {
		return querycheck.KnownValueCheck{Path: jsonPath(p), KnownValue: v}
	}
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: f.env.config("")},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`
# Terraform's default limit is 100 results.
list "arize_evaluator" "all" {
  provider = arize
  limit    = 1000
}

list "arize_evaluator" "in_bulk" {
  provider = arize
  limit    = 1000
  config {
    space_id = %q
  }
}

list "arize_evaluator" "team" {
  provider         = arize
  include_resource = true
  config {
    space_id = %q
  }
}

list "arize_evaluator" "agents" {
  provider = arize
  config {
    name = "AGENT"
  }
}

list "arize_evaluator" "first_three" {
  provider = arize
  limit    = 3
}
`, bulkSpace.ID, teamSpace.ID),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, inBulk+2),
				querycheck.ExpectLength("arize_evaluator.in_bulk", inBulk),
				querycheck.ExpectLength(team, 2),
				querycheck.ExpectLength("arize_evaluator.agents", 0),
				querycheck.ExpectLength("arize_evaluator.first_three", 3),
				querycheck.ExpectIdentity(team, map[string]knownvalue.Check{"id": knownvalue.StringExact(code.ID)}),
				querycheck.ExpectResourceDisplayName(team, byIdentity(judge.ID), knownvalue.StringExact("Hallucination")),
				querycheck.ExpectResourceKnownValues(team, byIdentity(judge.ID), []querycheck.KnownValueCheck{
					value("space_id", knownvalue.StringExact(teamSpace.ID)),
					value("type", knownvalue.StringExact("TEMPLATE")),
					value("description", knownvalue.StringExact("Flags unsupported answers")),
					value("commit_message", knownvalue.StringExact(defaultCommitMessage)),
					value("current_version_id", knownvalue.StringExact(judge.Version.ID)),
					value("code", knownvalue.Null()),
					value("template.direction", knownvalue.StringExact("MINIMIZE")),
					value("template.llm_config.ai_integration_id", knownvalue.StringExact(f.integration.ID)),
					value("template.llm_config.invocation_parameters.temperature", knownvalue.Float64Exact(0.25)),
				}),
				querycheck.ExpectResourceKnownValues(team, byIdentity(code.ID), []querycheck.KnownValueCheck{
					value("template", knownvalue.Null()),
					value("code.managed.managed_evaluator", knownvalue.StringExact("JSON_PARSEABLE")),
				}),
			},
		},
	)
	// The list has no version: include_resource reads each of team's two
	// evaluators once, and the other lists read none.
	if n := f.emu.Count("GET", emulator.RouteEvaluator); n != 2 {
		t.Errorf("the queries read %d evaluators one by one, want 2", n)
	}
}

// TestAccEvaluatorList_unknownSpace: a space_id that names no space fails
// the query, saying so.
func TestAccEvaluatorList_unknownSpace(t *testing.T) {
	env := newAccEnv(t)
	env.emulator(t)
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: env.config("")},
		resource.TestStep{
			Query: true,
			Config: `
list "arize_evaluator" "test" {
  provider = arize
  config {
    space_id = "U3BhY2U6OTk5OTpub25l"
  }
}
`,
			ExpectError: wrappedRegexp(`Could not list Arize evaluators[\s\S]*no space with ID "U3BhY2U6OTk5OTpub25l" exists`),
		},
	)
}

// TestAccEvaluator_adoptWithQuery: evaluators made outside Terraform (a
// judge with invocation and provider parameters, a managed and a custom
// code evaluator), found by terraform query, written out by
// -generate-config-out and imported by apply, which changes nothing in
// Arize; the next plan is empty. A HARNESS evaluator is not offered.
func TestAccEvaluator_adoptWithQuery(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	org := spaceTestOrg(t, emu, "Platform")
	sp := spaceTestSpace(t, emu, org.ID, "Support bot")
	integration, err := emu.Put(emulator.Integration{Name: "UI OpenAI", Provider: "OPEN_AI", ModelNames: []string{"gpt-4o"}})
	if err != nil {
		t.Fatal(err)
	}
	judge := lookupJudge(integration.ID)
	schemaFormat := &emulator.JSONSchemaFormat{Schema: []byte(`{"type":"object","properties":{"label":{"type":"string"}}}`)}
	judge.LLMConfig.InvocationParameters.ResponseFormat = &emulator.ResponseFormat{Type: "JSON_SCHEMA", JSONSchema: schemaFormat}
	deployment := "judges"
	judge.LLMConfig.ProviderParameters.AzureParams = &emulator.AzureParams{AzureDeploymentName: &deployment}
	imports, granularity := "import re", "TRACE"
	existing := map[string]emulator.EvaluatorConfig{
		"Hallucination": {Template: judge},
		"Mentions a refund": {Code: &emulator.CodeConfig{
			Type: "MANAGED", Name: "refund", ManagedEvaluator: "CONTAINS_ANY_KEYWORD", Variables: []string{"output"},
			StaticParams: []emulator.StaticParam{{Name: "keywords", Type: "STRING_ARRAY", DefaultValues: []string{"refund", "money back"}}},
		}},
		"Answer length": {Code: &emulator.CodeConfig{
			Type: "CUSTOM", Name: "length", Code: "class Length:\n    pass\n", Imports: &imports,
			Variables: []string{"output"}, DataGranularity: granularity,
		}},
	}
	for name, config := range existing {
		if _, err := emu.PutEvaluator(sp.ID, name, "Made in the UI", config); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := emu.PutHarnessEvaluator(sp.ID, "Agent harness", "HARNESS"); err != nil {
		t.Fatal(err)
	}
	versions := map[string]int{}
	for _, e := range emu.Evaluators() {
		versions[e.ID] = len(emu.EvaluatorVersions(e.ID))
	}

	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	w.requireQuery()
	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), ""))
	w.write("adopt.tfquery.hcl", `list "arize_evaluator" "all" {
  provider         = arize
  include_resource = true
}
`)
	out := w.run(nil, "query", "-no-color", "-generate-config-out=generated.tf")
	for name := range existing {
		if !strings.Contains(out, name) {
			t.Errorf("terraform query does not list %q:\n%s", name, out)
		}
	}
	if strings.Contains(out, "Agent harness") {
		t.Errorf("terraform query lists the HARNESS evaluator, which cannot be imported:\n%s", out)
	}
	generated := w.read("generated.tf")
	if n := strings.Count(generated, "import {"); n != len(existing) {
		t.Fatalf("generated.tf has %d import blocks, want %d:\n%s", n, len(existing), generated)
	}

	emu.ResetCounters()
	applied := w.run(nil, "apply", "-no-color", "-auto-approve")
	if !strings.Contains(applied, fmt.Sprintf("%d imported, 0 added, 0 changed, 0 destroyed", len(existing))) {
		t.Errorf("apply did not import the evaluators alone:\n%s\ngenerated.tf:\n%s", applied, generated)
	}
	writes := emu.Count("POST", emulator.RouteEvaluators) + emu.Count("PATCH", emulator.RouteEvaluator) +
		emu.Count("DELETE", emulator.RouteEvaluator) + emu.Count("POST", emulator.RouteEvaluatorVersions)
	if writes != 0 {
		t.Errorf("adoption changed Arize: %v", emu.Requests())
	}
	if _, err := w.tryRun(nil, "plan", "-no-color", "-detailed-exitcode"); err != nil {
		plan, _ := w.tryRun(nil, "plan", "-no-color")
		t.Errorf("the plan after adoption is not empty (%v):\n%s\ngenerated.tf:\n%s", err, plan, generated)
	}
	for id, n := range versions {
		if got := len(emu.EvaluatorVersions(id)); got != n {
			t.Errorf("evaluator %s has %d versions after adoption, want %d", id, got, n)
		}
	}
}

// TestAccEvaluatorList_scope: organization_id keeps the evaluators of the
// organization's spaces, alone, with space_id and with name, still without
// those that cannot be imported; a filter naming an organization that does
// not exist, or a space of another organization, fails the query; and the
// requests of a filtered list, with its resources, are counted.
func TestAccEvaluatorList_scope(t *testing.T) {
	w := newScopeWorld(t)
	f := lookupFixture{env: w.env, emu: w.emu}
	integration, err := w.emu.Put(emulator.Integration{Name: "Scope OpenAI", Provider: "OPEN_AI", ModelNames: []string{"gpt-4o"}})
	if err != nil {
		t.Fatal(err)
	}
	f.integration = integration
	hallucination := f.judge(t, w.support, "Hallucination", "Flags unsupported answers").ID
	supportJSON := f.code(t, w.support, "Support JSON").ID
	if _, err := w.emu.PutHarnessEvaluator(w.support, "Agent harness", "HARNESS"); err != nil {
		t.Fatal(err)
	}
	rankerJSON := f.code(t, w.search, "Ranker JSON").ID
	labJSON := f.code(t, w.lab, "Lab JSON").ID

	var checks []querycheck.QueryResultCheck
	for addr, ids := range map[string][]string{
		"arize_evaluator.platform":            {hallucination, supportJSON, rankerJSON},
		"arize_evaluator.research":            {labJSON},
		"arize_evaluator.platform_json":       {supportJSON, rankerJSON},
		"arize_evaluator.support_in_platform": {hallucination, supportJSON},
		"arize_evaluator.empty":               nil,
	} {
		checks = append(checks, expectListedIDs(addr, ids...)...)
	}
	checks = append(checks, querycheck.ExpectResourceKnownValues("arize_evaluator.platform",
		queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(rankerJSON)}),
		[]querycheck.KnownValueCheck{
			{Path: jsonPath("space_id"), KnownValue: knownvalue.StringExact(w.search)},
			{Path: jsonPath("code.managed.managed_evaluator"), KnownValue: knownvalue.StringExact("JSON_PARSEABLE")},
		}))

	const typ = "arize_evaluator"
	platformOnly := fmt.Sprintf(`
list "arize_evaluator" "platform" {
  provider         = arize
  include_resource = true
  config {
    organization_id = %q
  }
}
`, w.platform)
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: w.env.config("")},
		resource.TestStep{
			Query: true,
			Config: platformOnly + fmt.Sprintf(`
list "arize_evaluator" "research" {
  provider = arize
  config {
    organization_id = %[1]q
  }
}

list "arize_evaluator" "platform_json" {
  provider = arize
  config {
    organization_id = %[2]q
    name            = "json"
  }
}

list "arize_evaluator" "support_in_platform" {
  provider = arize
  config {
    organization_id = %[2]q
    space_id        = %[3]q
  }
}

list "arize_evaluator" "empty" {
  provider = arize
  config {
    organization_id = %[4]q
  }
}
`, w.research, w.platform, w.support, w.empty),
			QueryResultChecks: checks,
		},
		w.scopeQueryError(typ, fmt.Sprintf("organization_id = %q", missingOrganizationID),
			`Could not list Arize evaluators[\s\S]*no organization with ID "`+missingOrganizationID+`" exists that the provider's API key can see`),
		w.scopeQueryError(typ, fmt.Sprintf("organization_id = %q\nspace_id = %q", w.research, w.support),
			`Could not list Arize evaluators[\s\S]*the space "`+w.support+`" is not one of the spaces of the organization "`+w.research+`"`),
		// Platform's two spaces: the organization, its spaces, one page of
		// the account's evaluators, and each of the three in scope read for
		// its latest version.
		resource.TestStep{
			PreConfig: w.emu.ResetCounters,
			Query:     true,
			Config:    platformOnly,
			QueryResultChecks: append(expectListedIDs("arize_evaluator.platform", hallucination, supportJSON, rankerJSON),
				expectQueryRequests(w.emu, map[string]int{
					"GET " + emulator.RouteOrganization: 1, "GET " + emulator.RouteSpaces: 1,
					"GET " + emulator.RouteEvaluators: 1, "GET " + emulator.RouteEvaluator: 3, "GET " + emulator.RouteSpace: 0,
				})),
		},
	)
}
