package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ resource.ResourceWithConfigure      = (*spaceMemberResource)(nil)
	_ resource.ResourceWithIdentity       = (*spaceMemberResource)(nil)
	_ resource.ResourceWithImportState    = (*spaceMemberResource)(nil)
	_ resource.ResourceWithValidateConfig = (*spaceMemberResource)(nil)
)

// spaceMember is what a space membership is a membership of, and how
// diagnostics name it.
var spaceMember = membershipKind{
	objectType: objectType{noun: "space membership", short: "membership", resource: "arize_space_member"},
	parentAttr: "space_id",
	parentNoun: "space",
}

// spaceMemberRules are why Arize refuses a space membership with a 400.
const spaceMemberRules = "The user must already be a member of the space's organization (Arize does not enroll them): " +
	"declare an arize_organization_member for them and reference it from this resource, so that it is applied first. " +
	"A user whose account role is annotator can only be given the ANNOTATOR role, and only such a user can be given it."

// spaceMemberResource is arize_space_member: a user's predefined or custom
// role in a space. What it shares with arize_organization_member, the
// import and the read that reads nothing, is in
// resource_membership_common.go.
type spaceMemberResource struct {
	client *arize.Client
}

// NewSpaceMemberResource returns the arize_space_member resource.
func NewSpaceMemberResource() resource.Resource {
	return &spaceMemberResource{}
}

// spaceMemberModel is the state of an arize_space_member. Exactly one of
// Role and CustomRoleID is set, except after an import, which knows neither.
type spaceMemberModel struct {
	ID           types.String `tfsdk:"id"`
	SpaceID      types.String `tfsdk:"space_id"`
	UserID       types.String `tfsdk:"user_id"`
	Role         types.String `tfsdk:"role"`
	CustomRoleID types.String `tfsdk:"custom_role_id"`
	MembershipID types.String `tfsdk:"membership_id"`
}

func (r *spaceMemberResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_space_member"
}

func (r *spaceMemberResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A user's membership of an Arize space, with a predefined role (`role`) or a custom role " +
			"(`custom_role_id`): exactly one of the two. Adding a member is an upsert: creating this resource for a user who is " +
			"already a member of the space sets their role, and changing the role, or switching between `role` and " +
			"`custom_role_id`, changes it in place, each with one request. Destroying it removes the user from the space, " +
			"with any role binding they have on it.\n\n" +
			descMembershipNoDrift + "\n\n" +
			"**The user must already be a member of the space's organization**: Arize refuses the membership otherwise (400) " +
			"and does not enroll them. Declare an `arize_organization_member` for them and reference it (for example " +
			"`user_id = arize_organization_member.x.user_id`) or add `depends_on`, so that Terraform adds the organization " +
			"membership first and removes it last. Removing a user from the organization removes them from all its spaces " +
			"in Arize; destroying this resource afterwards finds nothing left to remove, which is fine. " +
			descAnnotatorRule + "\n\n" +
			spaceMember.importDoc(),
		Attributes: map[string]schema.Attribute{
			"id":       membershipIDAttribute(descSpaceMemberID),
			"space_id": requiredIDAttribute(descMemberSpaceID),
			"user_id":  requiredIDAttribute(descMemberUserID),
			"role": schema.StringAttribute{
				MarkdownDescription: descMemberRole + " Exactly one of `role` and `custom_role_id` is set.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(predefinedRoleNames()...)},
			},
			"custom_role_id": schema.StringAttribute{
				MarkdownDescription: descMemberCustomRoleID + " Exactly one of `role` and `custom_role_id` is set.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), notBlankValidator{}},
			},
			"membership_id": membershipRecordIDAttribute(),
		},
	}
}

func (r *spaceMemberResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = spaceMember.identitySchema()
}

func (r *spaceMemberResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ValidateConfig requires exactly one of role and custom_role_id. A value
// not known yet is checked once it is (in set).
func (r *spaceMemberResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var role, customRoleID types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("role"), &role)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("custom_role_id"), &customRoleID)...)
	if resp.Diagnostics.HasError() || role.IsUnknown() || customRoleID.IsUnknown() {
		return
	}
	resp.Diagnostics.Append(checkOneRole(role, customRoleID)...)
}

// checkOneRole is the error of a space member with both a predefined and a
// custom role (on custom_role_id), or with neither (on role).
func checkOneRole(role, customRoleID types.String) diag.Diagnostics {
	var diags diag.Diagnostics
	switch {
	case !role.IsNull() && !customRoleID.IsNull():
		diags.AddAttributeError(path.Root("custom_role_id"), "Conflicting roles",
			"A space member has one role: set role (a predefined role) or custom_role_id (a custom role's ID), not both.")
	case role.IsNull() && customRoleID.IsNull():
		diags.AddAttributeError(path.Root("role"), "Missing role",
			"A space member needs a role: set role to one of "+quotedList(predefinedRoleNames())+
				", or custom_role_id to a custom role's ID.")
	}
	return diags
}

// roleAssignment is the role the model asks for.
func (m *spaceMemberModel) roleAssignment() arize.RoleAssignment {
	if !m.CustomRoleID.IsNull() {
		return arize.Custom(m.CustomRoleID.ValueString())
	}
	return arize.Predefined(arize.PredefinedRole(m.Role.ValueString()))
}

func (r *spaceMemberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.set(ctx, "create", req.Plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

// Read keeps state as it is: see membershipKind.read.
func (r *spaceMemberResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	spaceMember.read(ctx, req, resp)
}

// Update can only be a role change (the IDs replace): the same upsert as
// Create.
func (r *spaceMemberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.set(ctx, "update", req.Plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

// set sends the plan's role as one upsert, and makes the plan, with the
// membership's id and record ID, the new state. verb names the operation in
// an error.
func (r *spaceMemberResource) set(ctx context.Context, verb string, planned tfsdk.Plan, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	var plan spaceMemberModel
	diags.Append(planned.Get(ctx, &plan)...)
	if diags.HasError() {
		return
	}
	// Values unknown at validation are known now.
	diags.Append(checkOneRole(plan.Role, plan.CustomRoleID)...)
	if diags.HasError() {
		return
	}
	spaceID, userID := plan.SpaceID.ValueString(), plan.UserID.ValueString()
	got, err := r.client.SetSpaceMember(ctx, spaceID, userID, plan.roleAssignment())
	if err != nil {
		diags.AddError(spaceMember.couldNot(verb), spaceMember.errorDetail(err, spaceMemberRules))
		return
	}
	tflog.Info(ctx, "set Arize space membership", map[string]any{
		"space_id": spaceID, "user_id": userID, "role": plan.Role.ValueString(), "custom_role_id": plan.CustomRoleID.ValueString(),
	})

	// The role is the plan's, as configured: the answer's may be spelt in
	// the published page's spelling, and is the same role.
	plan.ID = types.StringValue(membershipID(spaceID, userID))
	plan.MembershipID = types.StringValue(got.ID)
	diags.Append(state.Set(ctx, &plan)...)
	diags.Append(spaceMember.setIdentity(ctx, identity, spaceID, userID)...)
}

// Delete removes the user from the space. A user who is no longer a member
// (404: removed outside Terraform, or with their organization membership) is
// removed already.
func (r *spaceMemberResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state spaceMemberModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	err := r.client.RemoveSpaceMember(ctx, state.SpaceID.ValueString(), state.UserID.ValueString())
	if err := goneIsDone(err); err != nil {
		resp.Diagnostics.AddError(spaceMember.couldNot("delete"), apiErrorDetail(spaceMember.objectType, err))
	}
}

func (r *spaceMemberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	spaceMember.importState(ctx, req, resp)
}
