package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ list.ListResourceWithConfigure = (*spaceListResource)(nil)

// spaceListResource is list "arize_space", for terraform query: it finds
// spaces made outside Terraform so they can be imported, with the same
// filters as data "arize_spaces" and the space_id scope filter every list
// resource of objects in spaces takes.
type spaceListResource struct {
	client *arize.Client
}

// spaceListResourceFilters is the list resource's config: the list API's
// filters (organization_id is its org_id), and space_id, which the API has
// no filter for.
type spaceListResourceFilters struct {
	spaceListFilters
	SpaceID types.String `tfsdk:"space_id"`
}

// scope is the scope filters alone, for listScope.resolve.
func (f spaceListResourceFilters) scope() listScope {
	return listScope{OrganizationID: f.OrganizationID, SpaceID: f.SpaceID}
}

// NewSpaceListResource returns the arize_space list resource.
func NewSpaceListResource() list.ListResource {
	return &spaceListResource{}
}

func (l *spaceListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_space"
}

func (l *spaceListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	attrs := map[string]schema.Attribute{}
	for name, desc := range spaceListFilterDescriptions {
		attrs[name] = schema.StringAttribute{
			MarkdownDescription: desc,
			Optional:            true,
			Validators:          spaceListFilterValidators[name],
		}
	}
	// The shared scope filters, with their descriptions and checks: the
	// organization's is the API's org_id filter.
	for name, attr := range scopeAttributes(descSpaceOrgFilter,
		"Only the space with this ID, and with `name` too only if its name matches. With `organization_id` too, the "+
			"space is read from that organization's list of spaces; alone, it is read, then, as Arize does not return "+
			"a space's organization, the spaces of each organization are listed in turn until one lists it.") {
		attrs[name] = attr
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds Arize spaces for `terraform query`, to import them: each result is a space's identity " +
			"and, with `include_resource = true`, all its attributes, its `organization_id` included. Without an " +
			"`organization_id` filter, it lists the spaces of each organization in turn, since a space as the API lists " +
			"it does not say its organization. `organization_id` and `space_id` are the scope filters every list " +
			"resource of the account's structure takes, so that one query file can adopt one organization, or one " +
			"space, at a time.",
		Attributes: attrs,
	}
}

func (l *spaceListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// orgSpace is a space with the organization it was listed in.
type orgSpace struct {
	orgID string
	space arize.Space
}

func (l *spaceListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters spaceListResourceFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	opts := filters.options()
	var pages pageReader[orgSpace]
	switch {
	case filters.SpaceID.ValueString() != "":
		pages = l.onePage(filters.scope(), opts.Name)
	case opts.OrganizationID != "":
		pages = l.filterPages(opts)
	default:
		pages = l.everyOrganizationPages(opts)
	}
	stream.Results = streamResults(ctx, space, req.Limit, pages, func(in *orgSpace) list.ListResult {
		return newListResult(ctx, req, in.space.Name, in.space.ID, func() (any, diag.Diagnostics) {
			// What an import reads: deletion_protection at its default.
			m := spaceResourceModel{spaceModel: spaceFromAPI(&in.space, in.orgID), DeletionProtection: types.BoolValue(true)}
			return &m, nil
		})
	})
}

// filterPages reads the pages of the spaces of the organization that the
// organization_id filter names, through the API's org_id filter, which
// answers 404 for an organization that does not exist: that fails the
// query saying so.
func (l *spaceListResource) filterPages(opts arize.SpaceListOptions) pageReader[orgSpace] {
	read := l.organizationPages(opts, opts.OrganizationID)
	return func(ctx context.Context, cursor string) ([]orgSpace, string, error) {
		items, next, err := read(ctx, cursor)
		if arize.IsNotFound(err) {
			err = notInScope("organization", opts.OrganizationID, err)
		}
		return items, next, err
	}
}

// organizationPages reads the pages of the spaces of organization orgID
// that opts selects.
func (l *spaceListResource) organizationPages(opts arize.SpaceListOptions, orgID string) pageReader[orgSpace] {
	opts.OrganizationID = orgID
	return func(ctx context.Context, cursor string) ([]orgSpace, string, error) {
		spaces, page, err := l.client.ListSpacesPage(ctx, opts, cursor)
		if err != nil {
			return nil, "", err
		}
		items := make([]orgSpace, len(spaces))
		for i := range spaces {
			items[i] = orgSpace{orgID: orgID, space: spaces[i]}
		}
		next, err := page.Next()
		return items, next, err
	}
}

// everyOrganizationPages reads the pages of the spaces that opts selects in
// each organization in turn, so that every space comes with its
// organization: the API's list does not say it. Its cursor is the index of
// the organization, a space, and that organization's own cursor.
func (l *spaceListResource) everyOrganizationPages(opts arize.SpaceListOptions) pageReader[orgSpace] {
	var orgs []arize.Organization
	return func(ctx context.Context, cursor string) ([]orgSpace, string, error) {
		if orgs == nil {
			var err error
			if orgs, err = l.client.ListOrganizations(ctx, arize.OrganizationListOptions{Limit: maxPageSize}); err != nil {
				return nil, "", err
			}
		}
		index, orgCursor := 0, ""
		if cursor != "" {
			n, rest, _ := strings.Cut(cursor, " ")
			index, _ = strconv.Atoi(n)
			orgCursor = rest
		}
		if index >= len(orgs) {
			return nil, "", nil // no organization at all
		}
		items, next, err := l.organizationPages(opts, orgs[index].ID)(ctx, orgCursor)
		switch {
		case err != nil:
			return nil, "", err
		case next != "":
			return items, strconv.Itoa(index) + " " + next, nil
		case index+1 < len(orgs):
			return items, strconv.Itoa(index+1) + " ", nil
		default:
			return items, "", nil
		}
	}
}

// onePage reads the space that the space_id filter names as the only page:
// resolve reads it (one GET, or among organization_id's spaces when that is
// set too, which checks it is one of them). Its organization, which a
// space's answer does not say, is organization_id, or else found by
// listing each organization's spaces until one lists it. A name filter is
// matched as the API's is, a substring ignoring case.
func (l *spaceListResource) onePage(filters listScope, name string) pageReader[orgSpace] {
	return func(ctx context.Context, _ string) ([]orgSpace, string, error) {
		scoped, err := filters.resolve(ctx, l.client)
		if err != nil {
			return nil, "", err
		}
		id := filters.SpaceID.ValueString()
		found := orgSpace{orgID: filters.OrganizationID.ValueString(), space: scoped.read[id]}
		if found.orgID == "" {
			if found.orgID, err = l.client.FindSpaceOrganization(ctx, id); err != nil {
				return nil, "", err
			}
			if found.orgID == "" {
				return nil, "", fmt.Errorf("no organization that the provider's API key can see lists the space %q, so "+
					"its organization_id cannot be found: Arize does not return a space's organization, and the "+
					"provider finds it by listing each organization's spaces. Check that the key can list the space's "+
					"organization", id)
			}
		}
		if !containsFold(found.space.Name, name) {
			return nil, "", nil
		}
		return []orgSpace{found}, "", nil
	}
}
