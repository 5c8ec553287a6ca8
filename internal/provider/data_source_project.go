package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ datasource.DataSourceWithConfigure        = (*projectDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*projectDataSource)(nil)
)

// projectDataSource is data "arize_project": one project, looked up by id,
// or by exact name within a space (names are unique only there).
type projectDataSource struct {
	client *arize.Client
}

// NewProjectDataSource returns the arize_project data source.
func NewProjectDataSource() datasource.DataSource {
	return &projectDataSource{}
}

// projectDataSourceAttributes are a project's attributes as data sources
// expose them: everything the API returns, all computed.
func projectDataSourceAttributes() map[string]schema.Attribute {
	computedString := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	return map[string]schema.Attribute{
		"id":         computedString(descProjectOwnID),
		"space_id":   computedString(descProjectSpaceID),
		"name":       computedString(descProjectName),
		"created_at": computedString(descProjectCreatedAt),
	}
}

func (d *projectDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_project"
}

func (d *projectDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := projectDataSourceAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: descProjectOwnID + " Give exactly one of `id` and `name`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["name"] = schema.StringAttribute{
		MarkdownDescription: descProjectName + " Matched exactly, case included, within `space_id`, which it needs. " +
			"Give exactly one of `id` and `name`.",
		Optional: true,
		Computed: true,
		Validators: append(projectNameValidators(),
			// Project names are unique only within a space.
			stringvalidator.AlsoRequires(path.MatchRoot("space_id"))),
	}
	attrs["space_id"] = schema.StringAttribute{
		MarkdownDescription: descProjectSpaceID + " Required with `name`. With `id`, optional: when given, the project " +
			"must belong to it.",
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one Arize project by `id`, or by exact `name` within a space (`space_id`), for " +
			"example to restrict it (`arize_project_restriction`) or to bind a role on it (`arize_role_binding`) when " +
			"Terraform does not manage the project. A lookup by `id` is one request; one by `name` lists the space's " +
			"projects whose names contain it and keeps the one named exactly that. " + descProjectForbiddenLookup,
		Attributes: attrs,
	}
}

// descProjectForbiddenLookup says what a 403 means to a lookup.
const descProjectForbiddenLookup = "A project hidden from the provider's API key (a restricted project that no role " +
	"of the key's identity is bound on, or one in a private space) is an error by `id`, and not found by `name`."

func (d *projectDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *projectDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *projectDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg projectModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	spaceID := cfg.SpaceID.ValueString()
	var found *arize.Project
	if id := cfg.ID.ValueString(); id != "" {
		found = d.byID(ctx, id, &resp.Diagnostics)
		if found != nil && spaceID != "" && found.SpaceID != spaceID {
			resp.Diagnostics.AddAttributeError(path.Root("space_id"), "Project not in this space",
				fmt.Sprintf("Project %q (ID %s) belongs to the space with ID %q, not %q.", found.Name, found.ID, found.SpaceID, spaceID))
			return
		}
	} else {
		found = d.byName(ctx, spaceID, cfg.Name.ValueString(), &resp.Diagnostics)
	}
	if found == nil {
		return
	}
	out := projectFromAPI(found)
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}

// byID reads the project id: an unknown id is an error on id, and a 403
// says why a project can be hidden.
func (d *projectDataSource) byID(ctx context.Context, id string, diags *diag.Diagnostics) *arize.Project {
	got, err := d.client.GetProject(ctx, id)
	if arize.IsForbidden(err) {
		diags.AddAttributeError(path.Root("id"), project.couldNot("read"), projectReadErrorDetail("", id, err))
		return nil
	}
	return lookupByID(ctx, project, id, func(context.Context, string) (*arize.Project, error) { return got, err }, diags)
}

// byName finds the project named exactly name in the space spaceID. The
// API's name filter matches substrings, ignoring case, so every page of
// its candidates is read and compared.
func (d *projectDataSource) byName(ctx context.Context, spaceID, name string, diags *diag.Diagnostics) *arize.Project {
	opts := arize.ProjectListOptions{SpaceID: spaceID, Name: name, Limit: maxPageSize}
	candidates, err := d.client.ListProjects(ctx, opts)
	if err = projectListError(opts, err, diags); diags.HasError() {
		return nil
	}
	return lookupByName(ctx, project, name,
		func(context.Context, string) ([]arize.Project, error) { return candidates, err },
		func(in *arize.Project) (string, string) { return in.Name, in.ID },
		diags)
}

// projectListError reads a failed list of the projects opts selects. The
// API answers 404 when a space filter names no space the key can see: for
// space_id, an error on that attribute, added to diags; for space_name
// alone, no project matches, which is no error. Any other error is
// returned.
func projectListError(opts arize.ProjectListOptions, err error, diags *diag.Diagnostics) error {
	if !arize.IsNotFound(err) {
		return err
	}
	if opts.SpaceID == "" {
		return nil
	}
	detail := fmt.Sprintf("No space with ID %q exists that the provider's API key can see", opts.SpaceID)
	if opts.SpaceName != "" {
		detail += fmt.Sprintf(", or no space whose name contains %q", opts.SpaceName)
	}
	diags.AddAttributeError(path.Root("space_id"), space.notFound(), detail+".\n\n"+err.Error())
	return nil
}
