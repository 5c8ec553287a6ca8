package arize

import (
	"context"
	"net/url"
)

// The organization endpoints of the API.

const (
	organizationsPath  = "/v2/organizations"
	organizationsField = "organizations"
)

func organizationPath(id string) string { return organizationsPath + "/" + url.PathEscape(id) }

// CreateOrganization makes an organization. Names are unique within the
// account, so a create whose outcome is unknown is finished by looking the
// name up, never by sending it twice.
func (c *Client) CreateOrganization(ctx context.Context, in OrganizationCreateRequest) (*Organization, error) {
	return createObject(ctx, c, organizationsPath, in, in.Name, func(ctx context.Context) (*Organization, error) {
		same, err := findByName(ctx, c, organizationsPath, organizationsField, nil, in.Name, func(o *Organization) string { return o.Name })
		if err != nil {
			return nil, err
		}
		return adoptIfMadeAs(same, in.madeAs, func(o *Organization) string { return o.ID })
	})
}

// GetOrganization reads one organization; a missing one is an error for
// which IsNotFound is true.
func (c *Client) GetOrganization(ctx context.Context, id string) (*Organization, error) {
	return getObject[Organization](ctx, c, organizationPath(id))
}

// UpdateOrganization changes the fields set in in with one PATCH.
func (c *Client) UpdateOrganization(ctx context.Context, id string, in OrganizationUpdateRequest) (*Organization, error) {
	return patchClearing[Organization](ctx, c, organizationPath(id), &in, &in.Description)
}

// DeleteOrganization deletes an organization and, in Arize, everything in it:
// its spaces and all their data. A missing one is an error for which
// IsNotFound is true.
func (c *Client) DeleteOrganization(ctx context.Context, id string) error {
	return deleteObject(ctx, c, organizationPath(id))
}

// OrganizationListOptions filters the organization list. Name matches a
// case-insensitive substring, as the API does.
type OrganizationListOptions struct {
	Name string
	// Limit is the page size (1 to 100); zero leaves the API's default.
	Limit int
}

func (opts OrganizationListOptions) query() url.Values {
	return listQuery(map[string]string{"name": opts.Name}, opts.Limit)
}

// ListOrganizationsPage reads one page of the list; cursor is "" for the
// first page and the previous page's NextCursor after that.
func (c *Client) ListOrganizationsPage(ctx context.Context, opts OrganizationListOptions, cursor string) ([]Organization, Pagination, error) {
	return listPage[Organization](ctx, c, organizationsPath, opts.query(), organizationsField, cursor)
}

// ListOrganizations reads every page of the list.
func (c *Client) ListOrganizations(ctx context.Context, opts OrganizationListOptions) ([]Organization, error) {
	return listAll[Organization](ctx, c, organizationsPath, opts.query(), organizationsField)
}
