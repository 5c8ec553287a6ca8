package arize

import (
	"context"
	"errors"
	"fmt"
	"net/url"
)

// The role binding endpoints of the API.

const (
	roleBindingsPath  = "/v2/role-bindings"
	roleBindingsField = "role_bindings"
)

func roleBindingPath(id string) string { return roleBindingsPath + "/" + url.PathEscape(id) }

// errNoResourceType is the error of a list without a resource type, which
// the API refuses (400): it is caught before any request.
var errNoResourceType = errors.New("listing role bindings needs a resource type: SPACE or PROJECT")

// CreateRoleBinding grants in.RoleID to in.UserID on a space or project. A
// user holds at most one binding per resource (a second is a 409), so a
// create whose outcome is unknown is finished by finding the user's binding
// on that resource, never by sending it twice: one with the role asked for
// is adopted, one with another role is an error wrapping errOtherOwner.
func (c *Client) CreateRoleBinding(ctx context.Context, in RoleBindingCreateRequest) (*RoleBinding, error) {
	return createObject(ctx, c, roleBindingsPath, in, "the role binding of "+in.target(), func(ctx context.Context) (*RoleBinding, error) {
		found, err := c.FindRoleBinding(ctx, in.UserID, in.ResourceType, in.ResourceID)
		switch {
		case err != nil || found == nil:
			return nil, err
		case !in.madeAs(found):
			// Said in full: the caller's advice is to import or delete it.
			return nil, fmt.Errorf("%w: %s already holds role binding %s, with role %s", errOtherOwner, in.target(), found.ID, found.RoleID)
		}
		return found, nil
	})
}

// GetRoleBinding reads one binding; a missing one is an error for which
// IsNotFound is true. A binding ends with its user, its role and its space,
// and when its user is removed from the space.
func (c *Client) GetRoleBinding(ctx context.Context, id string) (*RoleBinding, error) {
	return getObject[RoleBinding](ctx, c, roleBindingPath(id))
}

// UpdateRoleBinding gives the binding another role with one PATCH: the
// role is all a binding can change.
func (c *Client) UpdateRoleBinding(ctx context.Context, id, roleID string) (*RoleBinding, error) {
	return patchObject[RoleBinding](ctx, c, roleBindingPath(id), roleBindingUpdateRequest{RoleID: roleID})
}

// DeleteRoleBinding removes a binding. A missing one is an error for which
// IsNotFound is true.
func (c *Client) DeleteRoleBinding(ctx context.Context, id string) error {
	return deleteObject(ctx, c, roleBindingPath(id))
}

// RoleBindingListOptions filters the binding list. The API requires
// ResourceType and has no filter by resource or by role.
type RoleBindingListOptions struct {
	ResourceType RoleBindingResourceType
	// UserID keeps one user's bindings; a user that does not exist is a
	// 404.
	UserID string
	// Limit is the page size (1 to 100); zero leaves the API's default.
	Limit int
}

func (opts RoleBindingListOptions) query() (url.Values, error) {
	if opts.ResourceType == "" {
		return nil, errNoResourceType
	}
	return listQuery(map[string]string{"resource_type": string(opts.ResourceType), "user_id": opts.UserID}, opts.Limit), nil
}

// ListRoleBindingsPage reads one page of the list; cursor is "" for the
// first page and the previous page's NextCursor after that.
func (c *Client) ListRoleBindingsPage(ctx context.Context, opts RoleBindingListOptions, cursor string) ([]RoleBinding, Pagination, error) {
	q, err := opts.query()
	if err != nil {
		return nil, Pagination{}, err
	}
	return listPage[RoleBinding](ctx, c, roleBindingsPath, q, roleBindingsField, cursor)
}

// ListRoleBindings reads every page of the list.
func (c *Client) ListRoleBindings(ctx context.Context, opts RoleBindingListOptions) ([]RoleBinding, error) {
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	return listAll[RoleBinding](ctx, c, roleBindingsPath, q, roleBindingsField)
}

// FindRoleBinding returns the binding userID holds on the resource, or nil
// when there is none. The API cannot filter by resource, so this lists the
// user's bindings of that type and keeps the one on resourceID: one request
// per page of them. A user that does not exist (the list's 404) holds none.
func (c *Client) FindRoleBinding(ctx context.Context, userID string, resourceType RoleBindingResourceType, resourceID string) (*RoleBinding, error) {
	all, err := c.ListRoleBindings(ctx, RoleBindingListOptions{ResourceType: resourceType, UserID: userID, Limit: maxPageSize})
	switch {
	case IsNotFound(err):
		return nil, nil
	case err != nil:
		return nil, err
	}
	for i := range all {
		// The list is filtered by the user already; checking it again
		// costs nothing and keeps a server that ignores the filter from
		// handing over another user's binding.
		if all[i].ResourceID == resourceID && all[i].UserID == userID {
			return &all[i], nil
		}
	}
	return nil, nil
}
