package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

const bindingAddr = "arize_role_binding.test"

// The role binding routes as the emulator counts them.
var (
	routeBindingPost   = "POST " + emulator.RouteRoleBindings
	routeBindingList   = "GET " + emulator.RouteRoleBindings
	routeBindingGet    = "GET " + emulator.RouteRoleBinding
	routeBindingPatch  = "PATCH " + emulator.RouteRoleBinding
	routeBindingDelete = "DELETE " + emulator.RouteRoleBinding
)

// bindingAdminRoleID is the predefined Admin role, which the emulator seeds
// with the GO SDK example's ID.
const bindingAdminRoleID = "Um9sZToxOmFkbWlu" // Role:1:admin

// A project's ID, made up: the emulator's PROJECT bindings still take any ID
// that is not a space's (CONTRACT.md, Role bindings), so these tests need no
// project.
const bindingProjectID = "UHJvamVjdDo1OmFCY0Q=" // Project:5:aBcD

// bindingWorld is what the binding tests bind: an emulator whose clock moves
// a millisecond per reading (so that a PATCH always moves updated_at), two
// spaces of one organization, and a custom role made outside Terraform:
// arize_role_binding must not depend on the arize_role resource.
type bindingWorld struct {
	env              *accEnv
	emu              *emulator.Server
	orgID            string
	spaceA, spaceB   string
	reviewerRoleID   string
	reviewerRoleName string
}

func newBindingWorld(t *testing.T) *bindingWorld {
	t.Helper()
	var ticks atomic.Int64
	start := time.Now().UTC()
	env := newAccEnv(t, func(o *emulator.Options) {
		o.Now = func() time.Time { return start.Add(time.Duration(ticks.Add(1)) * time.Millisecond) }
	})
	emu := env.emulator(t)
	org, err := emu.PutOrganization("tf-acc-bindings", "")
	if err != nil {
		t.Fatal(err)
	}
	w := &bindingWorld{env: env, emu: emu, orgID: org.ID, reviewerRoleName: "tf-acc-reviewer"}
	for _, s := range []*string{&w.spaceA, &w.spaceB} {
		sp, err := emu.PutSpace(org.ID, fmt.Sprintf("space-%p", s), "", false)
		if err != nil {
			t.Fatal(err)
		}
		*s = sp.ID
	}
	role, err := emu.PutRole(emulator.Role{Name: w.reviewerRoleName, Permissions: []string{"PROJECT_READ", "PROJECT_SPAN_ANNOTATE"}})
	if err != nil {
		t.Fatal(err)
	}
	w.reviewerRoleID = role.ID
	return w
}

// config is a configuration of arize_role_binding.test.
func (w *bindingWorld) config(userID, resourceType, resourceID, roleID string) string {
	return w.env.config(bindingBlock(userID, resourceType, resourceID, roleID))
}

// bindingBlock is the resource block of arize_role_binding.test.
func bindingBlock(userID, resourceType, resourceID, roleID string) string {
	return fmt.Sprintf(`resource "arize_role_binding" "test" {
  user_id       = %q
  resource_type = %q
  resource_id   = %q
  role_id       = %q
}
`, userID, resourceType, resourceID, roleID)
}

func bindingAttr(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(bindingAddr, tfjsonpath.New(name), v)
}

// bindingStoredAs checks the emulator holds the binding in state as
// userID's role roleID on the resource: it proves what reached the server.
func bindingStoredAs(emu *emulator.Server, userID, resourceType, resourceID, roleID string) statecheck.StateCheck {
	return bindingCheck{emu: emu, check: func(b emulator.RoleBinding) error {
		if b.UserID != userID || b.ResourceType != resourceType || b.ResourceID != resourceID || b.RoleID != roleID {
			return fmt.Errorf("stored as %+v, want user %s, %s %s, role %s", b, userID, resourceType, resourceID, roleID)
		}
		return nil
	}}
}

type bindingCheck struct {
	emu   *emulator.Server
	check func(emulator.RoleBinding) error
}

func (c bindingCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	id, err := stateID(req.State, bindingAddr)
	if err != nil {
		resp.Error = err
		return
	}
	b, ok := c.emu.RoleBinding(id)
	if !ok {
		resp.Error = fmt.Errorf("%s: the emulator holds no role binding %s", bindingAddr, id)
		return
	}
	if err := c.check(b); err != nil {
		resp.Error = fmt.Errorf("%s: %w", bindingAddr, err)
	}
}

// bindingsHeld checks the emulator holds n bindings.
func bindingsHeld(emu *emulator.Server, n int) statecheck.StateCheck {
	return exampleStored{check: func() error {
		if got := emu.RoleBindings(); len(got) != n {
			return fmt.Errorf("the emulator holds %d role bindings, want %d: %+v", len(got), n, got)
		}
		return nil
	}}
}

// bindingWrites checks how many creates, updates and deletes of bindings the
// emulator served.
func bindingWrites(emu *emulator.Server, posts, patches, deletes int) statecheck.StateCheck {
	return expectRequests(emu, map[string]int{routeBindingPost: posts, routeBindingPatch: patches, routeBindingDelete: deletes})
}

func expectBindingAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(bindingAddr, action)}}
}

// TestAccRoleBinding_lifecycle binds a user to a space with a predefined
// role, changes the role to a custom one in place, moves the binding to
// another space, another user and a project (each a replacement), and
// destroys it: each with the requests it needs and no more, and an empty
// plan after each.
func TestAccRoleBinding_lifecycle(t *testing.T) {
	w := newBindingWorld(t)
	emu := w.emu
	// The ID and created_at stay through the role change; each
	// replacement makes a new ID.
	sameID := statecheck.CompareValue(compare.ValuesSame())
	sameCreatedAt := statecheck.CompareValue(compare.ValuesSame())
	newID := statecheck.CompareValue(compare.ValuesDiffer())
	reset := func() { emu.ResetCounters() }
	accTest(t,
		resource.TestStep{
			Config:           w.config(testUserCarol, "SPACE", w.spaceA, bindingAdminRoleID),
			ConfigPlanChecks: expectBindingAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(bindingAddr, tfjsonpath.New("id")),
				sameCreatedAt.AddStateValue(bindingAddr, tfjsonpath.New("created_at")),
				// Create is one POST whose answer is the state: no read
				// after it, and no look-up.
				expectRequests(emu, map[string]int{routeBindingPost: 1, routeBindingGet: 0, routeBindingList: 0}),
				bindingAttr("id", knownvalue.StringRegexp(regexp.MustCompile(`^[A-Za-z0-9+/]+=*$`))),
				bindingAttr("user_id", knownvalue.StringExact(testUserCarol)),
				bindingAttr("resource_type", knownvalue.StringExact("SPACE")),
				bindingAttr("resource_id", knownvalue.StringExact(w.spaceA)),
				bindingAttr("role_id", knownvalue.StringExact(bindingAdminRoleID)),
				bindingAttr("created_at", knownvalue.StringRegexp(rfc3339Millis)),
				statecheck.CompareValuePairs(bindingAddr, tfjsonpath.New("created_at"), bindingAddr, tfjsonpath.New("updated_at"), compare.ValuesSame()),
				bindingStoredAs(emu, testUserCarol, "SPACE", w.spaceA, bindingAdminRoleID),
			},
		},
		resource.TestStep{
			// Read is one GET.
			PreConfig:    reset,
			RefreshState: true,
			Check: func(*terraform.State) error {
				if got, total := emu.Count("GET", emulator.RouteRoleBinding), emu.Total(); got != 1 || total != 1 {
					return fmt.Errorf("a refresh made %d GETs of %d requests, want 1 of 1: %v", got, total, emu.Requests())
				}
				return nil
			},
		},
		resource.TestStep{
			// A custom role, in place: one PATCH, which moves updated_at.
			PreConfig: reset,
			Config:    w.config(testUserCarol, "SPACE", w.spaceA, w.reviewerRoleID),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(bindingAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectUnknownValue(bindingAddr, tfjsonpath.New("updated_at")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(bindingAddr, tfjsonpath.New("id")),
				sameCreatedAt.AddStateValue(bindingAddr, tfjsonpath.New("created_at")),
				newID.AddStateValue(bindingAddr, tfjsonpath.New("id")),
				bindingWrites(emu, 0, 1, 0),
				bindingAttr("role_id", knownvalue.StringExact(w.reviewerRoleID)),
				statecheck.CompareValuePairs(bindingAddr, tfjsonpath.New("created_at"), bindingAddr, tfjsonpath.New("updated_at"), compare.ValuesDiffer()),
				bindingStoredAs(emu, testUserCarol, "SPACE", w.spaceA, w.reviewerRoleID),
				bindingsHeld(emu, 1),
			},
		},
		resource.TestStep{
			// Another space replaces it: one DELETE, then one POST.
			PreConfig:        reset,
			Config:           w.config(testUserCarol, "SPACE", w.spaceB, w.reviewerRoleID),
			ConfigPlanChecks: expectBindingAction(plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				newID.AddStateValue(bindingAddr, tfjsonpath.New("id")),
				bindingWrites(emu, 1, 0, 1),
				bindingStoredAs(emu, testUserCarol, "SPACE", w.spaceB, w.reviewerRoleID),
				bindingsHeld(emu, 1),
			},
		},
		resource.TestStep{
			// Another user replaces it.
			PreConfig:        reset,
			Config:           w.config(testUserBob, "SPACE", w.spaceB, w.reviewerRoleID),
			ConfigPlanChecks: expectBindingAction(plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				newID.AddStateValue(bindingAddr, tfjsonpath.New("id")),
				bindingWrites(emu, 1, 0, 1),
				bindingStoredAs(emu, testUserBob, "SPACE", w.spaceB, w.reviewerRoleID),
				bindingsHeld(emu, 1),
			},
		},
		resource.TestStep{
			// A project, with a predefined role again: replaced.
			PreConfig:        reset,
			Config:           w.config(testUserBob, "PROJECT", bindingProjectID, bindingAdminRoleID),
			ConfigPlanChecks: expectBindingAction(plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				newID.AddStateValue(bindingAddr, tfjsonpath.New("id")),
				bindingWrites(emu, 1, 0, 1),
				bindingAttr("resource_type", knownvalue.StringExact("PROJECT")),
				bindingStoredAs(emu, testUserBob, "PROJECT", bindingProjectID, bindingAdminRoleID),
				bindingsHeld(emu, 1),
			},
		},
		resource.TestStep{
			// Destroyed with one DELETE when its block goes.
			PreConfig:         reset,
			Config:            w.env.config(""),
			ConfigPlanChecks:  expectBindingAction(plancheck.ResourceActionDestroy),
			ConfigStateChecks: []statecheck.StateCheck{bindingWrites(emu, 0, 0, 1), bindingsHeld(emu, 0)},
		},
	)
}

// TestAccRoleBinding_alreadyBound: a create for a user who already holds a
// binding on the resource fails with the API's 409, names that binding and
// says how to import it; nothing changes in Arize.
func TestAccRoleBinding_alreadyBound(t *testing.T) {
	w := newBindingWorld(t)
	emu := w.emu
	held, err := emu.PutRoleBinding(emulator.RoleBinding{RoleID: bindingAdminRoleID, UserID: testUserCarol, ResourceType: "SPACE", ResourceID: w.spaceA})
	if err != nil {
		t.Fatal(err)
	}
	accTest(t, resource.TestStep{
		Config: w.config(testUserCarol, "SPACE", w.spaceA, w.reviewerRoleID),
		ExpectError: wrappedRegexp(`Could not create the Arize role binding[\s\S]*` +
			regexp.QuoteMeta(fmt.Sprintf("User %s already holds a role binding on SPACE %s: %s, with role %s.",
				testUserCarol, w.spaceA, held.ID, bindingAdminRoleID)) + `[\s\S]*` +
			`one binding per user and resource[\s\S]*` +
			regexp.QuoteMeta(fmt.Sprintf(`import { to = arize_role_binding.<name>, id = %q }`, held.ID)) + `[\s\S]*` +
			regexp.QuoteMeta(fmt.Sprintf(`terraform import arize_role_binding.<name> %s`, held.ID)) + `[\s\S]*409`),
	})
	if bindings := emu.RoleBindings(); len(bindings) != 1 || bindings[0] != held {
		t.Errorf("the clash changed the bindings: %+v", bindings)
	}
	// The POST, then the one list that finds the binding held.
	if posts, lists := emu.Count("POST", emulator.RouteRoleBindings), emu.Count("GET", emulator.RouteRoleBindings); posts != 1 || lists != 1 {
		t.Errorf("%d POSTs and %d lists, want 1 and 1: %v", posts, lists, emu.Requests())
	}
}

// TestBindingConflictDetail: without the binding held (the look-up failed
// or found nothing), the advice still says how to import and find it.
func TestBindingConflictDetail(t *testing.T) {
	in := arize.RoleBindingCreateRequest{RoleID: "r", UserID: "VXNlcjozOmNDY0M=", ResourceType: arize.RoleBindingProject, ResourceID: "p"}
	apiErr := errors.New("POST /v2/role-bindings: 409 Conflict")
	unnamed := bindingConflictDetail(in, nil, apiErr)
	for _, want := range []string{
		"User VXNlcjozOmNDY0M= already holds a role binding on PROJECT p.",
		`import { to = arize_role_binding.<name>, id = "<binding id>" }`,
		"'terraform import arize_role_binding.<name> <binding id>'",
		`terraform query with the arize_role_binding list resource (user_id = "VXNlcjozOmNDY0M=")`,
		apiErr.Error(),
	} {
		if !strings.Contains(unnamed, want) {
			t.Errorf("the detail lacks %q:\n%s", want, unnamed)
		}
	}
	named := bindingConflictDetail(in, &arize.RoleBinding{ID: "Um9sZUJpbmRpbmc6MTphQmNE", RoleID: "Um9sZToxOmFkbWlu"}, apiErr)
	for _, want := range []string{
		"on PROJECT p: Um9sZUJpbmRpbmc6MTphQmNE, with role Um9sZToxOmFkbWlu.",
		"'terraform import arize_role_binding.<name> Um9sZUJpbmRpbmc6MTphQmNE'",
	} {
		if !strings.Contains(named, want) {
			t.Errorf("the detail lacks %q:\n%s", want, named)
		}
	}
}

// TestAccRoleBinding_createOutcomeUnknown: the create commits in Arize but
// its answer is lost. The provider finds the user's binding on the space by
// listing instead of sending the create again: exactly one binding exists,
// and it is the one in state.
func TestAccRoleBinding_createOutcomeUnknown(t *testing.T) {
	w := newBindingWorld(t)
	emu := w.emu
	accTest(t, resource.TestStep{
		PreConfig: func() { emu.DropNext(1, true) },
		Config:    w.config(testUserCarol, "SPACE", w.spaceA, w.reviewerRoleID),
		ConfigStateChecks: []statecheck.StateCheck{
			expectRequests(emu, map[string]int{routeBindingPost: 1, routeBindingList: 1}),
			bindingsHeld(emu, 1),
			bindingStoredAs(emu, testUserCarol, "SPACE", w.spaceA, w.reviewerRoleID),
			exampleStored{check: func() error {
				if n := emu.Injected()[emulator.InjectedDropAfterCommit]; n != 1 {
					return fmt.Errorf("the emulator dropped %d answers, want 1: %v", n, emu.Injected())
				}
				return nil
			}},
		},
	})
}

// TestAccRoleBinding_importCreated imports a binding Terraform created, by
// 'terraform import' and by an import block: the imported state is the
// created one.
func TestAccRoleBinding_importCreated(t *testing.T) {
	w := newBindingWorld(t)
	config := w.config(testUserDana, "SPACE", w.spaceA, w.reviewerRoleID)
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			ResourceName:      bindingAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			Config:          config,
			ResourceName:    bindingAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
		},
	)
}

// TestAccRoleBinding_importMadeOutside imports a binding made outside
// Terraform by its ID, with 'terraform import' and with an import block into
// a configuration that says what it is: the plan imports it and changes
// nothing, and nothing is written to Arize.
func TestAccRoleBinding_importMadeOutside(t *testing.T) {
	w := newBindingWorld(t)
	emu := w.emu
	made, err := emu.PutRoleBinding(emulator.RoleBinding{RoleID: w.reviewerRoleID, UserID: testUserBob, ResourceType: "PROJECT", ResourceID: bindingProjectID})
	if err != nil {
		t.Fatal(err)
	}
	resourceBlock := bindingBlock(testUserBob, "PROJECT", bindingProjectID, w.reviewerRoleID)
	stamp := made.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z")
	accTest(t,
		resource.TestStep{
			Config:        w.env.config(resourceBlock),
			ResourceName:  bindingAddr,
			ImportState:   true,
			ImportStateId: made.ID,
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				if len(states) != 1 {
					return fmt.Errorf("imported %d states", len(states))
				}
				want := map[string]string{
					"id": made.ID, "user_id": testUserBob, "resource_type": "PROJECT", "resource_id": bindingProjectID,
					"role_id": w.reviewerRoleID, "created_at": stamp, "updated_at": stamp,
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
			Config: w.env.config(fmt.Sprintf("import {\n  to = arize_role_binding.test\n  id = %q\n}\n", made.ID) + resourceBlock),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(bindingAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				bindingAttr("id", knownvalue.StringExact(made.ID)),
				bindingWrites(emu, 0, 0, 0),
			},
		},
	)
}

// TestAccRoleBinding_importByIdentity imports a binding made outside
// Terraform by its resource identity, which needs Terraform 1.12.
func TestAccRoleBinding_importByIdentity(t *testing.T) {
	w := newBindingWorld(t)
	emu := w.emu
	made, err := emu.PutRoleBinding(emulator.RoleBinding{RoleID: bindingAdminRoleID, UserID: testUserAlice, ResourceType: "SPACE", ResourceID: w.spaceB})
	if err != nil {
		t.Fatal(err)
	}
	resourceBlock := bindingBlock(testUserAlice, "SPACE", w.spaceB, bindingAdminRoleID)
	accTestFrom(t, tfversion.Version1_12_0,
		resource.TestStep{
			Config: w.env.config(fmt.Sprintf("import {\n  to = arize_role_binding.test\n  identity = {\n    id = %q\n  }\n}\n", made.ID) + resourceBlock),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(bindingAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(bindingAddr, map[string]knownvalue.Check{"id": knownvalue.StringExact(made.ID)}),
				statecheck.ExpectIdentityValueMatchesState(bindingAddr, tfjsonpath.New("id")),
				bindingAttr("role_id", knownvalue.StringExact(bindingAdminRoleID)),
				bindingWrites(emu, 0, 0, 0),
			},
		},
		resource.TestStep{
			// The framework's own identity import, from the state above.
			Config:          w.env.config(resourceBlock),
			ResourceName:    bindingAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		},
	)
}

// TestAccRoleBinding_disappears: a binding that ends outside Terraform, by
// its own delete or by its user's removal from the space, is dropped from
// state by the next refresh, and the plan creates it again.
func TestAccRoleBinding_disappears(t *testing.T) {
	for name, end := range map[string]func(w *bindingWorld, id string) error{
		"deleted": func(w *bindingWorld, id string) error {
			if !w.emu.RemoveRoleBinding(id) {
				return fmt.Errorf("no binding %s to remove", id)
			}
			return nil
		},
		"user removed from the space": func(w *bindingWorld, _ string) error {
			if !w.emu.RemoveSpaceMember(w.spaceA, testUserCarol) {
				return errors.New("carol was not a member of the space")
			}
			return nil
		},
	} {
		t.Run(name, func(t *testing.T) {
			w := newBindingWorld(t)
			emu := w.emu
			// Carol is a member of the space, as she would be to work in it.
			if _, err := emu.PutOrganizationMember(w.orgID, testUserCarol, emulator.MemberRole{Type: "PREDEFINED", Name: "MEMBER"}); err != nil {
				t.Fatal(err)
			}
			if _, err := emu.PutSpaceMember(w.spaceA, testUserCarol, emulator.MemberRole{Type: "PREDEFINED", Name: "MEMBER"}); err != nil {
				t.Fatal(err)
			}
			config := w.config(testUserCarol, "SPACE", w.spaceA, w.reviewerRoleID)
			accTest(t,
				resource.TestStep{Config: config},
				resource.TestStep{
					PreConfig: func() {
						bindings := emu.RoleBindings()
						if len(bindings) != 1 {
							t.Fatalf("the emulator holds %+v, want the one binding", bindings)
						}
						if err := end(w, bindings[0].ID); err != nil {
							t.Fatal(err)
						}
						if n := len(emu.RoleBindings()); n != 0 {
							t.Fatalf("the binding outlived its end: %d held", n)
						}
						emu.ResetCounters()
					},
					Config:           config,
					ConfigPlanChecks: expectBindingAction(plancheck.ResourceActionCreate),
					ConfigStateChecks: []statecheck.StateCheck{
						bindingWrites(emu, 1, 0, 0),
						bindingsHeld(emu, 1),
						bindingStoredAs(emu, testUserCarol, "SPACE", w.spaceA, w.reviewerRoleID),
					},
				},
			)
		})
	}
}

// roleBindingPlanTimeErrors are configurations every one of which must be
// refused at plan time, on the attribute that is wrong, before any API call.
var roleBindingPlanTimeErrors = []struct {
	name   string
	body   string // the resource block's attributes
	expect string // a regexp over Terraform's error output
}{
	{"resource_type in lower case", `user_id = "u"
  resource_type = "space"
  resource_id = "s"
  role_id = "r"`, `Attribute resource_type value must be one of: \["SPACE" "PROJECT"\], got: "space"`},
	{"resource_type ORGANIZATION", `user_id = "u"
  resource_type = "ORGANIZATION"
  resource_id = "s"
  role_id = "r"`, `Attribute resource_type value must be one of: \["SPACE" "PROJECT"\], got: "ORGANIZATION"`},
	{"empty user_id", `user_id = ""
  resource_type = "SPACE"
  resource_id = "s"
  role_id = "r"`, `Attribute user_id string length must be at least 1, got: 0`},
	{"empty resource_id", `user_id = "u"
  resource_type = "PROJECT"
  resource_id = ""
  role_id = "r"`, `Attribute resource_id string length must be at least 1, got: 0`},
	{"empty role_id", `user_id = "u"
  resource_type = "SPACE"
  resource_id = "s"
  role_id = ""`, `Attribute role_id string length must be at least 1, got: 0`},
	{"blank role_id", `user_id = "u"
  resource_type = "SPACE"
  resource_id = "s"
  role_id = "  "`, `Blank value[\s\S]*role_id must contain a character other than white space`},
	{"no role_id", `user_id = "u"
  resource_type = "SPACE"
  resource_id = "s"`, `The argument "role_id" is required`},
}

func TestAccRoleBinding_planTimeValidation(t *testing.T) {
	for _, tc := range roleBindingPlanTimeErrors {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			accTest(t, resource.TestStep{
				Config:      env.config("resource \"arize_role_binding\" \"test\" {\n  " + tc.body + "\n}\n"),
				PlanOnly:    true,
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); n != 0 {
				t.Errorf("plan-time error made %d API calls: %v", n, emu.Requests())
			}
		})
	}
}

// TestAccRoleBinding_unknownRole: a role that does not exist fails the
// role change with Arize's 404 and what it may mean, and changes nothing:
// the configuration before it still plans empty.
func TestAccRoleBinding_unknownRole(t *testing.T) {
	w := newBindingWorld(t)
	emu := w.emu
	const missingRole = "Um9sZTo5OTpub25l" // Role:99:none
	config := w.config(testUserDana, "SPACE", w.spaceB, w.reviewerRoleID)
	accTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			Config: w.config(testUserDana, "SPACE", w.spaceB, missingRole),
			ExpectError: wrappedRegexp(`Could not update the Arize role binding[\s\S]*` +
				regexp.QuoteMeta("Either the role "+missingRole+" does not exist") + `[\s\S]*404`),
		},
		resource.TestStep{
			Config:            config,
			ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: []statecheck.StateCheck{bindingStoredAs(emu, testUserDana, "SPACE", w.spaceB, w.reviewerRoleID), bindingsHeld(emu, 1)},
		},
	)
}

// TestRoleBinding_deleteGoneIsDone applies the destroy of a binding that
// no longer exists in Arize, as when it ended between the plan and the
// apply: the one DELETE's 404 means done, not an error.
func TestRoleBinding_deleteGoneIsDone(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey, "max_retries": 0}))

	schema := p.resourceSchema(roleBindingType)
	typ := schema.ValueType()
	resp, err := p.server.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{
		TypeName:     roleBindingType,
		PriorState:   p.dynamic(schema, tfValue(t, typ, roleBindingState(nil))),
		PlannedState: p.dynamic(schema, tftypes.NewValue(typ, nil)),
		Config:       p.dynamic(schema, tftypes.NewValue(typ, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	expectNoErrors(t, resp.Diagnostics)
	if n, total := emu.Count("DELETE", emulator.RouteRoleBinding), emu.Total(); n != 1 || total != 1 {
		t.Errorf("the destroy made %d DELETEs of %d requests, want 1 of 1: %v", n, total, emu.Requests())
	}
	if state, err := resp.NewState.Unmarshal(typ); err != nil || !state.IsNull() {
		t.Errorf("the destroy left state %v (%v), want none", state, err)
	}
}
