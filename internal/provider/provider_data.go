package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// clientFrom takes the client the provider's Configure made, from the
// ProviderData of a resource's, data source's or list resource's Configure.
// Nil data means the provider is not configured yet (validation runs before
// it is), and the client is then nil.
func clientFrom(providerData any, diags *diag.Diagnostics) *arize.Client {
	if providerData == nil {
		return nil
	}
	client, ok := providerData.(*arize.Client)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected an *arize.Client, got %T. This is a bug in the provider.", providerData))
	}
	return client
}
