package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// How a data source finds one Arize object, by its "id" or by its exact
// "name", whatever the type: each failure is an error on the attribute the
// user gave.

// lookupByID reads the object id with get. An unknown id is an error on the
// id attribute.
func lookupByID[T any](ctx context.Context, o objectType, id string, get func(context.Context, string) (*T, error), diags *diag.Diagnostics) *T {
	got, err := get(ctx, id)
	if arize.IsNotFound(err) {
		diags.AddAttributeError(path.Root("id"), o.notFound(), o.noneWithID(id))
		return nil
	}
	if err != nil {
		diags.AddError(o.couldNot("read"), apiErrorDetail(o, err))
		return nil
	}
	return got
}

// lookupByName finds the one object named exactly name. The API's name
// filter matches substrings, ignoring case: list, given name as that filter,
// returns the candidates, and only the exact matches are kept. None, or more
// than one, is an error on the name attribute. nameAndID reads a candidate's
// name and ID.
func lookupByName[T any](ctx context.Context, o objectType, name string, list func(ctx context.Context, nameFilter string) ([]T, error),
	nameAndID func(*T) (string, string), diags *diag.Diagnostics,
) *T {
	candidates, err := list(ctx, name)
	if err != nil {
		diags.AddError(o.couldNotList(), apiErrorDetail(o, err))
		return nil
	}
	var matches []*T
	var ids []string
	for i := range candidates {
		if n, id := nameAndID(&candidates[i]); n == name {
			matches = append(matches, &candidates[i])
			ids = append(ids, id)
		}
	}
	switch len(matches) {
	case 0:
		diags.AddAttributeError(path.Root("name"), o.notFound(), o.noneNamed(name))
		return nil
	case 1:
		return matches[0]
	default:
		diags.AddAttributeError(path.Root("name"), o.severalMatch(), o.severalNamed(name, ids))
		return nil
	}
}
