package provider

import (
	"context"
	"fmt"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

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

const roleAddr = "arize_role.test"

// The role routes as the emulator counts them.
var (
	routeRolePost   = "POST " + emulator.RouteRoles
	routeRoleList   = "GET " + emulator.RouteRoles
	routeRoleGet    = "GET " + emulator.RouteRole
	routeRolePatch  = "PATCH " + emulator.RouteRole
	routeRoleDelete = "DELETE " + emulator.RouteRole
)

// newerPermission is a permission name this provider's list does not have,
// which the tests' emulator is told to know (Options.ExtraPermissions): an
// enum newer than the provider's. MANAGED_AGENT_* exists without _RUN.
const newerPermission = "MANAGED_AGENT_RUN"

func roleAttr(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New(name), v)
}

// roleConfig is a configuration of arize_role.test with the attributes body.
func roleConfig(env *accEnv, body string) string {
	return env.config("resource \"arize_role\" \"test\" {\n" + body + "\n}\n")
}

// expectRoleAction checks the planned action for arize_role.test.
func expectRoleAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(roleAddr, action)},
	}
}

// permissionsExactly checks a set of permission names in state.
func permissionsExactly(names ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(names))
	for i, n := range names {
		checks[i] = knownvalue.StringExact(n)
	}
	return knownvalue.SetExact(checks)
}

// expectStoredRole checks the emulator's record of the role at addr with
// check: it proves a value reached the server.
func expectStoredRole(emu *emulator.Server, addr string, check func(emulator.Role) error) statecheck.StateCheck {
	return expectStoredObject(addr, "role", emu.Role, check)
}

// roleStoredAs checks the emulator holds arize_role.test as named,
// described and permitted (names sorted, as the emulator keeps them).
func roleStoredAs(emu *emulator.Server, name, description string, permissions ...string) statecheck.StateCheck {
	want := slices.Sorted(slices.Values(permissions))
	return expectStoredRole(emu, roleAddr, func(r emulator.Role) error {
		if r.Name != name || r.Description != description || !slices.Equal(r.Permissions, want) || r.IsPredefined {
			return fmt.Errorf("stored as %q (%q) %v, want %q (%q) %v", r.Name, r.Description, r.Permissions, name, description, want)
		}
		return nil
	})
}

// roleTimesStored checks that state's created_at and updated_at are the
// emulator's: updated_at is the answer's after every PATCH.
func roleTimesStored(emu *emulator.Server) statecheck.StateCheck {
	return roleTimesCheck{emu: emu}
}

type roleTimesCheck struct{ emu *emulator.Server }

func (c roleTimesCheck) CheckState(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	expectStoredRole(c.emu, roleAddr, func(r emulator.Role) error {
		for _, res := range req.State.Values.RootModule.Resources {
			if res.Address != roleAddr {
				continue
			}
			created, updated := res.AttributeValues["created_at"], res.AttributeValues["updated_at"]
			if created != emulatorTime(r.CreatedAt) || updated != emulatorTime(r.UpdatedAt) {
				return fmt.Errorf("state has created_at %v, updated_at %v; the emulator %s, %s",
					created, updated, emulatorTime(r.CreatedAt), emulatorTime(r.UpdatedAt))
			}
		}
		return nil
	}).CheckState(ctx, req, resp)
}

// customRolesHeld checks the emulator holds n custom roles.
func customRolesHeld(emu *emulator.Server, n int) statecheck.StateCheck {
	return exampleStored{check: func() error {
		if got := countCustomRoles(emu); got != n {
			return fmt.Errorf("the emulator holds %d custom roles, want %d", got, n)
		}
		return nil
	}}
}

func countCustomRoles(emu *emulator.Server) int {
	n := 0
	for _, r := range emu.Roles() {
		if !r.IsPredefined {
			n++
		}
	}
	return n
}

// roleWrites checks how many creates, updates and deletes of roles the
// emulator served.
func roleWrites(emu *emulator.Server, posts, patches, deletes int) statecheck.StateCheck {
	return expectRequests(emu, map[string]int{routeRolePost: posts, routeRolePatch: patches, routeRoleDelete: deletes})
}

// predefinedRole is the emulator's predefined role named name.
func predefinedRole(t *testing.T, emu *emulator.Server, name string) emulator.Role {
	t.Helper()
	for _, r := range emu.Roles() {
		if r.IsPredefined && r.Name == name {
			return r
		}
	}
	t.Fatalf("the emulator has no predefined role %q", name)
	return emulator.Role{}
}

// putRole makes a custom role as if outside Terraform.
func putRole(t *testing.T, emu *emulator.Server, name, description string, permissions ...string) emulator.Role {
	t.Helper()
	r, err := emu.PutRole(emulator.Role{Name: name, Description: description, Permissions: permissions})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestAccRole_lifecycle creates a role, renames it, changes its permissions,
// gives them in another order, clears its description and destroys it, each
// with the one request it needs, or none.
func TestAccRole_lifecycle(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	// The ID and created_at never change in place.
	sameID := statecheck.CompareValue(compare.ValuesSame())
	sameCreatedAt := statecheck.CompareValue(compare.ValuesSame())
	kept := func(more ...statecheck.StateCheck) []statecheck.StateCheck {
		return append([]statecheck.StateCheck{
			sameID.AddStateValue(roleAddr, tfjsonpath.New("id")),
			sameCreatedAt.AddStateValue(roleAddr, tfjsonpath.New("created_at")),
			roleTimesStored(emu),
		}, more...)
	}
	reset := func() { emu.ResetCounters() }
	accTest(t,
		resource.TestStep{
			Config: roleConfig(env, `  name        = "tf-acc-role"
  description = "Writes prompts."
  permissions = ["PROMPT_UPDATE", "PROMPT_READ"]`),
			ConfigPlanChecks: expectRoleAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: kept(
				// Create is one POST whose answer is the state: no read after it.
				expectRequests(emu, map[string]int{routeRolePost: 1, routeRoleGet: 0, routeRoleList: 0}),
				roleAttr("id", knownvalue.StringRegexp(regexp.MustCompile(`^[A-Za-z0-9+/]+=*$`))),
				roleAttr("name", knownvalue.StringExact("tf-acc-role")),
				roleAttr("description", knownvalue.StringExact("Writes prompts.")),
				roleAttr("permissions", permissionsExactly("PROMPT_READ", "PROMPT_UPDATE")),
				roleAttr("created_at", knownvalue.StringRegexp(rfc3339Millis)),
				roleAttr("updated_at", knownvalue.StringRegexp(rfc3339Millis)),
				roleStoredAs(emu, "tf-acc-role", "Writes prompts.", "PROMPT_READ", "PROMPT_UPDATE"),
			),
		},
		resource.TestStep{
			// Read is one GET.
			PreConfig:    reset,
			RefreshState: true,
			Check: func(*terraform.State) error {
				if got, total := emu.Count("GET", emulator.RouteRole), emu.Total(); got != 1 || total != 1 {
					return fmt.Errorf("a refresh made %d GETs of %d requests, want 1 of 1: %v", got, total, emu.Requests())
				}
				return nil
			},
		},
		resource.TestStep{
			// A rename is one PATCH; the new updated_at is the answer's.
			PreConfig: reset,
			Config: roleConfig(env, `  name        = "tf-acc-role-renamed"
  description = "Writes prompts."
  permissions = ["PROMPT_UPDATE", "PROMPT_READ"]`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectUnknownValue(roleAddr, tfjsonpath.New("updated_at")),
				plancheck.ExpectKnownValue(roleAddr, tfjsonpath.New("created_at"), knownvalue.StringRegexp(rfc3339Millis)),
			}},
			ConfigStateChecks: kept(
				roleWrites(emu, 0, 1, 0),
				roleAttr("name", knownvalue.StringExact("tf-acc-role-renamed")),
				roleStoredAs(emu, "tf-acc-role-renamed", "Writes prompts.", "PROMPT_READ", "PROMPT_UPDATE"),
			),
		},
		resource.TestStep{
			// A change of permissions is one PATCH that replaces the set.
			PreConfig: reset,
			Config: roleConfig(env, `  name        = "tf-acc-role-renamed"
  description = "Writes prompts."
  permissions = ["PROMPT_READ", "PROMPT_CREATE", "PLAYGROUND_RUN"]`),
			ConfigPlanChecks: expectRoleAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: kept(
				roleWrites(emu, 0, 1, 0),
				roleAttr("permissions", permissionsExactly("PLAYGROUND_RUN", "PROMPT_CREATE", "PROMPT_READ")),
				roleStoredAs(emu, "tf-acc-role-renamed", "Writes prompts.", "PLAYGROUND_RUN", "PROMPT_CREATE", "PROMPT_READ"),
			),
		},
		resource.TestStep{
			// The same permissions in another order, one given twice:
			// a set, so no change and no request but the plan's refresh.
			PreConfig: reset,
			Config: roleConfig(env, `  name        = "tf-acc-role-renamed"
  description = "Writes prompts."
  permissions = ["PROMPT_CREATE", "PLAYGROUND_RUN", "PROMPT_READ", "PLAYGROUND_RUN"]`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: kept(
				roleWrites(emu, 0, 0, 0),
				exampleStored{check: func() error {
					if n, gets := emu.Total(), emu.Count("GET", emulator.RouteRole); n != gets {
						return fmt.Errorf("a reordered set made requests other than reads: %v", emu.Requests())
					}
					return nil
				}},
			),
		},
		resource.TestStep{
			// Removing the description clears it: one PATCH with null (no
			// second try with ""), read back as absent, null in state.
			PreConfig: reset,
			Config: roleConfig(env, `  name        = "tf-acc-role-renamed"
  permissions = ["PROMPT_READ", "PROMPT_CREATE", "PLAYGROUND_RUN"]`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(roleAddr, tfjsonpath.New("description"), knownvalue.Null()),
			}},
			ConfigStateChecks: kept(
				roleWrites(emu, 0, 1, 0),
				roleAttr("description", knownvalue.Null()),
				roleStoredAs(emu, "tf-acc-role-renamed", "", "PLAYGROUND_RUN", "PROMPT_CREATE", "PROMPT_READ"),
			),
		},
		resource.TestStep{
			// Destroyed with one DELETE when its block goes.
			PreConfig:         reset,
			Config:            env.config(""),
			ConfigPlanChecks:  expectRoleAction(plancheck.ResourceActionDestroy),
			ConfigStateChecks: []statecheck.StateCheck{roleWrites(emu, 0, 0, 1), customRolesHeld(emu, 0)},
		},
	)
}

// TestAccRole_newerPermission: a permission the provider's list does not
// have, but the Arize server knows (an enum newer than the provider's), is
// only a warning (TestRole_unknownPermissionWarning shows it): the apply
// makes the role with it, and the next plan is empty.
func TestAccRole_newerPermission(t *testing.T) {
	env := newAccEnv(t, func(o *emulator.Options) { o.ExtraPermissions = []string{newerPermission} })
	emu := env.emulator(t)
	accTest(t, resource.TestStep{
		Config: roleConfig(env, `  name        = "tf-acc-agent-runner"
  permissions = ["`+newerPermission+`", "MANAGED_AGENT_READ"]`),
		ConfigStateChecks: []statecheck.StateCheck{
			roleWrites(emu, 1, 0, 0),
			roleAttr("permissions", permissionsExactly(newerPermission, "MANAGED_AGENT_READ")),
			roleStoredAs(emu, "tf-acc-agent-runner", "", newerPermission, "MANAGED_AGENT_READ"),
		},
	})
}

// TestAccRole_newerPermissionWarns shows the warning as a user sees it, in
// terraform plan's output, with no request to Arize at plan time; the apply
// makes the role, and the next plan, which warns again, is empty.
func TestAccRole_newerPermissionWarns(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey, ExtraPermissions: []string{newerPermission}})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), `
resource "arize_role" "agents" {
  name        = "Agent runner"
  permissions = ["MANAGED_AGENT_READ", "`+newerPermission+`"]
}
`))
	warning := wrappedRegexp(`Warning: Permission unknown to this provider[\s\S]*` +
		`The provider's list of Arize permissions does not have "` + newerPermission + `"[\s\S]*` +
		`may be older than the API's`)
	plan := w.run(nil, "plan", "-no-color")
	if !warning.MatchString(plan) {
		t.Errorf("terraform plan does not warn about %s:\n%s", newerPermission, plan)
	}
	if n := emu.Total(); n != 0 {
		t.Errorf("the plan made %d API calls: %v", n, emu.Requests())
	}
	w.run(nil, "apply", "-no-color", "-auto-approve")
	if n := countCustomRoles(emu); n != 1 {
		t.Fatalf("the apply made %d roles, want 1", n)
	}
	again, err := w.tryRun(nil, "plan", "-no-color", "-detailed-exitcode")
	if err != nil {
		t.Errorf("the plan after the apply is not empty (%v):\n%s", err, again)
	}
	if !warning.MatchString(again) {
		t.Errorf("the second plan does not warn:\n%s", again)
	}
	w.run(nil, "destroy", "-no-color", "-auto-approve")
}

// TestAccRole_permissionRefused: a permission the Arize server does not
// know either fails the apply with Arize's 422, which names it.
func TestAccRole_permissionRefused(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	accTest(t, resource.TestStep{
		Config: roleConfig(env, `  name        = "tf-acc-old-names"
  permissions = ["SERVICE_KEY_READ", "SERVICE_KEY_DELETE"]`),
		ExpectError: wrappedRegexp(`Could not create the Arize role[\s\S]*` +
			`Arize refused the values of role "tf-acc-old-names"[\s\S]*permission is not one this Arize server knows[\s\S]*` +
			`422[\s\S]*SERVICE_KEY_DELETE`),
	})
	if n := countCustomRoles(emu); n != 0 {
		t.Errorf("a refused create made %d roles", n)
	}
}

// TestAccRole_nameTaken: a create whose name another role has fails with
// the API's 409, naming that role's ID for an import, or saying it is
// predefined; a rename to such a name fails and changes nothing.
func TestAccRole_nameTaken(t *testing.T) {
	t.Run("by a custom role", func(t *testing.T) {
		env := newAccEnv(t)
		emu := env.emulator(t)
		existing := putRole(t, emu, "tf-acc-taken", "already here", "TAG_READ")
		accTest(t, resource.TestStep{
			Config: roleConfig(env, `  name        = "tf-acc-taken"
  permissions = ["TAG_READ"]`),
			ExpectError: wrappedRegexp(`Could not create the Arize role[\s\S]*` +
				`A role named "tf-acc-taken" already exists in this Arize account: ` + regexp.QuoteMeta(existing.ID) + `[\s\S]*` +
				regexp.QuoteMeta(`import { to = arize_role.<name>, id = "`+existing.ID+`" }`) + `[\s\S]*` +
				regexp.QuoteMeta(`terraform import arize_role.<name> `+existing.ID) + `[\s\S]*409`),
		})
		if n := countCustomRoles(emu); n != 1 {
			t.Errorf("the clash changed the roles: %d custom", n)
		}
	})
	t.Run("by a predefined role", func(t *testing.T) {
		env := newAccEnv(t)
		emu := env.emulator(t)
		annotator := predefinedRole(t, emu, "Annotator")
		accTest(t, resource.TestStep{
			Config: roleConfig(env, `  name        = "Annotator"
  permissions = ["QUEUE_READ"]`),
			ExpectError: wrappedRegexp(`Could not create the Arize role[\s\S]*` +
				`"Annotator" is the name of one of Arize's predefined roles \(ID ` + regexp.QuoteMeta(annotator.ID) + `\)[\s\S]*` +
				`data "arize_role" { name = "Annotator" }[\s\S]*409`),
		})
		if n := countCustomRoles(emu); n != 0 {
			t.Errorf("the clash made %d custom roles", n)
		}
	})
	t.Run("rename", func(t *testing.T) {
		env := newAccEnv(t)
		emu := env.emulator(t)
		putRole(t, emu, "tf-acc-other", "", "TAG_READ")
		mine := roleConfig(env, `  name        = "tf-acc-mine"
  permissions = ["TAG_READ"]`)
		accTest(t,
			resource.TestStep{Config: mine},
			resource.TestStep{
				Config: roleConfig(env, `  name        = "tf-acc-other"
  permissions = ["TAG_READ"]`),
				ExpectError: wrappedRegexp(`Could not update the Arize role[\s\S]*` +
					`Another role in this Arize account is already named "tf-acc-other"[\s\S]*409`),
			},
			resource.TestStep{
				// Nothing changed: the old name still plans as it is.
				Config:            mine,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{roleStoredAs(emu, "tf-acc-mine", "", "TAG_READ"), customRolesHeld(emu, 2)},
			},
		)
	})
}

// TestAccRole_createOutcomeUnknown: the create commits in Arize but its
// answer is lost. The provider finds the role by its name, reading the
// whole role list (the API has no name filter), instead of sending the
// create again: exactly one role exists, and it is the one in state.
func TestAccRole_createOutcomeUnknown(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	accTest(t, resource.TestStep{
		PreConfig: func() { emu.DropNext(1, true) },
		Config: roleConfig(env, `  name        = "tf-acc-dropped"
  description = "Made once."
  permissions = ["TAG_UPDATE", "TAG_READ"]`),
		ConfigStateChecks: []statecheck.StateCheck{
			roleWrites(emu, 1, 0, 0),
			expectRequests(emu, map[string]int{routeRoleList: 1}),
			customRolesHeld(emu, 1),
			roleStoredAs(emu, "tf-acc-dropped", "Made once.", "TAG_READ", "TAG_UPDATE"),
			roleTimesStored(emu),
			exampleStored{check: func() error {
				if n := emu.Injected()[emulator.InjectedDropAfterCommit]; n != 1 {
					return fmt.Errorf("the emulator dropped %d answers, want 1: %v", n, emu.Injected())
				}
				return nil
			}},
		},
	})
}

// TestAccRole_importCreated imports a role Terraform created, by 'terraform
// import' and by an import block: the imported state is the created one.
func TestAccRole_importCreated(t *testing.T) {
	env := newAccEnv(t)
	config := roleConfig(env, `  name        = "tf-acc-import"
  description = "Imported back."
  permissions = ["DATASET_READ", "DATASET_EXAMPLE_READ"]`)
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			ResourceName:      roleAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			Config:          config,
			ResourceName:    roleAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
		},
	)
}

// TestAccRole_importMadeOutside imports a role made outside Terraform, by
// ID, into a configuration that says what it is: the plan imports it and
// changes nothing, and nothing is written to Arize.
func TestAccRole_importMadeOutside(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	made := putRole(t, emu, "Made in the UI", "", "PROJECT_READ", "PROJECT_SPAN_READ")
	resourceBlock := `
resource "arize_role" "test" {
  name        = "Made in the UI"
  permissions = ["PROJECT_SPAN_READ", "PROJECT_READ"]
}
`
	accTest(t,
		resource.TestStep{
			// terraform import, with no state before it.
			Config:        env.config(resourceBlock),
			ResourceName:  roleAddr,
			ImportState:   true,
			ImportStateId: made.ID,
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				if len(states) != 1 {
					return fmt.Errorf("imported %d states", len(states))
				}
				want := map[string]string{
					"id": made.ID, "name": "Made in the UI", "permissions.#": "2",
					"created_at": emulatorTime(made.CreatedAt), "updated_at": emulatorTime(made.UpdatedAt),
				}
				for k, v := range want {
					if got := states[0].Attributes[k]; got != v {
						return fmt.Errorf("imported %s = %q, want %q", k, got, v)
					}
				}
				if _, ok := states[0].Attributes["description"]; ok {
					return fmt.Errorf("imported a description, want none: %v", states[0].Attributes)
				}
				return nil
			},
		},
		resource.TestStep{
			Config: env.config(fmt.Sprintf("import {\n  to = arize_role.test\n  id = %q\n}\n", made.ID) + resourceBlock),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				roleAttr("id", knownvalue.StringExact(made.ID)),
				roleAttr("description", knownvalue.Null()),
				roleWrites(emu, 0, 0, 0),
			},
		},
	)
}

// TestAccRole_importByIdentity imports a role made outside Terraform by its
// resource identity, which needs Terraform 1.12.
func TestAccRole_importByIdentity(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	made := putRole(t, emu, "Identified in the UI", "Reads prompts.", "PROMPT_READ")
	resourceBlock := `
resource "arize_role" "test" {
  name        = "Identified in the UI"
  description = "Reads prompts."
  permissions = ["PROMPT_READ"]
}
`
	accTestFrom(t, tfversion.Version1_12_0,
		resource.TestStep{
			Config: env.config(fmt.Sprintf("import {\n  to = arize_role.test\n  identity = {\n    id = %q\n  }\n}\n", made.ID) + resourceBlock),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(roleAddr, map[string]knownvalue.Check{"id": knownvalue.StringExact(made.ID)}),
				statecheck.ExpectIdentityValueMatchesState(roleAddr, tfjsonpath.New("id")),
				roleAttr("description", knownvalue.StringExact("Reads prompts.")),
				roleWrites(emu, 0, 0, 0),
			},
		},
		resource.TestStep{
			// The framework's own identity import, from the state above.
			Config:          env.config(resourceBlock),
			ResourceName:    roleAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		},
	)
}

// TestAccRole_importPredefinedRefused: a predefined role cannot be imported,
// by ID or by an import block; the error says to use the data source, and
// nothing is written to Arize.
func TestAccRole_importPredefinedRefused(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	annotator := predefinedRole(t, emu, "Annotator")
	resourceBlock := `
resource "arize_role" "test" {
  name        = "Annotator"
  permissions = ["QUEUE_READ", "QUEUE_RECORD_READ", "QUEUE_RECORD_ANNOTATE"]
}
`
	refused := wrappedRegexp(`Predefined Arize roles are read-only[\s\S]*` +
		`Role "Annotator" \(ID ` + regexp.QuoteMeta(annotator.ID) + `\) is one of Arize's predefined roles[\s\S]*` +
		`data "arize_role" "annotator" {[\s\S]*name = "Annotator"`)
	accTest(t,
		resource.TestStep{
			Config:        env.config(resourceBlock),
			ResourceName:  roleAddr,
			ImportState:   true,
			ImportStateId: annotator.ID,
			ExpectError:   refused,
		},
		resource.TestStep{
			Config:      env.config(fmt.Sprintf("import {\n  to = arize_role.test\n  id = %q\n}\n", annotator.ID) + resourceBlock),
			ExpectError: refused,
		},
	)
	if n := emu.Count("PATCH", emulator.RouteRole) + emu.Count("DELETE", emulator.RouteRole) + emu.Count("POST", emulator.RouteRoles); n != 0 {
		t.Errorf("a refused import wrote to Arize: %v", emu.Requests())
	}
	if got, _ := emu.Role(annotator.ID); got.Name != "Annotator" {
		t.Errorf("the predefined role changed: %+v", got)
	}
}

// TestAccRole_disappears: a role deleted outside Terraform is dropped from
// state by the next refresh, and the plan makes it again.
func TestAccRole_disappears(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	config := roleConfig(env, `  name        = "tf-acc-disappears"
  description = "Gone behind Terraform's back."
  permissions = ["TAG_READ"]`)
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() {
				for _, r := range emu.Roles() {
					if !r.IsPredefined {
						emu.RemoveRole(r.ID)
					}
				}
			},
			Config:           config,
			ConfigPlanChecks: expectRoleAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				roleWrites(emu, 2, 0, 0),
				customRolesHeld(emu, 1),
				roleStoredAs(emu, "tf-acc-disappears", "Gone behind Terraform's back.", "TAG_READ"),
			},
		},
	)
}

// TestAccRole_longestValues: a name of 255 characters and a description of
// 1,000, in two-byte characters, pass the plan's limits and the API's, which
// count characters.
func TestAccRole_longestValues(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	name, description := strings.Repeat("é", 255), strings.Repeat("ü", 1000)
	accTest(t, resource.TestStep{
		Config: roleConfig(env, fmt.Sprintf("  name = %q\n  description = %q\n  permissions = [\"TAG_READ\"]", name, description)),
		ConfigStateChecks: []statecheck.StateCheck{
			roleAttr("name", knownvalue.StringExact(name)),
			roleStoredAs(emu, name, description, "TAG_READ"),
		},
	})
}

// rolePlanTimeErrors are configurations every one of which must be refused
// at plan time, on the attribute that is wrong, before any API call.
var rolePlanTimeErrors = []struct {
	name   string
	body   string // the resource block's attributes
	expect string // a regexp over Terraform's error output
}{
	{"empty name", `name = ""
  permissions = ["TAG_READ"]`, `Attribute name UTF-8 character count must be between 1 and 255, got: 0`},
	{"blank name", `name = "   "
  permissions = ["TAG_READ"]`, `Blank value[\s\S]*name must contain a character other than white space`},
	{"name of 256 characters", `name = "` + strings.Repeat("n", 256) + `"
  permissions = ["TAG_READ"]`, `Attribute name UTF-8 character count must be between 1 and 255, got: 256`},
	{"empty description", `name = "x"
  description = ""
  permissions = ["TAG_READ"]`, `Attribute description UTF-8 character count must be between 1 and 1000, got: 0`},
	{"description of 1001 characters", `name = "x"
  description = "` + strings.Repeat("d", 1001) + `"
  permissions = ["TAG_READ"]`, `Attribute description UTF-8 character count must be between 1 and 1000, got: 1001`},
	{"no permission", `name = "x"
  permissions = []`, `Attribute permissions set must contain at least 1 elements, got: 0`},
	{"an empty permission", `name = "x"
  permissions = ["TAG_READ", ""]`, `Attribute permissions\[Value\(""\)\] string length must be at least 1, got: 0`},
	{"no permissions", `name = "x"`, `The argument "permissions" is required`},
	{"no name", `permissions = ["TAG_READ"]`, `The argument "name" is required`},
}

func TestAccRole_planTimeValidation(t *testing.T) {
	for _, tc := range rolePlanTimeErrors {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			accTest(t, resource.TestStep{
				Config:      roleConfig(env, "  "+tc.body),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("plan-time error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}

// emulatorTime is a time as the emulator answers it.
func emulatorTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }
