package arize

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

const integrationsPath = "/v2/ai-integrations"

func integrationPath(id string) string {
	return integrationsPath + "/" + url.PathEscape(id)
}

// Get reads one integration. A missing one is an error for which IsNotFound
// is true.
func (c *Client) Get(ctx context.Context, id string) (*Integration, error) {
	var out Integration
	err := c.do(ctx, call{method: http.MethodGet, path: integrationPath(id), want: http.StatusOK, out: &out})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// Update changes the fields set in in with one PATCH.
func (c *Client) Update(ctx context.Context, id string, in UpdateRequest) (*Integration, error) {
	var out Integration
	err := c.do(ctx, call{method: http.MethodPatch, path: integrationPath(id), body: in, want: http.StatusOK, out: &out})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// Delete removes an integration. A missing one is an error for which
// IsNotFound is true; callers that only want it gone may ignore that.
func (c *Client) Delete(ctx context.Context, id string) error {
	return c.do(ctx, call{method: http.MethodDelete, path: integrationPath(id), want: http.StatusNoContent})
}

// ListPage reads one page of the list; cursor is "" for the first page and
// the previous page's NextCursor after that.
func (c *Client) ListPage(ctx context.Context, opts ListOptions, cursor string) (*ListPage, error) {
	q := url.Values{}
	for k, v := range map[string]string{"name": opts.Name, "space_id": opts.SpaceID, "space_name": opts.SpaceName, "cursor": cursor} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if opts.Limit > 0 {
		q.Set("limit", strconv.Itoa(opts.Limit))
	}
	var out ListPage
	err := c.do(ctx, call{method: http.MethodGet, path: integrationsPath, query: q, want: http.StatusOK, out: &out})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// List reads every page of the list.
func (c *Client) List(ctx context.Context, opts ListOptions) ([]Integration, error) {
	var all []Integration
	cursor := ""
	for {
		page, err := c.ListPage(ctx, opts, cursor)
		if err != nil {
			return nil, err
		}
		all = append(all, page.Integrations...)
		if !page.Pagination.HasMore || page.Pagination.NextCursor == "" {
			return all, nil
		}
		cursor = page.Pagination.NextCursor
	}
}
