package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ resource.ResourceWithConfigure      = (*aiIntegrationResource)(nil)
	_ resource.ResourceWithIdentity       = (*aiIntegrationResource)(nil)
	_ resource.ResourceWithImportState    = (*aiIntegrationResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*aiIntegrationResource)(nil)
	_ resource.ResourceWithValidateConfig = (*aiIntegrationResource)(nil)
)

// aiIntegration is how diagnostics name an AI integration.
var aiIntegration = objectType{noun: "AI integration", short: "integration", resource: "arize_ai_integration"}

// aiIntegrationResource is arize_ai_integration. Its schema is in
// resource_ai_integration_schema.go, its model and the API bodies made from
// it in resource_ai_integration_model.go, and its plan-time rules in
// resource_ai_integration_plan.go.
type aiIntegrationResource struct {
	client *arize.Client
	// models is where a read or a plan notes the integration's model names
	// for the evaluators planned after it (see integrationModels).
	models *integrationModels
}

// NewAIIntegrationResource returns the arize_ai_integration resource.
func NewAIIntegrationResource() resource.Resource {
	return &aiIntegrationResource{}
}

func (r *aiIntegrationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ai_integration"
}

func (r *aiIntegrationResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema(descID)
}

func (r *aiIntegrationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
	r.models = modelsFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *aiIntegrationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan aiIntegrationModel
	var apiKey types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("api_key"), &apiKey)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := plan.createRequest(ctx, apiKey)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	created, err := r.client.Create(ctx, body)
	if err != nil {
		resp.Diagnostics.AddError(aiIntegration.couldNot("create"), createErrorDetail(aiIntegration, plan.Name.ValueString(), err))
		return
	}
	tflog.Info(ctx, "created Arize AI integration", map[string]any{"id": created.ID})

	// The create's answer is the new state: no read-after-write.
	resp.Diagnostics.Append(plan.saveAnswer(ctx, created, &resp.State, resp.Identity)...)
}

func (r *aiIntegrationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state aiIntegrationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	got, err := r.client.Get(ctx, id)
	if removedIfGone(ctx, aiIntegration, id, err, resp) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(aiIntegration.couldNot("read"), apiErrorDetail(aiIntegration, err))
		return
	}
	r.models.record(got.ID, got.ModelNames)
	resp.Diagnostics.Append(state.saveAnswer(ctx, got, &resp.State, resp.Identity)...)
}

func (r *aiIntegrationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state aiIntegrationModel
	var apiKey types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("api_key"), &apiKey)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := plan.updateRequest(ctx, &state, mustSendKey(&state, plan.APIKeyVersion, apiKey), apiKey)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	var updated *arize.Integration
	var err error
	if body.IsEmpty() {
		// Only Terraform-side attributes changed (api_key_version with no
		// key to send or clear); read for the computed values instead.
		updated, err = r.client.Get(ctx, state.ID.ValueString())
	} else {
		updated, err = r.client.Update(ctx, state.ID.ValueString(), body)
	}
	if err != nil {
		resp.Diagnostics.AddError(aiIntegration.couldNot("update"), updateErrorDetail(aiIntegration, plan.Name.ValueString(), err))
		return
	}
	resp.Diagnostics.Append(plan.saveAnswer(ctx, updated, &resp.State, resp.Identity)...)
}

func (r *aiIntegrationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state aiIntegrationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := goneIsDone(r.client.Delete(ctx, state.ID.ValueString())); err != nil {
		resp.Diagnostics.AddError(aiIntegration.couldNot("delete"), apiErrorDetail(aiIntegration, err))
	}
}

func (r *aiIntegrationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, req, resp)
}

// saveAnswer makes what the API answered the new state, and its identity:
// m carries the attributes that exist only in Terraform (api_key_version),
// and the write-only api_key never reaches state.
func (m *aiIntegrationModel) saveAnswer(ctx context.Context, answer *arize.Integration, state *tfsdk.State, identity *tfsdk.ResourceIdentity) diag.Diagnostics {
	diags := m.setFromAPI(ctx, answer)
	m.APIKey = types.StringNull()
	diags.Append(state.Set(ctx, m)...)
	diags.Append(setIdentity(ctx, identity, answer.ID)...)
	return diags
}
