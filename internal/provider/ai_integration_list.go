package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ list.ListResourceWithConfigure = (*aiIntegrationListResource)(nil)

// aiIntegrationListResource is list "arize_ai_integration", for terraform
// query: it finds integrations made outside Terraform so they can be
// imported, with the same filters as data "arize_ai_integrations".
type aiIntegrationListResource struct {
	client IntegrationsAPI
}

// NewAIIntegrationListResource returns the arize_ai_integration list resource.
func NewAIIntegrationListResource() list.ListResource {
	return &aiIntegrationListResource{}
}

func (l *aiIntegrationListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ai_integration"
}

func (l *aiIntegrationListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	filter := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc,
			Optional:            true,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		}
	}
	attrs := map[string]schema.Attribute{}
	for name, desc := range listFilterDescriptions {
		attrs[name] = filter(desc)
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds Arize AI integrations for `terraform query`, to import them: each result is an " +
			"integration's identity and, with `include_resource = true`, all its attributes.",
		Attributes: attrs,
	}
}

func (l *aiIntegrationListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// List streams results page by page, so a query with a limit reads only the
// pages it needs.
func (l *aiIntegrationListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters listFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		opts := filters.options()
		var sent int64
		cursor := ""
		for {
			page, err := l.client.ListPage(ctx, opts, cursor)
			if err != nil {
				var diags diag.Diagnostics
				diags.AddError("Could not list Arize AI integrations", apiErrorDetail(err))
				push(list.ListResult{Diagnostics: diags})
				return
			}
			for i := range page.Integrations {
				if !push(listResult(ctx, req, &page.Integrations[i])) {
					return
				}
				if sent++; req.Limit > 0 && sent >= req.Limit {
					return
				}
			}
			if !page.Pagination.HasMore || page.Pagination.NextCursor == "" {
				return
			}
			cursor = page.Pagination.NextCursor
		}
	}
}

// listResult is one integration as a query result. Its resource is what an
// import would read: the write-only key and its version are null.
func listResult(ctx context.Context, req list.ListRequest, in *arize.Integration) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = in.Name
	result.Diagnostics.Append(setIdentity(ctx, result.Identity, in.ID)...)
	if req.IncludeResource {
		m := aiIntegrationModel{APIKey: types.StringNull(), APIKeyVersion: types.StringNull()}
		result.Diagnostics.Append(m.setFromAPI(ctx, in)...)
		result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
	}
	return result
}
