package provider

import (
	"encoding/base64"
	"fmt"
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

const restrictionAddr = "arize_project_restriction.test"

// The restriction routes as the emulator counts them.
var (
	routeRestrictionPost   = "POST " + emulator.RouteResourceRestrictions
	routeRestrictionList   = "GET " + emulator.RouteResourceRestrictions
	routeRestrictionDelete = "DELETE " + emulator.RouteResourceRestriction
)

func restrictionAttr(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(restrictionAddr, tfjsonpath.New(name), v)
}

// restriction is a configuration of arize_project_restriction.test on
// projectID.
func (w *projectWorld) restriction(projectID string) string {
	return w.env.config(restrictionBlock(projectID))
}

// restrictionBlock is the resource block of arize_project_restriction.test
// on projectID.
func restrictionBlock(projectID string) string {
	return fmt.Sprintf("resource \"arize_project_restriction\" \"test\" {\n  project_id = %q\n}\n", projectID)
}

// expectRestrictionAction checks the planned action for
// arize_project_restriction.test.
func expectRestrictionAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(restrictionAddr, action)},
	}
}

// restrictionWrites checks how many restricts and lifts the emulator
// served.
func restrictionWrites(emu *emulator.Server, posts, deletes int) statecheck.StateCheck {
	return expectRequests(emu, map[string]int{routeRestrictionPost: posts, routeRestrictionDelete: deletes})
}

// restrictedProjects checks the emulator holds restrictions of exactly
// these projects, in the order they were made.
func restrictedProjects(emu *emulator.Server, projectIDs ...string) statecheck.StateCheck {
	return exampleStored{check: func() error {
		got := emu.Restrictions()
		ids := make([]string, len(got))
		for i, rr := range got {
			ids[i] = rr.ResourceID
		}
		if fmt.Sprint(ids) != fmt.Sprint(projectIDs) {
			return fmt.Errorf("the emulator holds restrictions of %v, want %v", ids, projectIDs)
		}
		return nil
	}}
}

// restrictOthers restricts n more projects of w's second space outside
// Terraform, ahead of the one a test restricts: a read must page past them.
func (w *projectWorld) restrictOthers(t *testing.T, n int) []string {
	t.Helper()
	ids := make([]string, n)
	for i := range ids {
		p := w.put(t, w.spaceB, fmt.Sprintf("restricted %02d", i))
		if _, err := w.emu.PutRestriction(p.ID); err != nil {
			t.Fatal(err)
		}
		ids[i] = p.ID
	}
	return ids
}

// TestAccProjectRestriction_lifecycle restricts a project with one POST,
// reads it back with one page of the list, and lifts it with one DELETE,
// which leaves the project.
func TestAccProjectRestriction_lifecycle(t *testing.T) {
	w := newProjectWorld(t)
	emu := w.emu
	p := w.put(t, w.spaceA, "Sensitive")
	reset := func() { emu.ResetCounters() }
	accTest(t,
		resource.TestStep{
			Config:           w.restriction(p.ID),
			ConfigPlanChecks: expectRestrictionAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				// Create is one POST whose answer is the state: no list
				// before it (it is idempotent) nor after it.
				expectRequests(emu, map[string]int{routeRestrictionPost: 1, routeRestrictionList: 0}),
				onlyRequests(emu, 1),
				restrictionAttr("id", knownvalue.StringExact(p.ID)),
				restrictionAttr("project_id", knownvalue.StringExact(p.ID)),
				restrictionAttr("created_at", knownvalue.StringRegexp(rfc3339Millis)),
				restrictedProjects(emu, p.ID),
			},
		},
		resource.TestStep{
			// Read is one page of the list: the restriction is on it.
			PreConfig:    reset,
			RefreshState: true,
			Check: func(*terraform.State) error {
				if got, total := emu.Count("GET", emulator.RouteResourceRestrictions), emu.Total(); got != 1 || total != 1 {
					return fmt.Errorf("a refresh made %d list requests of %d, want 1 of 1: %v", got, total, emu.Requests())
				}
				return nil
			},
		},
		resource.TestStep{
			// Destroyed with one DELETE when its block goes; the project stays.
			PreConfig:        reset,
			Config:           w.env.config(""),
			ConfigPlanChecks: expectRestrictionAction(plancheck.ResourceActionDestroy),
			ConfigStateChecks: []statecheck.StateCheck{
				restrictionWrites(emu, 0, 1),
				restrictedProjects(emu),
				projectsHeld(emu, 1),
			},
		},
	)
}

// TestAccProjectRestriction_shortPages: Arize may answer short and even
// empty pages while has_more is true. A refresh pages through them to the
// restriction, never stopping at an empty one, and no further than the page
// that holds it; a restriction lifted outside Terraform is looked for on
// every page, then planned for re-creation.
func TestAccProjectRestriction_shortPages(t *testing.T) {
	w := newProjectWorld(t)
	emu := w.emu
	// Five restrictions ahead of this one, then pages of 0, 1, 0, 1, ...
	// restrictions: the sixth is on the twelfth page.
	const ahead = 5
	w.restrictOthers(t, ahead)
	emu.SetRestrictionPageSizes(0, 1)
	p := w.put(t, w.spaceA, "Sensitive")
	listed := func(want int) statecheck.StateCheck {
		return exampleStored{check: func() error {
			if n := emu.Count("GET", emulator.RouteResourceRestrictions); n != want {
				return fmt.Errorf("%d list requests, want %d: %v", n, want, emu.Requests())
			}
			return nil
		}}
	}
	accTest(t,
		resource.TestStep{
			Config:            w.restriction(p.ID),
			ConfigStateChecks: []statecheck.StateCheck{restrictionWrites(emu, 1, 0), listed(0)},
		},
		resource.TestStep{
			PreConfig:    emu.ResetCounters,
			RefreshState: true,
			Check: func(*terraform.State) error {
				if n, total := emu.Count("GET", emulator.RouteResourceRestrictions), emu.Total(); n != 2*ahead+2 || total != n {
					return fmt.Errorf("a refresh read %d pages of %d requests, want %d: %v", n, total, 2*ahead+2, emu.Requests())
				}
				return nil
			},
		},
		resource.TestStep{
			// Lifted outside Terraform: the refresh reads every page, finds
			// nothing, and the plan restricts the project again with one
			// POST.
			PreConfig: func() {
				if !emu.RemoveRestriction(p.ID) {
					t.Fatal("no restriction to remove")
				}
				emu.ResetCounters()
			},
			Config:           w.restriction(p.ID),
			ConfigPlanChecks: expectRestrictionAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				restrictionWrites(emu, 1, 0),
				restrictionAttr("project_id", knownvalue.StringExact(p.ID)),
				exampleStored{check: func() error {
					if _, ok := emu.Restriction(p.ID); !ok {
						return fmt.Errorf("project %s is not restricted again", p.ID)
					}
					// The refresh read the 5 restrictions ahead, each after
					// an empty page: the last of them ends the list.
					if n := emu.Count("GET", emulator.RouteResourceRestrictions); n != 2*ahead {
						return fmt.Errorf("the refresh read %d pages, want %d", n, 2*ahead)
					}
					return nil
				}},
			},
		},
	)
}

// TestAccProjectRestriction_projectDeleted: deleting a project deletes its
// restriction in Arize. Deleted outside Terraform, both are gone: the plan
// makes the project again, and restricts the new one.
func TestAccProjectRestriction_projectDeleted(t *testing.T) {
	w := newProjectWorld(t)
	emu := w.emu
	config := w.env.config(fmt.Sprintf(`
resource "arize_project" "test" {
  space_id            = %q
  name                = "Sensitive"
  deletion_protection = false
}

resource "arize_project_restriction" "test" {
  project_id = arize_project.test.id
}
`, w.spaceA))
	var first string
	accTest(t,
		resource.TestStep{
			Config: config,
			Check: func(s *terraform.State) error {
				first = s.RootModule().Resources[projectAddr].Primary.ID
				return nil
			},
		},
		resource.TestStep{
			PreConfig: func() {
				if !emu.RemoveProject(first) {
					t.Fatal("no project to remove")
				}
				if _, ok := emu.Restriction(first); ok {
					t.Fatal("the emulator kept the restriction of a deleted project")
				}
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(projectAddr, plancheck.ResourceActionCreate),
				plancheck.ExpectResourceAction(restrictionAddr, plancheck.ResourceActionCreate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				projectWrites(emu, 2, 0, 0),
				restrictionWrites(emu, 2, 0),
				projectsHeld(emu, 1),
				statecheck.CompareValuePairs(projectAddr, tfjsonpath.New("id"), restrictionAddr, tfjsonpath.New("project_id"), compare.ValuesSame()),
				exampleStored{check: func() error {
					ps := emu.Projects()
					if len(ps) != 1 || ps[0].ID == first {
						return fmt.Errorf("the emulator holds %+v, want one new project", ps)
					}
					if rs := emu.Restrictions(); len(rs) != 1 || rs[0].ResourceID != ps[0].ID {
						return fmt.Errorf("the emulator holds restrictions %+v, want the new project's", rs)
					}
					return nil
				}},
			},
		},
	)
}

// TestAccProjectRestriction_adoptsExisting: a project restricted already
// (in the UI, say) is adopted by the create, whose POST is idempotent: one
// POST, no list, one restriction, and its first created_at.
func TestAccProjectRestriction_adoptsExisting(t *testing.T) {
	w := newProjectWorld(t)
	emu := w.emu
	p := w.put(t, w.spaceA, "Restricted in the UI")
	existing, err := emu.PutRestriction(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	accTest(t, resource.TestStep{
		Config: w.restriction(p.ID),
		ConfigStateChecks: []statecheck.StateCheck{
			expectRequests(emu, map[string]int{routeRestrictionPost: 1, routeRestrictionList: 0}),
			restrictedProjects(emu, p.ID),
			restrictionAttr("created_at", knownvalue.StringExact(existing.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"))),
		},
	})
}

// TestAccProjectRestriction_createOutcomeUnknown: the POST commits in Arize
// but its answer is lost. It is idempotent, so the client simply asks
// again, with no look-up: two POSTs, one restriction.
func TestAccProjectRestriction_createOutcomeUnknown(t *testing.T) {
	w := newProjectWorld(t)
	emu := w.emu
	p := w.put(t, w.spaceA, "Sensitive")
	accTest(t, resource.TestStep{
		PreConfig: func() {
			emu.ResetCounters()
			emu.DropNext(1, true)
		},
		Config: w.restriction(p.ID),
		ConfigStateChecks: []statecheck.StateCheck{
			restrictionWrites(emu, 2, 0),
			restrictedProjects(emu, p.ID),
			exampleStored{check: func() error {
				if n := emu.Injected()[emulator.InjectedDropAfterCommit]; n != 1 {
					return fmt.Errorf("the emulator dropped %d answers, want 1: %v", n, emu.Injected())
				}
				return nil
			}},
		},
	})
}

// TestAccProjectRestriction_replace: another project_id lifts the old
// project's restriction and restricts the new project.
func TestAccProjectRestriction_replace(t *testing.T) {
	w := newProjectWorld(t)
	emu := w.emu
	a, b := w.put(t, w.spaceA, "First"), w.put(t, w.spaceA, "Second")
	accTest(t,
		resource.TestStep{Config: w.restriction(a.ID)},
		resource.TestStep{
			Config:           w.restriction(b.ID),
			ConfigPlanChecks: expectRestrictionAction(plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				restrictionWrites(emu, 2, 1),
				restrictedProjects(emu, b.ID),
				restrictionAttr("id", knownvalue.StringExact(b.ID)),
			},
		},
	)
}

// TestAccProjectRestriction_refused: what Arize refuses to restrict fails
// the apply with the reason, and nothing is restricted.
func TestAccProjectRestriction_refused(t *testing.T) {
	missing := base64.StdEncoding.EncodeToString([]byte("Project:999:zZzZ"))
	for _, c := range []struct {
		name   string
		id     func(w *projectWorld) string
		expect string
	}{
		{"a space's ID", func(w *projectWorld) string { return w.spaceA },
			`Arize refused "[^"]+" as a project ID: only projects can be restricted[\s\S]*400`},
		{"a project that does not exist", func(*projectWorld) string { return missing },
			`No project with ID "` + missing + `" exists in this Arize account[\s\S]*404`},
		{"a project the key may not see", func(w *projectWorld) string {
			p, _ := w.emu.PutProject(w.spaceB, "Hidden")
			w.emu.ForbidSpace(w.spaceB, true)
			return p.ID
		}, `may not restrict project "[^"]+": restricting takes the PROJECT_RESTRICT permission[\s\S]*403`},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := newProjectWorld(t)
			accTest(t, resource.TestStep{
				Config:      w.restriction(c.id(w)),
				ExpectError: wrappedRegexp(`Could not create the Arize project restriction[\s\S]*` + c.expect),
			})
			if n := len(w.emu.Restrictions()); n != 0 {
				t.Errorf("the emulator holds %d restrictions, want none", n)
			}
		})
	}
}

// TestAccProjectRestriction_import imports a restriction by its project's
// ID, by 'terraform import' and by an import block; a project that is not
// restricted cannot be imported.
func TestAccProjectRestriction_import(t *testing.T) {
	w := newProjectWorld(t)
	p := w.put(t, w.spaceA, "Restricted in the UI")
	unrestricted := w.put(t, w.spaceA, "Open")
	rr, err := w.emu.PutRestriction(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	config := w.restriction(p.ID)
	importBlock := fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", restrictionAddr, p.ID)
	accTest(t,
		resource.TestStep{
			Config:        config,
			ResourceName:  restrictionAddr,
			ImportState:   true,
			ImportStateId: p.ID,
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				want := map[string]string{
					"id": p.ID, "project_id": p.ID, "created_at": rr.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"),
				}
				if len(states) != 1 {
					return fmt.Errorf("imported %d states", len(states))
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
			Config: w.env.config(importBlock + restrictionBlock(p.ID)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(restrictionAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{restrictionWrites(w.emu, 0, 0), restrictedProjects(w.emu, p.ID)},
		},
		resource.TestStep{
			ResourceName:  restrictionAddr,
			ImportState:   true,
			ImportStateId: p.ID,
			// Import again, over the state: the same as Terraform holds.
			ImportStateVerify: true,
		},
		resource.TestStep{
			Config:        w.restriction(unrestricted.ID),
			ResourceName:  restrictionAddr,
			ImportState:   true,
			ImportStateId: unrestricted.ID,
			ExpectError:   wrappedRegexp(`Cannot import non-existent remote object`),
		},
	)
}

// TestAccProjectRestriction_importByIdentity imports a restriction by its
// identity, its project's ID, which needs Terraform 1.12.
func TestAccProjectRestriction_importByIdentity(t *testing.T) {
	w := newProjectWorld(t)
	p := w.put(t, w.spaceA, "Restricted in the UI")
	if _, err := w.emu.PutRestriction(p.ID); err != nil {
		t.Fatal(err)
	}
	resourceBlock := restrictionBlock(p.ID)
	accTestFrom(t, tfversion.Version1_12_0,
		resource.TestStep{
			Config: w.env.config(fmt.Sprintf("import {\n  to = %s\n  identity = {\n    project_id = %q\n  }\n}\n", restrictionAddr, p.ID) + resourceBlock),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(restrictionAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(restrictionAddr, map[string]knownvalue.Check{"project_id": knownvalue.StringExact(p.ID)}),
				statecheck.ExpectIdentityValueMatchesState(restrictionAddr, tfjsonpath.New("project_id")),
				restrictionAttr("id", knownvalue.StringExact(p.ID)),
				restrictionWrites(w.emu, 0, 0),
			},
		},
		resource.TestStep{
			// The framework's own identity import, from the state above.
			Config:                               w.env.config(resourceBlock),
			ResourceName:                         restrictionAddr,
			ImportState:                          true,
			ImportStateKind:                      resource.ImportBlockWithResourceIdentity,
			ImportStateVerifyIdentifierAttribute: "project_id",
		},
	)
}

func TestAccProjectRestriction_planTimeValidation(t *testing.T) {
	for _, tc := range []struct{ name, body, expect string }{
		{"empty project_id", `project_id = ""`, `Attribute project_id string length must be at least 1, got: 0`},
		{"blank project_id", `project_id = "  "`, `Blank value[\s\S]*project_id must contain a character other than white space`},
		{"no project_id", ``, `The argument "project_id" is required`},
		{"an id, which Arize assigns", `project_id = "UHJvamVjdDox"
  id = "UHJvamVjdDox"`, `Invalid Configuration for Read-Only Attribute`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			accTest(t, resource.TestStep{
				Config:      env.config("resource \"arize_project_restriction\" \"test\" {\n  " + tc.body + "\n}\n"),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("plan-time error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}
