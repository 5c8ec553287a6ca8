package arize

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// readAllPages reads a listing with read until its last page, and returns
// the restrictions' project IDs and the number of items on each page.
func readAllPages(t *testing.T, read func(context.Context, string) ([]ResourceRestriction, string, error)) (ids []string, sizes []int) {
	t.Helper()
	cursor := ""
	for range 100 {
		items, next, err := read(context.Background(), cursor)
		if err != nil {
			t.Fatalf("page %d: %v", len(sizes), err)
		}
		for _, rr := range items {
			ids = append(ids, rr.ResourceID)
		}
		sizes = append(sizes, len(items))
		if next == "" {
			return ids, sizes
		}
		cursor = next
	}
	t.Fatal("the listing never ends")
	return nil, nil
}

// RestrictionPages goes on through short and empty pages while the API says
// more follow, and ends at the page that says none do: every restriction
// once, in order, one request per page.
func TestRestrictionPages_shortAndEmptyPages(t *testing.T) {
	f := newRestrictionFixture(t, emulator.DialectToday)
	ids := f.projects(t, 3)
	f.restrictAll(t, ids)
	for _, c := range []struct {
		sizes     []int
		wantSizes []int
	}{
		{nil, []int{3}},
		{[]int{0, 1}, []int{0, 1, 0, 1, 0, 1}},
		{[]int{2, 0}, []int{2, 0, 1}},
	} {
		t.Run(fmt.Sprint(c.sizes), func(t *testing.T) {
			f.emu.SetRestrictionPageSizes(c.sizes...)
			f.emu.ResetCounters()
			got, sizes := readAllPages(t, f.c.RestrictionPages(RestrictionListOptions{Limit: maxPageSize}))
			if !reflect.DeepEqual(got, ids) || !reflect.DeepEqual(sizes, c.wantSizes) {
				t.Errorf("read %v in pages of %v, want %v in %v", got, sizes, ids, c.wantSizes)
			}
			if n := f.emu.Count("GET", emulator.RouteResourceRestrictions); n != len(c.wantSizes) {
				t.Errorf("%d requests for %d pages", n, len(c.wantSizes))
			}
		})
	}
}

// A cursor answered twice within a listing, or a page that says more follow
// without a cursor, is an error: never the end of the list, and never a
// listing without end. Each reader starts a listing of its own: the
// cursors of another listing are no repeats.
func TestRestrictionPages_brokenPaging(t *testing.T) {
	for _, c := range []struct {
		name   string
		cursor func(n int64) string
		want   string
		pages  int64
	}{
		{"a cursor answered twice", func(n int64) string { return fmt.Sprintf("c%d", min(n, 3)) }, "answered a cursor it had answered before", 4},
		{"has_more without a cursor", func(int64) string { return "" }, "gives no cursor", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			var served atomic.Int64
			srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Query().Get("resource_type") != RestrictionResourceProject || r.URL.Query().Get("limit") != "100" {
					http.Error(w, "unexpected query "+r.URL.RawQuery, http.StatusBadRequest)
					return
				}
				n := served.Add(1)
				_ = json.NewEncoder(w).Encode(map[string]any{
					"resource_restrictions": []any{},
					"pagination":            map[string]any{"has_more": true, "next_cursor": c.cursor(n)},
				})
			}))
			read := newClient(t, srv).RestrictionPages(RestrictionListOptions{Limit: maxPageSize})
			cursor, err := "", error(nil)
			for range 10 {
				if _, cursor, err = read(context.Background(), cursor); err != nil {
					break
				}
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v; want one saying %q", err, c.want)
			}
			if n := served.Load(); n != c.pages {
				t.Errorf("%d pages read, want %d", n, c.pages)
			}
		})
	}
}

// Two listings with one client each have their own cursors: a second
// reader reads the first page's cursor again without error.
func TestRestrictionPages_eachListingItsOwn(t *testing.T) {
	f := newRestrictionFixture(t, emulator.DialectToday)
	ids := f.projects(t, 2)
	f.restrictAll(t, ids)
	f.emu.SetRestrictionPageSizes(1)
	opts := RestrictionListOptions{Limit: maxPageSize}
	first, _ := readAllPages(t, f.c.RestrictionPages(opts))
	second, _ := readAllPages(t, f.c.RestrictionPages(opts))
	if !reflect.DeepEqual(first, ids) || !reflect.DeepEqual(second, ids) {
		t.Errorf("listings read %v and %v, want %v twice", first, second, ids)
	}
}
