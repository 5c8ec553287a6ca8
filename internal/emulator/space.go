package emulator

import "time"

// Space is a stored space. OrganizationID is the organization it was made
// in, which the API never returns (nor lets a PATCH change); Description is
// "" when unset.
type Space struct {
	ID             string
	OrganizationID string
	Name           string
	Description    string
	IsPrivate      bool
	CreatedAt      time.Time
}

// spaceKey is what space names are unique by: the name within its
// organization.
type spaceKey struct{ org, name string }

func spaceNotFound(id string) *Problem {
	return notFound("space %q not found", id)
}

func spaceForbidden(id string) *Problem {
	return forbidden("you do not have access to space %q", id)
}

func spaceNameConflict(name string) *Problem {
	return conflict("name: a space named %q already exists in the organization", name)
}

// createSpace validates sp and stores it with a fresh id and created_at in
// its organization, which must exist (404). Names are unique within the
// organization, compared exactly; another organization may use the same.
func (s *Server) createSpace(sp Space) (Space, *Problem) {
	if p := validateNamed(sp.Name, sp.Description); p != nil {
		return Space{}, p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.orgs.get(sp.OrganizationID); !ok {
		return Space{}, organizationNotFound(sp.OrganizationID)
	}
	key := spaceKey{sp.OrganizationID, sp.Name}
	if _, taken := s.spaceNames[key]; taken {
		return Space{}, spaceNameConflict(sp.Name)
	}
	seq := s.spaces.next()
	sp.ID = newID(typeSpace, seq)
	sp.CreatedAt = s.now()
	s.spaces.add(seq, sp.ID, sp)
	s.spaceNames[key] = sp.ID
	return sp, nil
}

// updateSpace is updateOrganization for a space; the name stays unique
// within the space's organization.
func (s *Server) updateSpace(id string, change func(*Space)) (Space, *Problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	before, ok := s.spaces.get(id)
	if !ok {
		return Space{}, spaceNotFound(id)
	}
	next := before
	change(&next)
	next.ID, next.OrganizationID = before.ID, before.OrganizationID
	if p := validateNamed(next.Name, next.Description); p != nil {
		return Space{}, p
	}
	key := spaceKey{next.OrganizationID, next.Name}
	if holder, taken := s.spaceNames[key]; taken && holder != id {
		return Space{}, spaceNameConflict(next.Name)
	}
	delete(s.spaceNames, spaceKey{before.OrganizationID, before.Name})
	s.spaceNames[key] = id
	s.spaces.set(id, next)
	return next, nil
}

func (s *Server) getSpace(id string) (Space, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.spaces.get(id)
}

// spaceAccess is the answer to a request on a space the key names: 404 if
// it does not exist, 403 if the key may not see it, else nil.
func (s *Server) spaceAccess(id string) *Problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.spaceAccessLocked(id)
}

func (s *Server) spaceAccessLocked(id string) *Problem {
	if _, ok := s.spaces.get(id); !ok {
		return spaceNotFound(id)
	}
	if s.forbidden[id] {
		return spaceForbidden(id)
	}
	return nil
}

// removeSpace deletes a space, its members, its evaluators (with their
// versions) and its projects (with their restrictions and bindings), and
// reports whether it existed. AI integrations scoped to it are kept unchanged: the contract's
// delete names the space's own data (models, monitors, dashboards, ...),
// not the integrations scoped to it.
func (s *Server) removeSpace(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp, ok := s.spaces.get(id)
	if !ok {
		return false
	}
	s.removeSpaceLocked(sp)
	return true
}

func (s *Server) removeSpaceLocked(sp Space) {
	s.spaceMembers.dropScope(sp.ID)
	s.removeBindingsLocked(func(b *RoleBinding) bool { return b.ResourceType == resourceSpace && b.ResourceID == sp.ID })
	s.removeSpaceEvaluatorsLocked(sp.ID)
	s.removeSpaceProjectsLocked(sp.ID)
	delete(s.spaceNames, spaceKey{sp.OrganizationID, sp.Name})
	delete(s.forbidden, sp.ID)
	s.spaces.remove(sp.ID)
}

// visibleSpaces are the spaces the integration list's space filters know,
// id to name: Options.Spaces and the spaces made through the API, less the
// ones the key may not see (ForbidSpace), as a list scoped to a space that
// cannot be seen answers 404.
func (s *Server) visibleSpaces() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]string, len(s.opts.Spaces)+len(s.spaces.order))
	for id, name := range s.opts.Spaces {
		out[id] = name
	}
	for _, sp := range s.spaces.all() {
		out[sp.ID] = sp.Name
	}
	for id := range s.forbidden {
		delete(out, id)
	}
	return out
}

// PutSpace stores a new space in organization orgID directly, as if made
// outside Terraform, with the validation of POST. The error is a *Problem
// with the status the HTTP call would have answered (404 for an unknown
// organization, 409 for a name taken in it, 422). It bypasses HTTP and is
// not counted.
func (s *Server) PutSpace(orgID, name, description string, private bool) (Space, error) {
	sp, p := s.createSpace(Space{OrganizationID: orgID, Name: name, Description: description, IsPrivate: private})
	if p != nil {
		return Space{}, p
	}
	return sp, nil
}

// Space returns the stored space with this id, forbidden or not.
func (s *Server) Space(id string) (Space, bool) { return s.getSpace(id) }

// SpaceOrganization returns the id of the organization of the space with
// this id, or "" if there is no such space: what the API never says.
func (s *Server) SpaceOrganization(spaceID string) string {
	sp, _ := s.getSpace(spaceID)
	return sp.OrganizationID
}

// Spaces returns the stored spaces of every organization in creation order,
// forbidden ones included.
func (s *Server) Spaces() []Space {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.spaces.all()
}

// RemoveSpace deletes a space as if someone had done it outside Terraform,
// with the cascade of DELETE (its members, evaluators and projects), and reports
// whether it existed.
func (s *Server) RemoveSpace(id string) bool { return s.removeSpace(id) }

// ForbidSpace makes the space with this id one the key may not see, as a
// private space whose members it is not: GET, PATCH and DELETE of it, and
// adding or removing its members, answer 403; GET /v2/spaces leaves it out,
// and the integration list's space filters answer 404 for it (they know a
// space of Options.Spaces forbidden this way no more either). forbidden
// false makes it visible again. Deleting the space forgets the flag.
func (s *Server) ForbidSpace(id string, forbidden bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if forbidden {
		s.forbidden[id] = true
	} else {
		delete(s.forbidden, id)
	}
}
