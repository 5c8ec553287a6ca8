package emulator

import (
	"strings"
	"time"
)

// typeProject is the type name of a project's relay id, as the path
// example shows it: base64("Project:12345"). Examples elsewhere show
// "Model:..." ids for projects (see projectIDType).
const typeProject = "Project"

// Project is a stored project: "the primary container for observability
// data", in one space, which it never leaves. Names are unique within the
// space. The API's object has no description and no updated_at.
type Project struct {
	ID        string
	SpaceID   string
	Name      string
	CreatedAt time.Time
}

// projectKey is what project names are unique by: the name within its
// space ("must be unique within the space").
type projectKey struct{ space, name string }

func projectNotFound(id string) *Problem { return notFound("project %q not found", id) }

func projectNameConflict(name string) *Problem {
	return conflict("name: a project named %q already exists in the space", name)
}

// checkProjectName is the one rule the sources give a name beyond
// uniqueness: it is required. No source gives a length limit or a
// character set, so the emulator sets none, as for evaluators; a blank name
// is refused as it is everywhere else.
func checkProjectName(name string) *Problem {
	if strings.TrimSpace(name) == "" {
		return invalid("name is required and must not be blank")
	}
	return nil
}

// createProject stores a project in a space that must exist and that the
// key may see (forKey false, a hook, may use a forbidden space). The
// create declares no 404, and the research lists 400, 403 and 422 as what
// a missing space may answer: the emulator answers 422 naming space_id, a
// declared status, as it does for an evaluator's missing AI integration.
func (s *Server) createProject(p Project, forKey bool) (Project, *Problem) {
	if pr := checkProjectName(p.Name); pr != nil {
		return Project{}, pr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch pr := s.spaceAccessLocked(p.SpaceID); {
	case pr != nil && pr.Status == 404:
		return Project{}, invalid("space_id: space %q not found", p.SpaceID)
	case pr != nil && forKey:
		return Project{}, pr
	}
	key := projectKey{p.SpaceID, p.Name}
	if _, taken := s.projectNames[key]; taken {
		return Project{}, projectNameConflict(p.Name)
	}
	seq := s.projects.next()
	p.ID = newID(typeProject, seq)
	p.CreatedAt = s.now()
	s.projects.add(seq, p.ID, p)
	s.projectNames[key] = p.ID
	return p, nil
}

// renameProject is the only update a project has. A rename into a name the
// space holds is a 409: the PATCH declares no 409, but the GO SDK's test
// mocks one for exactly this, and the create answers 409 for the same
// clash (a client should handle 422 too). A failed rename changes nothing.
func (s *Server) renameProject(id, name string) (Project, *Problem) {
	if pr := checkProjectName(name); pr != nil {
		return Project{}, pr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.projects.get(id)
	if !ok {
		return Project{}, projectNotFound(id)
	}
	key := projectKey{p.SpaceID, name}
	if holder, taken := s.projectNames[key]; taken && holder != id {
		return Project{}, projectNameConflict(name)
	}
	delete(s.projectNames, projectKey{p.SpaceID, p.Name})
	s.projectNames[key] = id
	p.Name = name
	s.projects.set(id, p)
	return p, nil
}

func (s *Server) getProject(id string) (Project, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.projects.get(id)
}

// projectAccess is the answer to a request naming a project: 404 if it
// does not exist, 403 if the key may not see its space, else nil.
func (s *Server) projectAccess(id string) *Problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.projectAccessLocked(id)
}

func (s *Server) projectAccessLocked(id string) *Problem {
	p, ok := s.projects.get(id)
	if !ok {
		return projectNotFound(id)
	}
	if s.forbidden[p.SpaceID] {
		return spaceForbidden(p.SpaceID)
	}
	return nil
}

// removeProjectLocked deletes a project with what names it: its
// restriction, and the PROJECT role bindings on it (a binding on a project
// that is gone grants nothing). The delete is "irreversible"; the sources
// list nothing else that cascades.
func (s *Server) removeProjectLocked(p Project) {
	s.restrictions.remove(p.ID)
	s.removeBindingsLocked(func(b *RoleBinding) bool {
		return b.ResourceType == resourceProject && b.ResourceID == p.ID
	})
	delete(s.projectNames, projectKey{p.SpaceID, p.Name})
	s.projects.remove(p.ID)
}

// removeSpaceProjectsLocked deletes the projects of a deleted space, which
// "deletes all resources that belong to it" (and an organization's delete
// its spaces "and their contents (projects, ...)").
func (s *Server) removeSpaceProjectsLocked(spaceID string) {
	for _, p := range s.projects.all() {
		if p.SpaceID == spaceID {
			s.removeProjectLocked(p)
		}
	}
}

// PutProject stores a new project in a space directly, as if made outside
// Terraform, with the checks of POST, except that the space may be one the
// key may not see (ForbidSpace). The error is a *Problem with the status
// the HTTP call would have answered (422 for a blank name or a space that
// does not exist, 409 for a name the space holds). It bypasses HTTP and is
// not counted.
func (s *Server) PutProject(spaceID, name string) (Project, error) {
	p, pr := s.createProject(Project{SpaceID: spaceID, Name: name}, false)
	if pr != nil {
		return Project{}, pr
	}
	return p, nil
}

// Project returns the stored project with this id, whatever the key may
// see.
func (s *Server) Project(id string) (Project, bool) { return s.getProject(id) }

// Projects returns the stored projects of every space in creation order.
func (s *Server) Projects() []Project {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.projects.all()
}

// RemoveProject deletes a project as if done outside Terraform, with the
// cascade of DELETE (its restriction and its PROJECT role bindings), and
// reports whether it existed.
func (s *Server) RemoveProject(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.projects.get(id)
	if !ok {
		return false
	}
	s.removeProjectLocked(p)
	return true
}
