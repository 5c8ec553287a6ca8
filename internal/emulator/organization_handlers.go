package emulator

import (
	"net/http"
	"net/url"
)

// organizationFields are the members a create or PATCH body may carry.
var organizationFields = []string{"name", "description"}

// organizationJSON is the Organization object of every success answer.
type organizationJSON struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	CreatedAt   string `json:"created_at"`
}

// organizationListJSON is the body of GET /v2/organizations.
type organizationListJSON struct {
	Organizations []organizationJSON `json:"organizations"`
	Pagination    paginationJSON     `json:"pagination"`
}

func organizationToJSON(o Organization) organizationJSON {
	return organizationJSON{ID: o.ID, Name: o.Name, Description: o.Description, CreatedAt: formatTime(o.CreatedAt)}
}

// handleOrganizationList is GET /v2/organizations: name is a
// case-insensitive substring filter; organizations come in creation order.
func (s *Server) handleOrganizationList(w http.ResponseWriter, r *http.Request) {
	values, q, p := parsePageQuery(r, []string{"name"})
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	needle, p := nameFilter(values.Get("name"))
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	s.mu.Lock()
	items, last, more := s.orgs.page(q.after, q.limit, func(o *Organization) bool { return containsFold(o.Name, needle) })
	s.mu.Unlock()
	out := organizationListJSON{Organizations: make([]organizationJSON, 0, len(items))}
	for _, o := range items {
		out.Organizations = append(out.Organizations, organizationToJSON(o))
	}
	if more {
		out.Pagination = paginationJSON{HasMore: true, NextCursor: encodeCursor(q, last)}
	}
	writeJSON(w, http.StatusOK, out)
}

// handleOrganizationCreate is POST /v2/organizations: 201 with the new
// object.
func (s *Server) handleOrganizationCreate(w http.ResponseWriter, r *http.Request) {
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	b, p := decodeNamed(fields, organizationFields)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	var o Organization
	b.applyTo(&o.Name, &o.Description)
	created, p := s.createOrganization(o)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	w.Header().Set("Location", RouteOrganizations+"/"+url.PathEscape(created.ID))
	writeJSON(w, http.StatusCreated, organizationToJSON(created))
}

// handleOrganizationGet is GET /v2/organizations/{id}.
func (s *Server) handleOrganizationGet(w http.ResponseWriter, r *http.Request, id string) {
	o, ok := s.getOrganization(id)
	if !ok {
		writeProblem(w, r, organizationNotFound(id))
		return
	}
	writeJSON(w, http.StatusOK, organizationToJSON(o))
}

// handleOrganizationUpdate is PATCH /v2/organizations/{id}. An unknown id is
// a 404 before the body is looked at.
func (s *Server) handleOrganizationUpdate(w http.ResponseWriter, r *http.Request, id string) {
	if _, ok := s.getOrganization(id); !ok {
		writeProblem(w, r, organizationNotFound(id))
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
	b, p := decodeNamed(fields, organizationFields)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	updated, p := s.updateOrganization(id, func(o *Organization) { b.applyTo(&o.Name, &o.Description) })
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	writeJSON(w, http.StatusOK, organizationToJSON(updated))
}

// handleOrganizationDelete is DELETE /v2/organizations/{id}: 204, with the
// cascade of removeOrganization.
func (s *Server) handleOrganizationDelete(w http.ResponseWriter, r *http.Request, id string) {
	if !s.removeOrganization(id) {
		writeProblem(w, r, organizationNotFound(id))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
