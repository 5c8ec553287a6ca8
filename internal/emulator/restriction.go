package emulator

import (
	"encoding/base64"
	"strings"
	"time"
)

// ResourceRestriction keeps roles bound above a project (on its space, its
// organization, the account) from reaching it. It has no id of its own:
// the project's id is its key, and a project has at most one. ResourceType
// is always "PROJECT", the only type supported (in both dialects: the SDKs
// before July 2026 spelt it PROJECT too).
type ResourceRestriction struct {
	ResourceType string
	ResourceID   string
	CreatedAt    time.Time
}

// restrictionProject is the only resource type a restriction can have.
const restrictionProject = "PROJECT"

// projectIDType reports whether id reads as a project's relay id:
// base64("Project:...") or base64("Model:..."), the two type names the
// spec's examples give a project ("only Project / Model IDs are
// accepted"), padded or not.
func projectIDType(id string) bool {
	raw, err := base64.StdEncoding.DecodeString(id)
	if err != nil {
		if raw, err = base64.RawStdEncoding.DecodeString(id); err != nil {
			return false
		}
	}
	typeName, _, ok := strings.Cut(string(raw), ":")
	return ok && (typeName == typeProject || typeName == "Model")
}

// restrictProject restricts a project, idempotently: a project already
// restricted answers its restriction as it is. What is not a project's id
// is a 400 ("Other resource types are not currently supported and will
// return 400", and the spec's invalid example "Not a project ID" answers
// 400), a space's id included; a project's id that names no project is a
// 404; a project the key may not see is a 403 unless forKey is false (a
// hook).
func (s *Server) restrictProject(projectID string, forKey bool) (ResourceRestriction, *Problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.projects.get(projectID); !ok {
		if projectIDType(projectID) {
			return ResourceRestriction{}, projectNotFound(projectID)
		}
		return ResourceRestriction{}, badRequest("resource_id %q is not a project id: only project resources can be restricted", projectID)
	}
	if p := s.projectAccessLocked(projectID); p != nil && forKey {
		return ResourceRestriction{}, p
	}
	if rr, ok := s.restrictions.get(projectID); ok {
		return rr, nil
	}
	rr := ResourceRestriction{ResourceType: restrictionProject, ResourceID: projectID, CreatedAt: s.now()}
	s.restrictions.add(s.restrictions.next(), projectID, rr)
	return rr, nil
}

// unrestrictProject lifts a project's restriction: 404 "if the resource is
// not restricted" (whatever the id names), 403 for a project the key may
// not see unless forKey is false.
func (s *Server) unrestrictProject(projectID string, forKey bool) *Problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.projects.get(projectID); ok && forKey {
		if p := s.projectAccessLocked(projectID); p != nil {
			return p
		}
	}
	if !s.restrictions.remove(projectID) {
		return notFound("resource %q is not restricted", projectID)
	}
	return nil
}

// SetRestrictionPageSizes makes GET /v2/resource-restrictions answer short
// pages, as the contract says it may ("a page may contain fewer items than
// limit (or be empty) while has_more is still true"): the n-th page of a
// listing (the first is 0, counted through its cursors) holds at most
// sizes[n % len(sizes)] restrictions, and never more than limit. A size of
// 0 is an empty page, with has_more true while restrictions remain and a
// next_cursor unlike the one sent. With no sizes, pages are full again. It
// panics on a negative size, or on sizes that are all 0 (a listing would
// never end).
func (s *Server) SetRestrictionPageSizes(sizes ...int) {
	progress := len(sizes) == 0
	for _, n := range sizes {
		if n < 0 {
			panic("emulator: SetRestrictionPageSizes: negative size")
		}
		progress = progress || n > 0
	}
	if !progress {
		panic("emulator: SetRestrictionPageSizes: every size is 0, a listing would never end")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.restrictionPageSizes = append([]int(nil), sizes...)
}

// PutRestriction restricts a project directly, as if done outside
// Terraform, with the checks of POST but whatever the key may see: the
// existing restriction if there is one. The error is a *Problem (400 for
// an id that is no project's, 404 for a project that does not exist). It
// bypasses HTTP and is not counted.
func (s *Server) PutRestriction(projectID string) (ResourceRestriction, error) {
	rr, p := s.restrictProject(projectID, false)
	if p != nil {
		return ResourceRestriction{}, p
	}
	return rr, nil
}

// Restriction returns the restriction of the project with this id.
func (s *Server) Restriction(projectID string) (ResourceRestriction, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.restrictions.get(projectID)
}

// Restrictions returns the stored restrictions in the order they were
// made, those of projects the key may not see included.
func (s *Server) Restrictions() []ResourceRestriction {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.restrictions.all()
}

// RemoveRestriction lifts a project's restriction as if done outside
// Terraform and reports whether there was one.
func (s *Server) RemoveRestriction(projectID string) bool {
	return s.unrestrictProject(projectID, false) == nil
}
