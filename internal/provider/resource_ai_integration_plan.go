package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// mustSendKey decides whether an update sends the write-only api key, whose
// changes Terraform cannot see:
//   - when api_key_version changed: a rotation; with no key configured, a
//     removal, but only of a key Terraform managed (a version was set
//     before). After an import the prior version is null, and a key set in
//     the UI must not be deleted because the config names a version;
//   - when the config has a key but Arize holds none (it was removed outside
//     Terraform).
//
// ModifyPlan plans has_api_key from the same rule, so the plan shows the
// change this makes.
func mustSendKey(state *aiIntegrationModel, planVersion, configKey types.String) bool {
	if configKey.IsNull() {
		return !planVersion.Equal(state.APIKeyVersion) && !state.APIKeyVersion.IsNull()
	}
	return !planVersion.Equal(state.APIKeyVersion) || !state.HasAPIKey.ValueBool()
}

// ModifyPlan plans has_api_key, which only this provider can predict: it
// follows the write-only api key, which is in the config but never in the
// plan. It keeps updated_at when only an enum's spelling changed, so that
// change plans nothing.
func (r *aiIntegrationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	r.recordPlannedModels(ctx, req)
	var configKey, planVersion types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("api_key"), &configKey)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("api_key_version"), &planVersion)...)
	if resp.Diagnostics.HasError() {
		return
	}
	keyWillBeSet := types.BoolValue(!configKey.IsNull())
	if configKey.IsUnknown() {
		keyWillBeSet = types.BoolUnknown()
	}

	hasKey := keyWillBeSet
	keySent := false
	if !req.State.Raw.IsNull() {
		var state aiIntegrationModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if resp.Diagnostics.HasError() {
			return
		}
		var plannedProvider enumValue
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("ai_provider"), &plannedProvider)...)
		warnClearedSecrets(ctx, &state, req, configKey, planVersion, resp)
		switch {
		case !sameEnum(plannedProvider, state.AIProvider):
			// A new integration: has_api_key follows the config.
		case !mustSendKey(&state, planVersion, configKey):
			hasKey = state.HasAPIKey
		default:
			// The key is sent, so the integration is updated even if nothing
			// else changed, and the framework has not planned for that.
			keySent = true
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("updated_at"), types.StringUnknown())...)
		}
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("has_api_key"), hasKey)...)
	if !keySent {
		// A key sent is an update even when the plan shows nothing else.
		keepPriorIfNothingChanges(ctx, path.Root("updated_at"), req, resp)
	}
}

// warnClearedSecrets warns when this plan would delete a secret Arize holds
// only because the configuration leaves it null: the headers (a gateway's
// credentials live in them) or the stored API key. Terraform writes neither
// into generated configuration (`terraform query -generate-config-out` gives
// headers as `null # sensitive`), so an adopted integration applied as
// generated would otherwise lose its credentials with nothing in the plan
// but a line of sensitive values. A warning, not an error: removing them can
// be what the user wants.
func warnClearedSecrets(ctx context.Context, state *aiIntegrationModel, req resource.ModifyPlanRequest, configKey, planVersion types.String, resp *resource.ModifyPlanResponse) {
	var configHeaders types.Map
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("headers"), &configHeaders)...)
	if configHeaders.IsNull() && !state.Headers.IsNull() && len(state.Headers.Elements()) > 0 {
		resp.Diagnostics.AddAttributeWarning(path.Root("headers"), "This plan deletes the integration's stored headers",
			fmt.Sprintf("Arize holds %d header(s) for this integration (header values often carry a gateway's credentials), "+
				"and the configuration leaves headers unset, so applying this plan deletes them in Arize. "+
				"To keep them, set headers to their values, from a sensitive variable. "+
				"To remove them on purpose, apply the plan as it is.", len(state.Headers.Elements())))
	}
	if configKey.IsNull() && mustSendKey(state, planVersion, configKey) {
		resp.Diagnostics.AddAttributeWarning(path.Root("api_key"), "This plan deletes the integration's stored API key",
			"api_key_version changed and the configuration sets no api_key, so applying this plan deletes the key Arize holds for this integration. "+
				"To keep it, restore api_key_version to its previous value. "+
				"To rotate it, set api_key to the new key. To remove it on purpose, apply the plan as it is.")
	}
}

// ValidateConfig checks the rules that tie attributes together, at plan time
// and without an API call, and reports each on the attribute that is wrong.
// A rule whose inputs are not known yet is left to the next plan or to apply.
func (r *aiIntegrationResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg aiIntegrationModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || cfg.AIProvider.IsUnknown() || cfg.AIProvider.IsNull() {
		return
	}
	// Compared in today's spelling: the config may use either.
	written := cfg.AIProvider.ValueString()
	provider := arize.Provider(written).Canonical()

	if !cfg.ProviderMetadata.IsNull() && !cfg.ProviderMetadata.IsUnknown() {
		var md providerMetadataModel
		resp.Diagnostics.Append(cfg.ProviderMetadata.As(ctx, &md, basetypes.ObjectAsOptions{})...)
		// An unknown variant may turn out null: it is checked at apply.
		if !md.AWS.IsNull() && !md.AWS.IsUnknown() && provider != arize.ProviderAWSBedrock {
			resp.Diagnostics.AddAttributeError(path.Root("provider_metadata").AtName("aws"), "AWS metadata for a provider other than AWS Bedrock",
				fmt.Sprintf("provider_metadata.aws applies only to ai_provider = %q (or %q), not %q.",
					arize.ProviderAWSBedrock, arize.ProviderAWSBedrock.In(arize.SpellingPublished), written))
		}
		if !md.GCP.IsNull() && !md.GCP.IsUnknown() && provider != arize.ProviderVertexAI {
			resp.Diagnostics.AddAttributeError(path.Root("provider_metadata").AtName("gcp"), "GCP metadata for a provider other than Vertex AI",
				fmt.Sprintf("provider_metadata.gcp applies only to ai_provider = %q (or %q), not %q.",
					arize.ProviderVertexAI, arize.ProviderVertexAI.In(arize.SpellingPublished), written))
		}
	}

	if provider == arize.ProviderAWSBedrock || provider == arize.ProviderVertexAI {
		if cfg.ModelNames.IsUnknown() || cfg.EnableDefaultModels.IsUnknown() {
			return
		}
		if cfg.ModelNames.IsNull() && !cfg.EnableDefaultModels.ValueBool() {
			resp.Diagnostics.AddAttributeError(path.Root("model_names"), "No model source",
				fmt.Sprintf("ai_provider = %q needs a model source: list the models in model_names, or set enable_default_models = true.", written))
		}
	}
}

// recordPlannedModels notes the model names this plan gives an integration
// whose ID is known (it exists already), for the evaluators planned after it.
func (r *aiIntegrationResource) recordPlannedModels(ctx context.Context, req resource.ModifyPlanRequest) {
	var id types.String
	var models types.List
	req.Plan.GetAttribute(ctx, path.Root("id"), &id)
	req.Plan.GetAttribute(ctx, path.Root("model_names"), &models)
	if id.IsUnknown() || id.IsNull() || models.IsUnknown() {
		return
	}
	var names []string
	if !models.IsNull() {
		if diags := models.ElementsAs(ctx, &names, false); diags.HasError() {
			return
		}
	}
	r.models.record(id.ValueString(), names)
}
