package arize

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// The calls every object type of the API makes alike: create with recovery,
// get, PATCH, delete. Each type's file names its paths and bodies.

// errOtherOwner says a look-up after an unknown outcome found a same-named
// object that this create did not make.
var errOtherOwner = errors.New("an object with this name exists with other settings")

// createObject POSTs body to path, wanting 201 and the new object. Its name
// is unique within its scope, so when a try's outcome is unknown the retry
// loop calls findCreated instead of sending it again: that returns what an
// earlier try made (nil if nothing), or an error wrapping errOtherOwner when
// the name is taken by an object made otherwise.
func createObject[T any](ctx context.Context, c *Client, path string, body any, name string, findCreated func(context.Context) (*T, error)) (*T, error) {
	var out T
	adopt := func(ctx context.Context) (bool, error) {
		found, err := findCreated(ctx)
		if found == nil || err != nil {
			return false, err
		}
		c.log.Debug(ctx, "Arize API create recovered: the object was made, its answer lost", map[string]any{"path": path})
		out = *found
		return true, nil
	}
	err := c.do(ctx, call{method: http.MethodPost, path: path, body: body, want: http.StatusCreated, out: &out, retry: createOnce(name, adopt)})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// adoptIfMadeAs is a findCreated's verdict on the one same-named object it
// found (nil when none): that object if madeAs says this create made it,
// otherwise an error wrapping errOtherOwner.
func adoptIfMadeAs[T any](found []T, madeAs func(*T) bool, idOf func(*T) string) (*T, error) {
	if len(found) == 0 {
		return nil, nil
	}
	got := &found[0]
	if !madeAs(got) {
		return nil, fmt.Errorf("%w (id %s)", errOtherOwner, idOf(got))
	}
	return got, nil
}

// getObject reads the object at path. A missing one is an error for which
// IsNotFound is true.
func getObject[T any](ctx context.Context, c *Client, path string) (*T, error) {
	var out T
	if err := c.do(ctx, call{method: http.MethodGet, path: path, want: http.StatusOK, out: &out, retry: idempotent}); err != nil {
		return nil, err
	}
	return &out, nil
}

// patchObject sends body as one PATCH of path and returns the answer.
func patchObject[T any](ctx context.Context, c *Client, path string, body any) (*T, error) {
	var out T
	err := c.do(ctx, call{
		method: http.MethodPatch, path: path, body: body, want: http.StatusOK, out: &out,
		retry: idempotent, // the same body again does the same
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// patchClearing is patchObject for a body whose description may be cleared.
// Arize's SDKs disagree on how: the newest sends null, older ones "". This
// sends null, and when the API refuses that body (400 or 422: nothing
// changed), sends it once more with "". description points into body.
func patchClearing[T any](ctx context.Context, c *Client, path string, body any, description *Field[string]) (*T, error) {
	out, err := patchObject[T](ctx, c, path, body)
	if err == nil || !description.IsNull() || !refused(err) {
		return out, err
	}
	c.log.Debug(ctx, "Arize API refused null to clear a description; sending an empty string", map[string]any{"error": err.Error()})
	*description = Value("")
	return patchObject[T](ctx, c, path, body)
}

// deleteObject removes the object at path. A missing one is an error for
// which IsNotFound is true; callers that only want it gone may ignore that.
func deleteObject(ctx context.Context, c *Client, path string) error {
	return c.do(ctx, call{method: http.MethodDelete, path: path, want: http.StatusNoContent, retry: idempotent})
}
