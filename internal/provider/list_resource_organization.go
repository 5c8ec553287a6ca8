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

var _ list.ListResourceWithConfigure = (*organizationListResource)(nil)

// organizationListResource is list "arize_organization", for terraform
// query: it finds organizations made outside Terraform so they can be
// imported, with the same name filter as data "arize_organizations" and the
// organization_id scope filter every list resource of the account's
// structure takes.
type organizationListResource struct {
	client *arize.Client
}

// NewOrganizationListResource returns the arize_organization list resource.
func NewOrganizationListResource() list.ListResource {
	return &organizationListResource{}
}

// organizationListFilters is the list resource's config: the list API's
// name filter, and organization_id, which the API has no filter for.
type organizationListFilters struct {
	organizationFilters
	OrganizationID types.String `tfsdk:"organization_id"`
}

func (l *organizationListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_organization"
}

func (l *organizationListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds Arize organizations for `terraform query`, to import them: each result is an " +
			"organization's identity, named by its name, and, with `include_resource = true`, all its attributes. " +
			"Those come with `deletion_protection = true`, the default an import gets. It takes the `organization_id` " +
			"scope filter the other list resources take, so one query file can adopt one organization at a time, but " +
			"no `space_id`: an organization is not in a space.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: descOrgNameFilter,
				Optional:            true,
				Validators:          organizationNameFilterValidators,
			},
			// The shared scope filter, description and checks included.
			"organization_id": scopeAttributes(
				"Only the organization with this ID (one read of it; with `name` too, only if its name matches).", "",
			)["organization_id"],
		},
	}
}

func (l *organizationListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *organizationListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters organizationListFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	opts := filters.options()
	pages := func(ctx context.Context, cursor string) ([]arize.Organization, string, error) {
		items, page, err := l.client.ListOrganizationsPage(ctx, opts, cursor)
		switch {
		case err != nil:
			return nil, "", err
		default:
			next, err := page.Next()
			return items, next, err
		}
	}
	if id := filters.OrganizationID.ValueString(); id != "" {
		pages = l.onePage(id, opts.Name)
	}
	stream.Results = streamResults(ctx, organization, req.Limit, pages, func(in *arize.Organization) list.ListResult {
		return newListResult(ctx, req, in.Name, in.ID, func() (any, diag.Diagnostics) {
			// What an import reads: protected, as the schema's default is,
			// so that the configuration terraform query generates plans no
			// change.
			m := organizationResourceModel{DeletionProtection: types.BoolValue(true)}
			m.setFromAPI(in)
			return &m, nil
		})
	})
}

// onePage reads the organization id as the only page: one GET, which is
// what an import reads, instead of paging the whole list for it. A name
// filter is matched as the API's is, a substring ignoring case. An
// organization that does not exist fails the query: a typo in the filter
// must not look like an empty organization list.
func (l *organizationListResource) onePage(id, name string) pageReader[arize.Organization] {
	return func(ctx context.Context, _ string) ([]arize.Organization, string, error) {
		got, err := l.client.GetOrganization(ctx, id)
		if err != nil {
			return nil, "", notInScope("organization", id, err)
		}
		if !containsFold(got.Name, name) {
			return nil, "", nil
		}
		return []arize.Organization{*got}, "", nil
	}
}
