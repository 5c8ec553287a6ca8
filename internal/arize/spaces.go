package arize

import (
	"context"
	"net/url"
)

// The space endpoints of the API.

const (
	spacesPath  = "/v2/spaces"
	spacesField = "spaces"
)

func spacePath(id string) string { return spacesPath + "/" + url.PathEscape(id) }

// CreateSpace makes a space in in.OrganizationID. Names are unique within an
// organization, so a create whose outcome is unknown is finished by looking
// the name up in that organization, never by sending it twice.
func (c *Client) CreateSpace(ctx context.Context, in SpaceCreateRequest) (*Space, error) {
	return createObject(ctx, c, spacesPath, in, in.Name, func(ctx context.Context) (*Space, error) {
		scope := url.Values{"org_id": {in.OrganizationID}}
		same, err := findByName(ctx, c, spacesPath, spacesField, scope, in.Name, func(s *Space) string { return s.Name })
		if err != nil {
			return nil, err
		}
		return adoptIfMadeAs(same, in.madeAs, func(s *Space) string { return s.ID })
	})
}

// GetSpace reads one space; a missing one is an error for which IsNotFound
// is true. A private space the key cannot see may answer 403 instead.
func (c *Client) GetSpace(ctx context.Context, id string) (*Space, error) {
	return getObject[Space](ctx, c, spacePath(id))
}

// UpdateSpace changes the fields set in in with one PATCH.
func (c *Client) UpdateSpace(ctx context.Context, id string, in SpaceUpdateRequest) (*Space, error) {
	return patchClearing[Space](ctx, c, spacePath(id), &in, &in.Description)
}

// DeleteSpace deletes a space and, in Arize, all its data. A missing one is
// an error for which IsNotFound is true.
func (c *Client) DeleteSpace(ctx context.Context, id string) error {
	return deleteObject(ctx, c, spacePath(id))
}

// SpaceListOptions filters the space list. Name matches a case-insensitive
// substring, as the API does; OrganizationID keeps one organization's.
type SpaceListOptions struct {
	OrganizationID string
	Name           string
	// Limit is the page size (1 to 100); zero leaves the API's default.
	Limit int
}

func (opts SpaceListOptions) query() url.Values {
	return listQuery(map[string]string{"org_id": opts.OrganizationID, "name": opts.Name}, opts.Limit)
}

// ListSpacesPage reads one page of the list; cursor is "" for the first page
// and the previous page's NextCursor after that.
func (c *Client) ListSpacesPage(ctx context.Context, opts SpaceListOptions, cursor string) ([]Space, Pagination, error) {
	return listPage[Space](ctx, c, spacesPath, opts.query(), spacesField, cursor)
}

// ListSpaces reads every page of the list.
func (c *Client) ListSpaces(ctx context.Context, opts SpaceListOptions) ([]Space, error) {
	return listAll[Space](ctx, c, spacesPath, opts.query(), spacesField)
}

// FindSpaceOrganization returns the ID of the organization space id belongs
// to, or "" when no organization the key can see lists it. The API's space
// carries no organization, so this lists each organization's spaces until it
// finds id: one request per page of organizations and of their spaces.
func (c *Client) FindSpaceOrganization(ctx context.Context, id string) (string, error) {
	orgs, err := c.ListOrganizations(ctx, OrganizationListOptions{Limit: maxPageSize})
	if err != nil {
		return "", err
	}
	for _, org := range orgs {
		spaces, err := c.ListSpaces(ctx, SpaceListOptions{OrganizationID: org.ID, Limit: maxPageSize})
		if err != nil {
			return "", err
		}
		for _, s := range spaces {
			if s.ID == id {
				return org.ID, nil
			}
		}
	}
	return "", nil
}
