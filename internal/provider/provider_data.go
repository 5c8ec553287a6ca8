package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// providerData is what the provider's Configure hands every resource, data
// source and list resource of one provider process: the one client, and
// what the process has learnt of the account's AI integrations.
type providerData struct {
	client *arize.Client
	models *integrationModels
}

// clientFrom takes the client the provider's Configure made, from the
// ProviderData of a resource's, data source's or list resource's Configure.
// Nil data means the provider is not configured yet (validation runs before
// it is), and the client is then nil.
func clientFrom(data any, diags *diag.Diagnostics) *arize.Client {
	if d := providerDataFrom(data, diags); d != nil {
		return d.client
	}
	return nil
}

// modelsFrom takes the integrations' model names from the same data; nil
// before Configure.
func modelsFrom(data any, diags *diag.Diagnostics) *integrationModels {
	if d := providerDataFrom(data, diags); d != nil {
		return d.models
	}
	return nil
}

func providerDataFrom(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	d, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected a *providerData, got %T. This is a bug in the provider.", data))
	}
	return d
}
