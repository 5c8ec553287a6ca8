package arize

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// The role binding endpoints against the emulator: what each call sends and
// reads back, the list and its required resource type, the look-up by user
// and resource, and how a create of unknown outcome ends.

// The predefined Admin role the emulator seeds, the GO SDK example's id.
const adminRoleID = "Um9sZToxOmFkbWlu" // Role:1:admin

// bindingFixture is an emulator with two users, a space and a custom role to
// bind, in dialect, on a clock that moves one second per reading, so that a
// change shows in updated_at.
type bindingFixture struct {
	*fixture
	carol, dana string
	spaceID     string
	reviewerID  string
}

func newBindingFixture(t *testing.T, dialect emulator.Dialect) *bindingFixture {
	t.Helper()
	var ticks atomic.Int64
	f := newFixtureOpts(t, emulator.Options{
		Dialect: dialect,
		Now:     func() time.Time { return fixedNow.Add(time.Duration(ticks.Add(1)) * time.Second) },
		Users: []emulator.User{
			{Email: "carol@example.com", Name: "Carol"},
			{Email: "dana@example.com", Name: "Dana"},
		},
	})
	users := f.emu.Users()
	org, err := f.emu.PutOrganization("org", "")
	if err != nil {
		t.Fatal(err)
	}
	sp, err := f.emu.PutSpace(org.ID, "reviews", "", false)
	if err != nil {
		t.Fatal(err)
	}
	reviewer, err := f.emu.PutRole(emulator.Role{Name: "Reviewer", Permissions: []string{"PROJECT_READ", "PROJECT_SPAN_ANNOTATE"}})
	if err != nil {
		t.Fatal(err)
	}
	return &bindingFixture{fixture: f, carol: users[0].ID, dana: users[1].ID, spaceID: sp.ID, reviewerID: reviewer.ID}
}

// TestRoleBindingLifecycle runs in both dialects: resource_type has no older
// spelling, so the published page's server reads and answers it alike.
func TestRoleBindingLifecycle(t *testing.T) {
	for _, dialect := range []emulator.Dialect{emulator.DialectToday, emulator.DialectPublished} {
		t.Run(string(dialect), func(t *testing.T) {
			f := newBindingFixture(t, dialect)
			ctx := context.Background()

			in := RoleBindingCreateRequest{RoleID: f.reviewerID, UserID: f.carol, ResourceType: RoleBindingSpace, ResourceID: f.spaceID}
			created, err := f.c.CreateRoleBinding(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			if created.ID == "" || created.RoleID != f.reviewerID || created.UserID != f.carol ||
				created.ResourceType != RoleBindingSpace || created.ResourceID != f.spaceID ||
				created.CreatedAt == "" || created.UpdatedAt != created.CreatedAt {
				t.Fatalf("CreateRoleBinding = %s", dump(created))
			}
			stored, ok := f.emu.RoleBinding(created.ID)
			if !ok || stored.RoleID != f.reviewerID || stored.UserID != f.carol || stored.ResourceType != "SPACE" || stored.ResourceID != f.spaceID {
				t.Fatalf("the emulator holds %+v", stored)
			}
			got, err := f.c.GetRoleBinding(ctx, created.ID)
			if err != nil || *got != *created {
				t.Fatalf("GetRoleBinding = %s, %v; want %s", dump(got), err, dump(created))
			}

			updated, err := f.c.UpdateRoleBinding(ctx, created.ID, adminRoleID)
			if err != nil {
				t.Fatal(err)
			}
			if updated.ID != created.ID || updated.RoleID != adminRoleID || updated.CreatedAt != created.CreatedAt || updated.UpdatedAt == created.UpdatedAt ||
				updated.UserID != f.carol || updated.ResourceID != f.spaceID {
				t.Errorf("UpdateRoleBinding = %s; want the admin role, the same binding, updated_at moved", dump(updated))
			}
			if stored, _ := f.emu.RoleBinding(created.ID); stored.RoleID != adminRoleID {
				t.Errorf("the emulator holds role %s, want %s", stored.RoleID, adminRoleID)
			}
			if n := f.emu.Count("PATCH", emulator.RouteRoleBinding); n != 1 {
				t.Errorf("%d PATCHes for one role change", n)
			}

			if err := f.c.DeleteRoleBinding(ctx, created.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := f.c.GetRoleBinding(ctx, created.ID); !IsNotFound(err) {
				t.Errorf("GetRoleBinding after delete: %v; want a 404", err)
			}
			if err := f.c.DeleteRoleBinding(ctx, created.ID); !IsNotFound(err) {
				t.Errorf("second delete: %v; want a 404", err)
			}
			if n := f.emu.RefusedForSpelling(); n != 0 {
				t.Errorf("%d requests refused for their spelling: a binding carries no enum with two spellings", n)
			}
		})
	}
}

// TestUpdateRoleBinding_unknownRole: the API's 404 for a role that does not
// exist reaches the caller, and the binding keeps its role.
func TestUpdateRoleBinding_unknownRole(t *testing.T) {
	f := newBindingFixture(t, emulator.DialectToday)
	b, err := f.emu.PutRoleBinding(emulator.RoleBinding{RoleID: adminRoleID, UserID: f.carol, ResourceType: "SPACE", ResourceID: f.spaceID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.c.UpdateRoleBinding(context.Background(), b.ID, "Um9sZTo5OTpub25l"); !IsNotFound(err) {
		t.Fatalf("err = %v; want a 404", err)
	}
	if stored, _ := f.emu.RoleBinding(b.ID); stored.RoleID != adminRoleID {
		t.Errorf("the failed PATCH changed the role to %s", stored.RoleID)
	}
}

// A second binding of the same user on the same resource is the API's 409,
// final on the first try whatever its role.
func TestCreateRoleBinding_alreadyBound(t *testing.T) {
	f := newBindingFixture(t, emulator.DialectToday)
	held, err := f.emu.PutRoleBinding(emulator.RoleBinding{RoleID: adminRoleID, UserID: f.carol, ResourceType: "SPACE", ResourceID: f.spaceID})
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range []string{adminRoleID, f.reviewerID} {
		_, err := f.c.CreateRoleBinding(context.Background(), RoleBindingCreateRequest{RoleID: role, UserID: f.carol, ResourceType: RoleBindingSpace, ResourceID: f.spaceID})
		if !IsConflict(err) {
			t.Fatalf("role %s: err = %v; want a 409", role, err)
		}
	}
	if n := f.emu.Count("POST", emulator.RouteRoleBindings); n != 2 {
		t.Errorf("%d POSTs for two creates; a 409 on the first try is final", n)
	}
	if n := f.emu.Count("GET", emulator.RouteRoleBindings); n != 0 {
		t.Errorf("%d look-ups; a 409 on the first try is not an unknown outcome", n)
	}
	if bindings := f.emu.RoleBindings(); len(bindings) != 1 || bindings[0].ID != held.ID {
		t.Errorf("the emulator holds %+v; want only %s", bindings, held.ID)
	}
}

// A create whose answer is lost after the server made the binding is
// recovered by finding the user's binding on the resource: one binding, and
// the create is not sent again.
func TestCreateRoleBinding_answerLost(t *testing.T) {
	f := newBindingFixture(t, emulator.DialectToday)
	// Another binding of the user, on another resource, must not be taken
	// for this one.
	if _, err := f.emu.PutRoleBinding(emulator.RoleBinding{RoleID: f.reviewerID, UserID: f.carol, ResourceType: "PROJECT", ResourceID: "UHJvamVjdDo1OmFCY0Q="}); err != nil {
		t.Fatal(err)
	}
	f.emu.DropNext(1, true)
	got, err := f.c.CreateRoleBinding(context.Background(), RoleBindingCreateRequest{
		RoleID: f.reviewerID, UserID: f.carol, ResourceType: RoleBindingSpace, ResourceID: f.spaceID,
	})
	if err != nil {
		t.Fatal(err)
	}
	var made []emulator.RoleBinding
	for _, b := range f.emu.RoleBindings() {
		if b.ResourceType == "SPACE" {
			made = append(made, b)
		}
	}
	if len(made) != 1 || made[0].ID != got.ID || got.RoleID != f.reviewerID || got.ResourceID != f.spaceID {
		t.Fatalf("the emulator holds %+v, the create answered %s; want exactly the adopted binding", made, dump(got))
	}
	if n := f.emu.Count("POST", emulator.RouteRoleBindings); n != 1 {
		t.Errorf("%d POSTs; the lost create must be looked up, not sent again", n)
	}
	if n := f.emu.Injected()[emulator.InjectedDropAfterCommit]; n != 1 {
		t.Errorf("the emulator dropped %d answers after commit, want 1", n)
	}
}

// A binding the lost create did not make (the same user and resource, with
// another role, made in between) is someone else's: the create fails rather
// than adopt it, and names it.
func TestCreateRoleBinding_answerLostBoundOtherwise(t *testing.T) {
	f := newBindingFixture(t, emulator.DialectToday)
	f.emu.DropNext(1, false) // the first try never reaches the server...
	// ...and meanwhile someone else binds the user with another role.
	theirs, err := f.emu.PutRoleBinding(emulator.RoleBinding{RoleID: adminRoleID, UserID: f.carol, ResourceType: "SPACE", ResourceID: f.spaceID})
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.c.CreateRoleBinding(context.Background(), RoleBindingCreateRequest{
		RoleID: f.reviewerID, UserID: f.carol, ResourceType: RoleBindingSpace, ResourceID: f.spaceID,
	})
	if err == nil {
		t.Fatal("CreateRoleBinding adopted a binding it did not make")
	}
	if !errors.Is(err, errOtherOwner) || !strings.Contains(err.Error(), theirs.ID) {
		t.Errorf("err = %v; want errOtherOwner naming %s", err, theirs.ID)
	}
	if bindings := f.emu.RoleBindings(); len(bindings) != 1 || bindings[0] != theirs {
		t.Errorf("the emulator holds %+v; want only theirs, unchanged", bindings)
	}
}

// A dropped first try that the server never saw leaves nothing to find: the
// create is sent again, and makes the one binding.
func TestCreateRoleBinding_droppedBeforeServer(t *testing.T) {
	f := newBindingFixture(t, emulator.DialectToday)
	f.emu.DropNext(1, false)
	got, err := f.c.CreateRoleBinding(context.Background(), RoleBindingCreateRequest{
		RoleID: adminRoleID, UserID: f.dana, ResourceType: RoleBindingSpace, ResourceID: f.spaceID,
	})
	if err != nil {
		t.Fatal(err)
	}
	if bindings := f.emu.RoleBindings(); len(bindings) != 1 || bindings[0].ID != got.ID {
		t.Errorf("the emulator holds %+v; want exactly %s", bindings, got.ID)
	}
}

func TestListRoleBindings(t *testing.T) {
	f := newBindingFixture(t, emulator.DialectPublished)
	ctx := context.Background()
	put := func(user, typ, resource string) emulator.RoleBinding {
		t.Helper()
		b, err := f.emu.PutRoleBinding(emulator.RoleBinding{RoleID: adminRoleID, UserID: user, ResourceType: typ, ResourceID: resource})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	carolSpace := put(f.carol, "SPACE", f.spaceID)
	danaSpace := put(f.dana, "SPACE", f.spaceID)
	var carolProjects []string
	for i := range 5 {
		carolProjects = append(carolProjects, put(f.carol, "PROJECT", fmt.Sprintf("project-%d", i)).ID)
	}

	ids := func(bs []RoleBinding) []string {
		out := make([]string, len(bs))
		for i, b := range bs {
			out[i] = b.ID
		}
		return out
	}
	spaces, err := f.c.ListRoleBindings(ctx, RoleBindingListOptions{ResourceType: RoleBindingSpace})
	if err != nil || fmt.Sprint(ids(spaces)) != fmt.Sprint([]string{carolSpace.ID, danaSpace.ID}) {
		t.Errorf("SPACE bindings = %v, %v; want carol's and dana's", ids(spaces), err)
	}
	danas, err := f.c.ListRoleBindings(ctx, RoleBindingListOptions{ResourceType: RoleBindingSpace, UserID: f.dana})
	if err != nil || len(danas) != 1 || danas[0].ID != danaSpace.ID {
		t.Errorf("dana's SPACE bindings = %v, %v", ids(danas), err)
	}

	// Pages of two, followed by hand.
	f.emu.ResetCounters()
	var paged []RoleBinding
	cursor := ""
	for {
		items, p, err := f.c.ListRoleBindingsPage(ctx, RoleBindingListOptions{ResourceType: RoleBindingProject, UserID: f.carol, Limit: 2}, cursor)
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, items...)
		if !p.HasMore {
			break
		}
		cursor = p.NextCursor
	}
	if fmt.Sprint(ids(paged)) != fmt.Sprint(carolProjects) {
		t.Errorf("PROJECT pages = %v, want %v", ids(paged), carolProjects)
	}
	if n := f.emu.Count("GET", emulator.RouteRoleBindings); n != 3 {
		t.Errorf("%d pages of 2 for 5 bindings, want 3", n)
	}
	for _, b := range paged {
		if b.ResourceType != RoleBindingProject {
			t.Errorf("a PROJECT binding reads back as %q", b.ResourceType)
		}
	}

	// The API requires a resource type: no request is sent without one.
	f.emu.ResetCounters()
	if _, err := f.c.ListRoleBindings(ctx, RoleBindingListOptions{UserID: f.carol}); !errors.Is(err, errNoResourceType) {
		t.Errorf("a list without a resource type: %v", err)
	}
	if _, _, err := f.c.ListRoleBindingsPage(ctx, RoleBindingListOptions{}, ""); !errors.Is(err, errNoResourceType) {
		t.Errorf("a page without a resource type: %v", err)
	}
	if n := f.emu.Total(); n != 0 {
		t.Errorf("%d requests for lists the API would refuse", n)
	}
}

func TestFindRoleBinding(t *testing.T) {
	f := newBindingFixture(t, emulator.DialectToday)
	ctx := context.Background()
	onSpace, err := f.emu.PutRoleBinding(emulator.RoleBinding{RoleID: f.reviewerID, UserID: f.carol, ResourceType: "SPACE", ResourceID: f.spaceID})
	if err != nil {
		t.Fatal(err)
	}
	// More of carol's PROJECT bindings than one page holds, the wanted one
	// last, so that the look-up must follow the cursor.
	var last emulator.RoleBinding
	for i := range maxPageSize + 1 {
		if last, err = f.emu.PutRoleBinding(emulator.RoleBinding{RoleID: adminRoleID, UserID: f.carol, ResourceType: "PROJECT", ResourceID: fmt.Sprintf("project-%03d", i)}); err != nil {
			t.Fatal(err)
		}
	}

	got, err := f.c.FindRoleBinding(ctx, f.carol, RoleBindingSpace, f.spaceID)
	if err != nil || got == nil || got.ID != onSpace.ID || got.RoleID != f.reviewerID {
		t.Errorf("FindRoleBinding(SPACE) = %s, %v; want %s", dump(got), err, onSpace.ID)
	}
	f.emu.ResetCounters()
	got, err = f.c.FindRoleBinding(ctx, f.carol, RoleBindingProject, last.ResourceID)
	if err != nil || got == nil || got.ID != last.ID {
		t.Errorf("FindRoleBinding(PROJECT, last) = %s, %v; want %s", dump(got), err, last.ID)
	}
	if n := f.emu.Count("GET", emulator.RouteRoleBindings); n != 2 {
		t.Errorf("%d list requests for %d bindings, want 2 pages of the largest size", n, maxPageSize+1)
	}

	for name, c := range map[string]struct {
		user     string
		typ      RoleBindingResourceType
		resource string
	}{
		"another user's resource": {f.dana, RoleBindingSpace, f.spaceID},
		"the space as a PROJECT":  {f.carol, RoleBindingProject, f.spaceID},
		"an unknown user":         {"VXNlcjo5OTpub25l", RoleBindingSpace, f.spaceID},
	} {
		if got, err := f.c.FindRoleBinding(ctx, c.user, c.typ, c.resource); err != nil || got != nil {
			t.Errorf("%s: FindRoleBinding = %s, %v; want none", name, dump(got), err)
		}
	}
}
