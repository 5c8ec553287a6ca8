package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// What every resource of this provider does the same way. An Arize object
// is found by its opaque ID alone, whatever its name or scope: the ID is the
// resource's "id" attribute, its import ID and its whole identity. A read
// that finds the object gone drops it from state, so the next plan creates
// it again; a delete that finds it gone is done.

// idIdentityModel is the resource identity of every Arize object.
type idIdentityModel struct {
	ID types.String `tfsdk:"id"`
}

// idIdentitySchema is the identity schema of a resource whose ID desc
// describes.
func idIdentitySchema(desc string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{
				Description:       desc,
				RequiredForImport: true,
			},
		},
	}
}

// setIdentity records the identity of the object id. Terraform older than
// 1.12 has no identities, and then identity is nil.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id string) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.Set(ctx, idIdentityModel{ID: types.StringValue(id)})
}

// importByID imports an object by its ID, from 'terraform import', an import
// block's id, or an import block's identity. The read that follows fills in
// the rest.
func importByID(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughWithIdentity(ctx, path.Root("id"), path.Root("id"), req, resp)
}

// removedIfGone reports whether err, a read's, says the object id no longer
// exists (404), and then removes the resource from state.
func removedIfGone(ctx context.Context, o objectType, id string, err error, resp *resource.ReadResponse) bool {
	if !arize.IsNotFound(err) {
		return false
	}
	tflog.Warn(ctx, "Arize "+o.noun+" no longer exists; removing it from state", map[string]any{"id": id})
	// The framework requires an identity after every read, even one that
	// removes the resource; Terraform older than 1.12 sends none to keep.
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, id)...)
	resp.State.RemoveResource(ctx)
	return true
}

// goneIsDone is a delete's error, except that an object already gone (404)
// is deleted.
func goneIsDone(err error) error {
	if arize.IsNotFound(err) {
		return nil
	}
	return err
}
