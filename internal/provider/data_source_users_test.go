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

// TestAccUsersDataSource_filters lists users through every page, by the
// API's filters: a part of the email ignoring case, and statuses (sent in
// the server's spelling, answered in today's).
func TestAccUsersDataSource_filters(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	// More team members than the largest page, so the list reads two.
	const team = maxPageSize + 5
	for i := range team {
		status := "ACTIVE"
		if i%5 == 0 {
			status = "INVITED"
		}
		if _, err := emu.PutUser(emulator.User{Email: fmt.Sprintf("member-%03d@team.example", i), Name: fmt.Sprintf("Member %d", i), Status: status}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := emu.PutUser(emulator.User{Email: "late@team.example", Name: "Late", Role: "ANNOTATOR", Status: "EXPIRED"}); err != nil {
		t.Fatal(err)
	}
	gone, _ := emu.PutUser(emulator.User{Email: "gone@team.example", Name: "Gone"})
	emu.RemoveUser(gone.ID)

	invited := 0
	for i := range team {
		if i%5 == 0 {
			invited++
		}
	}
	accTest(t, resource.TestStep{
		Config: env.config(`
data "arize_users" "all" {}

data "arize_users" "team" {
  email = "TEAM.EXAMPLE"
}

data "arize_users" "pending" {
  email    = "team.example"
  statuses = ["INVITED", "EXPIRED"]
}

data "arize_users" "expired" {
  statuses = ["EXPIRED"]
}

data "arize_users" "none" {
  email = "nobody"
}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.arize_users.all", tfjsonpath.New("users"), knownvalue.ListSizeExact(len(testAccUsers)+team+1)),
			statecheck.ExpectKnownValue("data.arize_users.team", tfjsonpath.New("users"), knownvalue.ListSizeExact(team+1)),
			statecheck.ExpectKnownValue("data.arize_users.pending", tfjsonpath.New("users"), knownvalue.ListSizeExact(invited+1)),
			statecheck.ExpectKnownValue("data.arize_users.expired", tfjsonpath.New("users"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"email":        knownvalue.StringExact("late@team.example"),
					"name":         knownvalue.StringExact("Late"),
					"role":         knownvalue.StringExact("ANNOTATOR"),
					"status":       knownvalue.StringExact("EXPIRED"),
					"is_developer": knownvalue.Bool(false),
				}),
			})),
			statecheck.ExpectKnownValue("data.arize_users.all", tfjsonpath.New("users").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"id":     knownvalue.StringExact(testUserAlice),
				"role":   knownvalue.StringExact("ADMIN"),
				"status": knownvalue.StringExact("ACTIVE"),
			})),
			statecheck.ExpectKnownValue("data.arize_users.none", tfjsonpath.New("users"), knownvalue.ListSizeExact(0)),
		},
	})
}

func TestAccUsersDataSource_invalidFilters(t *testing.T) {
	for _, tc := range []struct{ name, body, expect string }{
		{"unknown status", `statuses = ["DELETED"]`, `Invalid Attribute Value Match[\s\S]*DELETED`},
		{"status in the older spelling", `statuses = ["active"]`, `Invalid Attribute Value Match`},
		{"no status", `statuses = []`, `statuses list must contain at least 1 elements`},
		{"empty email", `email = ""`, `Attribute email UTF-8 character count must be between 1 and 255, got: 0`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			accTest(t, resource.TestStep{
				Config:      env.config("data \"arize_users\" \"test\" {\n  " + tc.body + "\n}\n"),
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("a configuration error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}
