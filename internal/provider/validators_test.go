package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestHeadersSizeValidator_boundary(t *testing.T) {
	// {"X":"…"} is 8 bytes of JSON around the value.
	for _, tt := range []struct {
		valueLen int
		wantErr  bool
	}{{8175 - 8, false}, {8175 - 7, true}} {
		value := strings.Repeat("v", tt.valueLen)
		m := types.MapValueMust(types.StringType, map[string]attr.Value{"X": types.StringValue(value)})
		resp := &validator.MapResponse{}
		headersSizeValidator{}.ValidateMap(context.Background(), validator.MapRequest{Path: path.Root("headers"), ConfigValue: m}, resp)
		if resp.Diagnostics.HasError() != tt.wantErr {
			t.Errorf("value of %d bytes: error = %t, want %t", tt.valueLen, resp.Diagnostics.HasError(), tt.wantErr)
		}
		for _, d := range resp.Diagnostics {
			if strings.Contains(d.Detail(), value[:20]) {
				t.Errorf("the error quotes a header value: %s", d.Detail())
			}
		}
	}
	unknown := types.MapValueMust(types.StringType, map[string]attr.Value{"X": types.StringUnknown()})
	resp := &validator.MapResponse{}
	headersSizeValidator{}.ValidateMap(context.Background(), validator.MapRequest{Path: path.Root("headers"), ConfigValue: unknown}, resp)
	if resp.Diagnostics.HasError() {
		t.Errorf("an unknown header value is an error at plan: %v", resp.Diagnostics)
	}
}

func TestURLValidators(t *testing.T) {
	tests := []struct {
		v       validator.String
		value   string
		wantErr bool
	}{
		{httpURLValidator{}, "https://llm.example.com/v1", false},
		{httpURLValidator{}, "http://10.0.0.1:8080", false},
		{httpURLValidator{}, "llm.example.com", true},
		{httpURLValidator{}, "ftp://llm.example.com", true},
		{httpURLValidator{}, "https://", true},
		{endpointValidator{}, "https://api.eu-west-1a.arize.com", false},
		{endpointValidator{}, "http://127.0.0.1:8080", false},
		{endpointValidator{}, "http://localhost:8080", false},
		{endpointValidator{}, "http://api.arize.com", true},
		{endpointValidator{}, "api.arize.com", true},
	}
	for _, tt := range tests {
		resp := &validator.StringResponse{}
		tt.v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("x"), ConfigValue: types.StringValue(tt.value)}, resp)
		if resp.Diagnostics.HasError() != tt.wantErr {
			t.Errorf("%T(%q): error = %t, want %t (%v)", tt.v, tt.value, resp.Diagnostics.HasError(), tt.wantErr, resp.Diagnostics)
		}
	}
}

// TestUniqueKnownValues: a list with the same known value twice is
// refused; elements with an unknown part are not compared (two scopings by
// reference are both unknown while Terraform validates, and differ).
func TestUniqueKnownValues(t *testing.T) {
	ctx := context.Background()
	scoping := func(org, space attr.Value) attr.Value {
		return types.ObjectValueMust(scopingAttrTypes, map[string]attr.Value{"organization_id": org, "space_id": space})
	}
	unknown := types.StringUnknown()
	for _, tt := range []struct {
		name      string
		elements  []attr.Value
		duplicate bool
	}{
		{"known and different", []attr.Value{scoping(types.StringValue("o"), types.StringNull()), scoping(types.StringValue("o"), types.StringValue("s"))}, false},
		{"known and equal", []attr.Value{scoping(types.StringValue("o"), types.StringNull()), scoping(types.StringValue("o"), types.StringNull())}, true},
		{"wholly unknown twice", []attr.Value{scoping(unknown, unknown), scoping(unknown, unknown)}, false},
		{"partly unknown twice", []attr.Value{scoping(types.StringValue("o"), unknown), scoping(types.StringValue("o"), unknown)}, false},
		{"equal known beside unknown", []attr.Value{scoping(unknown, unknown), scoping(types.StringValue("o"), types.StringNull()), scoping(types.StringValue("o"), types.StringNull())}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req := validator.ListRequest{Path: path.Root("scopings"), ConfigValue: types.ListValueMust(scopingObjectType, tt.elements)}
			var resp validator.ListResponse
			uniqueKnownValuesValidator{}.ValidateList(ctx, req, &resp)
			if got := resp.Diagnostics.HasError(); got != tt.duplicate {
				t.Errorf("refused: %v, want %v: %v", got, tt.duplicate, resp.Diagnostics)
			}
		})
	}
}
