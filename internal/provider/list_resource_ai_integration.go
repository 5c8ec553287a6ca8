package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ list.ListResourceWithConfigure = (*aiIntegrationListResource)(nil)

// aiIntegrationListResource is list "arize_ai_integration", for terraform
// query: it finds integrations made outside Terraform so they can be
// imported, with the same filters as data "arize_ai_integrations".
type aiIntegrationListResource struct {
	client *arize.Client
}

// NewAIIntegrationListResource returns the arize_ai_integration list resource.
func NewAIIntegrationListResource() list.ListResource {
	return &aiIntegrationListResource{}
}

func (l *aiIntegrationListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ai_integration"
}

func (l *aiIntegrationListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds Arize AI integrations for `terraform query`, to import them: each result is an " +
			"integration's identity and, with `include_resource = true`, all its attributes.",
		Attributes: listFilterListAttributes(listFilterDescriptions, listFilterValidators),
	}
}

func (l *aiIntegrationListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *aiIntegrationListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters listFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	opts := filters.options()
	pages := func(ctx context.Context, cursor string) ([]arize.Integration, string, error) {
		page, err := l.client.ListPage(ctx, opts, cursor)
		switch {
		case err != nil:
			return nil, "", err
		case page.Pagination.HasMore:
			return page.Integrations, page.Pagination.NextCursor, nil
		default:
			return page.Integrations, "", nil
		}
	}
	stream.Results = streamResults(ctx, aiIntegration, req.Limit, pages, func(in *arize.Integration) list.ListResult {
		return newListResult(ctx, req, in.Name, in.ID, func() (any, diag.Diagnostics) {
			// What an import reads: the write-only key and its version are null.
			m := aiIntegrationModel{APIKey: types.StringNull(), APIKeyVersion: types.StringNull()}
			diags := m.setFromAPI(ctx, in)
			return &m, diags
		})
	})
}
