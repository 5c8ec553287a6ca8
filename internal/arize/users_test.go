package arize

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// The user endpoints against the emulator, in each of its dialects: what
// each call sends and reads back (in today's spelling whatever the
// server's), the two success answers of a create, its conflicts, and how a
// create of unknown outcome ends.

var userDialects = []emulator.Dialect{emulator.DialectToday, emulator.DialectPublished}

func TestUserLifecycle(t *testing.T) {
	for _, dialect := range userDialects {
		t.Run(string(dialect), func(t *testing.T) {
			f := newFixtureOpts(t, emulator.Options{Dialect: dialect})
			ctx := context.Background()

			created, err := f.c.CreateUser(ctx, UserCreateRequest{
				Name: "  Erin Example ", Email: "erin@example.com", Role: RoleMember, InviteMode: InviteTemporaryPassword,
			})
			if err != nil {
				t.Fatal(err)
			}
			u := created.User
			if created.Outcome != UserCreatedNew || created.InviteMode != InviteTemporaryPassword || created.TemporaryPassword == "" {
				t.Errorf("CreateUser = outcome %s, mode %q, password set %v; want a new user with a password",
					created.Outcome, created.InviteMode, created.TemporaryPassword != "")
			}
			// Today's spelling, whatever the server's; the name as the
			// server trims it; is_developer the MEMBER default.
			if u.ID == "" || u.Name != "Erin Example" || u.Email != "erin@example.com" || u.Status != UserInvited ||
				u.Role != Predefined(RoleMember) || !u.IsDeveloper || u.CreatedAt != fixedNowText {
				t.Errorf("CreateUser's user = %s", dump(u))
			}
			if stored, _ := f.emu.User(u.ID); stored.Role != "MEMBER" || stored.InviteMode != "TEMPORARY_PASSWORD" {
				t.Errorf("the emulator holds %+v", stored)
			}

			got, err := f.c.GetUser(ctx, u.ID)
			if err != nil || *got != u {
				t.Fatalf("GetUser = %s, %v; want %s", dump(got), err, dump(u))
			}

			renamed, err := f.c.UpdateUser(ctx, u.ID, UserUpdateRequest{Name: Value(" Erin E. "), IsDeveloper: Value(false)})
			if err != nil {
				t.Fatal(err)
			}
			if renamed.Name != "Erin E." || renamed.IsDeveloper || renamed.Role != Predefined(RoleMember) || renamed.Status != UserInvited {
				t.Errorf("UpdateUser = %s", dump(renamed))
			}

			if err := f.c.DeleteUser(ctx, u.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := f.c.GetUser(ctx, u.ID); !IsNotFound(err) {
				t.Errorf("GetUser after delete: %v; want a 404", err)
			}
			if n := f.emu.RefusedForSpelling(); n > 1 {
				t.Errorf("%d writes refused for their spelling; finding it costs at most one", n)
			}
		})
	}
}

// TestCreateUser_isDeveloperSent: is_developer goes out only when set, and
// the API's default depends on the role.
func TestCreateUser_isDeveloperSent(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	annotator, err := f.c.CreateUser(ctx, UserCreateRequest{Name: "A", Email: "a@example.com", Role: RoleAnnotator, InviteMode: InviteNone})
	if err != nil {
		t.Fatal(err)
	}
	if annotator.User.IsDeveloper || annotator.User.Status != UserActive || annotator.TemporaryPassword != "" {
		t.Errorf("an ANNOTATOR made with NONE = %s; want no developer, ACTIVE, no password", dump(annotator))
	}
	admin, err := f.c.CreateUser(ctx, UserCreateRequest{Name: "B", Email: "b@example.com", Role: RoleAdmin, InviteMode: InviteEmailLink, IsDeveloper: ptr(false)})
	if err != nil {
		t.Fatal(err)
	}
	if admin.User.IsDeveloper || admin.User.Role.Name != RoleAdmin {
		t.Errorf("an ADMIN made with is_developer false = %s", dump(admin.User))
	}
}

// A pending invitation of the email is answered as it is (200): adopted,
// its name and role kept, no password, and nothing sent again.
func TestCreateUser_adoptsPendingInvitation(t *testing.T) {
	for _, dialect := range userDialects {
		t.Run(string(dialect), func(t *testing.T) {
			f := newFixtureOpts(t, emulator.Options{Dialect: dialect})
			pending, err := f.emu.PutUser(emulator.User{Email: "Pending@Example.com", Name: "Invited earlier", Role: "ANNOTATOR", Status: "INVITED"})
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.c.CreateUser(context.Background(), UserCreateRequest{
				Name: "Someone else", Email: "pending@example.com", Role: RoleMember, InviteMode: InviteTemporaryPassword,
			})
			if err != nil {
				t.Fatal(err)
			}
			if got.Outcome != UserAdoptedInvitation || got.TemporaryPassword != "" || got.InviteMode != "" {
				t.Errorf("CreateUser = outcome %s, mode %q, password set %v; want the invitation adopted, no password",
					got.Outcome, got.InviteMode, got.TemporaryPassword != "")
			}
			if got.User.ID != pending.ID || got.User.Name != "Invited earlier" || got.User.Role != Predefined(RoleAnnotator) ||
				got.User.Status != UserInvited || got.User.Email != "Pending@Example.com" {
				t.Errorf("CreateUser's user = %s; want the pending invitation as it is", dump(got.User))
			}
			if n := len(f.emu.Users()); n != 1 {
				t.Errorf("the emulator holds %d users, want the 1 invitation", n)
			}
		})
	}
}

// A 409 says whether the email is an active user or a deleted one, and is
// final: never sent again.
func TestCreateUser_conflicts(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.emu.PutUser(emulator.User{Email: "active@example.com", Name: "Active", Role: "MEMBER"}); err != nil {
		t.Fatal(err)
	}
	gone, err := f.emu.PutUser(emulator.User{Email: "gone@example.com", Name: "Gone", Role: "MEMBER"})
	if err != nil {
		t.Fatal(err)
	}
	f.emu.RemoveUser(gone.ID)
	for _, tc := range []struct {
		email string
		want  EmailConflict
	}{
		{"ACTIVE@example.com", EmailActive},
		{"gone@example.com", EmailBlocked},
	} {
		f.emu.ResetCounters()
		_, err := f.c.CreateUser(ctx, UserCreateRequest{Name: "N", Email: tc.email, Role: RoleMember, InviteMode: InviteEmailLink})
		if !IsConflict(err) {
			t.Fatalf("CreateUser(%s) = %v; want a 409", tc.email, err)
		}
		if got := UserEmailConflict(err); got != tc.want {
			t.Errorf("UserEmailConflict(%v) = %d, want %d", err, got, tc.want)
		}
		if n := f.emu.Count("POST", emulator.RouteUsers); n != 1 {
			t.Errorf("%d POSTs for %s; a 409 on the first try is final", n, tc.email)
		}
	}
}

// UserEmailConflict reads only a 409, and a detail that says neither is
// unknown: the caller looks the email up then.
func TestUserEmailConflict_detailless(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want EmailConflict
	}{
		{"bare 409", &APIError{Status: http.StatusConflict, Title: "Conflict"}, EmailConflictUnknown},
		{"blocked, other words", &APIError{Status: http.StatusConflict, Detail: "User is INACTIVE"}, EmailBlocked},
		{"active", &APIError{Status: http.StatusConflict, Detail: "The email is already active in this account"}, EmailActive},
		{"not a 409", &APIError{Status: http.StatusBadRequest, Detail: "already an active user"}, EmailConflictUnknown},
		{"not an API error", errors.New("already an active user"), EmailConflictUnknown},
	} {
		if got := UserEmailConflict(tc.err); got != tc.want {
			t.Errorf("%s: UserEmailConflict = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// A create whose answer is lost after the server made the user is recovered
// by its email: one user, the create not sent again, and no password, which
// the outcome says. With NONE the user is ACTIVE at once, so sending it
// again would have answered 409.
func TestCreateUser_answerLost(t *testing.T) {
	for _, dialect := range userDialects {
		for _, mode := range []InviteMode{InviteTemporaryPassword, InviteNone} {
			t.Run(string(dialect)+"/"+string(mode), func(t *testing.T) {
				f := newFixtureOpts(t, emulator.Options{Dialect: dialect})
				f.emu.DropNext(1, true)
				got, err := f.c.CreateUser(context.Background(), UserCreateRequest{
					Name: " Lost Answer ", Email: "lost@example.com", Role: RoleAdmin, InviteMode: mode,
				})
				if err != nil {
					t.Fatal(err)
				}
				if got.Outcome != UserRecovered || got.TemporaryPassword != "" {
					t.Errorf("CreateUser = outcome %s, password set %v; want recovered without a password", got.Outcome, got.TemporaryPassword != "")
				}
				users := f.emu.Users()
				if len(users) != 1 || users[0].ID != got.User.ID || got.User.Role != Predefined(RoleAdmin) {
					t.Fatalf("the emulator holds %+v; want exactly the adopted %s", users, dump(got.User))
				}
				// One POST, plus the one refused for its spelling that a
				// published server costs.
				if n := f.emu.Count("POST", emulator.RouteUsers) - f.emu.RefusedForSpellingAt("POST", emulator.RouteUsers); n != 1 {
					t.Errorf("%d POSTs; the lost create must be looked up, not sent again", n)
				}
				if n := f.emu.Injected()[emulator.InjectedDropAfterCommit]; n != 1 {
					t.Errorf("the emulator dropped %d answers after commit, want 1", n)
				}
			})
		}
	}
}

// A user of the same email made otherwise (another name) is someone else's:
// the create fails rather than adopt it, and says so.
func TestCreateUser_answerLostEmailTakenOtherwise(t *testing.T) {
	f := newFixture(t)
	f.emu.DropNext(1, false) // the first try never reaches the server...
	// ...and meanwhile someone invites the email under another name.
	if _, err := f.emu.PutUser(emulator.User{Email: "contested@example.com", Name: "Theirs", Role: "MEMBER", Status: "INVITED"}); err != nil {
		t.Fatal(err)
	}
	_, err := f.c.CreateUser(context.Background(), UserCreateRequest{Name: "Ours", Email: "contested@example.com", Role: RoleMember, InviteMode: InviteEmailLink})
	if !errors.Is(err, errOtherOwner) {
		t.Fatalf("err = %v; want errOtherOwner", err)
	}
	if u := f.emu.Users(); len(u) != 1 || u[0].Name != "Theirs" {
		t.Errorf("the emulator holds %+v, want only theirs", u)
	}
}

// madeAs compares the name as the server keeps it (trimmed) and the role
// in either spelling, and nothing else.
func TestUserCreateRequest_madeAs(t *testing.T) {
	in := UserCreateRequest{Name: " Erin ", Email: "erin@example.com", Role: RoleMember, InviteMode: InviteEmailLink, IsDeveloper: ptr(true)}
	for _, tc := range []struct {
		name string
		got  User
		want bool
	}{
		{"as made", User{Name: "Erin", Role: Predefined(RoleMember)}, true},
		{"published spelling", User{Name: "Erin", Role: RoleAssignment{Type: "predefined", Name: "member"}}, true},
		{"another is_developer", User{Name: "Erin", Role: Predefined(RoleMember), IsDeveloper: false}, true},
		{"another name", User{Name: "Erin B", Role: Predefined(RoleMember)}, false},
		{"another role", User{Name: "Erin", Role: Predefined(RoleAdmin)}, false},
		{"a custom role", User{Name: "Erin", Role: Custom("Um9sZTox")}, false},
	} {
		if got := in.madeAs(&tc.got); got != tc.want {
			t.Errorf("%s: madeAs = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// The list filters as the API does: email a case-insensitive substring,
// statuses in the server's spelling, every page read; FindUserByEmail takes
// only the whole email, case aside.
func TestListUsers(t *testing.T) {
	for _, dialect := range userDialects {
		t.Run(string(dialect), func(t *testing.T) {
			f := newFixtureOpts(t, emulator.Options{Dialect: dialect})
			ctx := context.Background()
			for _, u := range []emulator.User{
				{Email: "ann@team.example", Name: "Ann", Status: "ACTIVE"},
				{Email: "bo@team.example", Name: "Bo", Status: "INVITED"},
				{Email: "cy@team.example", Name: "Cy", Status: "EXPIRED"},
				{Email: "di@other.example", Name: "Di", Status: "INVITED"},
				{Email: "xann@team.example", Name: "Xann", Status: "ACTIVE"},
			} {
				if _, err := f.emu.PutUser(u); err != nil {
					t.Fatal(err)
				}
			}
			gone, _ := f.emu.PutUser(emulator.User{Email: "gone@team.example", Name: "Gone"})
			f.emu.RemoveUser(gone.ID)

			all, err := f.c.ListUsers(ctx, UserListOptions{Email: "TEAM.example", Limit: 2})
			if err != nil {
				t.Fatal(err)
			}
			if names := userNames(all); names != "Ann Bo Cy Xann" {
				t.Errorf("ListUsers(email) = %s; want the team's live users", names)
			}
			if n := f.emu.Count("GET", emulator.RouteUsers); n != 2 {
				t.Errorf("%d pages read, want 2", n)
			}

			pending, err := f.c.ListUsers(ctx, UserListOptions{Statuses: []UserStatus{UserInvited, UserExpired}, Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			if names := userNames(pending); names != "Bo Cy Di" {
				t.Errorf("ListUsers(INVITED, EXPIRED) = %s", names)
			}
			for _, u := range pending {
				if u.Status != UserInvited && u.Status != UserExpired {
					t.Errorf("listed %s with status %q, not in today's spelling", u.Name, u.Status)
				}
			}

			found, err := f.c.FindUserByEmail(ctx, "ANN@team.example")
			if err != nil || found == nil || found.Name != "Ann" {
				t.Errorf("FindUserByEmail = %s, %v; want Ann (not Xann)", dump(found), err)
			}
			for _, missing := range []string{"team.example", "gone@team.example"} {
				if found, err := f.c.FindUserByEmail(ctx, missing); err != nil || found != nil {
					t.Errorf("FindUserByEmail(%s) = %s, %v; want none", missing, dump(found), err)
				}
			}
		})
	}
}

func userNames(users []User) string {
	names := make([]string, len(users))
	for i, u := range users {
		names[i] = u.Name
	}
	return strings.Join(names, " ")
}

// The one-time password reaches the caller and never the log: neither the
// create's answer body nor any other line holds it.
func TestCreateUser_logMasksPassword(t *testing.T) {
	log := &recordingLogger{}
	f := newFixture(t, func(c *Config) { c.Logger = log })
	got, err := f.c.CreateUser(context.Background(), UserCreateRequest{
		Name: "Pat", Email: "pat@example.com", Role: RoleMember, InviteMode: InviteTemporaryPassword,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.TemporaryPassword == "" {
		t.Fatal("no temporary password answered")
	}
	text := log.text()
	if strings.Contains(text, got.TemporaryPassword) {
		t.Errorf("the log holds the temporary password:\n%s", text)
	}
	if !strings.Contains(text, `"temporary_password":"***"`) {
		t.Errorf("the create's answer is not logged, masked:\n%s", text)
	}
}
