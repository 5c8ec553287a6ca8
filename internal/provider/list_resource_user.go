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

var _ list.ListResourceWithConfigure = (*userListResource)(nil)

// userListResource is list "arize_user", for terraform query: it finds
// users made outside Terraform so they can be imported, with the filters of
// data "arize_users".
type userListResource struct {
	client *arize.Client
}

// NewUserListResource returns the arize_user list resource.
func NewUserListResource() list.ListResource {
	return &userListResource{}
}

func (l *userListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (l *userListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the users of the Arize account for `terraform query`, to import them: each result " +
			"is a user's identity, named by the user's email, and, with `include_resource = true`, all its attributes. " +
			"Those come as an import gives them: `deletion_protection = true`, and no `invite_mode` (it applies to new " +
			"users only) or `temporary_password` (Arize answers it once, to the create).",
		Attributes: map[string]schema.Attribute{
			"email": schema.StringAttribute{
				MarkdownDescription: descUserEmailFilter,
				Optional:            true,
				Validators:          userEmailFilterValidators,
			},
			"statuses": schema.ListAttribute{
				MarkdownDescription: descUserStatusesFilter,
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          userStatusesFilterValidators,
			},
		},
	}
}

func (l *userListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *userListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters userFilters
	diags := req.Config.Get(ctx, &filters)
	opts := filters.options(ctx, &diags)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	pages := func(ctx context.Context, cursor string) ([]arize.User, string, error) {
		items, page, err := l.client.ListUsersPage(ctx, opts, cursor)
		switch {
		case err != nil:
			return nil, "", err
		default:
			next, err := page.Next()
			return items, next, err
		}
	}
	stream.Results = streamResults(ctx, userObject, req.Limit, pages, func(in *arize.User) list.ListResult {
		// Named by the email: unique in the account, where names are not.
		return newListResult(ctx, req, in.Email, in.ID, func() (any, diag.Diagnostics) {
			// What an import reads: protected, as the schema's default is,
			// and neither invite_mode nor temporary_password, which no
			// read returns; so the configuration terraform query generates
			// plans no change.
			m := userResourceModel{
				DeletionProtection: types.BoolValue(true),
				InviteMode:         types.StringNull(),
				TemporaryPassword:  types.StringNull(),
			}
			m.setFromAPI(in)
			return &m, nil
		})
	})
}
