package emulator

import (
	"encoding/base64"
	"hash/fnv"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

const (
	defaultLimit = 50
	maxLimit     = 100
)

// integrationFilters are the filters GET /v2/ai-integrations accepts
// besides limit and cursor; any other parameter is a 400.
var integrationFilters = []string{"name", "space_id", "space_name"}

// listQuery is a parsed integration list request.
type listQuery struct {
	name      string
	spaceID   string
	spaceName string
	pageQuery
}

// pageQuery is what every list endpoint reads the same way: how many items,
// where the previous page ended, and the fingerprint of the filters its
// cursor is tied to.
type pageQuery struct {
	limit       int
	after       uint64 // sequence number of the last item of the previous page
	fingerprint string
}

// fingerprint ties a cursor to the filters it was issued for, so reusing a
// cursor with other filters is a 400 instead of a silently odd page.
func fingerprint(filters ...string) string {
	h := fnv.New64a()
	for _, v := range filters {
		_, _ = h.Write([]byte(v))
		_, _ = h.Write([]byte{0})
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

// encodeCursor makes the opaque next_cursor. It carries the sequence number
// of the last item served rather than an offset, so deleting an item between
// two pages neither skips nor repeats anything.
func encodeCursor(q pageQuery, last uint64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("v1:" + strconv.FormatUint(last, 10) + ":" + q.fingerprint))
}

func decodeCursor(q pageQuery, cursor string) (uint64, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return 0, false
	}
	parts := strings.Split(string(raw), ":")
	if len(parts) != 3 || parts[0] != "v1" || parts[2] != q.fingerprint {
		return 0, false
	}
	seq, err := strconv.ParseUint(parts[1], 10, 64)
	return seq, err == nil
}

// parsePageQuery reads the query of a list endpoint whose filters are
// filters: any other parameter but limit and cursor is a 400, so a misspelt
// parameter in the client cannot silently be ignored. It returns the query's
// values for the caller to read its filters from.
func parsePageQuery(r *http.Request, filters []string) (url.Values, pageQuery, *Problem) {
	return parseScopedPageQuery(r, filters, "")
}

// parseScopedPageQuery is parsePageQuery for a list under one object (the
// versions of one evaluator): its cursors are tied to scope too, so one
// evaluator's cursor is a 400 on another's list.
func parseScopedPageQuery(r *http.Request, filters []string, scope string) (url.Values, pageQuery, *Problem) {
	values := r.URL.Query()
	for _, k := range slices.Sorted(maps.Keys(values)) {
		if k != "limit" && k != "cursor" && !slices.Contains(filters, k) {
			return nil, pageQuery{}, badRequest("unknown query parameter %q", k)
		}
	}
	filterValues := make([]string, 0, len(filters)+1)
	for _, f := range filters {
		filterValues = append(filterValues, values.Get(f))
	}
	if scope != "" {
		filterValues = append(filterValues, "scope:"+scope)
	}
	q := pageQuery{limit: defaultLimit, fingerprint: fingerprint(filterValues...)}
	if values.Has("limit") {
		n, err := strconv.Atoi(values.Get("limit"))
		if err != nil || n < 1 || n > maxLimit {
			return nil, pageQuery{}, badRequest("limit must be an integer from 1 to %d", maxLimit)
		}
		q.limit = n
	}
	if c := values.Get("cursor"); c != "" {
		after, ok := decodeCursor(q, c)
		if !ok {
			return nil, pageQuery{}, badRequest("cursor is invalid or does not belong to this query")
		}
		q.after = after
	}
	return values, q, nil
}

func parseListQuery(r *http.Request) (listQuery, *Problem) {
	values, pq, p := parsePageQuery(r, integrationFilters)
	if p != nil {
		return listQuery{}, p
	}
	return listQuery{
		name:      values.Get("name"),
		spaceID:   values.Get("space_id"),
		spaceName: values.Get("space_name"),
		pageQuery: pq,
	}, nil
}

// spaceFilter resolves space_id and space_name against the spaces the
// emulator knows (visibleSpaces). It answers 404 for a space that does not
// exist or that the key may not see, as Arize does. A nil set means "no
// space filter".
func (s *Server) spaceFilter(q listQuery) (byID, byName map[string]bool, p *Problem) {
	if q.spaceID == "" && q.spaceName == "" {
		return nil, nil, nil
	}
	known := s.visibleSpaces()
	if q.spaceID != "" {
		if _, ok := known[q.spaceID]; !ok {
			return nil, nil, notFound("space_id %q: no such space", q.spaceID)
		}
		byID = map[string]bool{q.spaceID: true}
	}
	if q.spaceName != "" {
		byName = map[string]bool{}
		needle := strings.ToLower(q.spaceName)
		for id, name := range known {
			if strings.Contains(strings.ToLower(name), needle) {
				byName[id] = true
			}
		}
		if len(byName) == 0 {
			return nil, nil, notFound("space_name %q matches no space", q.spaceName)
		}
	}
	return byID, byName, nil
}

// scopedTo reports whether one of the integration's scopings names a space in
// the set. Account-wide and organisation-wide integrations name no space.
func scopedTo(in *Integration, spaces map[string]bool) bool {
	for _, sc := range in.Scopings {
		if sc.SpaceID != "" && spaces[sc.SpaceID] {
			return true
		}
	}
	return false
}

func (s *Server) handleList(w http.ResponseWriter, r *http.Request) {
	q, p := parseListQuery(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	bySpaceID, bySpaceName, p := s.spaceFilter(q)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	needle := strings.ToLower(q.name)
	match := func(in *Integration) bool {
		return (needle == "" || strings.Contains(strings.ToLower(in.Name), needle)) &&
			(bySpaceID == nil || scopedTo(in, bySpaceID)) &&
			(bySpaceName == nil || scopedTo(in, bySpaceName))
	}
	items, last, more := s.page(q.after, q.limit, match)
	out := listJSON{AIIntegrations: make([]integrationJSON, 0, len(items))}
	for _, in := range items {
		out.AIIntegrations = append(out.AIIntegrations, s.toJSON(in))
	}
	if more {
		out.Pagination = paginationJSON{HasMore: true, NextCursor: encodeCursor(q.pageQuery, last)}
	}
	writeJSON(w, http.StatusOK, out)
}
