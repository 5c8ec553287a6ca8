package arize

import (
	"context"
)

// Paging the restriction list for a caller that takes one page at a time
// (a list resource streaming terraform query's results), with the same
// guards as eachPage.

// RestrictionPages returns a reader of one listing's pages: read(ctx,
// cursor) reads the page at cursor ("" for the first) and answers its
// restrictions and the cursor of the next page, "" after the last. A short
// or empty page ends nothing while the API says more follow, since the API
// filters a page after reading it. A cursor the API answers a second time
// within the listing, or a page that says more follow without a cursor, is
// an error, never the end of the list: a caller that stopped there would
// miss restrictions, and a caller that went on would never end. Each
// listing needs a reader of its own, which remembers the cursors it has
// seen.
func (c *Client) RestrictionPages(opts RestrictionListOptions) func(ctx context.Context, cursor string) ([]ResourceRestriction, string, error) {
	seen := map[string]bool{"": true} // the cursors answered, and the first page's ""
	return func(ctx context.Context, cursor string) ([]ResourceRestriction, string, error) {
		items, page, err := c.ListRestrictionsPage(ctx, opts, cursor)
		if err != nil {
			return nil, "", err
		}
		next, err := nextCursor(restrictionsPath, page, seen)
		if err != nil {
			return nil, "", err
		}
		return items, next, nil
	}
}
