package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// maxPageSize is the largest page the list API serves: the fewest requests.
const maxPageSize = 100

// listFilters are the list API's filters, which data "arize_ai_integrations"
// and list "arize_ai_integration" both take.
type listFilters struct {
	Name      types.String `tfsdk:"name"`
	SpaceID   types.String `tfsdk:"space_id"`
	SpaceName types.String `tfsdk:"space_name"`
}

// listFilterDescriptions describe the filters, by attribute name.
var listFilterDescriptions = map[string]string{
	"name":       "Only integrations whose name contains this text, ignoring case (the API's `name` filter).",
	"space_id":   "Only integrations scoped to the space with this ID.",
	"space_name": "Only integrations scoped to a space whose name contains this text, ignoring case.",
}

// options turns the filters into the client's list options, at the largest
// page size.
func (f listFilters) options() arize.ListOptions {
	return arize.ListOptions{
		Name:      f.Name.ValueString(),
		SpaceID:   f.SpaceID.ValueString(),
		SpaceName: f.SpaceName.ValueString(),
		Limit:     maxPageSize,
	}
}

// listFilterValidators are the filters' checks: an empty filter would
// match everything, which leaving it out says.
var listFilterValidators = map[string][]validator.String{
	"name":       {stringvalidator.LengthAtLeast(1)},
	"space_id":   {stringvalidator.LengthAtLeast(1)},
	"space_name": {stringvalidator.LengthAtLeast(1)},
}

// listFilterDataSourceAttributes are a list API's string filters as a data
// source's optional attributes: one for each name in descriptions, checked
// by its validators.
func listFilterDataSourceAttributes(descriptions map[string]string, validators map[string][]validator.String) map[string]dsschema.Attribute {
	attrs := map[string]dsschema.Attribute{}
	for name, desc := range descriptions {
		attrs[name] = dsschema.StringAttribute{
			MarkdownDescription: desc,
			Optional:            true,
			Validators:          validators[name],
		}
	}
	return attrs
}

// listFilterListAttributes are a list API's string filters as a list
// resource's config: one for each name in descriptions, checked by its
// validators.
func listFilterListAttributes(descriptions map[string]string, validators map[string][]validator.String) map[string]listschema.Attribute {
	attrs := map[string]listschema.Attribute{}
	for name, desc := range descriptions {
		attrs[name] = listschema.StringAttribute{
			MarkdownDescription: desc,
			Optional:            true,
			Validators:          validators[name],
		}
	}
	return attrs
}

// containsFold reports whether s contains substr, ignoring case: the list
// API's name filters, applied to an object read by ID.
func containsFold(s, substr string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(substr))
}
