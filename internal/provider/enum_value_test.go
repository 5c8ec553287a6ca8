package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestEnumValueSemanticEquals(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"OPEN_AI", "openAI", true},
		{"awsBedrock", "AWS_BEDROCK", true},
		{"DEFAULT", "default", true},
		{"PROXY_WITH_HEADERS", "proxy_with_headers", true},
		{"OPEN_AI", "AZURE_OPEN_AI", false},
		{"default", "bearer_token", false},
		{"openai", "OPEN_AI", false}, // not a listed spelling
		{"NEW_VENDOR", "NEW_VENDOR", true},
	} {
		got, diags := enumOf(c.a).StringSemanticEquals(ctx, enumOf(c.b))
		if diags.HasError() || got != c.want {
			t.Errorf("%q ~ %q = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	if got, _ := enumOf("OPEN_AI").StringSemanticEquals(ctx, types.StringValue("OPEN_AI")); got {
		t.Error("a value of another type must not be semantically equal")
	}
	if enumOf("OPEN_AI").Equal(enumOf("openAI")) {
		t.Error("Equal must stay exact: semantic equality is the framework's to apply")
	}
}

func TestEnumTypeRoundTrip(t *testing.T) {
	ctx := context.Background()
	v, err := enumType{}.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.String, "GEMINI"))
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := v.(enumValue); !ok || got.ValueString() != "GEMINI" || !got.Type(ctx).Equal(enumType{}) {
		t.Errorf("ValueFromTerraform = %#v", v)
	}
	null, err := enumType{}.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.String, nil))
	if err != nil || !null.IsNull() {
		t.Errorf("null: %#v, %v", null, err)
	}
}

func TestKeepStateSpelling(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name        string
		state, plan types.String
		wantPlan    types.String
	}{
		{"respelt", types.StringValue("openAI"), types.StringValue("OPEN_AI"), types.StringValue("openAI")},
		{"respelt default", types.StringValue("default"), types.StringValue("DEFAULT"), types.StringValue("default")},
		{"changed", types.StringValue("openAI"), types.StringValue("ANTHROPIC"), types.StringValue("ANTHROPIC")},
		{"same", types.StringValue("OPEN_AI"), types.StringValue("OPEN_AI"), types.StringValue("OPEN_AI")},
		{"create", types.StringNull(), types.StringValue("OPEN_AI"), types.StringValue("OPEN_AI")},
		{"unknown", types.StringValue("openAI"), types.StringUnknown(), types.StringUnknown()},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := planmodifier.StringRequest{StateValue: c.state, PlanValue: c.plan, ConfigValue: c.plan}
			resp := &planmodifier.StringResponse{PlanValue: c.plan}
			keepStateSpelling{}.PlanModifyString(ctx, req, resp)
			if !resp.PlanValue.Equal(c.wantPlan) {
				t.Errorf("planned %s, want %s", resp.PlanValue, c.wantPlan)
			}
		})
	}
}
