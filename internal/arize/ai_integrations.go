package arize

import (
	"context"
	"net/url"
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
	return writeSpelt(ctx, c, func(sp Spelling) (*Integration, error) { return c.create(ctx, in, sp) })
}

// create sends in, spelt as sp. When a try's outcome is unknown, the retry
// loop calls on findCreated to adopt what it may have made.
func (c *Client) create(ctx context.Context, in CreateRequest, sp Spelling) (*Integration, error) {
	return createObject(ctx, c, integrationsPath, in.in(sp), in.Name, func(ctx context.Context) (*Integration, error) {
		return c.findCreated(ctx, in)
	})
}

// findCreated looks for the integration an earlier POST of in may have made:
// nil if there is none, an error wrapping errOtherOwner if the name is taken
// by an integration that creating in does not make (see madeAs).
func (c *Client) findCreated(ctx context.Context, in CreateRequest) (*Integration, error) {
	same, err := findByName(ctx, c, integrationsPath, integrationsField, nil, in.Name, func(i *Integration) string { return i.Name })
	if err != nil || len(same) == 0 {
		return nil, err
	}
	c.spelling.learnFrom(&same[0])
	return adoptIfMadeAs(same, in.madeAs, func(i *Integration) string { return i.ID })
}

// Get reads one integration. A missing one is an error for which IsNotFound
// is true.
func (c *Client) Get(ctx context.Context, id string) (*Integration, error) {
	out, err := getObject[Integration](ctx, c, integrationPath(id))
	c.spelling.learnFrom(out)
	return out, err
}

// Update changes the fields set in in with one PATCH. A request that sends a
// provider, an auth type or provider metadata goes out in the server's
// spelling (see writeSpelt); any other needs none.
func (c *Client) Update(ctx context.Context, id string, in UpdateRequest) (*Integration, error) {
	patch := func(sp Spelling) (*Integration, error) {
		return patchObject[Integration](ctx, c, integrationPath(id), in.in(sp))
	}
	var out *Integration
	var err error
	if in.carriesEnum() {
		out, err = writeSpelt(ctx, c, patch)
	} else {
		out, err = patch(SpellingUnknown) // spelt alike in both
	}
	c.spelling.learnFrom(out)
	return out, err
}

// Delete removes an integration. A missing one is an error for which
// IsNotFound is true; callers that only want it gone may ignore that.
func (c *Client) Delete(ctx context.Context, id string) error {
	return deleteObject(ctx, c, integrationPath(id))
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
	return listQuery(map[string]string{"name": opts.Name, "space_id": opts.SpaceID, "space_name": opts.SpaceName}, opts.Limit)
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
