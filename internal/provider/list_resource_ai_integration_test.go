package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestAccAIIntegrationList_query(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	made := map[string]emulator.Integration{}
	for _, in := range []emulator.Integration{
		{Name: "Team OpenAI", Provider: "openAI", ModelNames: []string{"gpt-4o"}, FunctionCallingEnabled: true},
		{Name: "Sandbox openai", Provider: "openAI", EnableDefaultModels: true, FunctionCallingEnabled: true},
		{Name: "Scoped Anthropic", Provider: "anthropic", EnableDefaultModels: true, FunctionCallingEnabled: true,
			Scopings: []emulator.Scoping{{OrganizationID: testOrgID, SpaceID: testSpaceID}}},
	} {
		got, err := emu.Put(in)
		if err != nil {
			t.Fatal(err)
		}
		made[in.Name] = got
	}
	// Query checks name list blocks without their "list." prefix.
	const all = "arize_ai_integration.all"
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: env.config("")},
		resource.TestStep{
			Query: true,
			Config: `
list "arize_ai_integration" "all" {
  provider         = arize
  include_resource = true
}

list "arize_ai_integration" "openai" {
  provider = arize
  config {
    name = "OPENAI"
  }
}

list "arize_ai_integration" "space" {
  provider = arize
  config {
    space_name = "production"
  }
}

list "arize_ai_integration" "first" {
  provider = arize
  limit    = 1
}
`,
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, 3),
				querycheck.ExpectLength("arize_ai_integration.openai", 2),
				querycheck.ExpectLength("arize_ai_integration.space", 1),
				querycheck.ExpectLength("arize_ai_integration.first", 1),
				querycheck.ExpectIdentity(all, map[string]knownvalue.Check{"id": knownvalue.StringExact(made["Team OpenAI"].ID)}),
				querycheck.ExpectIdentity("arize_ai_integration.space", map[string]knownvalue.Check{"id": knownvalue.StringExact(made["Scoped Anthropic"].ID)}),
				querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(made["Sandbox openai"].ID),
				}), knownvalue.StringExact("Sandbox openai")),
				querycheck.ExpectResourceKnownValues(all, queryfilter.ByDisplayName(knownvalue.StringExact("Scoped Anthropic")), []querycheck.KnownValueCheck{
					// As the server spells it: a query has no configuration to keep.
					{Path: tfjsonpath.New("ai_provider"), KnownValue: knownvalue.StringExact(serverSpelt(emu.Dialect(), "ANTHROPIC"))},
					{Path: tfjsonpath.New("enable_default_models"), KnownValue: knownvalue.Bool(true)},
					{Path: tfjsonpath.New("api_key"), KnownValue: knownvalue.Null()},
					{Path: tfjsonpath.New("scopings").AtSliceIndex(0).AtMapKey("space_id"), KnownValue: knownvalue.StringExact(testSpaceID)},
				}),
			},
		},
	)
}
