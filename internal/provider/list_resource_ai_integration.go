package provider

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ list.ListResourceWithConfigure = (*aiIntegrationListResource)(nil)

// aiIntegrationListResource is list "arize_ai_integration", for terraform
// query: it finds integrations made outside Terraform so they can be
// imported, with the same filters as data "arize_ai_integrations" and the
// organization_id scope filter, which the API has not.
type aiIntegrationListResource struct {
	client *arize.Client
}

// NewAIIntegrationListResource returns the arize_ai_integration list resource.
func NewAIIntegrationListResource() list.ListResource {
	return &aiIntegrationListResource{}
}

// aiIntegrationListFilters is the list resource's config: the list API's
// filters, and organization_id, kept client-side.
type aiIntegrationListFilters struct {
	listFilters
	OrganizationID types.String `tfsdk:"organization_id"`
	AccountWide    types.Bool   `tfsdk:"account_wide"`
}

// scope is the scope filters alone, for listScope.resolve.
func (f aiIntegrationListFilters) scope() listScope {
	return listScope{OrganizationID: f.OrganizationID, SpaceID: f.SpaceID}
}

// Descriptions of the scope filters of list "arize_ai_integration": what the
// API's space_id filter keeps is what the emulator's contract says, a
// scoping to that very space (internal/emulator, list.go: scopedTo).
const (
	descIntegrationListOrgFilter = "Only integrations with a scoping in the organization with this ID: scoped to " +
		"the whole organization, or to one of its spaces. Arize has no such filter: the provider reads the " +
		"organization and its spaces, then keeps the matching integrations of the whole list (of those of " +
		"`space_id`, when that is set too). Account-wide integrations are in no organization."
	descIntegrationListSpaceFilter = "Only integrations with a scoping to the space with this ID (the API's " +
		"`space_id` filter). Integrations scoped to the whole organization of that space are not among them (list " +
		"them with `organization_id`), nor are account-wide ones."
	descIntegrationListAccountWideFilter = "`true` for account-wide integrations only: those with no scoping, which " +
		"belong to no organization and no space, so that a pass over what belongs to the whole account adopts them " +
		"and leaves the organizations' integrations to the organizations' own passes. Arize has no such filter: " +
		"the provider keeps them from the whole list. `true` cannot be set with `organization_id`, `space_id` or " +
		"`space_name`, which never find an account-wide integration; `false` is the same as leaving it out."
)

func (l *aiIntegrationListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ai_integration"
}

func (l *aiIntegrationListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	attrs := listFilterListAttributes(listFilterDescriptions, listFilterValidators)
	// The shared scope filters replace the data source's space_id: the
	// same filter, described for adoption, with the checks every list
	// resource's scope filters have.
	maps.Copy(attrs, scopeAttributes(descIntegrationListOrgFilter, descIntegrationListSpaceFilter))
	attrs["account_wide"] = schema.BoolAttribute{
		MarkdownDescription: descIntegrationListAccountWideFilter,
		Optional:            true,
		Validators:          []validator.Bool{accountWideOnlyValidator{}},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds Arize AI integrations for `terraform query`, to import them: each result is an " +
			"integration's identity and, with `include_resource = true`, its attributes as an import reads them, but " +
			"for the secrets: the write-only `api_key` and `api_key_version`, and `headers`, which carry credentials " +
			"and which `terraform query -json` would print, are null (generated files write `headers` as " +
			"`null # sensitive` in any case: fill them in where the integration has headers, or the plan warns that " +
			"it deletes them). `organization_id` and " +
			"`space_id` are the scope filters every list resource of the account's structure takes, so that one query " +
			"file can adopt one organization, or one space, at a time. An account-wide integration (one with no " +
			"scoping) is in no organization and no space: only a list without either filter finds it, so adopt " +
			"account-wide integrations in a pass over the whole account, or with `account_wide = true`.",
		Attributes: attrs,
	}
}

func (l *aiIntegrationListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *aiIntegrationListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters aiIntegrationListFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	// organization_id, which the API has not, is resolved before the first
	// page to the organization's spaces (to the space_id filter's, which
	// must be one of them, when that is set too): a filter naming an
	// organization or a space that does not exist fails here, saying which.
	// space_id alone is the API's filter, and costs no more request.
	scoped := scope{all: true}
	if filters.OrganizationID.ValueString() != "" {
		var err error
		if scoped, err = filters.scope().resolve(ctx, l.client); err != nil {
			stream.Results = list.ListResultsStreamDiagnostics(scopeDiagnostics(aiIntegration, err))
			return
		}
	}
	// The API's space_id filter stays: with organization_id too, it keeps
	// the pages to those of the space.
	opts := filters.options()
	pages := func(ctx context.Context, cursor string) ([]arize.Integration, string, error) {
		page, err := l.client.ListPage(ctx, opts, cursor)
		switch {
		case arize.IsNotFound(err) && opts.SpaceID != "" && opts.SpaceName == "":
			// The API's answer to a space_id that names no space it lets
			// the key see. With space_name too, either filter may be the
			// one that found nothing: the API's detail says which.
			return nil, "", notInScope("space", opts.SpaceID, err)
		case err != nil:
			return nil, "", err
		}
		items := page.Integrations
		if !scoped.all {
			items = inOrganization(items, scoped)
		}
		if filters.AccountWide.ValueBool() {
			items = slices.DeleteFunc(items, func(in arize.Integration) bool { return !arize.AccountWide(in.Scopings) })
		}
		next, err := page.Pagination.Next()
		return items, next, err
	}
	stream.Results = streamResults(ctx, aiIntegration, req.Limit, pages, func(in *arize.Integration) list.ListResult {
		return newListResult(ctx, req, in.Name, in.ID, func() (any, diag.Diagnostics) {
			// What an import reads (the write-only key and its version are
			// null), but for the headers: they carry credentials, and a query
			// result is printed whole by terraform query -json, sensitive or
			// not. Terraform writes them as null # sensitive into generated
			// files whatever they hold, and the import reads them from Arize.
			m := aiIntegrationModel{APIKey: types.StringNull(), APIKeyVersion: types.StringNull()}
			diags := m.setFromAPI(ctx, in)
			m.Headers = types.MapNull(types.StringType)
			return &m, diags
		})
	})
}

// inOrganization keeps the integrations with a scoping in the organization
// of s: one that names the organization (the whole organization, or one of
// its spaces), or one that names a space of s without it. Account-wide
// integrations have no such scoping.
func inOrganization(items []arize.Integration, s scope) []arize.Integration {
	kept := items[:0]
	for _, it := range items {
		for _, sc := range it.Scopings {
			if (sc.OrganizationID != nil && s.hasOrganization(*sc.OrganizationID)) ||
				(sc.SpaceID != nil && s.hasSpace(*sc.SpaceID)) {
				kept = append(kept, it)
				break
			}
		}
	}
	return kept
}

// accountWideOnlyValidator refuses account_wide = true beside a filter of
// where an integration is scoped (organization_id, space_id, space_name):
// those never find an account-wide integration, so the query would find
// nothing. account_wide = false is the same as leaving it out, and goes
// with any filter.
type accountWideOnlyValidator struct{}

func (accountWideOnlyValidator) Description(context.Context) string {
	return "when true, organization_id, space_id and space_name must be left out"
}

func (v accountWideOnlyValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (accountWideOnlyValidator) ValidateBool(ctx context.Context, req validator.BoolRequest, resp *validator.BoolResponse) {
	if !req.ConfigValue.ValueBool() {
		return
	}
	for _, name := range []string{"organization_id", "space_id", "space_name"} {
		var v types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), &v)...)
		if !v.IsNull() {
			resp.Diagnostics.AddAttributeError(req.Path, "Conflicting filters",
				fmt.Sprintf("account_wide = true finds the integrations with no scoping, which %s never finds: "+
					"leave %s out, or set account_wide to false.", name, name))
		}
	}
}
