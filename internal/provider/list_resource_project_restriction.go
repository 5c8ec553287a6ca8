package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ list.ListResourceWithConfigure = (*projectRestrictionListResource)(nil)

// projectRestrictionListResource is list "arize_project_restriction", for
// terraform query: it finds the projects restricted outside Terraform (in
// the Arize UI, say) so that their restrictions can be imported.
type projectRestrictionListResource struct {
	client *arize.Client
}

// NewProjectRestrictionListResource returns the arize_project_restriction
// list resource.
func NewProjectRestrictionListResource() list.ListResource {
	return &projectRestrictionListResource{}
}

// projectRestrictionFilters is the list resource's config: the scope
// filters, and one project.
type projectRestrictionFilters struct {
	OrganizationID types.String `tfsdk:"organization_id"`
	SpaceID        types.String `tfsdk:"space_id"`
	ProjectID      types.String `tfsdk:"project_id"`
}

// Descriptions of the list resource's filters.
const (
	descRestrictionListOrganization = "Only the restrictions of the projects of this organization's spaces. Arize's " +
		"restriction list has no such filter: the provider reads the organization, lists its spaces and their projects, " +
		"and keeps the restrictions of those projects, which also names each result by its project."
	descRestrictionListSpace = "Only the restrictions of this space's projects, found as for `organization_id`: the " +
		"provider reads the space and lists its projects. A restriction of a project that the provider's API key " +
		"cannot list is found only without `organization_id` and `space_id`."
	descRestrictionListProject = "Only this project's restriction: one result if the project is restricted, none if it " +
		"is not. A project that does not exist fails the query; with `organization_id` or `space_id` too, the project " +
		"must be in one of the spaces they name."
)

// restrictionDisplayPrefix begins the display name of a restriction whose
// project's name the list did not read.
const restrictionDisplayPrefix = "restriction of project "

func (l *projectRestrictionListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_project_restriction"
}

func (l *projectRestrictionListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	attrs := scopeAttributes(descRestrictionListOrganization, descRestrictionListSpace)
	attrs["project_id"] = schema.StringAttribute{
		MarkdownDescription: descRestrictionListProject,
		Optional:            true,
		Validators:          scopeIDValidators(),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the restricted Arize projects for `terraform query`, to import their restrictions: " +
			"each result is a restriction's identity, its `project_id`, and, with `include_resource = true`, all its " +
			"attributes, as an import reads them. A result is named by its project's name when a filter is set, " +
			"since the filters read the projects in scope anyway, and `" + restrictionDisplayPrefix + "<project_id>` " +
			"without one (naming those would read every project of the account), or when the provider's API key " +
			"may not read the project.\n\n" +
			"Arize's restriction list has no filter, so every filter is applied by the provider: the list is paged " +
			"(through the short and empty pages Arize may answer) until the restrictions in scope are all found, or " +
			"the list ends. Arize lists only the restrictions the provider's API key may manage.",
		Attributes: attrs,
	}
}

func (l *projectRestrictionListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *projectRestrictionListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters projectRestrictionFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	projects, err := l.projectsInScope(ctx, filters)
	if err != nil {
		stream.Results = list.ListResultsStreamDiagnostics(scopeDiagnostics(projectRestriction, err))
		return
	}
	if projects != nil && len(projects) == 0 {
		// No project in scope, so no restriction: the list is not read.
		stream.Results = list.NoListResults
		return
	}
	pages := restrictionsOf(projects, l.client.RestrictionPages(arize.RestrictionListOptions{Limit: maxPageSize}))
	stream.Results = streamResults(ctx, projectRestriction, req.Limit, pages, func(in *arize.ResourceRestriction) list.ListResult {
		return restrictionListResult(ctx, req, restrictionDisplayName(in.ResourceID, projects[in.ResourceID]), in)
	})
}

// projectsInScope are the projects whose restrictions the filters keep, by
// ID, with their names where the filters read them ("" where not); nil
// when no filter is set, and every restriction is kept. It reads what the
// scope filters name (listScope.resolve), then their spaces' projects;
// with project_id alone, that project.
func (l *projectRestrictionListResource) projectsInScope(ctx context.Context, f projectRestrictionFilters) (map[string]string, error) {
	s, err := listScope{OrganizationID: f.OrganizationID, SpaceID: f.SpaceID}.resolve(ctx, l.client)
	if err != nil {
		return nil, err
	}
	projectID := f.ProjectID.ValueString()
	if s.all {
		if projectID == "" {
			return nil, nil
		}
		name, err := l.projectName(ctx, projectID)
		if err != nil {
			return nil, err
		}
		return map[string]string{projectID: name}, nil
	}
	projects, err := s.projects(ctx, l.client)
	if err != nil || projectID == "" {
		return projects, err
	}
	name, ok := projects[projectID]
	if !ok {
		return nil, fmt.Errorf("the project %q is not one of the projects of the spaces that the organization_id and "+
			"space_id filters name, or the provider's API key cannot see it: leave those filters out, or make them agree", projectID)
	}
	return map[string]string{projectID: name}, nil
}

// projectName is the name of the project that project_id names, read with
// one GET, which also fails the query on a project that does not exist. A
// project the key may not read (403) is no error: a restriction keeps the
// roles bound above the project from reaching it, those behind the key
// included, yet the key may still manage the restriction. Its name is ""
// then.
func (l *projectRestrictionListResource) projectName(ctx context.Context, id string) (string, error) {
	p, err := l.client.GetProject(ctx, id)
	switch {
	case arize.IsForbidden(err):
		return "", nil
	case err != nil:
		return "", notInScope("project", id, err)
	}
	return p.Name, nil
}

// restrictionsOf reads the restrictions of the projects in projects (nil:
// of every project) with read, one page of the whole list at a time, since
// the list has no filter. Pages left with none of them go on to the next:
// streamResults reads on while there is a cursor, however short the page.
// Once every project in projects has been found restricted, no page can
// hold more, and the list is read no further.
func restrictionsOf(projects map[string]string, read pageReader[arize.ResourceRestriction]) pageReader[arize.ResourceRestriction] {
	if projects == nil {
		return read
	}
	found := map[string]bool{}
	return func(ctx context.Context, cursor string) ([]arize.ResourceRestriction, string, error) {
		items, next, err := read(ctx, cursor)
		if err != nil {
			return nil, "", err
		}
		var kept []arize.ResourceRestriction
		for _, rr := range items {
			if _, ok := projects[rr.ResourceID]; ok && !found[rr.ResourceID] {
				found[rr.ResourceID] = true
				kept = append(kept, rr)
			}
		}
		if len(found) == len(projects) {
			next = ""
		}
		return kept, next, nil
	}
}

// restrictionDisplayName names the restriction of project id in query
// results: by the project's name when the list read it.
func restrictionDisplayName(id, projectName string) string {
	if projectName == "" {
		return restrictionDisplayPrefix + id
	}
	return projectName
}

// restrictionListResult is one restriction as a query result: its display
// name, its identity (the project, as an import by identity takes it, not
// the {id} of newListResult), and when the query asks for resources, the
// state that an import and the read after it give (saveRestriction).
func restrictionListResult(ctx context.Context, req list.ListRequest, displayName string, in *arize.ResourceRestriction) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = displayName
	result.Diagnostics.Append(setRestrictionIdentity(ctx, result.Identity, in.ResourceID)...)
	if req.IncludeResource {
		// What an import by the project's ID, the restriction's
		// resource_id, and the read after it give.
		m := restrictionModel(in.ResourceID, in)
		result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
	}
	return result
}
