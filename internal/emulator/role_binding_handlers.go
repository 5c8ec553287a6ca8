package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
)

var (
	bindingCreateFields = []string{"resource_id", "resource_type", "role_id", "user_id"}
	bindingServerSet    = []string{"created_at", "id", "updated_at"}
)

// roleBindingJSON is the RoleBinding object of every success answer.
type roleBindingJSON struct {
	ID           string `json:"id"`
	RoleID       string `json:"role_id"`
	UserID       string `json:"user_id"`
	ResourceType string `json:"resource_type"`
	ResourceID   string `json:"resource_id"`
	CreatedAt    string `json:"created_at"`
	UpdatedAt    string `json:"updated_at"`
}

type roleBindingListJSON struct {
	RoleBindings []roleBindingJSON `json:"role_bindings"`
	Pagination   paginationJSON    `json:"pagination"`
}

func roleBindingToJSON(b RoleBinding) roleBindingJSON {
	return roleBindingJSON{
		ID: b.ID, RoleID: b.RoleID, UserID: b.UserID, ResourceType: b.ResourceType, ResourceID: b.ResourceID,
		CreatedAt: formatTime(b.CreatedAt), UpdatedAt: formatTime(b.UpdatedAt),
	}
}

// decodeBinding reads a create body (create true: all four members
// required) or a PATCH body (role_id only, required). Unknown members,
// server-set ones ("rejected on input") and any member a PATCH may not
// change are 400s, as are wrong JSON types; a missing, null or empty
// member, or a resource_type other than SPACE and PROJECT, is a 422.
func decodeBinding(fields map[string]json.RawMessage, create bool) (RoleBinding, *Problem) {
	writable := []string{"role_id"}
	if create {
		writable = bindingCreateFields
	}
	for _, k := range sortedKeys(fields) {
		switch {
		case slices.Contains(bindingServerSet, k):
			return RoleBinding{}, badRequest("%s is set by the server and must not be sent", k)
		case !slices.Contains(writable, k):
			if slices.Contains(bindingCreateFields, k) {
				return RoleBinding{}, badRequest("%s cannot be changed: only role_id is mutable", k)
			}
			return RoleBinding{}, badRequest("unknown field %q", k)
		}
	}
	var d fieldDecoder
	values := map[string]string{}
	for _, k := range writable {
		raw, ok := fields[k]
		switch {
		case !ok:
			d.valueError("%s is required", k)
		case isNull(raw):
			d.valueError("%s must not be null", k)
		default:
			if v, ok := d.str(raw, k); ok {
				if v == "" {
					d.valueError("%s must not be empty", k)
				}
				values[k] = v
			}
		}
	}
	if t, ok := values["resource_type"]; ok && t != "" && !slices.Contains(resourceTypes, t) {
		d.valueError("resource_type must be one of SPACE, PROJECT")
	}
	if d.bad != nil {
		return RoleBinding{}, d.bad
	}
	if d.invalid != nil {
		return RoleBinding{}, d.invalid
	}
	return RoleBinding{
		RoleID: values["role_id"], UserID: values["user_id"],
		ResourceType: values["resource_type"], ResourceID: values["resource_id"],
	}, nil
}

// handleRoleBindingList is GET /v2/role-bindings: resource_type is required
// (SPACE or PROJECT; missing or other, 400), user_id optional (a user that
// does not exist, 404, as list endpoints answer a missing scope); creation
// order. There is no resource_id or role_id filter.
func (s *Server) handleRoleBindingList(w http.ResponseWriter, r *http.Request) {
	values, q, p := parsePageQuery(r, []string{"resource_type", "user_id"})
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	typ, userID := values.Get("resource_type"), values.Get("user_id")
	if !slices.Contains(resourceTypes, typ) {
		writeProblem(w, r, badRequest("resource_type is required: SPACE or PROJECT"))
		return
	}
	s.mu.Lock()
	if _, ok := s.liveUserLocked(userID); userID != "" && !ok {
		s.mu.Unlock()
		writeProblem(w, r, userNotFound(userID))
		return
	}
	items, last, more := s.bindings.page(q.after, q.limit, func(b *RoleBinding) bool {
		return b.ResourceType == typ && (userID == "" || b.UserID == userID)
	})
	s.mu.Unlock()
	out := roleBindingListJSON{RoleBindings: make([]roleBindingJSON, 0, len(items))}
	for _, b := range items {
		out.RoleBindings = append(out.RoleBindings, roleBindingToJSON(b))
	}
	if more {
		out.Pagination = paginationJSON{HasMore: true, NextCursor: encodeCursor(q, last)}
	}
	writeJSON(w, http.StatusOK, out)
}

// handleRoleBindingCreate is POST /v2/role-bindings: 201.
func (s *Server) handleRoleBindingCreate(w http.ResponseWriter, r *http.Request) {
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	b, p := decodeBinding(fields, true)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	created, p := s.createRoleBinding(b)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	w.Header().Set("Location", RouteRoleBindings+"/"+url.PathEscape(created.ID))
	writeJSON(w, http.StatusCreated, roleBindingToJSON(created))
}

// handleRoleBindingGet is GET /v2/role-bindings/{id}.
func (s *Server) handleRoleBindingGet(w http.ResponseWriter, r *http.Request, id string) {
	b, ok := s.getRoleBinding(id)
	if !ok {
		writeProblem(w, r, roleBindingNotFound(id))
		return
	}
	writeJSON(w, http.StatusOK, roleBindingToJSON(b))
}

// handleRoleBindingUpdate is PATCH /v2/role-bindings/{id}: {"role_id"}
// only. An unknown id is a 404 before the body is looked at; a role that
// does not exist, a 404 too.
func (s *Server) handleRoleBindingUpdate(w http.ResponseWriter, r *http.Request, id string) {
	if _, ok := s.getRoleBinding(id); !ok {
		writeProblem(w, r, roleBindingNotFound(id))
		return
	}
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	if len(fields) == 0 {
		writeProblem(w, r, badRequest("request body must set role_id"))
		return
	}
	b, p := decodeBinding(fields, false)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	updated, p := s.updateRoleBinding(id, b.RoleID)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	writeJSON(w, http.StatusOK, roleBindingToJSON(updated))
}

// handleRoleBindingDelete is DELETE /v2/role-bindings/{id}: 204.
func (s *Server) handleRoleBindingDelete(w http.ResponseWriter, r *http.Request, id string) {
	if !s.RemoveRoleBinding(id) {
		writeProblem(w, r, roleBindingNotFound(id))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
