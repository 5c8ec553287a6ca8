package provider

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

const orgMemberAddr = "arize_organization_member.test"

// The membership routes as the emulator counts them.
var (
	routeOrgMemberPost     = "POST " + emulator.RouteOrganizationUsers
	routeOrgMemberDelete   = "DELETE " + emulator.RouteOrganizationUser
	routeSpaceMemberPost   = "POST " + emulator.RouteSpaceUsers
	routeSpaceMemberDelete = "DELETE " + emulator.RouteSpaceUser
)

// testUserWithSlashes is a user whose ID holds "/", as base64 IDs can: an
// import ID naming it cannot be split.
const testUserWithSlashes = "VXNlcjo/Pz8+Pj4/Lw+/a="

// sentRequests is what the emulator served by "METHOD route", without the
// one write per provider process refused for its enum spelling (see
// spellingProbes) and without the routes that served nothing.
func sentRequests(emu *emulator.Server) map[string]int {
	out := map[string]int{}
	for key, n := range emu.Requests() {
		method, route, _ := strings.Cut(key, " ")
		if n -= spellingProbes(emu, method, route); n != 0 {
			out[key] = n
		}
	}
	return out
}

// checkSent is an error unless the emulator served exactly want (by
// "METHOD route", spelling probes left out): no other request, so no read.
func checkSent(emu *emulator.Server, want map[string]int) error {
	if got := sentRequests(emu); !maps.Equal(got, want) {
		return fmt.Errorf("the emulator served %v, want exactly %v", got, want)
	}
	return nil
}

// expectOnlyRequests is checkSent as a state check.
func expectOnlyRequests(emu *emulator.Server, want map[string]int) statecheck.StateCheck {
	return exampleStored{check: func() error { return checkSent(emu, want) }}
}

// expectMembers checks the members the emulator holds for a parent, user ID
// to role in today's spelling, as got returns them.
func expectMembers(got func() map[string]emulator.MemberRole, want map[string]emulator.MemberRole) statecheck.StateCheck {
	return exampleStored{check: func() error {
		if m := got(); !maps.Equal(m, want) {
			return fmt.Errorf("the emulator holds members %v, want %v", m, want)
		}
		return nil
	}}
}

func predefined(name string) emulator.MemberRole {
	return emulator.MemberRole{Type: "PREDEFINED", Name: name}
}

// newTestOrganization stores an organization made outside Terraform.
func newTestOrganization(t *testing.T, emu *emulator.Server, name string) string {
	t.Helper()
	org, err := emu.PutOrganization(name, "")
	if err != nil {
		t.Fatal(err)
	}
	return org.ID
}

func orgMemberConfig(env *accEnv, orgID, userID, role string) string {
	return env.config(orgMemberBlock(orgID, userID, role))
}

func orgMemberBlock(orgID, userID, role string) string {
	return fmt.Sprintf(`
resource "arize_organization_member" "test" {
  organization_id = %q
  user_id         = %q
  role            = %q
}
`, orgID, userID, role)
}

func orgMemberAttr(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(orgMemberAddr, tfjsonpath.New(name), v)
}

func TestAccOrganizationMember_lifecycle(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgID := newTestOrganization(t, emu, "tf-acc-org-members")
	members := func() map[string]emulator.MemberRole { return emu.OrganizationMembers(orgID) }
	sameRecord := statecheck.CompareValue(compare.ValuesSame())

	accTest(t,
		resource.TestStep{
			Config:           orgMemberConfig(env, orgID, testUserBob, "MEMBER"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(orgMemberAddr, plancheck.ResourceActionCreate)}},
			ConfigStateChecks: []statecheck.StateCheck{
				// Create is one POST, and nothing reads it back.
				expectOnlyRequests(emu, map[string]int{routeOrgMemberPost: 1}),
				expectMembers(members, map[string]emulator.MemberRole{testUserBob: predefined("MEMBER")}),
				orgMemberAttr("id", knownvalue.StringExact(orgID+"/"+testUserBob)),
				orgMemberAttr("organization_id", knownvalue.StringExact(orgID)),
				orgMemberAttr("user_id", knownvalue.StringExact(testUserBob)),
				orgMemberAttr("role", knownvalue.StringExact("MEMBER")),
				orgMemberAttr("membership_id", knownvalue.StringRegexp(regexp.MustCompile(`^[A-Za-z0-9+/]+=*$`))),
				sameRecord.AddStateValue(orgMemberAddr, tfjsonpath.New("membership_id")),
			},
		},
		resource.TestStep{
			// The refreshes after the first apply and before this plan, and
			// this one's, made no request: Read reads nothing.
			Config:           orgMemberConfig(env, orgID, testUserBob, "MEMBER"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: []statecheck.StateCheck{
				expectOnlyRequests(emu, map[string]int{routeOrgMemberPost: 1}),
			},
		},
		resource.TestStep{
			// A role change is one upsert in place.
			Config:           orgMemberConfig(env, orgID, testUserBob, "ADMIN"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(orgMemberAddr, plancheck.ResourceActionUpdate)}},
			ConfigStateChecks: []statecheck.StateCheck{
				expectOnlyRequests(emu, map[string]int{routeOrgMemberPost: 2}),
				expectMembers(members, map[string]emulator.MemberRole{testUserBob: predefined("ADMIN")}),
				orgMemberAttr("role", knownvalue.StringExact("ADMIN")),
				// The upsert changed the record, not made another.
				sameRecord.AddStateValue(orgMemberAddr, tfjsonpath.New("membership_id")),
			},
		},
		resource.TestStep{
			// Another user is another membership: Bob's is removed, Alice's
			// added.
			Config: orgMemberConfig(env, orgID, testUserAlice, "ADMIN"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(orgMemberAddr, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				expectOnlyRequests(emu, map[string]int{routeOrgMemberPost: 3, routeOrgMemberDelete: 1}),
				expectMembers(members, map[string]emulator.MemberRole{testUserAlice: predefined("ADMIN")}),
				orgMemberAttr("id", knownvalue.StringExact(orgID+"/"+testUserAlice)),
			},
		},
	)
	// The destroy at the end is one DELETE that found the member.
	if err := checkSent(emu, map[string]int{routeOrgMemberPost: 3, routeOrgMemberDelete: 2}); err != nil {
		t.Error(err)
	}
	if n := emu.Answers(http.MethodDelete, emulator.RouteOrganizationUser, http.StatusNoContent); n != 2 {
		t.Errorf("the emulator answered %d DELETEs with 204, want the replacement's and the destroy's", n)
	}
	if m := members(); len(m) != 0 {
		t.Errorf("destroy left members %v", m)
	}
}

// TestAccOrganizationMember_adoptsMember: declaring a member made outside
// Terraform needs no import: the create is an upsert that sets the role.
func TestAccOrganizationMember_adoptsMember(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgID := newTestOrganization(t, emu, "tf-acc-org-adopt")
	recordID, err := emu.PutOrganizationMember(orgID, testUserBob, predefined("READ_ONLY"))
	if err != nil {
		t.Fatal(err)
	}
	accTest(t, resource.TestStep{
		Config: orgMemberConfig(env, orgID, testUserBob, "ADMIN"),
		ConfigStateChecks: []statecheck.StateCheck{
			expectOnlyRequests(emu, map[string]int{routeOrgMemberPost: 1}),
			expectMembers(func() map[string]emulator.MemberRole { return emu.OrganizationMembers(orgID) },
				map[string]emulator.MemberRole{testUserBob: predefined("ADMIN")}),
			orgMemberAttr("membership_id", knownvalue.StringExact(recordID)),
		},
	})
}

// TestAccOrganizationMember_removedOutside: a member removed outside
// Terraform cannot be seen (there is no read), and the destroy that then
// finds nothing to remove (404) succeeds.
func TestAccOrganizationMember_removedOutside(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgID := newTestOrganization(t, emu, "tf-acc-org-removed")
	config := orgMemberConfig(env, orgID, testUserBob, "MEMBER")
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() {
				if !emu.RemoveOrganizationMember(orgID, testUserBob) {
					t.Fatal("bob was not a member")
				}
			},
			Config: config,
			// What the docs say: drift is not detected.
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
	)
	if err := checkSent(emu, map[string]int{routeOrgMemberPost: 1, routeOrgMemberDelete: 1}); err != nil {
		t.Error(err)
	}
	if n := emu.Answers(http.MethodDelete, emulator.RouteOrganizationUser, http.StatusNotFound); n != 1 {
		t.Errorf("the emulator answered %d DELETEs with 404, want the destroy's 1", n)
	}
}

func TestAccOrganizationMember_import(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgID := newTestOrganization(t, emu, "tf-acc-org-import")
	config := orgMemberConfig(env, orgID, testUserBob, "READ_ONLY")
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			// terraform import by the composite ID, the state's id.
			ResourceName:      orgMemberAddr,
			ImportState:       true,
			ImportStateVerify: true,
			// Nothing can read these back: import leaves them null.
			ImportStateVerifyIgnore: []string{"role", "membership_id"},
			ImportStateCheck:        expectImportedUnknownRole(orgID + "/" + testUserBob),
		},
		resource.TestStep{
			// An import block: the plan sets the configured role, which
			// import could not learn.
			Config:             config,
			ResourceName:       orgMemberAddr,
			ImportState:        true,
			ImportStateKind:    resource.ImportBlockWithID,
			ExpectNonEmptyPlan: true,
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(orgMemberAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(orgMemberAddr, tfjsonpath.New("role"), knownvalue.StringExact("READ_ONLY")),
			}},
		},
	)
	// The imports read nothing.
	if err := checkSent(emu, map[string]int{routeOrgMemberPost: 1, routeOrgMemberDelete: 1}); err != nil {
		t.Error(err)
	}
}

// expectImportedUnknownRole checks one imported membership whose id is id:
// neither its role nor its record is known.
func expectImportedUnknownRole(id string) resource.ImportStateCheckFunc {
	return func(states []*terraform.InstanceState) error {
		if len(states) != 1 {
			return fmt.Errorf("imported %d states, want 1", len(states))
		}
		a := states[0].Attributes
		if a["id"] != id || a["role"] != "" || a["membership_id"] != "" || a["custom_role_id"] != "" {
			return fmt.Errorf("imported %v, want id %q with no role and no membership_id", a, id)
		}
		return nil
	}
}

// TestAccOrganizationMember_importThenApply: importing a member made
// outside Terraform and applying sets the configured role with one upsert,
// and the plan after is empty.
func TestAccOrganizationMember_importThenApply(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgID := newTestOrganization(t, emu, "tf-acc-org-import-apply")
	recordID, err := emu.PutOrganizationMember(orgID, testUserAlice, predefined("READ_ONLY"))
	if err != nil {
		t.Fatal(err)
	}
	accTest(t, resource.TestStep{
		Config: env.config(fmt.Sprintf(`
import {
  to = arize_organization_member.test
  id = "%s/%s"
}
`, orgID, testUserAlice) + orgMemberBlock(orgID, testUserAlice, "ADMIN")),
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(orgMemberAddr, plancheck.ResourceActionUpdate),
		}},
		ConfigStateChecks: []statecheck.StateCheck{
			expectOnlyRequests(emu, map[string]int{routeOrgMemberPost: 1}),
			expectMembers(func() map[string]emulator.MemberRole { return emu.OrganizationMembers(orgID) },
				map[string]emulator.MemberRole{testUserAlice: predefined("ADMIN")}),
			orgMemberAttr("role", knownvalue.StringExact("ADMIN")),
			orgMemberAttr("membership_id", knownvalue.StringExact(recordID)),
		},
	})
}

// TestAccOrganizationMember_ambiguousImportID: an import ID with several
// "/" is refused, pointing to the import by identity, and reads nothing.
func TestAccOrganizationMember_ambiguousImportID(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	emu.AddUser(emulator.User{ID: testUserWithSlashes, Email: "slashes@example.com"})
	orgID := newTestOrganization(t, emu, "tf-acc-org-ambiguous")
	accTest(t,
		resource.TestStep{Config: orgMemberConfig(env, orgID, testUserWithSlashes, "MEMBER")},
		resource.TestStep{
			ResourceName:  orgMemberAddr,
			ImportState:   true,
			ImportStateId: orgID + "/" + testUserWithSlashes,
			ExpectError:   wrappedRegexp(`Invalid import ID[\s\S]*cannot be split into the organization_id and the user ID safely[\s\S]*identity = {`),
		},
	)
	if err := checkSent(emu, map[string]int{routeOrgMemberPost: 1, routeOrgMemberDelete: 1}); err != nil {
		t.Error(err)
	}
}

// TestAccOrganizationMember_importByIdentity: an identity names the two IDs
// apart, so even a user ID holding "/" imports.
func TestAccOrganizationMember_importByIdentity(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	emu.AddUser(emulator.User{ID: testUserWithSlashes, Email: "slashes@example.com"})
	orgID := newTestOrganization(t, emu, "tf-acc-org-identity")
	config := orgMemberConfig(env, orgID, testUserWithSlashes, "MEMBER")
	// Resource identities need Terraform 1.12.
	accTestFrom(t, tfversion.Version1_12_0,
		resource.TestStep{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(orgMemberAddr, map[string]knownvalue.Check{
					"organization_id": knownvalue.StringExact(orgID),
					"user_id":         knownvalue.StringExact(testUserWithSlashes),
				}),
				statecheck.ExpectIdentityValueMatchesState(orgMemberAddr, tfjsonpath.New("organization_id")),
				statecheck.ExpectIdentityValueMatchesState(orgMemberAddr, tfjsonpath.New("user_id")),
			},
		},
		resource.TestStep{
			Config:             config,
			ResourceName:       orgMemberAddr,
			ImportState:        true,
			ImportStateKind:    resource.ImportBlockWithResourceIdentity,
			ExpectNonEmptyPlan: true,
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(orgMemberAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(orgMemberAddr, tfjsonpath.New("id"), knownvalue.StringExact(orgID+"/"+testUserWithSlashes)),
			}},
		},
	)
}

// TestAccOrganizationMember_unknownOutcome: an add whose answer is lost
// after Arize made it is sent again (an upsert is idempotent), and one
// membership results.
func TestAccOrganizationMember_unknownOutcome(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgID := newTestOrganization(t, emu, "tf-acc-org-dropped")
	emu.DropNext(1, true)
	accTest(t, resource.TestStep{
		Config: orgMemberConfig(env, orgID, testUserBob, "MEMBER"),
		ConfigStateChecks: []statecheck.StateCheck{
			expectOnlyRequests(emu, map[string]int{routeOrgMemberPost: 2}),
			expectMembers(func() map[string]emulator.MemberRole { return emu.OrganizationMembers(orgID) },
				map[string]emulator.MemberRole{testUserBob: predefined("MEMBER")}),
			expectDroppedAfterCommit(emu, emulator.RouteOrganizationUsers),
		},
	})
}

// expectDroppedAfterCommit checks the emulator applied two adds to route:
// one whose answer it dropped, and the retry it answered.
func expectDroppedAfterCommit(emu *emulator.Server, route string) statecheck.StateCheck {
	return exampleStored{check: func() error {
		dropped, answered := emu.Injected()[emulator.InjectedDropAfterCommit], emu.Answers(http.MethodPost, route, http.StatusOK)
		if dropped != 1 || answered != 1 {
			return fmt.Errorf("the emulator dropped %d applied adds and answered %d, want 1 of each", dropped, answered)
		}
		return nil
	}}
}

// TestAccOrganizationMember_refused: what Arize refuses fails the apply with
// its detail, and leaves nothing in state (the destroy deletes nothing).
func TestAccOrganizationMember_refused(t *testing.T) {
	for _, tc := range []struct {
		name, user, role, expect string
	}{
		{"annotator given another role", testUserDana, "MEMBER",
			`Could not create the Arize organization membership[\s\S]*Arize refused the membership\. A user whose account role is annotator[\s\S]*400[\s\S]*can only be given the (ANNOTATOR|annotator) role`},
		{"annotator role for another user", testUserBob, "ANNOTATOR",
			`Arize refused the membership[\s\S]*400[\s\S]*can only be given to a user with the (ANNOTATOR|annotator) account role`},
		{"unknown user", "VXNlcjo5OTp4eHh4", "MEMBER", `Could not create the Arize organization membership[\s\S]*404[\s\S]*not found`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			orgID := newTestOrganization(t, emu, "tf-acc-org-refused")
			accTest(t, resource.TestStep{
				Config:      orgMemberConfig(env, orgID, tc.user, tc.role),
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Count(http.MethodDelete, emulator.RouteOrganizationUser); n != 0 {
				t.Errorf("a refused add left the membership in state: the destroy sent %d DELETEs", n)
			}
			if m := emu.OrganizationMembers(orgID); len(m) != 0 {
				t.Errorf("a refused add made members %v", m)
			}
		})
	}
}

// orgMemberPlanTimeErrors are organization member configurations refused
// at plan time, on the attribute that is wrong, before any API call.
var orgMemberPlanTimeErrors = []struct {
	name   string
	body   string // the resource block's attributes
	expect string // a regexp over Terraform's error output
}{
	{"unknown role", `organization_id = "o"
  user_id = "u"
  role = "OWNER"`, `Attribute role value must be one of`},
	{"custom role name", `organization_id = "o"
  user_id = "u"
  role = "Um9sZTo3OmNVc1Q="`, `Attribute role value must be one of[\s\S]*"ANNOTATOR"`},
	{"empty organization", `organization_id = ""
  user_id = "u"
  role = "MEMBER"`, `Attribute organization_id string length must be at least 1`},
	{"blank user", `organization_id = "o"
  user_id = "  "
  role = "MEMBER"`, `Blank value[\s\S]*user_id must contain a character other than white space`},
	{"empty user", `organization_id = "o"
  user_id = ""
  role = "MEMBER"`, `Attribute user_id string length must be at least 1`},
	{"no role", `organization_id = "o"
  user_id = "u"`, `The argument "role" is required`},
}

func TestAccOrganizationMember_planTimeValidation(t *testing.T) {
	for _, tc := range orgMemberPlanTimeErrors {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			accTest(t, resource.TestStep{
				Config:      env.config("resource \"arize_organization_member\" \"test\" {\n  " + tc.body + "\n}\n"),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("plan-time error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}

func TestOrganizationMember_validation(t *testing.T) {
	p := newProtoProvider(t)
	valid := tfObject{"organization_id": "o", "user_id": "u", "role": "READ_ONLY"}
	expectNoErrors(t, p.validateResource("arize_organization_member", valid))
	for _, tc := range []struct {
		name, attr string
		value      any
		summary    string
	}{
		{"unknown role", "role", "owner", "Invalid Attribute Value Match"},
		{"empty organization", "organization_id", "", "Invalid Attribute Value Length"},
		{"blank user", "user_id", " ", "Blank value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			config := maps.Clone(valid)
			config[tc.attr] = tc.value
			expectError(t, p.validateResource("arize_organization_member", config), attrPath(tc.attr), tc.summary, "")
		})
	}
}

func TestMembershipParseImportID(t *testing.T) {
	for _, tc := range []struct {
		raw, parent, user string
		ambiguous, bad    bool
	}{
		{raw: "T3JnOjE6YUJjRA==/VXNlcjoxOmFBYUE=", parent: "T3JnOjE6YUJjRA==", user: "VXNlcjoxOmFBYUE="},
		{raw: "org_12345/usr_1", parent: "org_12345", user: "usr_1"},
		{raw: "T3Jn/OjE=/VXNl", ambiguous: true},
		{raw: "a//b", ambiguous: true},
		{raw: "T3JnOjE6YUJjRA==", bad: true},
		{raw: "T3JnOjE6YUJjRA==/", bad: true},
		{raw: "/VXNlcjoxOmFBYUE=", bad: true},
		{raw: "/", bad: true},
	} {
		parent, user, err := organizationMember.parseImportID(tc.raw)
		switch {
		case tc.ambiguous:
			if !errors.Is(err, errAmbiguousImportID) {
				t.Errorf("%q: err %v, want an ambiguous import ID", tc.raw, err)
			}
		case tc.bad:
			if err == nil || errors.Is(err, errAmbiguousImportID) {
				t.Errorf("%q: err %v, want a malformed import ID", tc.raw, err)
			}
		case err != nil || parent != tc.parent || user != tc.user:
			t.Errorf("%q: %q, %q, %v; want %q, %q", tc.raw, parent, user, err, tc.parent, tc.user)
		}
	}
}

// TestOrganizationMember_importState: the import puts the two IDs and the
// composite id in state, and nothing it cannot know.
func TestOrganizationMember_importState(t *testing.T) {
	p := newProtoProvider(t)
	typ := p.resourceSchema("arize_organization_member").ValueType()
	importID := func(id string) (map[string]string, []*tfprotov6.Diagnostic) {
		resp, err := p.server.ImportResourceState(context.Background(), &tfprotov6.ImportResourceStateRequest{
			TypeName: "arize_organization_member", ID: id,
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.ImportedResources) != 1 {
			return nil, resp.Diagnostics
		}
		state, err := resp.ImportedResources[0].State.Unmarshal(typ)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, name := range []string{"id", "organization_id", "user_id", "role", "membership_id"} {
			v := attrOf(t, state, name)
			if v.IsNull() {
				continue
			}
			var s string
			if err := v.As(&s); err != nil {
				t.Fatal(err)
			}
			out[name] = s
		}
		return out, resp.Diagnostics
	}

	got, diags := importID("T3JnOjE6YUJjRA==/VXNlcjoxOmFBYUE=")
	expectNoErrors(t, diags)
	want := map[string]string{"id": "T3JnOjE6YUJjRA==/VXNlcjoxOmFBYUE=", "organization_id": "T3JnOjE6YUJjRA==", "user_id": "VXNlcjoxOmFBYUE="}
	if !maps.Equal(got, want) {
		t.Errorf("imported %v, want %v", got, want)
	}

	_, diags = importID("T3JnOjE6YUJjRA==/" + testUserWithSlashes)
	expectError(t, diags, nil, "Invalid import ID", "identity = {\n    organization_id = \"<organization id>\"")
	_, diags = importID("T3JnOjE6YUJjRA==")
	expectError(t, diags, nil, "Invalid import ID", `"<organization_id>/<user_id>"`)
}
