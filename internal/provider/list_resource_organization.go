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
// imported, with the same filter as data "arize_organizations".
type organizationListResource struct {
	client *arize.Client
}

// NewOrganizationListResource returns the arize_organization list resource.
func NewOrganizationListResource() list.ListResource {
	return &organizationListResource{}
}

func (l *organizationListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_organization"
}

func (l *organizationListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds Arize organizations for `terraform query`, to import them: each result is an " +
			"organization's identity, named by its name, and, with `include_resource = true`, all its attributes. " +
			"Those come with `deletion_protection = true`, the default an import gets.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: descOrgNameFilter,
				Optional:            true,
				Validators:          organizationNameFilterValidators,
			},
		},
	}
}

func (l *organizationListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *organizationListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters organizationFilters
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
		case page.HasMore:
			return items, page.NextCursor, nil
		default:
			return items, "", nil
		}
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
