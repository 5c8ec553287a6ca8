package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

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

const userAddr = "arize_user.test"

// The user routes as the emulator counts them.
var (
	routeUserPost   = "POST " + emulator.RouteUsers
	routeUserList   = "GET " + emulator.RouteUsers
	routeUserGet    = "GET " + emulator.RouteUser
	routeUserPatch  = "PATCH " + emulator.RouteUser
	routeUserDelete = "DELETE " + emulator.RouteUser
)

func userAttr(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(userAddr, tfjsonpath.New(name), v)
}

// userHCL is a configuration of arize_user.test with the attributes body.
func userHCL(env *accEnv, body string) string {
	return env.config("resource \"arize_user\" \"test\" {\n" + body + "\n}\n")
}

// expectUserAction checks the planned action for arize_user.test.
func expectUserAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, action)},
	}
}

// userWrites checks how many creates, updates and deletes of users the
// emulator served (a published server's one spelling probe left out).
func userWrites(emu *emulator.Server, posts, patches, deletes int) statecheck.StateCheck {
	return expectRequests(emu, map[string]int{routeUserPost: posts, routeUserPatch: patches, routeUserDelete: deletes})
}

// storedUser checks the emulator's record of arize_user.test with check:
// it proves a value reached the server, which state alone cannot.
func storedUser(emu *emulator.Server, check func(emulator.User) error) statecheck.StateCheck {
	return expectStoredObject(userAddr, "user", emu.User, check)
}

// liveUsers checks the emulator holds n users that are not deleted.
func liveUsers(emu *emulator.Server, n int) statecheck.StateCheck {
	return exampleStored{check: func() error {
		live := 0
		for _, u := range emu.Users() {
			if u.Status != "INACTIVE" {
				live++
			}
		}
		if live != n {
			return fmt.Errorf("the emulator holds %d live users, want %d", live, n)
		}
		return nil
	}}
}

// sensitiveInState checks that Terraform keeps attr of addr as a sensitive
// value: hidden in plans and output, kept only in state.
type sensitiveInState struct{ addr, attr string }

func (c sensitiveInState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		resp.Error = fmt.Errorf("%s: no state", c.addr)
		return
	}
	for _, r := range req.State.Values.RootModule.Resources {
		if r.Address != c.addr {
			continue
		}
		var sensitive map[string]any
		if err := json.Unmarshal(r.SensitiveValues, &sensitive); err != nil || sensitive[c.attr] != true {
			resp.Error = fmt.Errorf("%s.%s is not a sensitive value in state (sensitive_values %s)", c.addr, c.attr, r.SensitiveValues)
		}
		return
	}
	resp.Error = fmt.Errorf("%s: not in state", c.addr)
}

// TestAccUser_lifecycle creates a user with a temporary password, renames
// it, changes is_developer, then changes what Arize never reads back or
// compares otherwise (invite_mode, white space around the name, the case
// of the email), turns its protection off and destroys it, each with the
// one request it needs, or none.
func TestAccUser_lifecycle(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	samePassword := statecheck.CompareValue(compare.ValuesSame())
	kept := func() []statecheck.StateCheck {
		return []statecheck.StateCheck{
			sameID.AddStateValue(userAddr, tfjsonpath.New("id")),
			// Answered once, by the create: every later step keeps it.
			samePassword.AddStateValue(userAddr, tfjsonpath.New("temporary_password")),
			sensitiveInState{addr: userAddr, attr: "temporary_password"},
		}
	}
	reset := func() { emu.ResetCounters() }
	config := func(lines ...string) string {
		return userHCL(env, "  email = \"erin@example.com\"\n  role = \"MEMBER\"\n  "+strings.Join(lines, "\n  "))
	}
	accTest(t,
		resource.TestStep{
			Config:           config(`name = "Erin Example"`, `invite_mode = "TEMPORARY_PASSWORD"`),
			ConfigPlanChecks: expectUserAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: append(kept(),
				// Create is one POST whose answer is the state: no read after it.
				expectRequests(emu, map[string]int{routeUserPost: 1, routeUserGet: 0, routeUserList: 0}),
				userAttr("id", knownvalue.StringRegexp(regexp.MustCompile(`^[A-Za-z0-9+/]+=*$`))),
				userAttr("email", knownvalue.StringExact("erin@example.com")),
				userAttr("name", knownvalue.StringExact("Erin Example")),
				userAttr("role", knownvalue.StringExact("MEMBER")),
				userAttr("status", knownvalue.StringExact("INVITED")),
				userAttr("is_developer", knownvalue.Bool(true)),
				userAttr("invite_mode", knownvalue.StringExact("TEMPORARY_PASSWORD")),
				userAttr("temporary_password", knownvalue.StringRegexp(regexp.MustCompile(`^\S{12,}$`))),
				userAttr("created_at", knownvalue.StringRegexp(rfc3339Millis)),
				userAttr("deletion_protection", knownvalue.Bool(true)),
				storedUser(emu, func(u emulator.User) error {
					if u.Name != "Erin Example" || u.Role != "MEMBER" || u.InviteMode != "TEMPORARY_PASSWORD" || u.Status != "INVITED" {
						return fmt.Errorf("stored as %+v", u)
					}
					return nil
				}),
			),
		},
		resource.TestStep{
			// Read is one GET.
			PreConfig:    reset,
			RefreshState: true,
			Check: func(*terraform.State) error {
				if got, total := emu.Count("GET", emulator.RouteUser), emu.Total(); got != 1 || total != 1 {
					return fmt.Errorf("a refresh made %d GETs of %d requests, want 1 of 1: %v", got, total, emu.Requests())
				}
				return nil
			},
		},
		resource.TestStep{
			PreConfig:        reset,
			Config:           config(`name = "Erin E."`, `invite_mode = "TEMPORARY_PASSWORD"`),
			ConfigPlanChecks: expectUserAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: append(kept(),
				userWrites(emu, 0, 1, 0),
				userAttr("name", knownvalue.StringExact("Erin E.")),
				storedUser(emu, func(u emulator.User) error {
					if u.Name != "Erin E." {
						return fmt.Errorf("stored name %q", u.Name)
					}
					return nil
				}),
			),
		},
		resource.TestStep{
			// Arize trims names: white space around it is no change.
			PreConfig: reset,
			Config:    config(`name = "  Erin E. "`, `invite_mode = "TEMPORARY_PASSWORD"`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: append(kept(), userWrites(emu, 0, 0, 0)),
		},
		resource.TestStep{
			PreConfig:        reset,
			Config:           config(`name = "Erin E."`, `invite_mode = "TEMPORARY_PASSWORD"`, `is_developer = false`),
			ConfigPlanChecks: expectUserAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: append(kept(),
				userWrites(emu, 0, 1, 0),
				userAttr("is_developer", knownvalue.Bool(false)),
				storedUser(emu, func(u emulator.User) error {
					if u.IsDeveloper == nil || *u.IsDeveloper {
						return fmt.Errorf("stored is_developer %v", u.IsDeveloper)
					}
					return nil
				}),
			),
		},
		resource.TestStep{
			// invite_mode is the create's only: a change is recorded, and
			// nothing but the plan's refresh reaches Arize.
			PreConfig:        reset,
			Config:           config(`name = "Erin E."`, `invite_mode = "EMAIL_LINK"`, `is_developer = false`),
			ConfigPlanChecks: expectUserAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: append(kept(),
				userWrites(emu, 0, 0, 0),
				onlyRefreshes(emu),
				userAttr("invite_mode", knownvalue.StringExact("EMAIL_LINK")),
			),
		},
		resource.TestStep{
			// Arize compares emails ignoring case: no replacement.
			PreConfig: reset,
			Config: userHCL(env, `  email = "ERIN@Example.com"
  role = "MEMBER"
  name = "Erin E."
  invite_mode = "EMAIL_LINK"
  is_developer = false`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: append(kept(), userWrites(emu, 0, 0, 0), userAttr("email", knownvalue.StringExact("erin@example.com"))),
		},
		resource.TestStep{
			PreConfig:        reset,
			Config:           config(`name = "Erin E."`, `invite_mode = "EMAIL_LINK"`, `is_developer = false`, `deletion_protection = false`),
			ConfigPlanChecks: expectUserAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: append(kept(),
				userWrites(emu, 0, 0, 0),
				onlyRefreshes(emu),
				userAttr("deletion_protection", knownvalue.Bool(false)),
			),
		},
		resource.TestStep{
			// Unprotected, it is deleted with one DELETE when its block goes:
			// blocked in Arize for ever.
			PreConfig:        reset,
			Config:           env.config(""),
			ConfigPlanChecks: expectUserAction(plancheck.ResourceActionDestroy),
			ConfigStateChecks: []statecheck.StateCheck{
				userWrites(emu, 0, 0, 1),
				liveUsers(emu, len(testAccUsers)),
			},
		},
	)
}

// onlyRefreshes checks that the emulator served nothing but the plan's
// refresh: one GET of the user.
func onlyRefreshes(emu *emulator.Server) statecheck.StateCheck {
	return exampleStored{check: func() error {
		if n, total := emu.Count("GET", emulator.RouteUser), emu.Total(); n != 1 || total != 1 {
			return fmt.Errorf("the emulator served %v, want only the plan's refresh", emu.Requests())
		}
		return nil
	}}
}

// TestAccUser_inviteModes: only TEMPORARY_PASSWORD makes a password; NONE
// makes an active user at once, EMAIL_LINK an invited one; an ANNOTATOR is
// no developer unless configured.
func TestAccUser_inviteModes(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	accTest(t, resource.TestStep{
		Config: env.config(`
resource "arize_user" "link" {
  email               = "link@example.com"
  name                = "Link"
  role                = "ADMIN"
  invite_mode         = "EMAIL_LINK"
  deletion_protection = false
}

resource "arize_user" "sso" {
  email               = "sso@example.com"
  name                = "Sso"
  role                = "ANNOTATOR"
  invite_mode         = "NONE"
  deletion_protection = false
}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			userWrites(emu, 2, 0, 0),
			statecheck.ExpectKnownValue("arize_user.link", tfjsonpath.New("temporary_password"), knownvalue.Null()),
			statecheck.ExpectKnownValue("arize_user.link", tfjsonpath.New("status"), knownvalue.StringExact("INVITED")),
			statecheck.ExpectKnownValue("arize_user.link", tfjsonpath.New("is_developer"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue("arize_user.sso", tfjsonpath.New("temporary_password"), knownvalue.Null()),
			statecheck.ExpectKnownValue("arize_user.sso", tfjsonpath.New("status"), knownvalue.StringExact("ACTIVE")),
			statecheck.ExpectKnownValue("arize_user.sso", tfjsonpath.New("role"), knownvalue.StringExact("ANNOTATOR")),
			statecheck.ExpectKnownValue("arize_user.sso", tfjsonpath.New("is_developer"), knownvalue.Bool(false)),
		},
	})
}

// TestAccUser_statusChangesPlanNothing: an invitation accepted in Arize
// (INVITED to ACTIVE) is read back, and plans nothing.
func TestAccUser_statusChangesPlanNothing(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	config := userHCL(env, `  email = "accepts@example.com"
  name = "Accepts"
  role = "MEMBER"
  invite_mode = "EMAIL_LINK"
  deletion_protection = false`)
	accTest(t,
		resource.TestStep{Config: config, ConfigStateChecks: []statecheck.StateCheck{userAttr("status", knownvalue.StringExact("INVITED"))}},
		resource.TestStep{
			PreConfig: func() {
				for _, u := range emu.Users() {
					if u.Email == "accepts@example.com" {
						u.Status = "ACTIVE"
						if _, err := emu.PutUser(u); err != nil {
							t.Fatal(err)
						}
					}
				}
				emu.ResetCounters()
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{userWrites(emu, 0, 0, 0), userAttr("status", knownvalue.StringExact("ACTIVE"))},
		},
	)
}

// TestAccUser_roleChangeRefused: a role change, and a role changed in
// Arize, fail the plan on role with the way out, and write nothing. Once
// the configuration agrees with Arize, the plan is empty.
func TestAccUser_roleChangeRefused(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	config := func(role string) string {
		return userHCL(env, fmt.Sprintf(`  email = "role@example.com"
  name = "Role"
  role = %q
  invite_mode = "EMAIL_LINK"
  deletion_protection = false`, role))
	}
	refused := func(arize, configured string) *regexp.Regexp {
		return wrappedRegexp(`Cannot change the account role of an Arize user[\s\S]*` +
			regexp.QuoteMeta(fmt.Sprintf(`has the account role "%s", and the configuration says role = "%s"`, arize, configured)) +
			`[\s\S]*Arize's API cannot change a user's account role`)
	}
	noWrites := func() {
		if n := emu.Count("PATCH", emulator.RouteUser) + emu.Count("DELETE", emulator.RouteUser); n != 0 {
			t.Errorf("a refused role change reached Arize: %v", emu.Requests())
		}
	}
	accTest(t,
		resource.TestStep{Config: config("MEMBER")},
		resource.TestStep{
			Config:      config("ADMIN"),
			ExpectError: refused("MEMBER", "ADMIN"),
		},
		resource.TestStep{
			// An admin changes the role in Arize's UI.
			PreConfig: func() {
				noWrites()
				for _, u := range emu.Users() {
					if u.Email == "role@example.com" {
						u.Role = "ADMIN"
						if _, err := emu.PutUser(u); err != nil {
							t.Fatal(err)
						}
					}
				}
			},
			Config:      config("MEMBER"),
			ExpectError: refused("ADMIN", "MEMBER"),
		},
		resource.TestStep{
			PreConfig: noWrites,
			Config:    config("ADMIN"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{userAttr("role", knownvalue.StringExact("ADMIN")), userWrites(emu, 1, 0, 0)},
		},
	)
}

// TestAccUser_deletionProtection: while deletion_protection is true in
// state, neither terraform destroy, nor removing the block, nor a new email
// (a replacement) deletes the user, and nothing is written; once false has
// been applied, removing the block deletes it.
func TestAccUser_deletionProtection(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	protected := userHCL(env, `  email = "kept@example.com"
  name = "Kept"
  role = "MEMBER"
  invite_mode = "EMAIL_LINK"`)
	refused := wrappedRegexp(`Deletion protection: cannot destroy the Arize user[\s\S]*` +
		`arize_user "Kept" \(ID [^)]+\) has deletion_protection = true`)
	untouched := func() {
		if n := emu.Count("DELETE", emulator.RouteUser) + emu.Count("PATCH", emulator.RouteUser); n != 0 {
			t.Errorf("a refused plan reached Arize: %v", emu.Requests())
		}
	}
	accTest(t,
		resource.TestStep{Config: protected},
		resource.TestStep{Config: protected, Destroy: true, ExpectError: refused},
		resource.TestStep{PreConfig: untouched, Config: env.config(""), ExpectError: refused},
		resource.TestStep{
			PreConfig: untouched,
			Config:    strings.Replace(protected, "kept@example.com", "kept@example.org", 1),
			ExpectError: wrappedRegexp(`Deletion protection: cannot replace the Arize user[\s\S]*` +
				`Changing email replaces arize_user "Kept"`),
		},
		resource.TestStep{
			PreConfig:         untouched,
			Config:            strings.Replace(protected, `"EMAIL_LINK"`, "\"EMAIL_LINK\"\n  deletion_protection = false", 1),
			ConfigStateChecks: []statecheck.StateCheck{userWrites(emu, 1, 0, 0)},
		},
		resource.TestStep{
			Config:            env.config(""),
			ConfigStateChecks: []statecheck.StateCheck{userWrites(emu, 1, 0, 1), liveUsers(emu, len(testAccUsers))},
		},
	)
}

// userPlanTimeErrors are configurations every one of which must be refused
// at plan time, on the attribute that is wrong, before any API call.
var userPlanTimeErrors = []struct {
	name   string
	body   string // the resource block's attributes
	expect string // a regexp over Terraform's error output
}{
	{"no invite_mode for a new user", `email = "new@example.com"
  name = "New"
  role = "MEMBER"`, `Missing invite_mode for a new Arize user[\s\S]*Creating the user "new@example.com" needs invite_mode`},
	{"read-only account role", `email = "new@example.com"
  name = "New"
  role = "READ_ONLY"
  invite_mode = "NONE"`, `Attribute role value must be one of`},
	{"blank name", `email = "new@example.com"
  name = "  "
  role = "MEMBER"
  invite_mode = "NONE"`, `Blank value[\s\S]*name must contain a character other than white space`},
	{"not an email", `email = "new.example.com"
  name = "New"
  role = "MEMBER"
  invite_mode = "NONE"`, `Invalid email address`},
	{"unknown invite mode", `email = "new@example.com"
  name = "New"
  role = "MEMBER"
  invite_mode = "MAGIC_LINK"`, `Attribute invite_mode value must be one of`},
}

func TestAccUser_planTimeValidation(t *testing.T) {
	for _, tc := range userPlanTimeErrors {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			accTest(t, resource.TestStep{
				Config:      userHCL(env, "  "+tc.body),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("plan-time error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}

// madeOutside is a user made in Arize's UI, in a configuration that says
// what it is: with no invite_mode, which applies to new users only.
const madeOutside = `
resource "arize_user" "test" {
  email = "frank@example.com"
  name  = "Frank"
  role  = "ADMIN"
}
`

func putFrank(t *testing.T, emu *emulator.Server) emulator.User {
	t.Helper()
	frank, err := emu.PutUser(emulator.User{Email: "Frank@Example.com", Name: "Frank", Role: "ADMIN"})
	if err != nil {
		t.Fatal(err)
	}
	return frank
}

// unprotected is resourceBlock with deletion_protection off, so that the
// test can destroy it.
func unprotected(resourceBlock string) string {
	return strings.Replace(resourceBlock, "\n}", "\n  deletion_protection = false\n}", 1)
}

// TestAccUser_importByIDAndEmail imports a user made outside Terraform by
// its ID and by its email in another case: the state is the same, with no
// invite_mode or temporary_password and protection on, and an import block
// plans nothing and writes nothing.
func TestAccUser_importByIDAndEmail(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	frank := putFrank(t, emu)
	imported := func(states []*terraform.InstanceState) error {
		if len(states) != 1 {
			return fmt.Errorf("imported %d states", len(states))
		}
		want := map[string]string{
			"id": frank.ID, "email": "Frank@Example.com", "name": "Frank", "role": "ADMIN", "status": "ACTIVE",
			"is_developer": "true", "deletion_protection": "true",
			"created_at": frank.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"),
		}
		for k, v := range want {
			if got := states[0].Attributes[k]; got != v {
				return fmt.Errorf("imported %s = %q, want %q", k, got, v)
			}
		}
		for _, k := range []string{"invite_mode", "temporary_password"} {
			if got, ok := states[0].Attributes[k]; ok && got != "" {
				return fmt.Errorf("imported %s = %q, want none", k, got)
			}
		}
		return nil
	}
	accTest(t,
		resource.TestStep{
			Config:           env.config(madeOutside),
			ResourceName:     userAddr,
			ImportState:      true,
			ImportStateId:    frank.ID,
			ImportStateCheck: imported,
		},
		resource.TestStep{
			Config:           env.config(madeOutside),
			ResourceName:     userAddr,
			ImportState:      true,
			ImportStateId:    "frank@EXAMPLE.com",
			ImportStateCheck: imported,
		},
		resource.TestStep{
			Config: env.config("import {\n  to = arize_user.test\n  id = \"frank@example.com\"\n}\n" + madeOutside),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				userAttr("id", knownvalue.StringExact(frank.ID)),
				// The state keeps Arize's spelling of the email; the
				// configuration's differs in case only.
				userAttr("email", knownvalue.StringExact("Frank@Example.com")),
				userAttr("invite_mode", knownvalue.Null()),
				userAttr("temporary_password", knownvalue.Null()),
				userAttr("deletion_protection", knownvalue.Bool(true)),
				userWrites(emu, 0, 0, 0),
			},
		},
		resource.TestStep{Config: env.config(unprotected(madeOutside))},
	)
}

// TestAccUser_importUnknownEmail: an email no user has is an error, and
// imports nothing.
func TestAccUser_importUnknownEmail(t *testing.T) {
	env := newAccEnv(t)
	accTest(t, resource.TestStep{
		Config:        env.config(madeOutside),
		ResourceName:  userAddr,
		ImportState:   true,
		ImportStateId: "nobody@example.com",
		ExpectError:   wrappedRegexp(`Could not import the Arize user[\s\S]*No user with the email "nobody@example.com" is in this Arize account`),
	})
}

// TestAccUser_importByIdentity imports a user made outside Terraform by its
// resource identity, which needs Terraform 1.12.
func TestAccUser_importByIdentity(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	frank := putFrank(t, emu)
	accTestFrom(t, tfversion.Version1_12_0,
		resource.TestStep{
			Config: env.config(fmt.Sprintf("import {\n  to = arize_user.test\n  identity = {\n    id = %q\n  }\n}\n", frank.ID) + madeOutside),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(userAddr, map[string]knownvalue.Check{"id": knownvalue.StringExact(frank.ID)}),
				statecheck.ExpectIdentityValueMatchesState(userAddr, tfjsonpath.New("id")),
				userWrites(emu, 0, 0, 0),
			},
		},
		resource.TestStep{
			// The framework's own identity import, from the state above.
			Config:          env.config(madeOutside),
			ResourceName:    userAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		},
		resource.TestStep{Config: env.config(unprotected(madeOutside))},
	)
}

// TestAccUser_importCreated imports a user Terraform created: the same
// state, but for what no read returns (invite_mode, temporary_password).
func TestAccUser_importCreated(t *testing.T) {
	env := newAccEnv(t)
	config := userHCL(env, `  email = "grace@example.com"
  name = "Grace"
  role = "ANNOTATOR"
  invite_mode = "TEMPORARY_PASSWORD"
  is_developer = true`)
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			ResourceName:            userAddr,
			ImportState:             true,
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: []string{"invite_mode", "temporary_password"},
		},
		resource.TestStep{Config: strings.Replace(config, "is_developer = true", "is_developer = true\n  deletion_protection = false", 1)},
	)
}

// TestAccUser_disappears: a user deleted outside Terraform is dropped from
// state by the next refresh, and the plan makes it again; but Arize blocks
// a deleted user's email for ever, so the create fails, and says so.
func TestAccUser_disappears(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	config := userHCL(env, `  email = "gone@example.com"
  name = "Gone"
  role = "MEMBER"
  invite_mode = "EMAIL_LINK"
  deletion_protection = false`)
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() {
				for _, u := range emu.Users() {
					if u.Email == "gone@example.com" && !emu.RemoveUser(u.ID) {
						t.Fatalf("could not delete %s outside Terraform", u.ID)
					}
				}
				emu.ResetCounters()
			},
			Config:           config,
			ConfigPlanChecks: expectUserAction(plancheck.ResourceActionCreate),
			ExpectError: wrappedRegexp(`Could not create the Arize user[\s\S]*` +
				`The email "gone@example.com" belongs to a user who was deleted from this Arize account[\s\S]*` +
				`blocks the email for ever: it can never be invited again[\s\S]*Use another email address[\s\S]*409`),
		},
		resource.TestStep{
			// One refused POST, and no look-up: the answer says the email
			// is blocked, and a deleted user is never listed.
			PreConfig: func() {
				if n := emu.Count("POST", emulator.RouteUsers) - spellingProbes(emu, "POST", emulator.RouteUsers); n != 1 {
					t.Errorf("%d POSTs, want the one refused: %v", n, emu.Requests())
				}
				if n := emu.Count("GET", emulator.RouteUsers); n != 0 {
					t.Errorf("%d lists of users, want none: %v", n, emu.Requests())
				}
			},
			Config:   env.config(""),
			PlanOnly: true,
		},
	)
}

// TestAccUser_adoptsPendingInvitation: the email has a pending invitation as
// the configuration describes it. The create's one POST answers 200 with
// it, adopted: not sent again, and no temporary password.
func TestAccUser_adoptsPendingInvitation(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	pending, err := emu.PutUser(emulator.User{Email: "heidi@example.com", Name: "Heidi", Role: "MEMBER", Status: "INVITED"})
	if err != nil {
		t.Fatal(err)
	}
	accTest(t, resource.TestStep{
		Config: userHCL(env, `  email = "heidi@example.com"
  name = "Heidi"
  role = "MEMBER"
  invite_mode = "TEMPORARY_PASSWORD"
  deletion_protection = false`),
		ConfigStateChecks: []statecheck.StateCheck{
			userWrites(emu, 1, 0, 0),
			exampleStored{check: func() error {
				if n := emu.Answers("POST", emulator.RouteUsers, 200); n != 1 {
					return fmt.Errorf("the emulator answered %d creates with 200, want the 1 adoption", n)
				}
				return nil
			}},
			userAttr("id", knownvalue.StringExact(pending.ID)),
			userAttr("status", knownvalue.StringExact("INVITED")),
			userAttr("temporary_password", knownvalue.Null()),
			liveUsers(emu, len(testAccUsers)+1),
		},
	})
}

// TestAccUser_activeEmail: an email that is an active user fails the create
// with the API's 409, and says how to import that user, with its ID.
func TestAccUser_activeEmail(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	accTest(t, resource.TestStep{
		Config: userHCL(env, `  email = "Alice@example.com"
  name = "Alice"
  role = "ADMIN"
  invite_mode = "EMAIL_LINK"`),
		ExpectError: wrappedRegexp(`Could not create the Arize user[\s\S]*` +
			regexp.QuoteMeta(`The email "Alice@example.com" is already a user of this Arize account (ID `+testUserAlice+`, status ACTIVE)`) +
			`[\s\S]*` + regexp.QuoteMeta(`id = "`+testUserAlice+`"`) +
			`[\s\S]*` + regexp.QuoteMeta(`terraform import arize_user.<name> `+testUserAlice) + `[\s\S]*409`),
	})
	if n := emu.Count("POST", emulator.RouteUsers) - spellingProbes(emu, "POST", emulator.RouteUsers); n != 1 {
		t.Errorf("%d POSTs, want the one refused", n)
	}
}

// TestAccUser_createOutcomeUnknown: the create commits in Arize but its
// answer is lost. The provider finds the user by its email instead of
// sending the create again: exactly one user is made, and it is the one in
// state, without the temporary password the lost answer held.
func TestAccUser_createOutcomeUnknown(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	accTest(t, resource.TestStep{
		PreConfig: func() { emu.DropNext(1, true) },
		Config: userHCL(env, `  email = "ivan@example.com"
  name = "Ivan"
  role = "ANNOTATOR"
  invite_mode = "TEMPORARY_PASSWORD"
  deletion_protection = false`),
		ConfigStateChecks: []statecheck.StateCheck{
			userWrites(emu, 1, 0, 0),
			liveUsers(emu, len(testAccUsers)+1),
			userAttr("temporary_password", knownvalue.Null()),
			storedUser(emu, func(u emulator.User) error {
				if u.Email != "ivan@example.com" || u.Name != "Ivan" || u.Role != "ANNOTATOR" {
					return fmt.Errorf("stored as %+v", u)
				}
				return nil
			}),
			exampleStored{check: func() error {
				if n := emu.Injected()[emulator.InjectedDropAfterCommit]; n != 1 {
					return fmt.Errorf("the emulator dropped %d answers, want 1: %v", n, emu.Injected())
				}
				return nil
			}},
		},
	})
}

// TestAccUser_warningsAndPasswordThroughCLI runs the CLI with TF_LOG=TRACE:
// a user made with a temporary password, whose password is then in state
// and nowhere in what Terraform printed or logged; a change of invite_mode,
// whose warning the plan shows and which writes nothing; and a pending
// invitation adopted, whose warning the apply shows.
func TestAccUser_warningsAndPasswordThroughCLI(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey, "TF_LOG=TRACE")
	logs := filepath.Join(w.dir, "logs")
	if err := os.Mkdir(logs, 0o700); err != nil {
		t.Fatal(err)
	}
	step := 0
	run := func(args ...string) string {
		step++
		return w.run([]string{fmt.Sprintf("TF_LOG_PATH=%s/%02d-%s.log", logs, step, args[0])}, args...)
	}
	users := func(mode string, more string) string {
		return cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), fmt.Sprintf(`
resource "arize_user" "contractor" {
  email               = "judy@contractor.example"
  name                = "Judy"
  role                = "ANNOTATOR"
  invite_mode         = %q
  deletion_protection = false
}
%s`, mode, more))
	}
	var shown []string
	w.write("main.tf", users("TEMPORARY_PASSWORD", ""))
	shown = append(shown, run("apply", "-no-color", "-auto-approve"))
	var state struct {
		Resources []struct {
			Instances []struct {
				Attributes struct {
					TemporaryPassword string `json:"temporary_password"`
				} `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal([]byte(w.read("terraform.tfstate")), &state); err != nil || len(state.Resources) != 1 {
		t.Fatalf("terraform.tfstate: %v", err)
	}
	password := state.Resources[0].Instances[0].Attributes.TemporaryPassword
	if len(password) < 12 {
		t.Fatalf("state holds no temporary password (%q)", password)
	}
	shown = append(shown, run("show", "-no-color"), run("plan", "-no-color"))

	w.write("main.tf", users("EMAIL_LINK", ""))
	emu.ResetCounters()
	changed := run("apply", "-no-color", "-auto-approve")
	shown = append(shown, changed)
	if !wrappedRegexp(`Warning: invite_mode has no effect on an existing Arize user[\s\S]*sends nothing to Arize`).MatchString(changed) {
		t.Errorf("changing invite_mode does not warn:\n%s", changed)
	}
	if n := emu.Total() - emu.Count("GET", emulator.RouteUser); n != 0 {
		t.Errorf("changing invite_mode reached Arize: %v", emu.Requests())
	}

	if _, err := emu.PutUser(emulator.User{Email: "karl@example.com", Name: "Karl", Role: "MEMBER", Status: "INVITED"}); err != nil {
		t.Fatal(err)
	}
	w.write("main.tf", users("EMAIL_LINK", `
resource "arize_user" "invited" {
  email               = "karl@example.com"
  name                = "Karl"
  role                = "MEMBER"
  invite_mode         = "EMAIL_LINK"
  deletion_protection = false
}
`))
	adopted := run("apply", "-no-color", "-auto-approve")
	shown = append(shown, adopted)
	if !wrappedRegexp(`Warning: Adopted a pending invitation of karl@example.com[\s\S]*the invitation was not sent again`).MatchString(adopted) {
		t.Errorf("adopting a pending invitation does not warn:\n%s", adopted)
	}
	shown = append(shown, run("destroy", "-no-color", "-auto-approve"))

	entries, err := os.ReadDir(logs)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(logs, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		shown = append(shown, string(b))
	}
	all := strings.Join(shown, "\n")
	// The logs must be a trace of the create's answer, or finding no
	// password in them proves nothing.
	if !strings.Contains(all, `temporary_password\":\"***`) {
		t.Error("the TRACE logs lack the create's masked answer: the test would prove nothing")
	}
	if n := strings.Count(all, password); n > 0 {
		t.Errorf("the temporary password appears %d times in CLI output or TF_LOG files", n)
	}
}
