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

var _ datasource.DataSourceWithConfigure = (*projectsDataSource)(nil)

// projectsDataSource is data "arize_projects": every project that matches
// the API's list filters.
type projectsDataSource struct {
	client *arize.Client
}

// NewProjectsDataSource returns the arize_projects data source.
func NewProjectsDataSource() datasource.DataSource {
	return &projectsDataSource{}
}

// projectFilters are the project list API's filters, which data
// "arize_projects" and list "arize_project" both take.
type projectFilters struct {
	SpaceID   types.String `tfsdk:"space_id"`
	SpaceName types.String `tfsdk:"space_name"`
	Name      types.String `tfsdk:"name"`
}

// projectFilterDescriptions describe the filters, by attribute name.
var projectFilterDescriptions = map[string]string{
	"space_id":   descProjectSpaceIDFilter,
	"space_name": descProjectSpaceNameFilter,
	"name":       descProjectNameFilter,
}

// projectFilterValidators are the filters' checks, as the API makes them:
// an empty filter would match everything, which leaving it out says, and
// a name filter longer than a name is refused.
var projectFilterValidators = map[string][]validator.String{
	"space_id":   {stringvalidator.LengthAtLeast(1)},
	"space_name": {stringvalidator.UTF8LengthBetween(1, maxNameChars)},
	"name":       {stringvalidator.UTF8LengthBetween(1, maxNameChars)},
}

// options turns the filters into the client's list options, at the largest
// page size.
func (f projectFilters) options() arize.ProjectListOptions {
	return arize.ProjectListOptions{
		SpaceID:   f.SpaceID.ValueString(),
		SpaceName: f.SpaceName.ValueString(),
		Name:      f.Name.ValueString(),
		Limit:     maxPageSize,
	}
}

type projectsModel struct {
	projectFilters
	Projects []projectModel `tfsdk:"projects"`
}

func (d *projectsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_projects"
}

func (d *projectsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listFilterDataSourceAttributes(projectFilterDescriptions, projectFilterValidators)
	attrs["projects"] = schema.ListNestedAttribute{
		MarkdownDescription: "The matching projects, in the order the API returns them (the order they were made in).",
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: projectDataSourceAttributes()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Arize projects that match the filters, through every page of the API: those " +
			"the provider's API key can see (a project in a private space of which its identity is not a member is " +
			"left out). No match is an empty list, not an error.",
		Attributes: attrs,
	}
}

func (d *projectsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *projectsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg projectsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	opts := cfg.options()
	all, err := d.client.ListProjects(ctx, opts)
	if err = projectListError(opts, err, &resp.Diagnostics); err != nil {
		resp.Diagnostics.AddError(project.couldNotList(), apiErrorDetail(project, err))
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	cfg.Projects = make([]projectModel, len(all))
	for i := range all {
		cfg.Projects[i] = projectFromAPI(&all[i])
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
