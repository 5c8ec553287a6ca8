package provider

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// TestStreamResults reads a list of seven in pages of three: every item
// once, in order; no page past the limit or past the point Terraform stops
// asking; a failed page ends the stream with an error.
func TestStreamResults(t *testing.T) {
	const total, pageSize = 7, 3
	for _, c := range []struct {
		name      string
		limit     int64
		stopAfter int // results taken before the consumer stops; 0: all
		failPage  int // the page that fails, from 1; 0: none
		want      int
		wantPages int
		wantError bool
	}{
		{name: "all", want: 7, wantPages: 3},
		{name: "limit within the first page", limit: 2, want: 2, wantPages: 1},
		{name: "limit at a page's end", limit: 3, want: 3, wantPages: 1},
		{name: "limit on the second page", limit: 5, want: 5, wantPages: 2},
		{name: "limit above the total", limit: 50, want: 7, wantPages: 3},
		{name: "consumer stops", stopAfter: 4, want: 4, wantPages: 2},
		{name: "second page fails", failPage: 2, want: 3, wantPages: 2, wantError: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			pages := 0
			read := func(_ context.Context, cursor string) ([]int, string, error) {
				pages++
				if pages == c.failPage {
					return nil, "", errors.New("503 Service Unavailable")
				}
				from, _ := strconv.Atoi(cursor)
				var items []int
				for i := from; i < min(from+pageSize, total); i++ {
					items = append(items, i)
				}
				if from+pageSize >= total {
					return items, "", nil
				}
				return items, strconv.Itoa(from + pageSize), nil
			}
			result := func(i *int) list.ListResult { return list.ListResult{DisplayName: fmt.Sprint(*i)} }
			var got []string
			var failed bool
			for r := range streamResults(context.Background(), aiIntegration, c.limit, read, result) {
				if r.Diagnostics.HasError() {
					failed = true
					if s := r.Diagnostics[0].Summary(); s != "Could not list Arize AI integrations" {
						t.Errorf("error %q", s)
					}
					continue
				}
				got = append(got, r.DisplayName)
				if len(got) == c.stopAfter {
					break
				}
			}
			for i, name := range got {
				if name != strconv.Itoa(i) {
					t.Errorf("results %v are not 0, 1, 2... in order", got)
					break
				}
			}
			if len(got) != c.want || pages != c.wantPages || failed != c.wantError {
				t.Errorf("%d results from %d pages (error: %t), want %d from %d (error: %t)", len(got), pages, failed, c.want, c.wantPages, c.wantError)
			}
		})
	}
}

// TestStreamResults_repeatedCursor: a list whose pages come back with a
// cursor answered before ends with an error, not a loop, even when a
// filter keeps nothing of its pages, so the limit never ends it.
func TestStreamResults_repeatedCursor(t *testing.T) {
	pages := 0
	read := func(_ context.Context, cursor string) ([]int, string, error) {
		pages++
		if pages > 10 {
			t.Fatal("the stream kept reading a list that repeats its cursor")
		}
		return nil, "same", nil // an empty page (all filtered out), and more to come
	}
	var failed bool
	for r := range streamResults(context.Background(), aiIntegration, 5, read, func(i *int) list.ListResult { return list.ListResult{} }) {
		if r.Diagnostics.HasError() {
			failed = true
			if d := r.Diagnostics[0].Detail(); !strings.Contains(d, "answered a cursor it had answered before") {
				t.Errorf("detail %q", d)
			}
		}
	}
	if !failed || pages != 2 {
		t.Errorf("failed: %t after %d pages, want an error after 2", failed, pages)
	}
}

// TestStreamResults_compositeCursors: a reader over several lists in turn
// (role bindings by type, service keys by space) answers "<index> <cursor>"
// and "<next index> " between lists: none of those is a repeat.
func TestStreamResults_compositeCursors(t *testing.T) {
	next := map[string]string{"": "0 c2", "0 c2": "1 ", "1 ": "1 c2", "1 c2": "2 ", "2 ": ""}
	var read []string
	pages := func(_ context.Context, cursor string) ([]int, string, error) {
		read = append(read, cursor)
		return []int{len(read)}, next[cursor], nil
	}
	n := 0
	for r := range streamResults(context.Background(), roleBinding, 0, pages, func(i *int) list.ListResult { return list.ListResult{} }) {
		if r.Diagnostics.HasError() {
			t.Fatalf("a composite cursor taken for a repeat: %v", r.Diagnostics)
		}
		n++
	}
	if n != 5 || len(read) != 5 {
		t.Errorf("%d results from pages %q, want 5 from 5", n, read)
	}
}

// TestListPageReaders_noCursor: a page that says more follow but gives no
// cursor fails the readers that go through several lists in turn, rather
// than moving on to the next list and missing the rest of this one.
func TestListPageReaders_noCursor(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"role_bindings": [], "api_keys": [], "pagination": {"has_more": true}}`)
	}))
	defer srv.Close()
	client, err := arize.New(arize.Config{Endpoint: srv.URL, APIKey: testAccAPIKey})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	bindings := (&roleBindingListResource{client: client}).pagesOfEachType(arize.RoleBindingResourceTypes(), "")
	if _, _, err := bindings(ctx, ""); err == nil || !strings.Contains(err.Error(), "gives no cursor") {
		t.Errorf("role bindings: %v, want the missing cursor refused", err)
	}
	keys := (&serviceAPIKeyListResource{client: client}).pagesOfEachSpace([]string{"space-1", "space-2"}, func(*arize.APIKey) bool { return true })
	if _, _, err := keys(ctx, ""); err == nil || !strings.Contains(err.Error(), "gives no cursor") {
		t.Errorf("service keys: %v, want the missing cursor refused", err)
	}
}
