package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// deletion_protection, for the types whose delete destroys data in Arize
// for good (an organization takes every space in it along, a space all its
// data). prevent_destroy cannot do this job: it protects only while its
// block is in the configuration, and removing the block is exactly how a
// resource gets destroyed by mistake. deletion_protection lives in state, so
// it still protects after the block is gone.

// deletionProtectionAttribute is the deletion_protection attribute of a
// resource whose delete destroys what destroys says ("every space in it and
// all their data").
func deletionProtectionAttribute(o objectType, destroys string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: fmt.Sprintf("Whether Terraform refuses to delete this %s. Default `true`. While it is `true`, "+
			"a plan that would destroy or replace the %s fails, even when its block has been removed from the configuration "+
			"(which `prevent_destroy` cannot do). Deleting %s in Arize also deletes %s, irreversibly: set it to `false` "+
			"and apply before a destroy that is meant. Changing it calls no API.",
			o.noun, o.noun, withArticle(o.noun), destroys),
		Optional: true,
		Computed: true,
		Default:  booldefault.StaticBool(true),
	}
}

// refuseProtectedDeletion fails a plan that would delete the object in state
// while its deletion_protection is true: a destroy (the plan is null) or a
// replacement, which a change of any attribute in replacedBy (those with a
// RequiresReplace plan modifier) makes. It belongs at the end of the
// resource's ModifyPlan. The framework adds what attribute plan modifiers
// ask for to resp.RequiresReplace only after ModifyPlan has run, so the
// changes are compared here; an unknown planned value may turn out to be
// another, so it counts as a change, as RequiresReplace counts it. The value
// in force is the state's: a configuration that turns protection off takes
// effect once applied.
func refuseProtectedDeletion(ctx context.Context, o objectType, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, replacedBy ...path.Path) {
	if req.State.Raw.IsNull() || !protected(ctx, req.State, &resp.Diagnostics) {
		return
	}
	if !req.Plan.Raw.IsNull() {
		for _, p := range replacedBy {
			var planned, prior attr.Value
			resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, p, &planned)...)
			resp.Diagnostics.Append(req.State.GetAttribute(ctx, p, &prior)...)
			if planned != nil && !planned.Equal(prior) {
				resp.RequiresReplace = append(resp.RequiresReplace, p)
			}
		}
	}
	var name, id types.String
	req.State.GetAttribute(ctx, path.Root("name"), &name)
	req.State.GetAttribute(ctx, path.Root("id"), &id)
	what := fmt.Sprintf("%s %q (ID %s)", o.resource, name.ValueString(), id.ValueString())
	switch {
	case req.Plan.Raw.IsNull():
		resp.Diagnostics.AddError(fmt.Sprintf("Deletion protection: cannot destroy the Arize %s", o.noun), fmt.Sprintf(
			"%s has deletion_protection = true. Deleting it in Arize is irreversible.\n\n"+
				"To delete it: set deletion_protection = false in its block (put the block back if you removed it), "+
				"apply, then destroy or remove the block. To stop managing it with Terraform and keep it in Arize, "+
				"use a removed block with destroy = false, or 'terraform state rm'.", what))
	case len(resp.RequiresReplace) > 0:
		resp.Diagnostics.AddAttributeError(resp.RequiresReplace[0], fmt.Sprintf("Deletion protection: cannot replace the Arize %s", o.noun), fmt.Sprintf(
			"Changing %s replaces %s, which deletes it in Arize first, irreversibly, and it has deletion_protection = true.\n\n"+
				"To replace it: set deletion_protection = false alone, apply, then make this change. "+
				"Or keep the %s and undo this change.", resp.RequiresReplace[0], what, o.noun))
	}
}

// refuseProtectedDelete is the same guard at apply time, for a delete that
// reached the provider without a plan that checked it.
func refuseProtectedDelete(ctx context.Context, o objectType, state tfsdk.State, diags *diag.Diagnostics) bool {
	if !protected(ctx, state, diags) {
		return false
	}
	diags.AddError(fmt.Sprintf("Deletion protection: cannot delete the Arize %s", o.noun),
		"It has deletion_protection = true. Set it to false and apply before deleting it.")
	return true
}

// protected reads deletion_protection from state; a null (a state written
// before the attribute existed) protects, as the default does.
func protected(ctx context.Context, state tfsdk.State, diags *diag.Diagnostics) bool {
	var on types.Bool
	diags.Append(state.GetAttribute(ctx, path.Root("deletion_protection"), &on)...)
	return on.IsNull() || on.ValueBool()
}

// keepStateButProtection is the Update of a type with deletion_protection
// when nothing but that changed: it lives in Terraform alone, so there is
// nothing to send, and the API's values are the state's.
func keepStateButProtection(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var on types.Bool
	var id types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("deletion_protection"), &on)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.State.Raw = req.State.Raw.Copy()
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("deletion_protection"), on)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, id.ValueString())...)
}

// deleteProtected is the Delete of a type with deletion_protection: refused
// while it is on (the plan refused it already; this covers a delete that
// reached the provider without such a plan, as 'apply -replace' does), then
// one delete of the object whose ID state holds. One already gone is
// deleted.
func deleteProtected(ctx context.Context, o objectType, req resource.DeleteRequest, resp *resource.DeleteResponse, del func(context.Context, string) error) {
	if refuseProtectedDelete(ctx, o, req.State, &resp.Diagnostics) || resp.Diagnostics.HasError() {
		return
	}
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := goneIsDone(del(ctx, id.ValueString())); err != nil {
		resp.Diagnostics.AddError(o.couldNot("delete"), apiErrorDetail(o, err))
	}
}
