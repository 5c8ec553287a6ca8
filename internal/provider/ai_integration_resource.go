package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ resource.ResourceWithConfigure      = (*aiIntegrationResource)(nil)
	_ resource.ResourceWithImportState    = (*aiIntegrationResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*aiIntegrationResource)(nil)
	_ resource.ResourceWithValidateConfig = (*aiIntegrationResource)(nil)
)

// aiIntegrationResource is arize_ai_integration.
type aiIntegrationResource struct {
	client IntegrationsAPI
}

// NewAIIntegrationResource returns the arize_ai_integration resource.
func NewAIIntegrationResource() resource.Resource {
	return &aiIntegrationResource{}
}

func (r *aiIntegrationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ai_integration"
}

func (r *aiIntegrationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
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
		resp.Diagnostics.AddError("Could not create the Arize AI integration", createErrorDetail(plan.Name.ValueString(), err))
		return
	}
	tflog.Info(ctx, "created Arize AI integration", map[string]any{"id": created.ID})

	// The create's answer is the new state: no read-after-write.
	resp.Diagnostics.Append(plan.setFromAPI(ctx, created)...)
	plan.APIKey = types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, created.ID)...)
}

func createErrorDetail(name string, err error) string {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Sprintf("The create of %q was interrupted, so whether Arize made the integration is unknown. "+
			"If an integration of that name now exists, import it rather than applying again, which would fail "+
			"on the name.\n\n%s", name, err)
	}
	if arize.IsConflict(err) {
		return fmt.Sprintf("An AI integration named %q already exists in this Arize account (names are unique). "+
			"Choose another name, or bring the existing one under Terraform with an import block "+
			"(import { to = arize_ai_integration.<name>, id = \"<integration id>\" }) or "+
			"'terraform import arize_ai_integration.<name> <integration id>'.\n\n%s", name, err)
	}
	return apiErrorDetail(err)
}

func (r *aiIntegrationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state aiIntegrationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	got, err := r.client.Get(ctx, state.ID.ValueString())
	if arize.IsNotFound(err) {
		tflog.Warn(ctx, "Arize AI integration no longer exists; removing it from state", map[string]any{"id": state.ID.ValueString()})
		// The framework requires an identity after every read, even one that
		// removes the resource; Terraform older than 1.12 sends none to keep.
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, state.ID.ValueString())...)
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Arize AI integration", apiErrorDetail(err))
		return
	}
	resp.Diagnostics.Append(state.setFromAPI(ctx, got)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, got.ID)...)
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
		detail := apiErrorDetail(err)
		if arize.IsConflict(err) {
			detail = fmt.Sprintf("Another AI integration in this Arize account is already named %q.\n\n%s", plan.Name.ValueString(), err)
		}
		resp.Diagnostics.AddError("Could not update the Arize AI integration", detail)
		return
	}
	resp.Diagnostics.Append(plan.setFromAPI(ctx, updated)...)
	plan.APIKey = types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, updated.ID)...)
}

func (r *aiIntegrationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state aiIntegrationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	err := r.client.Delete(ctx, state.ID.ValueString())
	if err != nil && !arize.IsNotFound(err) {
		resp.Diagnostics.AddError("Could not delete the Arize AI integration", apiErrorDetail(err))
	}
}

// ImportState takes an integration's ID, from 'terraform import', an import
// block's id, or an import block's identity.
func (r *aiIntegrationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughWithIdentity(ctx, path.Root("id"), path.Root("id"), req, resp)
}
