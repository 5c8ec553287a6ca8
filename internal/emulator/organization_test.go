package emulator

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

const organizations = "/v2/organizations"

func orgPath(id string) string { return organizations + "/" + url.PathEscape(id) }

// createOrg creates an organization over HTTP and returns its id.
func (e *env) createOrg(name string) string {
	e.t.Helper()
	r := e.do("POST", organizations, body(e.t, map[string]any{"name": name}))
	if r.status != http.StatusCreated {
		e.t.Fatalf("create organization %q: %d %s", name, r.status, r.body)
	}
	return r.json(e.t)["id"].(string)
}

// relaySeq checks that id is base64("<typeName>:<n>:<4 letters>") and
// returns n.
func relaySeq(t *testing.T, typeName, id string) string {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(id)
	if err != nil {
		t.Fatalf("id %q is not std base64: %v", id, err)
	}
	m := regexp.MustCompile(`^` + typeName + `:(\d+):[A-Za-z]{4}$`).FindStringSubmatch(string(raw))
	if m == nil {
		t.Fatalf("id %q decodes to %q, want %s:<n>:<abcd>", id, raw, typeName)
	}
	return m[1]
}

func TestOrganizationCreate(t *testing.T) {
	e := newEnv(t)
	r := e.do("POST", organizations, `{"name":"Acme","description":"The Acme org"}`)
	if r.status != http.StatusCreated {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	got := r.json(t)
	id, _ := got["id"].(string)
	want := map[string]any{"id": id, "name": "Acme", "description": "The Acme org", "created_at": "2026-02-13T21:27:19.055Z"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("created\n got %v\nwant %v", got, want)
	}
	if n := relaySeq(t, "Organization", id); n != "1" {
		t.Errorf("first organization has sequence %s", n)
	}
	if loc := r.header.Get("Location"); loc != orgPath(id) {
		t.Errorf("Location %q", loc)
	}
	// GET answers what POST answered; the description defaults to "".
	if g := e.do("GET", orgPath(id), ""); g.status != 200 || !reflect.DeepEqual(g.json(t), got) {
		t.Errorf("GET: %d %s", g.status, g.body)
	}
	second := e.do("POST", organizations, `{"name":"Bare","description":null}`).json(t)
	if second["description"] != "" || relaySeq(t, "Organization", second["id"].(string)) != "2" {
		t.Errorf("second organization %v", second)
	}
	if o, ok := e.srv.Organization(id); !ok || o.Name != "Acme" || o.Description != "The Acme org" {
		t.Errorf("Organization(%q) = %+v %v", id, o, ok)
	}
}

func TestOrganizationCreateErrors(t *testing.T) {
	e := newEnv(t)
	e.createOrg("taken")
	tests := []struct {
		name, body string
		status     int
		code       string
		detail     string
	}{
		{"empty body", ``, 400, CodeInvalidRequest, "request body is required"},
		{"not an object", `["a"]`, 400, CodeInvalidRequest, "JSON object"},
		{"unknown field", `{"name":"a","org_name":"x"}`, 400, CodeInvalidRequest, `"org_name"`},
		{"id", `{"id":"x","name":"a"}`, 400, CodeInvalidRequest, "id is set by the server"},
		{"created_at", `{"name":"a","created_at":"2026-01-01T00:00:00Z"}`, 400, CodeInvalidRequest, "created_at is set by the server"},
		{"name not a string", `{"name":7}`, 400, CodeInvalidRequest, "name must be a string"},
		{"description not a string", `{"name":"a","description":false}`, 400, CodeInvalidRequest, "description must be a string"},
		{"type error wins", `{"name":null,"description":1}`, 400, CodeInvalidRequest, "description must be a string"},
		{"name missing", `{"description":"d"}`, 422, CodeValidationError, "name is required"},
		{"name empty", `{"name":""}`, 422, CodeValidationError, "name is required"},
		{"name blank", `{"name":"   "}`, 422, CodeValidationError, "must not be blank"},
		{"name null", `{"name":null}`, 422, CodeValidationError, "name must not be null"},
		{"name too long", `{"name":"` + strings.Repeat("n", 256) + `"}`, 422, CodeValidationError, "name must be at most 255 characters"},
		{"description too long", `{"name":"a","description":"` + strings.Repeat("d", 1001) + `"}`, 422, CodeValidationError, "description must be at most 1000 characters"},
		{"name taken", `{"name":"taken"}`, 409, CodeNameConflict, `"taken"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, e.do("POST", organizations, tt.body), tt.status, tt.code, organizations, tt.detail)
		})
	}
	if n := len(e.srv.Organizations()); n != 1 {
		t.Errorf("%d organizations after refused creates", n)
	}
	// The limits count characters, and names are compared exactly.
	for _, name := range []string{strings.Repeat("é", 255), "Taken", "taken "} {
		if r := e.do("POST", organizations, body(t, map[string]any{"name": name, "description": strings.Repeat("ü", 1000)})); r.status != 201 {
			t.Errorf("create %q: %d %s", name, r.status, r.body)
		}
	}
}

func TestOrganizationGetNotFound(t *testing.T) {
	e := newEnv(t)
	path := orgPath("T3JnYW5pemF0aW9uOjk6YWJjZA==")
	wantProblem(t, e.do("GET", path, ""), 404, CodeNotFound, organizations+"/T3JnYW5pemF0aW9uOjk6YWJjZA==", "not found")
}

func TestOrganizationPatch(t *testing.T) {
	tests := []struct {
		name    string
		patch   string
		changes map[string]any
	}{
		{"rename", `{"name":"renamed"}`, map[string]any{"name": "renamed"}},
		{"same name is no clash", `{"name":"org"}`, map[string]any{}},
		{"describe", `{"description":"new"}`, map[string]any{"description": "new"}},
		{"null clears the description", `{"description":null}`, map[string]any{"description": ""}},
		{"empty clears it too", `{"description":""}`, map[string]any{"description": ""}},
		{"both", `{"name":"n2","description":"d2"}`, map[string]any{"name": "n2", "description": "d2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			before := e.do("POST", organizations, `{"name":"org","description":"old"}`).json(t)
			id := before["id"].(string)
			r := e.do("PATCH", orgPath(id), tt.patch)
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
			if got := e.do("GET", orgPath(id), "").json(t); !reflect.DeepEqual(got, want) {
				t.Errorf("GET after PATCH %v", got)
			}
		})
	}
}

func TestOrganizationPatchErrors(t *testing.T) {
	e := newEnv(t)
	id := e.createOrg("org")
	e.createOrg("other")
	before, _ := e.srv.Organization(id)
	tests := []struct {
		name, path, body string
		status           int
		code             string
		detail           string
	}{
		{"empty object", orgPath(id), `{}`, 400, CodeInvalidRequest, "at least one field"},
		{"unknown field", orgPath(id), `{"name":"x","is_private":true}`, 400, CodeInvalidRequest, `"is_private"`},
		{"id", orgPath(id), `{"id":"x"}`, 400, CodeInvalidRequest, "id is set by the server"},
		{"name type", orgPath(id), `{"name":["x"]}`, 400, CodeInvalidRequest, "name must be a string"},
		{"name null", orgPath(id), `{"name":null}`, 422, CodeValidationError, "name must not be null"},
		{"name blank", orgPath(id), `{"name":" "}`, 422, CodeValidationError, "blank"},
		{"description too long", orgPath(id), `{"name":"fine","description":"` + strings.Repeat("x", 1001) + `"}`, 422, CodeValidationError, "description"},
		{"name taken", orgPath(id), `{"name":"other","description":"changed"}`, 409, CodeNameConflict, `"other"`},
		{"unknown id", orgPath("bm9wZQ=="), `{"name":"x"}`, 404, CodeNotFound, "not found"},
		{"unknown id before the body", orgPath("bm9wZQ=="), `{}`, 404, CodeNotFound, "not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, e.do("PATCH", tt.path, tt.body), tt.status, tt.code, "", tt.detail)
			// A failed PATCH changes nothing.
			if after, _ := e.srv.Organization(id); after != before {
				t.Errorf("changed by a failed PATCH: %+v", after)
			}
		})
	}
	// The old name is free again after a rename.
	if r := e.do("PATCH", orgPath(id), `{"name":"renamed"}`); r.status != 200 {
		t.Fatalf("rename: %d %s", r.status, r.body)
	}
	e.createOrg("org")
}

func TestOrganizationDelete(t *testing.T) {
	e := newEnv(t)
	id := e.createOrg("org")
	if r := e.do("DELETE", orgPath(id), ""); r.status != http.StatusNoContent || len(r.body) != 0 {
		t.Errorf("DELETE: %d %q", r.status, r.body)
	}
	wantProblem(t, e.do("GET", orgPath(id), ""), 404, CodeNotFound, "", "not found")
	wantProblem(t, e.do("DELETE", orgPath(id), ""), 404, CodeNotFound, "", "not found")
	// Its name is free again.
	e.createOrg("org")
}

// TestOrganizationDeleteCascades deletes an organization with spaces,
// members and integrations: its spaces and their members go, its members go,
// and of the integrations only those scoped to it alone go.
func TestOrganizationDeleteCascades(t *testing.T) {
	e := newEnv(t)
	org := e.createOrg("doomed")
	other := e.createOrg("kept")
	sp := e.createSpace(org, "s")
	otherSpace := e.createSpace(other, "s")
	alice := e.srv.AddUser(User{Email: "alice@example.com", Role: "ADMIN"}).ID
	for _, o := range []string{org, other} {
		e.addMember(orgUsersPath(o), alice, `{"type":"PREDEFINED","name":"ADMIN"}`)
	}
	e.addMember(spaceUsersPath(sp), alice, `{"type":"PREDEFINED","name":"MEMBER"}`)
	e.addMember(spaceUsersPath(otherSpace), alice, `{"type":"PREDEFINED","name":"MEMBER"}`)

	scoped := func(name string, scopings ...Scoping) string {
		in, err := e.srv.Put(Integration{Name: name, Provider: "OPEN_AI", Scopings: scopings})
		if err != nil {
			t.Fatal(err)
		}
		return in.ID
	}
	orgWide := scoped("org wide", Scoping{OrganizationID: org})
	inSpace := scoped("in its space", Scoping{OrganizationID: org, SpaceID: sp})
	both := scoped("org and space", Scoping{OrganizationID: org}, Scoping{OrganizationID: org, SpaceID: sp})
	mixed := scoped("also elsewhere", Scoping{OrganizationID: org}, Scoping{OrganizationID: other})
	elsewhere := scoped("elsewhere", Scoping{OrganizationID: other})
	accountWide := scoped("account wide")

	if r := e.do("DELETE", orgPath(org), ""); r.status != http.StatusNoContent {
		t.Fatalf("DELETE: %d %s", r.status, r.body)
	}
	if _, ok := e.srv.Space(sp); ok {
		t.Error("its space survived")
	}
	wantProblem(t, e.do("GET", spacePath(sp), ""), 404, CodeNotFound, "", "not found")
	if m := e.srv.OrganizationMembers(org); len(m) != 0 {
		t.Errorf("its members survived: %v", m)
	}
	if m := e.srv.SpaceMembers(sp); len(m) != 0 {
		t.Errorf("its space's members survived: %v", m)
	}
	for _, id := range []string{orgWide, inSpace, both} {
		if in, ok := e.srv.Get(id); ok {
			t.Errorf("integration %q survived", in.Name)
		}
	}
	for _, id := range []string{mixed, elsewhere, accountWide} {
		if _, ok := e.srv.Get(id); !ok {
			t.Errorf("integration %s was deleted", id)
		}
	}
	if in, _ := e.srv.Get(mixed); len(in.Scopings) != 2 {
		t.Errorf("a kept integration was changed: %+v", in.Scopings)
	}
	// The other organization is untouched.
	if _, ok := e.srv.Space(otherSpace); !ok || len(e.srv.OrganizationMembers(other)) != 1 || len(e.srv.SpaceMembers(otherSpace)) != 1 {
		t.Error("the other organization lost something")
	}
	// The same through the test hook.
	if !e.srv.RemoveOrganization(other) || e.srv.RemoveOrganization(other) {
		t.Error("RemoveOrganization should report true then false")
	}
	if _, ok := e.srv.Space(otherSpace); ok || e.srv.Len() != 2 { // "also elsewhere" and "account wide"
		t.Errorf("RemoveOrganization did not cascade: Len %d", e.srv.Len())
	}
}

// orgPage is a decoded organization list answer.
type orgPage struct {
	Organizations []map[string]any `json:"organizations"`
	Pagination    struct {
		HasMore    *bool   `json:"has_more"`
		NextCursor *string `json:"next_cursor"`
	} `json:"pagination"`
}

func (e *env) listOrgs(query string) orgPage {
	e.t.Helper()
	r := e.do("GET", organizations+query, "")
	if r.status != http.StatusOK {
		e.t.Fatalf("list %s: %d %s", query, r.status, r.body)
	}
	var p orgPage
	if err := json.Unmarshal(r.body, &p); err != nil || p.Organizations == nil || p.Pagination.HasMore == nil {
		e.t.Fatalf("list body: %v %s", err, r.body)
	}
	if *p.Pagination.HasMore != (p.Pagination.NextCursor != nil) {
		e.t.Fatalf("next_cursor must be present exactly while has_more: %s", r.body)
	}
	return p
}

func orgNames(p orgPage) []string {
	out := []string{}
	for _, o := range p.Organizations {
		out = append(out, o["name"].(string))
	}
	return out
}

func TestOrganizationList(t *testing.T) {
	e := newEnv(t)
	if r := e.do("GET", organizations, ""); string(r.body) != `{"organizations":[],"pagination":{"has_more":false}}`+"\n" {
		t.Errorf("empty list %s", r.body)
	}
	ids := map[string]string{}
	for _, n := range []string{"Acme Prod", "acme staging", "Beta", "Gamma", "ACME dev"} {
		ids[n] = e.createOrg(n)
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"Acme Prod", "acme staging", "Beta", "Gamma", "ACME dev"}},
		{"?name=acme", []string{"Acme Prod", "acme staging", "ACME dev"}},
		{"?name=A", []string{"Acme Prod", "acme staging", "Beta", "Gamma", "ACME dev"}},
		{"?name=nothing", []string{}},
		{"?name=" + strings.Repeat("x", 255), []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := orgNames(e.listOrgs(tt.query)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	// Items are what GET answers.
	for _, o := range e.listOrgs("").Organizations {
		if got := e.do("GET", orgPath(o["id"].(string)), "").json(t); !reflect.DeepEqual(got, o) {
			t.Errorf("list item %v != GET %v", o, got)
		}
	}
}

// TestOrganizationListPaging reads pages of two while organizations are
// deleted and created between them: nothing repeated, nothing skipped.
func TestOrganizationListPaging(t *testing.T) {
	e := newEnv(t)
	ids := map[string]string{}
	for i := 1; i <= 7; i++ {
		n := fmt.Sprintf("org-%d", i)
		ids[n] = e.createOrg(n)
	}
	var got []string
	p := e.listOrgs("?limit=2")
	got = append(got, orgNames(p)...)
	e.do("DELETE", orgPath(ids["org-3"]), "") // the next one to read
	e.srv.RemoveOrganization(ids["org-1"])    // one already read
	for pages := 0; *p.Pagination.HasMore; pages++ {
		if pages > 5 {
			t.Fatal("too many pages")
		}
		if pages == 1 {
			e.createOrg("org-8")
		}
		p = e.listOrgs("?limit=2&cursor=" + url.QueryEscape(*p.Pagination.NextCursor))
		got = append(got, orgNames(p)...)
	}
	want := []string{"org-1", "org-2", "org-4", "org-5", "org-6", "org-7", "org-8"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pages\n got %v\nwant %v", got, want)
	}
	// A filtered list pages the same way.
	p = e.listOrgs("?name=ORG-&limit=5")
	if len(p.Organizations) != 5 || !*p.Pagination.HasMore {
		t.Fatalf("first filtered page: %v", orgNames(p))
	}
	p = e.listOrgs("?name=ORG-&limit=5&cursor=" + url.QueryEscape(*p.Pagination.NextCursor))
	if !reflect.DeepEqual(orgNames(p), []string{"org-8"}) || *p.Pagination.HasMore {
		t.Errorf("second filtered page: %v", orgNames(p))
	}
}

func TestOrganizationListErrors(t *testing.T) {
	e := newEnv(t)
	e.createOrg("a")
	e.createOrg("b")
	cursor := *e.listOrgs("?limit=1").Pagination.NextCursor
	for _, tt := range []struct{ query, detail string }{
		{"?limit=0", "limit"},
		{"?limit=101", "limit"},
		{"?limit=x", "limit"},
		{"?cursor=garbage!", "cursor"},
		{"?cursor=" + url.QueryEscape(cursor) + "&name=a", "cursor"},
		{"?org_id=x", `"org_id"`},
		{"?space_id=x", `"space_id"`},
		{"?name=" + strings.Repeat("x", 256), "name must be at most 255 characters"},
	} {
		t.Run(tt.query, func(t *testing.T) {
			wantProblem(t, e.do("GET", organizations+tt.query, ""), 400, CodeInvalidRequest, organizations, tt.detail)
		})
	}
	if got := orgNames(e.listOrgs("?limit=100&cursor=" + url.QueryEscape(cursor))); !reflect.DeepEqual(got, []string{"b"}) {
		t.Errorf("cursor page %v", got)
	}
}

func TestPutOrganization(t *testing.T) {
	e := newEnv(t)
	o, err := e.srv.PutOrganization("made elsewhere", "by hand")
	if err != nil {
		t.Fatal(err)
	}
	if got := e.do("GET", orgPath(o.ID), "").json(t); got["name"] != "made elsewhere" || got["description"] != "by hand" {
		t.Errorf("GET after PutOrganization: %v", got)
	}
	for _, tt := range []struct {
		name   string
		status int
	}{{"made elsewhere", 409}, {"", 422}, {strings.Repeat("n", 256), 422}} {
		_, err := e.srv.PutOrganization(tt.name, "")
		var p *Problem
		if !errors.As(err, &p) || p.Status != tt.status {
			t.Errorf("PutOrganization(%.10q): %v, want a %d", tt.name, err, tt.status)
		}
	}
	if got := e.srv.Organizations(); len(got) != 1 || got[0] != o {
		t.Errorf("Organizations() = %+v", got)
	}
	if e.srv.Total() != 1 {
		t.Errorf("hooks were counted: %v", e.srv.Requests())
	}
}
