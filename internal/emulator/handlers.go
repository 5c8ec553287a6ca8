package emulator

import (
	"net/http"
	"net/url"
)

// handleCreate is POST /v2/ai-integrations: 201 with the new object.
func (s *Server) handleCreate(w http.ResponseWriter, r *http.Request) {
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	in := Integration{FunctionCallingEnabled: true, AuthType: authDefault}
	if p := applyFields(&in, fields, s.opts.Dialect); p != nil {
		s.noteRefusal(http.MethodPost, RouteCollection, p)
		writeProblem(w, r, p)
		return
	}
	created, p := s.create(in)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	w.Header().Set("Location", RouteCollection+"/"+url.PathEscape(created.ID))
	writeJSON(w, http.StatusCreated, s.toJSON(created))
}

// handleGet is GET /v2/ai-integrations/{id}.
func (s *Server) handleGet(w http.ResponseWriter, r *http.Request, id string) {
	in, ok := s.get(id)
	if !ok {
		writeProblem(w, r, integrationNotFound(id))
		return
	}
	writeJSON(w, http.StatusOK, s.toJSON(in))
}

// handleUpdate is PATCH /v2/ai-integrations/{id}. An unknown id is a 404
// before the body is looked at, as a gateway resolving the resource would.
func (s *Server) handleUpdate(w http.ResponseWriter, r *http.Request, id string) {
	if _, ok := s.get(id); !ok {
		writeProblem(w, r, integrationNotFound(id))
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
	updated, p := s.update(id, func(in *Integration) *Problem {
		before := in.Provider
		if p := applyFields(in, fields, s.opts.Dialect); p != nil {
			return p
		}
		return requireMetadataOnSwitch(before, in, fields, s.opts.Dialect)
	})
	if p != nil {
		s.noteRefusal(http.MethodPatch, RouteItem, p)
		writeProblem(w, r, p)
		return
	}
	writeJSON(w, http.StatusOK, s.toJSON(updated))
}

// handleDelete is DELETE /v2/ai-integrations/{id}: 204 with no body.
func (s *Server) handleDelete(w http.ResponseWriter, r *http.Request, id string) {
	if !s.remove(id) {
		writeProblem(w, r, integrationNotFound(id))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
