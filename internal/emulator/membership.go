package emulator

import "slices"

// The role values in today's spelling, the one the store holds (dialect.go
// has the published one). The names are also the account roles of users.
const (
	rolePredefined = "PREDEFINED"
	roleCustom     = "CUSTOM"

	roleAdmin     = "ADMIN"
	roleMember    = "MEMBER"
	roleReadOnly  = "READ_ONLY"
	roleAnnotator = "ANNOTATOR"
)

// MemberRole is the role of a member of an organization or a space, in
// today's spelling: Type "PREDEFINED" with Name one of "ADMIN", "MEMBER",
// "READ_ONLY" or "ANNOTATOR", or Type "CUSTOM" with the custom role's ID
// (spaces only). Any non-empty ID is taken: it is not checked against the
// roles of /v2/roles, and a membership is not a role binding.
type MemberRole struct {
	Type string
	Name string
	ID   string
}

// membership is one user's membership of an organization or a space. The
// id stays as long as the user stays a member, whatever role changes.
type membership struct {
	id     string
	userID string
	role   MemberRole
}

// memberships are the members of the organizations, or of the spaces: scope
// id to user id to membership. There is no read endpoint for them; the
// tests read them through OrganizationMembers and SpaceMembers.
type memberships struct {
	typeName string // of the membership ids
	seq      uint64
	by       map[string]map[string]*membership
}

func newMemberships(typeName string) memberships {
	return memberships{typeName: typeName, by: map[string]map[string]*membership{}}
}

// put makes userID a member of scope with role, or replaces the role of a
// member (the upsert of the add endpoints, which keeps the membership id).
func (m *memberships) put(scope, userID string, role MemberRole) membership {
	members := m.by[scope]
	if members == nil {
		members = map[string]*membership{}
		m.by[scope] = members
	}
	if ms, ok := members[userID]; ok {
		ms.role = role
		return *ms
	}
	m.seq++
	ms := &membership{id: newID(m.typeName, m.seq), userID: userID, role: role}
	members[userID] = ms
	return *ms
}

func (m *memberships) has(scope, userID string) bool {
	_, ok := m.by[scope][userID]
	return ok
}

// remove ends userID's membership of scope and reports whether there was one.
func (m *memberships) remove(scope, userID string) bool {
	if !m.has(scope, userID) {
		return false
	}
	delete(m.by[scope], userID)
	return true
}

// dropScope forgets every member of a deleted organization or space.
func (m *memberships) dropScope(scope string) { delete(m.by, scope) }

// roles returns user id to role for scope, never nil.
func (m *memberships) roles(scope string) map[string]MemberRole {
	out := map[string]MemberRole{}
	for userID, ms := range m.by[scope] {
		out[userID] = ms.role
	}
	return out
}

// checkRole is what the store requires of a role however it came (the
// decoder already refuses worse): a predefined name, or a custom id.
func checkRole(r MemberRole, d Dialect) *Problem {
	switch {
	case r.Type == rolePredefined && slices.Contains(spellings[DialectToday].roleNames, r.Name) && r.ID == "":
		return nil
	case r.Type == roleCustom && r.ID != "" && r.Name == "":
		return nil
	}
	return invalid("role must be {\"type\": %q, \"name\": one of %s} or {\"type\": %q, \"id\": a role id}",
		d.spell(rolePredefined), d.oneOf("role.name"), d.spell(roleCustom))
}

// checkAnnotator is the rule of the annotator account role: a user who has
// it can only be given ANNOTATOR, and only such a user can be given it
// (a 400, as the contract's invalid example answers).
func checkAnnotator(u User, r MemberRole, d Dialect) *Problem {
	annotator := d.spell(roleAnnotator)
	givenAnnotator := r.Type == rolePredefined && r.Name == roleAnnotator
	switch {
	case u.Role == roleAnnotator && !givenAnnotator:
		return badRequest("role: user %q has the %s account role and can only be given the %s role", u.ID, annotator, annotator)
	case u.Role != roleAnnotator && givenAnnotator:
		return badRequest("role: the %s role can only be given to a user with the %s account role", annotator, annotator)
	}
	return nil
}

// addOrganizationMember is the upsert of POST /v2/organizations/{id}/users.
func (s *Server) addOrganizationMember(orgID, userID string, role MemberRole) (membership, *Problem) {
	d := s.opts.Dialect
	if p := checkRole(role, d); p != nil {
		return membership{}, p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.orgs.get(orgID); !ok {
		return membership{}, organizationNotFound(orgID)
	}
	if role.Type == roleCustom {
		// The GO and Python SDKs: "Custom role assignments are not yet
		// supported for organizations"; for service keys the spec answers
		// such a role 422.
		return membership{}, invalid("role: custom organization roles are not supported")
	}
	u, ok := s.liveUserLocked(userID)
	if !ok {
		return membership{}, userNotFound(userID)
	}
	if p := checkAnnotator(u, role, d); p != nil {
		return membership{}, p
	}
	return s.orgMembers.put(orgID, userID, role), nil
}

// removeOrganizationMember ends a membership of an organization and, as the
// contract's "membership cascade" says, of all its spaces.
func (s *Server) removeOrganizationMember(orgID, userID string) *Problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.orgs.get(orgID); !ok {
		return organizationNotFound(orgID)
	}
	if !s.orgMembers.remove(orgID, userID) {
		return notFound("user %q is not a member of organization %q", userID, orgID)
	}
	for _, sp := range s.spaces.all() {
		if sp.OrganizationID == orgID {
			s.removeSpaceMemberLocked(sp.ID, userID)
		}
	}
	return nil
}

// addSpaceMember is the upsert of POST /v2/spaces/{id}/users. The user must
// already be a member of the space's organization: "auto-enrollment is not
// performed (400 if not a member)".
func (s *Server) addSpaceMember(spaceID, userID string, role MemberRole) (membership, *Problem) {
	d := s.opts.Dialect
	if p := checkRole(role, d); p != nil {
		return membership{}, p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sp, ok := s.spaces.get(spaceID)
	if !ok {
		return membership{}, spaceNotFound(spaceID)
	}
	u, ok := s.liveUserLocked(userID)
	if !ok {
		return membership{}, userNotFound(userID)
	}
	if !s.orgMembers.has(sp.OrganizationID, userID) {
		return membership{}, badRequest("user_id: user must be a member of the space's organization")
	}
	if p := checkAnnotator(u, role, d); p != nil {
		return membership{}, p
	}
	return s.spaceMembers.put(spaceID, userID, role), nil
}

func (s *Server) removeSpaceMember(spaceID, userID string) *Problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.spaces.get(spaceID); !ok {
		return spaceNotFound(spaceID)
	}
	if !s.removeSpaceMemberLocked(spaceID, userID) {
		return notFound("user %q is not a member of space %q", userID, spaceID)
	}
	return nil
}

// removeSpaceMemberLocked ends a membership of a space and, as the remove
// call ends "any RBAC role bindings" besides the membership row, the user's
// binding on the space. It reports whether there was a membership.
func (s *Server) removeSpaceMemberLocked(spaceID, userID string) bool {
	if !s.spaceMembers.remove(spaceID, userID) {
		return false
	}
	s.removeBindingsLocked(func(b *RoleBinding) bool {
		return b.ResourceType == resourceSpace && b.ResourceID == spaceID && b.UserID == userID
	})
	return true
}

// canonicalRole brings a role given to a test hook into today's spelling.
func canonicalRole(r MemberRole) MemberRole {
	r.Type, r.Name = Canonical(r.Type), Canonical(r.Name)
	return r
}

// OrganizationMembers returns the members of an organization, user id to
// role in today's spelling: what no endpoint shows. It is empty for an
// unknown organization.
func (s *Server) OrganizationMembers(orgID string) map[string]MemberRole {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.orgMembers.roles(orgID)
}

// SpaceMembers is OrganizationMembers for a space.
func (s *Server) SpaceMembers(spaceID string) map[string]MemberRole {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.spaceMembers.roles(spaceID)
}

// PutOrganizationMember makes a user a member of an organization, or changes
// its role, as if done outside Terraform, with the rules of POST, and returns
// the membership id. Role values may be in either spelling. The error is a
// *Problem with the status the HTTP call would have answered. It bypasses
// HTTP and is not counted.
func (s *Server) PutOrganizationMember(orgID, userID string, role MemberRole) (string, error) {
	ms, p := s.addOrganizationMember(orgID, userID, canonicalRole(role))
	if p != nil {
		return "", p
	}
	return ms.id, nil
}

// PutSpaceMember is PutOrganizationMember for a space; the space may be
// forbidden (ForbidSpace).
func (s *Server) PutSpaceMember(spaceID, userID string, role MemberRole) (string, error) {
	ms, p := s.addSpaceMember(spaceID, userID, canonicalRole(role))
	if p != nil {
		return "", p
	}
	return ms.id, nil
}

// RemoveOrganizationMember ends a membership as if done outside Terraform,
// with the cascade of DELETE (the user leaves the organization's spaces),
// and reports whether there was one.
func (s *Server) RemoveOrganizationMember(orgID, userID string) bool {
	return s.removeOrganizationMember(orgID, userID) == nil
}

// RemoveSpaceMember ends a membership of a space as if done outside
// Terraform, and reports whether there was one.
func (s *Server) RemoveSpaceMember(spaceID, userID string) bool {
	return s.removeSpaceMember(spaceID, userID) == nil
}
