package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ModifyPlan holds arize_user's plan-time rules, none of which calls the
// API:
//   - a create needs invite_mode, which is required then and only then;
//   - the account role cannot change: the API has no way to, and a
//     replacement would block the email for ever, so a change is an error
//     on role, never a replacement;
//   - a change of invite_mode on an existing user does nothing, and the
//     plan warns so;
//   - while deletion_protection is on in state, a destroy or a replacement
//     (a change of email) fails.
func (r *userResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if !req.Plan.Raw.IsNull() {
		var plan userResourceModel
		resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
		if resp.Diagnostics.HasError() {
			return
		}
		if req.State.Raw.IsNull() {
			requireInviteMode(plan, &resp.Diagnostics)
		} else {
			var state userResourceModel
			resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
			if resp.Diagnostics.HasError() {
				return
			}
			if replacesUser(state, plan) {
				// A new email is a new user: it is created with the role and
				// invite_mode configured, so neither rule applies, and the
				// new user needs an invite_mode like any other.
				requireInviteMode(plan, &resp.Diagnostics)
			} else {
				refuseRoleChange(state, plan, &resp.Diagnostics)
				warnInviteModeChange(state, plan, &resp.Diagnostics)
			}
		}
	}
	refuseProtectedDeletion(ctx, userObject, req, resp, path.Root("email"))
}

// replacesUser reports whether the plan may replace the user: its email
// changed (a change of case alone is none: Arize compares emails ignoring
// it), or is known only at apply.
func replacesUser(state, plan userResourceModel) bool {
	if plan.Email.IsUnknown() {
		return true
	}
	return !strings.EqualFold(plan.Email.ValueString(), state.Email.ValueString())
}

// requireInviteMode fails the plan of a new user without invite_mode: Arize
// needs it to create one. (It is optional in the schema because it means
// nothing afterwards, and an imported user has none.) A value known only at
// apply passes.
func requireInviteMode(plan userResourceModel, diags *diag.Diagnostics) {
	if !plan.InviteMode.IsNull() {
		return
	}
	diags.AddAttributeError(path.Root("invite_mode"), "Missing invite_mode for a new Arize user", fmt.Sprintf(
		"Creating the user %q needs invite_mode, which says how Arize brings the person in: one of %s. "+
			"\"NONE\" adds the user with no invitation, active at once (single sign-on); \"EMAIL_LINK\" sends a "+
			"verification email; \"TEMPORARY_PASSWORD\" makes a temporary password, which Terraform keeps in "+
			"temporary_password. To manage a user who already exists, import it (by ID or email) instead.",
		plan.Email.ValueString(), quotedValues(inviteModeNames(), "or")))
}

// refuseRoleChange fails a plan whose role differs from the state's, on the
// role attribute. The state's role is Arize's as the refresh read it, so
// this is the error both when the configuration changed the role and when
// the role was changed in Arize: the text reads right either way, and says
// how to make the two agree.
func refuseRoleChange(state, plan userResourceModel, diags *diag.Diagnostics) {
	if !userHasValue(state.Role) || !userHasValue(plan.Role) || state.Role.Equal(plan.Role) {
		return
	}
	diags.AddAttributeError(path.Root("role"), "Cannot change the account role of an Arize user", fmt.Sprintf(
		"In Arize, as last read, the user %q (ID %s) has the account role %q, and the configuration says role = %q. "+
			"Arize's API cannot change a user's account role, and Terraform will not replace the user to change it: "+
			"deleting a user blocks the email for ever.\n\n"+
			"To give the user the role %q, an account admin changes it in Arize: in the Arize UI, open the account's "+
			"user settings, and change the user's role there. Once Arize has it, the plan reads "+
			"the same role in Arize and in the configuration, and passes.\n\n"+
			"To keep the role the user has in Arize, set role = %q in the configuration instead.",
		state.Email.ValueString(), state.ID.ValueString(), state.Role.ValueString(), plan.Role.ValueString(),
		plan.Role.ValueString(), state.Role.ValueString()))
}

// warnInviteModeChange warns that a change of invite_mode on an existing
// user only changes state. Arize uses the mode when it creates the user and
// never returns it; the update that follows sends nothing.
func warnInviteModeChange(state, plan userResourceModel, diags *diag.Diagnostics) {
	if plan.InviteMode.IsUnknown() || plan.InviteMode.Equal(state.InviteMode) {
		return
	}
	diags.AddAttributeWarning(path.Root("invite_mode"), "invite_mode has no effect on an existing Arize user", fmt.Sprintf(
		"invite_mode changes from %s to %s for the user %q, who exists already. Arize uses invite_mode only when it "+
			"creates a user, and never returns it: the apply records the new value in Terraform's state and sends "+
			"nothing to Arize, so the user is not invited again. To invite the user again, use the Arize UI.",
		userValueOrUnset(state.InviteMode), userValueOrUnset(plan.InviteMode), state.Email.ValueString()))
}

// userHasValue reports whether v holds a value.
func userHasValue(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }

// userValueOrUnset renders v for a message: quoted, or "unset" when null.
func userValueOrUnset(v types.String) string {
	if v.IsNull() {
		return "unset"
	}
	return fmt.Sprintf("%q", v.ValueString())
}
