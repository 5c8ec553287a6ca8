package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// IntegrationsAPI is what the provider needs of the Arize API. *arize.Client
// is the real one; the benchmark's no-I/O baseline provider supplies one
// that keeps integrations in memory, so the two differ only in the I/O.
type IntegrationsAPI interface {
	Create(ctx context.Context, in arize.CreateRequest) (*arize.Integration, error)
	Get(ctx context.Context, id string) (*arize.Integration, error)
	Update(ctx context.Context, id string, in arize.UpdateRequest) (*arize.Integration, error)
	Delete(ctx context.Context, id string) error
	List(ctx context.Context, opts arize.ListOptions) ([]arize.Integration, error)
	ListPage(ctx context.Context, opts arize.ListOptions, cursor string) (*arize.ListPage, error)
}

var _ IntegrationsAPI = (*arize.Client)(nil)

// clientFrom takes the API the provider's Configure set up. Nil data means
// the provider is not configured yet (validation runs before it is).
func clientFrom(data any, diags *diag.Diagnostics) IntegrationsAPI {
	if data == nil {
		return nil
	}
	client, ok := data.(IntegrationsAPI)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected an IntegrationsAPI, got %T. This is a bug in the provider.", data))
	}
	return client
}
