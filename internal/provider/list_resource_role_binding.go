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

// roleBindingFilters is the list resource's config.
type roleBindingFilters struct {
	ResourceType types.String `tfsdk:"resource_type"`
	UserID       types.String `tfsdk:"user_id"`
}

func (l *roleBindingListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role_binding"
}

func (l *roleBindingListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds Arize role bindings for `terraform query`, to import them: each result is a binding's " +
			"identity, named `<user_id> on <resource_type> <resource_id>`, and, with `include_resource = true`, all its " +
			"attributes. Arize's list has no filter by resource or by role.",
		Attributes: map[string]schema.Attribute{
			"resource_type": schema.StringAttribute{
				MarkdownDescription: descRoleBindingTypeFilter,
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(roleBindingResourceTypes()...)},
			},
			"user_id": schema.StringAttribute{
				MarkdownDescription: descRoleBindingUserFilter,
				Optional:            true,
				Validators:          roleBindingIDValidators(),
			},
		},
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
	resourceTypes := arize.RoleBindingResourceTypes()
	if t := filters.ResourceType.ValueString(); t != "" {
		resourceTypes = []arize.RoleBindingResourceType{arize.RoleBindingResourceType(t)}
	}
	pages := l.pagesOfEachType(resourceTypes, filters.UserID.ValueString())
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
		case page.HasMore && page.NextCursor != "":
			return items, strconv.Itoa(index) + " " + page.NextCursor, nil
		case index+1 < len(resourceTypes):
			return items, strconv.Itoa(index+1) + " ", nil
		default:
			return items, "", nil
		}
	}
}
