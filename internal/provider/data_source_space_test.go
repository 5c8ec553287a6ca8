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

// TestAccSpaceDataSource_lookups looks a space up by id (its organization
// found, or given and checked) and by exact name within an organization,
// among spaces whose names contain it and a namesake in another
// organization.
func TestAccSpaceDataSource_lookups(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgA := spaceTestOrg(t, emu, "tf-acc-ds-org-a")
	orgB := spaceTestOrg(t, emu, "tf-acc-ds-org-b")
	research, err := emu.PutSpace(orgA.ID, "Research", "Experiments of team A", true)
	if err != nil {
		t.Fatal(err)
	}
	spaceTestSpace(t, emu, orgA.ID, "Research archive")
	namesake := spaceTestSpace(t, emu, orgB.ID, "Research")
	spaceTestSpace(t, emu, orgB.ID, "research") // names compare exactly, case included

	const (
		byID      = "data.arize_space.by_id"
		byIDInOrg = "data.arize_space.by_id_in_org"
		byName    = "data.arize_space.by_name"
	)
	values := func(addr string, want map[string]knownvalue.Check) []statecheck.StateCheck {
		var checks []statecheck.StateCheck
		for name, v := range want {
			checks = append(checks, statecheck.ExpectKnownValue(addr, tfjsonpath.New(name), v))
		}
		return checks
	}
	researchValues := map[string]knownvalue.Check{
		"id":              knownvalue.StringExact(research.ID),
		"organization_id": knownvalue.StringExact(orgA.ID),
		"name":            knownvalue.StringExact("Research"),
		"description":     knownvalue.StringExact("Experiments of team A"),
		"is_private":      knownvalue.Bool(true),
		"created_at":      knownvalue.NotNull(),
	}
	checks := append(values(byID, researchValues), values(byIDInOrg, researchValues)...)
	checks = append(checks, values(byName, map[string]knownvalue.Check{
		"id":              knownvalue.StringExact(namesake.ID),
		"organization_id": knownvalue.StringExact(orgB.ID),
		"description":     knownvalue.StringExact(""),
		"is_private":      knownvalue.Bool(false),
	})...)
	accTest(t,
		resource.TestStep{
			Config: env.config(fmt.Sprintf(`
data "arize_space" "by_id" {
  id = %q
}

data "arize_space" "by_id_in_org" {
  id              = %q
  organization_id = %q
}

data "arize_space" "by_name" {
  name            = "Research"
  organization_id = %q
}
`, research.ID, research.ID, orgA.ID, orgB.ID)),
			ConfigStateChecks: checks,
		},
		resource.TestStep{
			Config: env.config(fmt.Sprintf(`
data "arize_space" "none" {
  name            = "Research lab"
  organization_id = %q
}
`, orgA.ID)),
			ExpectError: wrappedRegexp(`space not found[\s\S]*No space named "Research lab" exists in this organization`),
		},
		resource.TestStep{
			Config: env.config(`
data "arize_space" "none" {
  id = "U3BhY2U6OTk5OTpub25l"
}
`),
			ExpectError: wrappedRegexp(`space not found[\s\S]*No space with ID "U3BhY2U6OTk5OTpub25l" exists`),
		},
		resource.TestStep{
			Config: env.config(fmt.Sprintf(`
data "arize_space" "elsewhere" {
  id              = %q
  organization_id = %q
}
`, research.ID, orgB.ID)),
			ExpectError: wrappedRegexp(`Space not in this organization[\s\S]*"Research" \(ID ` + research.ID + `\) is not in an organization with ID "` + orgB.ID + `"`),
		},
		resource.TestStep{
			PreConfig: func() { emu.ForbidSpace(research.ID, true) },
			Config: env.config(fmt.Sprintf(`
data "arize_space" "forbidden" {
  id = %q
}
`, research.ID)),
			ExpectError: wrappedRegexp(`Could not read the Arize space[\s\S]*\(403 Forbidden\)`),
		},
	)
}

// TestAccSpaceDataSource_planTimeErrors: a name needs its organization, and
// exactly one of id and name is given; each is refused before any request.
func TestAccSpaceDataSource_planTimeErrors(t *testing.T) {
	for name, c := range map[string]struct{ body, expect string }{
		"name without organization": {`name = "Research"`,
			`Attribute "organization_id" must be specified when "name" is specified`},
		"neither id nor name": {`organization_id = "T3JnOjE="`, `Missing Attribute Configuration[\s\S]*Exactly one of these attributes must be configured: \[id,name\]`},
		"both id and name": {`id = "U3BhY2U6MQ=="
  name = "Research"
  organization_id = "T3JnOjE="`, `Invalid Attribute Combination[\s\S]*Exactly one of these attributes must be configured: \[id,name\]`},
		"empty id": {`id = ""`, `Attribute id string length must be at least 1`},
	} {
		t.Run(name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			accTest(t, resource.TestStep{
				Config:      env.config("data \"arize_space\" \"test\" {\n  " + c.body + "\n}\n"),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(c.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("plan-time error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}

// TestAccSpacesDataSource_pagesAndFilters follows every page of the list,
// with each filter and without.
func TestAccSpacesDataSource_pagesAndFilters(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgA := spaceTestOrg(t, emu, "tf-acc-spaces-a")
	orgB := spaceTestOrg(t, emu, "tf-acc-spaces-b")
	// More than two pages of the largest page size in orgA.
	const inA, inB = 2*maxPageSize + 17, 5
	var special int
	for i := range inA {
		name := fmt.Sprintf("bulk-%03d", i)
		if i%10 == 0 {
			name = fmt.Sprintf("Special-%03d", i)
			special++
		}
		spaceTestSpace(t, emu, orgA.ID, name)
	}
	for i := range inB {
		spaceTestSpace(t, emu, orgB.ID, fmt.Sprintf("special-b-%d", i))
	}
	const (
		all      = "data.arize_spaces.all"
		inOrgA   = "data.arize_spaces.in_a"
		byName   = "data.arize_spaces.by_name"
		inANamed = "data.arize_spaces.in_a_named"
		none     = "data.arize_spaces.none"
	)
	count := func(addr string, n int) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("spaces"), knownvalue.ListSizeExact(n))
	}
	item := func(addr string, i int, attr string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("spaces").AtSliceIndex(i).AtMapKey(attr), v)
	}
	accTest(t, resource.TestStep{
		Config: env.config(fmt.Sprintf(`
data "arize_spaces" "all" {}

data "arize_spaces" "in_a" {
  organization_id = %q
}

data "arize_spaces" "by_name" {
  name = "SPECIAL"
}

data "arize_spaces" "in_a_named" {
  organization_id = %q
  name            = "special"
}

data "arize_spaces" "none" {
  name = "no-such-space"
}
`, orgA.ID, orgA.ID)),
		ConfigStateChecks: []statecheck.StateCheck{
			count(all, inA+inB),
			count(inOrgA, inA),
			count(byName, special+inB),
			count(inANamed, special),
			count(none, 0),
			item(inOrgA, inA-1, "name", knownvalue.StringExact(fmt.Sprintf("bulk-%03d", inA-1))),
			// The organization is known where the filter gives it...
			item(inOrgA, inA-1, "organization_id", knownvalue.StringExact(orgA.ID)),
			item(inANamed, 0, "organization_id", knownvalue.StringExact(orgA.ID)),
			// ...and null otherwise: the API's list does not say it.
			item(all, inA, "organization_id", knownvalue.Null()),
			item(all, inA, "name", knownvalue.StringExact("special-b-0")),
			item(all, 0, "description", knownvalue.StringExact("")),
			item(all, 0, "is_private", knownvalue.Bool(false)),
			item(all, 0, "created_at", knownvalue.NotNull()),
		},
	})
	// Each data source is read once per plan/apply; "all" and "in_a" need
	// three pages, every other one a single page, each time it is read.
	reads := emu.Count("GET", emulator.RouteSpaces)
	if reads%9 != 0 || reads == 0 {
		t.Errorf("served %d list requests: not a whole number of reads of 3+3+1+1+1 pages", reads)
	}
}
