package emulator

import (
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"testing"
)

func orgUsersPath(orgID string) string { return orgPath(orgID) + "/users" }
func orgUserPath(orgID, userID string) string {
	return orgUsersPath(orgID) + "/" + url.PathEscape(userID)
}
func spaceUsersPath(spaceID string) string { return spacePath(spaceID) + "/users" }
func spaceUserPath(spaceID, userID string) string {
	return spaceUsersPath(spaceID) + "/" + url.PathEscape(userID)
}

// addMember POSTs user_id and role (raw JSON) to path and fails the test
// unless it answers 200.
func (e *env) addMember(path, userID, role string) map[string]any {
	e.t.Helper()
	r := e.do("POST", path, `{"user_id":"`+userID+`","role":`+role+`}`)
	if r.status != http.StatusOK {
		e.t.Fatalf("POST %s %s: %d %s", path, role, r.status, r.body)
	}
	return r.json(e.t)
}

// team is an organization with a space and users of each account role.
type team struct {
	org, space                            string
	admin, member, readOnly, annotator    string
	outsider                              string // not a member of org
	adminRole, memberRole, annotatorRole  string
	readOnlyRole, customRole, customRoleB string
}

func newTeam(e *env) team {
	e.t.Helper()
	tm := team{
		adminRole:     `{"type":"PREDEFINED","name":"ADMIN"}`,
		memberRole:    `{"type":"PREDEFINED","name":"MEMBER"}`,
		readOnlyRole:  `{"type":"PREDEFINED","name":"READ_ONLY"}`,
		annotatorRole: `{"type":"PREDEFINED","name":"ANNOTATOR"}`,
		customRole:    `{"type":"CUSTOM","id":"Um9sZTox"}`,
		customRoleB:   `{"type":"CUSTOM","id":"Um9sZToy"}`,
	}
	tm.org = e.createOrg("team")
	tm.space = e.createSpace(tm.org, "space")
	tm.admin = e.srv.AddUser(User{Email: "admin@example.com", Role: "ADMIN"}).ID
	tm.member = e.srv.AddUser(User{Email: "member@example.com", Role: "MEMBER"}).ID
	tm.readOnly = e.srv.AddUser(User{Email: "ro@example.com", Role: "READ_ONLY"}).ID
	tm.annotator = e.srv.AddUser(User{Email: "ann@example.com", Role: "ANNOTATOR"}).ID
	tm.outsider = e.srv.AddUser(User{Email: "out@example.com"}).ID
	return tm
}

func TestOrganizationMemberAdd(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	got := e.addMember(orgUsersPath(tm.org), tm.member, tm.memberRole)
	id, _ := got["id"].(string)
	want := map[string]any{"id": id, "user_id": tm.member, "organization_id": tm.org,
		"role": map[string]any{"type": "PREDEFINED", "name": "MEMBER"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("membership\n got %v\nwant %v", got, want)
	}
	relaySeq(t, "AccountOrganizationMember", id)
	// Upsert: the role is replaced, the membership keeps its id, 200 again.
	again := e.addMember(orgUsersPath(tm.org), tm.member, tm.adminRole)
	if again["id"] != id || !reflect.DeepEqual(again["role"], map[string]any{"type": "PREDEFINED", "name": "ADMIN"}) {
		t.Errorf("upsert answered %v", again)
	}
	e.addMember(orgUsersPath(tm.org), tm.readOnly, tm.readOnlyRole)
	e.addMember(orgUsersPath(tm.org), tm.annotator, tm.annotatorRole)
	wantMembers := map[string]MemberRole{
		tm.member:    {Type: "PREDEFINED", Name: "ADMIN"},
		tm.readOnly:  {Type: "PREDEFINED", Name: "READ_ONLY"},
		tm.annotator: {Type: "PREDEFINED", Name: "ANNOTATOR"},
	}
	if got := e.srv.OrganizationMembers(tm.org); !reflect.DeepEqual(got, wantMembers) {
		t.Errorf("OrganizationMembers\n got %v\nwant %v", got, wantMembers)
	}
	// There is no read endpoint.
	r := e.do("GET", orgUsersPath(tm.org), "")
	wantProblem(t, r, 405, CodeMethodNotAllowed, "", "")
	if r.header.Get("Allow") != "POST" {
		t.Errorf("Allow %q", r.header.Get("Allow"))
	}
}

func TestOrganizationMemberAddErrors(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	path := orgUsersPath(tm.org)
	add := func(user, role string) string { return `{"user_id":"` + user + `","role":` + role + `}` }
	tests := []struct {
		name, path, body string
		status           int
		code             string
		detail           string
	}{
		{"unknown organization", orgUsersPath("bm9wZQ=="), add(tm.member, tm.memberRole), 404, CodeNotFound, "organization"},
		{"unknown organization before the body", orgUsersPath("bm9wZQ=="), `{`, 404, CodeNotFound, "organization"},
		{"unknown user", path, add("VXNlcjo5OTp4eHh4", tm.memberRole), 404, CodeNotFound, `user "VXNlcjo5OTp4eHh4" not found`},
		{"custom role", path, add(tm.member, tm.customRole), 422, CodeValidationError, "custom organization roles are not supported"},
		{"annotator given another role", path, add(tm.annotator, tm.memberRole), 400, CodeInvalidRequest, "can only be given the ANNOTATOR role"},
		{"annotator role to a non-annotator", path, add(tm.admin, tm.annotatorRole), 400, CodeInvalidRequest, "can only be given to a user with the ANNOTATOR account role"},
		{"bare string role", path, add(tm.member, `"MEMBER"`), 400, CodeInvalidRequest, "role must be an object"},
		{"role list", path, add(tm.member, `["MEMBER"]`), 400, CodeInvalidRequest, "role must be an object"},
		{"unknown member", path, `{"user_id":"` + tm.member + `","role":` + tm.memberRole + `,"email":"x"}`, 400, CodeInvalidRequest, `"email"`},
		{"unknown role member", path, add(tm.member, `{"type":"PREDEFINED","name":"MEMBER","scope":"x"}`), 400, CodeInvalidRequest, `"role.scope"`},
		{"user_id type", path, `{"user_id":1,"role":` + tm.memberRole + `}`, 400, CodeInvalidRequest, "user_id must be a string"},
		{"role type not a string", path, add(tm.member, `{"type":1,"name":"MEMBER"}`), 400, CodeInvalidRequest, "role.type must be a string"},
		{"role type missing", path, add(tm.member, `{"name":"MEMBER"}`), 400, CodeInvalidRequest, "role.type is required"},
		{"name and id", path, add(tm.member, `{"type":"PREDEFINED","name":"MEMBER","id":"x"}`), 400, CodeInvalidRequest, "not both"},
		{"neither name nor id", path, add(tm.member, `{"type":"PREDEFINED"}`), 400, CodeInvalidRequest, "needs a name"},
		{"id with PREDEFINED", path, add(tm.member, `{"type":"PREDEFINED","id":"x"}`), 400, CodeInvalidRequest, "role.id is only allowed with type CUSTOM"},
		{"user_id missing", path, `{"role":` + tm.memberRole + `}`, 422, CodeValidationError, "user_id is required"},
		{"user_id null", path, `{"user_id":null,"role":` + tm.memberRole + `}`, 422, CodeValidationError, "user_id must not be null"},
		{"role missing", path, `{"user_id":"` + tm.member + `"}`, 422, CodeValidationError, "role is required"},
		{"role null", path, add(tm.member, `null`), 422, CodeValidationError, "role must not be null"},
		{"unknown role type", path, add(tm.member, `{"type":"BUILTIN","name":"MEMBER"}`), 422, CodeValidationError, "role.type must be one of PREDEFINED, CUSTOM"},
		{"unknown role name", path, add(tm.member, `{"type":"PREDEFINED","name":"OWNER"}`), 422, CodeValidationError, "role.name must be one of ADMIN, MEMBER, READ_ONLY, ANNOTATOR"},
		{"custom id empty", path, add(tm.member, `{"type":"CUSTOM","id":""}`), 422, CodeValidationError, "role.id must not be empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, e.do("POST", tt.path, tt.body), tt.status, tt.code, "", tt.detail)
		})
	}
	if got := e.srv.OrganizationMembers(tm.org); len(got) != 0 {
		t.Errorf("refused adds made members: %v", got)
	}
}

// TestOrganizationMemberRemove removes a member: 204, then 404; the user
// leaves every space of the organization, and only of that one.
func TestOrganizationMemberRemove(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	second := e.createSpace(tm.org, "second")
	otherOrg := e.createOrg("other")
	otherSpace := e.createSpace(otherOrg, "elsewhere")
	for _, org := range []string{tm.org, otherOrg} {
		e.addMember(orgUsersPath(org), tm.member, tm.memberRole)
		e.addMember(orgUsersPath(org), tm.admin, tm.adminRole)
	}
	for _, sp := range []string{tm.space, second, otherSpace} {
		e.addMember(spaceUsersPath(sp), tm.member, tm.memberRole)
		e.addMember(spaceUsersPath(sp), tm.admin, tm.memberRole)
	}
	if r := e.do("DELETE", orgUserPath(tm.org, tm.member), ""); r.status != http.StatusNoContent || len(r.body) != 0 {
		t.Fatalf("DELETE: %d %s", r.status, r.body)
	}
	for _, sp := range []string{tm.space, second} {
		if got := e.srv.SpaceMembers(sp); len(got) != 1 || got[tm.admin].Name != "MEMBER" {
			t.Errorf("space members after the cascade: %v", got)
		}
	}
	if len(e.srv.SpaceMembers(otherSpace)) != 2 || len(e.srv.OrganizationMembers(otherOrg)) != 2 {
		t.Error("the cascade reached another organization")
	}
	wantProblem(t, e.do("DELETE", orgUserPath(tm.org, tm.member), ""), 404, CodeNotFound, "", "is not a member")
	wantProblem(t, e.do("DELETE", orgUserPath(tm.org, "VXNlcjo5OTp4eHh4"), ""), 404, CodeNotFound, "", "is not a member")
	wantProblem(t, e.do("DELETE", orgUserPath("bm9wZQ==", tm.admin), ""), 404, CodeNotFound, "", "organization")
	// Added again, the user gets a new membership.
	first := e.addMember(orgUsersPath(otherOrg), tm.readOnly, tm.readOnlyRole)["id"]
	e.do("DELETE", orgUserPath(otherOrg, tm.readOnly), "")
	if again := e.addMember(orgUsersPath(otherOrg), tm.readOnly, tm.readOnlyRole)["id"]; again == first {
		t.Error("a new membership kept the old id")
	}
	// The hook cascades the same way.
	if !e.srv.RemoveOrganizationMember(otherOrg, tm.admin) || e.srv.RemoveOrganizationMember(otherOrg, tm.admin) {
		t.Error("RemoveOrganizationMember should report true then false")
	}
	if _, still := e.srv.SpaceMembers(otherSpace)[tm.admin]; still {
		t.Error("RemoveOrganizationMember did not cascade")
	}
}

func TestSpaceMemberAdd(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	for _, u := range []string{tm.member, tm.annotator} {
		role := tm.memberRole
		if u == tm.annotator {
			role = tm.annotatorRole
		}
		e.addMember(orgUsersPath(tm.org), u, role)
	}
	got := e.addMember(spaceUsersPath(tm.space), tm.member, tm.readOnlyRole)
	id, _ := got["id"].(string)
	want := map[string]any{"id": id, "user_id": tm.member, "space_id": tm.space,
		"role": map[string]any{"type": "PREDEFINED", "name": "READ_ONLY"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("membership\n got %v\nwant %v", got, want)
	}
	relaySeq(t, "SpaceMember", id)
	// Upsert to a custom role: same id, the role answered by its id.
	custom := e.addMember(spaceUsersPath(tm.space), tm.member, tm.customRole)
	if custom["id"] != id || !reflect.DeepEqual(custom["role"], map[string]any{"type": "CUSTOM", "id": "Um9sZTox"}) {
		t.Errorf("upsert to a custom role: %v", custom)
	}
	if again := e.addMember(spaceUsersPath(tm.space), tm.member, tm.customRoleB); again["id"] != id {
		t.Errorf("second upsert changed the id: %v", again)
	}
	e.addMember(spaceUsersPath(tm.space), tm.annotator, tm.annotatorRole)
	wantMembers := map[string]MemberRole{
		tm.member:    {Type: "CUSTOM", ID: "Um9sZToy"},
		tm.annotator: {Type: "PREDEFINED", Name: "ANNOTATOR"},
	}
	if got := e.srv.SpaceMembers(tm.space); !reflect.DeepEqual(got, wantMembers) {
		t.Errorf("SpaceMembers\n got %v\nwant %v", got, wantMembers)
	}
}

func TestSpaceMemberAddErrors(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	for _, u := range []string{tm.member, tm.admin} {
		e.addMember(orgUsersPath(tm.org), u, tm.memberRole)
	}
	e.addMember(orgUsersPath(tm.org), tm.annotator, tm.annotatorRole)
	path := spaceUsersPath(tm.space)
	add := func(user, role string) string { return `{"user_id":"` + user + `","role":` + role + `}` }
	tests := []struct {
		name, path, body string
		status           int
		code             string
		detail           string
	}{
		{"unknown space", spaceUsersPath("bm9wZQ=="), add(tm.member, tm.memberRole), 404, CodeNotFound, "space"},
		{"unknown user", path, add("VXNlcjo5OTp4eHh4", tm.memberRole), 404, CodeNotFound, "not found"},
		{"not a member of the organization", path, add(tm.outsider, tm.memberRole), 400, CodeInvalidRequest, "user must be a member of the space's organization"},
		{"annotator given another role", path, add(tm.annotator, tm.memberRole), 400, CodeInvalidRequest, "can only be given the ANNOTATOR role"},
		{"annotator given a custom role", path, add(tm.annotator, tm.customRole), 400, CodeInvalidRequest, "can only be given the ANNOTATOR role"},
		{"annotator role to a non-annotator", path, add(tm.admin, tm.annotatorRole), 400, CodeInvalidRequest, "account role"},
		{"name and id", path, add(tm.member, `{"type":"CUSTOM","name":"x","id":"y"}`), 400, CodeInvalidRequest, "not both"},
		{"neither", path, add(tm.member, `{"type":"CUSTOM"}`), 400, CodeInvalidRequest, "needs a name"},
		{"name with CUSTOM", path, add(tm.member, `{"type":"CUSTOM","name":"MEMBER"}`), 400, CodeInvalidRequest, "role.name is only allowed with type PREDEFINED"},
		{"id with PREDEFINED", path, add(tm.member, `{"type":"PREDEFINED","id":"Um9sZTox"}`), 400, CodeInvalidRequest, "role.id is only allowed with type CUSTOM"},
		{"bare string", path, add(tm.member, `"ADMIN"`), 400, CodeInvalidRequest, "role must be an object"},
		{"role id null", path, add(tm.member, `{"type":"CUSTOM","id":null}`), 400, CodeInvalidRequest, "role.id must be a string"},
		{"custom id empty", path, add(tm.member, `{"type":"CUSTOM","id":""}`), 422, CodeValidationError, "role.id must not be empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, e.do("POST", tt.path, tt.body), tt.status, tt.code, "", tt.detail)
		})
	}
	if got := e.srv.SpaceMembers(tm.space); len(got) != 0 {
		t.Errorf("refused adds made members: %v", got)
	}
}

func TestSpaceMemberRemove(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	e.addMember(orgUsersPath(tm.org), tm.member, tm.memberRole)
	e.addMember(spaceUsersPath(tm.space), tm.member, tm.memberRole)
	if r := e.do("DELETE", spaceUserPath(tm.space, tm.member), ""); r.status != http.StatusNoContent {
		t.Fatalf("DELETE: %d %s", r.status, r.body)
	}
	if len(e.srv.SpaceMembers(tm.space)) != 0 || len(e.srv.OrganizationMembers(tm.org)) != 1 {
		t.Error("a space removal reached the organization, or did nothing")
	}
	wantProblem(t, e.do("DELETE", spaceUserPath(tm.space, tm.member), ""), 404, CodeNotFound, "", "is not a member of space")
	wantProblem(t, e.do("DELETE", spaceUserPath("bm9wZQ==", tm.member), ""), 404, CodeNotFound, "", "space")
	r := e.do("POST", spaceUserPath(tm.space, tm.member), "{}")
	wantProblem(t, r, 405, CodeMethodNotAllowed, "", "")
	if r.header.Get("Allow") != "DELETE" {
		t.Errorf("Allow %q", r.header.Get("Allow"))
	}
}

// TestMemberIDsWithEscapes uses a user id holding '/', '+' and '=', which a
// client escapes in the path.
func TestMemberIDsWithEscapes(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	odd := e.srv.AddUser(User{ID: "VXNlcjo/Pz8+Pj4/Lw+/a=", Email: "odd@example.com"}).ID
	e.addMember(orgUsersPath(tm.org), odd, tm.memberRole)
	e.addMember(spaceUsersPath(tm.space), odd, tm.memberRole)
	for _, path := range []string{spaceUserPath(tm.space, odd), orgUserPath(tm.org, odd)} {
		if r := e.do("DELETE", path, ""); r.status != http.StatusNoContent {
			t.Errorf("DELETE %s: %d %s", path, r.status, r.body)
		}
	}
	if n := e.srv.Count("DELETE", RouteOrganizationUser) + e.srv.Count("DELETE", RouteSpaceUser); n != 2 {
		t.Errorf("counted %d deletes on the user routes: %v", n, e.srv.Requests())
	}
}

func TestMemberHooks(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	e.srv.ResetCounters()
	id, err := e.srv.PutOrganizationMember(tm.org, tm.member, MemberRole{Type: "predefined", Name: "read-only"})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.srv.OrganizationMembers(tm.org)[tm.member]; got != (MemberRole{Type: "PREDEFINED", Name: "READ_ONLY"}) {
		t.Errorf("stored role %+v, want today's spelling", got)
	}
	// The HTTP upsert keeps the hook's membership.
	if got := e.addMember(orgUsersPath(tm.org), tm.member, tm.adminRole)["id"]; got != id {
		t.Errorf("upsert id %v, want %v", got, id)
	}
	if _, err := e.srv.PutSpaceMember(tm.space, tm.member, MemberRole{Type: "CUSTOM", ID: "r"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		put    func() error
		status int
	}{
		{"custom organization role", func() error {
			_, err := e.srv.PutOrganizationMember(tm.org, tm.admin, MemberRole{Type: "CUSTOM", ID: "r"})
			return err
		}, 422},
		{"malformed role", func() error {
			_, err := e.srv.PutOrganizationMember(tm.org, tm.admin, MemberRole{Type: "PREDEFINED"})
			return err
		}, 422},
		{"unknown user", func() error {
			_, err := e.srv.PutOrganizationMember(tm.org, "nobody", MemberRole{Type: "PREDEFINED", Name: "ADMIN"})
			return err
		}, 404},
		{"outsider in a space", func() error {
			_, err := e.srv.PutSpaceMember(tm.space, tm.outsider, MemberRole{Type: "PREDEFINED", Name: "ADMIN"})
			return err
		}, 400},
	} {
		var p *Problem
		if err := tt.put(); !errors.As(err, &p) || p.Status != tt.status {
			t.Errorf("%s: %v, want a %d", tt.name, err, tt.status)
		}
	}
	if !e.srv.RemoveSpaceMember(tm.space, tm.member) || e.srv.RemoveSpaceMember(tm.space, tm.member) {
		t.Error("RemoveSpaceMember should report true then false")
	}
	if e.srv.Total() != 1 {
		t.Errorf("hooks were counted: %v", e.srv.Requests())
	}
}

func TestUsers(t *testing.T) {
	e := newEnv(t, func(o *Options) {
		o.Users = []User{
			{ID: "VXNlcjoxOmFBYUE=", Email: "alice@example.com", Name: "Alice", Role: "ADMIN"},
			{Email: "bob@example.com", Role: "read-only"},
			{Email: "carol@example.com"},
		}
	})
	users := e.srv.Users()
	if len(users) != 3 || users[0].ID != "VXNlcjoxOmFBYUE=" || users[1].Role != "READ_ONLY" || users[2].Role != "MEMBER" {
		t.Fatalf("seeded users %+v", users)
	}
	relaySeq(t, "User", users[1].ID)
	if users[1].ID == users[2].ID {
		t.Error("two users share an id")
	}
	// An id already stored replaces that user.
	e.srv.AddUser(User{ID: "VXNlcjoxOmFBYUE=", Email: "alice@example.org", Role: "ANNOTATOR"})
	if u, _ := e.srv.User("VXNlcjoxOmFBYUE="); u.Email != "alice@example.org" || u.Role != "ANNOTATOR" || len(e.srv.Users()) != 3 {
		t.Errorf("replaced user %+v", u)
	}
	defer func() {
		if recover() == nil {
			t.Error("AddUser took an unknown role")
		}
	}()
	e.srv.AddUser(User{Email: "x@example.com", Role: "OWNER"})
}
