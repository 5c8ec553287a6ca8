package arize

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// The AI-integration endpoints of the API.

const (
	integrationsPath = "/v2/ai-integrations"
	// integrationsField holds the items of a list answer.
	integrationsField = "ai_integrations"
)

func integrationPath(id string) string {
	return integrationsPath + "/" + url.PathEscape(id)
}

// Create makes an integration and returns it as the API answered, in the
// server's enum spelling (see writeSpelt for how that is found). A create is
// never sent twice blindly: see Client.do for what it does when a try fails.
func (c *Client) Create(ctx context.Context, in CreateRequest) (*Integration, error) {
	return c.writeSpelt(ctx, func(sp Spelling) (*Integration, error) { return c.create(ctx, in, sp) })
}

// create sends in, spelt as sp. When a try's outcome is unknown, the retry
// loop calls on findCreated to adopt what it may have made.
func (c *Client) create(ctx context.Context, in CreateRequest, sp Spelling) (*Integration, error) {
	var out Integration
	adopt := func(ctx context.Context) (bool, error) {
		found, err := c.findCreated(ctx, in)
		if found == nil || err != nil {
			return false, err
		}
		c.log.Debug(ctx, "Arize API create recovered: the integration was made, its answer lost", map[string]any{"id": found.ID})
		out = *found
		return true, nil
	}
	err := c.do(ctx, call{
		method: http.MethodPost, path: integrationsPath, body: in.in(sp), want: http.StatusCreated, out: &out,
		retry: createOnce(in.Name, adopt),
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// errOtherOwner says a look-up after an unknown outcome found a same-named
// integration that this create did not make.
var errOtherOwner = errors.New("an integration with this name exists with other settings")

// findCreated looks for the integration an earlier POST of in may have made:
// nil if there is none, an error wrapping errOtherOwner if the name is taken
// by an integration that creating in does not make (see madeAs).
func (c *Client) findCreated(ctx context.Context, in CreateRequest) (*Integration, error) {
	same, err := findByName(ctx, c, integrationsPath, integrationsField, in.Name, func(i *Integration) string { return i.Name })
	if err != nil || len(same) == 0 {
		return nil, err
	}
	got := &same[0]
	c.spelling.learnFrom(got)
	if !in.madeAs(got) {
		return nil, fmt.Errorf("%w (id %s)", errOtherOwner, got.ID)
	}
	return got, nil
}

// Get reads one integration. A missing one is an error for which IsNotFound
// is true.
func (c *Client) Get(ctx context.Context, id string) (*Integration, error) {
	var out Integration
	err := c.do(ctx, call{method: http.MethodGet, path: integrationPath(id), want: http.StatusOK, out: &out, retry: idempotent})
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
		err := c.do(ctx, call{
			method: http.MethodPatch, path: integrationPath(id), body: in.in(sp), want: http.StatusOK, out: &out,
			retry: idempotent, // the same body again does the same
		})
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
	return c.do(ctx, call{method: http.MethodDelete, path: integrationPath(id), want: http.StatusNoContent, retry: idempotent})
}

// ListOptions filters a list. Name and SpaceName match case-insensitive
// substrings, as the API does.
type ListOptions struct {
	Name      string
	SpaceID   string
	SpaceName string
	// Limit is the page size (1 to 100); zero leaves the API's default.
	Limit int
}

func (opts ListOptions) query() url.Values {
	q := url.Values{}
	for k, v := range map[string]string{"name": opts.Name, "space_id": opts.SpaceID, "space_name": opts.SpaceName} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if opts.Limit > 0 {
		q.Set("limit", strconv.Itoa(opts.Limit))
	}
	return q
}

// ListPage is one page of a list.
type ListPage struct {
	Integrations []Integration `json:"ai_integrations"`
	Pagination   Pagination    `json:"pagination"`
}

// ListPage reads one page of the list; cursor is "" for the first page and
// the previous page's NextCursor after that.
func (c *Client) ListPage(ctx context.Context, opts ListOptions, cursor string) (*ListPage, error) {
	items, p, err := listPage[Integration](ctx, c, integrationsPath, opts.query(), integrationsField, cursor)
	if err != nil {
		return nil, err
	}
	for i := range items {
		c.spelling.learnFrom(&items[i])
	}
	return &ListPage{Integrations: items, Pagination: p}, nil
}

// List reads every page of the list.
func (c *Client) List(ctx context.Context, opts ListOptions) ([]Integration, error) {
	all, err := listAll[Integration](ctx, c, integrationsPath, opts.query(), integrationsField)
	if err != nil {
		return nil, err
	}
	for i := range all {
		c.spelling.learnFrom(&all[i])
	}
	return all, nil
}
