package emulator

import (
	"net/http"
	"net/url"
)

// The members a space body may carry: organization_id only on create, as a
// space cannot move.
var (
	spaceCreateFields = []string{"name", "organization_id", "description", "is_private"}
	spaceUpdateFields = []string{"name", "description", "is_private"}
)

// spaceJSON is the Space object of every success answer. It has no
// organization_id: the API does not return it.
type spaceJSON struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	CreatedAt   string `json:"created_at"`
	IsPrivate   bool   `json:"is_private"`
}

// spaceListJSON is the body of GET /v2/spaces.
type spaceListJSON struct {
	Spaces     []spaceJSON    `json:"spaces"`
	Pagination paginationJSON `json:"pagination"`
}

func spaceToJSON(sp Space) spaceJSON {
	return spaceJSON{ID: sp.ID, Name: sp.Name, Description: sp.Description, CreatedAt: formatTime(sp.CreatedAt), IsPrivate: sp.IsPrivate}
}

// handleSpaceList is GET /v2/spaces: org_id keeps the spaces of one
// organization (404 if it does not exist: list endpoints answer 404 for a
// missing scope since GO SDK 0.17.0), name is a case-insensitive substring
// filter. Spaces the key may not see are left out.
func (s *Server) handleSpaceList(w http.ResponseWriter, r *http.Request) {
	values, q, p := parsePageQuery(r, []string{"org_id", "name"})
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	needle, p := nameFilter(values.Get("name"))
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	orgID := values.Get("org_id")
	s.mu.Lock()
	if _, ok := s.orgs.get(orgID); orgID != "" && !ok {
		s.mu.Unlock()
		writeProblem(w, r, notFound("org_id %q: no such organization", orgID))
		return
	}
	items, last, more := s.spaces.page(q.after, q.limit, func(sp *Space) bool {
		return (orgID == "" || sp.OrganizationID == orgID) && containsFold(sp.Name, needle) && !s.forbidden[sp.ID]
	})
	s.mu.Unlock()
	out := spaceListJSON{Spaces: make([]spaceJSON, 0, len(items))}
	for _, sp := range items {
		out.Spaces = append(out.Spaces, spaceToJSON(sp))
	}
	if more {
		out.Pagination = paginationJSON{HasMore: true, NextCursor: encodeCursor(q, last)}
	}
	writeJSON(w, http.StatusOK, out)
}

// handleSpaceCreate is POST /v2/spaces: 201 with the new object, 404 if the
// organization does not exist.
func (s *Server) handleSpaceCreate(w http.ResponseWriter, r *http.Request) {
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	b, p := decodeNamed(fields, spaceCreateFields)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	if b.organizationID == nil || *b.organizationID == "" {
		writeProblem(w, r, invalid("organization_id is required"))
		return
	}
	sp := Space{OrganizationID: *b.organizationID}
	b.applyTo(&sp.Name, &sp.Description)
	if b.isPrivate != nil {
		sp.IsPrivate = *b.isPrivate
	}
	created, p := s.createSpace(sp)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	w.Header().Set("Location", RouteSpaces+"/"+url.PathEscape(created.ID))
	writeJSON(w, http.StatusCreated, spaceToJSON(created))
}

// handleSpaceGet is GET /v2/spaces/{id}: 404 if unknown, 403 if the key may
// not see it.
func (s *Server) handleSpaceGet(w http.ResponseWriter, r *http.Request, id string) {
	if p := s.spaceAccess(id); p != nil {
		writeProblem(w, r, p)
		return
	}
	sp, ok := s.getSpace(id)
	if !ok {
		writeProblem(w, r, spaceNotFound(id))
		return
	}
	writeJSON(w, http.StatusOK, spaceToJSON(sp))
}

// handleSpaceUpdate is PATCH /v2/spaces/{id}. An unknown or forbidden space
// is answered before the body is looked at.
func (s *Server) handleSpaceUpdate(w http.ResponseWriter, r *http.Request, id string) {
	if p := s.spaceAccess(id); p != nil {
		writeProblem(w, r, p)
		return
	}
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	if len(fields) == 0 {
		writeProblem(w, r, badRequest("request body must set at least one field"))
		return
	}
	b, p := decodeNamed(fields, spaceUpdateFields)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	updated, p := s.updateSpace(id, func(sp *Space) {
		b.applyTo(&sp.Name, &sp.Description)
		if b.isPrivate != nil {
			sp.IsPrivate = *b.isPrivate
		}
	})
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	writeJSON(w, http.StatusOK, spaceToJSON(updated))
}

// handleSpaceDelete is DELETE /v2/spaces/{id}: 204, with the cascade of
// removeSpace.
func (s *Server) handleSpaceDelete(w http.ResponseWriter, r *http.Request, id string) {
	if p := s.spaceAccess(id); p != nil {
		writeProblem(w, r, p)
		return
	}
	if !s.removeSpace(id) {
		writeProblem(w, r, spaceNotFound(id))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
