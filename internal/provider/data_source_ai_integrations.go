package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ datasource.DataSourceWithConfigure = (*aiIntegrationsDataSource)(nil)

// aiIntegrationsDataSource is data "arize_ai_integrations": every
// integration that matches the API's list filters.
type aiIntegrationsDataSource struct {
	client *arize.Client
}

// NewAIIntegrationsDataSource returns the arize_ai_integrations data source.
func NewAIIntegrationsDataSource() datasource.DataSource {
	return &aiIntegrationsDataSource{}
}

type aiIntegrationsModel struct {
	listFilters
	AIIntegrations []integrationModel `tfsdk:"ai_integrations"`
}

func (d *aiIntegrationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ai_integrations"
}

func (d *aiIntegrationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listFilterDataSourceAttributes(listFilterDescriptions, listFilterValidators)
	attrs["ai_integrations"] = schema.ListNestedAttribute{
		MarkdownDescription: "The matching integrations, in the order the API returns them.",
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: integrationDataSourceAttributes()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Arize AI integrations that match the filters, through every page of the API. " +
			"No match is an empty list, not an error.",
		Attributes: attrs,
	}
}

func (d *aiIntegrationsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *aiIntegrationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg aiIntegrationsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := d.client.List(ctx, cfg.options())
	if err != nil {
		resp.Diagnostics.AddError(aiIntegration.couldNotList(), apiErrorDetail(aiIntegration, err))
		return
	}
	cfg.AIIntegrations = make([]integrationModel, len(all))
	for i := range all {
		resp.Diagnostics.Append(cfg.AIIntegrations[i].setFromAPI(ctx, &all[i])...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
