package emulator

import "net/http"

// roleJSON is a role assignment as answered: a predefined role by its name,
// a custom one by its id (the name the real API may add is unknown here).
type roleJSON struct {
	Type string `json:"type"`
	Name string `json:"name,omitempty"`
	ID   string `json:"id,omitempty"`
}

// organizationMembershipJSON is the body of POST
// /v2/organizations/{id}/users.
type organizationMembershipJSON struct {
	ID             string   `json:"id"`
	UserID         string   `json:"user_id"`
	OrganizationID string   `json:"organization_id"`
	Role           roleJSON `json:"role"`
}

// spaceMembershipJSON is the body of POST /v2/spaces/{id}/users.
type spaceMembershipJSON struct {
	ID      string   `json:"id"`
	UserID  string   `json:"user_id"`
	SpaceID string   `json:"space_id"`
	Role    roleJSON `json:"role"`
}

// roleToJSON renders a stored role in the server's dialect.
func (s *Server) roleToJSON(r MemberRole) roleJSON {
	d := s.opts.Dialect
	return roleJSON{Type: d.spell(r.Type), Name: d.spell(r.Name), ID: r.ID}
}

// handleOrganizationUserAdd is POST /v2/organizations/{id}/users: 200 (an
// upsert, never 201). An unknown organization is a 404 before the body is
// looked at, as for a PATCH.
func (s *Server) handleOrganizationUserAdd(w http.ResponseWriter, r *http.Request, orgID string) {
	if _, ok := s.getOrganization(orgID); !ok {
		writeProblem(w, r, organizationNotFound(orgID))
		return
	}
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	b, p := decodeMember(fields, s.opts.Dialect)
	if p != nil {
		s.noteRefusal(http.MethodPost, RouteOrganizationUsers, p)
		writeProblem(w, r, p)
		return
	}
	ms, p := s.addOrganizationMember(orgID, b.userID, b.role)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	writeJSON(w, http.StatusOK, organizationMembershipJSON{
		ID: ms.id, UserID: ms.userID, OrganizationID: orgID, Role: s.roleToJSON(ms.role),
	})
}

// handleOrganizationUserRemove is DELETE /v2/organizations/{id}/users/{user_id}:
// 204, and the user leaves the organization's spaces too.
func (s *Server) handleOrganizationUserRemove(w http.ResponseWriter, r *http.Request, orgID, userID string) {
	if p := s.removeOrganizationMember(orgID, userID); p != nil {
		writeProblem(w, r, p)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleSpaceUserAdd is POST /v2/spaces/{id}/users: 200 (an upsert). An
// unknown space (404) or one the key may not see (403) is answered before
// the body is looked at.
func (s *Server) handleSpaceUserAdd(w http.ResponseWriter, r *http.Request, spaceID string) {
	if p := s.spaceAccess(spaceID); p != nil {
		writeProblem(w, r, p)
		return
	}
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	b, p := decodeMember(fields, s.opts.Dialect)
	if p != nil {
		s.noteRefusal(http.MethodPost, RouteSpaceUsers, p)
		writeProblem(w, r, p)
		return
	}
	ms, p := s.addSpaceMember(spaceID, b.userID, b.role)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	writeJSON(w, http.StatusOK, spaceMembershipJSON{
		ID: ms.id, UserID: ms.userID, SpaceID: spaceID, Role: s.roleToJSON(ms.role),
	})
}

// handleSpaceUserRemove is DELETE /v2/spaces/{id}/users/{user_id}: 204, or
// 404 if the user is not a member.
func (s *Server) handleSpaceUserRemove(w http.ResponseWriter, r *http.Request, spaceID, userID string) {
	if p := s.spaceAccess(spaceID); p != nil {
		writeProblem(w, r, p)
		return
	}
	if p := s.removeSpaceMember(spaceID, userID); p != nil {
		writeProblem(w, r, p)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
