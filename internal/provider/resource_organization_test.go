package provider

import (
	"fmt"
	"net/http/httptest"
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

const orgAddr = "arize_organization.test"

// The organization routes as the emulator counts them.
var (
	routeOrgPost   = "POST " + emulator.RouteOrganizations
	routeOrgList   = "GET " + emulator.RouteOrganizations
	routeOrgGet    = "GET " + emulator.RouteOrganization
	routeOrgPatch  = "PATCH " + emulator.RouteOrganization
	routeOrgDelete = "DELETE " + emulator.RouteOrganization
)

func orgAttr(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(orgAddr, tfjsonpath.New(name), v)
}

// orgConfig is a configuration of arize_organization.test with the
// attributes body.
func orgConfig(env *accEnv, body string) string {
	return env.config("resource \"arize_organization\" \"test\" {\n" + body + "\n}\n")
}

// expectOrgAction checks the planned action for arize_organization.test.
func expectOrgAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(orgAddr, action)},
	}
}

// expectStoredOrganization checks the emulator's record of the
// organization at addr with check: it proves a value reached the server.
func expectStoredOrganization(emu *emulator.Server, addr string, check func(emulator.Organization) error) statecheck.StateCheck {
	return expectStoredObject(addr, "organization", emu.Organization, check)
}

// storedAs checks the emulator holds the organization as named and
// described.
func storedAs(emu *emulator.Server, name, description string) statecheck.StateCheck {
	return expectStoredOrganization(emu, orgAddr, func(o emulator.Organization) error {
		if o.Name != name || o.Description != description {
			return fmt.Errorf("stored as %q (%q), want %q (%q)", o.Name, o.Description, name, description)
		}
		return nil
	})
}

// organizationsHeld checks the emulator holds n organizations.
func organizationsHeld(emu *emulator.Server, n int) statecheck.StateCheck {
	return exampleStored{check: func() error {
		if got := len(emu.Organizations()); got != n {
			return fmt.Errorf("the emulator holds %d organizations, want %d", got, n)
		}
		return nil
	}}
}

// orgWrites checks how many creates, updates and deletes of organizations
// the emulator served.
func orgWrites(emu *emulator.Server, posts, patches, deletes int) statecheck.StateCheck {
	return expectRequests(emu, map[string]int{routeOrgPost: posts, routeOrgPatch: patches, routeOrgDelete: deletes})
}

var rfc3339Millis = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$`)

// TestAccOrganization_lifecycle creates an organization, renames and
// redescribes it in place, clears its description, turns its protection off
// and destroys it, each with the one request it needs.
func TestAccOrganization_lifecycle(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	// The ID and created_at never change in place.
	sameID := statecheck.CompareValue(compare.ValuesSame())
	sameCreatedAt := statecheck.CompareValue(compare.ValuesSame())
	kept := func() []statecheck.StateCheck {
		return []statecheck.StateCheck{
			sameID.AddStateValue(orgAddr, tfjsonpath.New("id")),
			sameCreatedAt.AddStateValue(orgAddr, tfjsonpath.New("created_at")),
		}
	}
	reset := func() { emu.ResetCounters() }
	accTest(t,
		resource.TestStep{
			Config:           orgConfig(env, `  name = "tf-acc-org"`),
			ConfigPlanChecks: expectOrgAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: append(kept(),
				// Create is one POST whose answer is the state: no read after it.
				expectRequests(emu, map[string]int{routeOrgPost: 1, routeOrgGet: 0, routeOrgList: 0}),
				orgAttr("id", knownvalue.StringRegexp(regexp.MustCompile(`^[A-Za-z0-9+/]+=*$`))),
				orgAttr("name", knownvalue.StringExact("tf-acc-org")),
				orgAttr("description", knownvalue.StringExact("")),
				orgAttr("created_at", knownvalue.StringRegexp(rfc3339Millis)),
				orgAttr("deletion_protection", knownvalue.Bool(true)),
				storedAs(emu, "tf-acc-org", ""),
			),
		},
		resource.TestStep{
			// Read is one GET.
			PreConfig:    reset,
			RefreshState: true,
			Check: func(*terraform.State) error {
				if got, total := emu.Count("GET", emulator.RouteOrganization), emu.Total(); got != 1 || total != 1 {
					return fmt.Errorf("a refresh made %d GETs of %d requests, want 1 of 1: %v", got, total, emu.Requests())
				}
				return nil
			},
		},
		resource.TestStep{
			PreConfig: reset,
			Config: orgConfig(env, `  name        = "tf-acc-org-renamed"
  description = "The platform team's models."`),
			ConfigPlanChecks: expectOrgAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: append(kept(),
				orgWrites(emu, 0, 1, 0),
				orgAttr("name", knownvalue.StringExact("tf-acc-org-renamed")),
				orgAttr("description", knownvalue.StringExact("The platform team's models.")),
				storedAs(emu, "tf-acc-org-renamed", "The platform team's models."),
			),
		},
		resource.TestStep{
			PreConfig: reset,
			Config: orgConfig(env, `  name        = "tf-acc-org-renamed"
  description = "Models and LLM applications."`),
			ConfigPlanChecks: expectOrgAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: append(kept(),
				orgWrites(emu, 0, 1, 0),
				storedAs(emu, "tf-acc-org-renamed", "Models and LLM applications."),
			),
		},
		resource.TestStep{
			// Removing the description clears it: planned "", sent as null
			// (one PATCH: no second try with ""), read back as "", and the
			// empty plan after it that accTest checks.
			PreConfig: reset,
			Config:    orgConfig(env, `  name = "tf-acc-org-renamed"`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(orgAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(orgAddr, tfjsonpath.New("description"), knownvalue.StringExact("")),
			}},
			ConfigStateChecks: append(kept(),
				orgWrites(emu, 0, 1, 0),
				orgAttr("description", knownvalue.StringExact("")),
				storedAs(emu, "tf-acc-org-renamed", ""),
			),
		},
		resource.TestStep{
			// deletion_protection exists only in Terraform: the plan's refresh
			// is the only request.
			PreConfig: reset,
			Config: orgConfig(env, `  name                = "tf-acc-org-renamed"
  deletion_protection = false`),
			ConfigPlanChecks: expectOrgAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: append(kept(),
				orgWrites(emu, 0, 0, 0),
				expectRequests(emu, map[string]int{routeOrgGet: 1}),
				orgAttr("deletion_protection", knownvalue.Bool(false)),
				exampleStored{check: func() error {
					if n := emu.Total(); n != 1 {
						return fmt.Errorf("the emulator served %d requests, want only the plan's refresh: %v", n, emu.Requests())
					}
					return nil
				}},
			),
		},
		resource.TestStep{
			// Unprotected, it is destroyed with one DELETE when its block goes.
			PreConfig:         reset,
			Config:            env.config(""),
			ConfigStateChecks: []statecheck.StateCheck{orgWrites(emu, 0, 0, 1), organizationsHeld(emu, 0)},
		},
	)
}

// TestAccOrganization_deletionProtection: while deletion_protection is true
// in state, neither terraform destroy nor removing the block deletes the
// organization, and nothing is sent; once false has been applied, removing
// the block destroys it.
func TestAccOrganization_deletionProtection(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	protected := orgConfig(env, `  name        = "tf-acc-protected"
  description = "Holds everything."`)
	refused := wrappedRegexp(`Deletion protection: cannot destroy the Arize organization[\s\S]*` +
		`arize_organization "tf-acc-protected" \(ID [^)]+\) has deletion_protection = true[\s\S]*` +
		`set deletion_protection = false`)
	untouched := func() {
		if n := emu.Count("DELETE", emulator.RouteOrganization); n != 0 || len(emu.Organizations()) != 1 {
			t.Errorf("a refused destroy reached Arize: %d DELETEs, %d organizations left", n, len(emu.Organizations()))
		}
	}
	accTest(t,
		resource.TestStep{
			Config:            protected,
			ConfigStateChecks: []statecheck.StateCheck{orgAttr("deletion_protection", knownvalue.Bool(true))},
		},
		resource.TestStep{
			// terraform destroy
			Config:      protected,
			Destroy:     true,
			ExpectError: refused,
		},
		resource.TestStep{
			// The block removed: prevent_destroy would be gone with it.
			PreConfig:   untouched,
			Config:      env.config(""),
			ExpectError: refused,
		},
		resource.TestStep{
			PreConfig: untouched,
			Config: orgConfig(env, `  name                = "tf-acc-protected"
  description         = "Holds everything."
  deletion_protection = false`),
			ConfigPlanChecks:  expectOrgAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{orgWrites(emu, 1, 0, 0)},
		},
		resource.TestStep{
			Config:            env.config(""),
			ConfigPlanChecks:  expectOrgAction(plancheck.ResourceActionDestroy),
			ConfigStateChecks: []statecheck.StateCheck{orgWrites(emu, 1, 0, 1), organizationsHeld(emu, 0)},
		},
	)
}

// TestAccOrganization_removedBlockKeepsIt follows the protection error's
// advice for an organization to stop managing: a removed block with
// destroy = false forgets it, protected as it is, and Arize keeps it.
func TestAccOrganization_removedBlockKeepsIt(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	accTest(t,
		resource.TestStep{Config: orgConfig(env, `  name = "tf-acc-forgotten"`)},
		resource.TestStep{
			Config: env.config(`
removed {
  from = arize_organization.test
  lifecycle {
    destroy = false
  }
}
`),
			ConfigStateChecks: []statecheck.StateCheck{orgWrites(emu, 1, 0, 0), organizationsHeld(emu, 1)},
		},
	)
}

// TestAccOrganization_replaceRefusedAtApply: terraform apply -replace plans
// the replacement in Terraform itself, with no destroy plan of the provider
// to refuse it, so the delete reaches the provider at apply, which refuses
// it there: nothing is deleted, and no second organization is made.
func TestAccOrganization_replaceRefusedAtApply(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), `
resource "arize_organization" "test" {
  name = "tf-acc-replaced"
}
`))
	w.run(nil, "apply", "-no-color", "-auto-approve")
	out, err := w.tryRun(nil, "apply", "-no-color", "-auto-approve", "-replace=arize_organization.test")
	if err == nil {
		t.Fatalf("apply -replace of a protected organization succeeded:\n%s", out)
	}
	if !wrappedRegexp(`Deletion protection: cannot delete the Arize organization[\s\S]*deletion_protection = true`).MatchString(out) {
		t.Errorf("apply -replace failed otherwise:\n%s", out)
	}
	if n := emu.Count("DELETE", emulator.RouteOrganization) + emu.Count("POST", emulator.RouteOrganizations); n != 1 {
		t.Errorf("apply -replace reached Arize: %v", emu.Requests())
	}
	if orgs := emu.Organizations(); len(orgs) != 1 || orgs[0].Name != "tf-acc-replaced" {
		t.Errorf("the emulator holds %+v, want the one organization", orgs)
	}
}

// TestAccOrganization_importCreated imports an organization Terraform
// created, by 'terraform import' and by an import block: the imported state
// is the created one, deletion_protection's default included.
func TestAccOrganization_importCreated(t *testing.T) {
	env := newAccEnv(t)
	config := orgConfig(env, `  name        = "tf-acc-import"
  description = "Imported back."`)
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			ResourceName:      orgAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			Config:          config,
			ResourceName:    orgAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
		},
		resource.TestStep{
			// So that the test can destroy it.
			Config: orgConfig(env, `  name        = "tf-acc-import"
  description = "Imported back."
  deletion_protection = false`),
		},
	)
}

// TestAccOrganization_importMadeOutside imports an organization made
// outside Terraform, by ID, into a configuration that says what it is: the
// plan imports it and changes nothing, and nothing is written to Arize.
func TestAccOrganization_importMadeOutside(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	made, err := emu.PutOrganization("Made in the UI", "Described in the UI.")
	if err != nil {
		t.Fatal(err)
	}
	resourceBlock := `
resource "arize_organization" "test" {
  name        = "Made in the UI"
  description = "Described in the UI."
}
`
	accTest(t,
		resource.TestStep{
			// terraform import, with no state before it.
			Config:        env.config(resourceBlock),
			ResourceName:  orgAddr,
			ImportState:   true,
			ImportStateId: made.ID,
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				if len(states) != 1 {
					return fmt.Errorf("imported %d states", len(states))
				}
				want := map[string]string{
					"id": made.ID, "name": "Made in the UI", "description": "Described in the UI.",
					"deletion_protection": "true", "created_at": made.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"),
				}
				for k, v := range want {
					if got := states[0].Attributes[k]; got != v {
						return fmt.Errorf("imported %s = %q, want %q", k, got, v)
					}
				}
				return nil
			},
		},
		resource.TestStep{
			Config: env.config(fmt.Sprintf("import {\n  to = arize_organization.test\n  id = %q\n}\n", made.ID) + resourceBlock),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(orgAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				orgAttr("id", knownvalue.StringExact(made.ID)),
				orgAttr("deletion_protection", knownvalue.Bool(true)),
				orgWrites(emu, 0, 0, 0),
			},
		},
		resource.TestStep{
			Config: env.config(strings.Replace(resourceBlock, "\n}", "\n  deletion_protection = false\n}", 1)),
		},
	)
}

// TestAccOrganization_importByIdentity imports an organization made outside
// Terraform by its resource identity, which needs Terraform 1.12.
func TestAccOrganization_importByIdentity(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	made, err := emu.PutOrganization("Identified in the UI", "")
	if err != nil {
		t.Fatal(err)
	}
	resourceBlock := `
resource "arize_organization" "test" {
  name = "Identified in the UI"
}
`
	accTestFrom(t, tfversion.Version1_12_0,
		resource.TestStep{
			Config: env.config(fmt.Sprintf("import {\n  to = arize_organization.test\n  identity = {\n    id = %q\n  }\n}\n", made.ID) + resourceBlock),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(orgAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(orgAddr, map[string]knownvalue.Check{"id": knownvalue.StringExact(made.ID)}),
				statecheck.ExpectIdentityValueMatchesState(orgAddr, tfjsonpath.New("id")),
				orgAttr("description", knownvalue.StringExact("")),
				orgWrites(emu, 0, 0, 0),
			},
		},
		resource.TestStep{
			// The framework's own identity import, from the state above.
			Config:          env.config(resourceBlock),
			ResourceName:    orgAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		},
		resource.TestStep{
			Config: env.config(strings.Replace(resourceBlock, "\n}", "\n  deletion_protection = false\n}", 1)),
		},
	)
}

// TestAccOrganization_disappears: an organization deleted outside Terraform
// is dropped from state by the next refresh, and the plan makes it again.
func TestAccOrganization_disappears(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	config := orgConfig(env, `  name                = "tf-acc-disappears"
  description         = "Gone behind Terraform's back."
  deletion_protection = false`)
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() {
				for _, o := range emu.Organizations() {
					emu.RemoveOrganization(o.ID)
				}
			},
			Config:           config,
			ConfigPlanChecks: expectOrgAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				orgWrites(emu, 2, 0, 0),
				organizationsHeld(emu, 1),
				storedAs(emu, "tf-acc-disappears", "Gone behind Terraform's back."),
			},
		},
	)
}

// TestAccOrganization_nameTaken: a create whose name another organization
// has fails with the API's 409 and says how to import that one; a rename to
// such a name fails and changes nothing.
func TestAccOrganization_nameTaken(t *testing.T) {
	t.Run("create", func(t *testing.T) {
		env := newAccEnv(t)
		emu := env.emulator(t)
		existing, err := emu.PutOrganization("tf-acc-taken", "already here")
		if err != nil {
			t.Fatal(err)
		}
		accTest(t, resource.TestStep{
			Config: orgConfig(env, `  name = "tf-acc-taken"`),
			ExpectError: wrappedRegexp(`Could not create the Arize organization[\s\S]*` +
				`An organization named "tf-acc-taken" already exists in this Arize account[\s\S]*` +
				`import { to = arize_organization.<name>, id = "<organization id>" }[\s\S]*` +
				`terraform import arize_organization.<name> <organization id>[\s\S]*409`),
		})
		if orgs := emu.Organizations(); len(orgs) != 1 || orgs[0] != existing {
			t.Errorf("the clash changed the organizations: %+v", orgs)
		}
	})
	t.Run("rename", func(t *testing.T) {
		env := newAccEnv(t)
		emu := env.emulator(t)
		if _, err := emu.PutOrganization("tf-acc-other", ""); err != nil {
			t.Fatal(err)
		}
		accTest(t,
			resource.TestStep{Config: orgConfig(env, `  name = "tf-acc-mine"
  deletion_protection = false`)},
			resource.TestStep{
				Config: orgConfig(env, `  name = "tf-acc-other"
  deletion_protection = false`),
				ExpectError: wrappedRegexp(`Could not update the Arize organization[\s\S]*` +
					`Another organization in this Arize account is already named "tf-acc-other"[\s\S]*409`),
			},
			resource.TestStep{
				// Nothing changed: the old name still plans as it is.
				Config: orgConfig(env, `  name = "tf-acc-mine"
  deletion_protection = false`),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{storedAs(emu, "tf-acc-mine", ""), organizationsHeld(emu, 2)},
			},
		)
	})
}

// TestAccOrganization_createOutcomeUnknown: the create commits in Arize but
// its answer is lost. The provider finds the organization by its name
// instead of sending the create again: exactly one organization exists, and
// it is the one in state.
func TestAccOrganization_createOutcomeUnknown(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	accTest(t, resource.TestStep{
		PreConfig: func() { emu.DropNext(1, true) },
		Config: orgConfig(env, `  name                = "tf-acc-dropped"
  description         = "Made once."
  deletion_protection = false`),
		ConfigStateChecks: []statecheck.StateCheck{
			orgWrites(emu, 1, 0, 0),
			organizationsHeld(emu, 1),
			storedAs(emu, "tf-acc-dropped", "Made once."),
			exampleStored{check: func() error {
				if n := emu.Injected()[emulator.InjectedDropAfterCommit]; n != 1 {
					return fmt.Errorf("the emulator dropped %d answers, want 1: %v", n, emu.Injected())
				}
				return nil
			}},
		},
	})
}

// TestAccOrganization_longestValues: a name of 255 characters and a
// description of 1,000, in two-byte characters, pass the plan's limits and
// the API's, which count characters.
func TestAccOrganization_longestValues(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	name, description := strings.Repeat("é", 255), strings.Repeat("ü", 1000)
	accTest(t, resource.TestStep{
		Config: orgConfig(env, fmt.Sprintf("  name = %q\n  description = %q\n  deletion_protection = false", name, description)),
		ConfigStateChecks: []statecheck.StateCheck{
			orgAttr("name", knownvalue.StringExact(name)),
			storedAs(emu, name, description),
		},
	})
}

// orgPlanTimeErrors are configurations every one of which must be refused
// at plan time, on the attribute that is wrong, before any API call.
var orgPlanTimeErrors = []struct {
	name   string
	body   string // the resource block's attributes
	expect string // a regexp over Terraform's error output
}{
	{"empty name", `name = ""`, `Attribute name UTF-8 character count must be between 1 and 255, got: 0`},
	{"blank name", `name = "   "`, `Blank value[\s\S]*name must contain a character other than white space`},
	{"name of 256 characters", `name = "` + strings.Repeat("n", 256) + `"`, `Attribute name UTF-8 character count must be between 1 and 255, got: 256`},
	{"description of 1001 characters", `name = "x"
  description = "` + strings.Repeat("d", 1001) + `"`, `Attribute description UTF-8 character count must be at most 1000, got: 1001`},
	{"no name", `description = "x"`, `The argument "name" is required`},
}

func TestAccOrganization_planTimeValidation(t *testing.T) {
	for _, tc := range orgPlanTimeErrors {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			accTest(t, resource.TestStep{
				Config:      orgConfig(env, "  "+tc.body),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("plan-time error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}
