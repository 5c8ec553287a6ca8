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
	_ resource.ResourceWithConfigure      = (*evaluatorResource)(nil)
	_ resource.ResourceWithIdentity       = (*evaluatorResource)(nil)
	_ resource.ResourceWithImportState    = (*evaluatorResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*evaluatorResource)(nil)
	_ resource.ResourceWithValidateConfig = (*evaluatorResource)(nil)
)

// evaluator is how diagnostics name an evaluator. Its names are unique
// within its space.
var evaluator = objectType{noun: "evaluator", short: "evaluator", resource: "arize_evaluator", uniqueIn: "this space"}

// evaluatorResource is arize_evaluator. Its schema is in
// resource_evaluator_schema.go, its model and the API bodies made from it in
// resource_evaluator_model.go, and its plan rules and import in
// resource_evaluator_plan.go.
//
// An evaluator's configuration lives in versions, which are append-only: an
// update makes at most one PATCH (name, description) and one version POST
// (template, code), each only when what it carries changed.
type evaluatorResource struct {
	client *arize.Client
	// models is what this provider process has seen of the integrations'
	// model names, for the plan's warning about an unlisted model.
	models *integrationModels
}

// NewEvaluatorResource returns the arize_evaluator resource.
func NewEvaluatorResource() resource.Resource {
	return &evaluatorResource{}
}

func (r *evaluatorResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_evaluator"
}

func (r *evaluatorResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema(descEvaluatorID)
}

func (r *evaluatorResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
	r.models = modelsFrom(req.ProviderData, &resp.Diagnostics)
}

// Create makes the evaluator and its first version with one POST. The
// answer is the new state, no read after it; the configuration in state is
// the plan's, as written, which the API stores.
func (r *evaluatorResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan evaluatorResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := plan.createRequest(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateEvaluator(ctx, body)
	if err != nil {
		resp.Diagnostics.AddError(evaluator.couldNot("create"), createErrorDetail(evaluator, plan.Name.ValueString(), err))
		return
	}
	tflog.Info(ctx, "created Arize evaluator", map[string]any{"id": created.ID})
	if created.Version == nil {
		// Every create answers its first version; a read finds it if not.
		if created, err = r.client.GetEvaluator(ctx, created.ID); err != nil {
			resp.Diagnostics.AddError(evaluator.couldNot("read the new"), apiErrorDetail(evaluator, err))
			return
		}
	}
	plan.setFromAPI(created)
	resp.Diagnostics.Append(saveEvaluator(ctx, &plan, &resp.State, resp.Identity)...)
}

// Read reads the evaluator with its latest version. When that version's
// configuration is the state's, as the API stores it, the state keeps its
// own values (the user's spelling of them); otherwise it takes the API's,
// and the next plan shows the difference, which the apply turns into one
// new version.
func (r *evaluatorResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state evaluatorResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	got, err := r.client.GetEvaluator(ctx, id)
	if removedIfGone(ctx, evaluator, id, err, resp) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(evaluator.couldNot("read"), apiErrorDetail(evaluator, err))
		return
	}
	if !isConfigurable(got.Type) {
		resp.Diagnostics.AddError("Cannot manage this kind of Arize evaluator", fmt.Sprintf(
			"Evaluator %q (ID %s) is of type %s. Arize's API does not expose the configuration of %s and %s evaluators, "+
				"so the provider can neither import nor manage one: it manages %s and %s evaluators only.",
			got.Name, got.ID, got.Type.Canonical(), arize.EvaluatorHarness, arize.EvaluatorRemote, arize.EvaluatorTemplate, arize.EvaluatorCode))
		return
	}
	keep := false
	if got.Version != nil && got.Type.Canonical() == arize.EvaluatorType(state.Type.ValueString()) &&
		(isSet(state.Template) || isSet(state.Code)) {
		prior, diags := evaluatorConfigToAPI(ctx, state.Template, state.Code)
		resp.Diagnostics.Append(diags...)
		keep = !diags.HasError() && arize.SameConfig(prior, got.Version.EvaluatorConfig)
	}
	state.setFromAPI(got)
	if !keep && got.Version != nil {
		template, code, diags := evaluatorConfigFromAPI(ctx, got.Version)
		resp.Diagnostics.Append(diags...)
		state.Template, state.Code = template, code
		tflog.Debug(ctx, "the latest version of the Arize evaluator differs from state", map[string]any{"id": id, "version": got.Version.ID})
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(saveEvaluator(ctx, &state, &resp.State, resp.Identity)...)
}

// Update makes, in this order, one PATCH when the name or the description
// changed and one version POST when the configuration changed (as
// configChanges, which ModifyPlan used too, sees it); a change of
// commit_message alone makes no call. After a version, one GET reads the
// evaluator's updated_at. A failure leaves in state what did happen, so the
// next plan shows what did not.
func (r *evaluatorResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state evaluatorResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	newVersion, diags := configChanges(ctx, &plan.evaluatorModel, &state.evaluatorModel)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	// next is the state as each write succeeds.
	next := state
	next.CommitMessage = plan.CommitMessage
	if patch := plan.updateRequest(&state.evaluatorModel); !patch.IsEmpty() {
		updated, err := r.client.UpdateEvaluator(ctx, id, patch)
		if err != nil {
			resp.Diagnostics.AddError(evaluator.couldNot("update"), updateErrorDetail(evaluator, plan.Name.ValueString(), err))
			return
		}
		next.setFromAPI(updated) // no version in a PATCH's answer: next keeps the state's
	}

	if !newVersion {
		// Nothing to append: the plan's configuration is the state's as the
		// API stores it, and is kept as written.
		next.Template, next.Code = plan.Template, plan.Code
		resp.Diagnostics.Append(saveEvaluator(ctx, &next, &resp.State, resp.Identity)...)
		return
	}
	config, diags := evaluatorConfigToAPI(ctx, plan.Template, plan.Code)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(saveEvaluator(ctx, &next, &resp.State, resp.Identity)...)
		return
	}
	version, err := r.client.CreateEvaluatorVersion(ctx, id, state.CurrentVersionID.ValueString(),
		arize.EvaluatorVersionRequest{CommitMessage: plan.commitMessage(), EvaluatorConfig: config})
	if err != nil {
		resp.Diagnostics.AddError(evaluator.couldNot("append a version to"), apiErrorDetail(evaluator, err))
		resp.Diagnostics.Append(saveEvaluator(ctx, &next, &resp.State, resp.Identity)...)
		return
	}
	tflog.Info(ctx, "appended a version to the Arize evaluator", map[string]any{"id": id, "version": version.ID})
	next.Template, next.Code = plan.Template, plan.Code
	// The version's answer carries no updated_at, and a GET for it would be
	// a second request for one change. Appending a version is the
	// evaluator's latest update, so its time stands for updated_at until
	// the next refresh reads the API's (updated_at is computed only, so a
	// difference there plans nothing).
	next.UpdatedAt = types.StringValue(version.CreatedAt)
	next.setVersionFromAPI(version)
	resp.Diagnostics.Append(saveEvaluator(ctx, &next, &resp.State, resp.Identity)...)
}

// Delete deletes the evaluator and all its versions, irreversibly; one
// already gone is deleted.
func (r *evaluatorResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state evaluatorResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := goneIsDone(r.client.DeleteEvaluator(ctx, state.ID.ValueString())); err != nil {
		resp.Diagnostics.AddError(evaluator.couldNot("delete"), apiErrorDetail(evaluator, err))
	}
}

// saveEvaluator makes m the new state, and its identity. commit_message is
// not read back: after an import it is null, and then it takes the
// schema's default, so that the plan against a configuration that leaves it
// out is empty.
func saveEvaluator(ctx context.Context, m *evaluatorResourceModel, state *tfsdk.State, identity *tfsdk.ResourceIdentity) diag.Diagnostics {
	if m.CommitMessage.IsNull() || m.CommitMessage.IsUnknown() {
		m.CommitMessage = types.StringValue(defaultCommitMessage)
	}
	diags := state.Set(ctx, m)
	diags.Append(setIdentity(ctx, identity, m.ID.ValueString())...)
	return diags
}
