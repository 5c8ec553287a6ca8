package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

var (
	projectCreateFields = []string{"name", "space_id"}
	// "System-managed fields (id, created_at, updated_at) cannot be
	// modified", though the object has no updated_at: all three are 400s.
	projectServerSet = []string{"created_at", "id", "updated_at"}
)

// projectJSON is the Project object of every success answer.
type projectJSON struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	SpaceID   string `json:"space_id"`
	CreatedAt string `json:"created_at"`
}

type projectListJSON struct {
	Projects   []projectJSON  `json:"projects"`
	Pagination paginationJSON `json:"pagination"`
}

func projectToJSON(p Project) projectJSON {
	return projectJSON{ID: p.ID, Name: p.Name, SpaceID: p.SpaceID, CreatedAt: formatTime(p.CreatedAt)}
}

// decodeProject reads a create body (name and space_id, both required) or
// a PATCH body (name only, required: "name must be provided"). Unknown and
// server-set members, space_id in a PATCH (a project cannot move) and wrong
// JSON types are 400s, which win over value mistakes (422): a missing, null
// or empty member. A blank name is left to checkProjectName.
func decodeProject(fields map[string]json.RawMessage, create bool) (Project, *Problem) {
	writable := []string{"name"}
	if create {
		writable = projectCreateFields
	}
	for _, k := range sortedKeys(fields) {
		switch {
		case slices.Contains(projectServerSet, k):
			return Project{}, badRequest("%s is set by the server and must not be sent", k)
		case k == "space_id" && !create:
			return Project{}, badRequest("space_id cannot be changed: a project cannot move to another space")
		case !slices.Contains(writable, k):
			return Project{}, badRequest("unknown field %q", k)
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
	if d.bad != nil {
		return Project{}, d.bad
	}
	if d.invalid != nil {
		return Project{}, d.invalid
	}
	return Project{Name: values["name"], SpaceID: values["space_id"]}, nil
}

// handleProjectList is GET /v2/projects: space_id keeps the projects of one
// space (404 if it does not exist or the key may not see it), space_name
// those of the spaces whose name contains it (404 if none does), name is a
// case-insensitive substring filter; all at most 255 characters. Projects
// come in creation order; those of spaces the key may not see are left out
// ("List projects the user has access to").
func (s *Server) handleProjectList(w http.ResponseWriter, r *http.Request) {
	values, q, p := parsePageQuery(r, []string{"space_id", "space_name", "name"})
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	needle, p := nameFilter(values.Get("name"))
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	spaceID, spaceName := values.Get("space_id"), values.Get("space_name")
	if utf8.RuneCountInString(spaceName) > maxNameChars {
		writeProblem(w, r, badRequest("space_name must be at most %d characters", maxNameChars))
		return
	}
	s.mu.Lock()
	if spaceID != "" && s.spaceAccessLocked(spaceID) != nil {
		s.mu.Unlock()
		writeProblem(w, r, notFound("space_id %q: no such space", spaceID))
		return
	}
	var bySpaceName map[string]bool
	if spaceName != "" {
		bySpaceName = map[string]bool{}
		lower := strings.ToLower(spaceName)
		for _, sp := range s.spaces.all() {
			if !s.forbidden[sp.ID] && strings.Contains(strings.ToLower(sp.Name), lower) {
				bySpaceName[sp.ID] = true
			}
		}
		if len(bySpaceName) == 0 {
			s.mu.Unlock()
			writeProblem(w, r, notFound("space_name %q matches no space", spaceName))
			return
		}
	}
	items, last, more := s.projects.page(q.after, q.limit, func(pr *Project) bool {
		return !s.forbidden[pr.SpaceID] && (spaceID == "" || pr.SpaceID == spaceID) &&
			(bySpaceName == nil || bySpaceName[pr.SpaceID]) && containsFold(pr.Name, needle)
	})
	s.mu.Unlock()
	out := projectListJSON{Projects: make([]projectJSON, 0, len(items))}
	for _, pr := range items {
		out.Projects = append(out.Projects, projectToJSON(pr))
	}
	if more {
		out.Pagination = paginationJSON{HasMore: true, NextCursor: encodeCursor(q, last)}
	}
	writeJSON(w, http.StatusOK, out)
}

// handleProjectCreate is POST /v2/projects: 201 with the new project.
func (s *Server) handleProjectCreate(w http.ResponseWriter, r *http.Request) {
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	pr, p := decodeProject(fields, true)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	created, p := s.createProject(pr, true)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	w.Header().Set("Location", RouteProjects+"/"+url.PathEscape(created.ID))
	writeJSON(w, http.StatusCreated, projectToJSON(created))
}

// handleProjectGet is GET /v2/projects/{id}: 404 if unknown, 403 if the key
// may not see its space.
func (s *Server) handleProjectGet(w http.ResponseWriter, r *http.Request, id string) {
	if p := s.projectAccess(id); p != nil {
		writeProblem(w, r, p)
		return
	}
	pr, ok := s.getProject(id)
	if !ok {
		writeProblem(w, r, projectNotFound(id))
		return
	}
	writeJSON(w, http.StatusOK, projectToJSON(pr))
}

// handleProjectUpdate is PATCH /v2/projects/{id}: a rename, {"name"} and
// nothing else. An unknown or forbidden project is answered before the body
// is looked at; {} is a 400 (the spec's invalid example).
func (s *Server) handleProjectUpdate(w http.ResponseWriter, r *http.Request, id string) {
	if p := s.projectAccess(id); p != nil {
		writeProblem(w, r, p)
		return
	}
	fields, p := readObject(r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	if len(fields) == 0 {
		writeProblem(w, r, badRequest("request body must set name"))
		return
	}
	pr, p := decodeProject(fields, false)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	updated, p := s.renameProject(id, pr.Name)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	writeJSON(w, http.StatusOK, projectToJSON(updated))
}

// handleProjectDelete is DELETE /v2/projects/{id}: 204, with the cascade of
// removeProjectLocked.
func (s *Server) handleProjectDelete(w http.ResponseWriter, r *http.Request, id string) {
	s.mu.Lock()
	p := s.projectAccessLocked(id)
	if p == nil {
		pr, _ := s.projects.get(id)
		s.removeProjectLocked(pr)
	}
	s.mu.Unlock()
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
