package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// Descriptions of the user's attributes as the API defines them, shared by
// arize_user, its data sources and its list resource. The resource appends
// what applies only to managing one.
var (
	descUserID    = "The user's ID, an opaque base64 string assigned by Arize."
	descUserEmail = "The user's email address: Arize's key for the user, unique in the account and compared ignoring case."
	descUserName  = fmt.Sprintf("The user's name: 1 to %d characters, not blank. Arize strips white space around it, "+
		"and the provider compares names the same way.", maxNameChars)
	descUserRole = "The user's account role: one of " + quotedList(userRoleNames()) + "."
	// descUserStatus says that the status moves by itself.
	descUserStatus = "Where the user stands: " + quotedList(enumStrings(arize.UserStatuses())) + ". `\"INVITED\"` until the " +
		"invitation is accepted, `\"EXPIRED\"` once it has run out. It changes by itself, in Arize."
	descUserIsDeveloper = "Whether the user has developer permissions: may use the Arize API and create API keys."
	descUserCreatedAt   = "When the user was created (RFC 3339)."
	// descUserDeletes is what deleting a user does besides, in the API's
	// words.
	descUserDeletes = "the user's organization and space memberships, role bindings and API keys, and blocks the email " +
		"for ever (it can never be invited again)"
	descUserEmailFilter    = "Only users whose email contains this text, ignoring case (the API's `email` filter)."
	descUserStatusesFilter = "Only users in one of these statuses, each one of " + quotedList(enumStrings(arize.UserStatuses())) +
		" (the API's `status` filter). Left out, users in any of them: every user the API lists (a deleted user is never listed)."
)

// Descriptions of what only the resource has.
var (
	descUserInviteMode = "How Arize brings the new user in: `\"NONE\"` adds the user with no invitation, active at once " +
		"(for accounts that sign in through SSO); `\"EMAIL_LINK\"` invites the user with a verification email; " +
		"`\"TEMPORARY_PASSWORD\"` invites the user with a temporary password, which Arize answers once, into " +
		"`temporary_password`. **Required to create a user, and used only then**: Arize never returns it, so Terraform " +
		"keeps the configured value, and changing it later has no effect on the user (the plan warns, and nothing is " +
		"sent to Arize). It is null after an import: leave it out of an imported user's configuration."
	descUserTemporaryPassword = "The temporary password Arize answered when it created the user with " +
		"`invite_mode = \"TEMPORARY_PASSWORD\"`. Sensitive: Arize answers it once and never again, so state is the only " +
		"place it is kept; hand it over once (for example with `terraform output -raw`) and have the user change it. " +
		"Null for the other modes, after an import, and when the create adopted a pending invitation of the email or " +
		"recovered from a lost answer (the apply warns then)."
)

// userRoleNames are the account roles a user can be given, in today's
// spelling.
func userRoleNames() []string { return enumStrings(arize.AccountRoles()) }

// inviteModeNames are the invitation modes.
func inviteModeNames() []string { return enumStrings(arize.InviteModes()) }

func (r *userResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A user of the Arize AX account. Creating one brings the person in as `invite_mode` says: " +
			"with no invitation (SSO), an email link, or a temporary password. If the email has a pending invitation, " +
			"Arize answers that invitation as it is (not sent again, its name and role kept) and the apply warns; an email " +
			"that is already an active user fails, saying how to import it. Changing `name` or `is_developer` updates " +
			"the user in place; changing `email` replaces it.\n\n" +
			"**Arize's API cannot change a user's account role.** A change of `role` is refused at plan time, never " +
			"planned as a replacement: change the role in Arize (an account admin does it in the user's settings in the " +
			"Arize UI), then set `role` to match. A role changed in Arize is read back, and the plan fails the same way " +
			"until the configuration agrees.\n\n" +
			"**Deleting a user in Arize blocks the email for ever.** The user becomes inactive and can no longer sign in; " +
			"Arize removes their organization and space memberships, role bindings and API keys; and the same email can " +
			"never be invited again, by Terraform or otherwise. So `deletion_protection` is on by default: while it is " +
			"`true`, a plan that would destroy or replace the user fails, even once its block has been removed from the " +
			"configuration. Set it to `false` and apply first when the deletion is meant.\n\n" +
			"A user made outside Terraform is imported by its ID, by its email, or by its identity, or found with " +
			"`terraform query` and the `arize_user` list resource.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: descUserID,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"email": schema.StringAttribute{
				MarkdownDescription: descUserEmail + " Changing it replaces the user (a new email is a new person, and " +
					"Arize cannot change one), which deletes the old user and blocks its email for ever: `deletion_protection` " +
					"refuses that while it is on. A change of case only is no change.",
				Required:   true,
				Validators: []validator.String{stringvalidator.UTF8LengthBetween(3, maxNameChars), emailValidator{}},
				PlanModifiers: []planmodifier.String{
					// First, so that RequiresReplace sees the state's
					// spelling of an email that differs in case only.
					keepStateIfEquivalent{same: strings.EqualFold, what: "the same email ignoring case"},
					stringplanmodifier.RequiresReplace(),
				},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: descUserName + " Changing it updates the user in place.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.UTF8LengthBetween(1, maxNameChars),
					notBlankValidator{},
				},
				PlanModifiers: []planmodifier.String{keepStateIfEquivalent{same: sameTrimmed, what: "the same name once trimmed"}},
			},
			"role": schema.StringAttribute{
				MarkdownDescription: descUserRole + " Arize's API cannot change it: a change is an error at plan time, " +
					"which says how to change it in Arize. Spelt in upper case (today's spelling). A user whose account role " +
					"is none of these (a custom account role, which Arize reserves for future use, reads as `\"CUSTOM:<role id>\"`) " +
					"can be read by the data sources but not managed by this resource.",
				Required:   true,
				Validators: []validator.String{stringvalidator.OneOf(userRoleNames()...)},
			},
			"invite_mode": schema.StringAttribute{
				MarkdownDescription: "One of " + quotedList(inviteModeNames()) + ". " + descUserInviteMode,
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(inviteModeNames()...)},
			},
			"is_developer": schema.BoolAttribute{
				MarkdownDescription: descUserIsDeveloper + " Left out, Arize's default: `true` for `\"ADMIN\"` and " +
					"`\"MEMBER\"`, `false` for `\"ANNOTATOR\"`; Terraform then keeps what Arize has. Changing it updates the " +
					"user in place, which needs an account admin's API key.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: descUserStatus + " Read-only, so its changes never plan anything.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: descUserCreatedAt,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"temporary_password": schema.StringAttribute{
				MarkdownDescription: descUserTemporaryPassword,
				Computed:            true,
				Sensitive:           true,
				// Answered once, by the create: an update must keep it,
				// null included.
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"deletion_protection": deletionProtectionAttribute(userObject, descUserDeletes),
		},
	}
}

// sameTrimmed reports whether a and b are one name as Arize keeps it: it
// strips white space around a name.
func sameTrimmed(a, b string) bool { return strings.TrimSpace(a) == strings.TrimSpace(b) }

// keepStateIfEquivalent plans the state's value when the configured one
// means the same to Arize (same says so): an email in another case, a name
// with other white space around it. The plan is then empty, and an email so
// changed does not replace the user. Terraform accepts a planned value that
// differs from the config only in this way: the prior value, unchanged.
type keepStateIfEquivalent struct {
	same func(a, b string) bool
	what string // what same compares, for the docs: "the same name once trimmed"
}

func (m keepStateIfEquivalent) Description(context.Context) string {
	return "keeps the state's value when the configured one is " + m.what
}

func (m keepStateIfEquivalent) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (m keepStateIfEquivalent) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.StateValue.IsUnknown() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() {
		return
	}
	if req.PlanValue.ValueString() != req.StateValue.ValueString() && m.same(req.PlanValue.ValueString(), req.StateValue.ValueString()) {
		resp.PlanValue = req.StateValue
	}
}

// emailValidator checks an email as the API's `format: email` does, loosely:
// one "@" with something before it and a domain with a dot after it, and no
// white space. The API has the last word.
type emailValidator struct{}

func (emailValidator) Description(context.Context) string {
	return "must be an email address"
}

func (v emailValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (emailValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	v := req.ConfigValue.ValueString()
	local, domain, ok := strings.Cut(v, "@")
	if !ok || local == "" || strings.Contains(domain, "@") || !strings.Contains(strings.Trim(domain, "."), ".") ||
		strings.ContainsAny(v, " \t\r\n") {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid email address",
			fmt.Sprintf("%q is not an email address such as \"erin@example.com\".", v))
	}
}
