package emulator

import (
	"slices"
	"time"
)

// Organization is a stored organization: a top-level container of the
// account, holding spaces. Description is "" when unset, as the API reads it.
type Organization struct {
	ID          string
	Name        string
	Description string
	CreatedAt   time.Time
}

func organizationNotFound(id string) *Problem {
	return notFound("organization %q not found", id)
}

// organizationNameConflict, like nameConflict, does not reveal the id
// holding the name.
func organizationNameConflict(name string) *Problem {
	return conflict("name: an organization named %q already exists in the account", name)
}

// createOrganization validates o and stores it with a fresh id and
// created_at. Names are unique in the account, compared exactly.
func (s *Server) createOrganization(o Organization) (Organization, *Problem) {
	if p := validateNamed(o.Name, o.Description); p != nil {
		return Organization{}, p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, taken := s.orgNames[o.Name]; taken {
		return Organization{}, organizationNameConflict(o.Name)
	}
	seq := s.orgs.next()
	o.ID = newID(typeOrganization, seq)
	o.CreatedAt = s.now()
	s.orgs.add(seq, o.ID, o)
	s.orgNames[o.Name] = o.ID
	return o, nil
}

// updateOrganization applies change to a copy and commits it only if the
// result is valid and keeps the name unique: a failed update changes
// nothing. It runs under the lock, so concurrent PATCHes lose nothing.
func (s *Server) updateOrganization(id string, change func(*Organization)) (Organization, *Problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	before, ok := s.orgs.get(id)
	if !ok {
		return Organization{}, organizationNotFound(id)
	}
	next := before
	change(&next)
	if p := validateNamed(next.Name, next.Description); p != nil {
		return Organization{}, p
	}
	if holder, taken := s.orgNames[next.Name]; taken && holder != id {
		return Organization{}, organizationNameConflict(next.Name)
	}
	delete(s.orgNames, before.Name)
	s.orgNames[next.Name] = id
	s.orgs.set(id, next)
	return next, nil
}

func (s *Server) getOrganization(id string) (Organization, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.orgs.get(id)
}

// removeOrganization deletes an organization and what belongs to it, and
// reports whether it existed. The contract's delete "deletes the
// organization and all resources that belong to it, including all spaces
// ... as well as organization-level resources such as integrations": so its
// spaces go (with their members, evaluators and projects), its members go, and so
// does every AI integration all of whose scopings name this organization.
// An integration also scoped elsewhere, or account-wide, is kept unchanged.
func (s *Server) removeOrganization(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orgs.get(id)
	if !ok {
		return false
	}
	for _, sp := range s.spaces.all() {
		if sp.OrganizationID == id {
			s.removeSpaceLocked(sp)
		}
	}
	s.orgMembers.dropScope(id)
	s.order = slices.DeleteFunc(s.order, func(rec *record) bool {
		if !scopedOnlyTo(rec.in.Scopings, id) {
			return false
		}
		delete(s.byID, rec.in.ID)
		delete(s.byName, rec.in.Name)
		return true
	})
	delete(s.orgNames, o.Name)
	s.orgs.remove(id)
	return true
}

// scopedOnlyTo reports whether every one of an integration's scopings names
// this organization. An account-wide integration (no scopings) names none.
func scopedOnlyTo(scopings []Scoping, orgID string) bool {
	if len(scopings) == 0 {
		return false
	}
	for _, sc := range scopings {
		if sc.OrganizationID != orgID {
			return false
		}
	}
	return true
}

// PutOrganization stores a new organization directly, as if made outside
// Terraform, with the validation of POST. The error is a *Problem with the
// status the HTTP call would have answered (422, or 409 for a name taken).
// It bypasses HTTP and is not counted.
func (s *Server) PutOrganization(name, description string) (Organization, error) {
	o, p := s.createOrganization(Organization{Name: name, Description: description})
	if p != nil {
		return Organization{}, p
	}
	return o, nil
}

// Organization returns the stored organization with this id.
func (s *Server) Organization(id string) (Organization, bool) { return s.getOrganization(id) }

// Organizations returns the stored organizations in creation order.
func (s *Server) Organizations() []Organization {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.orgs.all()
}

// RemoveOrganization deletes an organization as if someone had done it
// outside Terraform, with the cascade of DELETE (its spaces, its and their
// members, their evaluators and projects, its organization-level integrations), and
// reports whether it existed.
func (s *Server) RemoveOrganization(id string) bool { return s.removeOrganization(id) }
