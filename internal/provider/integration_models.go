package provider

import (
	"fmt"
	"slices"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// integrationModels remembers, for one provider process, the model names of
// the AI integrations it has read or planned, by ID. Terraform reads and
// plans an integration before the evaluators that reference it, in the same
// process, so an evaluator's plan can say when its model_name is not one
// of its integration's without an API call of its own.
type integrationModels struct {
	mu   sync.Mutex
	byID map[string][]string
}

func newIntegrationModels() *integrationModels {
	return &integrationModels{byID: map[string][]string{}}
}

// record notes the model names of integration id, as read or as planned.
func (m *integrationModels) record(id string, names []string) {
	if m == nil || id == "" {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.byID[id] = slices.Clone(names)
}

// offers reports whether integration id lists model among its model names.
// known is false when this process has not seen the integration, or when
// the integration lists none (it offers its provider's defaults, which are
// not known here).
func (m *integrationModels) offers(id, model string) (offered, known bool) {
	if m == nil {
		return false, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	names, seen := m.byID[id]
	if !seen || len(names) == 0 {
		return false, false
	}
	return slices.Contains(names, model), true
}

// warnUnofferedModel adds a warning on the attribute at when model is known
// and is not among the model names of integration integrationID, as far as
// this process knows them. Arize does not check it (the judge fails when it
// runs), so it is a warning, not an error; and it costs no API call, so an
// integration this process has not seen gets none.
func warnUnofferedModel(models *integrationModels, integrationID, model types.String, at path.Path, diags *diag.Diagnostics) {
	if integrationID.IsUnknown() || integrationID.IsNull() || model.IsUnknown() || model.IsNull() {
		return
	}
	offered, known := models.offers(integrationID.ValueString(), model.ValueString())
	if !known || offered {
		return
	}
	diags.AddAttributeWarning(at, "Model not offered by the AI integration", fmt.Sprintf(
		"The AI integration %s does not list %q among its model_names. Arize does not check this when it saves the "+
			"evaluator, but the judge will fail when it runs unless the provider serves that model. Add the model to the "+
			"integration's model_names, or choose one it lists.", integrationID.ValueString(), model.ValueString()))
}
