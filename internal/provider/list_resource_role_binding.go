package provider

import (
	"context"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ list.ListResourceWithConfigure = (*roleBindingListResource)(nil)

// roleBindingListResource is list "arize_role_binding", for terraform
// query: it finds bindings made outside Terraform (in the Arize UI, or by
// another configuration) so they can be imported.
type roleBindingListResource struct {
	client *arize.Client
}

// NewRoleBindingListResource returns the arize_role_binding list resource.
func NewRoleBindingListResource() list.ListResource {
	return &roleBindingListResource{}
}

// roleBindingFilters is the list resource's config: the API's filters, and
// the scope filters, which the provider applies to the API's answer.
type roleBindingFilters struct {
	listScope
	ResourceType types.String `tfsdk:"resource_type"`
	UserID       types.String `tfsdk:"user_id"`
}

// The list resource's descriptions of its scope filters.
const (
	descRoleBindingListOrganizationFilter = "Only the bindings on the spaces of the organization with this ID, and on " +
		"the projects of those spaces. The API has no such filter: the provider reads the organization's spaces (and " +
		"each one's projects, once a binding on a project is listed) and keeps the bindings on them."
	descRoleBindingListSpaceFilter = "Only the bindings on the space with this ID and on its projects. The API has no " +
		"such filter: the provider reads the space (and its projects, once a binding on a project is listed) and " +
		"keeps the bindings on them."
)

func (l *roleBindingListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role_binding"
}

func (l *roleBindingListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	attrs := scopeAttributes(descRoleBindingListOrganizationFilter, descRoleBindingListSpaceFilter)
	attrs["resource_type"] = schema.StringAttribute{
		MarkdownDescription: descRoleBindingTypeFilter,
		Optional:            true,
		Validators:          []validator.String{stringvalidator.OneOf(roleBindingResourceTypes()...)},
	}
	attrs["user_id"] = schema.StringAttribute{
		MarkdownDescription: descRoleBindingUserFilter,
		Optional:            true,
		Validators:          roleBindingIDValidators(),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds Arize role bindings for `terraform query`, to import them: each result is a binding's " +
			"identity, named `<user_id> on <resource_type> <resource_id>`, and, with `include_resource = true`, all its " +
			"attributes. Arize's list has no filter by resource or by role: `organization_id` and `space_id` page " +
			"through the bindings of the account and keep those in scope.",
		Attributes: attrs,
	}
}

func (l *roleBindingListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *roleBindingListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters roleBindingFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	s, err := filters.resolve(ctx, l.client)
	if err != nil {
		stream.Results = list.ListResultsStreamDiagnostics(scopeDiagnostics(roleBinding, err))
		return
	}
	if !s.all && len(s.spaces) == 0 {
		// An organization without spaces: no binding is in scope.
		stream.Results = list.NoListResults
		return
	}
	resourceTypes := arize.RoleBindingResourceTypes()
	if t := filters.ResourceType.ValueString(); t != "" {
		resourceTypes = []arize.RoleBindingResourceType{arize.RoleBindingResourceType(t)}
	}
	pages := l.inScope(s, l.pagesOfEachType(resourceTypes, filters.UserID.ValueString()))
	stream.Results = streamResults(ctx, roleBinding, req.Limit, pages, func(in *arize.RoleBinding) list.ListResult {
		return newListResult(ctx, req, roleBindingDisplayName(in), in.ID, func() (any, diag.Diagnostics) {
			m := roleBindingFromAPI(in)
			return &m, nil
		})
	})
}

// pagesOfEachType reads the pages of userID's bindings ("" for everyone's)
// of each resource type in turn: the API lists one type per call. Its
// cursor is the index of the type, a space, and that type's own cursor.
func (l *roleBindingListResource) pagesOfEachType(resourceTypes []arize.RoleBindingResourceType, userID string) pageReader[arize.RoleBinding] {
	return func(ctx context.Context, cursor string) ([]arize.RoleBinding, string, error) {
		index, typeCursor := 0, ""
		if cursor != "" {
			n, rest, _ := strings.Cut(cursor, " ")
			index, _ = strconv.Atoi(n)
			typeCursor = rest
		}
		opts := arize.RoleBindingListOptions{ResourceType: resourceTypes[index], UserID: userID, Limit: maxPageSize}
		items, page, err := l.client.ListRoleBindingsPage(ctx, opts, typeCursor)
		switch {
		case err != nil:
			return nil, "", err
		case page.HasMore:
			// A page that says more follow without a cursor fails the list:
			// moving on to the next would miss what follows.
			next, err := page.Next()
			if err != nil {
				return nil, "", err
			}
			return items, strconv.Itoa(index) + " " + next, nil
		case index+1 < len(resourceTypes):
			return items, strconv.Itoa(index+1) + " ", nil
		default:
			return items, "", nil
		}
	}
}

// inScope is read with only the bindings on the spaces of s and on their
// projects: the API cannot filter by resource. The projects of those spaces
// are read (one list per space) when the first binding on a project comes,
// so that a list of bindings on spaces alone, or an account with no binding
// on a project, costs no request for them.
func (l *roleBindingListResource) inScope(s scope, read pageReader[arize.RoleBinding]) pageReader[arize.RoleBinding] {
	if s.all {
		return read
	}
	var projects map[string]string
	return func(ctx context.Context, cursor string) ([]arize.RoleBinding, string, error) {
		items, next, err := read(ctx, cursor)
		if err != nil {
			return nil, "", err
		}
		kept := items[:0]
		for _, b := range items {
			switch b.ResourceType {
			case arize.RoleBindingSpace:
				if s.hasSpace(b.ResourceID) {
					kept = append(kept, b)
				}
			case arize.RoleBindingProject:
				if projects == nil {
					if projects, err = s.projects(ctx, l.client); err != nil {
						return nil, "", err
					}
				}
				if _, ok := projects[b.ResourceID]; ok {
					kept = append(kept, b)
				}
			}
		}
		return kept, next, nil
	}
}
