package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ list.ListResourceWithConfigure = (*roleListResource)(nil)

// roleListResource is list "arize_role", for terraform query: it finds the
// custom roles made outside Terraform so they can be imported. Predefined
// roles are left out: arize_role refuses to import them.
type roleListResource struct {
	client *arize.Client
}

// NewRoleListResource returns the arize_role list resource.
func NewRoleListResource() list.ListResource {
	return &roleListResource{}
}

func (l *roleListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role"
}

func (l *roleListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the custom Arize roles of the account for `terraform query`, to import them: each " +
			"result is a role's identity, named by its name, and, with `include_resource = true`, all its attributes. " +
			"Arize's predefined roles are left out, since `arize_role` cannot manage them; the `arize_roles` data " +
			"source lists them. Arize's role list has no filter by name, so this takes no configuration.",
		Attributes: map[string]schema.Attribute{},
	}
}

func (l *roleListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *roleListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	custom := false
	opts := arize.RoleListOptions{IsPredefined: &custom, Limit: maxPageSize}
	pages := func(ctx context.Context, cursor string) ([]arize.Role, string, error) {
		items, page, err := l.client.ListRolesPage(ctx, opts, cursor)
		switch {
		case err != nil:
			return nil, "", err
		default:
			next, err := page.Next()
			return items, next, err
		}
	}
	stream.Results = streamResults(ctx, customRole, req.Limit, pages, func(in *arize.Role) list.ListResult {
		return newListResult(ctx, req, in.Name, in.ID, func() (any, diag.Diagnostics) {
			// What an import reads.
			var m roleModel
			m.setFromAPI(in)
			return &m, nil
		})
	})
}
