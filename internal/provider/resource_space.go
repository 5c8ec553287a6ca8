package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ resource.ResourceWithConfigure   = (*spaceResource)(nil)
	_ resource.ResourceWithIdentity    = (*spaceResource)(nil)
	_ resource.ResourceWithImportState = (*spaceResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*spaceResource)(nil)
)

// space is how diagnostics name a space. Its names are unique within its
// organization, not the account.
var space = objectType{noun: "space", short: "space", resource: "arize_space", uniqueIn: "this organization"}

// spaceResource is arize_space. Its schema is in resource_space_schema.go,
// its model and the API bodies made from it in resource_space_model.go, and
// its plan rules and import in resource_space_plan.go.
type spaceResource struct {
	client *arize.Client
}

// NewSpaceResource returns the arize_space resource.
func NewSpaceResource() resource.Resource {
	return &spaceResource{}
}

func (r *spaceResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_space"
}

func (r *spaceResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema(descSpaceOwnID)
}

func (r *spaceResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *spaceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan spaceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateSpace(ctx, plan.createRequest())
	if err != nil {
		resp.Diagnostics.AddError(space.couldNot("create"), createErrorDetail(space, plan.Name.ValueString(), err))
		return
	}
	tflog.Info(ctx, "created Arize space", map[string]any{"id": created.ID})

	// The create's answer is the new state: no read-after-write.
	resp.Diagnostics.Append(plan.saveAnswer(ctx, created, &resp.State, resp.Identity)...)
}

// Read reads the space. organization_id is not in the answer: it is kept
// from state, and found by listing each organization's spaces only when
// state has none, after an import by the space's ID or identity alone.
func (r *spaceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state spaceResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	got, err := r.client.GetSpace(ctx, id)
	if removedIfGone(ctx, space, id, err, resp) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(space.couldNot("read"), spaceReadErrorDetail(state.Name.ValueString(), id, err))
		return
	}
	if state.OrganizationID.IsNull() || state.OrganizationID.IsUnknown() {
		orgID, err := r.client.FindSpaceOrganization(ctx, id)
		if err != nil {
			resp.Diagnostics.AddError("Could not find the organization of the Arize space", apiErrorDetail(space, err))
			return
		}
		if orgID == "" {
			resp.Diagnostics.AddError("Could not find the organization of the Arize space", fmt.Sprintf(
				"No organization that the provider's API key can see lists space %q (ID %s), so its organization_id "+
					"cannot be found. Arize does not return a space's organization; the provider finds it by listing "+
					"each organization's spaces. Check that the key can list the space's organization.", got.Name, id))
			return
		}
		state.OrganizationID = types.StringValue(orgID)
	}
	resp.Diagnostics.Append(state.saveAnswer(ctx, got, &resp.State, resp.Identity)...)
}

func (r *spaceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state spaceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body := plan.updateRequest(&state.spaceModel)
	if body.IsEmpty() {
		keepStateButProtection(ctx, req, resp)
		return
	}
	updated, err := r.client.UpdateSpace(ctx, state.ID.ValueString(), body)
	if err != nil {
		resp.Diagnostics.AddError(space.couldNot("update"), updateErrorDetail(space, plan.Name.ValueString(), err))
		return
	}
	resp.Diagnostics.Append(plan.saveAnswer(ctx, updated, &resp.State, resp.Identity)...)
}

// Delete deletes the space, and with it, in Arize, all its data, unless
// deletion_protection is on.
func (r *spaceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteProtected(ctx, space, req, resp, r.client.DeleteSpace)
}

// saveAnswer makes what the API answered the new state, and its identity: m
// carries organization_id, which the answer lacks, and deletion_protection,
// which exists only in Terraform. After an import deletion_protection is
// null, and then it takes the schema's default, true, so that an imported
// space is protected and plans no change against a configuration that
// leaves the attribute out.
func (m *spaceResourceModel) saveAnswer(ctx context.Context, answer *arize.Space, state *tfsdk.State, identity *tfsdk.ResourceIdentity) diag.Diagnostics {
	m.setFromAPI(answer)
	if m.DeletionProtection.IsNull() || m.DeletionProtection.IsUnknown() {
		m.DeletionProtection = types.BoolValue(true)
	}
	diags := state.Set(ctx, m)
	diags.Append(setIdentity(ctx, identity, answer.ID)...)
	return diags
}

// spaceReadErrorDetail is the detail of a failed read of the space id (named
// name, "" when unknown). A 403 is a private space that the key's identity
// is not a member of: the space exists, so it is an error, never a removal
// from state, which would make the next plan create a second one.
func spaceReadErrorDetail(name, id string, err error) string {
	if !arize.IsForbidden(err) {
		return apiErrorDetail(space, err)
	}
	what := "space " + id
	if name != "" {
		what = fmt.Sprintf("space %q (ID %s)", name, id)
	}
	return fmt.Sprintf("Arize refused to show %s to the provider's API key (403 Forbidden). A private space is visible "+
		"only to its members and to account, organization and space admins, and the identity behind this key is none of "+
		"these. Add that user or service account to the space in Arize, or use a key that can see it. The space is kept "+
		"in state: it still exists.\n\n%s", what, err)
}
