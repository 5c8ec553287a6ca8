package emulator

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// restrictionJSON is the ResourceRestriction object of every success
// answer.
type restrictionJSON struct {
	ResourceType string `json:"resource_type"`
	ResourceID   string `json:"resource_id"`
	CreatedAt    string `json:"created_at"`
}

type restrictionListJSON struct {
	ResourceRestrictions []restrictionJSON `json:"resource_restrictions"`
	Pagination           paginationJSON    `json:"pagination"`
}

func restrictionToJSON(rr ResourceRestriction) restrictionJSON {
	return restrictionJSON{ResourceType: rr.ResourceType, ResourceID: rr.ResourceID, CreatedAt: formatTime(rr.CreatedAt)}
}

// decodeRestriction reads {"resource_id"}, the whole request form: any
// other member (resource_type too) or a wrong JSON type is a 400; a
// missing, null or empty resource_id a 422.
func decodeRestriction(fields map[string]json.RawMessage) (string, *Problem) {
	for _, k := range sortedKeys(fields) {
		if k != "resource_id" {
			return "", badRequest("unknown field %q", k)
		}
	}
	var d fieldDecoder
	var id string
	switch raw, ok := fields["resource_id"]; {
	case !ok:
		d.valueError("resource_id is required")
	case isNull(raw):
		d.valueError("resource_id must not be null")
	default:
		if v, ok := d.str(raw, "resource_id"); ok {
			if v == "" {
				d.valueError("resource_id must not be empty")
			}
			id = v
		}
	}
	if d.bad != nil {
		return "", d.bad
	}
	return id, d.invalid
}

// A restriction list's cursor carries, besides the position, the number of
// the page it asks for, so that SetRestrictionPageSizes can shape a whole
// listing and an empty page's cursor still differs from the one sent.
func encodeRestrictionCursor(q pageQuery, last, page uint64) string {
	raw := "rr1:" + strconv.FormatUint(last, 10) + ":" + strconv.FormatUint(page, 10) + ":" + q.fingerprint
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func decodeRestrictionCursor(q pageQuery, cursor string) (after, page uint64, ok bool) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return 0, 0, false
	}
	parts := strings.Split(string(raw), ":")
	if len(parts) != 4 || parts[0] != "rr1" || parts[3] != q.fingerprint {
		return 0, 0, false
	}
	after, err1 := strconv.ParseUint(parts[1], 10, 64)
	page, err2 := strconv.ParseUint(parts[2], 10, 64)
	return after, page, err1 == nil && err2 == nil
}

// handleRestrictionList is GET /v2/resource-restrictions: resource_type
// PROJECT or omitted (all types, which is PROJECT; anything else, a 400),
// limit, cursor; in the order the restrictions were made. The list holds
// only the restrictions the caller may manage, so those of projects in a
// space the key may not see are left out. Pages are short while
// SetRestrictionPageSizes says so. The list declares no 404.
func (s *Server) handleRestrictionList(w http.ResponseWriter, r *http.Request) {
	// The cursor is this list's own (encodeRestrictionCursor): the shared
	// query reading sees the request without it.
	query := r.URL.Query()
	cursor := query.Get("cursor")
	query.Del("cursor")
	plain := r.Clone(r.Context())
	plain.URL.RawQuery = query.Encode()
	values, q, p := parsePageQuery(plain, []string{"resource_type"})
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	if t := values.Get("resource_type"); values.Has("resource_type") && t != restrictionProject {
		writeProblem(w, r, badRequest("resource_type must be %s", restrictionProject))
		return
	}
	var page uint64
	if cursor != "" {
		after, n, ok := decodeRestrictionCursor(q, cursor)
		if !ok {
			writeProblem(w, r, badRequest("cursor is invalid or does not belong to this query"))
			return
		}
		q.after, page = after, n
	}
	s.mu.Lock()
	size := q.limit
	if n := len(s.restrictionPageSizes); n > 0 {
		size = min(size, s.restrictionPageSizes[page%uint64(n)])
	}
	items, last, more := s.restrictions.page(q.after, size, func(rr *ResourceRestriction) bool {
		pr, ok := s.projects.get(rr.ResourceID)
		return ok && !s.forbidden[pr.SpaceID]
	})
	s.mu.Unlock()
	if len(items) == 0 {
		last = q.after // an empty page moves the position nowhere
	}
	out := restrictionListJSON{ResourceRestrictions: make([]restrictionJSON, 0, len(items))}
	for _, rr := range items {
		out.ResourceRestrictions = append(out.ResourceRestrictions, restrictionToJSON(rr))
	}
	if more {
		out.Pagination = paginationJSON{HasMore: true, NextCursor: encodeRestrictionCursor(q, last, page+1)}
	}
	writeJSON(w, http.StatusOK, out)
}

// handleRestrictionCreate is POST /v2/resource-restrictions: 200 with the
// restriction, made now or already there (the call is idempotent, and
// answers 200 either way).
func (s *Server) handleRestrictionCreate(w http.ResponseWriter, r *http.Request) {
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	id, p := decodeRestriction(fields)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	rr, p := s.restrictProject(id, true)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	writeJSON(w, http.StatusOK, restrictionToJSON(rr))
}

// handleRestrictionDelete is DELETE /v2/resource-restrictions/{resource_id}:
// 204, or 404 if the resource is not restricted.
func (s *Server) handleRestrictionDelete(w http.ResponseWriter, r *http.Request, id string) {
	if p := s.unrestrictProject(id, true); p != nil {
		writeProblem(w, r, p)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
