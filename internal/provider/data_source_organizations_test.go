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

func TestAccOrganizationsDataSource_pagesAndFilter(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	// More than two pages of the largest page size.
	const total = 2*maxPageSize + 37
	var special emulator.Organization
	for i := range total {
		name, description := fmt.Sprintf("bulk-org-%03d", i), ""
		if i%10 == 0 {
			name, description = fmt.Sprintf("Special-Org-%03d", i), fmt.Sprintf("special number %d", i)
		}
		o, err := emu.PutOrganization(name, description)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			special = o
		}
	}
	const (
		all      = "data.arize_organizations.all"
		filtered = "data.arize_organizations.special"
		none     = "data.arize_organizations.none"
	)
	count := func(addr string, n int) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("organizations"), knownvalue.ListSizeExact(n))
	}
	emu.ResetCounters()
	accTest(t, resource.TestStep{
		Config: env.config(`
data "arize_organizations" "all" {}

data "arize_organizations" "special" {
  name = "SPECIAL-org"
}

data "arize_organizations" "none" {
  name = "no-such-organization"
}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			count(all, total),
			count(filtered, (total+9)/10),
			count(none, 0),
			statecheck.ExpectKnownValue(all, tfjsonpath.New("organizations").AtSliceIndex(total-1).AtMapKey("name"),
				knownvalue.StringExact(fmt.Sprintf("bulk-org-%03d", total-1))),
			statecheck.ExpectKnownValue(filtered, tfjsonpath.New("organizations").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id":          knownvalue.StringExact(special.ID),
				"name":        knownvalue.StringExact("Special-Org-000"),
				"description": knownvalue.StringExact("special number 0"),
				"created_at":  knownvalue.StringExact(special.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z")),
			})),
			statecheck.ExpectKnownValue(filtered, tfjsonpath.New("organizations").AtSliceIndex(1).AtMapKey("description"), knownvalue.StringExact("special number 10")),
			statecheck.ExpectKnownValue(all, tfjsonpath.New("organizations").AtSliceIndex(1).AtMapKey("description"), knownvalue.StringExact("")),
		},
	})
	// Each data source is read once per plan and apply: "all" takes three
	// pages and each filtered one a single page, each time it is read.
	reads := emu.Count("GET", emulator.RouteOrganizations)
	if reads%5 != 0 || reads == 0 {
		t.Errorf("served %d list requests: not a whole number of reads of 3+1+1 pages", reads)
	}
	if writes := emu.Total() - reads; writes != 0 {
		t.Errorf("the data sources made %d other requests: %v", writes, emu.Requests())
	}
}
