package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ datasource.DataSourceWithConfigure = (*aiIntegrationsDataSource)(nil)

// aiIntegrationsDataSource is data "arize_ai_integrations": every
// integration that matches the API's list filters.
type aiIntegrationsDataSource struct {
	client IntegrationsAPI
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
	filter := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc,
			Optional:            true,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		}
	}
	attrs := map[string]schema.Attribute{
		"ai_integrations": schema.ListNestedAttribute{
			MarkdownDescription: "The matching integrations, in the order the API returns them.",
			Computed:            true,
			NestedObject:        schema.NestedAttributeObject{Attributes: integrationDataSourceAttributes()},
		},
	}
	for name, desc := range listFilterDescriptions {
		attrs[name] = filter(desc)
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
		resp.Diagnostics.AddError("Could not list Arize AI integrations", apiErrorDetail(err))
		return
	}
	cfg.AIIntegrations = make([]integrationModel, len(all))
	for i := range all {
		resp.Diagnostics.Append(cfg.AIIntegrations[i].setFromAPI(ctx, &all[i])...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}

// options turns the filters into the client's list options.
func (f listFilters) options() arize.ListOptions {
	return arize.ListOptions{
		Name:      f.Name.ValueString(),
		SpaceID:   f.SpaceID.ValueString(),
		SpaceName: f.SpaceName.ValueString(),
		Limit:     maxPageSize,
	}
}
