package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ datasource.DataSourceWithConfigure = (*organizationsDataSource)(nil)

// organizationsDataSource is data "arize_organizations": every organization
// whose name matches the API's filter.
type organizationsDataSource struct {
	client *arize.Client
}

// NewOrganizationsDataSource returns the arize_organizations data source.
func NewOrganizationsDataSource() datasource.DataSource {
	return &organizationsDataSource{}
}

// organizationFilters are the organization list API's filters, which data
// "arize_organizations" and list "arize_organization" both take.
type organizationFilters struct {
	Name types.String `tfsdk:"name"`
}

// options turns the filters into the client's list options, at the largest
// page size.
func (f organizationFilters) options() arize.OrganizationListOptions {
	return arize.OrganizationListOptions{Name: f.Name.ValueString(), Limit: maxPageSize}
}

// organizationNameFilterValidators check the name filter as the API does:
// an empty filter would match everything, which leaving it out says.
var organizationNameFilterValidators = []validator.String{stringvalidator.UTF8LengthBetween(1, maxNameChars)}

type organizationsModel struct {
	organizationFilters
	Organizations []organizationModel `tfsdk:"organizations"`
}

func (d *organizationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_organizations"
}

func (d *organizationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Arize organizations of the account, or those whose name matches a filter, " +
			"through every page of the API. No match is an empty list, not an error.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: descOrgNameFilter,
				Optional:            true,
				Validators:          organizationNameFilterValidators,
			},
			"organizations": schema.ListNestedAttribute{
				MarkdownDescription: "The matching organizations, in the order the API returns them.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: organizationDataSourceAttributes()},
			},
		},
	}
}

func (d *organizationsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *organizationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg organizationsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := d.client.ListOrganizations(ctx, cfg.options())
	if err != nil {
		resp.Diagnostics.AddError(organization.couldNotList(), apiErrorDetail(organization, err))
		return
	}
	cfg.Organizations = make([]organizationModel, len(all))
	for i := range all {
		cfg.Organizations[i].setFromAPI(&all[i])
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
