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

var _ datasource.DataSourceWithConfigure = (*spacesDataSource)(nil)

// spacesDataSource is data "arize_spaces": every space that matches the
// API's list filters.
type spacesDataSource struct {
	client *arize.Client
}

// NewSpacesDataSource returns the arize_spaces data source.
func NewSpacesDataSource() datasource.DataSource {
	return &spacesDataSource{}
}

// spaceListFilters are the space list API's filters, which data
// "arize_spaces" and list "arize_space" both take.
type spaceListFilters struct {
	OrganizationID types.String `tfsdk:"organization_id"`
	Name           types.String `tfsdk:"name"`
}

// spaceListFilterDescriptions describe the filters, by attribute name.
var spaceListFilterDescriptions = map[string]string{
	"organization_id": descSpaceOrgFilter,
	"name":            descSpaceNameFilter,
}

// spaceListFilterValidators are the filters' checks: the API refuses a name
// filter longer than a name.
var spaceListFilterValidators = map[string][]validator.String{
	"organization_id": {stringvalidator.LengthAtLeast(1)},
	"name":            {stringvalidator.UTF8LengthBetween(1, maxNameChars)},
}

// options turns the filters into the client's list options, at the largest
// page size.
func (f spaceListFilters) options() arize.SpaceListOptions {
	return arize.SpaceListOptions{
		OrganizationID: f.OrganizationID.ValueString(),
		Name:           f.Name.ValueString(),
		Limit:          maxPageSize,
	}
}

type spacesModel struct {
	spaceListFilters
	Spaces []spaceModel `tfsdk:"spaces"`
}

func (d *spacesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_spaces"
}

func (d *spacesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{}
	for name, desc := range spaceListFilterDescriptions {
		attrs[name] = schema.StringAttribute{
			MarkdownDescription: desc,
			Optional:            true,
			Validators:          spaceListFilterValidators[name],
		}
	}
	items := spaceDataSourceAttributes()
	items["organization_id"] = schema.StringAttribute{
		MarkdownDescription: descSpaceOrganizationID + " Known when the `organization_id` filter is given; null otherwise, " +
			"as the API's list does not say it.",
		Computed: true,
	}
	attrs["spaces"] = schema.ListNestedAttribute{
		MarkdownDescription: "The matching spaces, in the order the API returns them.",
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: items},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Arize spaces that match the filters, through every page of the API. " +
			"No match is an empty list, not an error. Private spaces the provider's API key cannot see are not listed.",
		Attributes: attrs,
	}
}

func (d *spacesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *spacesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg spacesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := d.client.ListSpaces(ctx, cfg.options())
	if err != nil {
		resp.Diagnostics.AddError(space.couldNotList(), apiErrorDetail(space, err))
		return
	}
	cfg.Spaces = make([]spaceModel, len(all))
	for i := range all {
		cfg.Spaces[i] = spaceFromAPI(&all[i], cfg.OrganizationID.ValueString())
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
