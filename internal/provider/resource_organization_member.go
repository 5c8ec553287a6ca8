package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ resource.ResourceWithConfigure   = (*organizationMemberResource)(nil)
	_ resource.ResourceWithIdentity    = (*organizationMemberResource)(nil)
	_ resource.ResourceWithImportState = (*organizationMemberResource)(nil)
)

// organizationMember is what an organization membership is a membership of,
// and how diagnostics name it.
var organizationMember = membershipKind{
	objectType: objectType{noun: "organization membership", short: "membership", resource: "arize_organization_member"},
	parentAttr: "organization_id",
	parentNoun: "organization",
}

// organizationMemberRules are why Arize refuses an organization membership
// with a 400.
const organizationMemberRules = "A user whose account role is annotator can only be given the ANNOTATOR role, and only " +
	"such a user can be given it."

// organizationMemberResource is arize_organization_member: a user's
// predefined role in an organization. What it shares with
// arize_space_member, the import and the read that reads nothing, is in
// resource_membership_common.go.
type organizationMemberResource struct {
	client *arize.Client
}

// NewOrganizationMemberResource returns the arize_organization_member
// resource.
func NewOrganizationMemberResource() resource.Resource {
	return &organizationMemberResource{}
}

// organizationMemberModel is the state of an arize_organization_member.
type organizationMemberModel struct {
	ID             types.String `tfsdk:"id"`
	OrganizationID types.String `tfsdk:"organization_id"`
	UserID         types.String `tfsdk:"user_id"`
	Role           types.String `tfsdk:"role"`
	MembershipID   types.String `tfsdk:"membership_id"`
}

func (r *organizationMemberResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_organization_member"
}

func (r *organizationMemberResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A user's membership of an Arize organization, with one of Arize's predefined organization roles. " +
			"Adding a member is an upsert: creating this resource for a user who is already a member sets their role, and " +
			"changing `role` changes it in place, each with one request. Destroying it removes the user from the organization " +
			"**and from every space of that organization**: Arize removes their space memberships with it.\n\n" +
			descMembershipNoDrift + "\n\n" +
			"Arize does not support custom organization roles (only spaces take custom roles, see `arize_space_member`), " +
			"so `role` is a predefined role. " + descAnnotatorRule + "\n\n" +
			"Give a user a role in a space with `arize_space_member`, which needs them to be a member of the space's " +
			"organization first: reference this resource from it (for example `user_id = arize_organization_member.x.user_id`) " +
			"so that Terraform adds the organization membership first and removes it last.\n\n" +
			organizationMember.importDoc(),
		Attributes: map[string]schema.Attribute{
			"id":              membershipIDAttribute(descOrgMemberID),
			"organization_id": requiredIDAttribute(descMemberOrganizationID),
			"user_id":         requiredIDAttribute(descMemberUserID),
			"role": schema.StringAttribute{
				MarkdownDescription: descMemberRole,
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(predefinedRoleNames()...)},
			},
			"membership_id": membershipRecordIDAttribute(),
		},
	}
}

func (r *organizationMemberResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = organizationMember.identitySchema()
}

func (r *organizationMemberResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *organizationMemberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.set(ctx, "create", req.Plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

// Read keeps state as it is: see membershipKind.read.
func (r *organizationMemberResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	organizationMember.read(ctx, req, resp)
}

// Update can only be a role change (the IDs replace): the same upsert as
// Create.
func (r *organizationMemberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.set(ctx, "update", req.Plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

// set sends the plan's role as one upsert, and makes the plan, with the
// membership's id and record ID, the new state. verb names the operation in
// an error.
func (r *organizationMemberResource) set(ctx context.Context, verb string, planned tfsdk.Plan, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	var plan organizationMemberModel
	diags.Append(planned.Get(ctx, &plan)...)
	if diags.HasError() {
		return
	}
	orgID, userID := plan.OrganizationID.ValueString(), plan.UserID.ValueString()
	role := arize.Predefined(arize.PredefinedRole(plan.Role.ValueString()))
	got, err := r.client.SetOrganizationMember(ctx, orgID, userID, role)
	if err != nil {
		diags.AddError(organizationMember.couldNot(verb), organizationMember.errorDetail(err, organizationMemberRules))
		return
	}
	tflog.Info(ctx, "set Arize organization membership", map[string]any{"organization_id": orgID, "user_id": userID, "role": plan.Role.ValueString()})

	// The role is the plan's, as configured: the answer's may be spelt in
	// the published page's spelling, and is the same role.
	plan.ID = types.StringValue(membershipID(orgID, userID))
	plan.MembershipID = types.StringValue(got.ID)
	diags.Append(state.Set(ctx, &plan)...)
	diags.Append(organizationMember.setIdentity(ctx, identity, orgID, userID)...)
}

// Delete removes the user from the organization and, in Arize, from all its
// spaces. A user who is no longer a member (404) is removed already.
func (r *organizationMemberResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state organizationMemberModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	err := r.client.RemoveOrganizationMember(ctx, state.OrganizationID.ValueString(), state.UserID.ValueString())
	if err := goneIsDone(err); err != nil {
		resp.Diagnostics.AddError(organizationMember.couldNot("delete"), apiErrorDetail(organizationMember.objectType, err))
	}
}

func (r *organizationMemberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	organizationMember.importState(ctx, req, resp)
}
