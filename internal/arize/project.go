package arize

// The project as the API answers it, and the bodies that write one.

// Project is "the primary container for observability data" of one LLM
// application: its traces and spans. It belongs to one space, which it
// never leaves, and its name is unique within that space. The API's object
// has no description and no updated_at: the name is all a project has to
// change.
type Project struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	SpaceID   string `json:"space_id"`
	CreatedAt string `json:"created_at"`
}

// ProjectCreateRequest is the body of POST /v2/projects: both members are
// required.
type ProjectCreateRequest struct {
	Name    string `json:"name"`
	SpaceID string `json:"space_id"`
}

// madeAs reports whether got is what creating in makes. A project has
// nothing but its name and its space, and the look-up that found got
// matched both already: checking them again keeps a server that ignores a
// filter from handing over another space's project.
func (in ProjectCreateRequest) madeAs(got *Project) bool {
	return got.Name == in.Name && got.SpaceID == in.SpaceID
}

// projectRenameRequest is the body of PATCH /v2/projects/{id}: "name must
// be provided", and it is the only member the API takes.
type projectRenameRequest struct {
	Name string `json:"name"`
}
