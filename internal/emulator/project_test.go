package emulator

import (
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

const projects = "/v2/projects"

func projectPath(id string) string { return projects + "/" + url.PathEscape(id) }

// createProject POSTs a project and fails the test unless it answers 201.
func (e *env) createProject(spaceID, name string) map[string]any {
	e.t.Helper()
	r := e.do("POST", projects, body(e.t, map[string]any{"space_id": spaceID, "name": name}))
	if r.status != http.StatusCreated {
		e.t.Fatalf("POST %s %q: %d %s", projects, name, r.status, r.body)
	}
	return r.json(e.t)
}

// projectIDs lists projects with query and returns their ids, comma-joined,
// and the page's pagination.
func (e *env) projectIDs(query string) (string, map[string]any) {
	e.t.Helper()
	r := e.do("GET", projects+query, "")
	if r.status != http.StatusOK {
		e.t.Fatalf("GET %s%s: %d %s", projects, query, r.status, r.body)
	}
	got := r.json(e.t)
	var ids []string
	for _, p := range got["projects"].([]any) {
		ids = append(ids, p.(map[string]any)["id"].(string))
	}
	return strings.Join(ids, ","), got["pagination"].(map[string]any)
}

func TestProjectCreate(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	other := e.createSpace(tm.org, "other")
	hidden := e.createSpace(tm.org, "hidden")
	e.srv.ForbidSpace(hidden, true)

	r := e.do("POST", projects, `{"name":"Chatbot","space_id":"`+tm.space+`"}`)
	if r.status != http.StatusCreated {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	got := r.json(t)
	id := got["id"].(string)
	relaySeq(t, "Project", id)
	want := map[string]any{"id": id, "name": "Chatbot", "space_id": tm.space, "created_at": "2026-02-13T21:27:19.055Z"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("create\n got %v\nwant %v", got, want)
	}
	if loc := r.header.Get("Location"); loc != projectPath(id) {
		t.Errorf("Location %q", loc)
	}
	// The same name in another space, and a name differing in case, are fine.
	e.createProject(other, "Chatbot")
	e.createProject(tm.space, "chatbot")

	tests := []struct {
		name, body string
		status     int
		detail     string
	}{
		{"name taken in the space", `{"name":"Chatbot","space_id":"` + tm.space + `"}`, 409, "already exists in the space"},
		{"unknown member", `{"name":"a","space_id":"` + tm.space + `","description":"d"}`, 400, `unknown field "description"`},
		{"id", `{"name":"a","space_id":"` + tm.space + `","id":"x"}`, 400, "id is set by the server"},
		{"created_at", `{"name":"a","space_id":"` + tm.space + `","created_at":"x"}`, 400, "created_at is set by the server"},
		{"updated_at", `{"name":"a","space_id":"` + tm.space + `","updated_at":"x"}`, 400, "updated_at is set by the server"},
		{"wrong type", `{"name":1,"space_id":"` + tm.space + `"}`, 400, "name must be a string"},
		{"400 wins over 422", `{"name":1}`, 400, "name must be a string"},
		{"missing name", `{"space_id":"` + tm.space + `"}`, 422, "name is required"},
		{"missing space", `{"name":"a"}`, 422, "space_id is required"},
		{"null name", `{"name":null,"space_id":"` + tm.space + `"}`, 422, "name must not be null"},
		{"empty space", `{"name":"a","space_id":""}`, 422, "space_id must not be empty"},
		{"blank name", `{"name":"  ","space_id":"` + tm.space + `"}`, 422, "must not be blank"},
		{"unknown space", `{"name":"a","space_id":"bm9wZQ=="}`, 422, "space_id: space"},
		{"forbidden space", `{"name":"a","space_id":"` + hidden + `"}`, 403, "access"},
		{"not an object", `["a"]`, 400, "JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := map[int]string{400: CodeInvalidRequest, 403: CodeForbidden, 409: CodeNameConflict, 422: CodeValidationError}[tt.status]
			r := e.do("POST", projects, tt.body)
			wantProblem(t, r, tt.status, code, projects, tt.detail)
			if tt.status == 409 && strings.Contains(string(r.body), id) {
				t.Errorf("409 names the project held: %s", r.body)
			}
		})
	}
	if n := len(e.srv.Projects()); n != 3 {
		t.Errorf("%d projects stored, want 3", n)
	}
}

func TestProjectGetUpdateDelete(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	id := e.createProject(tm.space, "a")["id"].(string)
	e.createProject(tm.space, "taken")
	hidden := e.createSpace(tm.org, "hidden")
	secret := e.createProject(hidden, "secret")["id"].(string)
	e.srv.ForbidSpace(hidden, true)
	e.clock.Advance(1e9)
	tests := []struct {
		name, method, path, body string
		status                   int
		detail                   string
	}{
		{"get", "GET", projectPath(id), "", 200, ""},
		{"get unknown", "GET", projectPath("bm9wZQ=="), "", 404, "not found"},
		{"get forbidden", "GET", projectPath(secret), "", 403, "access"},
		{"rename to itself", "PATCH", projectPath(id), `{"name":"a"}`, 200, ""},
		{"patch empty", "PATCH", projectPath(id), `{}`, 400, "must set name"},
		{"patch space", "PATCH", projectPath(id), `{"name":"b","space_id":"` + tm.space + `"}`, 400, "cannot move"},
		{"patch unknown member", "PATCH", projectPath(id), `{"description":"d"}`, 400, `unknown field "description"`},
		{"patch id", "PATCH", projectPath(id), `{"id":"x"}`, 400, "set by the server"},
		{"patch null", "PATCH", projectPath(id), `{"name":null}`, 422, "must not be null"},
		{"patch blank", "PATCH", projectPath(id), `{"name":" "}`, 422, "must not be blank"},
		{"patch taken", "PATCH", projectPath(id), `{"name":"taken"}`, 409, "already exists in the space"},
		{"patch unknown", "PATCH", projectPath("bm9wZQ=="), `{"name":"b"}`, 404, "not found"},
		{"patch forbidden", "PATCH", projectPath(secret), `{"name":"b"}`, 403, "access"},
		{"delete unknown", "DELETE", projectPath("bm9wZQ=="), "", 404, "not found"},
		{"delete forbidden", "DELETE", projectPath(secret), "", 403, "access"},
		{"rename", "PATCH", projectPath(id), `{"name":"renamed"}`, 200, ""},
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
			code := map[int]string{400: CodeInvalidRequest, 403: CodeForbidden, 404: CodeNotFound,
				409: CodeNameConflict, 422: CodeValidationError}[tt.status]
			wantProblem(t, r, tt.status, code, "", tt.detail)
		})
	}
	got := e.do("GET", projectPath(id), "").json(t)
	want := map[string]any{"id": id, "name": "renamed", "space_id": tm.space, "created_at": "2026-02-13T21:27:19.055Z"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after PATCH\n got %v\nwant %v", got, want)
	}
	if _, ok := e.srv.Project(secret); !ok {
		t.Error("a forbidden DELETE deleted")
	}
	if r := e.do("DELETE", projectPath(id), ""); r.status != 204 || len(r.body) != 0 {
		t.Fatalf("DELETE: %d %s", r.status, r.body)
	}
	wantProblem(t, e.do("GET", projectPath(id), ""), 404, CodeNotFound, "", "not found")
	wantProblem(t, e.do("DELETE", projectPath(id), ""), 404, CodeNotFound, "", "not found")
	e.createProject(tm.space, "renamed") // the name is free again
}

func TestProjectList(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	staging := e.createSpace(tm.org, "Staging EU")
	hidden := e.createSpace(tm.org, "hidden stage")
	a := e.createProject(tm.space, "Chatbot")["id"].(string)
	b := e.createProject(staging, "chat-eval")["id"].(string)
	c := e.createProject(tm.space, "Retriever")["id"].(string)
	e.createProject(hidden, "Chatbot")
	e.srv.ForbidSpace(hidden, true)
	tests := []struct{ query, want string }{
		{"", a + "," + b + "," + c},
		{"?space_id=" + url.QueryEscape(tm.space), a + "," + c},
		{"?space_name=STAG", b},
		{"?name=CHAT", a + "," + b},
		{"?name=chat&space_id=" + url.QueryEscape(tm.space), a},
		{"?name=nothing", ""},
	}
	for _, tt := range tests {
		if got, _ := e.projectIDs(tt.query); got != tt.want {
			t.Errorf("GET %s = %s, want %s", tt.query, got, tt.want)
		}
	}
	// Paging: a cursor per page, stable while a project before it goes.
	first, pg := e.projectIDs("?limit=2")
	if first != a+","+b || pg["has_more"] != true {
		t.Fatalf("page 1: %s %v", first, pg)
	}
	e.srv.RemoveProject(a)
	second, pg := e.projectIDs("?limit=2&cursor=" + pg["next_cursor"].(string))
	if second != c || pg["has_more"] != false || pg["next_cursor"] != nil {
		t.Errorf("page 2: %s %v", second, pg)
	}
	errs := []struct {
		query  string
		status int
	}{
		{"?space_id=bm9wZQ==", 404},
		{"?space_id=" + url.QueryEscape(hidden), 404},
		{"?space_name=nothing", 404},
		{"?space_name=hidden", 404},
		{"?org_id=" + url.QueryEscape(tm.org), 400},
		{"?name=" + strings.Repeat("n", 256), 400},
		{"?limit=0", 400},
		{"?limit=101", 400},
		{"?cursor=bogus", 400},
	}
	for _, tt := range errs {
		code := map[int]string{400: CodeInvalidRequest, 404: CodeNotFound}[tt.status]
		wantProblem(t, e.do("GET", projects+tt.query, ""), tt.status, code, "", "")
	}
	_, pg = e.projectIDs("?limit=1")
	wantProblem(t, e.do("GET", projects+"?limit=1&name=x&cursor="+pg["next_cursor"].(string), ""), 400, CodeInvalidRequest, "", "cursor")
}

// TestProjectCascades: a project goes with its space and organization, and
// takes its restriction and the PROJECT bindings naming it along; nothing
// else goes.
func TestProjectCascades(t *testing.T) {
	tests := []struct {
		name string
		act  func(e *env, tm team, project string)
	}{
		{"project deleted", func(e *env, _ team, project string) {
			if r := e.do("DELETE", projectPath(project), ""); r.status != 204 {
				e.t.Fatalf("DELETE: %d %s", r.status, r.body)
			}
		}},
		{"project removed", func(e *env, _ team, project string) { e.srv.RemoveProject(project) }},
		{"space deleted", func(e *env, tm team, _ string) {
			if r := e.do("DELETE", spacePath(tm.space), ""); r.status != 204 {
				e.t.Fatalf("DELETE space: %d %s", r.status, r.body)
			}
		}},
		{"organization deleted", func(e *env, tm team, _ string) { e.srv.RemoveOrganization(tm.org) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			tm := newTeam(e)
			otherOrg := e.createOrg("other org")
			elsewhere := e.createProject(e.createSpace(otherOrg, "s"), "kept")["id"].(string)
			project := e.createProject(tm.space, "p")["id"].(string)
			role := predefinedRoleID(t, e, "Member")
			for _, p := range []string{project, elsewhere} {
				if r := e.do("POST", restrictions, `{"resource_id":"`+p+`"}`); r.status != 200 {
					t.Fatalf("restrict: %d %s", r.status, r.body)
				}
			}
			gone := e.createBinding(role, tm.member, "PROJECT", project)["id"].(string)
			kept := e.createBinding(role, tm.member, "PROJECT", elsewhere)["id"].(string)
			made := e.createBinding(role, tm.admin, "PROJECT", "UHJvamVjdDo5OTk6YUJjRA==")["id"].(string)
			space := e.createBinding(role, tm.admin, "SPACE", e.createSpace(otherOrg, "t"))["id"].(string)

			tt.act(e, tm, project)
			if _, ok := e.srv.Project(project); ok {
				t.Error("the project is still there")
			}
			if _, ok := e.srv.Restriction(project); ok {
				t.Error("its restriction is still there")
			}
			if _, ok := e.srv.RoleBinding(gone); ok {
				t.Error("its PROJECT binding is still there")
			}
			if _, ok := e.srv.Project(elsewhere); !ok {
				t.Error("another organization's project went too")
			}
			if _, ok := e.srv.Restriction(elsewhere); !ok {
				t.Error("another project's restriction went too")
			}
			for _, b := range []string{kept, made, space} {
				if _, ok := e.srv.RoleBinding(b); !ok {
					t.Errorf("binding %s went too", b)
				}
			}
			// The name is free again in a space that still exists.
			if _, ok := e.srv.Space(tm.space); ok {
				e.createProject(tm.space, "p")
			}
		})
	}
}

func TestProjectHooks(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	hidden := e.createSpace(tm.org, "hidden")
	e.srv.ForbidSpace(hidden, true)
	e.srv.ResetCounters()
	p, err := e.srv.PutProject(hidden, "made outside")
	if err != nil || p.ID == "" || p.SpaceID != hidden || p.CreatedAt.IsZero() {
		t.Fatalf("PutProject in a forbidden space: %+v %v", p, err)
	}
	var pr *Problem
	if _, err := e.srv.PutProject(hidden, "made outside"); !errors.As(err, &pr) || pr.Status != 409 {
		t.Errorf("PutProject of a name taken: %v", err)
	}
	if _, err := e.srv.PutProject("bm9wZQ==", "x"); !errors.As(err, &pr) || pr.Status != 422 {
		t.Errorf("PutProject in no space: %v", err)
	}
	if _, err := e.srv.PutProject(tm.space, ""); !errors.As(err, &pr) || pr.Status != 422 {
		t.Errorf("PutProject without a name: %v", err)
	}
	if got, ok := e.srv.Project(p.ID); !ok || got != p {
		t.Errorf("Project = %+v %v", got, ok)
	}
	if got := e.srv.Projects(); len(got) != 1 || got[0] != p {
		t.Errorf("Projects = %+v", got)
	}
	if !e.srv.RemoveProject(p.ID) || e.srv.RemoveProject(p.ID) {
		t.Error("RemoveProject: want true once, then false")
	}
	if n := e.srv.Total(); n != 0 {
		t.Errorf("hooks were counted: %d", n)
	}
}
