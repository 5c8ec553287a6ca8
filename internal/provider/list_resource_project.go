package provider

import (
	"context"
	"fmt"

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
// same filters as data "arize_projects".
type projectListResource struct {
	client *arize.Client
}

// NewProjectListResource returns the arize_project list resource.
func NewProjectListResource() list.ListResource {
	return &projectListResource{}
}

func (l *projectListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_project"
}

func (l *projectListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds Arize projects for `terraform query`, to import them: each result is a project's " +
			"identity, named by its name, and, with `include_resource = true`, all its attributes. Those come with " +
			"`deletion_protection = true`, the default an import gets. Only the projects the provider's API key can " +
			"see are found.",
		Attributes: listFilterListAttributes(projectFilterDescriptions, projectFilterValidators),
	}
}

func (l *projectListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *projectListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters projectFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	opts := filters.options()
	pages := func(ctx context.Context, cursor string) ([]arize.Project, string, error) {
		items, page, err := l.client.ListProjectsPage(ctx, opts, cursor)
		switch {
		case arize.IsNotFound(err) && opts.SpaceID != "":
			// The API's answer to a space_id that names no space.
			return nil, "", fmt.Errorf("no space with ID %q exists that the provider's API key can see: %w", opts.SpaceID, err)
		case arize.IsNotFound(err):
			// The answer to a space_name that matches no space: no
			// project matches either.
			return nil, "", nil
		case err != nil:
			return nil, "", err
		case page.HasMore:
			return items, page.NextCursor, nil
		default:
			return items, "", nil
		}
	}
	stream.Results = streamResults(ctx, project, req.Limit, pages, func(in *arize.Project) list.ListResult {
		return newListResult(ctx, req, in.Name, in.ID, func() (any, diag.Diagnostics) {
			// What an import reads: protected, as the schema's default is,
			// so that the configuration terraform query generates plans no
			// change.
			m := projectResourceModel{projectModel: projectFromAPI(in), DeletionProtection: types.BoolValue(true)}
			return &m, nil
		})
	})
}
