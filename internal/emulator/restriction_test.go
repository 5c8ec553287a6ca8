package emulator

import (
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"testing"
)

const restrictions = "/v2/resource-restrictions"

func restrictionPath(id string) string { return restrictions + "/" + url.PathEscape(id) }

// restrict POSTs a restriction and fails the test unless it answers 200.
func (e *env) restrict(projectID string) map[string]any {
	e.t.Helper()
	r := e.do("POST", restrictions, `{"resource_id":"`+projectID+`"}`)
	if r.status != http.StatusOK {
		e.t.Fatalf("POST %s: %d %s", restrictions, r.status, r.body)
	}
	return r.json(e.t)
}

// restrictionPage is one page of the restriction list.
type restrictionPage struct {
	ids     []string
	hasMore bool
	next    string
}

func (e *env) listRestrictions(query string) restrictionPage {
	e.t.Helper()
	r := e.do("GET", restrictions+query, "")
	if r.status != http.StatusOK {
		e.t.Fatalf("GET %s%s: %d %s", restrictions, query, r.status, r.body)
	}
	got := r.json(e.t)
	var pg restrictionPage
	for _, rr := range got["resource_restrictions"].([]any) {
		pg.ids = append(pg.ids, rr.(map[string]any)["resource_id"].(string))
	}
	p := got["pagination"].(map[string]any)
	pg.hasMore = p["has_more"].(bool)
	if c, ok := p["next_cursor"].(string); ok {
		pg.next = c
	}
	if pg.hasMore != (pg.next != "") {
		e.t.Errorf("has_more %v with next_cursor %q", pg.hasMore, pg.next)
	}
	return pg
}

// listAllRestrictions pages until has_more is false, as a client must,
// and returns every id, the pages' sizes and their cursors.
func (e *env) listAllRestrictions(limit string) (ids []string, sizes []int, cursors []string) {
	e.t.Helper()
	query := "?limit=" + limit
	for range 100 {
		pg := e.listRestrictions(query)
		ids = append(ids, pg.ids...)
		sizes = append(sizes, len(pg.ids))
		if !pg.hasMore {
			return ids, sizes, cursors
		}
		cursors = append(cursors, pg.next)
		query = "?limit=" + limit + "&cursor=" + pg.next
	}
	e.t.Fatal("the listing never ends")
	return nil, nil, nil
}

func TestRestrictionCreate(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	project := e.createProject(tm.space, "p")["id"].(string)
	hidden := e.createSpace(tm.org, "hidden")
	secret := e.createProject(hidden, "secret")["id"].(string)
	e.srv.ForbidSpace(hidden, true)

	got := e.restrict(project)
	want := map[string]any{"resource_type": "PROJECT", "resource_id": project, "created_at": "2026-02-13T21:27:19.055Z"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("restrict\n got %v\nwant %v", got, want)
	}
	// Idempotent: the second POST answers the restriction as it is.
	e.clock.Advance(60e9)
	if again := e.restrict(project); !reflect.DeepEqual(again, want) {
		t.Errorf("second POST = %v, want %v", again, want)
	}
	if n := len(e.srv.Restrictions()); n != 1 {
		t.Errorf("%d restrictions, want 1", n)
	}

	model := base64.StdEncoding.EncodeToString([]byte("Model:121:aBcD"))
	tests := []struct {
		name, body string
		status     int
		detail     string
	}{
		{"a space", `{"resource_id":"` + tm.space + `"}`, 400, "is not a project id"},
		{"an organization", `{"resource_id":"` + tm.org + `"}`, 400, "is not a project id"},
		{"not an id", `{"resource_id":"Not a project ID"}`, 400, "is not a project id"},
		{"a project that is gone", `{"resource_id":"UHJvamVjdDo5OTk6YUJjRA=="}`, 404, "not found"},
		{"a model id", `{"resource_id":"` + model + `"}`, 404, "not found"},
		{"unpadded", `{"resource_id":"UHJvamVjdDoxMjM0NQ"}`, 404, "not found"},
		{"forbidden", `{"resource_id":"` + secret + `"}`, 403, "access"},
		{"resource_type", `{"resource_id":"` + project + `","resource_type":"PROJECT"}`, 400, `unknown field "resource_type"`},
		{"wrong type", `{"resource_id":1}`, 400, "must be a string"},
		{"missing", `{}`, 422, "resource_id is required"},
		{"null", `{"resource_id":null}`, 422, "must not be null"},
		{"empty", `{"resource_id":""}`, 422, "must not be empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := map[int]string{400: CodeInvalidRequest, 403: CodeForbidden, 404: CodeNotFound, 422: CodeValidationError}[tt.status]
			wantProblem(t, e.do("POST", restrictions, tt.body), tt.status, code, restrictions, tt.detail)
		})
	}
	if n := len(e.srv.Restrictions()); n != 1 {
		t.Errorf("refused POSTs restricted something: %d", n)
	}
}

func TestRestrictionDelete(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	project := e.createProject(tm.space, "p")["id"].(string)
	free := e.createProject(tm.space, "free")["id"].(string)
	hidden := e.createSpace(tm.org, "hidden")
	secret := e.createProject(hidden, "secret")["id"].(string)
	e.restrict(project)
	e.restrict(secret)
	e.srv.ForbidSpace(hidden, true)

	wantProblem(t, e.do("DELETE", restrictionPath(free), ""), 404, CodeNotFound, "", "not restricted")
	wantProblem(t, e.do("DELETE", restrictionPath("bm9wZQ=="), ""), 404, CodeNotFound, "", "not restricted")
	wantProblem(t, e.do("DELETE", restrictionPath(tm.space), ""), 404, CodeNotFound, "", "not restricted")
	wantProblem(t, e.do("DELETE", restrictionPath(secret), ""), 403, CodeForbidden, "", "access")
	if r := e.do("DELETE", restrictionPath(project), ""); r.status != 204 || len(r.body) != 0 {
		t.Fatalf("DELETE: %d %s", r.status, r.body)
	}
	wantProblem(t, e.do("DELETE", restrictionPath(project), ""), 404, CodeNotFound, "", "not restricted")
	if _, ok := e.srv.Restriction(secret); !ok {
		t.Error("a forbidden DELETE lifted the restriction")
	}
	// Restricted again, it is a new restriction.
	e.clock.Advance(1e9)
	if got := e.restrict(project); got["created_at"] != "2026-02-13T21:27:20.055Z" {
		t.Errorf("restricted again: %v", got)
	}
}

func TestRestrictionList(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	hidden := e.createSpace(tm.org, "hidden")
	var ids []string
	for _, name := range []string{"a", "b", "c"} {
		id := e.createProject(tm.space, name)["id"].(string)
		ids = append(ids, id)
	}
	secret := e.createProject(hidden, "secret")["id"].(string)
	e.restrict(ids[2])
	e.restrict(secret)
	e.restrict(ids[0])
	e.srv.ForbidSpace(hidden, true)

	// The order restrictions were made in; a forbidden project's left out.
	if pg := e.listRestrictions(""); !reflect.DeepEqual(pg.ids, []string{ids[2], ids[0]}) || pg.hasMore {
		t.Errorf("list = %+v", pg)
	}
	if pg := e.listRestrictions("?resource_type=PROJECT"); len(pg.ids) != 2 {
		t.Errorf("resource_type=PROJECT: %+v", pg)
	}
	pg := e.listRestrictions("?limit=1")
	if !reflect.DeepEqual(pg.ids, []string{ids[2]}) || !pg.hasMore {
		t.Fatalf("page 1: %+v", pg)
	}
	if pg := e.listRestrictions("?limit=1&cursor=" + pg.next); !reflect.DeepEqual(pg.ids, []string{ids[0]}) || pg.hasMore {
		t.Errorf("page 2: %+v", pg)
	}
	for _, query := range []string{
		"?resource_type=project", "?resource_type=SPACE", "?resource_type=", "?space_id=" + url.QueryEscape(tm.space),
		"?limit=0", "?cursor=bogus", "?resource_type=PROJECT&cursor=" + pg.next,
	} {
		wantProblem(t, e.do("GET", restrictions+query, ""), 400, CodeInvalidRequest, restrictions, "")
	}
	// A cursor of the shared list format is not this list's.
	other := encodeCursor(pageQuery{fingerprint: fingerprint("")}, 1)
	wantProblem(t, e.do("GET", restrictions+"?cursor="+other, ""), 400, CodeInvalidRequest, restrictions, "cursor")
}

// TestRestrictionShortPages: with SetRestrictionPageSizes the list answers
// pages shorter than limit, even empty, while has_more is true; a client
// that pages until has_more is false sees every restriction once, and one
// that stops at the first empty page sees none.
func TestRestrictionShortPages(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	var want []string
	for _, name := range []string{"a", "b", "c"} {
		id := e.createProject(tm.space, name)["id"].(string)
		e.restrict(id)
		want = append(want, id)
	}
	tests := []struct {
		sizes     []int
		limit     string
		wantSizes []int
	}{
		{nil, "50", []int{3}},
		{[]int{0, 1}, "50", []int{0, 1, 0, 1, 0, 1}},
		{[]int{2}, "50", []int{2, 1}},
		{[]int{5}, "1", []int{1, 1, 1}},
		{[]int{1, 0, 0}, "2", []int{1, 0, 0, 1, 0, 0, 1}},
		{[]int{0, 3}, "50", []int{0, 3}},
	}
	for _, tt := range tests {
		e.srv.SetRestrictionPageSizes(tt.sizes...)
		ids, sizes, cursors := e.listAllRestrictions(tt.limit)
		if !reflect.DeepEqual(ids, want) || !reflect.DeepEqual(sizes, tt.wantSizes) {
			t.Errorf("sizes %v limit %s: ids %v in pages %v, want %v in %v", tt.sizes, tt.limit, ids, sizes, want, tt.wantSizes)
		}
		seen := map[string]bool{}
		for _, c := range cursors {
			if seen[c] {
				t.Errorf("sizes %v: cursor %q answered twice", tt.sizes, c)
			}
			seen[c] = true
		}
	}
	e.srv.SetRestrictionPageSizes(0, 1)
	if pg := e.listRestrictions(""); len(pg.ids) != 0 || !pg.hasMore {
		t.Errorf("the first page: %+v, want empty with has_more", pg)
	}
	// A page that holds the last restriction ends the listing.
	e.srv.SetRestrictionPageSizes(3, 0)
	if pg := e.listRestrictions(""); len(pg.ids) != 3 || pg.hasMore {
		t.Errorf("a page holding the last restriction: %+v, want has_more false", pg)
	}
	for _, bad := range [][]int{{0}, {0, 0}, {-1, 2}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("SetRestrictionPageSizes(%v) did not panic", bad)
				}
			}()
			e.srv.SetRestrictionPageSizes(bad...)
		}()
	}
}

func TestRestrictionHooks(t *testing.T) {
	e := newEnv(t)
	tm := newTeam(e)
	hidden := e.createSpace(tm.org, "hidden")
	secret := e.createProject(hidden, "secret")["id"].(string)
	e.srv.ForbidSpace(hidden, true)
	e.srv.ResetCounters()
	rr, err := e.srv.PutRestriction(secret)
	if err != nil || rr.ResourceType != "PROJECT" || rr.ResourceID != secret || rr.CreatedAt.IsZero() {
		t.Fatalf("PutRestriction of a forbidden project: %+v %v", rr, err)
	}
	if again, err := e.srv.PutRestriction(secret); err != nil || again != rr {
		t.Errorf("PutRestriction again: %+v %v", again, err)
	}
	var p *Problem
	if _, err := e.srv.PutRestriction(tm.space); !errors.As(err, &p) || p.Status != 400 {
		t.Errorf("PutRestriction of a space: %v", err)
	}
	if _, err := e.srv.PutRestriction("UHJvamVjdDo5OTk6YUJjRA=="); !errors.As(err, &p) || p.Status != 404 {
		t.Errorf("PutRestriction of no project: %v", err)
	}
	if got, ok := e.srv.Restriction(secret); !ok || got != rr {
		t.Errorf("Restriction = %+v %v", got, ok)
	}
	if got := e.srv.Restrictions(); len(got) != 1 || got[0] != rr {
		t.Errorf("Restrictions = %+v", got)
	}
	if !e.srv.RemoveRestriction(secret) || e.srv.RemoveRestriction(secret) {
		t.Error("RemoveRestriction: want true once, then false")
	}
	if n := e.srv.Total(); n != 0 {
		t.Errorf("hooks were counted: %d", n)
	}
}
