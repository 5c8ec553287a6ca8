package arize

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// The project endpoints against the emulator: what each call sends and
// reads back, the list's filters, the exact-name look-up, and how a create
// of unknown outcome ends. Projects carry no enum, so the two dialects
// differ in nothing here; the lifecycle runs in both to show it.

// projectFixture is an emulator with an organization and two spaces to
// put projects in.
type projectFixture struct {
	*fixture
	spaceID, otherSpaceID string
}

func newProjectFixture(t *testing.T, dialect emulator.Dialect) *projectFixture {
	t.Helper()
	f := newFixtureOpts(t, emulator.Options{Dialect: dialect})
	org, err := f.emu.PutOrganization("org", "")
	if err != nil {
		t.Fatal(err)
	}
	sp, err := f.emu.PutSpace(org.ID, "llm apps", "", false)
	if err != nil {
		t.Fatal(err)
	}
	other, err := f.emu.PutSpace(org.ID, "other apps", "", false)
	if err != nil {
		t.Fatal(err)
	}
	return &projectFixture{fixture: f, spaceID: sp.ID, otherSpaceID: other.ID}
}

func TestProjectLifecycle(t *testing.T) {
	for _, dialect := range []emulator.Dialect{emulator.DialectToday, emulator.DialectPublished} {
		t.Run(string(dialect), func(t *testing.T) {
			f := newProjectFixture(t, dialect)
			ctx := context.Background()

			created, err := f.c.CreateProject(ctx, ProjectCreateRequest{Name: "Support bot", SpaceID: f.spaceID})
			if err != nil {
				t.Fatal(err)
			}
			if created.ID == "" || created.Name != "Support bot" || created.SpaceID != f.spaceID || created.CreatedAt != fixedNowText {
				t.Fatalf("CreateProject = %s", dump(created))
			}
			got, err := f.c.GetProject(ctx, created.ID)
			if err != nil || *got != *created {
				t.Fatalf("GetProject = %s, %v; want %s", dump(got), err, dump(created))
			}

			renamed, err := f.c.RenameProject(ctx, created.ID, "Support assistant")
			if err != nil {
				t.Fatal(err)
			}
			if renamed.ID != created.ID || renamed.Name != "Support assistant" || renamed.SpaceID != f.spaceID || renamed.CreatedAt != created.CreatedAt {
				t.Errorf("RenameProject = %s; want the same project, renamed", dump(renamed))
			}
			if stored, _ := f.emu.Project(created.ID); stored.Name != "Support assistant" {
				t.Errorf("the emulator holds %+v", stored)
			}
			if n := f.emu.Count("PATCH", emulator.RouteProject); n != 1 {
				t.Errorf("%d PATCHes, want 1", n)
			}

			if err := f.c.DeleteProject(ctx, created.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := f.c.GetProject(ctx, created.ID); !IsNotFound(err) {
				t.Errorf("GetProject after delete: %v; want a 404", err)
			}
			if err := f.c.DeleteProject(ctx, created.ID); !IsNotFound(err) {
				t.Errorf("second delete: %v; want a 404", err)
			}
		})
	}
}

// A name the space holds is a 409 on the first try, which is final: no
// look-up adopts the other project. The same name in another space is
// fine.
func TestCreateProject_nameTaken(t *testing.T) {
	f := newProjectFixture(t, emulator.DialectToday)
	theirs, err := f.emu.PutProject(f.spaceID, "taken")
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.c.CreateProject(context.Background(), ProjectCreateRequest{Name: "taken", SpaceID: f.spaceID})
	if !IsConflict(err) {
		t.Fatalf("err = %v; want a 409", err)
	}
	if n := f.emu.Count("POST", emulator.RouteProjects); n != 1 {
		t.Errorf("%d POSTs; a 409 on the first try is final", n)
	}
	if n := f.emu.Count("GET", emulator.RouteProjects); n != 0 {
		t.Errorf("%d list requests; a 409 on the first try is no unknown outcome", n)
	}
	elsewhere, err := f.c.CreateProject(context.Background(), ProjectCreateRequest{Name: "taken", SpaceID: f.otherSpaceID})
	if err != nil || elsewhere.ID == theirs.ID || elsewhere.SpaceID != f.otherSpaceID {
		t.Errorf("the same name in another space: %s, %v", dump(elsewhere), err)
	}
}

// A create whose answer is lost after the server made the project is
// recovered by its name in its space: one project, and the create is not
// sent again.
func TestCreateProject_answerLost(t *testing.T) {
	f := newProjectFixture(t, emulator.DialectToday)
	f.emu.DropNext(1, true)
	got, err := f.c.CreateProject(context.Background(), ProjectCreateRequest{Name: "lost answer", SpaceID: f.spaceID})
	if err != nil {
		t.Fatal(err)
	}
	if ps := f.emu.Projects(); len(ps) != 1 || ps[0].ID != got.ID || got.Name != "lost answer" || got.SpaceID != f.spaceID {
		t.Fatalf("the emulator holds %+v; want exactly the adopted %s", ps, dump(got))
	}
	if n := f.emu.Count("POST", emulator.RouteProjects); n != 1 {
		t.Errorf("%d POSTs; the lost create must be looked up, not sent again", n)
	}
	if n := f.emu.Injected()[emulator.InjectedDropAfterCommit]; n != 1 {
		t.Errorf("the emulator dropped %d answers, want 1", n)
	}
}

// Names are unique per space, so recovery looks the name up in the
// project's own space: a same-named project elsewhere, or one whose name
// only contains it, is not adopted, and the create, which never reached
// the server, is sent again.
func TestCreateProject_answerLostRecoveredInItsSpace(t *testing.T) {
	f := newProjectFixture(t, emulator.DialectToday)
	for _, p := range []struct{ space, name string }{
		{f.otherSpaceID, "shared name"},
		{f.spaceID, "shared name, longer"},
		{f.spaceID, "SHARED NAME"},
	} {
		if _, err := f.emu.PutProject(p.space, p.name); err != nil {
			t.Fatal(err)
		}
	}
	f.emu.DropNext(1, false) // the first try never reaches the server
	got, err := f.c.CreateProject(context.Background(), ProjectCreateRequest{Name: "shared name", SpaceID: f.spaceID})
	if err != nil {
		t.Fatal(err)
	}
	if got.SpaceID != f.spaceID || got.Name != "shared name" {
		t.Errorf("CreateProject = %s; want a new project in its own space", dump(got))
	}
	if n := len(f.emu.Projects()); n != 4 {
		t.Errorf("the emulator holds %d projects, want 4", n)
	}
}

// A rename into a name the space holds is refused (409 in the emulator;
// Arize documents no status) and changes nothing; renaming to a name
// another space holds is fine.
func TestRenameProject_nameTaken(t *testing.T) {
	f := newProjectFixture(t, emulator.DialectToday)
	mine, _ := f.emu.PutProject(f.spaceID, "mine")
	if _, err := f.emu.PutProject(f.spaceID, "theirs"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.emu.PutProject(f.otherSpaceID, "elsewhere"); err != nil {
		t.Fatal(err)
	}
	_, err := f.c.RenameProject(context.Background(), mine.ID, "theirs")
	if !IsConflict(err) {
		t.Fatalf("err = %v; want a 409", err)
	}
	if stored, _ := f.emu.Project(mine.ID); stored.Name != "mine" {
		t.Errorf("a refused rename changed the project: %+v", stored)
	}
	if n := f.emu.Count("PATCH", emulator.RouteProject); n != 1 {
		t.Errorf("%d PATCHes; a refusal is final", n)
	}
	if got, err := f.c.RenameProject(context.Background(), mine.ID, "elsewhere"); err != nil || got.Name != "elsewhere" {
		t.Errorf("a name another space holds: %s, %v", dump(got), err)
	}
}

// A project in a space the key may not see answers 403: it exists, and
// IsForbidden says so, never IsNotFound.
func TestGetProject_forbidden(t *testing.T) {
	f := newProjectFixture(t, emulator.DialectToday)
	p, _ := f.emu.PutProject(f.spaceID, "hidden")
	f.emu.ForbidSpace(f.spaceID, true)
	_, err := f.c.GetProject(context.Background(), p.ID)
	if !IsForbidden(err) || IsNotFound(err) {
		t.Errorf("err = %v; want a 403", err)
	}
}

func TestListProjects_filtersAndPages(t *testing.T) {
	f := newProjectFixture(t, emulator.DialectToday)
	for i, name := range []string{"Chat one", "chat two", "CHAT three", "Search", "chat four", "chat five"} {
		if _, err := f.emu.PutProject(f.spaceID, name); err != nil {
			t.Fatal(i, err)
		}
	}
	if _, err := f.emu.PutProject(f.otherSpaceID, "chat elsewhere"); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	names := func(ps []Project) string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Name)
		}
		return strings.Join(out, ",")
	}

	got, err := f.c.ListProjects(ctx, ProjectListOptions{SpaceID: f.spaceID, Name: "chat", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Chat one,chat two,CHAT three,chat four,chat five"; names(got) != want {
		t.Errorf("space and name: %s, want %s", names(got), want)
	}
	if n := f.emu.Count("GET", emulator.RouteProjects); n != 3 {
		t.Errorf("%d pages read, want 3", n)
	}

	got, err = f.c.ListProjects(ctx, ProjectListOptions{SpaceName: "OTHER", Name: "chat"})
	if err != nil || names(got) != "chat elsewhere" {
		t.Errorf("space_name and name: %s, %v", names(got), err)
	}

	all, err := f.c.ListProjects(ctx, ProjectListOptions{})
	if err != nil || len(all) != 7 {
		t.Errorf("no filter: %d projects, %v; want 7", len(all), err)
	}

	// A space_id the key cannot see is the list's 404.
	f.emu.ForbidSpace(f.otherSpaceID, true)
	if _, err := f.c.ListProjects(ctx, ProjectListOptions{SpaceID: f.otherSpaceID}); !IsNotFound(err) {
		t.Errorf("a forbidden space_id: %v; want a 404", err)
	}
}

// FindProject matches the name exactly, case included, in its space only,
// over pages of candidates whose names contain it.
func TestFindProject_exactName(t *testing.T) {
	f := newProjectFixture(t, emulator.DialectToday)
	for i := range maxPageSize + 5 {
		if _, err := f.emu.PutProject(f.spaceID, "bot "+strings.Repeat("x", i+1)); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []struct{ space, name string }{{f.spaceID, "BOT"}, {f.otherSpaceID, "bot"}} {
		if _, err := f.emu.PutProject(p.space, p.name); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	if got, err := f.c.FindProject(ctx, f.spaceID, "bot"); err != nil || got != nil {
		t.Fatalf("FindProject before it exists = %s, %v; want none", dump(got), err)
	}
	want, _ := f.emu.PutProject(f.spaceID, "bot")
	f.emu.ResetCounters()
	got, err := f.c.FindProject(ctx, f.spaceID, "bot")
	if err != nil || got == nil || got.ID != want.ID {
		t.Fatalf("FindProject = %s, %v; want %s", dump(got), err, want.ID)
	}
	if n := f.emu.Count("GET", emulator.RouteProjects); n != 2 {
		t.Errorf("%d pages read, want the 2 the candidates fill", n)
	}
	// A space that does not exist is the list's 404, an error: a look-up
	// cannot say the name is free there.
	if _, err := f.c.FindProject(ctx, "U3BhY2U6OTk5OTk=", "bot"); !IsNotFound(err) {
		t.Errorf("FindProject in a missing space: %v; want a 404", err)
	}
}

// A create in a space that does not exist is refused (the emulator's 422)
// and not retried or looked up.
func TestCreateProject_missingSpace(t *testing.T) {
	f := newProjectFixture(t, emulator.DialectToday)
	_, err := f.c.CreateProject(context.Background(), ProjectCreateRequest{Name: "x", SpaceID: "U3BhY2U6OTk5OTk="})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Status != 422 || !strings.Contains(apiErr.Detail, "space_id") {
		t.Fatalf("err = %v; want a 422 naming space_id", err)
	}
	if n := f.emu.Total(); n != 1 {
		t.Errorf("%d requests, want the one refused POST: %v", n, f.emu.Requests())
	}
}
