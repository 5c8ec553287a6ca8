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

// TestAccEvaluatorsDataSource_pagesAndFilters follows every page of the
// list, with each filter, their combination and none; a space_name that
// matches no space is an empty list. Items are the list's metadata.
func TestAccEvaluatorsDataSource_pagesAndFilters(t *testing.T) {
	f := newLookupFixture(t, "tf-acc-ds-evals")
	bulkSpace, teamSpace := f.space(t, "Bulk evaluations"), f.space(t, "Team B evaluations")
	// More than two pages of the largest page size in one space.
	const inBulk, inTeam = 2*maxPageSize + 17, 3
	var special int
	for i := range inBulk {
		name := fmt.Sprintf("bulk-%03d", i)
		if i%10 == 0 {
			name = fmt.Sprintf("Special-%03d", i)
			special++
		}
		f.code(t, bulkSpace.ID, name)
	}
	judge := f.judge(t, teamSpace.ID, "special judge", "Flags unsupported answers")
	f.code(t, teamSpace.ID, "special code")
	harness, err := f.emu.PutHarnessEvaluator(teamSpace.ID, "Agent harness", "REMOTE")
	if err != nil {
		t.Fatal(err)
	}

	const (
		all         = "data.arize_evaluators.all"
		inBulkSpace = "data.arize_evaluators.in_bulk"
		byName      = "data.arize_evaluators.by_name"
		bySpaceName = "data.arize_evaluators.by_space_name"
		combined    = "data.arize_evaluators.combined"
		none        = "data.arize_evaluators.none"
		noSpace     = "data.arize_evaluators.no_space"
	)
	count := func(addr string, n int) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("evaluators"), knownvalue.ListSizeExact(n))
	}
	item := func(addr string, i int, attr string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("evaluators").AtSliceIndex(i).AtMapKey(attr), v)
	}
	accTest(t, resource.TestStep{
		Config: f.env.config(fmt.Sprintf(`
data "arize_evaluators" "all" {}

data "arize_evaluators" "in_bulk" {
  space_id = %q
}

data "arize_evaluators" "by_name" {
  name = "SPECIAL"
}

data "arize_evaluators" "by_space_name" {
  space_name = "team b"
}

data "arize_evaluators" "combined" {
  space_id = %q
  name     = "special"
}

data "arize_evaluators" "none" {
  name = "no-such-evaluator"
}

data "arize_evaluators" "no_space" {
  space_name = "no-such-space"
}
`, bulkSpace.ID, teamSpace.ID)),
		ConfigStateChecks: []statecheck.StateCheck{
			count(all, inBulk+inTeam),
			count(inBulkSpace, inBulk),
			count(byName, special+2),
			count(bySpaceName, inTeam),
			count(combined, 2),
			count(none, 0),
			count(noSpace, 0),
			item(inBulkSpace, inBulk-1, "name", knownvalue.StringExact(fmt.Sprintf("bulk-%03d", inBulk-1))),
			item(inBulkSpace, inBulk-1, "space_id", knownvalue.StringExact(bulkSpace.ID)),
			item(inBulkSpace, 0, "type", knownvalue.StringExact("CODE")),
			item(inBulkSpace, 0, "description", knownvalue.StringExact("")),
			item(bySpaceName, 0, "id", knownvalue.StringExact(judge.ID)),
			item(bySpaceName, 0, "type", knownvalue.StringExact("TEMPLATE")),
			item(bySpaceName, 0, "description", knownvalue.StringExact("Flags unsupported answers")),
			item(bySpaceName, 0, "created_at", knownvalue.NotNull()),
			item(bySpaceName, 0, "updated_at", knownvalue.NotNull()),
			// The evaluators the provider cannot manage are listed too.
			item(bySpaceName, 2, "id", knownvalue.StringExact(harness.ID)),
			item(bySpaceName, 2, "type", knownvalue.StringExact("REMOTE")),
		},
	})
	// Each data source is read once per plan/apply; "all" and "in_bulk"
	// need three pages, every other one a single page, each time it is
	// read; the list has everything, so nothing else is read.
	reads := f.emu.Count("GET", emulator.RouteEvaluators)
	if reads == 0 || reads%11 != 0 {
		t.Errorf("served %d list requests: not a whole number of reads of 3+3+1+1+1+1+1 pages", reads)
	}
	if n := f.emu.Count("GET", emulator.RouteEvaluator); n != 0 {
		t.Errorf("read %d evaluators one by one: the list has all that the data source shows", n)
	}
}

// TestAccEvaluatorsDataSource_unknownSpace: a space_id that names no space
// is an error on space_id, not an empty list.
func TestAccEvaluatorsDataSource_unknownSpace(t *testing.T) {
	env := newAccEnv(t)
	env.emulator(t)
	accTest(t, resource.TestStep{
		Config: env.config(`
data "arize_evaluators" "test" {
  space_id = "U3BhY2U6OTk5OTpub25l"
}
`),
		ExpectError: wrappedRegexp(`space not found[\s\S]*No space with ID "U3BhY2U6OTk5OTpub25l" exists that the provider's API key can see`),
	})
}
