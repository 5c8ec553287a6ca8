package provider

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ list.ListResourceWithConfigure = (*serviceAPIKeyListResource)(nil)

// serviceAPIKeyListResource is list "arize_service_api_key", for terraform
// query: it finds the service keys made outside Terraform so they can be
// adopted. Arize lists service keys only by space, so it lists the keys of
// each space in scope in turn, and gives a key with roles in several of
// them once, under the first: the space its identity names, through which
// the resource reads it.
type serviceAPIKeyListResource struct {
	client *arize.Client
}

// NewServiceAPIKeyListResource returns the arize_service_api_key list
// resource.
func NewServiceAPIKeyListResource() list.ListResource {
	return &serviceAPIKeyListResource{}
}

// serviceAPIKeyListFilters is the list resource's config.
type serviceAPIKeyListFilters struct {
	listScope
	Name types.String `tfsdk:"name"`
}

// What the API key list resources' filters and results say.
const (
	descAPIKeyNameFilter = "Only the keys whose name contains this text, ignoring case. Arize's key list has no name " +
		"filter: the provider compares the names itself."
	descAPIKeyListActive = "Only active keys are found: a revoked key is gone, and a key past its `expires_at` (which " +
		"Arize still lists as active) is left out, since the resource drops it from state."
	descAPIKeyListSecret = "**The secret is never recovered**: Arize answers a key's secret only when the key is made " +
		"or rotated, so `key` is null in the results and after the import. Adopting a key is still worth it: Terraform " +
		"can then revoke it (destroy), see it expire, and rotate it (set `rotation`), which gives Terraform a secret it " +
		"knows, for the systems that use the key."
	descServiceKeyListOrganizationFilter = "Only the service keys with a role in a space of the organization with this " +
		"ID. Arize lists service keys by space only: the provider reads the organization's spaces, then the keys of each."
	descServiceKeyListSpaceFilter = "Only the service keys with a role in the space with this ID (Arize's `space_id` " +
		"filter)."
)

// listedAPIKey is which keys the API key lists give: those not expired by
// now (the resource drops an expired key from state) whose name contains
// name, ignoring case.
func listedAPIKey(now time.Time, name string) func(*arize.APIKey) bool {
	return func(k *arize.APIKey) bool { return !k.ExpiredAt(now) && containsFold(k.Name, name) }
}

// apiKeyNameFilterValidators refuse an empty name filter, which would
// match everything: leaving it out says that.
func apiKeyNameFilterValidators() []validator.String {
	return []validator.String{stringvalidator.LengthAtLeast(1)}
}

func (l *serviceAPIKeyListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service_api_key"
}

func (l *serviceAPIKeyListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	attrs := scopeAttributes(descServiceKeyListOrganizationFilter, descServiceKeyListSpaceFilter)
	attrs["name"] = schema.StringAttribute{
		MarkdownDescription: descAPIKeyNameFilter,
		Optional:            true,
		Validators:          apiKeyNameFilterValidators(),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the service API keys of the Arize account for `terraform query`, to adopt them: " +
			"each result is a key's identity (its ID and a space it has a role in), named by the key's name, and, with " +
			"`include_resource = true`, all its attributes as an import reads them.\n\n" +
			"Arize lists service keys only by space: the provider lists the keys of each space in scope in turn (without " +
			"filters, the spaces of every organization), and gives a key with roles in several of them once, under the " +
			"first space it finds it in, which its identity names and through which the resource reads it. " +
			descAPIKeyListActive + "\n\n" +
			descAPIKeyListSecret + "\n\n" +
			"**The roles are unknown**: Arize never answers a service key's roles after making it, so `account_role` " +
			"and `organizations` are null, and so is `bot_user_id`. The configuration `-generate-config-out` writes " +
			"leaves them null, and plans no change: Terraform then manages the key's life, not its roles. Setting them " +
			"to the key's roles records them (see `arize_service_api_key`).",
		Attributes: attrs,
	}
}

func (l *serviceAPIKeyListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *serviceAPIKeyListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters serviceAPIKeyListFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	spaces, err := serviceKeySpaces(ctx, l.client, filters.listScope)
	if err != nil {
		stream.Results = list.ListResultsStreamDiagnostics(scopeDiagnostics(serviceAPIKey, err))
		return
	}
	if len(spaces) == 0 {
		stream.Results = list.NoListResults
		return
	}
	keep := listedAPIKey(time.Now(), filters.Name.ValueString())
	stream.Results = streamResults(ctx, serviceAPIKey, req.Limit, l.pagesOfEachSpace(spaces, keep), func(in *listedServiceKey) list.ListResult {
		result := req.NewListResult(ctx)
		result.DisplayName = in.Name
		result.Diagnostics.Append(setServiceKeyIdentity(ctx, result.Identity, in.ID, in.spaceID)...)
		if req.IncludeResource {
			m := importedServiceAPIKey(&in.APIKey)
			result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
		}
		return result
	})
}

// listedServiceKey is a service key as the list resource found it: the key,
// and the space it was listed in, which its identity names.
type listedServiceKey struct {
	arize.APIKey
	spaceID string
}

// pagesOfEachSpace reads the pages of the active service keys of each space
// in turn, keeping those keep accepts, each key once: under the first space
// that lists it. Its cursor is the index of the space, a space, and that
// space's own cursor.
func (l *serviceAPIKeyListResource) pagesOfEachSpace(spaces []string, keep func(*arize.APIKey) bool) pageReader[listedServiceKey] {
	var seen map[string]bool
	return func(ctx context.Context, cursor string) ([]listedServiceKey, string, error) {
		index, spaceCursor := 0, ""
		if cursor == "" {
			seen = map[string]bool{} // a new pass over the spaces
		} else {
			n, rest, _ := strings.Cut(cursor, " ")
			index, _ = strconv.Atoi(n)
			spaceCursor = rest
		}
		opts := arize.APIKeyListOptions{KeyType: arize.APIKeyService, Status: arize.APIKeyActive, SpaceID: spaces[index], Limit: maxPageSize}
		keys, page, err := l.client.ListAPIKeysPage(ctx, opts, spaceCursor)
		switch {
		case arize.IsNotFound(err):
			// The space was deleted since it was listed: it has no keys.
			keys, page = nil, arize.Pagination{}
		case hasAPIStatus(err, http.StatusForbidden):
			return nil, "", fmt.Errorf("the provider's API key may not list the service keys of the space %s: Arize "+
				"lists a space's service keys only to a key with the permission to read them there, or to an account "+
				"admin: %w", spaces[index], err)
		case err != nil:
			return nil, "", err
		}
		var out []listedServiceKey
		for i := range keys {
			if k := &keys[i]; !seen[k.ID] && keep(k) {
				seen[k.ID] = true
				out = append(out, listedServiceKey{APIKey: *k, spaceID: spaces[index]})
			}
		}
		switch {
		case page.HasMore:
			// A page that says more follow without a cursor fails the list:
			// moving on to the next would miss what follows.
			next, err := page.Next()
			if err != nil {
				return nil, "", err
			}
			return out, strconv.Itoa(index) + " " + next, nil
		case index+1 < len(spaces):
			return out, strconv.Itoa(index+1) + " ", nil
		default:
			return out, "", nil
		}
	}
}

// serviceKeySpaces are the spaces whose service keys the scope filters f
// select, in the order their keys are listed: without filters, the spaces
// of each organization in turn (one page of organizations, then each one's
// spaces); with them, the spaces listScope.resolve finds. Within an
// organization the spaces are in the order of their IDs, so that a key
// found in several spaces of one organization is given under the same one
// whether the query names the organization or not.
func serviceKeySpaces(ctx context.Context, c *arize.Client, f listScope) ([]string, error) {
	s, err := f.resolve(ctx, c)
	if err != nil {
		return nil, err
	}
	if !s.all {
		ids := s.spaceIDs()
		slices.Sort(ids)
		return ids, nil
	}
	orgs, err := c.ListOrganizations(ctx, arize.OrganizationListOptions{Limit: maxPageSize})
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, o := range orgs {
		spaces, err := c.ListSpaces(ctx, arize.SpaceListOptions{OrganizationID: o.ID, Limit: maxPageSize})
		if err != nil {
			return nil, fmt.Errorf("listing the spaces of the organization %s, whose service keys Arize lists by "+
				"space: %w", o.ID, err)
		}
		orgSpaces := make([]string, len(spaces))
		for i, sp := range spaces {
			orgSpaces[i] = sp.ID
		}
		slices.Sort(orgSpaces)
		ids = append(ids, orgSpaces...)
	}
	return ids, nil
}
