package arize

import (
	"context"
	"net/http"
	"net/url"
)

// The resource restriction endpoints of the API. There is no GET of one
// restriction: FindRestriction pages the list.

const (
	restrictionsPath  = "/v2/resource-restrictions"
	restrictionsField = "resource_restrictions"
)

func restrictionPath(resourceID string) string {
	return restrictionsPath + "/" + url.PathEscape(resourceID)
}

// RestrictProject restricts the project projectID and returns its
// restriction. The API's POST is idempotent: restricting a restricted
// project answers 200 with the restriction as it is, its first created_at
// included. So, unlike a create, it is tried again after any transient
// failure, an answer lost after the server acted included: the second try
// answers the restriction the first made. An ID that is not a project's is
// a 400, a project that does not exist a 404 (IsNotFound), one the key may
// not see a 403.
func (c *Client) RestrictProject(ctx context.Context, projectID string) (*ResourceRestriction, error) {
	var out ResourceRestriction
	err := c.do(ctx, call{
		method: http.MethodPost, path: restrictionsPath, body: restrictRequest{ResourceID: projectID},
		want: http.StatusOK, out: &out, retry: idempotent,
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// UnrestrictProject lifts the restriction of project projectID. A project
// that is not restricted (or does not exist) is an error for which
// IsNotFound is true.
func (c *Client) UnrestrictProject(ctx context.Context, projectID string) error {
	return deleteObject(ctx, c, restrictionPath(projectID))
}

// RestrictionListOptions sets the restriction list's page size. The list is
// always asked for PROJECT restrictions, the only type there is.
type RestrictionListOptions struct {
	// Limit is the page size (1 to 100); zero leaves the API's default.
	Limit int
}

func (opts RestrictionListOptions) query() url.Values {
	return listQuery(map[string]string{"resource_type": RestrictionResourceProject}, opts.Limit)
}

// ListRestrictionsPage reads one page of the list; cursor is "" for the
// first page and the previous page's NextCursor after that. The API filters
// a page after reading it, so a page may be short, or empty, while HasMore
// is true.
func (c *Client) ListRestrictionsPage(ctx context.Context, opts RestrictionListOptions, cursor string) ([]ResourceRestriction, Pagination, error) {
	return listPage[ResourceRestriction](ctx, c, restrictionsPath, opts.query(), restrictionsField, cursor)
}

// ListRestrictions reads every page of the list: those of projects the key
// may not see are left out by the API.
func (c *Client) ListRestrictions(ctx context.Context, opts RestrictionListOptions) ([]ResourceRestriction, error) {
	return listAll[ResourceRestriction](ctx, c, restrictionsPath, opts.query(), restrictionsField)
}

// FindRestriction returns the restriction of project projectID, or nil when
// the list has none. There is no GET of one restriction, so this pages the
// list at the largest page size and stops at the page that holds it: one
// request per page read. A short or empty page ends nothing while the API
// says more follow ("Clients MUST keep paging until has_more is false"); a
// cursor the API repeats, or a page that says more follow without a cursor,
// is an error (see eachPage), never taken as the end of the list, since a
// restriction missed there would be dropped from state and made again.
func (c *Client) FindRestriction(ctx context.Context, projectID string) (*ResourceRestriction, error) {
	opts := RestrictionListOptions{Limit: maxPageSize}
	var found *ResourceRestriction
	err := eachPage(restrictionsPath, func(cursor string) (Pagination, bool, error) {
		items, page, err := c.ListRestrictionsPage(ctx, opts, cursor)
		for i := range items {
			if items[i].ResourceID == projectID {
				found = &items[i]
				return page, false, nil
			}
		}
		return page, true, err
	})
	if err != nil {
		return nil, err
	}
	return found, nil
}
