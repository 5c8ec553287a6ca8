package provider

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
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

const projectAddr = "arize_project.test"

// The project routes as the emulator counts them.
var (
	routeProjectPost   = "POST " + emulator.RouteProjects
	routeProjectList   = "GET " + emulator.RouteProjects
	routeProjectGet    = "GET " + emulator.RouteProject
	routeProjectPatch  = "PATCH " + emulator.RouteProject
	routeProjectDelete = "DELETE " + emulator.RouteProject
)

// projectIDPattern is an opaque base64 ID.
var projectIDPattern = regexp.MustCompile(`^[A-Za-z0-9+/]+=*$`)

// projectWorld is what the project tests put projects in: two spaces of
// one organization, made outside Terraform, so that the requests counted
// are the project's alone.
type projectWorld struct {
	env            *accEnv
	emu            *emulator.Server
	spaceA, spaceB string
}

func newProjectWorld(t *testing.T) *projectWorld {
	t.Helper()
	return projectWorldOf(t, newAccEnv(t))
}

// projectWorldOf puts the spaces in env's emulator.
func projectWorldOf(t *testing.T, env *accEnv) *projectWorld {
	t.Helper()
	emu := env.emulator(t)
	org := spaceTestOrg(t, emu, "tf-acc-projects")
	return &projectWorld{
		env: env, emu: emu,
		spaceA: spaceTestSpace(t, emu, org.ID, "LLM apps").ID,
		spaceB: spaceTestSpace(t, emu, org.ID, "Other apps").ID,
	}
}

// config is a configuration of arize_project.test with the attributes
// body.
func (w *projectWorld) config(body string) string {
	return w.env.config("resource \"arize_project\" \"test\" {\n" + body + "\n}\n")
}

// project is a configuration of arize_project.test in space, named name,
// unprotected, so that the test can destroy it.
func (w *projectWorld) project(space, name string) string {
	return w.config(fmt.Sprintf("  space_id = %q\n  name = %q\n  deletion_protection = false", space, name))
}

// put makes a project outside Terraform.
func (w *projectWorld) put(t *testing.T, space, name string) emulator.Project {
	t.Helper()
	p, err := w.emu.PutProject(space, name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func projectAttr(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(projectAddr, tfjsonpath.New(name), v)
}

// expectProjectAction checks the planned action for arize_project.test.
func expectProjectAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(projectAddr, action)},
	}
}

// projectWrites checks how many creates, renames and deletes of projects
// the emulator served.
func projectWrites(emu *emulator.Server, posts, patches, deletes int) statecheck.StateCheck {
	return expectRequests(emu, map[string]int{routeProjectPost: posts, routeProjectPatch: patches, routeProjectDelete: deletes})
}

// storedProject checks the emulator holds the project of arize_project.test
// in space, named name: it proves the values reached the server.
func storedProject(emu *emulator.Server, space, name string) statecheck.StateCheck {
	return expectStoredObject(projectAddr, "project", emu.Project, func(p emulator.Project) error {
		if p.SpaceID != space || p.Name != name {
			return fmt.Errorf("stored as %q in %s, want %q in %s", p.Name, p.SpaceID, name, space)
		}
		return nil
	})
}

// projectsHeld checks the emulator holds n projects.
func projectsHeld(emu *emulator.Server, n int) statecheck.StateCheck {
	return exampleStored{check: func() error {
		if got := len(emu.Projects()); got != n {
			return fmt.Errorf("the emulator holds %d projects, want %d", got, n)
		}
		return nil
	}}
}

// onlyRequests checks the emulator served n requests in all.
func onlyRequests(emu *emulator.Server, n int) statecheck.StateCheck {
	return exampleStored{check: func() error {
		if got := emu.Total(); got != n {
			return fmt.Errorf("the emulator served %d requests, want %d: %v", got, n, emu.Requests())
		}
		return nil
	}}
}

// TestAccProject_lifecycle creates a project, renames it in place, turns
// its protection off and destroys it, each with the one request it needs.
func TestAccProject_lifecycle(t *testing.T) {
	w := newProjectWorld(t)
	emu := w.emu
	// The ID and created_at never change in place.
	sameID := statecheck.CompareValue(compare.ValuesSame())
	sameCreatedAt := statecheck.CompareValue(compare.ValuesSame())
	kept := func() []statecheck.StateCheck {
		return []statecheck.StateCheck{
			sameID.AddStateValue(projectAddr, tfjsonpath.New("id")),
			sameCreatedAt.AddStateValue(projectAddr, tfjsonpath.New("created_at")),
		}
	}
	reset := func() { emu.ResetCounters() }
	accTest(t,
		resource.TestStep{
			Config:           w.config(fmt.Sprintf("  space_id = %q\n  name = \"Support bot\"", w.spaceA)),
			ConfigPlanChecks: expectProjectAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: append(kept(),
				// Create is one POST whose answer is the state: no read after it.
				expectRequests(emu, map[string]int{routeProjectPost: 1, routeProjectGet: 0, routeProjectList: 0}),
				projectAttr("id", knownvalue.StringRegexp(projectIDPattern)),
				projectAttr("space_id", knownvalue.StringExact(w.spaceA)),
				projectAttr("name", knownvalue.StringExact("Support bot")),
				projectAttr("created_at", knownvalue.StringRegexp(rfc3339Millis)),
				projectAttr("deletion_protection", knownvalue.Bool(true)),
				storedProject(emu, w.spaceA, "Support bot"),
			),
		},
		resource.TestStep{
			// Read is one GET.
			PreConfig:    reset,
			RefreshState: true,
			Check: func(*terraform.State) error {
				if got, total := emu.Count("GET", emulator.RouteProject), emu.Total(); got != 1 || total != 1 {
					return fmt.Errorf("a refresh made %d GETs of %d requests, want 1 of 1: %v", got, total, emu.Requests())
				}
				return nil
			},
		},
		resource.TestStep{
			// A rename is one PATCH; the plan's refresh the one GET.
			PreConfig:        reset,
			Config:           w.config(fmt.Sprintf("  space_id = %q\n  name = \"Support assistant\"", w.spaceA)),
			ConfigPlanChecks: expectProjectAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: append(kept(),
				projectWrites(emu, 0, 1, 0),
				expectRequests(emu, map[string]int{routeProjectGet: 1}),
				projectAttr("name", knownvalue.StringExact("Support assistant")),
				storedProject(emu, w.spaceA, "Support assistant"),
			),
		},
		resource.TestStep{
			// deletion_protection exists only in Terraform: the plan's
			// refresh is the only request.
			PreConfig:        reset,
			Config:           w.project(w.spaceA, "Support assistant"),
			ConfigPlanChecks: expectProjectAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: append(kept(),
				onlyRequests(emu, 1),
				expectRequests(emu, map[string]int{routeProjectGet: 1}),
				projectAttr("deletion_protection", knownvalue.Bool(false)),
			),
		},
		resource.TestStep{
			// Unprotected, it is destroyed with one DELETE when its block goes.
			PreConfig:         reset,
			Config:            w.env.config(""),
			ConfigPlanChecks:  expectProjectAction(plancheck.ResourceActionDestroy),
			ConfigStateChecks: []statecheck.StateCheck{projectWrites(emu, 0, 0, 1), projectsHeld(emu, 0)},
		},
	)
}

// TestAccProject_deletionProtection: while deletion_protection is true in
// state, neither terraform destroy, nor removing the block, nor moving the
// project to another space (a replacement) deletes it, and nothing is
// written to Arize; once false has been applied, the move replaces it.
func TestAccProject_deletionProtection(t *testing.T) {
	w := newProjectWorld(t)
	emu := w.emu
	protected := w.config(fmt.Sprintf("  space_id = %q\n  name = \"Traces kept\"", w.spaceA))
	destroyRefused := wrappedRegexp(`Deletion protection: cannot destroy the Arize project[\s\S]*` +
		`arize_project "Traces kept" \(ID [^)]+\) has deletion_protection = true[\s\S]*` +
		`set deletion_protection = false`)
	untouched := func() {
		if n := emu.Count("DELETE", emulator.RouteProject) + emu.Count("POST", emulator.RouteProjects) +
			emu.Count("PATCH", emulator.RouteProject); n != 1 || len(emu.Projects()) != 1 {
			t.Errorf("a refused plan reached Arize: %v, %d projects", emu.Requests(), len(emu.Projects()))
		}
	}
	accTest(t,
		resource.TestStep{Config: protected},
		resource.TestStep{
			// terraform destroy
			Config:      protected,
			Destroy:     true,
			ExpectError: destroyRefused,
		},
		resource.TestStep{
			// The block removed: prevent_destroy would be gone with it.
			PreConfig:   untouched,
			Config:      w.env.config(""),
			ExpectError: destroyRefused,
		},
		resource.TestStep{
			// Another space replaces the project: refused on space_id.
			PreConfig:   untouched,
			Config:      w.config(fmt.Sprintf("  space_id = %q\n  name = \"Traces kept\"", w.spaceB)),
			ExpectError: wrappedRegexp(`Deletion protection: cannot replace the Arize project[\s\S]*Changing space_id replaces`),
		},
		resource.TestStep{
			PreConfig:         untouched,
			Config:            w.project(w.spaceA, "Traces kept"),
			ConfigPlanChecks:  expectProjectAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{projectWrites(emu, 1, 0, 0)},
		},
		resource.TestStep{
			// Unprotected, the move is a replacement: one DELETE, one POST.
			Config:           w.project(w.spaceB, "Traces kept"),
			ConfigPlanChecks: expectProjectAction(plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				projectWrites(emu, 2, 0, 1),
				projectsHeld(emu, 1),
				storedProject(emu, w.spaceB, "Traces kept"),
			},
		},
	)
}

// TestAccProject_disappears: a project deleted outside Terraform is dropped
// from state by the next refresh, and the plan makes it again.
func TestAccProject_disappears(t *testing.T) {
	w := newProjectWorld(t)
	emu := w.emu
	config := w.project(w.spaceA, "Deleted outside")
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() {
				for _, p := range emu.Projects() {
					emu.RemoveProject(p.ID)
				}
			},
			Config:           config,
			ConfigPlanChecks: expectProjectAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				projectWrites(emu, 2, 0, 0),
				projectsHeld(emu, 1),
				storedProject(emu, w.spaceA, "Deleted outside"),
			},
		},
	)
}

// TestAccProject_nameTaken: a create whose name another project of the
// space has fails with the API's 409 and says how to import that one; a
// rename to such a name fails, says so, and changes nothing. The same name
// in another space is fine.
func TestAccProject_nameTaken(t *testing.T) {
	t.Run("create", func(t *testing.T) {
		w := newProjectWorld(t)
		existing := w.put(t, w.spaceA, "Taken")
		accTest(t,
			resource.TestStep{
				Config: w.project(w.spaceA, "Taken"),
				ExpectError: wrappedRegexp(`Could not create the Arize project[\s\S]*` +
					`A project named "Taken" already exists in this space[\s\S]*` +
					`import { to = arize_project.<name>, id = "<project id>" }[\s\S]*409`),
			},
			resource.TestStep{
				Config:            w.project(w.spaceB, "Taken"),
				ConfigStateChecks: []statecheck.StateCheck{storedProject(w.emu, w.spaceB, "Taken")},
			},
		)
		if p, ok := w.emu.Project(existing.ID); !ok || p != existing {
			t.Errorf("the clash changed the existing project: %+v", p)
		}
	})
	t.Run("rename", func(t *testing.T) {
		w := newProjectWorld(t)
		w.put(t, w.spaceA, "Theirs")
		accTest(t,
			resource.TestStep{Config: w.project(w.spaceA, "Mine")},
			resource.TestStep{
				Config: w.project(w.spaceA, "Theirs"),
				ExpectError: wrappedRegexp(`Could not update the Arize project[\s\S]*` +
					`Another project in this space is already named "Theirs"[\s\S]*409`),
			},
			resource.TestStep{
				// Nothing changed: the old name still plans as it is.
				Config:            w.project(w.spaceA, "Mine"),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{storedProject(w.emu, w.spaceA, "Mine"), projectsHeld(w.emu, 2)},
			},
		)
	})
}

// TestAccProject_renameRefused422: Arize documents no status for a rename
// into a taken name, so a server may answer 422. The provider then looks
// the name up in the space and names the project that holds it.
func TestAccProject_renameRefused422(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(conflictAs422(emu))
	t.Cleanup(srv.Close)
	w := projectWorldOf(t, &accEnv{emu: emu, endpoint: srv.URL, apiKey: testAccAPIKey})
	theirs := w.put(t, w.spaceA, "Theirs")
	accTest(t,
		resource.TestStep{Config: w.project(w.spaceA, "Mine")},
		resource.TestStep{
			Config: w.project(w.spaceA, "Theirs"),
			ExpectError: wrappedRegexp(`Could not update the Arize project[\s\S]*Another project \(ID ` +
				regexp.QuoteMeta(theirs.ID) + `\) in this space is already named "Theirs"[\s\S]*422`),
		},
		resource.TestStep{
			Config:            w.project(w.spaceA, "Mine"),
			ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: []statecheck.StateCheck{storedProject(emu, w.spaceA, "Mine")},
		},
	)
}

// conflictAs422 answers 422 where next answers a PATCH with 409, as a
// server might for a rename into a taken name.
func conflictAs422(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPatch {
			next.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		if rec.Code != http.StatusConflict {
			for k, v := range rec.Header() {
				w.Header()[k] = v
			}
			w.WriteHeader(rec.Code)
			_, _ = io.Copy(w, rec.Body)
			return
		}
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		_, _ = io.Copy(w, bytes.NewReader([]byte(`{"status":422,"title":"Unprocessable Entity","detail":"name must be unique within the space"}`)))
	})
}

// TestAccProject_createOutcomeUnknown: the create commits in Arize but its
// answer is lost. The provider finds the project by its name in its space
// instead of sending the create again: exactly one project exists, and it
// is the one in state.
func TestAccProject_createOutcomeUnknown(t *testing.T) {
	w := newProjectWorld(t)
	emu := w.emu
	// A project of the same name in the other space, which recovery must
	// not take.
	w.put(t, w.spaceB, "Made once")
	accTest(t, resource.TestStep{
		PreConfig: func() { emu.DropNext(1, true) },
		Config:    w.project(w.spaceA, "Made once"),
		ConfigStateChecks: []statecheck.StateCheck{
			projectWrites(emu, 1, 0, 0),
			projectsHeld(emu, 2),
			storedProject(emu, w.spaceA, "Made once"),
			exampleStored{check: func() error {
				if n := emu.Injected()[emulator.InjectedDropAfterCommit]; n != 1 {
					return fmt.Errorf("the emulator dropped %d answers, want 1: %v", n, emu.Injected())
				}
				return nil
			}},
		},
	})
}

// TestAccProject_readForbidden: a project the key may no longer see (its
// space made private to others here; a restriction does the same in Arize)
// fails the refresh with an error that says why, and stays in state: once
// it is visible again, the plan is empty.
func TestAccProject_readForbidden(t *testing.T) {
	w := newProjectWorld(t)
	config := w.project(w.spaceA, "Hidden")
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() { w.emu.ForbidSpace(w.spaceA, true) },
			Config:    config,
			ExpectError: wrappedRegexp(`Could not read the Arize project[\s\S]*` +
				`refused to show project "Hidden" \(ID [^)]+\) to the provider's API key \(403 Forbidden\)[\s\S]*` +
				`may be restricted \(arize_project_restriction\)[\s\S]*kept in state`),
		},
		resource.TestStep{
			PreConfig:         func() { w.emu.ForbidSpace(w.spaceA, false) },
			Config:            config,
			ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: []statecheck.StateCheck{projectWrites(w.emu, 1, 0, 0), projectsHeld(w.emu, 1)},
		},
	)
}

// TestAccProject_importCreated imports a project Terraform created, by
// 'terraform import' and by an import block: the imported state is the
// created one, deletion_protection's default included.
func TestAccProject_importCreated(t *testing.T) {
	w := newProjectWorld(t)
	config := w.config(fmt.Sprintf("  space_id = %q\n  name = \"Imported back\"", w.spaceA))
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			ResourceName:      projectAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			Config:          config,
			ResourceName:    projectAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
		},
		resource.TestStep{
			// So that the test can destroy it.
			Config: w.project(w.spaceA, "Imported back"),
		},
	)
}

// TestAccProject_importMadeOutside imports a project made outside
// Terraform, by ID: the import reads its space too, the plan is empty, and
// nothing is written to Arize.
func TestAccProject_importMadeOutside(t *testing.T) {
	w := newProjectWorld(t)
	emu := w.emu
	made := w.put(t, w.spaceA, "Made in the UI")
	resourceBlock := fmt.Sprintf("resource \"arize_project\" \"test\" {\n  space_id = %q\n  name = \"Made in the UI\"\n}\n", w.spaceA)
	accTest(t,
		resource.TestStep{
			Config:        w.env.config(resourceBlock),
			ResourceName:  projectAddr,
			ImportState:   true,
			ImportStateId: made.ID,
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				if len(states) != 1 {
					return fmt.Errorf("imported %d states", len(states))
				}
				want := map[string]string{
					"id": made.ID, "space_id": w.spaceA, "name": "Made in the UI", "deletion_protection": "true",
					"created_at": made.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"),
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
			Config: w.env.config(fmt.Sprintf("import {\n  to = arize_project.test\n  id = %q\n}\n", made.ID) + resourceBlock),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(projectAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				projectAttr("id", knownvalue.StringExact(made.ID)),
				projectAttr("deletion_protection", knownvalue.Bool(true)),
				projectWrites(emu, 0, 0, 0),
			},
		},
		resource.TestStep{Config: w.project(w.spaceA, "Made in the UI")},
	)
}

// TestAccProject_importByIdentity imports a project made outside Terraform
// by its resource identity, which needs Terraform 1.12.
func TestAccProject_importByIdentity(t *testing.T) {
	w := newProjectWorld(t)
	made := w.put(t, w.spaceB, "Identified in the UI")
	resourceBlock := fmt.Sprintf("resource \"arize_project\" \"test\" {\n  space_id = %q\n  name = \"Identified in the UI\"\n}\n", w.spaceB)
	accTestFrom(t, tfversion.Version1_12_0,
		resource.TestStep{
			Config: w.env.config(fmt.Sprintf("import {\n  to = arize_project.test\n  identity = {\n    id = %q\n  }\n}\n", made.ID) + resourceBlock),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(projectAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(projectAddr, map[string]knownvalue.Check{"id": knownvalue.StringExact(made.ID)}),
				statecheck.ExpectIdentityValueMatchesState(projectAddr, tfjsonpath.New("id")),
				projectAttr("space_id", knownvalue.StringExact(w.spaceB)),
				projectWrites(w.emu, 0, 0, 0),
			},
		},
		resource.TestStep{
			// The framework's own identity import, from the state above.
			Config:          w.env.config(resourceBlock),
			ResourceName:    projectAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		},
		resource.TestStep{Config: w.project(w.spaceB, "Identified in the UI")},
	)
}

// projectPlanTimeErrors are configurations every one of which must be
// refused at plan time, on the attribute that is wrong, before any API
// call.
var projectPlanTimeErrors = []struct {
	name   string
	body   string // the resource block's attributes
	expect string // a regexp over Terraform's error output
}{
	{"empty name", `space_id = "U3BhY2U6MQ=="
  name = ""`, `Attribute name UTF-8 character count must be between 1 and 255, got: 0`},
	{"blank name", `space_id = "U3BhY2U6MQ=="
  name = "  "`, `Blank value[\s\S]*name must contain a character other than white space`},
	{"name of 256 characters", `space_id = "U3BhY2U6MQ=="
  name = "` + strings.Repeat("n", 256) + `"`, `Attribute name UTF-8 character count must be between 1 and 255, got: 256`},
	{"empty space_id", `space_id = ""
  name = "x"`, `Attribute space_id string length must be at least 1, got: 0`},
	{"blank space_id", `space_id = " "
  name = "x"`, `Blank value[\s\S]*space_id must contain a character other than white space`},
	{"no space_id", `name = "x"`, `The argument "space_id" is required`},
	{"no name", `space_id = "U3BhY2U6MQ=="`, `The argument "name" is required`},
	{"a description, which projects lack", `space_id = "U3BhY2U6MQ=="
  name = "x"
  description = "d"`, `An argument named "description" is not expected here`},
}

func TestAccProject_planTimeValidation(t *testing.T) {
	for _, tc := range projectPlanTimeErrors {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			accTest(t, resource.TestStep{
				Config:      env.config("resource \"arize_project\" \"test\" {\n  " + tc.body + "\n}\n"),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("plan-time error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}
