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

const roleBindings = "/v2/role-bindings"

func bindingPath(id string) string { return roleBindings + "/" + url.PathEscape(id) }

// bindingBody is a create body.
func bindingBody(role, user, typ, resource string) string {
	return fmt.Sprintf(`{"role_id":%q,"user_id":%q,"resource_type":%q,"resource_id":%q}`, role, user, typ, resource)
}

// createBinding POSTs a binding and fails the test unless it answers 201.
func (e *env) createBinding(role, user, typ, resource string) map[string]any {
	e.t.Helper()
	r := e.do("POST", roleBindings, bindingBody(role, user, typ, resource))
	if r.status != http.StatusCreated {
		e.t.Fatalf("POST %s: %d %s", roleBindings, r.status, r.body)
	}
	return r.json(e.t)
}

func TestRoleBindingCreate(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	custom := e.createRole(`{"name":"Reviewer","permissions":["SPACE_READ"]}`)["id"].(string)
	member := predefinedRoleID(t, e, "Member")
	hidden := e.createSpace(tm.org, "hidden")
	e.srv.ForbidSpace(hidden, true)
	deleted := e.srv.AddUser(User{Email: "gone@example.com"}).ID
	e.srv.RemoveUser(deleted)

	got := e.createBinding(custom, tm.member, "SPACE", tm.space)
	id := got["id"].(string)
	relaySeq(t, "RoleBinding", id)
	want := map[string]any{"id": id, "role_id": custom, "user_id": tm.member, "resource_type": "SPACE",
		"resource_id": tm.space, "created_at": got["created_at"], "updated_at": got["created_at"]}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("create\n got %v\nwant %v", got, want)
	}
	// A predefined role can be bound; a project is any id that is no space's.
	e.createBinding(member, tm.admin, "SPACE", tm.space)
	e.createBinding(custom, tm.member, "PROJECT", "UHJvamVjdDo1OmFCY0Q=")

	tests := []struct {
		name, body string
		status     int
		detail     string
	}{
		{"one binding per user and resource", bindingBody(member, tm.member, "SPACE", tm.space), 409, "only one binding per user and resource"},
		{"per project too", bindingBody(member, tm.member, "PROJECT", "UHJvamVjdDo1OmFCY0Q="), 409, "only one binding"},
		{"unknown member", `{"role_id":"r","user_id":"u","resource_type":"SPACE","resource_id":"s","note":"x"}`, 400, `unknown field "note"`},
		{"server-set", `{"role_id":"r","user_id":"u","resource_type":"SPACE","resource_id":"s","id":"x"}`, 400, "id is set by the server"},
		{"wrong type", `{"role_id":1,"user_id":"u","resource_type":"SPACE","resource_id":"s"}`, 400, "role_id must be a string"},
		{"missing", `{"user_id":"u","resource_type":"SPACE","resource_id":"s"}`, 422, "role_id is required"},
		{"null", `{"role_id":null,"user_id":"u","resource_type":"SPACE","resource_id":"s"}`, 422, "role_id must not be null"},
		{"empty", bindingBody(member, "", "SPACE", tm.space), 422, "user_id must not be empty"},
		{"organization type", bindingBody(member, tm.member, "ORGANIZATION", tm.org), 422, "resource_type must be one of SPACE, PROJECT"},
		{"lower-case type", bindingBody(member, tm.member, "space", tm.space), 422, "resource_type must be one of"},
		{"a space as a project", bindingBody(member, tm.outsider, "PROJECT", tm.space), 422, "is a space"},
		{"unknown user", bindingBody(member, "bm9wZQ==", "SPACE", tm.space), 404, "user"},
		{"deleted user", bindingBody(member, deleted, "SPACE", tm.space), 404, "user"},
		{"unknown role", bindingBody("bm9wZQ==", tm.outsider, "SPACE", tm.space), 404, "role"},
		{"unknown space", bindingBody(member, tm.outsider, "SPACE", "bm9wZQ=="), 404, "space"},
		{"forbidden space", bindingBody(member, tm.outsider, "SPACE", hidden), 403, "access"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := map[int]string{400: CodeInvalidRequest, 403: CodeForbidden, 404: CodeNotFound,
				409: CodeNameConflict, 422: CodeValidationError}[tt.status]
			r := e.do("POST", roleBindings, tt.body)
			wantProblem(t, r, tt.status, code, roleBindings, tt.detail)
			if tt.status == 409 && strings.Contains(string(r.body), id) {
				t.Errorf("409 names the binding held: %s", r.body)
			}
		})
	}
	if n := len(e.srv.RoleBindings()); n != 3 {
		t.Errorf("%d bindings stored, want 3", n)
	}
}

func TestRoleBindingGetUpdateDelete(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	a := e.createRole(`{"name":"A","permissions":["SPACE_READ"]}`)["id"].(string)
	b := e.createRole(`{"name":"B","permissions":["SPACE_READ"]}`)["id"].(string)
	id := e.createBinding(a, tm.member, "SPACE", tm.space)["id"].(string)
	e.clock.Advance(1e9)
	tests := []struct {
		name, method, path, body string
		status                   int
		detail                   string
	}{
		{"get", "GET", bindingPath(id), "", 200, ""},
		{"get unknown", "GET", bindingPath("bm9wZQ=="), "", 404, "not found"},
		{"patch role", "PATCH", bindingPath(id), `{"role_id":"` + b + `"}`, 200, ""},
		{"patch empty", "PATCH", bindingPath(id), `{}`, 400, "must set role_id"},
		{"patch user_id", "PATCH", bindingPath(id), `{"role_id":"` + a + `","user_id":"x"}`, 400, "user_id cannot be changed"},
		{"patch resource_id", "PATCH", bindingPath(id), `{"resource_id":"x"}`, 400, "resource_id cannot be changed"},
		{"patch unknown member", "PATCH", bindingPath(id), `{"role":"x"}`, 400, `unknown field "role"`},
		{"patch null", "PATCH", bindingPath(id), `{"role_id":null}`, 422, "must not be null"},
		{"patch unknown role", "PATCH", bindingPath(id), `{"role_id":"bm9wZQ=="}`, 404, "role"},
		{"patch unknown binding", "PATCH", bindingPath("bm9wZQ=="), `{"role_id":"` + a + `"}`, 404, "role binding"},
		{"delete unknown", "DELETE", bindingPath("bm9wZQ=="), "", 404, "not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do(tt.method, tt.path, tt.body)
			if tt.status == 200 {
				if r.status != 200 {
					t.Fatalf("%d %s", r.status, r.body)
				}
				return
			}
			code := map[int]string{400: CodeInvalidRequest, 404: CodeNotFound, 422: CodeValidationError}[tt.status]
			wantProblem(t, r, tt.status, code, "", tt.detail)
		})
	}
	got := e.do("GET", bindingPath(id), "").json(t)
	if got["role_id"] != b || got["updated_at"] == got["created_at"] || got["user_id"] != tm.member {
		t.Errorf("after PATCH: %v", got)
	}
	if r := e.do("DELETE", bindingPath(id), ""); r.status != 204 || len(r.body) != 0 {
		t.Fatalf("DELETE: %d %s", r.status, r.body)
	}
	wantProblem(t, e.do("GET", bindingPath(id), ""), 404, CodeNotFound, "", "not found")
	e.createBinding(a, tm.member, "SPACE", tm.space) // the pair is free again
}

func TestRoleBindingList(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	role := predefinedRoleID(t, e, "Member")
	s1 := e.createBinding(role, tm.member, "SPACE", tm.space)["id"].(string)
	p1 := e.createBinding(role, tm.member, "PROJECT", "cHJvag==")["id"].(string)
	s2 := e.createBinding(role, tm.admin, "SPACE", tm.space)["id"].(string)
	ids := func(query string) string {
		t.Helper()
		r := e.do("GET", roleBindings+query, "")
		if r.status != 200 {
			t.Fatalf("GET %s: %d %s", query, r.status, r.body)
		}
		var out []string
		for _, b := range r.json(t)["role_bindings"].([]any) {
			out = append(out, b.(map[string]any)["id"].(string))
		}
		return strings.Join(out, ",")
	}
	tests := []struct{ query, want string }{
		{"?resource_type=SPACE", s1 + "," + s2},
		{"?resource_type=PROJECT", p1},
		{"?resource_type=SPACE&user_id=" + url.QueryEscape(tm.member), s1},
		{"?resource_type=PROJECT&user_id=" + url.QueryEscape(tm.admin), ""},
	}
	for _, tt := range tests {
		if got := ids(tt.query); got != tt.want {
			t.Errorf("GET %s = %s, want %s", tt.query, got, tt.want)
		}
	}
	errs := []struct {
		query  string
		status int
	}{
		{"", 400},
		{"?resource_type=ORGANIZATION", 400},
		{"?resource_type=SPACE&resource_id=x", 400},
		{"?resource_type=SPACE&role_id=x", 400},
		{"?resource_type=SPACE&user_id=bm9wZQ==", 404},
	}
	for _, tt := range errs {
		code := map[int]string{400: CodeInvalidRequest, 404: CodeNotFound}[tt.status]
		wantProblem(t, e.do("GET", roleBindings+tt.query, ""), tt.status, code, "", "")
	}
}

func TestRoleBindingCascades(t *testing.T) {
	tests := []struct {
		name string
		act  func(e *env, tm team, role, space string)
		gone bool
	}{
		{"space deleted", func(e *env, _ team, _, space string) { e.srv.RemoveSpace(space) }, true},
		{"organization deleted", func(e *env, tm team, _, _ string) { e.srv.RemoveOrganization(tm.org) }, true},
		{"custom role deleted", func(e *env, _ team, role, _ string) {
			if r := e.do("DELETE", rolePath(role), ""); r.status != 204 {
				e.t.Fatalf("DELETE role: %d %s", r.status, r.body)
			}
		}, true},
		{"user deleted", func(e *env, tm team, _, _ string) { e.srv.RemoveUser(tm.member) }, true},
		{"removed from the space", func(e *env, tm team, _, space string) {
			if r := e.do("DELETE", spaceUserPath(space, tm.member), ""); r.status != 204 {
				e.t.Fatalf("DELETE member: %d %s", r.status, r.body)
			}
		}, true},
		{"removed from the organization", func(e *env, tm team, _, _ string) { e.srv.RemoveOrganizationMember(tm.org, tm.member) }, true},
		{"other space deleted", func(e *env, tm team, _, _ string) { e.srv.RemoveSpace(e.createSpace(tm.org, "other")) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			tm := newTeam(e)
			e.addMember(orgUsersPath(tm.org), tm.member, tm.memberRole)
			e.addMember(spaceUsersPath(tm.space), tm.member, tm.memberRole)
			role := e.createRole(`{"name":"R","permissions":["SPACE_READ"]}`)["id"].(string)
			id := e.createBinding(role, tm.member, "SPACE", tm.space)["id"].(string)
			project := e.createBinding(role, tm.admin, "PROJECT", "cHJvag==")["id"].(string)
			tt.act(e, tm, role, tm.space)
			_, ok := e.srv.RoleBinding(id)
			if ok == tt.gone {
				t.Errorf("binding still there: %v, want %v", ok, !tt.gone)
			}
			if _, ok := e.srv.RoleBinding(project); !ok && tt.name != "custom role deleted" {
				t.Error("an unrelated binding went too")
			}
		})
	}
}

func TestRoleBindingHooks(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	role := predefinedRoleID(t, e, "Member")
	e.srv.ResetCounters()
	b, err := e.srv.PutRoleBinding(RoleBinding{ID: "ignored", RoleID: role, UserID: tm.member, ResourceType: "SPACE", ResourceID: tm.space})
	if err != nil || b.ID == "ignored" {
		t.Fatalf("PutRoleBinding: %+v %v", b, err)
	}
	_, err = e.srv.PutRoleBinding(RoleBinding{RoleID: role, UserID: tm.member, ResourceType: "SPACE", ResourceID: tm.space})
	var p *Problem
	if !errors.As(err, &p) || p.Status != 409 {
		t.Errorf("second binding: %v", err)
	}
	if got := e.srv.RoleBindings(); len(got) != 1 || got[0] != b {
		t.Errorf("RoleBindings = %+v", got)
	}
	if !e.srv.RemoveRoleBinding(b.ID) || e.srv.RemoveRoleBinding(b.ID) {
		t.Error("RemoveRoleBinding: want true once, then false")
	}
	if n := e.srv.Total(); n != 0 {
		t.Errorf("hooks were counted: %d", n)
	}
}

// TestAccessRoutes covers the routes of users, roles and bindings: 405
// with Allow, unknown paths, counters, and the fault middleware (a write
// dropped after commit is applied).
func TestAccessRoutes(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	role := predefinedRoleID(t, e, "Member")
	routes := []struct{ method, path, allow string }{
		{"PUT", users, "GET, POST"},
		{"POST", userPath(tm.member), "GET, PATCH, DELETE"},
		{"GET", userPath(tm.member) + "/resend-invitation", "POST"},
		{"DELETE", userPath(tm.member) + "/reset-password", "POST"},
		{"DELETE", roles, "GET, POST"},
		{"PUT", rolePath(role), "GET, PATCH, DELETE"},
		{"PATCH", roleBindings, "GET, POST"},
		{"POST", bindingPath("x"), "GET, PATCH, DELETE"},
		{"GET", userPath(tm.member) + "/roles", ""},
		{"GET", "/v2/users//reset-password", ""},
		{"GET", "/v2/role-bindings/x/y", ""},
	}
	for _, tt := range routes {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			r := e.do(tt.method, tt.path, "")
			if tt.allow == "" {
				wantProblem(t, r, 404, CodeNotFound, "", "no such endpoint")
				return
			}
			wantProblem(t, r, 405, CodeMethodNotAllowed, "", "")
			if got := r.header.Get("Allow"); got != tt.allow {
				t.Errorf("Allow %q, want %q", got, tt.allow)
			}
		})
	}
	if n := e.srv.Count("POST", RouteUser); n != 1 {
		t.Errorf("Count(POST %s) = %d, want 1", RouteUser, n)
	}
	if n := e.srv.Answers("PUT", RouteRole, 405); n != 1 {
		t.Errorf("Answers(PUT %s, 405) = %d, want 1", RouteRole, n)
	}
	if r := e.raw("GET", users, "", nil); r.status != 401 {
		t.Errorf("no key: %d", r.status)
	}

	// Every new write is behind the fault middleware: dropped after commit,
	// it is applied all the same.
	e.srv.ResetCounters()
	e.srv.DropNext(4, true)
	writes := []struct{ method, path, body string }{
		{"POST", users, `{"name":"d","email":"d@example.com","role":{"type":"PREDEFINED","name":"MEMBER"},"invite_mode":"NONE"}`},
		{"POST", roles, `{"name":"dropped","permissions":["SPACE_READ"]}`},
		{"POST", roleBindings, bindingBody(role, tm.member, "SPACE", tm.space)},
		{"PATCH", userPath(tm.member), `{"name":"patched"}`},
	}
	for _, w := range writes {
		if _, err := e.try(w.method, w.path, w.body); err == nil {
			t.Errorf("%s %s: answered, want dropped", w.method, w.path)
		}
	}
	if n := len(e.srv.RoleBindings()); n != 1 {
		t.Errorf("%d bindings, want the dropped one applied", n)
	}
	if u, _ := e.srv.User(tm.member); u.Name != "patched" {
		t.Errorf("dropped PATCH not applied: %+v", u)
	}
	if got := e.srv.Injected(); got["drop_after_commit"] != 4 {
		t.Errorf("Injected %v", got)
	}
	// Retried, the create answers as the contract says.
	r := e.do("POST", users, writes[0].body)
	wantProblem(t, r, 409, CodeNameConflict, users, "already an active user")
	wantProblem(t, e.do("POST", roles, writes[1].body), 409, CodeNameConflict, roles, "already exists")
	wantProblem(t, e.do("POST", roleBindings, writes[2].body), 409, CodeNameConflict, roleBindings, "only one binding")
	e.srv.FailNext(1, 503)
	wantProblem(t, e.do("GET", roles, ""), 503, CodeServiceUnavailable, "", "")
	if n := e.srv.Count("POST", RouteRoleBindings); n != 2 {
		t.Errorf("Count(POST %s) = %d, want 2", RouteRoleBindings, n)
	}
}

// TestAccessConcurrentCreates: racing creates of one user, one role name
// and one binding make exactly one each; the others answer 200 (the pending
// invitation) or 409.
func TestAccessConcurrentCreates(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	role := predefinedRoleID(t, e, "Member")
	bodies := []struct{ path, body string }{
		{users, `{"name":"r","email":"race@example.com","role":{"type":"PREDEFINED","name":"MEMBER"},"invite_mode":"EMAIL_LINK"}`},
		{roles, `{"name":"race","permissions":["SPACE_READ"]}`},
		{roleBindings, bindingBody(role, tm.member, "SPACE", tm.space)},
	}
	const n = 16
	for _, b := range bodies {
		statuses := make(chan int, n)
		for range n {
			go func() {
				req, _ := http.NewRequest("POST", e.http.URL+b.path, strings.NewReader(b.body))
				req.Header.Set("Authorization", "Bearer "+testKey)
				resp, err := e.http.Client().Do(req)
				if err != nil {
					statuses <- 0
					return
				}
				resp.Body.Close()
				statuses <- resp.StatusCode
			}()
		}
		counts := map[int]int{}
		for range n {
			counts[<-statuses]++
		}
		if counts[201] != 1 || counts[201]+counts[200]+counts[409] != n {
			t.Errorf("POST %s: %v, want one 201 and the rest 200 or 409", b.path, counts)
		}
	}
	if len(e.srv.RoleBindings()) != 1 {
		t.Errorf("%d bindings", len(e.srv.RoleBindings()))
	}
}
