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

var _ list.ListResourceWithConfigure = (*evaluatorListResource)(nil)

// evaluatorListResource is list "arize_evaluator", for terraform query: it
// finds evaluators made outside Terraform so they can be imported.
type evaluatorListResource struct {
	client *arize.Client
}

// NewEvaluatorListResource returns the arize_evaluator list resource.
func NewEvaluatorListResource() list.ListResource {
	return &evaluatorListResource{}
}

// evaluatorListResourceFilters are list "arize_evaluator"'s config: the
// scope filters (space_id is also the API's) and the API's name filter.
type evaluatorListResourceFilters struct {
	listScope
	Name types.String `tfsdk:"name"`
}

// descEvaluatorListOrganizationFilter describes the list resource's
// organization_id, which data "arize_evaluators" does not take.
const descEvaluatorListOrganizationFilter = "Only the evaluators of the spaces of the organization with this ID. The " +
	"API has no organization filter: the provider reads the organization's spaces first."

func (l *evaluatorListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_evaluator"
}

func (l *evaluatorListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	attrs := scopeAttributes(descEvaluatorListOrganizationFilter, descEvaluatorSpaceIDFilter)
	attrs["name"] = schema.StringAttribute{
		MarkdownDescription: evaluatorListFilterDescriptions["name"],
		Optional:            true,
		Validators:          evaluatorListFilterValidators["name"],
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds Arize evaluators for `terraform query`, to import them: each result is an " +
			"evaluator's identity, with its name as the display name, and, with `include_resource = true`, all its " +
			"attributes with its latest version's configuration. Arize's list carries no version, so " +
			"`include_resource = true` reads each evaluator once more, one request per result. `HARNESS` and `REMOTE` " +
			"evaluators are left out: their configuration is not readable, so the provider cannot import them.",
		Attributes: attrs,
	}
}

func (l *evaluatorListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *evaluatorListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters evaluatorListResourceFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	scoped, err := resolveForSpaceFilter(ctx, l.client, filters.listScope)
	if err != nil {
		stream.Results = list.ListResultsStreamDiagnostics(scopeDiagnostics(evaluator, err))
		return
	}
	if scoped.empty {
		stream.Results = list.NoListResults
		return
	}
	opts := arize.EvaluatorListOptions{SpaceID: scoped.spaceID, Name: filters.Name.ValueString(), Limit: maxPageSize}
	// Without the evaluators the provider cannot manage: their import
	// would fail.
	keep := func(e *arize.Evaluator) bool { return isConfigurable(e.Type) && scoped.keep(e.SpaceID) }
	stream.Results = streamResults(ctx, evaluator, req.Limit, keepOnly(l.pages(opts), keep), func(in *arize.Evaluator) list.ListResult {
		return newListResult(ctx, req, in.Name, in.ID, func() (any, diag.Diagnostics) {
			return l.resourceState(ctx, in.ID)
		})
	})
}

// pages reads the pages of the evaluators opts selects.
func (l *evaluatorListResource) pages(opts arize.EvaluatorListOptions) pageReader[arize.Evaluator] {
	return func(ctx context.Context, cursor string) ([]arize.Evaluator, string, error) {
		items, page, err := l.client.ListEvaluatorsPage(ctx, opts, cursor)
		switch {
		case arize.IsNotFound(err) && opts.SpaceID != "":
			// The API's answer to a space_id that names no space.
			return nil, "", notInScope("space", opts.SpaceID, err)
		case err != nil:
			return nil, "", err
		default:
			next, err := page.Next()
			return items, next, err
		}
	}
}

// resourceState is what an import of the evaluator id reads: the evaluator
// with its latest version's configuration, and commit_message at its
// default, since Arize's version carries no message Terraform manages.
func (l *evaluatorListResource) resourceState(ctx context.Context, id string) (any, diag.Diagnostics) {
	m := evaluatorResourceModel{CommitMessage: types.StringValue(defaultCommitMessage)}
	m.Template, m.Code = types.ObjectNull(evaluatorTemplateAttrTypes), types.ObjectNull(evaluatorCodeAttrTypes)
	got, err := l.client.GetEvaluator(ctx, id)
	if err != nil {
		// Deleted since it was listed, say: the result carries the error.
		var diags diag.Diagnostics
		diags.AddError(evaluator.couldNot("read"), apiErrorDetail(evaluator, err))
		return &m, diags
	}
	m.setFromAPI(got)
	var diags diag.Diagnostics
	m.Template, m.Code, diags = evaluatorConfigFromAPI(ctx, got.Version)
	return &m, diags
}
