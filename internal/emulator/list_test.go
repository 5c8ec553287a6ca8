package emulator

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"testing"
)

// page is a decoded list answer; pagination members are pointers so a test
// can tell an absent next_cursor from an empty one.
type page struct {
	AIIntegrations []map[string]any `json:"ai_integrations"`
	Pagination     struct {
		HasMore    *bool   `json:"has_more"`
		NextCursor *string `json:"next_cursor"`
	} `json:"pagination"`
}

func (e *env) list(query string) page {
	e.t.Helper()
	r := e.do("GET", collection+query, "")
	if r.status != http.StatusOK {
		e.t.Fatalf("list %s: %d %s", query, r.status, r.body)
	}
	var p page
	if err := json.Unmarshal(r.body, &p); err != nil {
		e.t.Fatalf("list body: %v", err)
	}
	if p.AIIntegrations == nil || p.Pagination.HasMore == nil {
		e.t.Fatalf("list body lacks ai_integrations or has_more: %s", r.body)
	}
	if *p.Pagination.HasMore != (p.Pagination.NextCursor != nil) {
		e.t.Fatalf("next_cursor must be present exactly while has_more: %s", r.body)
	}
	return p
}

func names(p page) []string {
	out := []string{}
	for _, it := range p.AIIntegrations {
		out = append(out, it["name"].(string))
	}
	return out
}

func TestListEmpty(t *testing.T) {
	e := newEnv(t)
	r := e.do("GET", collection, "")
	if want := `{"ai_integrations":[],"pagination":{"has_more":false}}` + "\n"; string(r.body) != want {
		t.Errorf("empty list = %s, want %s", r.body, want)
	}
}

// TestListPaginationWithDeletes reads four pages while integrations are
// deleted and created between them: nothing is repeated, nothing that still
// exists is skipped, and new ones show up at the end.
func TestListPaginationWithDeletes(t *testing.T) {
	e := newEnv(t)
	ids := map[string]string{}
	for i := 1; i <= 10; i++ {
		n := fmt.Sprintf("it-%02d", i)
		ids[n] = e.createNamed(n)
	}
	var got []string
	p := e.list("?limit=3")
	got = append(got, names(p)...)
	if !*p.Pagination.HasMore {
		t.Fatal("page 1 has no more")
	}
	// Delete the next item to read and one already read.
	e.do("DELETE", itemPath(ids["it-04"]), "")
	e.srv.Remove(ids["it-02"])
	p = e.list("?limit=3&cursor=" + url.QueryEscape(*p.Pagination.NextCursor))
	got = append(got, names(p)...)
	e.createNamed("it-11")
	p = e.list("?limit=3&cursor=" + url.QueryEscape(*p.Pagination.NextCursor))
	got = append(got, names(p)...)
	if !*p.Pagination.HasMore {
		t.Fatal("page 3 has no more, but it-11 follows")
	}
	p = e.list("?limit=3&cursor=" + url.QueryEscape(*p.Pagination.NextCursor))
	got = append(got, names(p)...)
	if *p.Pagination.HasMore {
		t.Error("last page has more")
	}
	want := []string{"it-01", "it-02", "it-03", "it-05", "it-06", "it-07", "it-08", "it-09", "it-10", "it-11"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pages read\n got %v\nwant %v", got, want)
	}
}

func TestListExactPageHasNoMore(t *testing.T) {
	e := newEnv(t)
	for i := range 4 {
		e.createNamed(fmt.Sprint("n", i))
	}
	p := e.list("?limit=4")
	if len(p.AIIntegrations) != 4 || *p.Pagination.HasMore {
		t.Errorf("limit equal to the count: %d items, has_more %v", len(p.AIIntegrations), *p.Pagination.HasMore)
	}
	p = e.list("?limit=2")
	p = e.list("?limit=2&cursor=" + url.QueryEscape(*p.Pagination.NextCursor))
	if !reflect.DeepEqual(names(p), []string{"n2", "n3"}) || *p.Pagination.HasMore {
		t.Errorf("second page %v, has_more %v", names(p), *p.Pagination.HasMore)
	}
}

func TestListDefaultAndMaxLimit(t *testing.T) {
	e := newEnv(t)
	for i := range 120 {
		if _, err := e.srv.Put(Integration{Name: fmt.Sprint("n", i), Provider: "OPEN_AI"}); err != nil {
			t.Fatal(err)
		}
	}
	if p := e.list(""); len(p.AIIntegrations) != 50 || !*p.Pagination.HasMore {
		t.Errorf("default page: %d items", len(p.AIIntegrations))
	}
	p := e.list("?limit=100")
	if len(p.AIIntegrations) != 100 {
		t.Errorf("limit=100: %d items", len(p.AIIntegrations))
	}
	p = e.list("?limit=100&cursor=" + url.QueryEscape(*p.Pagination.NextCursor))
	if len(p.AIIntegrations) != 20 || *p.Pagination.HasMore {
		t.Errorf("second page of 100: %d items", len(p.AIIntegrations))
	}
}

func TestListItemsEqualGet(t *testing.T) {
	e := newEnv(t)
	e.create(fullBody)
	e.create(bedrockBody)
	for _, it := range e.list("").AIIntegrations {
		got := e.do("GET", itemPath(it["id"].(string)), "").json(t)
		if !reflect.DeepEqual(got, it) {
			t.Errorf("list item %v\n!= GET %v", it, got)
		}
	}
}

func TestListFilters(t *testing.T) {
	e := newEnv(t)
	scoped := func(name string, spaces ...string) {
		var sc []map[string]any
		for _, s := range spaces {
			sc = append(sc, map[string]any{"organization_id": orgID, "space_id": s})
		}
		b, _ := json.Marshal(map[string]any{"name": name, "provider": "OPEN_AI", "scopings": sc})
		e.create(string(b))
	}
	scoped("Prod OpenAI", spaceProd)
	scoped("staging openai", spaceStaging)
	scoped("Both", spaceProd, spaceStaging)
	scoped("account wide")
	e.create(`{"name":"org wide","provider":"OPEN_AI","scopings":[{"organization_id":"` + orgID + `"}]}`)

	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"Prod OpenAI", "staging openai", "Both", "account wide", "org wide"}},
		{"?name=OPENAI", []string{"Prod OpenAI", "staging openai"}},
		{"?name=wide", []string{"account wide", "org wide"}},
		{"?name=nothing", []string{}},
		{"?name=", []string{"Prod OpenAI", "staging openai", "Both", "account wide", "org wide"}},
		{"?space_id=" + url.QueryEscape(spaceProd), []string{"Prod OpenAI", "Both"}},
		{"?space_id=" + url.QueryEscape(spaceDev), []string{}},
		{"?space_name=PROD", []string{"Prod OpenAI", "Both"}},
		{"?space_name=ing", []string{"staging openai", "Both"}},
		{"?space_name=N", []string{"Prod OpenAI", "staging openai", "Both"}}, // every space has an n
		{"?space_name=sandbox", []string{}},
		{"?space_name=prod&name=both", []string{"Both"}},
		{"?space_id=" + url.QueryEscape(spaceStaging) + "&space_name=prod", []string{"Both"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := names(e.list(tt.query)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestListFilteredPagination(t *testing.T) {
	e := newEnv(t)
	for i := range 9 {
		name := fmt.Sprint("other-", i)
		if i%2 == 0 {
			name = fmt.Sprint("match-", i)
		}
		e.createNamed(name)
	}
	var got []string
	q := "?name=MATCH&limit=2"
	for pages := 0; ; pages++ {
		if pages > 5 {
			t.Fatal("too many pages")
		}
		p := e.list(q)
		got = append(got, names(p)...)
		if !*p.Pagination.HasMore {
			break
		}
		q = "?name=MATCH&limit=2&cursor=" + url.QueryEscape(*p.Pagination.NextCursor)
	}
	if want := []string{"match-0", "match-2", "match-4", "match-6", "match-8"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestListErrors(t *testing.T) {
	e := newEnv(t)
	e.createNamed("a")
	e.createNamed("b")
	cursor := *e.list("?limit=1").Pagination.NextCursor
	tests := []struct {
		query  string
		status int
		code   string
		detail string
	}{
		{"?limit=0", 400, CodeInvalidRequest, "limit"},
		{"?limit=101", 400, CodeInvalidRequest, "limit"},
		{"?limit=-1", 400, CodeInvalidRequest, "limit"},
		{"?limit=ten", 400, CodeInvalidRequest, "limit"},
		{"?limit=", 400, CodeInvalidRequest, "limit"},
		{"?cursor=garbage!", 400, CodeInvalidRequest, "cursor"},
		{"?cursor=" + base64.RawURLEncoding.EncodeToString([]byte("v1:x:y")), 400, CodeInvalidRequest, "cursor"},
		{"?cursor=" + url.QueryEscape(cursor) + "&name=a", 400, CodeInvalidRequest, "cursor"}, // issued for another query
		{"?page_size=10", 400, CodeInvalidRequest, `"page_size"`},
		{"?space_id=U3BhY2U6OTk5", 404, CodeNotFound, "space_id"},
		{"?space_name=nope", 404, CodeNotFound, "space_name"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			wantProblem(t, e.do("GET", collection+tt.query, ""), tt.status, tt.code, collection, tt.detail)
		})
	}
	// The cursor works with its own query and a different limit.
	if p := e.list("?limit=5&cursor=" + url.QueryEscape(cursor)); !reflect.DeepEqual(names(p), []string{"b"}) {
		t.Errorf("cursor page %v", names(p))
	}
}
