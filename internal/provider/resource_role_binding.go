package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ resource.ResourceWithConfigure   = (*roleBindingResource)(nil)
	_ resource.ResourceWithIdentity    = (*roleBindingResource)(nil)
	_ resource.ResourceWithImportState = (*roleBindingResource)(nil)
)

// roleBinding is how diagnostics name a role binding.
var roleBinding = objectType{noun: "role binding", short: "binding", resource: "arize_role_binding"}

// roleBindingResource is arize_role_binding. Its schema is in
// resource_role_binding_schema.go, and its model in
// resource_role_binding_model.go. A binding's delete takes away a role and
// nothing else, so it has no deletion_protection.
type roleBindingResource struct {
	client *arize.Client
}

// NewRoleBindingResource returns the arize_role_binding resource.
func NewRoleBindingResource() resource.Resource {
	return &roleBindingResource{}
}

func (r *roleBindingResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role_binding"
}

func (r *roleBindingResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema(descRoleBindingID)
}

func (r *roleBindingResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *roleBindingResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan roleBindingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	in := plan.createRequest()
	created, err := r.client.CreateRoleBinding(ctx, in)
	if err != nil {
		resp.Diagnostics.AddError(roleBinding.couldNot("create"), r.createErrorDetail(ctx, in, err))
		return
	}
	tflog.Info(ctx, "created Arize role binding", map[string]any{"id": created.ID})

	// The create's answer is the new state: no read-after-write.
	state := roleBindingFromAPI(created)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, created.ID)...)
}

// createErrorDetail is the detail of a failed create. A 409 means the user
// already holds a binding on the resource (made by hand, or by another
// configuration): the API does not say which, so it is looked up to name it
// in the import advice.
func (r *roleBindingResource) createErrorDetail(ctx context.Context, in arize.RoleBindingCreateRequest, err error) string {
	target := fmt.Sprintf("user %s on %s %s", in.UserID, in.ResourceType, in.ResourceID)
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("The create of the role binding of %s was interrupted, so whether Arize made it is unknown. "+
			"If the user now holds a binding on that %s, import it rather than applying again, which would fail: "+
			"Arize allows one binding per user and resource.\n\n%s", target, resourceNoun(in.ResourceType), err)
	case arize.IsConflict(err):
		// A look-up that fails leaves the advice without the ID: the
		// create's own error is what matters.
		held, findErr := r.client.FindRoleBinding(ctx, in.UserID, in.ResourceType, in.ResourceID)
		if findErr != nil {
			tflog.Warn(ctx, "could not look up the role binding the user holds", map[string]any{"error": findErr.Error()})
			held = nil
		}
		return bindingConflictDetail(in, held, err)
	}
	return apiErrorDetail(roleBinding, err)
}

// bindingConflictDetail says what a 409 on create means and how to import
// the binding the user holds: held, when the look-up found it.
func bindingConflictDetail(in arize.RoleBindingCreateRequest, held *arize.RoleBinding, err error) string {
	target := fmt.Sprintf("User %s already holds a role binding on %s %s", in.UserID, in.ResourceType, in.ResourceID)
	const rule = "Arize allows one binding per user and resource."
	if held == nil {
		return fmt.Sprintf("%s. %s Bring it under Terraform with an import block "+
			"(import { to = %s.<name>, id = \"<%s id>\" }) or 'terraform import %s.<name> <%s id>', "+
			"or delete it first; terraform query with the %s list resource (user_id = %q) finds its ID.\n\n%s",
			target, rule, roleBinding.resource, roleBinding.short, roleBinding.resource, roleBinding.short,
			roleBinding.resource, in.UserID, err)
	}
	return fmt.Sprintf("%s: %s, with role %s. %s Bring it under Terraform with an import block "+
		"(import { to = %s.<name>, id = %q }) or 'terraform import %s.<name> %s', "+
		"setting role_id to the role it should have, or delete it first.\n\n%s",
		target, held.ID, held.RoleID, rule, roleBinding.resource, held.ID, roleBinding.resource, held.ID, err)
}

// resourceNoun is a resource type in prose.
func resourceNoun(t arize.RoleBindingResourceType) string {
	if t == arize.RoleBindingProject {
		return "project"
	}
	return "space"
}

func (r *roleBindingResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roleBindingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	got, err := r.client.GetRoleBinding(ctx, id)
	// Gone when its user, role or space was deleted, or its user removed
	// from the space: the next plan creates it again.
	if removedIfGone(ctx, roleBinding, id, err, resp) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(roleBinding.couldNot("read"), apiErrorDetail(roleBinding, err))
		return
	}
	read := roleBindingFromAPI(got)
	resp.Diagnostics.Append(resp.State.Set(ctx, &read)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, got.ID)...)
}

// Update changes the role, the only attribute that does not replace the
// binding, with one PATCH.
func (r *roleBindingResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state roleBindingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	updated, err := r.client.UpdateRoleBinding(ctx, state.ID.ValueString(), plan.RoleID.ValueString())
	if err != nil {
		detail := apiErrorDetail(roleBinding, err)
		if arize.IsNotFound(err) {
			detail = "Either the role " + plan.RoleID.ValueString() + " does not exist, or the binding was deleted " +
				"outside Terraform since the plan (then the next plan creates it again).\n\n" + err.Error()
		}
		resp.Diagnostics.AddError(roleBinding.couldNot("update"), detail)
		return
	}
	next := roleBindingFromAPI(updated)
	resp.Diagnostics.Append(resp.State.Set(ctx, &next)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, updated.ID)...)
}

// Delete deletes the binding: the user loses the role on the resource. One
// already gone is deleted.
func (r *roleBindingResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roleBindingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := goneIsDone(r.client.DeleteRoleBinding(ctx, state.ID.ValueString())); err != nil {
		resp.Diagnostics.AddError(roleBinding.couldNot("delete"), apiErrorDetail(roleBinding, err))
	}
}

func (r *roleBindingResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, req, resp)
}
