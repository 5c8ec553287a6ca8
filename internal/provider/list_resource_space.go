package provider

import (
	"context"
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
// filters as data "arize_spaces".
type spaceListResource struct {
	client *arize.Client
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
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds Arize spaces for `terraform query`, to import them: each result is a space's identity " +
			"and, with `include_resource = true`, all its attributes, its `organization_id` included. Without an " +
			"`organization_id` filter, it lists the spaces of each organization in turn, since a space as the API lists " +
			"it does not say its organization.",
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
	var filters spaceListFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	opts := filters.options()
	pages := l.organizationPages(opts, opts.OrganizationID)
	if opts.OrganizationID == "" {
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
		if !page.HasMore {
			return items, "", nil
		}
		return items, page.NextCursor, nil
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
