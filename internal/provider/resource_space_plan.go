package provider

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// ModifyPlan refuses, while deletion_protection is on in state, a plan that
// would delete the space: a destroy, or a replacement by a change of
// organization_id.
func (r *spaceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	refuseProtectedDeletion(ctx, space, req, resp, path.Root("organization_id"))
}

// ImportState imports a space by its ID, by "<organization_id>/<space_id>",
// or by its identity (the ID). Read then reads the rest, and finds the
// organization when the import did not give it.
func (r *spaceResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" {
		importByID(ctx, req, resp) // by identity
		return
	}
	if r.client == nil {
		resp.Diagnostics.AddError("Provider not configured", "The Arize provider must be configured to import a space.")
		return
	}
	orgID, spaceID, err := splitSpaceImportID(ctx, req.ID, r.spaceInOrganization)
	if err != nil {
		resp.Diagnostics.AddError("Could not import the Arize space", apiErrorDetail(space, err))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), spaceID)...)
	if orgID != "" {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("organization_id"), orgID)...)
	}
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, spaceID)...)
}

// splitSpaceImportID reads a space's import ID: "<space_id>", or
// "<organization_id>/<space_id>". IDs are opaque base64 strings, which may
// themselves contain "/", so no split of the text alone is safe: "a/b" may be
// one space ID, and "a/b/c" may be organization "a/b" or organization "a".
// The ID is read as "<organization_id>/<space_id>" only when, split at one of
// its "/", the part after it is a space that the part before it, as an
// organization, lists (inOrg asks the API, one list per "/" tried, leftmost
// first). Otherwise the whole text is the space ID, and Read finds its
// organization. A misreading would need a space ID whose text before one of
// its "/" is the ID of an organization that lists, as one of its spaces,
// the text after it.
func splitSpaceImportID(ctx context.Context, id string, inOrg func(ctx context.Context, orgID, spaceID string) (bool, error)) (orgID, spaceID string, err error) {
	for i := strings.IndexByte(id, '/'); i >= 0; {
		org, sp := id[:i], id[i+1:]
		if org != "" && sp != "" {
			found, err := inOrg(ctx, org, sp)
			if err != nil {
				return "", "", err
			}
			if found {
				return org, sp, nil
			}
		}
		next := strings.IndexByte(id[i+1:], '/')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return "", id, nil
}

// spaceInOrganization reports whether the organization orgID lists the space
// spaceID. An answer that says orgID names no organization the key can use
// (400, 403, 404, 422) is false: that split of an import ID is not the one.
func (r *spaceResource) spaceInOrganization(ctx context.Context, orgID, spaceID string) (bool, error) {
	spaces, err := r.client.ListSpaces(ctx, arize.SpaceListOptions{OrganizationID: orgID, Limit: maxPageSize})
	var apiErr *arize.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.Status {
		case http.StatusBadRequest, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity:
			return false, nil
		}
	}
	if err != nil {
		return false, err
	}
	for _, s := range spaces {
		if s.ID == spaceID {
			return true, nil
		}
	}
	return false, nil
}
