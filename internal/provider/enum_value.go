package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// Arize has spelt its enum values two ways (OPEN_AI and openAI, DEFAULT and
// default: see arize.Spelling), and users may write either. enumType is the
// string type of ai_provider and auth_type: two spellings of one value are
// semantically equal, so the framework keeps what the user wrote when Arize
// answers in the other spelling, and keepStateSpelling stops a plan from
// showing a change between them; keepPriorIfNothingChanges then keeps a
// resource from planning an update that would send nothing.

var (
	_ basetypes.StringTypable                    = enumType{}
	_ basetypes.StringValuableWithSemanticEquals = enumValue{}
)

// enumType is a string whose spellings of one Arize enum value are equal.
type enumType struct {
	basetypes.StringType
}

func (t enumType) Equal(o attr.Type) bool {
	other, ok := o.(enumType)
	return ok && t.StringType.Equal(other.StringType)
}

func (t enumType) String() string { return "enumType" }

func (t enumType) ValueType(context.Context) attr.Value { return enumValue{} }

func (t enumType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return enumValue{StringValue: in}, nil
}

func (t enumType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return enumValue{StringValue: s}, nil
}

// enumValue is a value of enumType.
type enumValue struct {
	basetypes.StringValue
}

func enumOf(s string) enumValue { return enumValue{StringValue: basetypes.NewStringValue(s)} }

func (v enumValue) Type(context.Context) attr.Type { return enumType{} }

func (v enumValue) Equal(o attr.Value) bool {
	other, ok := o.(enumValue)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals reports whether two values are one enum value, in
// whichever spelling.
func (v enumValue) StringSemanticEquals(_ context.Context, other basetypes.StringValuable) (bool, diag.Diagnostics) {
	o, ok := other.(enumValue)
	if !ok {
		return false, nil
	}
	return arize.SameEnumValue(v.ValueString(), o.ValueString()), nil
}

// sameEnum reports whether a and b are both known and one value, whatever
// their spelling.
func sameEnum(a, b enumValue) bool {
	if a.IsNull() || a.IsUnknown() || b.IsNull() || b.IsUnknown() {
		return a.Equal(b)
	}
	return arize.SameEnumValue(a.ValueString(), b.ValueString())
}

// keepStateSpelling plans the state's value when the planned one is the same
// enum value spelt the other way: a config written in today's spelling
// against state written in the published page's (after an upgrade, or an
// import from a server of the other spelling) plans no change. Terraform
// accepts a planned value that differs from the config only in this way: the
// prior value, returned unchanged.
type keepStateSpelling struct{}

func (keepStateSpelling) Description(context.Context) string {
	return "keeps the state's spelling of an equal enum value"
}

func (m keepStateSpelling) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (keepStateSpelling) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() {
		return
	}
	if req.PlanValue.ValueString() != req.StateValue.ValueString() &&
		arize.SameEnumValue(req.PlanValue.ValueString(), req.StateValue.ValueString()) {
		resp.PlanValue = req.StateValue
	}
}

// keepPriorIfNothingChanges is for a resource's ModifyPlan: it undoes the
// framework's unknown at attr (a computed attribute the server sets on every
// update, such as updated_at) when the plan is otherwise the prior state. A
// config that changed only the spelling of an enum differs from the state
// until keepStateSpelling plans the state's spelling, and by then the
// framework has marked every computed attribute unknown, which would plan an
// update that sends nothing.
func keepPriorIfNothingChanges(ctx context.Context, attr path.Path, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return // create or destroy
	}
	var planned, prior types.String
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, attr, &planned)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, attr, &prior)...)
	if resp.Diagnostics.HasError() || !planned.IsUnknown() {
		return
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, attr, prior)...)
	if !resp.Plan.Raw.Equal(req.State.Raw) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, attr, planned)...)
	}
}

// providerValues lists every accepted spelling of ai_provider, today's first.
func providerValues() []string {
	var out []string
	for _, p := range arize.ProviderSpellings() {
		out = append(out, string(p))
	}
	return out
}

// authTypeValues lists every accepted spelling of auth_type, today's first.
func authTypeValues() []string {
	var out []string
	for _, a := range arize.AuthTypeSpellings() {
		out = append(out, string(a))
	}
	return out
}
