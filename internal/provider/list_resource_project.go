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

var _ list.ListResourceWithConfigure = (*projectListResource)(nil)

// projectListResource is list "arize_project", for terraform query: it
// finds projects made outside Terraform so they can be imported, with the
// API's filters and the scope filters.
type projectListResource struct {
	client *arize.Client
}

// NewProjectListResource returns the arize_project list resource.
func NewProjectListResource() list.ListResource {
	return &projectListResource{}
}

// projectListResourceFilters are list "arize_project"'s config: the scope
// filters (space_id is also the API's) and the API's name filters.
type projectListResourceFilters struct {
	listScope
	SpaceName types.String `tfsdk:"space_name"`
	Name      types.String `tfsdk:"name"`
}

// The list resource's own descriptions of its scope filters: scopeAttributes
// adds what a missing organization or space does, which data
// "arize_projects"' space_id description says in its own words.
const (
	descProjectListOrganizationFilter = "Only the projects of the spaces of the organization with this ID. The API has " +
		"no organization filter: the provider reads the organization's spaces first."
	descProjectListSpaceFilter = "Only the projects of the space with this ID (the API's `space_id` filter)."
)

func (l *projectListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_project"
}

func (l *projectListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	attrs := scopeAttributes(descProjectListOrganizationFilter, descProjectListSpaceFilter)
	for _, name := range []string{"space_name", "name"} {
		attrs[name] = schema.StringAttribute{
			MarkdownDescription: projectFilterDescriptions[name],
			Optional:            true,
			Validators:          projectFilterValidators[name],
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds Arize projects for `terraform query`, to import them: each result is a project's " +
			"identity, named by its name, and, with `include_resource = true`, all its attributes. Those come with " +
			"`deletion_protection = true`, the default an import gets. Only the projects the provider's API key can " +
			"see are found.",
		Attributes: attrs,
	}
}

func (l *projectListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *projectListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters projectListResourceFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	scoped, err := resolveForSpaceFilter(ctx, l.client, filters.listScope)
	if err != nil {
		stream.Results = list.ListResultsStreamDiagnostics(scopeDiagnostics(project, err))
		return
	}
	if scoped.empty {
		stream.Results = list.NoListResults
		return
	}
	opts := arize.ProjectListOptions{
		SpaceID: scoped.spaceID, SpaceName: filters.SpaceName.ValueString(), Name: filters.Name.ValueString(), Limit: maxPageSize,
	}
	pages := func(ctx context.Context, cursor string) ([]arize.Project, string, error) {
		items, page, err := l.client.ListProjectsPage(ctx, opts, cursor)
		switch {
		case arize.IsNotFound(err):
			return nil, "", l.noSpace(ctx, opts, err)
		case err != nil:
			return nil, "", err
		default:
			next, err := page.Next()
			return items, next, err
		}
	}
	inScope := func(p *arize.Project) bool { return scoped.keep(p.SpaceID) }
	stream.Results = streamResults(ctx, project, req.Limit, keepOnly(pages, inScope), func(in *arize.Project) list.ListResult {
		return newListResult(ctx, req, in.Name, in.ID, func() (any, diag.Diagnostics) {
			// What an import reads: protected, as the schema's default is,
			// so that the configuration terraform query generates plans no
			// change.
			m := projectResourceModel{projectModel: projectFromAPI(in), DeletionProtection: types.BoolValue(true)}
			return &m, nil
		})
	})
}

// noSpace is what the list's 404 (err) means: the API answers it for a
// space_id that names no space, and for a space_name that matches none,
// which finds no project (nil). With both filters, the space itself says
// which it was: one more request, made only after a 404.
func (l *projectListResource) noSpace(ctx context.Context, opts arize.ProjectListOptions, err error) error {
	switch {
	case opts.SpaceID == "":
		return nil
	case opts.SpaceName == "":
		return notInScope("space", opts.SpaceID, err)
	}
	if _, getErr := l.client.GetSpace(ctx, opts.SpaceID); getErr != nil {
		return notInScope("space", opts.SpaceID, getErr)
	}
	return nil
}
