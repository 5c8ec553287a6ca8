package arize

import (
	"context"
	"net/url"
)

// The project endpoints of the API.

const (
	projectsPath  = "/v2/projects"
	projectsField = "projects"
)

func projectPath(id string) string { return projectsPath + "/" + url.PathEscape(id) }

// CreateProject makes a project in in.SpaceID. Names are unique within a
// space, so a create whose outcome is unknown is finished by looking the
// name up in that space, never by sending it twice.
func (c *Client) CreateProject(ctx context.Context, in ProjectCreateRequest) (*Project, error) {
	return createObject(ctx, c, projectsPath, in, in.Name, func(ctx context.Context) (*Project, error) {
		same, err := c.findProjects(ctx, in.SpaceID, in.Name)
		if err != nil {
			return nil, err
		}
		return adoptIfMadeAs(same, in.madeAs, func(p *Project) string { return p.ID })
	})
}

// GetProject reads one project; a missing one is an error for which
// IsNotFound is true. A project the key may not see (its space is private
// to others, or the project is restricted from the key's roles) answers
// 403 instead: IsForbidden.
func (c *Client) GetProject(ctx context.Context, id string) (*Project, error) {
	return getObject[Project](ctx, c, projectPath(id))
}

// RenameProject gives the project another name with one PATCH: the name is
// all the API can change. A name the space holds already is refused: the
// API is documented with no status for that, and Arize's own SDK test
// expects a 409, so IsConflict may be true, or the status may be a 422.
func (c *Client) RenameProject(ctx context.Context, id, name string) (*Project, error) {
	return patchObject[Project](ctx, c, projectPath(id), projectRenameRequest{Name: name})
}

// DeleteProject deletes a project and, in Arize, all its traces, for good.
// A missing one is an error for which IsNotFound is true.
func (c *Client) DeleteProject(ctx context.Context, id string) error {
	return deleteObject(ctx, c, projectPath(id))
}

// ProjectListOptions filters the project list. Name and SpaceName match a
// case-insensitive substring, as the API does; SpaceID keeps one space's.
// A SpaceID that names no space the key can see, or a SpaceName that
// matches none, is a 404.
type ProjectListOptions struct {
	SpaceID   string
	SpaceName string
	Name      string
	// Limit is the page size (1 to 100); zero leaves the API's default.
	Limit int
}

func (opts ProjectListOptions) query() url.Values {
	return listQuery(map[string]string{"space_id": opts.SpaceID, "space_name": opts.SpaceName, "name": opts.Name}, opts.Limit)
}

// ListProjectsPage reads one page of the list; cursor is "" for the first
// page and the previous page's NextCursor after that.
func (c *Client) ListProjectsPage(ctx context.Context, opts ProjectListOptions, cursor string) ([]Project, Pagination, error) {
	return listPage[Project](ctx, c, projectsPath, opts.query(), projectsField, cursor)
}

// ListProjects reads every page of the list.
func (c *Client) ListProjects(ctx context.Context, opts ProjectListOptions) ([]Project, error) {
	return listAll[Project](ctx, c, projectsPath, opts.query(), projectsField)
}

// FindProject returns the project of space spaceID named exactly name, or
// nil when there is none. The API's name filter matches substrings,
// ignoring case, so every page of its candidates is read and compared.
func (c *Client) FindProject(ctx context.Context, spaceID, name string) (*Project, error) {
	same, err := c.findProjects(ctx, spaceID, name)
	if err != nil || len(same) == 0 {
		return nil, err
	}
	return &same[0], nil
}

// findProjects lists the projects of space spaceID named exactly name: at
// most one, since names are unique within a space.
func (c *Client) findProjects(ctx context.Context, spaceID, name string) ([]Project, error) {
	scope := url.Values{"space_id": {spaceID}}
	return findByName(ctx, c, projectsPath, projectsField, scope, name, func(p *Project) string { return p.Name })
}
