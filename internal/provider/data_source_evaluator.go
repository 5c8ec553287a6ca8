package provider

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ datasource.DataSourceWithConfigure        = (*evaluatorDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*evaluatorDataSource)(nil)
)

// evaluatorDataSource is data "arize_evaluator": one evaluator with its
// latest version's configuration, looked up by id, or by exact name within
// a space (names are unique only there).
type evaluatorDataSource struct {
	client *arize.Client
}

// NewEvaluatorDataSource returns the arize_evaluator data source.
func NewEvaluatorDataSource() datasource.DataSource {
	return &evaluatorDataSource{}
}

func (d *evaluatorDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_evaluator"
}

func (d *evaluatorDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := evaluatorSummaryAttributes()
	maps.Copy(attrs, evaluatorConfigDataSourceAttributes())
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: descEvaluatorID + " Give exactly one of `id` and `name`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["name"] = schema.StringAttribute{
		MarkdownDescription: descEvaluatorName + " Matched exactly, within `space_id`, which it needs. " +
			"Give exactly one of `id` and `name`.",
		Optional: true,
		Computed: true,
		Validators: []validator.String{
			stringvalidator.UTF8LengthBetween(1, maxNameChars),
			// Evaluator names are unique only within a space.
			stringvalidator.AlsoRequires(path.MatchRoot("space_id")),
		},
	}
	attrs["space_id"] = schema.StringAttribute{
		MarkdownDescription: descEvaluatorSpaceID + " Required with `name`. With `id`, optional: when given, the " +
			"evaluator must belong to it.",
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["current_version_id"] = schema.StringAttribute{MarkdownDescription: descEvaluatorVersionID, Computed: true}
	attrs["current_version_commit_hash"] = schema.StringAttribute{MarkdownDescription: descEvaluatorCommitHash, Computed: true}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one Arize evaluator by `id`, or by exact `name` within a space (`space_id`), " +
			"with its latest version: the configuration that tasks which do not pin a version run, in `template` for " +
			"a `TEMPLATE` evaluator and `code` for a `CODE` one. Both are null for `HARNESS` and `REMOTE` evaluators, " +
			"whose configuration Arize's API does not expose. A lookup by `id` is one request; one by `name` lists " +
			"the space's evaluators whose names contain it, then reads the one named exactly that.",
		Attributes: attrs,
	}
}

func (d *evaluatorDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *evaluatorDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *evaluatorDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg evaluatorModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	spaceID := cfg.SpaceID.ValueString()
	id := cfg.ID.ValueString()
	if id == "" {
		id = d.idByName(ctx, spaceID, cfg.Name.ValueString(), &resp.Diagnostics)
		if id == "" {
			return
		}
	}
	// The list carries no version: the match, like a lookup by id, is read
	// with its latest.
	got := lookupByID(ctx, evaluator, id, d.client.GetEvaluator, &resp.Diagnostics)
	if got == nil {
		return
	}
	if spaceID != "" && got.SpaceID != spaceID {
		resp.Diagnostics.AddAttributeError(path.Root("space_id"), "Evaluator not in this space",
			fmt.Sprintf("Evaluator %q (ID %s) belongs to the space with ID %q, not %q.", got.Name, got.ID, got.SpaceID, spaceID))
		return
	}
	var out evaluatorModel
	out.setFromAPI(got)
	var diags diag.Diagnostics
	// Null for a HARNESS or REMOTE evaluator, whose version carries none.
	out.Template, out.Code, diags = evaluatorConfigFromAPI(ctx, got.Version)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}

// idByName is the ID of the evaluator named exactly name in the space
// spaceID, or "" after an error in diags. The API's name filter matches
// substrings, ignoring case, so every page of its candidates is read and
// compared.
func (d *evaluatorDataSource) idByName(ctx context.Context, spaceID, name string, diags *diag.Diagnostics) string {
	opts := arize.EvaluatorListOptions{SpaceID: spaceID, Name: name, Limit: maxPageSize}
	candidates, err := d.client.ListEvaluators(ctx, opts)
	if err = evaluatorListError(opts, err, diags); diags.HasError() {
		return ""
	}
	found := lookupByName(ctx, evaluator, name,
		func(context.Context, string) ([]arize.Evaluator, error) { return candidates, err },
		func(in *arize.Evaluator) (string, string) { return in.Name, in.ID },
		diags)
	if found == nil {
		return ""
	}
	return found.ID
}
