package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ datasource.DataSourceWithConfigure = (*evaluatorsDataSource)(nil)

// evaluatorsDataSource is data "arize_evaluators": every evaluator that
// matches the API's list filters, as the list has them: without a version,
// so without a configuration.
type evaluatorsDataSource struct {
	client *arize.Client
}

// NewEvaluatorsDataSource returns the arize_evaluators data source.
func NewEvaluatorsDataSource() datasource.DataSource {
	return &evaluatorsDataSource{}
}

// evaluatorListFilters are the evaluator list API's filters, as data
// "arize_evaluators" takes them; list "arize_evaluator" takes space_id and
// name.
type evaluatorListFilters struct {
	SpaceID   types.String `tfsdk:"space_id"`
	SpaceName types.String `tfsdk:"space_name"`
	Name      types.String `tfsdk:"name"`
}

// evaluatorListFilterDescriptions describe the filters, by attribute name.
var evaluatorListFilterDescriptions = map[string]string{
	"space_id":   descEvaluatorSpaceIDFilter,
	"space_name": descEvaluatorSpaceNameFilter,
	"name":       descEvaluatorNameFilter,
}

// evaluatorListFilterValidators are the filters' checks: the API refuses a
// name filter longer than a name.
var evaluatorListFilterValidators = map[string][]validator.String{
	"space_id":   {stringvalidator.LengthAtLeast(1)},
	"space_name": {stringvalidator.UTF8LengthBetween(1, maxNameChars)},
	"name":       {stringvalidator.UTF8LengthBetween(1, maxNameChars)},
}

// options turns the filters into the client's list options, at the largest
// page size.
func (f evaluatorListFilters) options() arize.EvaluatorListOptions {
	return arize.EvaluatorListOptions{
		SpaceID:   f.SpaceID.ValueString(),
		SpaceName: f.SpaceName.ValueString(),
		Name:      f.Name.ValueString(),
		Limit:     maxPageSize,
	}
}

// evaluatorSummaryModel is an evaluator as the list API returns it: its
// attributes, without a version.
type evaluatorSummaryModel struct {
	ID              types.String `tfsdk:"id"`
	SpaceID         types.String `tfsdk:"space_id"`
	Type            types.String `tfsdk:"type"`
	Name            types.String `tfsdk:"name"`
	Description     types.String `tfsdk:"description"`
	CreatedAt       types.String `tfsdk:"created_at"`
	UpdatedAt       types.String `tfsdk:"updated_at"`
	CreatedByUserID types.String `tfsdk:"created_by_user_id"`
}

// evaluatorSummaryFromAPI is in as a list item, read as the resource reads
// the same attributes (the type in today's spelling, no description "").
func evaluatorSummaryFromAPI(in *arize.Evaluator) evaluatorSummaryModel {
	var m evaluatorModel
	m.setFromAPI(in)
	return evaluatorSummaryModel{
		ID: m.ID, SpaceID: m.SpaceID, Type: m.Type, Name: m.Name, Description: m.Description,
		CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt, CreatedByUserID: m.CreatedByUserID,
	}
}

type evaluatorsModel struct {
	evaluatorListFilters
	Evaluators []evaluatorSummaryModel `tfsdk:"evaluators"`
}

// evaluatorSummaryAttributes are an evaluator's attributes that the list
// API returns, all computed, with the resource's descriptions.
func evaluatorSummaryAttributes() map[string]schema.Attribute {
	computedString := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	return map[string]schema.Attribute{
		"id":                 computedString(descEvaluatorID),
		"space_id":           computedString(descEvaluatorSpaceID),
		"type":               computedString(descEvaluatorType),
		"name":               computedString(descEvaluatorName),
		"description":        computedString(descEvaluatorDescription),
		"created_at":         computedString(descEvaluatorCreatedAt),
		"updated_at":         computedString(descEvaluatorUpdatedAt),
		"created_by_user_id": computedString(descEvaluatorCreatedBy),
	}
}

func (d *evaluatorsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_evaluators"
}

func (d *evaluatorsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{}
	for name, desc := range evaluatorListFilterDescriptions {
		attrs[name] = schema.StringAttribute{
			MarkdownDescription: desc,
			Optional:            true,
			Validators:          evaluatorListFilterValidators[name],
		}
	}
	attrs["evaluators"] = schema.ListNestedAttribute{
		MarkdownDescription: "The matching evaluators, in the order the API returns them, each without its " +
			"configuration. " + descEvaluatorListNoVersion,
		Computed:     true,
		NestedObject: schema.NestedAttributeObject{Attributes: evaluatorSummaryAttributes()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Arize evaluators that match the filters, through every page of the API, " +
			"`HARNESS` and `REMOTE` ones included. No match is an empty list, not an error. " + descEvaluatorListNoVersion,
		Attributes: attrs,
	}
}

func (d *evaluatorsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *evaluatorsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg evaluatorsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	opts := cfg.options()
	all, err := d.client.ListEvaluators(ctx, opts)
	if err = evaluatorListError(opts, err, &resp.Diagnostics); err != nil {
		resp.Diagnostics.AddError(evaluator.couldNotList(), apiErrorDetail(evaluator, err))
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	cfg.Evaluators = make([]evaluatorSummaryModel, len(all))
	for i := range all {
		cfg.Evaluators[i] = evaluatorSummaryFromAPI(&all[i])
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}

// evaluatorListError reads a failed list of the evaluators that opts
// selects. The API answers 404 when a space filter names no space the key
// can see: for space_id, an error on that attribute, added to diags; for
// space_name alone, no evaluator matches, which is no error. Any other
// error is returned.
func evaluatorListError(opts arize.EvaluatorListOptions, err error, diags *diag.Diagnostics) error {
	if !arize.IsNotFound(err) {
		return err
	}
	if opts.SpaceID == "" {
		return nil
	}
	detail := fmt.Sprintf("No space with ID %q exists that the provider's API key can see", opts.SpaceID)
	if opts.SpaceName != "" {
		detail += fmt.Sprintf(", or its name does not contain %q", opts.SpaceName)
	}
	diags.AddAttributeError(path.Root("space_id"), space.notFound(), detail+".\n\n"+err.Error())
	return nil
}
