package emulator

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

const users = "/v2/users"

func userPath(id string) string { return users + "/" + url.PathEscape(id) }

// createUser POSTs a user and fails the test unless it answers want.
func (e *env) createUser(email, role, mode string, want int) map[string]any {
	e.t.Helper()
	body := fmt.Sprintf(`{"name":"  %s  ","email":%q,"role":{"type":"PREDEFINED","name":%q},"invite_mode":%q}`,
		email, email, role, mode)
	r := e.do("POST", users, body)
	if r.status != want {
		e.t.Fatalf("POST %s: %d, want %d: %s", users, r.status, want, r.body)
	}
	return r.json(e.t)
}

func TestUserCreate(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		mode, role   string
		wantStatus   string
		wantPassword bool
		wantDev      bool
	}{
		{"NONE", "ADMIN", "ACTIVE", false, true},
		{"EMAIL_LINK", "MEMBER", "INVITED", false, true},
		{"TEMPORARY_PASSWORD", "ANNOTATOR", "INVITED", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			email := strings.ToLower(tt.mode) + "@example.com"
			got := e.createUser(email, tt.role, tt.mode, http.StatusCreated)
			pw, hasPW := got["temporary_password"].(string)
			if hasPW != tt.wantPassword || (hasPW && len(pw) < 12) {
				t.Errorf("temporary_password %q present %v, want %v", pw, hasPW, tt.wantPassword)
			}
			id, _ := got["id"].(string)
			relaySeq(t, "User", id)
			want := map[string]any{"id": id, "name": email, "email": email, "created_at": got["created_at"],
				"status": tt.wantStatus, "role": map[string]any{"type": "PREDEFINED", "name": tt.role},
				"is_developer": tt.wantDev, "invite_mode": tt.mode}
			delete(got, "temporary_password")
			if !reflect.DeepEqual(got, want) {
				t.Errorf("create\n got %v\nwant %v", got, want)
			}
			// The password is answered once: GET and the list never carry it.
			r := e.do("GET", userPath(id), "")
			if r.status != 200 || strings.Contains(string(r.body), `"temporary_password"`) ||
				strings.Contains(string(r.body), `"invite_mode"`) {
				t.Errorf("GET: %d %s", r.status, r.body)
			}
		})
	}
	if l := e.do("GET", users, ""); strings.Contains(string(l.body), `"temporary_password"`) {
		t.Errorf("list carries the password: %s", l.body)
	}
}

func TestUserCreateIdempotency(t *testing.T) {
	e := newEnv(t)
	invited := e.createUser("inv@example.com", "MEMBER", "EMAIL_LINK", 201)["id"].(string)
	e.createUser("act@example.com", "MEMBER", "NONE", 201)
	expired := e.createUser("exp@example.com", "MEMBER", "EMAIL_LINK", 201)["id"].(string)
	u, _ := e.srv.User(expired)
	u.Status = "EXPIRED"
	if _, err := e.srv.PutUser(u); err != nil {
		t.Fatal(err)
	}
	deleted := e.createUser("del@example.com", "MEMBER", "NONE", 201)["id"].(string)
	if r := e.do("DELETE", userPath(deleted), ""); r.status != 204 {
		t.Fatalf("DELETE: %d %s", r.status, r.body)
	}
	tests := []struct {
		name, email, mode string
		status            int
		id, detail        string
	}{
		{"pending invitation adopted", "INV@example.com", "TEMPORARY_PASSWORD", 200, invited, ""},
		{"pending invitation, mode NONE", "inv@example.com", "NONE", 200, invited, ""},
		{"active", "act@example.com", "EMAIL_LINK", 409, "", "already an active user"},
		{"active, mode NONE", "Act@Example.com", "NONE", 409, "", "already an active user"},
		{"deleted", "del@example.com", "EMAIL_LINK", 409, "", "cannot be re-invited"},
		{"expired invited again", "exp@example.com", "EMAIL_LINK", 201, expired, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := fmt.Sprintf(`{"name":"x","email":%q,"role":{"type":"PREDEFINED","name":"ADMIN"},"invite_mode":%q}`, tt.email, tt.mode)
			r := e.do("POST", users, body)
			if tt.status == 409 {
				wantProblem(t, r, 409, CodeNameConflict, users, tt.detail)
				return
			}
			if r.status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.status, tt.status, r.body)
			}
			got := r.json(t)
			if got["id"] != tt.id {
				t.Errorf("id %v, want %s", got["id"], tt.id)
			}
			_, hasMode := got["invite_mode"]
			_, hasPW := got["temporary_password"]
			if tt.status == 200 && (hasMode || hasPW || got["name"] != "inv@example.com" ||
				got["role"].(map[string]any)["name"] != "MEMBER") {
				t.Errorf("200 must answer the invitation as it is, as a User: %v", got)
			}
			if tt.status == 201 && (got["status"] != "INVITED" || got["name"] != "x") {
				t.Errorf("re-invited: %v", got)
			}
		})
	}
	if n := len(e.srv.Users()); n != 4 {
		t.Errorf("%d users stored, want 4", n)
	}
}

func TestUserCreateRefused(t *testing.T) {
	e := newEnv(t)
	const ok = `"name":"n","email":"a@example.com","role":{"type":"PREDEFINED","name":"MEMBER"},"invite_mode":"NONE"`
	tests := []struct {
		name, body string
		status     int
		detail     string
	}{
		{"unknown member", `{` + ok + `,"org":"x"}`, 400, `unknown field "org"`},
		{"server-set id", `{` + ok + `,"id":"x"}`, 400, "id is set by the server"},
		{"server-set status", `{` + ok + `,"status":"ACTIVE"}`, 400, "status is set by the server"},
		{"temporary_password sent", `{` + ok + `,"temporary_password":"x"}`, 400, "temporary_password is set by the server"},
		{"name wrong type", `{"name":1,"email":"a@example.com","role":{"type":"PREDEFINED","name":"MEMBER"},"invite_mode":"NONE"}`, 400, "name must be a string"},
		{"name blank", `{"name":"  ","email":"a@example.com","role":{"type":"PREDEFINED","name":"MEMBER"},"invite_mode":"NONE"}`, 400, "name must not be blank"},
		{"role a string", `{"name":"n","email":"a@example.com","role":"MEMBER","invite_mode":"NONE"}`, 400, "role must be an object"},
		{"is_developer wrong type", `{` + ok + `,"is_developer":"yes"}`, 400, "is_developer must be a boolean"},
		{"type error wins", `{"name":1,"email":"bad","role":{"type":"PREDEFINED","name":"MEMBER"},"invite_mode":"NONE"}`, 400, "name must be a string"},
		{"name missing", `{"email":"a@example.com","role":{"type":"PREDEFINED","name":"MEMBER"},"invite_mode":"NONE"}`, 422, "name is required"},
		{"email missing", `{"name":"n","role":{"type":"PREDEFINED","name":"MEMBER"},"invite_mode":"NONE"}`, 422, "email is required"},
		{"invite_mode missing", `{"name":"n","email":"a@example.com","role":{"type":"PREDEFINED","name":"MEMBER"}}`, 422, "invite_mode is required"},
		{"role missing", `{"name":"n","email":"a@example.com","invite_mode":"NONE"}`, 422, "role is required"},
		{"email null", `{"name":"n","email":null,"role":{"type":"PREDEFINED","name":"MEMBER"},"invite_mode":"NONE"}`, 422, "email must not be null"},
		{"email malformed", `{"name":"n","email":"nobody","role":{"type":"PREDEFINED","name":"MEMBER"},"invite_mode":"NONE"}`, 422, "not a valid email"},
		{"name too long", `{"name":"` + strings.Repeat("n", 256) + `","email":"a@example.com","role":{"type":"PREDEFINED","name":"MEMBER"},"invite_mode":"NONE"}`, 422, "at most 255"},
		{"invite_mode unknown", `{"name":"n","email":"a@example.com","role":{"type":"PREDEFINED","name":"MEMBER"},"invite_mode":"SMS"}`, 422, "invite_mode must be one of"},
		{"READ_ONLY not an account role", `{"name":"n","email":"a@example.com","role":{"type":"PREDEFINED","name":"READ_ONLY"},"invite_mode":"NONE"}`, 422, "an account role must be one of"},
		{"custom account role", `{"name":"n","email":"a@example.com","role":{"type":"CUSTOM","id":"Um9sZTox"},"invite_mode":"NONE"}`, 422, "custom account roles"},
		{"published spelling", `{"name":"n","email":"a@example.com","role":{"type":"predefined","name":"member"},"invite_mode":"NONE"}`, 422, "role.type must be one of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do("POST", users, tt.body)
			code := CodeInvalidRequest
			if tt.status == 422 {
				code = CodeValidationError
			}
			wantProblem(t, r, tt.status, code, users, tt.detail)
		})
	}
	if n := len(e.srv.Users()); n != 0 {
		t.Errorf("refused creates stored %d users", n)
	}
	if n := e.srv.RefusedForSpellingAt("POST", RouteUsers); n != 1 {
		t.Errorf("RefusedForSpellingAt = %d, want 1", n)
	}
}

func TestUserPublishedDialect(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.Dialect = DialectPublished })
	body := `{"name":"n","email":"a@example.com","role":{"type":"predefined","name":"annotator"},"invite_mode":"EMAIL_LINK"}`
	r := e.do("POST", users, body)
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	got := r.json(t)
	if got["status"] != "invited" || !reflect.DeepEqual(got["role"], map[string]any{"type": "predefined", "name": "annotator"}) {
		t.Errorf("published answer: %v", got)
	}
	if u, _ := e.srv.User(got["id"].(string)); u.Status != "INVITED" || u.Role != "ANNOTATOR" {
		t.Errorf("stored %+v, want today's spelling", u)
	}
	if r := e.do("GET", users+"?status=invited", ""); !strings.Contains(string(r.body), "a@example.com") {
		t.Errorf("status=invited: %d %s", r.status, r.body)
	}
	wantProblem(t, e.do("GET", users+"?status=INVITED", ""), 400, CodeInvalidRequest, "", "status must be one of active, invited, expired")
}

func TestUserList(t *testing.T) {
	e := newEnv(t, func(o *Options) {
		o.Users = []User{{Email: "seed@example.com", Name: "Seed", Role: "READ_ONLY"}}
	})
	e.createUser("ann@corp.example", "ANNOTATOR", "EMAIL_LINK", 201)
	e.createUser("bob@corp.example", "MEMBER", "NONE", 201)
	exp := e.createUser("exp@corp.example", "MEMBER", "EMAIL_LINK", 201)["id"].(string)
	u, _ := e.srv.User(exp)
	u.Status = "EXPIRED"
	if _, err := e.srv.PutUser(u); err != nil {
		t.Fatal(err)
	}
	del := e.createUser("del@corp.example", "MEMBER", "NONE", 201)["id"].(string)
	e.srv.RemoveUser(del)

	emails := func(query string) string {
		t.Helper()
		r := e.do("GET", users+query, "")
		if r.status != 200 {
			t.Fatalf("GET %s: %d %s", query, r.status, r.body)
		}
		var out []string
		for _, u := range r.json(t)["users"].([]any) {
			out = append(out, u.(map[string]any)["email"].(string))
		}
		return strings.Join(out, ",")
	}
	tests := []struct{ query, want string }{
		{"", "seed@example.com,ann@corp.example,bob@corp.example,exp@corp.example"},
		{"?email=CORP", "ann@corp.example,bob@corp.example,exp@corp.example"},
		{"?status=ACTIVE", "seed@example.com,bob@corp.example"},
		{"?status=INVITED&status=EXPIRED", "ann@corp.example,exp@corp.example"},
		{"?status=ACTIVE&email=bob", "bob@corp.example"},
		{"?email=del", ""},
	}
	for _, tt := range tests {
		if got := emails(tt.query); got != tt.want {
			t.Errorf("GET %s = %s, want %s", tt.query, got, tt.want)
		}
	}
	// The seeded user is visible, with its role's defaults.
	r := e.do("GET", users+"?email=seed", "")
	seed := r.json(t)["users"].([]any)[0].(map[string]any)
	if seed["status"] != "ACTIVE" || seed["is_developer"] != false || seed["name"] != "Seed" {
		t.Errorf("seeded user: %v", seed)
	}
	// Paging with a repeated status keeps the filter in the cursor.
	r = e.do("GET", users+"?status=ACTIVE&status=INVITED&limit=1", "")
	page := r.json(t)
	cursor := page["pagination"].(map[string]any)["next_cursor"].(string)
	if r := e.do("GET", users+"?status=ACTIVE&status=INVITED&limit=1&cursor="+cursor, ""); r.status != 200 {
		t.Errorf("next page: %d %s", r.status, r.body)
	}
	wantProblem(t, e.do("GET", users+"?status=ACTIVE&limit=1&cursor="+cursor, ""), 400, CodeInvalidRequest, "", "cursor")
	for _, q := range []string{"?status=DELETED", "?status=INACTIVE", "?name=x", "?limit=0", "?email=" + strings.Repeat("e", 256)} {
		wantProblem(t, e.do("GET", users+q, ""), 400, CodeInvalidRequest, "", "")
	}
}

func TestUserGetUpdateDelete(t *testing.T) {
	e := newEnv(t)
	id := e.createUser("u@example.com", "MEMBER", "NONE", 201)["id"].(string)
	tests := []struct {
		name, method, path, body string
		status                   int
		detail                   string
	}{
		{"get unknown", "GET", userPath("bm9wZQ=="), "", 404, "not found"},
		{"patch name trimmed", "PATCH", userPath(id), `{"name":"  New  "}`, 200, ""},
		{"patch is_developer", "PATCH", userPath(id), `{"is_developer":false}`, 200, ""},
		{"patch empty", "PATCH", userPath(id), `{}`, 400, "at least one field"},
		{"patch blank name", "PATCH", userPath(id), `{"name":"   "}`, 400, "must not be blank"},
		{"patch role", "PATCH", userPath(id), `{"role":{"type":"PREDEFINED","name":"ADMIN"}}`, 400, `unknown field "role"`},
		{"patch email", "PATCH", userPath(id), `{"email":"x@example.com"}`, 400, `unknown field "email"`},
		{"patch null name", "PATCH", userPath(id), `{"name":null}`, 422, "must not be null"},
		{"patch long name", "PATCH", userPath(id), `{"name":"` + strings.Repeat("n", 256) + `"}`, 422, "at most 255"},
		{"patch unknown", "PATCH", userPath("bm9wZQ=="), `{"name":"x"}`, 404, "not found"},
		{"delete unknown", "DELETE", userPath("bm9wZQ=="), "", 404, "not found"},
		{"delete self", "DELETE", userPath(defaultUserID), "", 400, "cannot delete themselves"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do(tt.method, tt.path, tt.body)
			if tt.status < 300 {
				if r.status != tt.status {
					t.Fatalf("%d, want %d: %s", r.status, tt.status, r.body)
				}
				return
			}
			code := map[int]string{400: CodeInvalidRequest, 404: CodeNotFound, 422: CodeValidationError}[tt.status]
			wantProblem(t, r, tt.status, code, "", tt.detail)
		})
	}
	got := e.do("GET", userPath(id), "").json(t)
	if got["name"] != "New" || got["is_developer"] != false || got["status"] != "ACTIVE" {
		t.Errorf("after PATCH: %v", got)
	}
	// Delete blocks for ever: 404 on read, 204 again, 409 on re-invite.
	if r := e.do("DELETE", userPath(id), ""); r.status != 204 || len(r.body) != 0 {
		t.Fatalf("DELETE: %d %s", r.status, r.body)
	}
	wantProblem(t, e.do("GET", userPath(id), ""), 404, CodeNotFound, "", "not found")
	wantProblem(t, e.do("PATCH", userPath(id), `{"name":"x"}`), 404, CodeNotFound, "", "not found")
	if r := e.do("DELETE", userPath(id), ""); r.status != 204 {
		t.Errorf("second DELETE: %d %s", r.status, r.body)
	}
	if u, ok := e.srv.User(id); !ok || u.Status != "INACTIVE" {
		t.Errorf("stored %+v %v, want INACTIVE", u, ok)
	}
	e.createUser("u@example.com", "MEMBER", "NONE", 409)
}

func TestUserDeleteCascades(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	other := e.createSpace(tm.org, "other")
	e.addMember(orgUsersPath(tm.org), tm.member, tm.memberRole)
	e.addMember(spaceUsersPath(tm.space), tm.member, tm.memberRole)
	e.addMember(orgUsersPath(tm.org), tm.admin, tm.adminRole)
	role := predefinedRoleID(t, e, "Member")
	b1, err := e.srv.PutRoleBinding(RoleBinding{RoleID: role, UserID: tm.member, ResourceType: "SPACE", ResourceID: other})
	if err != nil {
		t.Fatal(err)
	}
	b2, err := e.srv.PutRoleBinding(RoleBinding{RoleID: role, UserID: tm.admin, ResourceType: "SPACE", ResourceID: other})
	if err != nil {
		t.Fatal(err)
	}
	if r := e.do("DELETE", userPath(tm.member), ""); r.status != 204 {
		t.Fatalf("DELETE: %d %s", r.status, r.body)
	}
	if _, ok := e.srv.OrganizationMembers(tm.org)[tm.member]; ok {
		t.Error("organization membership survived")
	}
	if _, ok := e.srv.SpaceMembers(tm.space)[tm.member]; ok {
		t.Error("space membership survived")
	}
	if _, ok := e.srv.RoleBinding(b1.ID); ok {
		t.Error("role binding survived")
	}
	if _, ok := e.srv.RoleBinding(b2.ID); !ok {
		t.Error("another user's binding went too")
	}
	// A deleted user cannot be named any more.
	r := e.do("POST", orgUsersPath(tm.org), `{"user_id":"`+tm.member+`","role":`+tm.memberRole+`}`)
	wantProblem(t, r, 404, CodeNotFound, "", "not found")
	_, err = e.srv.PutRoleBinding(RoleBinding{RoleID: role, UserID: tm.member, ResourceType: "SPACE", ResourceID: other})
	var p *Problem
	if !errors.As(err, &p) || p.Status != 404 {
		t.Errorf("binding a deleted user: %v", err)
	}
}

func TestUserActions(t *testing.T) {
	e := newEnv(t)
	invited := e.createUser("i@example.com", "MEMBER", "EMAIL_LINK", 201)["id"].(string)
	sso := e.createUser("s@example.com", "MEMBER", "NONE", 201)["id"].(string)
	pw := e.createUser("p@example.com", "MEMBER", "TEMPORARY_PASSWORD", 201)["id"].(string)
	u, _ := e.srv.User(pw)
	u.Status = "ACTIVE" // the invitation was accepted
	if _, err := e.srv.PutUser(u); err != nil {
		t.Fatal(err)
	}
	resend := func(id string) string { return userPath(id) + "/resend-invitation" }
	reset := func(id string) string { return userPath(id) + "/reset-password" }
	tests := []struct {
		path   string
		status int
		detail string
	}{
		{resend(invited), 204, ""},
		{resend(sso), 400, "already accepted"},
		{resend("bm9wZQ=="), 404, "not found"},
		{reset(pw), 204, ""},
		{reset(sso), 400, "SSO"},
		{reset(invited), 400, "not verified"},
		{reset("bm9wZQ=="), 404, "not found"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := e.do("POST", tt.path, "")
			if tt.status == 204 {
				if r.status != 204 || len(r.body) != 0 {
					t.Fatalf("%d %s", r.status, r.body)
				}
				return
			}
			code := map[int]string{400: CodeInvalidRequest, 404: CodeNotFound}[tt.status]
			wantProblem(t, r, tt.status, code, tt.path, tt.detail)
		})
	}
	if e.srv.Invitations(invited) != 1 || e.srv.PasswordResets(pw) != 1 || e.srv.PasswordResets(sso) != 0 {
		t.Errorf("action counters: %d %d %d", e.srv.Invitations(invited), e.srv.PasswordResets(pw), e.srv.PasswordResets(sso))
	}
	if n := e.srv.Count("POST", RouteUserResetPassword); n != 4 {
		t.Errorf("Count(reset-password) = %d, want 4", n)
	}
}

func TestUserHooks(t *testing.T) {
	e := newEnv(t)
	a := e.srv.AddUser(User{Email: "a@example.com", Role: "annotator"})
	if a.Status != "ACTIVE" || a.IsDeveloper == nil || *a.IsDeveloper || a.CreatedAt.IsZero() || a.Role != "ANNOTATOR" {
		t.Errorf("AddUser defaults: %+v", a)
	}
	*a.IsDeveloper = true // the store must not share it
	if got, _ := e.srv.User(a.ID); *got.IsDeveloper {
		t.Error("User shares IsDeveloper with the caller")
	}
	_, err := e.srv.PutUser(User{Email: "A@example.com"})
	var p *Problem
	if !errors.As(err, &p) || p.Status != 409 {
		t.Errorf("PutUser of a held email: %v", err)
	}
	if _, err := e.srv.PutUser(User{Email: "b@example.com", Status: "GONE"}); err == nil {
		t.Error("PutUser took an unknown status")
	}
	if _, err := e.srv.PutUser(User{Email: "b@example.com", Role: "OWNER"}); err == nil {
		t.Error("PutUser took an unknown role")
	}
	if !e.srv.RemoveUser(a.ID) || e.srv.RemoveUser(a.ID) || e.srv.RemoveUser("bm9wZQ==") {
		t.Error("RemoveUser: want true once, then false")
	}
	if n := e.srv.Total(); n != 0 {
		t.Errorf("hooks were counted: %d", n)
	}
}
