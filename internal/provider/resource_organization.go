package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ resource.ResourceWithConfigure   = (*organizationResource)(nil)
	_ resource.ResourceWithIdentity    = (*organizationResource)(nil)
	_ resource.ResourceWithImportState = (*organizationResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*organizationResource)(nil)
)

// organization is how diagnostics name an organization.
var organization = objectType{noun: "organization", short: "organization", resource: "arize_organization"}

// organizationResource is arize_organization. Its schema is in
// resource_organization_schema.go, and its model and the API bodies made
// from it in resource_organization_model.go.
type organizationResource struct {
	client *arize.Client
}

// NewOrganizationResource returns the arize_organization resource.
func NewOrganizationResource() resource.Resource {
	return &organizationResource{}
}

func (r *organizationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_organization"
}

func (r *organizationResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema(descOrgID)
}

func (r *organizationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan refuses, while deletion_protection is on in state, a plan that
// would delete the organization. The schema's plan modifiers and default do
// everything else.
func (r *organizationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	refuseProtectedDeletion(ctx, organization, req, resp)
}

func (r *organizationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan organizationResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateOrganization(ctx, plan.createRequest())
	if err != nil {
		resp.Diagnostics.AddError(organization.couldNot("create"), createErrorDetail(organization, plan.Name.ValueString(), err))
		return
	}
	tflog.Info(ctx, "created Arize organization", map[string]any{"id": created.ID})

	// The create's answer is the new state: no read-after-write.
	resp.Diagnostics.Append(plan.saveAnswer(ctx, created, &resp.State, resp.Identity)...)
}

func (r *organizationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state organizationResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	got, err := r.client.GetOrganization(ctx, id)
	if removedIfGone(ctx, organization, id, err, resp) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(organization.couldNot("read"), apiErrorDetail(organization, err))
		return
	}
	resp.Diagnostics.Append(state.saveAnswer(ctx, got, &resp.State, resp.Identity)...)
}

func (r *organizationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state organizationResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body := plan.updateRequest(&state.organizationModel)
	if body.IsEmpty() {
		keepStateButProtection(ctx, req, resp)
		return
	}
	updated, err := r.client.UpdateOrganization(ctx, state.ID.ValueString(), body)
	if err != nil {
		resp.Diagnostics.AddError(organization.couldNot("update"), updateErrorDetail(organization, plan.Name.ValueString(), err))
		return
	}
	resp.Diagnostics.Append(plan.saveAnswer(ctx, updated, &resp.State, resp.Identity)...)
}

// Delete deletes the organization, and with it, in Arize, everything in it,
// unless deletion_protection is on.
func (r *organizationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteProtected(ctx, organization, req, resp, r.client.DeleteOrganization)
}

func (r *organizationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, req, resp)
}

// saveAnswer makes what the API answered the new state, and its identity: m
// carries deletion_protection, which exists only in Terraform. After an
// import it is null, and then it takes the schema's default, true, so that
// an imported organization is protected and plans no change against a
// configuration that leaves the attribute out.
func (m *organizationResourceModel) saveAnswer(ctx context.Context, answer *arize.Organization, state *tfsdk.State, identity *tfsdk.ResourceIdentity) diag.Diagnostics {
	m.setFromAPI(answer)
	if m.DeletionProtection.IsNull() || m.DeletionProtection.IsUnknown() {
		m.DeletionProtection = types.BoolValue(true)
	}
	diags := state.Set(ctx, m)
	diags.Append(setIdentity(ctx, identity, answer.ID)...)
	return diags
}
