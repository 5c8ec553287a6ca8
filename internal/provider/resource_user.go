package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ resource.ResourceWithConfigure   = (*userResource)(nil)
	_ resource.ResourceWithIdentity    = (*userResource)(nil)
	_ resource.ResourceWithImportState = (*userResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*userResource)(nil)
)

// userObject is how diagnostics name a user.
var userObject = objectType{noun: "user", short: "user", resource: "arize_user"}

// userResource is arize_user. Its schema is in resource_user_schema.go, its
// model and the API bodies made from it in resource_user_model.go, and its
// plan rules in resource_user_plan.go.
type userResource struct {
	client *arize.Client
}

// NewUserResource returns the arize_user resource.
func NewUserResource() resource.Resource {
	return &userResource{}
}

func (r *userResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (r *userResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema(descUserID)
}

func (r *userResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// Create is one POST, whose answer is the new state. Arize may answer a
// pending invitation of the email instead of a new user, or the answer may
// be lost and the user found by its email: both are warnings, since the
// user exists as asked but what Arize did differs from what was planned.
func (r *userResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan userResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	in := plan.createRequest()
	created, err := r.client.CreateUser(ctx, in)
	if err != nil {
		resp.Diagnostics.AddError(userObject.couldNot("create"), r.createErrorDetail(ctx, in.Email, err))
		return
	}
	tflog.Info(ctx, "created Arize user", map[string]any{"id": created.User.ID, "outcome": created.Outcome.String()})

	state := plan
	state.setFromAPI(&created.User)
	differs := state.keepPlanned(&plan.userModel)
	// Only a 201 answers a password, and only with TEMPORARY_PASSWORD.
	state.TemporaryPassword = types.StringNull()
	if created.TemporaryPassword != "" {
		state.TemporaryPassword = types.StringValue(created.TemporaryPassword)
	}
	warnCreateOutcome(created, in, differs, &resp.Diagnostics)
	resp.Diagnostics.Append(state.save(ctx, &resp.State, resp.Identity)...)
}

// warnCreateOutcome warns when the create did not make the user as planned:
// a pending invitation was adopted (200), the answer was lost (and with it
// a temporary password), or Arize holds values other than the planned ones.
func warnCreateOutcome(created *arize.UserCreated, in arize.UserCreateRequest, differs []string, diags *diag.Diagnostics) {
	u := created.User
	var b strings.Builder
	summary := ""
	switch created.Outcome {
	case arize.UserAdoptedInvitation:
		summary = "Adopted a pending invitation of " + u.Email
		fmt.Fprintf(&b, "Arize already had a pending invitation for %s (user ID %s, made outside this configuration), "+
			"and answered it instead of making a new user: the invitation was not sent again, and Terraform now "+
			"manages that user.", u.Email, u.ID)
		if in.InviteMode == arize.InviteTemporaryPassword {
			b.WriteString(" No temporary password was made, so temporary_password is null: the person signs in as " +
				"that invitation allows, or an Arize admin resends it from the Arize UI.")
		}
	case arize.UserRecovered:
		if in.InviteMode != arize.InviteTemporaryPassword && len(differs) == 0 {
			return // the user is as planned: nothing was lost
		}
		summary = "The answer to the create of " + u.Email + " was lost"
		fmt.Fprintf(&b, "The connection dropped after Arize had made the user, so the provider found the user "+
			"(ID %s) by its email instead of creating it again.", u.ID)
		if in.InviteMode == arize.InviteTemporaryPassword {
			b.WriteString(" Arize answers a temporary password only once, in that lost answer, so temporary_password " +
				"is null: have an Arize admin resend the invitation or reset the password from the Arize UI.")
		}
	default:
		if len(differs) == 0 {
			return
		}
		summary = "Arize made the user " + u.Email + " otherwise than planned"
		fmt.Fprintf(&b, "Arize made the user (ID %s) with other values than the configuration's.", u.ID)
	}
	if len(differs) > 0 {
		fmt.Fprintf(&b, "\n\nIn Arize %s, where the configuration says otherwise. Terraform's state holds the "+
			"configured values until the next refresh reads Arize's: the next plan then updates a name or is_developer "+
			"in place, and fails on a role, which Arize's API cannot change, saying how to change it in Arize.",
			strings.Join(differs, ", "))
	}
	diags.AddWarning(summary, b.String())
}

// createErrorDetail is the detail of a failed create of the user email.
func (r *userResource) createErrorDetail(ctx context.Context, email string, err error) string {
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("The create of %q was interrupted, so whether Arize made the user is unknown. If a user "+
			"with that email now exists, import it by its email rather than applying again "+
			"(terraform import %s.<name> %s).\n\n%s", email, userObject.resource, email, err)
	case arize.IsConflict(err):
		kind, existing, lookErr := explainEmailConflict(ctx, email, err, r.client.FindUserByEmail)
		return emailConflictDetail(email, kind, existing, lookErr, err)
	}
	return apiErrorDetail(userObject, err)
}

// explainEmailConflict says why a create of email answered 409: an active
// user, or a deleted (blocked) one. The API's detail may say; a live user
// found by the email is active and gives the ID an import needs; none found
// means a deleted user, whom no list shows. lookErr is a failed look-up's,
// when the answer did not say either.
func explainEmailConflict(ctx context.Context, email string, conflict error,
	find func(context.Context, string) (*arize.User, error),
) (kind arize.EmailConflict, existing *arize.User, lookErr error) {
	kind = arize.UserEmailConflict(conflict)
	if kind == arize.EmailBlocked {
		return kind, nil, nil // a deleted user is never listed
	}
	found, err := find(ctx, email)
	switch {
	case err != nil:
		return kind, nil, err
	case found != nil:
		return arize.EmailActive, found, nil
	case kind == arize.EmailConflictUnknown:
		return arize.EmailBlocked, nil, nil
	}
	return kind, nil, nil
}

// emailConflictDetail is the detail of a create's 409 for email, as
// explainEmailConflict read it.
func emailConflictDetail(email string, kind arize.EmailConflict, existing *arize.User, lookErr, err error) string {
	switch kind {
	case arize.EmailActive:
		id, ref := "", "<user id or email>"
		if existing != nil {
			id, ref = fmt.Sprintf(" (ID %s, status %s)", existing.ID, existing.Status), existing.ID
		}
		return fmt.Sprintf("The email %q is already a user of this Arize account%s, so Arize cannot invite it. "+
			"To manage that user with Terraform, import it, by ID or by email, and leave invite_mode out of its "+
			"configuration (it applies to new users only):\n\n"+
			"import {\n  to = %s.<name>\n  id = %q\n}\n\n"+
			"or 'terraform import %s.<name> %s'.\n\n%s",
			email, id, userObject.resource, ref, userObject.resource, ref, err)
	case arize.EmailBlocked:
		return fmt.Sprintf("The email %q belongs to a user who was deleted from this Arize account. Deleting a user "+
			"in Arize blocks the email for ever: it can never be invited again, by Terraform or otherwise. "+
			"Use another email address.\n\n%s", email, err)
	}
	return fmt.Sprintf("The email %q is taken in this Arize account: either it is a user's, who can be imported "+
		"(terraform import %s.<name> %s), or it belonged to a user who was deleted, and Arize never lets it be "+
		"invited again (use another email). Looking the email up to tell which failed: %v\n\n%s",
		email, userObject.resource, email, lookErr, err)
}

// Read is one GET. A user that is gone (404), or whose status is none the
// API's UserStatus lists, is removed from state, so the next plan creates it
// again (which a deleted user's email then refuses, saying why).
func (r *userResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state userResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	got, err := r.client.GetUser(ctx, id)
	if removedIfGone(ctx, userObject, id, err, resp) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(userObject.couldNot("read"), apiErrorDetail(userObject, err))
		return
	}
	if !got.Status.Known() {
		// A deleted user is "inactive", a status the API's UserStatus
		// lacks, and no source says whether a GET answers it or a 404
		// (users.md, disagreement 2). Such a user can no longer sign in and
		// is blocked for ever: it is gone, as a 404 says.
		tflog.Warn(ctx, "Arize user has a status the API does not list; removing it from state as deleted",
			map[string]any{"id": id, "status": string(got.Status)})
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, id)...)
		resp.State.RemoveResource(ctx)
		return
	}
	// invite_mode and temporary_password are no read's: state keeps them.
	state.setFromAPI(got)
	resp.Diagnostics.Append(state.save(ctx, &resp.State, resp.Identity)...)
}

// Update is one PATCH of what changed: the name and is_developer. A change
// of nothing else (invite_mode, deletion_protection) sends nothing, since
// those exist only in Terraform once the user is made.
func (r *userResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state userResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body := plan.updateRequest(&state.userModel)
	if body.IsEmpty() {
		// Every planned value is known and is the state's, but for the
		// Terraform-only attributes: the plan is the new state.
		resp.Diagnostics.Append(plan.save(ctx, &resp.State, resp.Identity)...)
		return
	}
	updated, err := r.client.UpdateUser(ctx, state.ID.ValueString(), body)
	if err != nil {
		resp.Diagnostics.AddError(userObject.couldNot("update"), apiErrorDetail(userObject, err))
		return
	}
	// status was planned as the state's, and moves by itself in Arize (an
	// invitation accepted since the refresh): an answer that differs must
	// not fail the apply as an inconsistent result. The next refresh reads
	// it.
	planned := plan.Status
	plan.setFromAPI(updated)
	plan.Status = planned
	resp.Diagnostics.Append(plan.save(ctx, &resp.State, resp.Identity)...)
}

// Delete deletes the user, which in Arize blocks the email for ever, unless
// deletion_protection is on.
func (r *userResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteProtected(ctx, userObject, req, resp, r.client.DeleteUser)
}

// ImportState imports a user by its ID, by its email, or by its identity
// (the ID). An import ID with an "@" is an email (Arize's IDs are base64,
// which has none): it is looked up, ignoring case as Arize compares emails,
// and the read that follows fills in the rest.
func (r *userResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !strings.Contains(req.ID, "@") {
		importByID(ctx, req, resp)
		return
	}
	if r.client == nil {
		resp.Diagnostics.AddError("Provider not configured", "The Arize provider must be configured to import a user by email.")
		return
	}
	found, err := r.client.FindUserByEmail(ctx, req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Could not import the Arize user", apiErrorDetail(userObject, err))
		return
	}
	if found == nil {
		resp.Diagnostics.AddError("Could not import the Arize user", fmt.Sprintf(
			"No user with the email %q is in this Arize account (emails are compared ignoring case; a deleted user "+
				"is not listed). Check the email, or import the user by its ID.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), found.ID)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, found.ID)...)
}

// save makes m the new state, and its identity. deletion_protection exists
// only in Terraform: after an import it is null, and then it takes the
// schema's default, true, so that an imported user is protected and plans
// no change against a configuration that leaves the attribute out.
func (m *userResourceModel) save(ctx context.Context, state *tfsdk.State, identity *tfsdk.ResourceIdentity) diag.Diagnostics {
	if m.DeletionProtection.IsNull() || m.DeletionProtection.IsUnknown() {
		m.DeletionProtection = types.BoolValue(true)
	}
	if m.TemporaryPassword.IsUnknown() {
		m.TemporaryPassword = types.StringNull()
	}
	diags := state.Set(ctx, m)
	diags.Append(setIdentity(ctx, identity, m.ID.ValueString())...)
	return diags
}
