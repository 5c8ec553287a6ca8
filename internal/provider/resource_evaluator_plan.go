package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// ValidateConfig ties the configuration to the type, at plan time and
// without an API call: a TEMPLATE evaluator has a template and no code, a
// CODE one code and no template (llm_config lives in template, so it is
// TEMPLATE's alone). A value not known yet is left to the next check.
func (r *evaluatorResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var typ types.String
	var template, code types.Object
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("type"), &typ)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("template"), &template)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("code"), &code)...)
	if resp.Diagnostics.HasError() || typ.IsNull() || typ.IsUnknown() {
		return
	}
	requireOnly := func(want, other types.Object, wantName, otherName string) {
		if want.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root(wantName), "Missing "+wantName,
				fmt.Sprintf("An evaluator of type = %q is configured by %s: add a %s block.", typ.ValueString(), wantName, wantName))
		}
		if !other.IsNull() && !other.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(otherName), otherName+" does not apply to type "+typ.ValueString(),
				fmt.Sprintf("%s configures an evaluator of type = %q only, and this one's type is %q: remove %s, or change type "+
					"(which replaces the evaluator).", otherName, otherType(typ.ValueString()), typ.ValueString(), otherName))
		}
	}
	switch arize.EvaluatorType(typ.ValueString()) {
	case arize.EvaluatorTemplate:
		requireOnly(template, code, "template", "code")
	case arize.EvaluatorCode:
		requireOnly(code, template, "code", "template")
	}
}

// otherType is the type other than t, of the two the provider manages.
func otherType(t string) string {
	if arize.EvaluatorType(t) == arize.EvaluatorTemplate {
		return string(arize.EvaluatorCode)
	}
	return string(arize.EvaluatorTemplate)
}

// ModifyPlan plans what only this provider knows:
//   - current_version_id and its commit hash are unknown when, and only
//     when, the configuration changes, since the apply then appends a
//     version; otherwise they are the state's;
//   - updated_at is the state's when the apply calls Arize for nothing (a
//     change of commit_message alone);
//   - a model_name its integration does not list is a warning, from what
//     this provider process has seen of the integration: no API call.
func (r *evaluatorResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var plan evaluatorResourceModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.warnUnofferedModel(ctx, plan.Template, &resp.Diagnostics)
	if req.State.Raw.IsNull() || len(resp.RequiresReplace) > 0 {
		return // a create: everything computed is new
	}
	var state evaluatorResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	newVersion, diags := configChanges(ctx, &plan.evaluatorModel, &state.evaluatorModel)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if newVersion {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("current_version_id"), types.StringUnknown())...)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("current_version_commit_hash"), types.StringUnknown())...)
		return
	}
	if plan.updateRequest(&state.evaluatorModel).IsEmpty() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("updated_at"), state.UpdatedAt)...)
	}
}

// warnUnofferedModel warns when the judge's model is not among its
// integration's model names, as far as this process has seen them.
func (r *evaluatorResource) warnUnofferedModel(ctx context.Context, template types.Object, diags *diag.Diagnostics) {
	if !isSet(template) {
		return
	}
	var t evaluatorTemplateModel
	if d := template.As(ctx, &t, basetypes.ObjectAsOptions{}); d.HasError() || !isSet(t.LLMConfig) {
		return
	}
	var llm evaluatorLLMConfigModel
	if d := t.LLMConfig.As(ctx, &llm, basetypes.ObjectAsOptions{}); d.HasError() {
		return
	}
	warnUnofferedModel(r.models, llm.AIIntegrationID, llm.ModelName, path.Root("template").AtName("llm_config").AtName("model_name"), diags)
}

// ImportState imports an evaluator by its ID or its identity (the ID). Read
// then reads the rest, and refuses a HARNESS or REMOTE one.
func (r *evaluatorResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, req, resp)
}

// staticParamValidator requires value for a STRING or REGEX static
// parameter and values for a STRING_ARRAY one, and refuses the other: the
// API rejects a mismatch with 400.
type staticParamValidator struct{}

func (staticParamValidator) Description(context.Context) string {
	return "value for STRING and REGEX, values for STRING_ARRAY"
}

func (v staticParamValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (staticParamValidator) ValidateObject(_ context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	attrs := req.ConfigValue.Attributes()
	typ, _ := attrs["type"].(types.String)
	value, _ := attrs["value"].(types.String)
	values, _ := attrs["values"].(types.List)
	if typ.IsNull() || typ.IsUnknown() {
		return
	}
	list := typ.ValueString() == string(arize.StaticParamStringArray)
	want, refuse := "value", "values"
	wantMissing, refusedSet := value.IsNull(), !values.IsNull()
	if list {
		want, refuse = "values", "value"
		wantMissing, refusedSet = values.IsNull(), !value.IsNull()
	}
	if wantMissing {
		resp.Diagnostics.AddAttributeError(req.Path.AtName(want), "Missing "+want,
			fmt.Sprintf("A static parameter of type %q takes its value from %s.", typ.ValueString(), want))
	}
	if refusedSet {
		resp.Diagnostics.AddAttributeError(req.Path.AtName(refuse), refuse+" does not apply to type "+typ.ValueString(),
			fmt.Sprintf("A static parameter of type %q takes its value from %s, not %s.", typ.ValueString(), want, refuse))
	}
}
