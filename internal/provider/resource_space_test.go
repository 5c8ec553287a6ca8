package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

const spaceAddr = "arize_space.test"

// Routes of the space tests, as the emulator counts them.
const (
	spaceRoutePost     = "POST " + emulator.RouteSpaces
	spaceRouteList     = "GET " + emulator.RouteSpaces
	spaceRouteGet      = "GET " + emulator.RouteSpace
	spaceRoutePatch    = "PATCH " + emulator.RouteSpace
	spaceRouteDelete   = "DELETE " + emulator.RouteSpace
	spaceRouteOrgsList = "GET " + emulator.RouteOrganizations
)

func spaceAttr(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(spaceAddr, tfjsonpath.New(name), v)
}

// spaceBlock is the block of arize_space.test in organization orgID, with
// the attributes in body.
func spaceBlock(orgID, body string) string {
	return fmt.Sprintf("resource \"arize_space\" \"test\" {\n  organization_id = %q\n%s\n}\n", orgID, body)
}

// spaceConfig is the configuration of arize_space.test alone.
func spaceConfig(env *accEnv, orgID, body string) string {
	return env.config(spaceBlock(orgID, body))
}

// spaceActionIs checks the action planned for arize_space.test.
func spaceActionIs(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(spaceAddr, action)}}
}

// expectStoredSpace checks the emulator's record of the space at addr: it
// proves a value reached the server, organization included, which the
// API's answers never show.
func expectStoredSpace(emu *emulator.Server, addr string, check func(emulator.Space) error) statecheck.StateCheck {
	return expectStoredObject(addr, "space", emu.Space, check)
}

// storedSpaceIs checks every writable field of the stored space.
func storedSpaceIs(emu *emulator.Server, orgID, name, description string, private bool) statecheck.StateCheck {
	return expectStoredSpace(emu, spaceAddr, func(sp emulator.Space) error {
		if sp.OrganizationID != orgID || sp.Name != name || sp.Description != description || sp.IsPrivate != private {
			return fmt.Errorf("stored %+v, want organization %s, name %q, description %q, private %t", sp, orgID, name, description, private)
		}
		return nil
	})
}

// spaceRequests counts the space's writes and reads so far.
func spaceRequests(emu *emulator.Server, posts, patches, deletes int) statecheck.StateCheck {
	return expectRequests(emu, map[string]int{spaceRoutePost: posts, spaceRoutePatch: patches, spaceRouteDelete: deletes})
}

func TestAccSpace_lifecycle(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	org := spaceTestOrg(t, emu, "tf-acc-space-lifecycle")
	config := func(body string) string { return spaceConfig(env, org.ID, body) }
	accTest(t,
		resource.TestStep{
			Config:           config(`  name = "tf-acc-space"`),
			ConfigPlanChecks: spaceActionIs(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				// Create is one POST whose answer is the state: no read after it.
				expectRequests(emu, map[string]int{spaceRoutePost: 1, spaceRouteGet: 0, spaceRouteOrgsList: 0}),
				spaceAttr("id", knownvalue.StringRegexp(regexp.MustCompile(`^[A-Za-z0-9+/]+=*$`))),
				spaceAttr("organization_id", knownvalue.StringExact(org.ID)),
				spaceAttr("name", knownvalue.StringExact("tf-acc-space")),
				spaceAttr("description", knownvalue.StringExact("")),
				spaceAttr("is_private", knownvalue.Bool(false)),
				spaceAttr("created_at", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`))),
				spaceAttr("deletion_protection", knownvalue.Bool(true)),
				storedSpaceIs(emu, org.ID, "tf-acc-space", "", false),
			},
		},
		resource.TestStep{
			Config:           config(`  name = "tf-acc-space-renamed"`),
			ConfigPlanChecks: spaceActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				spaceRequests(emu, 1, 1, 0),
				storedSpaceIs(emu, org.ID, "tf-acc-space-renamed", "", false),
			},
		},
		resource.TestStep{
			Config: config(`  name        = "tf-acc-space-renamed"
  description = "Models of the fraud team"`),
			ConfigPlanChecks: spaceActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				spaceRequests(emu, 1, 2, 0),
				spaceAttr("description", knownvalue.StringExact("Models of the fraud team")),
				storedSpaceIs(emu, org.ID, "tf-acc-space-renamed", "Models of the fraud team", false),
			},
		},
		resource.TestStep{
			// Removed from the configuration: cleared in Arize, read back as
			// "", and the next plan (accTest's check) is empty.
			Config:           config(`  name = "tf-acc-space-renamed"`),
			ConfigPlanChecks: spaceActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				spaceRequests(emu, 1, 3, 0),
				spaceAttr("description", knownvalue.StringExact("")),
				storedSpaceIs(emu, org.ID, "tf-acc-space-renamed", "", false),
			},
		},
		resource.TestStep{
			Config: config(`  name       = "tf-acc-space-renamed"
  is_private = true`),
			ConfigPlanChecks: spaceActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				spaceRequests(emu, 1, 4, 0),
				spaceAttr("is_private", knownvalue.Bool(true)),
				storedSpaceIs(emu, org.ID, "tf-acc-space-renamed", "", true),
			},
		},
		resource.TestStep{
			Config:           config(`  name = "tf-acc-space-renamed"`),
			ConfigPlanChecks: spaceActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				spaceRequests(emu, 1, 5, 0),
				storedSpaceIs(emu, org.ID, "tf-acc-space-renamed", "", false),
			},
		},
		resource.TestStep{
			// The block removed while protected: the plan fails, nothing is deleted.
			Config:      env.config(""),
			ExpectError: wrappedRegexp(`Deletion protection: cannot destroy the Arize space[\s\S]*arize_space "tf-acc-space-renamed"`),
		},
		resource.TestStep{
			// deletion_protection alone lives in Terraform: no write reaches Arize.
			Config: config(`  name                = "tf-acc-space-renamed"
  deletion_protection = false`),
			ConfigPlanChecks: spaceActionIs(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				spaceRequests(emu, 1, 5, 0),
				spaceAttr("deletion_protection", knownvalue.Bool(false)),
			},
		},
		resource.TestStep{
			Config: env.config(""),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(spaceAddr, plancheck.ResourceActionDestroy),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				spaceRequests(emu, 1, 5, 1),
				exampleStored{check: func() error {
					if n := len(emu.Spaces()); n != 0 {
						return fmt.Errorf("the emulator holds %d spaces after the destroy", n)
					}
					return nil
				}},
			},
		},
	)
}

// TestAccSpace_organizationChange: a space cannot move, so a new
// organization_id replaces it; deletion_protection refuses that at plan
// time until it is turned off.
func TestAccSpace_organizationChange(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgA := spaceTestOrg(t, emu, "tf-acc-space-org-a")
	orgB := spaceTestOrg(t, emu, "tf-acc-space-org-b")
	var firstID string
	accTest(t,
		resource.TestStep{
			Config: spaceConfig(env, orgA.ID, `  name = "tf-acc-moving"`),
			Check: func(s *terraform.State) error {
				firstID = s.RootModule().Resources[spaceAddr].Primary.ID
				return nil
			},
		},
		resource.TestStep{
			Config:      spaceConfig(env, orgB.ID, `  name = "tf-acc-moving"`),
			ExpectError: wrappedRegexp(`Deletion protection: cannot replace the Arize space[\s\S]*Changing organization_id replaces`),
		},
		resource.TestStep{
			Config: spaceConfig(env, orgA.ID, `  name = "tf-acc-moving"
  deletion_protection = false`),
			ConfigStateChecks: []statecheck.StateCheck{
				spaceRequests(emu, 1, 0, 0),
				storedSpaceIs(emu, orgA.ID, "tf-acc-moving", "", false),
			},
		},
		resource.TestStep{
			Config: spaceConfig(env, orgB.ID, `  name = "tf-acc-moving"
  deletion_protection = false`),
			ConfigPlanChecks: spaceActionIs(plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				spaceRequests(emu, 2, 0, 1),
				spaceAttr("organization_id", knownvalue.StringExact(orgB.ID)),
				storedSpaceIs(emu, orgB.ID, "tf-acc-moving", "", false),
			},
			Check: func(s *terraform.State) error {
				if id := s.RootModule().Resources[spaceAddr].Primary.ID; id == firstID {
					return fmt.Errorf("id %s kept across a replacement", id)
				}
				if n := len(emu.Spaces()); n != 1 {
					return fmt.Errorf("the emulator holds %d spaces, want 1", n)
				}
				return nil
			},
		},
	)
}

func TestAccSpace_disappears(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	org := spaceTestOrg(t, emu, "tf-acc-space-disappears")
	config := spaceConfig(env, org.ID, `  name = "tf-acc-disappears"
  deletion_protection = false`)
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() {
				for _, sp := range emu.Spaces() {
					emu.RemoveSpace(sp.ID)
				}
			},
			Config:            config,
			ConfigPlanChecks:  spaceActionIs(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{spaceRequests(emu, 2, 0, 0)},
		},
	)
}

// TestAccSpace_forbidden: a space the key may not see (a private space
// whose members do not include the key's identity) answers 403. The read
// fails with an error that says so, and the space stays in state: once the
// key can see it again, the plan is empty.
func TestAccSpace_forbidden(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	org := spaceTestOrg(t, emu, "tf-acc-space-forbidden")
	config := spaceConfig(env, org.ID, `  name = "tf-acc-forbidden"
  is_private          = true
  deletion_protection = false`)
	forbid := func(on bool) func() {
		return func() {
			for _, sp := range emu.Spaces() {
				emu.ForbidSpace(sp.ID, on)
			}
		}
	}
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig:   forbid(true),
			Config:      config,
			ExpectError: wrappedRegexp(`Could not read the Arize space[\s\S]*"tf-acc-forbidden"[\s\S]*\(403 Forbidden\)[\s\S]*private space is visible only to its members`),
		},
		resource.TestStep{
			PreConfig: forbid(false),
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{spaceRequests(emu, 1, 0, 0)},
		},
	)
}

// TestAccSpace_import: a space made outside Terraform is imported by
// "<organization_id>/<space_id>" with an import block, and by its ID alone,
// whose organization the provider then finds; each plans no change.
func TestAccSpace_import(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	org := spaceTestOrg(t, emu, "tf-acc-space-import")
	other := spaceTestOrg(t, emu, "tf-acc-space-import-other")
	spaceTestSpace(t, emu, other.ID, "Made in the UI") // the same name elsewhere
	existing, err := emu.PutSpace(org.ID, "Made in the UI", "A space made outside Terraform", true)
	if err != nil {
		t.Fatal(err)
	}
	body := `  name        = "Made in the UI"
  description = "A space made outside Terraform"
  is_private  = true`
	accTest(t,
		resource.TestStep{
			Config: env.config(fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n\n", spaceAddr, org.ID+"/"+existing.ID) +
				spaceBlock(org.ID, body)),
			ConfigPlanChecks: spaceActionIs(plancheck.ResourceActionNoop),
			ConfigStateChecks: []statecheck.StateCheck{
				// The organization came with the import ID: no scan of the account.
				expectRequests(emu, map[string]int{spaceRoutePost: 0, spaceRoutePatch: 0, spaceRouteOrgsList: 0}),
				spaceAttr("id", knownvalue.StringExact(existing.ID)),
				spaceAttr("organization_id", knownvalue.StringExact(org.ID)),
				spaceAttr("deletion_protection", knownvalue.Bool(true)),
			},
		},
		resource.TestStep{
			ResourceName:      spaceAddr,
			ImportState:       true,
			ImportStateId:     existing.ID,
			ImportStateVerify: true,
			ImportStateCheck: func([]*terraform.InstanceState) error {
				// The space's ID alone: the provider listed organizations to find its own.
				if emu.Count("GET", emulator.RouteOrganizations) == 0 {
					return fmt.Errorf("the organization was not looked for")
				}
				return nil
			},
		},
		resource.TestStep{
			ResourceName:      spaceAddr,
			ImportState:       true,
			ImportStateIdFunc: func(*terraform.State) (string, error) { return org.ID + "/" + existing.ID, nil },
			ImportStateVerify: true,
		},
		resource.TestStep{
			Config:            spaceConfig(env, org.ID, body+"\n  deletion_protection = false"),
			ConfigStateChecks: []statecheck.StateCheck{spaceRequests(emu, 0, 0, 0)},
		},
	)
}

func TestAccSpace_importByIdentity(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	org := spaceTestOrg(t, emu, "tf-acc-space-identity")
	config := spaceConfig(env, org.ID, `  name = "tf-acc-identity"`)
	// Resource identities need Terraform 1.12.
	accTestFrom(t, tfversion.Version1_12_0,
		resource.TestStep{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(spaceAddr, map[string]knownvalue.Check{"id": knownvalue.NotNull()}),
				statecheck.ExpectIdentityValueMatchesState(spaceAddr, tfjsonpath.New("id")),
			},
		},
		resource.TestStep{
			// The identity is the ID alone: the organization is found.
			Config:          config,
			ResourceName:    spaceAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		},
		resource.TestStep{
			Config: spaceConfig(env, org.ID, `  name = "tf-acc-identity"
  deletion_protection = false`),
			ConfigStateChecks: []statecheck.StateCheck{spaceRequests(emu, 1, 0, 0)},
		},
	)
}

// TestAccSpace_nameConflict: a name is unique within its organization only:
// the same name in another organization is fine, a taken one is refused
// (409) on create and on rename, saying where names are unique.
func TestAccSpace_nameConflict(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	orgA := spaceTestOrg(t, emu, "tf-acc-space-names-a")
	orgB := spaceTestOrg(t, emu, "tf-acc-space-names-b")
	spaceTestSpace(t, emu, orgA.ID, "tf-acc-taken")
	spaceTestSpace(t, emu, orgB.ID, "tf-acc-taken-in-b")
	inB := fmt.Sprintf(`
resource "arize_space" "in_b" {
  organization_id     = %q
  name                = "%%s"
  deletion_protection = false
}
`, orgB.ID)
	accTest(t,
		resource.TestStep{
			Config: env.config(fmt.Sprintf(inB, "tf-acc-taken")),
			ConfigStateChecks: []statecheck.StateCheck{
				expectRequests(emu, map[string]int{spaceRoutePost: 1}),
			},
		},
		resource.TestStep{
			Config: env.config(fmt.Sprintf(inB, "tf-acc-taken") + fmt.Sprintf(`
resource "arize_space" "in_a" {
  organization_id     = %q
  name                = "tf-acc-taken"
  deletion_protection = false
}
`, orgA.ID)),
			ExpectError: wrappedRegexp(`A space named "tf-acc-taken" already exists in this organization \(names are unique\)[\s\S]*409`),
		},
		resource.TestStep{
			Config:      env.config(fmt.Sprintf(inB, "tf-acc-taken-in-b")),
			ExpectError: wrappedRegexp(`Another space in this organization is already named "tf-acc-taken-in-b"[\s\S]*409`),
		},
	)
	// What the test made is destroyed; what was there before is untouched.
	var names []string
	for _, sp := range emu.Spaces() {
		names = append(names, sp.Name)
	}
	if len(names) != 2 || names[0] != "tf-acc-taken" || names[1] != "tf-acc-taken-in-b" {
		t.Errorf("the emulator holds spaces %q, want the two made before the test", names)
	}
}

// TestAccSpace_createOfUnknownOutcome: the create reaches Arize but its
// answer is lost. The client finds the space by its name in its
// organization rather than sending the create again: one space, one POST.
func TestAccSpace_createOfUnknownOutcome(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	org := spaceTestOrg(t, emu, "tf-acc-space-dropped")
	accTest(t, resource.TestStep{
		PreConfig: func() { emu.DropNext(1, true) },
		Config: spaceConfig(env, org.ID, `  name        = "tf-acc-dropped"
  description = "made once"
  deletion_protection = false`),
		ConfigStateChecks: []statecheck.StateCheck{
			expectRequests(emu, map[string]int{spaceRoutePost: 1}),
			storedSpaceIs(emu, org.ID, "tf-acc-dropped", "made once", false),
			exampleStored{check: func() error {
				if n := emu.Injected()["drop_after_commit"]; n != 1 {
					return fmt.Errorf("%d creates were dropped after being made, want 1", n)
				}
				if n := len(emu.Spaces()); n != 1 {
					return fmt.Errorf("the emulator holds %d spaces, want 1", n)
				}
				if emu.Count("GET", emulator.RouteSpaces) == 0 {
					return fmt.Errorf("the create was not recovered by a look-up")
				}
				return nil
			}},
		},
	})
}

// spacePlanTimeErrors are configurations of arize_space every one of which
// must be refused at plan time, on the attribute that is wrong, before any
// API call.
var spacePlanTimeErrors = []struct {
	name   string
	body   string // the resource block's attributes
	expect string // a regexp over Terraform's error output
}{
	{"empty name", `organization_id = "T3JnOjE="
  name = ""`, `Attribute name UTF-8 character count must be between 1 and 255, got: 0`},
	{"name of 256 characters", `organization_id = "T3JnOjE="
  name = "` + strings.Repeat("n", 256) + `"`, `Attribute name UTF-8 character count must be between 1 and 255, got: 256`},
	{"blank name", `organization_id = "T3JnOjE="
  name = "   "`, `Blank value[\s\S]*name must contain a character other than white space`},
	{"description of 1001 characters", `organization_id = "T3JnOjE="
  name = "x"
  description = "` + strings.Repeat("d", 1001) + `"`, `Attribute description UTF-8 character count must be at most 1000, got: 1001`},
	{"empty organization", `organization_id = ""
  name = "x"`, `Attribute organization_id string length must be at least 1`},
	{"no organization", `name = "x"`, `The argument "organization_id" is required`},
}

func TestAccSpace_planTimeValidation(t *testing.T) {
	for _, tc := range spacePlanTimeErrors {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			accTest(t, resource.TestStep{
				Config:      env.config("resource \"arize_space\" \"test\" {\n  " + tc.body + "\n}\n"),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("plan-time error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}

// The description of 1000 characters, the most, and a name of 255 are
// accepted as they are.
func TestAccSpace_longestValues(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	org := spaceTestOrg(t, emu, "tf-acc-space-longest")
	name, description := strings.Repeat("n", 255), strings.Repeat("d", 1000)
	accTest(t, resource.TestStep{
		Config: spaceConfig(env, org.ID, fmt.Sprintf("  name = %q\n  description = %q\n  deletion_protection = false", name, description)),
		ConfigStateChecks: []statecheck.StateCheck{
			storedSpaceIs(emu, org.ID, name, description, false),
		},
	})
}
