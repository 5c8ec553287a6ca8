package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestWarnUnofferedModel(t *testing.T) {
	models := newIntegrationModels()
	models.record("listed", []string{"gpt-4o", "gpt-4o-mini"})
	models.record("defaults-only", nil)
	at := path.Root("template").AtName("llm_config").AtName("model_name")
	tests := []struct {
		name        string
		id, model   types.String
		wantWarning bool
	}{
		{"a listed model", types.StringValue("listed"), types.StringValue("gpt-4o"), false},
		{"a model the integration does not list", types.StringValue("listed"), types.StringValue("gpt-5"), true},
		{"an integration that lists none offers its provider's defaults", types.StringValue("defaults-only"), types.StringValue("gpt-5"), false},
		{"an integration this process has not seen", types.StringValue("unseen"), types.StringValue("gpt-5"), false},
		{"an integration not made yet", types.StringUnknown(), types.StringValue("gpt-5"), false},
		{"a model known only at apply", types.StringValue("listed"), types.StringUnknown(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags diag.Diagnostics
			warnUnofferedModel(models, tt.id, tt.model, at, &diags)
			if got := diags.WarningsCount() == 1; got != tt.wantWarning || diags.HasError() {
				t.Fatalf("diagnostics = %v; want a warning: %v", diags, tt.wantWarning)
			}
			if tt.wantWarning {
				if w, ok := diags[0].(diag.DiagnosticWithPath); !ok || !w.Path().Equal(at) {
					t.Errorf("the warning is not on %s: %v", at, diags[0])
				}
			}
		})
	}
	// A later plan of the integration replaces what an earlier read noted.
	models.record("listed", []string{"gpt-5"})
	var diags diag.Diagnostics
	warnUnofferedModel(models, types.StringValue("listed"), types.StringValue("gpt-5"), at, &diags)
	if diags.WarningsCount() != 0 {
		t.Errorf("after the integration's plan lists gpt-5: %v", diags)
	}
}
