package provider

import (
	"context"
	"errors"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
)

// How every list resource answers terraform query: one result per object,
// read from the API page by page, and only as many pages as the query's
// limit, or Terraform's interest, reach.

// pageReader reads one page of a list: its items, and the cursor of the
// next page, "" after the last. The first page's cursor is "".
type pageReader[T any] func(ctx context.Context, cursor string) (items []T, next string, err error)

// streamResults pushes result(item) for each item that read returns, page
// after page, stopping after limit results when limit is above zero. A failed
// read ends the stream with an error.
func streamResults[T any](ctx context.Context, o objectType, limit int64, read pageReader[T], result func(*T) list.ListResult) iter.Seq[list.ListResult] {
	return func(push func(list.ListResult) bool) {
		var sent int64
		cursor := ""
		// The cursors read so far: one answered again would loop for ever,
		// and a client-side filter that keeps nothing from its pages would
		// never reach the limit that would otherwise end it.
		seen := map[string]bool{"": true}
		for {
			items, next, err := read(ctx, cursor)
			if err == nil && seen[next] && next != "" {
				err = errors.New("the API answered a cursor it had answered before, so the list would never end")
			}
			if err != nil {
				var diags diag.Diagnostics
				diags.AddError(o.couldNotList(), apiErrorDetail(o, err))
				push(list.ListResult{Diagnostics: diags})
				return
			}
			for i := range items {
				if !push(result(&items[i])) {
					return
				}
				if sent++; limit > 0 && sent >= limit {
					return
				}
			}
			if next == "" {
				return
			}
			cursor = next
			seen[cursor] = true
		}
	}
}

// newListResult is one object as a query result: its display name, its
// identity (the ID), and when the query asks for resources, the state that
// resource() makes, which is what an import would read.
func newListResult(ctx context.Context, req list.ListRequest, displayName, id string, resource func() (any, diag.Diagnostics)) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = displayName
	result.Diagnostics.Append(setIdentity(ctx, result.Identity, id)...)
	if req.IncludeResource {
		state, diags := resource()
		result.Diagnostics.Append(diags...)
		result.Diagnostics.Append(result.Resource.Set(ctx, state)...)
	}
	return result
}

// keepOnly is read with only the items keep accepts. A page may come out
// short or empty; streamResults reads on while there is a next one.
func keepOnly[T any](read pageReader[T], keep func(*T) bool) pageReader[T] {
	return func(ctx context.Context, cursor string) ([]T, string, error) {
		items, next, err := read(ctx, cursor)
		kept := items[:0]
		for i := range items {
			if keep(&items[i]) {
				kept = append(kept, items[i])
			}
		}
		return kept, next, err
	}
}
