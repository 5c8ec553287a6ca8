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
	c.spelling.learnFrom(&out)
	return &out, nil
}

// Update changes the fields set in in with one PATCH. A request that sends a
// provider, an auth type or provider metadata goes out in the server's
// spelling (see writeSpelt); any other needs none.
func (c *Client) Update(ctx context.Context, id string, in UpdateRequest) (*Integration, error) {
	patch := func(sp Spelling) (*Integration, error) {
		var out Integration
		err := c.do(ctx, call{method: http.MethodPatch, path: integrationPath(id), body: in.in(sp), want: http.StatusOK, out: &out})
		if err != nil {
			return nil, err
		}
		return &out, nil
	}
	var out *Integration
	var err error
	if in.carriesEnum() {
		out, err = c.writeSpelt(ctx, patch)
	} else {
		out, err = patch(SpellingUnknown) // spelt alike in both
	}
	c.spelling.learnFrom(out)
	return out, err
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
	for i := range out.Integrations {
		c.spelling.learnFrom(&out.Integrations[i])
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
