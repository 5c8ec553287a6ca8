package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// TestAccRolesDataSource_filters lists every role, then only the custom and
// only the predefined ones, in the order the emulator answers them: the
// predefined first, then the custom ones in the order they were made.
func TestAccRolesDataSource_filters(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	first := putRole(t, emu, "Prompt engineer", "Writes prompts.", "PROMPT_UPDATE", "PROMPT_READ")
	second := putRole(t, emu, "Tagger", "", "TAG_READ")
	admin := predefinedRole(t, emu, "Admin")
	predefinedNames := []string{"Admin", "Member", "Read Only", "Annotator"}

	names := func(values ...string) knownvalue.Check {
		checks := make([]knownvalue.Check, len(values))
		for i, v := range values {
			checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact(v)})
		}
		return knownvalue.ListExact(checks)
	}
	roles := func(data string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue("data.arize_roles."+data, tfjsonpath.New("roles"), v)
	}
	accTest(t, resource.TestStep{
		Config: env.config(`
data "arize_roles" "all" {}

data "arize_roles" "custom" {
  is_predefined = false
}

data "arize_roles" "predefined" {
  is_predefined = true
}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			roles("all", names(append(predefinedNames, "Prompt engineer", "Tagger")...)),
			roles("predefined", names(predefinedNames...)),
			roles("custom", knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id":            knownvalue.StringExact(first.ID),
					"name":          knownvalue.StringExact("Prompt engineer"),
					"description":   knownvalue.StringExact("Writes prompts."),
					"permissions":   permissionsExactly("PROMPT_READ", "PROMPT_UPDATE"),
					"is_predefined": knownvalue.Bool(false),
					"created_at":    knownvalue.StringExact(emulatorTime(first.CreatedAt)),
					"updated_at":    knownvalue.StringExact(emulatorTime(first.UpdatedAt)),
				}),
				knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"id":          knownvalue.StringExact(second.ID),
					"description": knownvalue.Null(),
				}),
			})),
			statecheck.ExpectKnownValue("data.arize_roles.predefined", tfjsonpath.New("roles").AtSliceIndex(0), knownvalue.ObjectPartial(
				map[string]knownvalue.Check{
					"id":            knownvalue.StringExact(admin.ID),
					"is_predefined": knownvalue.Bool(true),
					"permissions":   knownvalue.SetSizeExact(len(admin.Permissions)),
				})),
			expectRequests(emu, map[string]int{routeRoleList: 3}),
		},
	})
}
