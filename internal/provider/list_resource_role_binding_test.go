package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestAccRoleBindingList_query(t *testing.T) {
	w := newBindingWorld(t)
	emu := w.emu
	put := func(user, typ, resourceID, role string) emulator.RoleBinding {
		t.Helper()
		b, err := emu.PutRoleBinding(emulator.RoleBinding{UserID: user, ResourceType: typ, ResourceID: resourceID, RoleID: role})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	carolA := put(testUserCarol, "SPACE", w.spaceA, bindingAdminRoleID)
	put(testUserDana, "SPACE", w.spaceA, w.reviewerRoleID)
	put(testUserCarol, "SPACE", w.spaceB, w.reviewerRoleID)
	bobProject := put(testUserBob, "PROJECT", bindingProjectID, w.reviewerRoleID)
	// Enough more PROJECT bindings for a second page of the largest page
	// size, so that the listing follows PROJECT's cursor after SPACE's.
	const bulk = maxPageSize
	for i := range bulk {
		put(testUserAlice, "PROJECT", fmt.Sprintf("project-%03d", i), w.reviewerRoleID)
	}
	const all = "arize_role_binding.all"
	carolADisplay := testUserCarol + " on SPACE " + w.spaceA
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: w.env.config("")},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`
list "arize_role_binding" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000 # Terraform's default is 100
}

list "arize_role_binding" "spaces" {
  provider = arize
  config {
    resource_type = "SPACE"
  }
}

# No resource type: SPACE, then PROJECT, of one user.
list "arize_role_binding" "carol" {
  provider = arize
  config {
    user_id = %[1]q
  }
}

list "arize_role_binding" "bob_projects" {
  provider = arize
  config {
    resource_type = "PROJECT"
    user_id       = %[2]q
  }
}

# The bindings on spaces come first.
list "arize_role_binding" "first" {
  provider = arize
  limit    = 1
}
`, testUserCarol, testUserBob),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, 4+bulk),
				querycheck.ExpectLength("arize_role_binding.spaces", 3),
				querycheck.ExpectLength("arize_role_binding.carol", 2),
				querycheck.ExpectLength("arize_role_binding.bob_projects", 1),
				querycheck.ExpectIdentity("arize_role_binding.bob_projects", map[string]knownvalue.Check{"id": knownvalue.StringExact(bobProject.ID)}),
				querycheck.ExpectLength("arize_role_binding.first", 1),
				querycheck.ExpectIdentity("arize_role_binding.first", map[string]knownvalue.Check{"id": knownvalue.StringExact(carolA.ID)}),
				querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(bobProject.ID),
				}), knownvalue.StringExact(testUserBob+" on PROJECT "+bindingProjectID)),
				querycheck.ExpectResourceKnownValues(all, queryfilter.ByDisplayName(knownvalue.StringExact(carolADisplay)), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(carolA.ID)},
					{Path: tfjsonpath.New("user_id"), KnownValue: knownvalue.StringExact(testUserCarol)},
					{Path: tfjsonpath.New("resource_type"), KnownValue: knownvalue.StringExact("SPACE")},
					{Path: tfjsonpath.New("resource_id"), KnownValue: knownvalue.StringExact(w.spaceA)},
					{Path: tfjsonpath.New("role_id"), KnownValue: knownvalue.StringExact(bindingAdminRoleID)},
					{Path: tfjsonpath.New("created_at"), KnownValue: knownvalue.StringExact(carolA.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"))},
					{Path: tfjsonpath.New("updated_at"), KnownValue: knownvalue.StringExact(carolA.UpdatedAt.UTC().Format("2006-01-02T15:04:05.000Z"))},
				}),
			},
		},
	)
}
