package arize

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// What every list of the API shares: cursor pages, and a name filter that
// matches substrings.

// Pagination is the cursor part of every list answer. NextCursor is opaque
// (never parse or build one) and present only while HasMore is true.
type Pagination struct {
	HasMore    bool   `json:"has_more"`
	NextCursor string `json:"next_cursor"`
}

// maxPageSize is the largest page the API serves.
const maxPageSize = 100

// page is one page of a list answer, whose items are under itemsField
// ("ai_integrations" for integrations).
type page[T any] struct {
	itemsField string
	items      []T
	pagination Pagination
}

// UnmarshalJSON reads the items and the pagination; other members are
// ignored, as decode ignores them.
func (p *page[T]) UnmarshalJSON(b []byte) error {
	var members map[string]json.RawMessage
	if err := decode(b, &members); err != nil {
		return err
	}
	p.items, p.pagination = nil, Pagination{}
	if raw, ok := members[p.itemsField]; ok {
		if err := decode(raw, &p.items); err != nil {
			return err
		}
	}
	if raw, ok := members["pagination"]; ok {
		if err := decode(raw, &p.pagination); err != nil {
			return err
		}
	}
	return nil
}

// listPage reads the page of path that starts at cursor ("" for the first),
// filtered by query.
func listPage[T any](ctx context.Context, c *Client, path string, query url.Values, itemsField, cursor string) ([]T, Pagination, error) {
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	out := page[T]{itemsField: itemsField}
	err := c.do(ctx, call{method: http.MethodGet, path: path, query: q, want: http.StatusOK, out: &out, retry: idempotent})
	if err != nil {
		return nil, Pagination{}, err
	}
	return out.items, out.pagination, nil
}

// listAll reads every page of path, following the cursor (see eachPage). A
// page that fails fails the whole list.
func listAll[T any](ctx context.Context, c *Client, path string, query url.Values, itemsField string) ([]T, error) {
	var all []T
	err := eachPage(path, func(cursor string) (Pagination, bool, error) {
		items, p, err := listPage[T](ctx, c, path, query, itemsField, cursor)
		all = append(all, items...)
		return p, true, err
	})
	if err != nil {
		return nil, err
	}
	return all, nil
}

// eachPage reads the pages of the list at path in order, from the first:
// read reads the page at cursor ("" for the first) and says whether to read
// on. It ends when read fails or says stop, or at the page that says no
// more follow; a short or empty page ends nothing while the API says more
// follow ("Clients MUST keep paging until has_more is false"). A cursor the
// API repeats, or a page that says more follow without a cursor, is an
// error, never taken as the end of the list: what a list misses there reads
// as gone, and would be dropped from state, or made a second time.
func eachPage(path string, read func(cursor string) (Pagination, bool, error)) error {
	seen := map[string]bool{"": true} // the cursors sent, the first page's "" too
	cursor := ""
	for {
		p, more, err := read(cursor)
		if err != nil || !more {
			return err
		}
		if cursor, err = nextCursor(path, p, seen); err != nil || cursor == "" {
			return err
		}
	}
}

// nextCursor is the cursor of the page after the one whose pagination is
// p, "" after the last, and records it in seen: the cursors this listing
// of path has answered so far.
func nextCursor(path string, p Pagination, seen map[string]bool) (string, error) {
	switch {
	case !p.HasMore:
		return "", nil
	case p.NextCursor == "":
		return "", fmt.Errorf("GET %s: a page says more follow but gives no cursor to them", path)
	case seen[p.NextCursor]:
		return "", fmt.Errorf("GET %s: the API answered a cursor it had answered before, so the list would never end", path)
	}
	seen[p.NextCursor] = true
	return p.NextCursor, nil
}

// Next is the cursor of the page after p, "" when p is the last, and an
// error when p says more follow but gives no cursor to them: a list that
// ended there would miss what follows. For a reader of pages one at a
// time, which must also refuse a cursor answered twice (as eachPage does).
func (p Pagination) Next() (string, error) {
	if p.HasMore && p.NextCursor == "" {
		return "", errors.New("a page of the list says more follow but gives no cursor to them")
	}
	if !p.HasMore {
		return "", nil
	}
	return p.NextCursor, nil
}

// findByName returns what path lists under exactly name, within scope (more
// filters, such as a space list's org_id; nil for none): the API's name
// filter matches case-insensitive substrings, so the list is filtered again
// here. Names are unique within their scope, so there is at most one.
func findByName[T any](ctx context.Context, c *Client, path, itemsField string, scope url.Values, name string, nameOf func(*T) string) ([]T, error) {
	query := url.Values{"name": {name}, "limit": {strconv.Itoa(maxPageSize)}}
	for k, v := range scope {
		query[k] = v
	}
	all, err := listAll[T](ctx, c, path, query, itemsField)
	if err != nil {
		return nil, err
	}
	var exact []T
	for i := range all {
		if nameOf(&all[i]) == name {
			exact = append(exact, all[i])
		}
	}
	return exact, nil
}

// listQuery is a list's query: the filters that are set, and the page size
// when it is not the API's default.
func listQuery(filters map[string]string, limit int) url.Values {
	q := url.Values{}
	for k, v := range filters {
		if v != "" {
			q.Set(k, v)
		}
	}
	if limit > 0 {
		q.Set("limit", strconv.Itoa(limit))
	}
	return q
}
