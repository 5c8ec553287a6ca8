package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
)

var (
	roleWritableFields = []string{"description", "name", "permissions"}
	roleServerSet      = []string{"created_at", "id", "is_predefined", "updated_at"}
)

// roleObjectJSON is the Role object of every success answer.
type roleObjectJSON struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Description  string   `json:"description,omitempty"` // "Omitted from the response if empty"
	Permissions  []string `json:"permissions"`
	IsPredefined bool     `json:"is_predefined"`
	CreatedAt    string   `json:"created_at"`
	UpdatedAt    string   `json:"updated_at"`
}

type roleListJSON struct {
	Roles      []roleObjectJSON `json:"roles"`
	Pagination paginationJSON   `json:"pagination"`
}

func roleToObjectJSON(r Role) roleObjectJSON {
	perms := r.Permissions
	if perms == nil {
		perms = []string{}
	}
	return roleObjectJSON{
		ID: r.ID, Name: r.Name, Description: r.Description, Permissions: perms,
		IsPredefined: r.IsPredefined, CreatedAt: formatTime(r.CreatedAt), UpdatedAt: formatTime(r.UpdatedAt),
	}
}

// roleBody is a decoded role create or PATCH body; a nil member was absent.
type roleBody struct {
	name        *string
	description *string // null decodes to "": it clears the description
	permissions []string
	hasPerms    bool
}

// decodeRole reads a role body: unknown or server-set members and wrong
// JSON types are 400s, which win over value mistakes (422): a missing name
// or permissions on create, null for either. null or "" clears the
// description (GO v0.22 sends null; the emulator takes both).
func decodeRole(fields map[string]json.RawMessage, create bool) (roleBody, *Problem) {
	for _, k := range sortedKeys(fields) {
		switch {
		case slices.Contains(roleServerSet, k):
			return roleBody{}, badRequest("%s is set by the server and must not be sent", k)
		case !slices.Contains(roleWritableFields, k):
			return roleBody{}, badRequest("unknown field %q", k)
		}
	}
	var d fieldDecoder
	var b roleBody
	for _, k := range []string{"name", "permissions"} {
		if _, ok := fields[k]; !ok && create {
			d.valueError("%s is required", k)
		}
	}
	for _, k := range sortedKeys(fields) {
		raw := fields[k]
		switch {
		case k == "description":
			var desc string
			if !isNull(raw) {
				var ok bool
				if desc, ok = d.str(raw, k); !ok {
					continue
				}
			}
			b.description = &desc
		case isNull(raw):
			d.valueError("%s must not be null", k)
		case k == "name":
			if v, ok := d.str(raw, k); ok {
				b.name = &v
			}
		case k == "permissions":
			var v []string
			if json.Unmarshal(raw, &v) != nil || v == nil {
				d.typeError("permissions must be an array of strings")
				continue
			}
			b.permissions, b.hasPerms = v, true
		}
	}
	if d.bad != nil {
		return roleBody{}, d.bad
	}
	return b, d.invalid
}

func (b roleBody) applyTo(r *Role) {
	if b.name != nil {
		r.Name = *b.name
	}
	if b.description != nil {
		r.Description = *b.description
	}
	if b.hasPerms {
		r.Permissions = slices.Clone(b.permissions) // replaced whole
	}
}

// handleRoleList is GET /v2/roles: is_predefined ("true" or "false";
// anything else is a 400) is the only filter; creation order, the
// predefined roles first.
func (s *Server) handleRoleList(w http.ResponseWriter, r *http.Request) {
	values, q, p := parsePageQuery(r, []string{"is_predefined"})
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	var want *bool
	if values.Has("is_predefined") {
		var v bool
		switch values.Get("is_predefined") {
		case "true":
			v = true
		case "false":
		default:
			writeProblem(w, r, badRequest("is_predefined must be true or false"))
			return
		}
		want = &v
	}
	s.mu.Lock()
	items, last, more := s.roles.page(q.after, q.limit, func(ro *Role) bool {
		return want == nil || ro.IsPredefined == *want
	})
	s.mu.Unlock()
	out := roleListJSON{Roles: make([]roleObjectJSON, 0, len(items))}
	for _, ro := range items {
		out.Roles = append(out.Roles, roleToObjectJSON(ro))
	}
	if more {
		out.Pagination = paginationJSON{HasMore: true, NextCursor: encodeCursor(q, last)}
	}
	writeJSON(w, http.StatusOK, out)
}

// handleRoleCreate is POST /v2/roles: 201 with a new custom role.
func (s *Server) handleRoleCreate(w http.ResponseWriter, r *http.Request) {
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	b, p := decodeRole(fields, true)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	var ro Role
	b.applyTo(&ro)
	created, p := s.createRole(ro)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	w.Header().Set("Location", RouteRoles+"/"+url.PathEscape(created.ID))
	writeJSON(w, http.StatusCreated, roleToObjectJSON(created))
}

// handleRoleGet is GET /v2/roles/{id}, predefined roles too.
func (s *Server) handleRoleGet(w http.ResponseWriter, r *http.Request, id string) {
	ro, ok := s.getRole(id)
	if !ok {
		writeProblem(w, r, roleNotFound(id))
		return
	}
	writeJSON(w, http.StatusOK, roleToObjectJSON(ro))
}

// handleRoleUpdate is PATCH /v2/roles/{id}. An unknown id (404) or a
// predefined role (400) is answered before the body is looked at.
func (s *Server) handleRoleUpdate(w http.ResponseWriter, r *http.Request, id string) {
	ro, ok := s.getRole(id)
	switch {
	case !ok:
		writeProblem(w, r, roleNotFound(id))
		return
	case ro.IsPredefined:
		writeProblem(w, r, predefinedReadOnly(id))
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
	b, p := decodeRole(fields, false)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	updated, p := s.updateRole(id, b.applyTo)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	writeJSON(w, http.StatusOK, roleToObjectJSON(updated))
}

// handleRoleDelete is DELETE /v2/roles/{id}: 204, with the bindings that
// grant the role; a predefined role is a 400.
func (s *Server) handleRoleDelete(w http.ResponseWriter, r *http.Request, id string) {
	s.mu.Lock()
	ro, ok := s.roles.get(id)
	var p *Problem
	switch {
	case !ok:
		p = roleNotFound(id)
	case ro.IsPredefined:
		p = predefinedReadOnly(id)
	default:
		s.removeRoleLocked(id)
	}
	s.mu.Unlock()
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
