package emulator

import (
	"encoding/base64"
	"hash/fnv"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

const (
	defaultLimit = 50
	maxLimit     = 100
)

// listParams are the query parameters GET /v2/ai-integrations accepts; any
// other is a 400, so a misspelt parameter in the client cannot silently be
// ignored.
var listParams = []string{"name", "space_id", "space_name", "limit", "cursor"}

// listQuery is a parsed list request.
type listQuery struct {
	name      string
	spaceID   string
	spaceName string
	limit     int
	after     uint64 // sequence number of the last item of the previous page
}

// fingerprint ties a cursor to the filters it was issued for, so reusing a
// cursor with other filters is a 400 instead of a silently odd page.
func (q listQuery) fingerprint() string {
	h := fnv.New64a()
	for _, v := range []string{q.name, q.spaceID, q.spaceName} {
		_, _ = h.Write([]byte(v))
		_, _ = h.Write([]byte{0})
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

// encodeCursor makes the opaque next_cursor. It carries the sequence number
// of the last item served rather than an offset, so deleting an item between
// two pages neither skips nor repeats anything.
func encodeCursor(q listQuery, last uint64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("v1:" + strconv.FormatUint(last, 10) + ":" + q.fingerprint()))
}

func decodeCursor(q listQuery, cursor string) (uint64, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return 0, false
	}
	parts := strings.Split(string(raw), ":")
	if len(parts) != 3 || parts[0] != "v1" || parts[2] != q.fingerprint() {
		return 0, false
	}
	seq, err := strconv.ParseUint(parts[1], 10, 64)
	return seq, err == nil
}

func parseListQuery(r *http.Request) (listQuery, *Problem) {
	values := r.URL.Query()
	for _, k := range slices.Sorted(maps.Keys(values)) {
		if !slices.Contains(listParams, k) {
			return listQuery{}, badRequest("unknown query parameter %q", k)
		}
	}
	q := listQuery{
		name:      values.Get("name"),
		spaceID:   values.Get("space_id"),
		spaceName: values.Get("space_name"),
		limit:     defaultLimit,
	}
	if values.Has("limit") {
		n, err := strconv.Atoi(values.Get("limit"))
		if err != nil || n < 1 || n > maxLimit {
			return listQuery{}, badRequest("limit must be an integer from 1 to %d", maxLimit)
		}
		q.limit = n
	}
	if c := values.Get("cursor"); c != "" {
		after, ok := decodeCursor(q, c)
		if !ok {
			return listQuery{}, badRequest("cursor is invalid or does not belong to this query")
		}
		q.after = after
	}
	return q, nil
}

// spaceFilter resolves space_id and space_name against the spaces the
// emulator knows. It answers 404 for a space that does not exist, as Arize
// does for one that cannot be seen. A nil set means "no space filter".
func (s *Server) spaceFilter(q listQuery) (byID, byName map[string]bool, p *Problem) {
	if q.spaceID != "" {
		if _, ok := s.opts.Spaces[q.spaceID]; !ok {
			return nil, nil, notFound("space_id %q: no such space", q.spaceID)
		}
		byID = map[string]bool{q.spaceID: true}
	}
	if q.spaceName != "" {
		byName = map[string]bool{}
		needle := strings.ToLower(q.spaceName)
		for id, name := range s.opts.Spaces {
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
		out.Pagination = paginationJSON{HasMore: true, NextCursor: encodeCursor(q, last)}
	}
	writeJSON(w, http.StatusOK, out)
}
