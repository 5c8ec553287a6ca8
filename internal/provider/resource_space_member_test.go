package provider

import (
	"fmt"
	"maps"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

const spaceMemberAddr = "arize_space_member.test"

// newTestSpace stores an organization and a space in it, made outside
// Terraform, and returns their IDs.
func newTestSpace(t *testing.T, emu *emulator.Server, name string) (orgID, spaceID string) {
	t.Helper()
	orgID = newTestOrganization(t, emu, name)
	sp, err := emu.PutSpace(orgID, name, "", false)
	if err != nil {
		t.Fatal(err)
	}
	return orgID, sp.ID
}

// spaceMemberWithOrgConfig declares Bob a member of the organization, and
// of the space with role, a line such as `role = "ADMIN"`. The space member
// takes user_id from the organization member, as the docs advise, so the
// organization membership comes first and goes last.
func spaceMemberWithOrgConfig(env *accEnv, orgID, spaceID, role string) string {
	return env.config(fmt.Sprintf(`
resource "arize_organization_member" "bob" {
  organization_id = %q
  user_id         = %q
  role            = "MEMBER"
}

resource "arize_space_member" "test" {
  space_id = %q
  user_id  = arize_organization_member.bob.user_id
  %s
}
`, orgID, testUserBob, spaceID, role))
}

func spaceMemberConfig(env *accEnv, spaceID, userID, role string) string {
	return env.config(fmt.Sprintf(`
resource "arize_space_member" "test" {
  space_id = %q
  user_id  = %q
  %s
}
`, spaceID, userID, role))
}

func spaceMemberAttr(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(spaceMemberAddr, tfjsonpath.New(name), v)
}

func expectSpaceMemberAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(spaceMemberAddr, action)}}
}

func TestAccSpaceMember_lifecycle(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgID, spaceID := newTestSpace(t, emu, "tf-acc-space-members")
	members := func() map[string]emulator.MemberRole { return emu.SpaceMembers(spaceID) }
	sameRecord := statecheck.CompareValue(compare.ValuesSame())
	custom := func(id string) emulator.MemberRole { return emulator.MemberRole{Type: "CUSTOM", ID: id} }

	accTest(t,
		resource.TestStep{
			Config:           spaceMemberWithOrgConfig(env, orgID, spaceID, `role = "MEMBER"`),
			ConfigPlanChecks: expectSpaceMemberAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				// One POST each, and nothing reads them back.
				expectOnlyRequests(emu, map[string]int{routeOrgMemberPost: 1, routeSpaceMemberPost: 1}),
				expectMembers(members, map[string]emulator.MemberRole{testUserBob: predefined("MEMBER")}),
				spaceMemberAttr("id", knownvalue.StringExact(spaceID+"/"+testUserBob)),
				spaceMemberAttr("space_id", knownvalue.StringExact(spaceID)),
				spaceMemberAttr("user_id", knownvalue.StringExact(testUserBob)),
				spaceMemberAttr("role", knownvalue.StringExact("MEMBER")),
				spaceMemberAttr("custom_role_id", knownvalue.Null()),
				spaceMemberAttr("membership_id", knownvalue.NotNull()),
				sameRecord.AddStateValue(spaceMemberAddr, tfjsonpath.New("membership_id")),
			},
		},
		resource.TestStep{
			// A role change is one upsert in place, of the space member only.
			Config:           spaceMemberWithOrgConfig(env, orgID, spaceID, `role = "ADMIN"`),
			ConfigPlanChecks: expectSpaceMemberAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				expectOnlyRequests(emu, map[string]int{routeOrgMemberPost: 1, routeSpaceMemberPost: 2}),
				expectMembers(members, map[string]emulator.MemberRole{testUserBob: predefined("ADMIN")}),
				sameRecord.AddStateValue(spaceMemberAddr, tfjsonpath.New("membership_id")),
			},
		},
		resource.TestStep{
			// From a predefined role to a custom one: one upsert in place.
			Config:           spaceMemberWithOrgConfig(env, orgID, spaceID, `custom_role_id = "cr-auditor"`),
			ConfigPlanChecks: expectSpaceMemberAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				expectOnlyRequests(emu, map[string]int{routeOrgMemberPost: 1, routeSpaceMemberPost: 3}),
				expectMembers(members, map[string]emulator.MemberRole{testUserBob: custom("cr-auditor")}),
				spaceMemberAttr("role", knownvalue.Null()),
				spaceMemberAttr("custom_role_id", knownvalue.StringExact("cr-auditor")),
			},
		},
		resource.TestStep{
			Config:           spaceMemberWithOrgConfig(env, orgID, spaceID, `custom_role_id = "cr-reviewer"`),
			ConfigPlanChecks: expectSpaceMemberAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				expectOnlyRequests(emu, map[string]int{routeOrgMemberPost: 1, routeSpaceMemberPost: 4}),
				expectMembers(members, map[string]emulator.MemberRole{testUserBob: custom("cr-reviewer")}),
			},
		},
		resource.TestStep{
			// And back to a predefined role.
			Config:           spaceMemberWithOrgConfig(env, orgID, spaceID, `role = "READ_ONLY"`),
			ConfigPlanChecks: expectSpaceMemberAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				expectOnlyRequests(emu, map[string]int{routeOrgMemberPost: 1, routeSpaceMemberPost: 5}),
				expectMembers(members, map[string]emulator.MemberRole{testUserBob: predefined("READ_ONLY")}),
				spaceMemberAttr("role", knownvalue.StringExact("READ_ONLY")),
				spaceMemberAttr("custom_role_id", knownvalue.Null()),
			},
		},
	)
	// The destroy is one DELETE each, the space member's first: had the
	// organization membership gone first, its cascade would have left the
	// space's DELETE a 404.
	if err := checkSent(emu, map[string]int{
		routeOrgMemberPost: 1, routeSpaceMemberPost: 5, routeOrgMemberDelete: 1, routeSpaceMemberDelete: 1,
	}); err != nil {
		t.Error(err)
	}
	if n := emu.Answers(http.MethodDelete, emulator.RouteSpaceUser, http.StatusNoContent); n != 1 {
		t.Errorf("the emulator answered %d space member DELETEs with 204, want 1", n)
	}
	if m, o := members(), emu.OrganizationMembers(orgID); len(m) != 0 || len(o) != 0 {
		t.Errorf("destroy left space members %v and organization members %v", m, o)
	}
}

// TestAccSpaceMember_notInOrganization: a user who is not a member of the
// space's organization is refused with Arize's 400 and its detail, and
// nothing is left in state.
func TestAccSpaceMember_notInOrganization(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	_, spaceID := newTestSpace(t, emu, "tf-acc-space-outsider")
	accTest(t, resource.TestStep{
		Config: spaceMemberConfig(env, spaceID, testUserCarol, `role = "MEMBER"`),
		ExpectError: wrappedRegexp(`Could not create the Arize space membership[\s\S]*must already be a member of the space's organization` +
			`[\s\S]*400[\s\S]*user must be a member of the space's organization`),
	})
	if n := emu.Count(http.MethodDelete, emulator.RouteSpaceUser); n != 0 {
		t.Errorf("a refused add left the membership in state: the destroy sent %d DELETEs", n)
	}
	if m := emu.SpaceMembers(spaceID); len(m) != 0 {
		t.Errorf("a refused add made members %v", m)
	}
}

// TestAccSpaceMember_annotator: Arize's annotator rule holds in spaces too.
func TestAccSpaceMember_annotator(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgID, spaceID := newTestSpace(t, emu, "tf-acc-space-annotator")
	if _, err := emu.PutOrganizationMember(orgID, testUserDana, predefined("ANNOTATOR")); err != nil {
		t.Fatal(err)
	}
	accTest(t,
		resource.TestStep{
			Config:      spaceMemberConfig(env, spaceID, testUserDana, `role = "ADMIN"`),
			ExpectError: wrappedRegexp(`Arize refused the membership[\s\S]*annotator[\s\S]*400`),
		},
		resource.TestStep{
			Config: spaceMemberConfig(env, spaceID, testUserDana, `role = "ANNOTATOR"`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectMembers(func() map[string]emulator.MemberRole { return emu.SpaceMembers(spaceID) },
					map[string]emulator.MemberRole{testUserDana: predefined("ANNOTATOR")}),
			},
		},
	)
}

// TestAccSpaceMember_removedWithOrganization: removing a user from the
// organization outside Terraform removes them from its spaces; the destroy
// then finds both memberships gone (404) and succeeds.
func TestAccSpaceMember_removedWithOrganization(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgID, spaceID := newTestSpace(t, emu, "tf-acc-space-cascade")
	config := spaceMemberWithOrgConfig(env, orgID, spaceID, `role = "MEMBER"`)
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() {
				if !emu.RemoveOrganizationMember(orgID, testUserBob) {
					t.Fatal("bob was not a member")
				}
				if m := emu.SpaceMembers(spaceID); len(m) != 0 {
					t.Fatalf("the emulator did not cascade: space members %v", m)
				}
			},
			Config: config,
			// What the docs say: drift is not detected.
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
	)
	if err := checkSent(emu, map[string]int{
		routeOrgMemberPost: 1, routeSpaceMemberPost: 1, routeOrgMemberDelete: 1, routeSpaceMemberDelete: 1,
	}); err != nil {
		t.Error(err)
	}
	for _, route := range []string{emulator.RouteSpaceUser, emulator.RouteOrganizationUser} {
		if n := emu.Answers(http.MethodDelete, route, http.StatusNotFound); n != 1 {
			t.Errorf("the emulator answered %d DELETE %s with 404, want 1", n, route)
		}
	}
}

func TestAccSpaceMember_import(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgID, spaceID := newTestSpace(t, emu, "tf-acc-space-import")
	if _, err := emu.PutOrganizationMember(orgID, testUserAlice, predefined("ADMIN")); err != nil {
		t.Fatal(err)
	}
	config := spaceMemberConfig(env, spaceID, testUserAlice, `custom_role_id = "cr-auditor"`)
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			ResourceName:            spaceMemberAddr,
			ImportState:             true,
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: []string{"custom_role_id", "membership_id"},
			ImportStateCheck:        expectImportedUnknownRole(spaceID + "/" + testUserAlice),
		},
		resource.TestStep{
			Config:             config,
			ResourceName:       spaceMemberAddr,
			ImportState:        true,
			ImportStateKind:    resource.ImportBlockWithID,
			ExpectNonEmptyPlan: true,
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(spaceMemberAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(spaceMemberAddr, tfjsonpath.New("custom_role_id"), knownvalue.StringExact("cr-auditor")),
			}},
		},
	)
	if err := checkSent(emu, map[string]int{routeSpaceMemberPost: 1, routeSpaceMemberDelete: 1}); err != nil {
		t.Error(err)
	}
}

// TestAccSpaceMember_importThenApply: an import block for a member made
// outside Terraform, applied: one upsert sets the configured role.
func TestAccSpaceMember_importThenApply(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgID, spaceID := newTestSpace(t, emu, "tf-acc-space-import-apply")
	if _, err := emu.PutOrganizationMember(orgID, testUserAlice, predefined("ADMIN")); err != nil {
		t.Fatal(err)
	}
	recordID, err := emu.PutSpaceMember(spaceID, testUserAlice, predefined("READ_ONLY"))
	if err != nil {
		t.Fatal(err)
	}
	accTest(t, resource.TestStep{
		Config: spaceMemberConfig(env, spaceID, testUserAlice, `role = "ADMIN"`) + fmt.Sprintf(`
import {
  to = arize_space_member.test
  id = "%s/%s"
}
`, spaceID, testUserAlice),
		ConfigPlanChecks: expectSpaceMemberAction(plancheck.ResourceActionUpdate),
		ConfigStateChecks: []statecheck.StateCheck{
			expectOnlyRequests(emu, map[string]int{routeSpaceMemberPost: 1}),
			expectMembers(func() map[string]emulator.MemberRole { return emu.SpaceMembers(spaceID) },
				map[string]emulator.MemberRole{testUserAlice: predefined("ADMIN")}),
			spaceMemberAttr("membership_id", knownvalue.StringExact(recordID)),
		},
	})
}

func TestAccSpaceMember_importByIdentity(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	emu.AddUser(emulator.User{ID: testUserWithSlashes, Email: "slashes@example.com"})
	orgID, spaceID := newTestSpace(t, emu, "tf-acc-space-identity")
	if _, err := emu.PutOrganizationMember(orgID, testUserWithSlashes, predefined("MEMBER")); err != nil {
		t.Fatal(err)
	}
	config := spaceMemberConfig(env, spaceID, testUserWithSlashes, `role = "MEMBER"`)
	// Resource identities need Terraform 1.12.
	accTestFrom(t, tfversion.Version1_12_0,
		resource.TestStep{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(spaceMemberAddr, map[string]knownvalue.Check{
					"space_id": knownvalue.StringExact(spaceID),
					"user_id":  knownvalue.StringExact(testUserWithSlashes),
				}),
			},
		},
		resource.TestStep{
			Config:             config,
			ResourceName:       spaceMemberAddr,
			ImportState:        true,
			ImportStateKind:    resource.ImportBlockWithResourceIdentity,
			ExpectNonEmptyPlan: true,
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(spaceMemberAddr, plancheck.ResourceActionUpdate),
			}},
		},
		resource.TestStep{
			// The same membership's import ID is refused, naming the way
			// that works.
			ResourceName:  spaceMemberAddr,
			ImportState:   true,
			ImportStateId: spaceID + "/" + testUserWithSlashes,
			ExpectError:   wrappedRegexp(`Invalid import ID[\s\S]*space_id = "<space id>"`),
		},
	)
}

// TestAccSpaceMember_unknownOutcome: an add whose answer is lost after
// Arize made it is sent again, and one membership results.
func TestAccSpaceMember_unknownOutcome(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgID, spaceID := newTestSpace(t, emu, "tf-acc-space-dropped")
	if _, err := emu.PutOrganizationMember(orgID, testUserBob, predefined("MEMBER")); err != nil {
		t.Fatal(err)
	}
	emu.DropNext(1, true)
	accTest(t, resource.TestStep{
		Config: spaceMemberConfig(env, spaceID, testUserBob, `custom_role_id = "cr-auditor"`),
		ConfigStateChecks: []statecheck.StateCheck{
			expectOnlyRequests(emu, map[string]int{routeSpaceMemberPost: 2}),
			expectMembers(func() map[string]emulator.MemberRole { return emu.SpaceMembers(spaceID) },
				map[string]emulator.MemberRole{testUserBob: {Type: "CUSTOM", ID: "cr-auditor"}}),
			expectDroppedAfterCommit(emu, emulator.RouteSpaceUsers),
		},
	})
}

// TestAccSpaceMember_unknownAtPlan: a role known only at apply passes the
// plan-time rule, which then holds at apply.
func TestAccSpaceMember_unknownAtPlan(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgID, spaceID := newTestSpace(t, emu, "tf-acc-space-later")
	if _, err := emu.PutOrganizationMember(orgID, testUserBob, predefined("MEMBER")); err != nil {
		t.Fatal(err)
	}
	accTest(t, resource.TestStep{
		Config: env.config(fmt.Sprintf(`
resource "terraform_data" "later" {
  input = "cr-later"
}

resource "arize_space_member" "test" {
  space_id       = %q
  user_id        = %q
  role           = terraform_data.later.output == "cr-later" ? null : "MEMBER"
  custom_role_id = terraform_data.later.output
}
`, spaceID, testUserBob)),
		ConfigStateChecks: []statecheck.StateCheck{
			spaceMemberAttr("role", knownvalue.Null()),
			expectMembers(func() map[string]emulator.MemberRole { return emu.SpaceMembers(spaceID) },
				map[string]emulator.MemberRole{testUserBob: {Type: "CUSTOM", ID: "cr-later"}}),
		},
	})
}

// spaceMemberPlanTimeErrors are space member configurations refused at
// plan time, on the attribute that is wrong, before any API call.
var spaceMemberPlanTimeErrors = []struct {
	name   string
	body   string // the resource block's attributes
	expect string // a regexp over Terraform's error output
}{
	{"both roles", `space_id = "s"
  user_id = "u"
  role = "MEMBER"
  custom_role_id = "cr-1"`, `Conflicting roles[\s\S]*with arize_space_member.test,[\s\S]*custom_role_id = "cr-1"[\s\S]*not both`},
	{"no role", `space_id = "s"
  user_id = "u"`, `Missing role[\s\S]*with arize_space_member.test[\s\S]*set role to one of`},
	{"unknown role", `space_id = "s"
  user_id = "u"
  role = "OWNER"`, `Attribute role value must be one of`},
	{"empty custom role", `space_id = "s"
  user_id = "u"
  custom_role_id = ""`, `Attribute custom_role_id string length must be at least 1`},
	{"empty space", `space_id = ""
  user_id = "u"
  role = "MEMBER"`, `Attribute space_id string length must be at least 1`},
	{"empty user", `space_id = "s"
  user_id = ""
  role = "MEMBER"`, `Attribute user_id string length must be at least 1`},
}

func TestAccSpaceMember_planTimeValidation(t *testing.T) {
	for _, tc := range spaceMemberPlanTimeErrors {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			accTest(t, resource.TestStep{
				Config:      env.config("resource \"arize_space_member\" \"test\" {\n  " + tc.body + "\n}\n"),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("plan-time error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}

// TestSpaceMember_oneRole: exactly one of role and custom_role_id, each
// error on the attribute to change; a value not known yet is let through.
func TestSpaceMember_oneRole(t *testing.T) {
	p := newProtoProvider(t)
	base := tfObject{"space_id": "s", "user_id": "u"}
	with := func(more tfObject) tfObject {
		out := maps.Clone(base)
		maps.Copy(out, more)
		return out
	}
	expectNoErrors(t, p.validateResource("arize_space_member", with(tfObject{"role": "ANNOTATOR"})))
	expectNoErrors(t, p.validateResource("arize_space_member", with(tfObject{"custom_role_id": "cr-1"})))
	expectNoErrors(t, p.validateResource("arize_space_member", with(tfObject{"role": unknown, "custom_role_id": "cr-1"})))
	expectNoErrors(t, p.validateResource("arize_space_member", with(tfObject{"custom_role_id": unknown})))
	expectError(t, p.validateResource("arize_space_member", with(tfObject{"role": "MEMBER", "custom_role_id": "cr-1"})),
		attrPath("custom_role_id"), "Conflicting roles", "not both")
	expectError(t, p.validateResource("arize_space_member", base),
		attrPath("role"), "Missing role", `"ADMIN"`)
	expectError(t, p.validateResource("arize_space_member", with(tfObject{"role": "member"})),
		attrPath("role"), "Invalid Attribute Value Match", "")
	expectError(t, p.validateResource("arize_space_member", with(tfObject{"custom_role_id": " "})),
		attrPath("custom_role_id"), "Blank value", "")
}

// TestSpaceMember_planRoleSwitch: switching between a predefined and a
// custom role is an update in place, never a replacement.
func TestSpaceMember_planRoleSwitch(t *testing.T) {
	p := newProtoProvider(t)
	prior := tfObject{"id": "s/u", "space_id": "s", "user_id": "u", "role": "MEMBER", "membership_id": "m"}
	plan := p.planResource("arize_space_member", prior, tfObject{"space_id": "s", "user_id": "u", "custom_role_id": "cr-1"})
	expectNoErrors(t, plan.diags)
	if len(plan.requiresReplace) != 0 {
		t.Errorf("a role switch replaces on %v", plan.requiresReplace)
	}
	if id := attrOf(t, plan.state, "id"); !id.Equal(tfValue(t, id.Type(), "s/u")) {
		t.Errorf("planned id %v, want the state's", id)
	}
	// Another user is another membership.
	plan = p.planResource("arize_space_member", prior, tfObject{"space_id": "s", "user_id": "v", "role": "MEMBER"})
	if len(plan.requiresReplace) != 1 || !plan.requiresReplace[0].Equal(attrPath("user_id")) {
		t.Errorf("a user change replaces on %v, want user_id", plan.requiresReplace)
	}
}
