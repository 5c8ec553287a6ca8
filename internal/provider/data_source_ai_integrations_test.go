package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestAccAIIntegrationsDataSource_pagesAndFilters(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	// More than two pages of the largest page size.
	const total = 2*maxPageSize + 37
	for i := range total {
		in := emulator.Integration{Name: fmt.Sprintf("bulk-%03d", i), Provider: "openAI", FunctionCallingEnabled: true}
		switch i % 10 {
		case 0:
			in.Name = fmt.Sprintf("Special-OpenAI-%03d", i)
			in.Scopings = []emulator.Scoping{{OrganizationID: testOrgID, SpaceID: testSpaceID}}
		case 1:
			in.Scopings = []emulator.Scoping{{OrganizationID: testOrgID, SpaceID: "U3BhY2U6Njc4OTA="}}
		}
		if _, err := emu.Put(in); err != nil {
			t.Fatal(err)
		}
	}
	const (
		all       = "data.arize_ai_integrations.all"
		byName    = "data.arize_ai_integrations.by_name"
		bySpace   = "data.arize_ai_integrations.by_space"
		bySpaceNm = "data.arize_ai_integrations.by_space_name"
		none      = "data.arize_ai_integrations.none"
	)
	count := func(addr string, n int) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("ai_integrations"), knownvalue.ListSizeExact(n))
	}
	accTest(t, resource.TestStep{
		Config: env.config(fmt.Sprintf(`
data "arize_ai_integrations" "all" {}

data "arize_ai_integrations" "by_name" {
  name = "special-openai"
}

data "arize_ai_integrations" "by_space" {
  space_id = %q
}

data "arize_ai_integrations" "by_space_name" {
  space_name = "STAGING"
}

data "arize_ai_integrations" "none" {
  name = "no-such-integration"
}
`, testSpaceID)),
		ConfigStateChecks: []statecheck.StateCheck{
			count(all, total),
			count(byName, 24),
			count(bySpace, 24),
			count(bySpaceNm, 24),
			count(none, 0),
			statecheck.ExpectKnownValue(all, tfjsonpath.New("ai_integrations").AtSliceIndex(total-1).AtMapKey("name"), knownvalue.StringExact(fmt.Sprintf("bulk-%03d", total-1))),
			statecheck.ExpectKnownValue(byName, tfjsonpath.New("ai_integrations").AtSliceIndex(0).AtMapKey("scopings"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectExact(map[string]knownvalue.Check{"organization_id": knownvalue.StringExact(testOrgID), "space_id": knownvalue.StringExact(testSpaceID)}),
			})),
		},
	})
	// Each data source is read once per plan/apply; "all" needs three pages
	// and every filtered one a single page, each time it is read.
	reads := emu.Count("GET", "/v2/ai-integrations")
	if reads%7 != 0 || reads == 0 {
		t.Errorf("served %d list requests: not a whole number of reads of 3+1+1+1+1 pages", reads)
	}
}
