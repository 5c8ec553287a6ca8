package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ datasource.DataSourceWithConfigure        = (*aiIntegrationDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*aiIntegrationDataSource)(nil)
)

// aiIntegrationDataSource is data "arize_ai_integration": one integration,
// looked up by id or by exact name.
type aiIntegrationDataSource struct {
	client *arize.Client
	models *integrationModels
}

// NewAIIntegrationDataSource returns the arize_ai_integration data source.
func NewAIIntegrationDataSource() datasource.DataSource {
	return &aiIntegrationDataSource{}
}

func (d *aiIntegrationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ai_integration"
}

func (d *aiIntegrationDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := integrationDataSourceAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: descID + " Give exactly one of `id` and `name`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["name"] = schema.StringAttribute{
		MarkdownDescription: descName + " Matched exactly. Give exactly one of `id` and `name`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one Arize AI integration by `id` or by exact `name`, to reference it from other " +
			"configuration. Exposes every attribute of the integration except its API key, which Arize never returns.",
		Attributes: attrs,
	}
}

func (d *aiIntegrationDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *aiIntegrationDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
	d.models = modelsFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *aiIntegrationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg integrationModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var found *arize.Integration
	if id := cfg.ID.ValueString(); id != "" {
		found = lookupByID(ctx, aiIntegration, id, d.client.Get, &resp.Diagnostics)
	} else {
		found = lookupByName(ctx, aiIntegration, cfg.Name.ValueString(),
			func(ctx context.Context, name string) ([]arize.Integration, error) {
				return d.client.List(ctx, arize.ListOptions{Name: name, Limit: maxPageSize})
			},
			func(in *arize.Integration) (string, string) { return in.Name, in.ID },
			&resp.Diagnostics)
	}
	if found == nil {
		return
	}
	d.models.record(found.ID, found.ModelNames)
	var out integrationModel
	resp.Diagnostics.Append(out.setFromAPI(ctx, found)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}
