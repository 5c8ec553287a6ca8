package arize

import (
	"context"
	"net/url"
	"strconv"
)

// The role endpoints of the API.

const (
	rolesPath  = "/v2/roles"
	rolesField = "roles"
)

func rolePath(id string) string { return rolesPath + "/" + url.PathEscape(id) }

// CreateRole makes a custom role. Names are unique within the account, so a
// create whose outcome is unknown is finished by looking the name up, never
// by sending it twice: a role made as asked is adopted, one made otherwise
// (or a predefined one) is an error wrapping errOtherOwner.
func (c *Client) CreateRole(ctx context.Context, in RoleCreateRequest) (*Role, error) {
	return createObject(ctx, c, rolesPath, in, in.Name, func(ctx context.Context) (*Role, error) {
		found, err := c.FindRoleByName(ctx, in.Name)
		if err != nil || found == nil {
			return nil, err
		}
		return adoptIfMadeAs([]Role{*found}, in.madeAs, func(r *Role) string { return r.ID })
	})
}

// GetRole reads one role, predefined or custom; a missing one is an error
// for which IsNotFound is true.
func (c *Client) GetRole(ctx context.Context, id string) (*Role, error) {
	return getObject[Role](ctx, c, rolePath(id))
}

// UpdateRole changes the fields set in in with one PATCH. Arize refuses to
// change a predefined role (a 400 or a 403: its sources disagree).
func (c *Client) UpdateRole(ctx context.Context, id string, in RoleUpdateRequest) (*Role, error) {
	return patchClearing[Role](ctx, c, rolePath(id), &in, &in.Description)
}

// DeleteRole deletes a custom role. A missing one is an error for which
// IsNotFound is true; Arize refuses to delete a predefined role (a 400 or a
// 403: its sources disagree).
func (c *Client) DeleteRole(ctx context.Context, id string) error {
	return deleteObject(ctx, c, rolePath(id))
}

// RoleListOptions filters the role list. The API has no name filter.
type RoleListOptions struct {
	// IsPredefined keeps only the predefined roles (true) or only the
	// custom ones (false); nil keeps both.
	IsPredefined *bool
	// Limit is the page size (1 to 100); zero leaves the API's default.
	Limit int
}

func (opts RoleListOptions) query() url.Values {
	filters := map[string]string{}
	if opts.IsPredefined != nil {
		filters["is_predefined"] = strconv.FormatBool(*opts.IsPredefined)
	}
	return listQuery(filters, opts.Limit)
}

// ListRolesPage reads one page of the list; cursor is "" for the first page
// and the previous page's NextCursor after that.
func (c *Client) ListRolesPage(ctx context.Context, opts RoleListOptions, cursor string) ([]Role, Pagination, error) {
	return listPage[Role](ctx, c, rolesPath, opts.query(), rolesField, cursor)
}

// ListRoles reads every page of the list.
func (c *Client) ListRoles(ctx context.Context, opts RoleListOptions) ([]Role, error) {
	return listAll[Role](ctx, c, rolesPath, opts.query(), rolesField)
}

// FindRoleByName returns the role named exactly name, predefined roles
// included, or nil when there is none. The API has no name filter (and
// answers one with a 400), so this reads the whole list, at the largest
// page size, and compares names here: case and white space count.
func (c *Client) FindRoleByName(ctx context.Context, name string) (*Role, error) {
	all, err := c.ListRoles(ctx, RoleListOptions{Limit: maxPageSize})
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].Name == name {
			return &all[i], nil
		}
	}
	return nil, nil
}
