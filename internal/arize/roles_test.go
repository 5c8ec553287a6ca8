package arize

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// The role endpoints against the emulator: what each call sends, what it
// reads back, and how a create of unknown outcome ends.

// recordedFixture is a fixture whose requests a recorder keeps, to check
// what reached the server: bodies and query strings.
func recordedFixture(t *testing.T) (*fixture, *recorder) {
	t.Helper()
	emu := emulator.New(emulator.Options{APIKey: testKey, Spaces: testSpaces, Now: func() time.Time { return fixedNow }})
	rec := &recorder{next: emu}
	hs := httptest.NewServer(rec)
	t.Cleanup(hs.Close)
	return &fixture{emu: emu, url: hs.URL, c: newClient(t, hs.URL)}, rec
}

// sent returns the recorded requests of method to path (unescaped).
func sent(rec *recorder, method, path string) []seenRequest {
	var out []seenRequest
	for _, r := range rec.requests() {
		if r.Method == method && r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// noNameFilter fails the test for a role list sent with a name filter, which
// the API does not have (the emulator answers it with a 400).
func noNameFilter(t *testing.T, rec *recorder) {
	t.Helper()
	for _, r := range sent(rec, http.MethodGet, rolesPath) {
		q, err := url.ParseQuery(r.Query)
		if err != nil || q.Has("name") {
			t.Errorf("the role list was sent with query %q; the API has no name filter", r.Query)
		}
	}
}

func TestRoleLifecycle(t *testing.T) {
	f, rec := recordedFixture(t)
	ctx := context.Background()

	// Sent out of order and with a repeat: the API answers the set sorted.
	created, err := f.c.CreateRole(ctx, RoleCreateRequest{
		Name: "Prompt engineer", Description: "Writes prompts",
		Permissions: []string{"PROMPT_UPDATE", "PROMPT_READ", "PROMPT_UPDATE"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if created.ID == "" || created.Name != "Prompt engineer" || created.Description != "Writes prompts" || created.IsPredefined ||
		!slices.Equal(created.Permissions, []string{"PROMPT_READ", "PROMPT_UPDATE"}) ||
		created.CreatedAt != fixedNowText || created.UpdatedAt != fixedNowText {
		t.Fatalf("CreateRole = %s", dump(created))
	}
	got, err := f.c.GetRole(ctx, created.ID)
	if err != nil || dump(got) != dump(created) {
		t.Fatalf("GetRole = %s, %v; want %s", dump(got), err, dump(created))
	}

	updated, err := f.c.UpdateRole(ctx, created.ID, RoleUpdateRequest{
		Name: Value("Prompt author"), Description: Null[string](), Permissions: Value([]string{"PROMPT_CREATE"}),
	})
	if err != nil {
		t.Fatal(err)
	}
	if updated.Name != "Prompt author" || updated.Description != "" || !slices.Equal(updated.Permissions, []string{"PROMPT_CREATE"}) {
		t.Errorf("UpdateRole = %s; want renamed, no description, the permissions replaced", dump(updated))
	}
	// One PATCH, which cleared the description with null: the emulator
	// took it, so no second try with "".
	patches := sent(rec, http.MethodPatch, rolesPath+"/"+created.ID)
	if len(patches) != 1 || patches[0].Body != `{"name":"Prompt author","description":null,"permissions":["PROMPT_CREATE"]}` {
		t.Errorf("PATCHes sent: %+v", patches)
	}
	if stored, _ := f.emu.Role(created.ID); stored.Name != "Prompt author" || stored.Description != "" {
		t.Errorf("the emulator holds %+v", stored)
	}

	if err := f.c.DeleteRole(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.c.GetRole(ctx, created.ID); !IsNotFound(err) {
		t.Errorf("GetRole after delete: %v; want a 404", err)
	}
	if err := f.c.DeleteRole(ctx, created.ID); !IsNotFound(err) {
		t.Errorf("second delete: %v; want a 404", err)
	}
}

// The create body: no description member when there is none.
func TestCreateRole_body(t *testing.T) {
	f, rec := recordedFixture(t)
	if _, err := f.c.CreateRole(context.Background(), RoleCreateRequest{Name: "n", Permissions: []string{"TAG_READ"}}); err != nil {
		t.Fatal(err)
	}
	posts := sent(rec, http.MethodPost, rolesPath)
	if len(posts) != 1 || posts[0].Body != `{"name":"n","permissions":["TAG_READ"]}` {
		t.Errorf("POSTs sent: %+v", posts)
	}
}

// A PATCH carries only the fields set.
func TestRoleUpdateRequestJSON(t *testing.T) {
	for _, tc := range []struct {
		in   RoleUpdateRequest
		want string
	}{
		{RoleUpdateRequest{Name: Value("n")}, `{"name":"n"}`},
		{RoleUpdateRequest{Description: Null[string]()}, `{"description":null}`},
		{RoleUpdateRequest{Description: Value("d")}, `{"description":"d"}`},
		{RoleUpdateRequest{Permissions: Value([]string{"A", "B"})}, `{"permissions":["A","B"]}`},
		{RoleUpdateRequest{}, `{}`},
	} {
		b, err := json.Marshal(tc.in)
		if err != nil || string(b) != tc.want {
			t.Errorf("%+v marshals to %s, %v; want %s", tc.in, b, err, tc.want)
		}
		if tc.in.IsEmpty() != (tc.want == `{}`) {
			t.Errorf("%s: IsEmpty = %t", tc.want, tc.in.IsEmpty())
		}
	}
}

func TestCreateRole_nameTaken(t *testing.T) {
	f := newFixture(t)
	for _, name := range []string{"taken", "Annotator"} { // a custom role's name, and a predefined one's
		if name == "taken" {
			if _, err := f.emu.PutRole(emulator.Role{Name: name, Permissions: []string{"TAG_READ"}}); err != nil {
				t.Fatal(err)
			}
		}
		f.emu.ResetCounters()
		_, err := f.c.CreateRole(context.Background(), RoleCreateRequest{Name: name, Permissions: []string{"TAG_READ"}})
		if !IsConflict(err) {
			t.Fatalf("%s: err = %v; want a 409", name, err)
		}
		if n := f.emu.Count("POST", emulator.RouteRoles); n != 1 {
			t.Errorf("%s: %d POSTs; a 409 on the first try is final", name, n)
		}
	}
}

// A create whose answer is lost after the server made the role is recovered
// by its name, found by reading the whole list (the API has no name filter):
// one role, and the create is not sent again.
func TestCreateRole_answerLost(t *testing.T) {
	f, rec := recordedFixture(t)
	// Enough roles that the look-up reads a second page.
	for i := range maxPageSize {
		if _, err := f.emu.PutRole(emulator.Role{Name: fmt.Sprintf("bulk-%03d", i), Permissions: []string{"TAG_READ"}}); err != nil {
			t.Fatal(err)
		}
	}
	f.emu.DropNext(1, true)
	got, err := f.c.CreateRole(context.Background(), RoleCreateRequest{
		Name: "lost answer", Description: "d", Permissions: []string{"TAG_UPDATE", "TAG_READ"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var custom []emulator.Role
	for _, r := range f.emu.Roles() {
		if r.Name == "lost answer" {
			custom = append(custom, r)
		}
	}
	if len(custom) != 1 || custom[0].ID != got.ID {
		t.Fatalf("the emulator holds %+v named so; want exactly the adopted %s", custom, got.ID)
	}
	if n := f.emu.Count("POST", emulator.RouteRoles); n != 1 {
		t.Errorf("%d POSTs; the lost create must be looked up, not sent again", n)
	}
	if n := f.emu.Count("GET", emulator.RouteRoles); n != 2 {
		t.Errorf("%d pages read; want the two of the whole list", n)
	}
	noNameFilter(t, rec)
}

// A role of the same name made otherwise is someone else's: the create fails
// rather than adopt it. So does a predefined role, even one whose name,
// description and permissions are those asked for.
func TestCreateRole_answerLostNameTakenOtherwise(t *testing.T) {
	annotator, ok := func() (emulator.Role, bool) {
		for _, r := range emulator.New(emulator.Options{}).Roles() {
			if r.Name == "Annotator" {
				return r, true
			}
		}
		return emulator.Role{}, false
	}()
	if !ok {
		t.Fatal("the emulator has no predefined Annotator role")
	}
	for _, tc := range []struct {
		name  string
		taken *emulator.Role // made by someone else meanwhile; nil: a predefined role has the name
		in    RoleCreateRequest
	}{
		{"other permissions", &emulator.Role{Name: "contested", Permissions: []string{"TAG_READ"}},
			RoleCreateRequest{Name: "contested", Permissions: []string{"TAG_UPDATE"}}},
		{"other description", &emulator.Role{Name: "contested", Description: "theirs", Permissions: []string{"TAG_READ"}},
			RoleCreateRequest{Name: "contested", Description: "ours", Permissions: []string{"TAG_READ"}}},
		{"a predefined role", nil,
			RoleCreateRequest{Name: annotator.Name, Description: annotator.Description, Permissions: annotator.Permissions}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.emu.DropNext(1, false) // the first try never reaches the server...
			if tc.taken != nil {
				// ...and meanwhile someone else takes the name.
				if _, err := f.emu.PutRole(*tc.taken); err != nil {
					t.Fatal(err)
				}
			}
			before := len(f.emu.Roles())
			_, err := f.c.CreateRole(context.Background(), tc.in)
			if err == nil {
				t.Fatal("CreateRole adopted a role it did not make")
			}
			if !errors.Is(err, errOtherOwner) && !IsConflict(err) {
				t.Errorf("err = %v; want a conflict or errOtherOwner", err)
			}
			if n := len(f.emu.Roles()); n != before {
				t.Errorf("the emulator holds %d roles, want %d", n, before)
			}
		})
	}
}

// Recovery compares every field the create sets, permissions as a set.
func TestRoleMadeAs(t *testing.T) {
	in := RoleCreateRequest{Name: "n", Description: "d", Permissions: []string{"B", "A", "B"}}
	same := Role{ID: "x", Name: "n", Description: "d", Permissions: []string{"A", "B"}}
	if !in.madeAs(&same) {
		t.Error("the role made as asked (permissions sorted, without the repeat) is not recognised")
	}
	for name, change := range map[string]func(*Role){
		"name":                func(r *Role) { r.Name = "N" },
		"description":         func(r *Role) { r.Description = "" },
		"a permission less":   func(r *Role) { r.Permissions = []string{"A"} },
		"a permission more":   func(r *Role) { r.Permissions = []string{"A", "B", "C"} },
		"another permission":  func(r *Role) { r.Permissions = []string{"A", "C"} },
		"predefined":          func(r *Role) { r.IsPredefined = true },
		"permissions in case": func(r *Role) { r.Permissions = []string{"a", "b"} },
	} {
		other := same
		other.Permissions = slices.Clone(same.Permissions)
		change(&other)
		if in.madeAs(&other) {
			t.Errorf("a role with another %s is taken for this create's", name)
		}
	}
}

// FindRoleByName reads the whole list with no name filter and keeps the
// exact name only, predefined roles included.
func TestFindRoleByName(t *testing.T) {
	f, rec := recordedFixture(t)
	for i := range maxPageSize + 10 {
		if _, err := f.emu.PutRole(emulator.Role{Name: fmt.Sprintf("reviewer-%03d", i), Permissions: []string{"TAG_READ"}}); err != nil {
			t.Fatal(err)
		}
	}
	want, err := f.emu.PutRole(emulator.Role{Name: "reviewer", Permissions: []string{"TAG_READ"}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	got, err := f.c.FindRoleByName(ctx, "reviewer")
	if err != nil || got == nil || got.ID != want.ID {
		t.Fatalf("FindRoleByName(reviewer) = %s, %v; want %s", dump(got), err, want.ID)
	}
	annotator, err := f.c.FindRoleByName(ctx, "Annotator")
	if err != nil || annotator == nil || !annotator.IsPredefined ||
		!slices.Equal(annotator.Permissions, []string{"QUEUE_READ", "QUEUE_RECORD_ANNOTATE", "QUEUE_RECORD_READ"}) {
		t.Errorf("FindRoleByName(Annotator) = %s, %v; want the predefined role", dump(annotator), err)
	}
	for _, name := range []string{"Reviewer", "review", "reviewer "} {
		if got, err := f.c.FindRoleByName(ctx, name); err != nil || got != nil {
			t.Errorf("FindRoleByName(%q) = %s, %v; want none", name, dump(got), err)
		}
	}
	noNameFilter(t, rec)
	for _, r := range sent(rec, http.MethodGet, rolesPath) {
		if q, _ := url.ParseQuery(r.Query); q.Get("limit") != "100" || q.Has("is_predefined") {
			t.Errorf("the look-up read the list with query %q; want every role at the largest page size", r.Query)
		}
	}
}

func TestListRoles_isPredefined(t *testing.T) {
	f, rec := recordedFixture(t)
	for _, name := range []string{"c1", "c2", "c3"} {
		if _, err := f.emu.PutRole(emulator.Role{Name: name, Permissions: []string{"TAG_READ"}}); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	names := func(roles []Role) []string {
		var out []string
		for _, r := range roles {
			out = append(out, r.Name)
		}
		return out
	}
	custom, err := f.c.ListRoles(ctx, RoleListOptions{IsPredefined: ptr(false), Limit: 2})
	if err != nil || !slices.Equal(names(custom), []string{"c1", "c2", "c3"}) {
		t.Errorf("custom roles = %v, %v", names(custom), err)
	}
	predefined, err := f.c.ListRoles(ctx, RoleListOptions{IsPredefined: ptr(true)})
	if err != nil || !slices.Equal(names(predefined), []string{"Admin", "Member", "Read Only", "Annotator"}) {
		t.Errorf("predefined roles = %v, %v", names(predefined), err)
	}
	all, err := f.c.ListRoles(ctx, RoleListOptions{})
	if err != nil || len(all) != 7 {
		t.Errorf("all roles = %v, %v", names(all), err)
	}
	var queries []string
	for _, r := range sent(rec, http.MethodGet, rolesPath) {
		queries = append(queries, r.Query)
	}
	// The custom list's two pages (the second with its cursor), then the
	// predefined, then both kinds with the API's default page size.
	if len(queries) != 4 || queries[0] != "is_predefined=false&limit=2" || !strings.HasPrefix(queries[1], "cursor=") ||
		!strings.HasSuffix(queries[1], "&is_predefined=false&limit=2") || queries[2] != "is_predefined=true" || queries[3] != "" {
		t.Errorf("queries sent: %q", queries)
	}

	page, p, err := f.c.ListRolesPage(ctx, RoleListOptions{Limit: 5}, "")
	if err != nil || len(page) != 5 || !p.HasMore || p.NextCursor == "" {
		t.Errorf("ListRolesPage = %d roles, %+v, %v; want 5 and more", len(page), p, err)
	}
}

// Arize refuses writes to a predefined role; the emulator answers 400, as
// the Go SDK's README says the server does.
func TestPredefinedRoleIsReadOnly(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	annotator, err := f.c.FindRoleByName(ctx, "Annotator")
	if err != nil || annotator == nil {
		t.Fatalf("no Annotator: %v", err)
	}
	_, err = f.c.UpdateRole(ctx, annotator.ID, RoleUpdateRequest{Name: Value("Labeller")})
	if !hasStatus(err, http.StatusBadRequest) {
		t.Errorf("UpdateRole of a predefined role: %v; want a 400", err)
	}
	if err := f.c.DeleteRole(ctx, annotator.ID); !hasStatus(err, http.StatusBadRequest) || !strings.Contains(err.Error(), "predefined") {
		t.Errorf("DeleteRole of a predefined role: %v; want a 400 that says why", err)
	}
	if got, _ := f.emu.Role(annotator.ID); got.Name != "Annotator" {
		t.Errorf("the predefined role changed: %+v", got)
	}
}

// The server validates permission names against its own enum: one it does
// not know is a 422 naming it, one it knows beyond this client's list is
// taken.
func TestCreateRole_permissionsTheServerKnows(t *testing.T) {
	f := newFixtureOpts(t, emulator.Options{ExtraPermissions: []string{"AGENT_RUN"}})
	ctx := context.Background()
	_, err := f.c.CreateRole(ctx, RoleCreateRequest{Name: "old", Permissions: []string{"TAG_READ", "SERVICE_KEY_DELETE"}})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusUnprocessableEntity || !strings.Contains(apiErr.Detail, "SERVICE_KEY_DELETE") {
		t.Errorf("a permission the server does not know: %v; want a 422 naming it", err)
	}
	if KnownPermission("AGENT_RUN") {
		t.Fatal("the test's newer permission is one the client knows")
	}
	got, err := f.c.CreateRole(ctx, RoleCreateRequest{Name: "new", Permissions: []string{"AGENT_RUN"}})
	if err != nil || !slices.Equal(got.Permissions, []string{"AGENT_RUN"}) {
		t.Errorf("a permission newer than the client's list: %s, %v; want it taken", dump(got), err)
	}
	if n := f.emu.Count("POST", emulator.RouteRoles); n != 2 {
		t.Errorf("%d POSTs; a 422 is final", n)
	}
}

// The client's list is the contract's enum: the emulator's list, written
// from the same table separately, agrees with it name for name.
func TestKnownPermissions(t *testing.T) {
	known := KnownPermissions()
	if len(known) != 132 {
		t.Errorf("the client knows %d permissions, want the enum's 132", len(known))
	}
	if !slices.IsSorted(known) || len(slices.Compact(slices.Clone(known))) != len(known) {
		t.Error("KnownPermissions is not sorted without repeats")
	}
	if emu := emulator.Permissions(); !slices.Equal(known, emu) {
		t.Errorf("the client's permissions differ from the emulator's:\nclient   %v\nemulator %v", known, emu)
	}
	for _, p := range []string{"AI_PROVIDER_READ", "USER_PERMISSION_UPDATE", "SERVICE_KEY_REVOKE", "DATASET_EXAMPLE_ANNOTATE", "MANAGED_AGENT_READ"} {
		if !KnownPermission(p) {
			t.Errorf("%s is not known", p)
		}
	}
	// Renamed to SERVICE_KEY_REVOKE in July 2026; never a read of an LLM
	// integration; no ROLE_* permission; names are upper case.
	for _, p := range []string{"SERVICE_KEY_DELETE", "LLM_INTEGRATION_READ", "ROLE_CREATE", "project_read", ""} {
		if KnownPermission(p) {
			t.Errorf("%q is known", p)
		}
	}
	if got := UnknownPermissions([]string{"TAG_READ", "b_new", "A_NEW", "b_new", "TAG_UPDATE"}); !slices.Equal(got, []string{"A_NEW", "b_new"}) {
		t.Errorf("UnknownPermissions = %v; want [A_NEW b_new]", got)
	}
	if got := UnknownPermissions([]string{"TAG_READ"}); got != nil {
		t.Errorf("UnknownPermissions of known names = %v; want nil", got)
	}
	// The copy is the caller's.
	known[0] = "CHANGED"
	if KnownPermissions()[0] == "CHANGED" {
		t.Error("KnownPermissions returns the client's own list")
	}
}
