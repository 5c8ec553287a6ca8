package arize

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// listFixture is an emulator behind a recorder, to see the list queries.
func listFixture(t *testing.T) (*emulator.Server, *recorder, *Client) {
	t.Helper()
	emu := emulator.New(emulator.Options{APIKey: testKey, Spaces: testSpaces, Now: func() time.Time { return fixedNow }})
	rec := &recorder{next: emu}
	return emu, rec, newClient(t, serve(t, rec))
}

func listQueries(rec *recorder) []url.Values {
	var out []url.Values
	for _, r := range rec.requests() {
		if r.Method == http.MethodGet && r.Path == emulator.RouteCollection {
			q, _ := url.ParseQuery(r.Query)
			out = append(out, q)
		}
	}
	return out
}

func names(items []Integration) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.Name)
	}
	return out
}

// TestListFollowsCursor checks List reads every page, in creation order, with
// one request per page.
func TestListFollowsCursor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		n, limit  int
		wantPages int
	}{
		{n: 7, limit: 2, wantPages: 4},
		{n: 6, limit: 2, wantPages: 3},
		{n: 7, limit: 3, wantPages: 3},
		{n: 5, limit: 1, wantPages: 5},
		{n: 2, limit: 2, wantPages: 1},
		{n: 1, limit: 2, wantPages: 1},
		{n: 0, limit: 2, wantPages: 1},
		{n: 7, limit: 0, wantPages: 1},   // the API's default page size
		{n: 7, limit: 100, wantPages: 1}, // the API's largest
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("n=%d,limit=%d", tt.n, tt.limit), func(t *testing.T) {
			t.Parallel()
			emu, rec, c := listFixture(t)
			var want []string
			for i := range tt.n {
				// Names out of alphabetical order: the list must keep creation order.
				name := fmt.Sprintf("int-%d-%c", i, 'z'-i)
				if _, err := emu.Put(emulator.Integration{Name: name, Provider: "openAI"}); err != nil {
					t.Fatal(err)
				}
				want = append(want, name)
			}
			got, err := c.List(context.Background(), ListOptions{Limit: tt.limit})
			if err != nil {
				t.Fatalf("List: %v", err)
			}
			if len(got) != tt.n {
				t.Errorf("List returned %d, want %d", len(got), tt.n)
			}
			if tt.n > 0 && !reflect.DeepEqual(names(got), want) {
				t.Errorf("List order %v, want %v", names(got), want)
			}
			seenIDs := map[string]bool{}
			for _, it := range got {
				if it.ID == "" || seenIDs[it.ID] {
					t.Errorf("missing or repeated id %q", it.ID)
				}
				seenIDs[it.ID] = true
				if it.CreatedAt != fixedNowText || it.AuthType != AuthTypeDefault {
					t.Errorf("item not fully decoded: %s", dump(it))
				}
			}
			if pages := emu.Count(http.MethodGet, emulator.RouteCollection); pages != tt.wantPages {
				t.Errorf("%d list requests, want %d", pages, tt.wantPages)
			}
			qs := listQueries(rec)
			for i, q := range qs {
				if tt.limit > 0 && q.Get("limit") != fmt.Sprint(tt.limit) {
					t.Errorf("page %d: limit %q, want %d", i, q.Get("limit"), tt.limit)
				}
				if tt.limit == 0 && q.Has("limit") {
					t.Errorf("page %d: limit %q sent for Limit 0", i, q.Get("limit"))
				}
				if (i == 0) == q.Has("cursor") {
					t.Errorf("page %d: cursor %q (want one on every page but the first)", i, q.Get("cursor"))
				}
			}
		})
	}
}

func TestListEmpty(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	got, err := f.c.List(context.Background(), ListOptions{Name: "nothing"})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if len(got) != 0 {
		t.Errorf("List = %v, want empty", got)
	}
	page, err := f.c.ListPage(context.Background(), ListOptions{}, "")
	if err != nil {
		t.Fatalf("ListPage: %v", err)
	}
	if len(page.Integrations) != 0 || page.Pagination.HasMore || page.Pagination.NextCursor != "" {
		t.Errorf("empty page %+v", page)
	}
}

// TestListErrors checks a failing page fails the whole List.
func TestListErrors(t *testing.T) {
	t.Parallel()
	f := newFixture(t, func(c *Config) { c.MaxRetries = -1 })
	ctx := context.Background()
	_, err := f.c.List(ctx, ListOptions{SpaceID: "U3BhY2U6OTk5"})
	if !IsNotFound(err) {
		t.Errorf("List of an unknown space: %v, want a 404", err)
	}
	_, err = f.c.List(ctx, ListOptions{Limit: 101})
	if apiErr, ok := err.(*APIError); !ok || apiErr.Status != http.StatusBadRequest || apiErr.Method != "GET" ||
		apiErr.Path != "/v2/ai-integrations" {
		t.Errorf("List with limit 101: %v, want a 400", err)
	}

	// A failure on the second page is returned, with nothing.
	for i := range 3 {
		if _, err := f.emu.Put(emulator.Integration{Name: fmt.Sprint("p", i), Provider: "openAI"}); err != nil {
			t.Fatal(err)
		}
	}
	f.emu.ResetCounters()
	var calls atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 2 {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		// Forward to the emulator for the first page.
		rec := &recorder{next: f.emu}
		rec.ServeHTTP(w, r)
	})
	c := newClient(t, serve(t, h), func(c *Config) { c.MaxRetries = -1 })
	got, err := c.List(ctx, ListOptions{Limit: 2})
	if err == nil || got != nil {
		t.Errorf("List = %v, %v; want nil and the 403", got, err)
	}
	if apiErr, ok := err.(*APIError); !ok || apiErr.Status != http.StatusForbidden {
		t.Errorf("List error %v, want a 403 *APIError", err)
	}
}

// TestPageDecoding checks a list answer is read by its items member and its
// pagination, whatever else it holds.
func TestPageDecoding(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body    string
		items   []string
		p       Pagination
		wantErr bool
	}{
		{body: `{"things":[{"name":"a"},{"name":"b"}],"pagination":{"has_more":true,"next_cursor":"c2"}}`,
			items: []string{"a", "b"}, p: Pagination{HasMore: true, NextCursor: "c2"}},
		{body: `{"things":[],"pagination":{"has_more":false},"total":2,"ai_integrations":[{"name":"x"}]}`, items: []string{}},
		{body: `{"pagination":{"has_more":false}}`},
		{body: `{"things":null}`},
		{body: `null`},
		{body: `{"things":{"name":"a"}}`, wantErr: true},
		{body: `{"things":[],"pagination":[]}`, wantErr: true},
		{body: `[]`, wantErr: true},
		{body: `{"things":[]`, wantErr: true},
	}
	for _, tt := range tests {
		// Start dirty: decoding replaces, never merges.
		got := page[struct{ Name string }]{itemsField: "things", items: []struct{ Name string }{{"stale"}}, pagination: Pagination{HasMore: true}}
		err := json.Unmarshal([]byte(tt.body), &got)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: error %v, want an error: %v", tt.body, err, tt.wantErr)
			continue
		}
		if tt.wantErr {
			continue
		}
		var gotNames []string
		if got.items != nil {
			gotNames = []string{}
		}
		for _, it := range got.items {
			gotNames = append(gotNames, it.Name)
		}
		if !reflect.DeepEqual(gotNames, tt.items) || got.pagination != tt.p {
			t.Errorf("%s: items %q, pagination %+v; want %q, %+v", tt.body, gotNames, got.pagination, tt.items, tt.p)
		}
	}
}

// TestFindByNameIsExact: the API's name filter matches case-insensitive
// substrings; findByName keeps the exact name only, on every page.
func TestFindByNameIsExact(t *testing.T) {
	t.Parallel()
	emu, rec, c := listFixture(t)
	for _, name := range []string{"bobcat", "cat", "Cat-2", "cats", "dog"} {
		if _, err := emu.Put(emulator.Integration{Name: name, Provider: "OPEN_AI"}); err != nil {
			t.Fatal(err)
		}
	}
	nameOf := func(in *Integration) string { return in.Name }
	got, err := findByName(context.Background(), c, integrationsPath, integrationsField, nil, "cat", nameOf)
	if err != nil || len(got) != 1 || got[0].Name != "cat" {
		t.Fatalf("findByName(cat) = %s, %v; want the one named cat", dump(got), err)
	}
	if got, err := findByName(context.Background(), c, integrationsPath, integrationsField, nil, "CAT", nameOf); err != nil || len(got) != 0 {
		t.Errorf("findByName(CAT) = %s, %v; want none", dump(got), err)
	}
	for _, q := range listQueries(rec) {
		if q.Get("limit") != "100" || (q.Get("name") != "cat" && q.Get("name") != "CAT") {
			t.Errorf("query %v, want the name and the largest page", q)
		}
	}
}

// TestPaginationNext: the last page has no next cursor; a page that says
// more follow must give one.
func TestPaginationNext(t *testing.T) {
	for _, tt := range []struct {
		p       Pagination
		want    string
		wantErr bool
	}{
		{Pagination{}, "", false},
		{Pagination{NextCursor: "ignored"}, "", false},
		{Pagination{HasMore: true, NextCursor: "c2"}, "c2", false},
		{Pagination{HasMore: true}, "", true},
	} {
		got, err := tt.p.Next()
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("%+v.Next() = %q, %v; want %q, error %t", tt.p, got, err, tt.want, tt.wantErr)
		}
	}
}
