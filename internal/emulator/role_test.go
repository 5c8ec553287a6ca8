package emulator

import (
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
)

const roles = "/v2/roles"

func rolePath(id string) string { return roles + "/" + url.PathEscape(id) }

// predefinedRoleID finds a seeded role by name.
func predefinedRoleID(t *testing.T, e *env, name string) string {
	t.Helper()
	for _, r := range e.srv.Roles() {
		if r.IsPredefined && r.Name == name {
			return r.ID
		}
	}
	t.Fatalf("no predefined role %q", name)
	return ""
}

// createRole POSTs a custom role and fails the test unless it answers 201.
func (e *env) createRole(body string) map[string]any {
	e.t.Helper()
	r := e.do("POST", roles, body)
	if r.status != http.StatusCreated {
		e.t.Fatalf("POST %s: %d %s", roles, r.status, r.body)
	}
	return r.json(e.t)
}

func TestPermissionsEnum(t *testing.T) {
	p := Permissions()
	if len(p) != 132 || !slices.IsSorted(p) || len(slices.Compact(slices.Clone(p))) != 132 {
		t.Fatalf("%d permissions, want 132 sorted and distinct", len(p))
	}
	for _, want := range []string{"SERVICE_KEY_REVOKE", "PROJECT_RESTRICT", "MONITOR_TRIGGER", "USER_PERMISSION_UPDATE", "AI_PROVIDER_READ"} {
		if !slices.Contains(p, want) {
			t.Errorf("missing %s", want)
		}
	}
	for _, gone := range []string{"SERVICE_KEY_DELETE", "LLM_INTEGRATION_READ", "ROLE_CREATE"} {
		if slices.Contains(p, gone) {
			t.Errorf("has %s", gone)
		}
	}
}

func TestRolePredefinedSeeded(t *testing.T) {
	e := newEnv(t)
	r := e.do("GET", roles+"?is_predefined=true", "")
	var names []string
	for _, ro := range r.json(t)["roles"].([]any) {
		m := ro.(map[string]any)
		names = append(names, m["name"].(string))
		if m["is_predefined"] != true {
			t.Errorf("%v is not predefined", m)
		}
	}
	if want := []string{"Admin", "Member", "Read Only", "Annotator"}; !reflect.DeepEqual(names, want) {
		t.Errorf("predefined roles %v, want %v", names, want)
	}
	ann := e.do("GET", rolePath(predefinedRoleID(t, e, "Annotator")), "").json(t)
	if !reflect.DeepEqual(ann["permissions"], []any{"QUEUE_READ", "QUEUE_RECORD_ANNOTATE", "QUEUE_RECORD_READ"}) {
		t.Errorf("Annotator: %v", ann)
	}
	if id := predefinedRoleID(t, e, "Admin"); id != "Um9sZToxOmFkbWlu" {
		t.Errorf("Admin id %s, want the GO SDK example's", id)
	}
	admin := predefinedRoleID(t, e, "Admin")
	tests := []struct {
		method, body string
		status       int
	}{
		{"PATCH", `{"name":"Boss"}`, 400},
		{"PATCH", `{}`, 400},
		{"DELETE", "", 400},
	}
	for _, tt := range tests {
		wantProblem(t, e.do(tt.method, rolePath(admin), tt.body), tt.status, CodeInvalidRequest, "", "predefined roles cannot be updated or deleted")
	}
	if ro, _ := e.srv.Role(admin); ro.Name != "Admin" || len(ro.Permissions) != 132 {
		t.Errorf("predefined role changed: %+v", ro)
	}
	e.createRole(`{"name":"custom","permissions":["SPACE_READ"]}`)
	if r := e.do("GET", roles+"?is_predefined=false", ""); len(r.json(t)["roles"].([]any)) != 1 {
		t.Errorf("is_predefined=false: %s", r.body)
	}
	if r := e.do("GET", roles, ""); len(r.json(t)["roles"].([]any)) != 5 {
		t.Errorf("all roles: %s", r.body)
	}
	for _, q := range []string{"?is_predefined=yes", "?name=Admin", "?limit=101"} {
		wantProblem(t, e.do("GET", roles+q, ""), 400, CodeInvalidRequest, "", "")
	}
}

func TestRoleCreate(t *testing.T) {
	e := newEnv(t)
	got := e.createRole(`{"name":"Reviewer","description":"reads","permissions":["SPACE_READ","DATASET_READ","SPACE_READ"]}`)
	id := got["id"].(string)
	relaySeq(t, "Role", id)
	want := map[string]any{"id": id, "name": "Reviewer", "description": "reads",
		"permissions": []any{"DATASET_READ", "SPACE_READ"}, "is_predefined": false,
		"created_at": got["created_at"], "updated_at": got["created_at"]}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("create\n got %v\nwant %v", got, want)
	}
	if got := e.createRole(`{"name":"NoDesc","permissions":["SPACE_READ"]}`); got["description"] != nil {
		t.Errorf("an empty description must be left out: %v", got)
	}
	tests := []struct {
		name, body string
		status     int
		detail     string
	}{
		{"unknown member", `{"name":"x","permissions":["SPACE_READ"],"scope":"x"}`, 400, `unknown field "scope"`},
		{"server-set", `{"name":"x","permissions":["SPACE_READ"],"is_predefined":false}`, 400, "is_predefined is set by the server"},
		{"permissions not a list", `{"name":"x","permissions":"SPACE_READ"}`, 400, "permissions must be an array"},
		{"permissions of numbers", `{"name":"x","permissions":[1]}`, 400, "permissions must be an array"},
		{"name wrong type", `{"name":1,"permissions":["SPACE_READ"]}`, 400, "name must be a string"},
		{"name missing", `{"permissions":["SPACE_READ"]}`, 422, "name is required"},
		{"permissions missing", `{"name":"x"}`, 422, "permissions is required"},
		{"permissions empty", `{"name":"x","permissions":[]}`, 422, "at least one"},
		{"permissions null", `{"name":"x","permissions":null}`, 422, "must not be null"},
		{"unknown permission", `{"name":"x","permissions":["SPACE_READ","SERVICE_KEY_DELETE"]}`, 422, `"SERVICE_KEY_DELETE" is not a valid permission`},
		{"blank name", `{"name":" ","permissions":["SPACE_READ"]}`, 422, "must not be blank"},
		{"long name", `{"name":"` + strings.Repeat("n", 256) + `","permissions":["SPACE_READ"]}`, 422, "at most 255"},
		{"long description", `{"name":"x","description":"` + strings.Repeat("d", 1001) + `","permissions":["SPACE_READ"]}`, 422, "at most 1000"},
		{"name taken", `{"name":"Reviewer","permissions":["SPACE_READ"]}`, 409, "already exists"},
		{"predefined name taken", `{"name":"Admin","permissions":["SPACE_READ"]}`, 409, "already exists"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := map[int]string{400: CodeInvalidRequest, 409: CodeNameConflict, 422: CodeValidationError}[tt.status]
			wantProblem(t, e.do("POST", roles, tt.body), tt.status, code, roles, tt.detail)
		})
	}
	if n := len(e.srv.Roles()); n != 6 {
		t.Errorf("%d roles stored, want 6", n)
	}
}

func TestRoleExtraPermissions(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.ExtraPermissions = []string{"AGENT_RUN"} })
	got := e.createRole(`{"name":"x","permissions":["AGENT_RUN"]}`)
	if !reflect.DeepEqual(got["permissions"], []any{"AGENT_RUN"}) {
		t.Errorf("extra permission: %v", got)
	}
}

func TestRoleUpdateDelete(t *testing.T) {
	e := newEnv(t)
	id := e.createRole(`{"name":"A","description":"d","permissions":["SPACE_READ","SPACE_UPDATE"]}`)["id"].(string)
	e.createRole(`{"name":"B","permissions":["SPACE_READ"]}`)
	e.clock.Advance(1e9)
	tests := []struct {
		name, body string
		status     int
		detail     string
		wantName   string
		wantDesc   any
		wantPerms  []any
	}{
		{"permissions replaced whole", `{"permissions":["DATASET_READ"]}`, 200, "", "A", "d", []any{"DATASET_READ"}},
		{"rename", `{"name":"A2"}`, 200, "", "A2", "d", []any{"DATASET_READ"}},
		{"clear description with null", `{"description":null}`, 200, "", "A2", nil, []any{"DATASET_READ"}},
		{"set and clear with empty", `{"description":""}`, 200, "", "A2", nil, []any{"DATASET_READ"}},
		{"empty", `{}`, 400, "at least one field", "", nil, nil},
		{"unknown member", `{"scope":"x"}`, 400, `unknown field "scope"`, "", nil, nil},
		{"server-set", `{"updated_at":"x"}`, 400, "updated_at is set by the server", "", nil, nil},
		{"permissions empty", `{"permissions":[]}`, 422, "at least one", "", nil, nil},
		{"unknown permission", `{"permissions":["NOPE"]}`, 422, "not a valid permission", "", nil, nil},
		{"name taken", `{"name":"B"}`, 409, "already exists", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do("PATCH", rolePath(id), tt.body)
			if tt.status != 200 {
				code := map[int]string{400: CodeInvalidRequest, 409: CodeNameConflict, 422: CodeValidationError}[tt.status]
				wantProblem(t, r, tt.status, code, "", tt.detail)
				return
			}
			if r.status != 200 {
				t.Fatalf("%d %s", r.status, r.body)
			}
			got := r.json(t)
			if got["name"] != tt.wantName || got["description"] != tt.wantDesc || !reflect.DeepEqual(got["permissions"], tt.wantPerms) {
				t.Errorf("got %v", got)
			}
			if got["updated_at"] == got["created_at"] {
				t.Errorf("updated_at did not move: %v", got)
			}
		})
	}
	wantProblem(t, e.do("PATCH", rolePath("bm9wZQ=="), `{"name":"x"}`), 404, CodeNotFound, "", "not found")
	wantProblem(t, e.do("GET", rolePath("bm9wZQ=="), ""), 404, CodeNotFound, "", "not found")
	wantProblem(t, e.do("DELETE", rolePath("bm9wZQ=="), ""), 404, CodeNotFound, "", "not found")
	if r := e.do("DELETE", rolePath(id), ""); r.status != 204 || len(r.body) != 0 {
		t.Fatalf("DELETE: %d %s", r.status, r.body)
	}
	wantProblem(t, e.do("GET", rolePath(id), ""), 404, CodeNotFound, "", "not found")
	e.createRole(`{"name":"A2","permissions":["SPACE_READ"]}`) // the name is free again
}

func TestRoleHooks(t *testing.T) {
	e := newEnv(t)
	ro, err := e.srv.PutRole(Role{Name: "X", Permissions: []string{"SPACE_READ", "DATASET_READ"}})
	if err != nil || !reflect.DeepEqual(ro.Permissions, []string{"DATASET_READ", "SPACE_READ"}) {
		t.Fatalf("PutRole: %+v %v", ro, err)
	}
	ro.Permissions[0] = "MUTATED"
	if got, _ := e.srv.Role(ro.ID); got.Permissions[0] != "DATASET_READ" {
		t.Error("Role shares Permissions with the caller")
	}
	_, err = e.srv.PutRole(Role{Name: "X", Permissions: []string{"SPACE_READ"}})
	var p *Problem
	if !errors.As(err, &p) || p.Status != 409 {
		t.Errorf("PutRole of a taken name: %v", err)
	}
	if _, err := e.srv.PutRole(Role{Name: "Y"}); err == nil {
		t.Error("PutRole took no permissions")
	}
	admin := predefinedRoleID(t, e, "Admin")
	if !e.srv.RemoveRole(admin) || e.srv.RemoveRole(admin) {
		t.Error("RemoveRole: want true once, then false")
	}
	if n := e.srv.Total(); n != 0 {
		t.Errorf("hooks were counted: %d", n)
	}
}
