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
	_ datasource.DataSourceWithConfigure        = (*organizationDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*organizationDataSource)(nil)
)

// organizationDataSource is data "arize_organization": one organization,
// looked up by id or by exact name.
type organizationDataSource struct {
	client *arize.Client
}

// NewOrganizationDataSource returns the arize_organization data source.
func NewOrganizationDataSource() datasource.DataSource {
	return &organizationDataSource{}
}

// organizationDataSourceAttributes are an organization's attributes as data
// sources expose them: everything the API returns, all computed.
func organizationDataSourceAttributes() map[string]schema.Attribute {
	computedString := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	return map[string]schema.Attribute{
		"id":          computedString(descOrgID),
		"name":        computedString(descOrgName),
		"description": computedString(descOrgDescription),
		"created_at":  computedString(descOrgCreatedAt),
	}
}

func (d *organizationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_organization"
}

func (d *organizationDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := organizationDataSourceAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: descOrgID + " Give exactly one of `id` and `name`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["name"] = schema.StringAttribute{
		MarkdownDescription: descOrgName + " Matched exactly, case included. Give exactly one of `id` and `name`.",
		Optional:            true,
		Computed:            true,
		// No name longer than the API allows can match; the API's name
		// filter refuses one, too.
		Validators: []validator.String{stringvalidator.UTF8LengthBetween(1, maxNameChars)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one Arize organization by `id` or by exact `name`, for example to scope an " +
			"`arize_ai_integration` or to place an `arize_space` in an organization that Terraform does not manage.",
		Attributes: attrs,
	}
}

func (d *organizationDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *organizationDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *organizationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg organizationModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var found *arize.Organization
	if id := cfg.ID.ValueString(); id != "" {
		found = lookupByID(ctx, organization, id, d.client.GetOrganization, &resp.Diagnostics)
	} else {
		found = lookupByName(ctx, organization, cfg.Name.ValueString(),
			func(ctx context.Context, name string) ([]arize.Organization, error) {
				return d.client.ListOrganizations(ctx, arize.OrganizationListOptions{Name: name, Limit: maxPageSize})
			},
			func(in *arize.Organization) (string, string) { return in.Name, in.ID },
			&resp.Diagnostics)
	}
	if found == nil {
		return
	}
	var out organizationModel
	out.setFromAPI(found)
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}
