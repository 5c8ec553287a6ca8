package provider

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ list.ListResourceWithConfigure = (*userAPIKeyListResource)(nil)

// userAPIKeyListResource is list "arize_user_api_key", for terraform query:
// it finds the user keys made outside Terraform so they can be adopted.
//
// It finds the keys of the user behind the provider's API key only, though
// Arize lists any user's keys to an account admin: those are the keys
// arize_user_api_key can manage. Its Read looks for a key among that user's
// own (so an imported key of another user would fail every refresh), and
// its create makes a key for that user (so the replacement of another
// user's key would silently make it the provider's user's). A list of
// every user's keys would write configuration that cannot be applied.
type userAPIKeyListResource struct {
	client *arize.Client
}

// NewUserAPIKeyListResource returns the arize_user_api_key list resource.
func NewUserAPIKeyListResource() list.ListResource {
	return &userAPIKeyListResource{}
}

// userAPIKeyListFilters is the list resource's config.
type userAPIKeyListFilters struct {
	Name types.String `tfsdk:"name"`
}

func (l *userAPIKeyListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_api_key"
}

func (l *userAPIKeyListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds user API keys for `terraform query`, to adopt them: each result is a key's identity, " +
			"named by the key's name, and, with `include_resource = true`, all its attributes as an import reads them.\n\n" +
			"**Whose keys.** The keys of the user whose API key the provider uses, only: those are the keys " +
			"`arize_user_api_key` can manage, since it reads a key among that user's own and makes a new one (a " +
			"replacement) for that user. Arize lists other users' keys to an account admin, but a key of another user " +
			"cannot be managed by this provider, so it is not offered for adoption: its user adopts it with their own " +
			"API key. User keys belong to the account, not to an organization or a space, so there is no " +
			"`organization_id` or `space_id` filter. " + descAPIKeyListActive + "\n\n" +
			descAPIKeyListSecret,
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: descAPIKeyNameFilter,
				Optional:            true,
				Validators:          apiKeyNameFilterValidators(),
			},
		},
	}
}

func (l *userAPIKeyListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *userAPIKeyListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters userAPIKeyListFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	pages := func(ctx context.Context, cursor string) ([]arize.APIKey, string, error) {
		// The list the resource reads a key in: the caller's own active keys.
		keys, page, err := l.client.ListAPIKeysPage(ctx, userAPIKeyList, cursor)
		switch {
		case hasAPIStatus(err, http.StatusForbidden):
			return nil, "", fmt.Errorf("the provider's API key may not list user API keys: Arize lists them only to a "+
				"user with the developer permission or to an account admin (a service key's identity is neither): %w", err)
		case err != nil:
			return nil, "", err
		}
		next, err := page.Next()
		return keys, next, err
	}
	keep := listedAPIKey(time.Now(), filters.Name.ValueString())
	stream.Results = streamResults(ctx, userAPIKey, req.Limit, keepOnly(pages, keep), func(in *arize.APIKey) list.ListResult {
		return newListResult(ctx, req, in.Name, in.ID, func() (any, diag.Diagnostics) {
			m := importedAPIKey(in)
			return &m, nil
		})
	})
}
