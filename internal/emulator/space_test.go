package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

const spaces = "/v2/spaces"

func spacePath(id string) string { return spaces + "/" + url.PathEscape(id) }

// createSpace creates a space in orgID over HTTP and returns its id.
func (e *env) createSpace(orgID, name string) string {
	e.t.Helper()
	r := e.do("POST", spaces, body(e.t, map[string]any{"name": name, "organization_id": orgID}))
	if r.status != http.StatusCreated {
		e.t.Fatalf("create space %q: %d %s", name, r.status, r.body)
	}
	return r.json(e.t)["id"].(string)
}

func TestSpaceCreate(t *testing.T) {
	e := newEnv(t)
	org := e.createOrg("org")
	r := e.do("POST", spaces, `{"name":"Production","organization_id":"`+org+`","description":"prod","is_private":true}`)
	if r.status != http.StatusCreated {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	got := r.json(t)
	id, _ := got["id"].(string)
	want := map[string]any{"id": id, "name": "Production", "description": "prod", "created_at": "2026-02-13T21:27:19.055Z", "is_private": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("created (no organization_id is returned)\n got %v\nwant %v", got, want)
	}
	if n := relaySeq(t, "Space", id); n != "1" {
		t.Errorf("first space has sequence %s", n)
	}
	if loc := r.header.Get("Location"); loc != spacePath(id) {
		t.Errorf("Location %q", loc)
	}
	if g := e.do("GET", spacePath(id), ""); g.status != 200 || !reflect.DeepEqual(g.json(t), got) {
		t.Errorf("GET: %d %s", g.status, g.body)
	}
	if e.srv.SpaceOrganization(id) != org || e.srv.SpaceOrganization("nope") != "" {
		t.Errorf("SpaceOrganization(%q) = %q", id, e.srv.SpaceOrganization(id))
	}
	// Defaults: a public space without a description.
	def := e.do("POST", spaces, `{"name":"Dev","organization_id":"`+org+`","description":null}`).json(t)
	if def["description"] != "" || def["is_private"] != false {
		t.Errorf("defaults: %v", def)
	}
	if sp, ok := e.srv.Space(id); !ok || sp.OrganizationID != org || !sp.IsPrivate || sp.Name != "Production" {
		t.Errorf("Space(%q) = %+v %v", id, sp, ok)
	}
}

func TestSpaceNamesAreUniquePerOrganization(t *testing.T) {
	e := newEnv(t)
	a, b := e.createOrg("a"), e.createOrg("b")
	e.createSpace(a, "shared")
	e.createSpace(b, "shared") // another organization may use it
	e.createSpace(a, "Shared") // names are compared exactly
	r := e.do("POST", spaces, body(t, map[string]any{"name": "shared", "organization_id": a}))
	wantProblem(t, r, 409, CodeNameConflict, spaces, `"shared"`)
	// A rename into a taken name clashes; into another organization's does not.
	id := e.createSpace(b, "other")
	wantProblem(t, e.do("PATCH", spacePath(id), `{"name":"shared"}`), 409, CodeNameConflict, "", "already exists in the organization")
	if r := e.do("PATCH", spacePath(id), `{"name":"Shared"}`); r.status != 200 {
		t.Errorf("rename to a name used only in another organization: %d %s", r.status, r.body)
	}
}

func TestSpaceCreateErrors(t *testing.T) {
	e := newEnv(t)
	org := e.createOrg("org")
	with := func(members string) string { return `{"organization_id":"` + org + `"` + members + `}` }
	tests := []struct {
		name, body string
		status     int
		code       string
		detail     string
	}{
		{"unknown field", with(`,"name":"a","org_id":"x"`), 400, CodeInvalidRequest, `"org_id"`},
		{"id", with(`,"name":"a","id":"x"`), 400, CodeInvalidRequest, "id is set by the server"},
		{"name type", with(`,"name":1`), 400, CodeInvalidRequest, "name must be a string"},
		{"is_private type", with(`,"name":"a","is_private":"yes"`), 400, CodeInvalidRequest, "is_private must be a boolean"},
		{"organization_id type", `{"name":"a","organization_id":5}`, 400, CodeInvalidRequest, "organization_id must be a string"},
		{"organization_id missing", `{"name":"a"}`, 422, CodeValidationError, "organization_id is required"},
		{"organization_id empty", `{"name":"a","organization_id":""}`, 422, CodeValidationError, "organization_id is required"},
		{"organization_id null", `{"name":"a","organization_id":null}`, 422, CodeValidationError, "organization_id must not be null"},
		{"is_private null", with(`,"name":"a","is_private":null`), 422, CodeValidationError, "is_private must not be null"},
		{"name missing", with(``), 422, CodeValidationError, "name is required"},
		{"name too long", with(`,"name":"` + strings.Repeat("n", 256) + `"`), 422, CodeValidationError, "255"},
		{"description too long", with(`,"name":"a","description":"` + strings.Repeat("d", 1001) + `"`), 422, CodeValidationError, "1000"},
		{"organization missing", `{"name":"a","organization_id":"T3JnYW5pemF0aW9uOjk6YWJjZA=="}`, 404, CodeNotFound, `organization "T3JnYW5pemF0aW9uOjk6YWJjZA==" not found`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, e.do("POST", spaces, tt.body), tt.status, tt.code, spaces, tt.detail)
		})
	}
	if n := len(e.srv.Spaces()); n != 0 {
		t.Errorf("%d spaces after refused creates", n)
	}
}

func TestSpacePatch(t *testing.T) {
	tests := []struct {
		name    string
		patch   string
		changes map[string]any
	}{
		{"rename", `{"name":"renamed"}`, map[string]any{"name": "renamed"}},
		{"null clears the description", `{"description":null}`, map[string]any{"description": ""}},
		{"empty clears it too", `{"description":""}`, map[string]any{"description": ""}},
		{"make private", `{"is_private":true}`, map[string]any{"is_private": true}},
		{"everything", `{"name":"n","description":"d","is_private":true}`, map[string]any{"name": "n", "description": "d", "is_private": true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			org := e.createOrg("org")
			before := e.do("POST", spaces, `{"name":"space","organization_id":"`+org+`","description":"old"}`).json(t)
			id := before["id"].(string)
			r := e.do("PATCH", spacePath(id), tt.patch)
			if r.status != http.StatusOK {
				t.Fatalf("PATCH: %d %s", r.status, r.body)
			}
			want := map[string]any{}
			for k, v := range before {
				want[k] = v
			}
			for k, v := range tt.changes {
				want[k] = v
			}
			if got := r.json(t); !reflect.DeepEqual(got, want) {
				t.Errorf("after PATCH\n got %v\nwant %v", got, want)
			}
			if e.srv.SpaceOrganization(id) != org {
				t.Error("the space moved")
			}
		})
	}
}

func TestSpacePatchErrors(t *testing.T) {
	e := newEnv(t)
	org := e.createOrg("org")
	id := e.createSpace(org, "space")
	e.createSpace(org, "other")
	before, _ := e.srv.Space(id)
	tests := []struct {
		name, path, body string
		status           int
		code             string
		detail           string
	}{
		{"empty object", spacePath(id), `{}`, 400, CodeInvalidRequest, "at least one field"},
		{"organization_id cannot move it", spacePath(id), `{"organization_id":"` + org + `"}`, 400, CodeInvalidRequest, `"organization_id"`},
		{"is_private type", spacePath(id), `{"is_private":1}`, 400, CodeInvalidRequest, "is_private must be a boolean"},
		{"is_private null", spacePath(id), `{"is_private":null}`, 422, CodeValidationError, "is_private must not be null"},
		{"name blank", spacePath(id), `{"name":"","is_private":true}`, 422, CodeValidationError, "name"},
		{"name taken", spacePath(id), `{"name":"other","is_private":true}`, 409, CodeNameConflict, `"other"`},
		{"unknown id", spacePath("bm9wZQ=="), `{"name":"x"}`, 404, CodeNotFound, "not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, e.do("PATCH", tt.path, tt.body), tt.status, tt.code, "", tt.detail)
			if after, _ := e.srv.Space(id); after != before {
				t.Errorf("changed by a failed PATCH: %+v", after)
			}
		})
	}
}

// TestSpaceDelete deletes a space: its members go, the integrations scoped
// to it stay.
func TestSpaceDelete(t *testing.T) {
	e := newEnv(t)
	org := e.createOrg("org")
	id := e.createSpace(org, "space")
	u := e.srv.AddUser(User{Email: "u@example.com"}).ID
	e.addMember(orgUsersPath(org), u, `{"type":"PREDEFINED","name":"MEMBER"}`)
	e.addMember(spaceUsersPath(id), u, `{"type":"PREDEFINED","name":"MEMBER"}`)
	in, err := e.srv.Put(Integration{Name: "scoped", Provider: "OPEN_AI", Scopings: []Scoping{{OrganizationID: org, SpaceID: id}}})
	if err != nil {
		t.Fatal(err)
	}
	if r := e.do("DELETE", spacePath(id), ""); r.status != http.StatusNoContent || len(r.body) != 0 {
		t.Fatalf("DELETE: %d %s", r.status, r.body)
	}
	wantProblem(t, e.do("GET", spacePath(id), ""), 404, CodeNotFound, "", "not found")
	wantProblem(t, e.do("DELETE", spacePath(id), ""), 404, CodeNotFound, "", "not found")
	if len(e.srv.SpaceMembers(id)) != 0 {
		t.Error("its members survived")
	}
	if len(e.srv.OrganizationMembers(org)) != 1 {
		t.Error("the organization lost its member")
	}
	if got, ok := e.srv.Get(in.ID); !ok || !reflect.DeepEqual(got.Scopings, in.Scopings) {
		t.Errorf("the integration scoped to it: %+v %v", got, ok)
	}
	// Its name is free again, and the hook does the same.
	again := e.createSpace(org, "space")
	if !e.srv.RemoveSpace(again) || e.srv.RemoveSpace(again) {
		t.Error("RemoveSpace should report true then false")
	}
}

// TestForbidSpace checks the hook for a private space the key cannot see:
// 403 to everything naming it, left out of lists, 404 as an integration
// list's scope.
func TestForbidSpace(t *testing.T) {
	e := newEnv(t)
	org := e.createOrg("org")
	id := e.createSpace(org, "private")
	visible := e.createSpace(org, "public")
	u := e.srv.AddUser(User{Email: "u@example.com"}).ID
	e.addMember(orgUsersPath(org), u, `{"type":"PREDEFINED","name":"MEMBER"}`)
	e.srv.ForbidSpace(id, true)
	member := `{"user_id":"` + u + `","role":{"type":"PREDEFINED","name":"MEMBER"}}`
	for _, req := range []struct{ method, path, body string }{
		{"GET", spacePath(id), ""},
		{"PATCH", spacePath(id), `{"name":"x"}`},
		{"PATCH", spacePath(id), `{}`}, // before the body is looked at
		{"DELETE", spacePath(id), ""},
		{"POST", spaceUsersPath(id), member},
		{"DELETE", spaceUserPath(id, u), ""},
	} {
		wantProblem(t, e.do(req.method, req.path, req.body), 403, CodeForbidden, "", "do not have access")
	}
	if _, ok := e.srv.Space(id); !ok {
		t.Fatal("a forbidden DELETE deleted it")
	}
	if got := spaceNames(e.listSpaces("")); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("list shows %v", got)
	}
	wantProblem(t, e.do("GET", collection+"?space_id="+url.QueryEscape(id), ""), 404, CodeNotFound, collection, "space_id")
	// Hooks still reach it.
	if _, err := e.srv.PutSpaceMember(id, u, MemberRole{Type: "PREDEFINED", Name: "ADMIN"}); err != nil {
		t.Errorf("PutSpaceMember on a forbidden space: %v", err)
	}
	e.srv.ForbidSpace(id, false)
	if r := e.do("GET", spacePath(id), ""); r.status != 200 {
		t.Errorf("after ForbidSpace(false): %d", r.status)
	}
	if r := e.do("GET", spacePath(visible), ""); r.status != 200 {
		t.Errorf("the other space: %d", r.status)
	}
	// A forbidden space that is deleted is forgotten, flag and all.
	e.srv.ForbidSpace(id, true)
	e.srv.RemoveSpace(id)
	wantProblem(t, e.do("GET", spacePath(id), ""), 404, CodeNotFound, "", "not found")
}

// spacePage is a decoded space list answer.
type spacePage struct {
	Spaces     []map[string]any `json:"spaces"`
	Pagination struct {
		HasMore    *bool   `json:"has_more"`
		NextCursor *string `json:"next_cursor"`
	} `json:"pagination"`
}

func (e *env) listSpaces(query string) spacePage {
	e.t.Helper()
	r := e.do("GET", spaces+query, "")
	if r.status != http.StatusOK {
		e.t.Fatalf("list %s: %d %s", query, r.status, r.body)
	}
	var p spacePage
	if err := json.Unmarshal(r.body, &p); err != nil || p.Spaces == nil || p.Pagination.HasMore == nil {
		e.t.Fatalf("list body: %v %s", err, r.body)
	}
	if *p.Pagination.HasMore != (p.Pagination.NextCursor != nil) {
		e.t.Fatalf("next_cursor must be present exactly while has_more: %s", r.body)
	}
	return p
}

func spaceNames(p spacePage) []string {
	out := []string{}
	for _, s := range p.Spaces {
		out = append(out, s["name"].(string))
	}
	return out
}

func TestSpaceList(t *testing.T) {
	e := newEnv(t)
	a, b := e.createOrg("a"), e.createOrg("b")
	empty := e.createOrg("empty")
	for _, sp := range []struct{ org, name string }{
		{a, "Production"}, {b, "production"}, {a, "Staging"}, {b, "Dev"}, {a, "dev-sandbox"},
	} {
		e.createSpace(sp.org, sp.name)
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"Production", "production", "Staging", "Dev", "dev-sandbox"}},
		{"?org_id=" + url.QueryEscape(a), []string{"Production", "Staging", "dev-sandbox"}},
		{"?org_id=" + url.QueryEscape(b) + "&name=PROD", []string{"production"}},
		{"?name=dev", []string{"Dev", "dev-sandbox"}},
		{"?org_id=" + url.QueryEscape(empty), []string{}},
		{"?org_id=", []string{"Production", "production", "Staging", "Dev", "dev-sandbox"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := spaceNames(e.listSpaces(tt.query)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	for _, sp := range e.listSpaces("").Spaces {
		if got := e.do("GET", spacePath(sp["id"].(string)), "").json(t); !reflect.DeepEqual(got, sp) {
			t.Errorf("list item %v != GET %v", sp, got)
		}
	}
}

func TestSpaceListPaging(t *testing.T) {
	e := newEnv(t)
	org, other := e.createOrg("org"), e.createOrg("other")
	ids := map[string]string{}
	for i := 1; i <= 7; i++ {
		n := fmt.Sprint("s", i)
		ids[n] = e.createSpace(org, n)
		e.createSpace(other, n) // interleaved, filtered out
	}
	q := "?org_id=" + url.QueryEscape(org) + "&limit=3"
	var got []string
	p := e.listSpaces(q)
	got = append(got, spaceNames(p)...)
	e.srv.RemoveSpace(ids["s4"])
	e.createSpace(org, "s8")
	for pages := 0; *p.Pagination.HasMore; pages++ {
		if pages > 5 {
			t.Fatal("too many pages")
		}
		p = e.listSpaces(q + "&cursor=" + url.QueryEscape(*p.Pagination.NextCursor))
		got = append(got, spaceNames(p)...)
	}
	if want := []string{"s1", "s2", "s3", "s5", "s6", "s7", "s8"}; !reflect.DeepEqual(got, want) {
		t.Errorf("pages\n got %v\nwant %v", got, want)
	}
	// The cursor is tied to its filters.
	cursor := *e.listSpaces(q).Pagination.NextCursor
	wantProblem(t, e.do("GET", spaces+"?limit=3&cursor="+url.QueryEscape(cursor), ""), 400, CodeInvalidRequest, spaces, "cursor")
}

func TestSpaceListErrors(t *testing.T) {
	e := newEnv(t)
	for _, tt := range []struct {
		query  string
		status int
		code   string
		detail string
	}{
		{"?org_id=T3JnYW5pemF0aW9uOjk6YWJjZA%3D%3D", 404, CodeNotFound, "org_id"},
		{"?organization_id=x", 400, CodeInvalidRequest, `"organization_id"`},
		{"?limit=0", 400, CodeInvalidRequest, "limit"},
		{"?cursor=x", 400, CodeInvalidRequest, "cursor"},
		{"?name=" + strings.Repeat("x", 256), 400, CodeInvalidRequest, "255"},
	} {
		t.Run(tt.query, func(t *testing.T) {
			wantProblem(t, e.do("GET", spaces+tt.query, ""), tt.status, tt.code, spaces, tt.detail)
		})
	}
}

// TestIntegrationListKnowsAPISpaces: the integration list's space filters
// know the spaces made through the API as well as Options.Spaces.
func TestIntegrationListKnowsAPISpaces(t *testing.T) {
	e := newEnv(t)
	org := e.createOrg("org")
	sp := e.createSpace(org, "Made Through The API")
	for _, in := range []Integration{
		{Name: "in the new space", Provider: "OPEN_AI", Scopings: []Scoping{{OrganizationID: org, SpaceID: sp}}},
		{Name: "in production", Provider: "OPEN_AI", Scopings: []Scoping{{OrganizationID: orgID, SpaceID: spaceProd}}},
	} {
		if _, err := e.srv.Put(in); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"?space_id=" + url.QueryEscape(sp), []string{"in the new space"}},
		{"?space_name=through", []string{"in the new space"}},
		{"?space_id=" + url.QueryEscape(spaceProd), []string{"in production"}},
		{"?space_name=o", []string{"in the new space", "in production"}},
	} {
		if got := names(e.list(tt.query)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.query, got, tt.want)
		}
	}
	// Renamed, the new name is known; deleted, the space is not.
	e.do("PATCH", spacePath(sp), `{"name":"renamed"}`)
	if got := names(e.list("?space_name=RENAMED")); !reflect.DeepEqual(got, []string{"in the new space"}) {
		t.Errorf("after rename: %v", got)
	}
	e.do("DELETE", spacePath(sp), "")
	wantProblem(t, e.do("GET", collection+"?space_id="+url.QueryEscape(sp), ""), 404, CodeNotFound, collection, "space_id")
	// A space of Options.Spaces can be forbidden too.
	e.srv.ForbidSpace(spaceProd, true)
	wantProblem(t, e.do("GET", collection+"?space_id="+url.QueryEscape(spaceProd), ""), 404, CodeNotFound, collection, "space_id")
}

func TestPutSpace(t *testing.T) {
	e := newEnv(t)
	org, err := e.srv.PutOrganization("org", "")
	if err != nil {
		t.Fatal(err)
	}
	sp, err := e.srv.PutSpace(org.ID, "made elsewhere", "by hand", true)
	if err != nil {
		t.Fatal(err)
	}
	if got := e.do("GET", spacePath(sp.ID), "").json(t); got["name"] != "made elsewhere" || got["is_private"] != true || got["description"] != "by hand" {
		t.Errorf("GET after PutSpace: %v", got)
	}
	for _, tt := range []struct {
		org, name string
		status    int
	}{{org.ID, "made elsewhere", 409}, {org.ID, " ", 422}, {"nope", "x", 404}} {
		_, err := e.srv.PutSpace(tt.org, tt.name, "", false)
		var p *Problem
		if !errors.As(err, &p) || p.Status != tt.status {
			t.Errorf("PutSpace(%q, %q): %v, want a %d", tt.org, tt.name, err, tt.status)
		}
	}
	if got := e.srv.Spaces(); len(got) != 1 || got[0] != sp {
		t.Errorf("Spaces() = %+v", got)
	}
}
