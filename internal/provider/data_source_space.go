package provider

import (
	"context"
	"fmt"

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
	_ datasource.DataSourceWithConfigure        = (*spaceDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*spaceDataSource)(nil)
)

// spaceDataSource is data "arize_space": one space, looked up by id, or by
// exact name within an organization (names are unique only there).
type spaceDataSource struct {
	client *arize.Client
}

// NewSpaceDataSource returns the arize_space data source.
func NewSpaceDataSource() datasource.DataSource {
	return &spaceDataSource{}
}

func (d *spaceDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_space"
}

func (d *spaceDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := spaceDataSourceAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: descSpaceOwnID + " Give exactly one of `id` and `name`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["name"] = schema.StringAttribute{
		MarkdownDescription: descSpaceName + " Matched exactly, within `organization_id`, which it needs. " +
			"Give exactly one of `id` and `name`.",
		Optional: true,
		Computed: true,
		Validators: []validator.String{
			stringvalidator.UTF8LengthBetween(1, maxNameChars),
			// Space names are unique only within an organization.
			stringvalidator.AlsoRequires(path.MatchRoot("organization_id")),
		},
	}
	attrs["organization_id"] = schema.StringAttribute{
		MarkdownDescription: descSpaceOrganizationID + " Required with `name`. With `id`, optional: when given, the " +
			"space must belong to it; when not, it is found by listing each organization's spaces.",
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one Arize space by `id`, or by exact `name` within an organization " +
			"(`organization_id`), to reference it from other configuration, such as an AI integration's `scopings`.",
		Attributes: attrs,
	}
}

func (d *spaceDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *spaceDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *spaceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg spaceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	orgID := cfg.OrganizationID.ValueString()
	var found *arize.Space
	if id := cfg.ID.ValueString(); id != "" {
		found, orgID = d.byID(ctx, id, orgID, &resp.Diagnostics)
	} else {
		found = lookupByName(ctx, space, cfg.Name.ValueString(),
			func(ctx context.Context, name string) ([]arize.Space, error) {
				return d.client.ListSpaces(ctx, arize.SpaceListOptions{OrganizationID: orgID, Name: name, Limit: maxPageSize})
			},
			func(in *arize.Space) (string, string) { return in.Name, in.ID },
			&resp.Diagnostics)
	}
	if found == nil || resp.Diagnostics.HasError() {
		return
	}
	out := spaceFromAPI(found, orgID)
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}

// byID reads the space id and the ID of its organization: orgID, checked to
// list the space, when the configuration gives one; otherwise the one found
// by listing each organization's spaces.
func (d *spaceDataSource) byID(ctx context.Context, id, orgID string, diags *diag.Diagnostics) (*arize.Space, string) {
	got, err := d.client.GetSpace(ctx, id)
	if arize.IsForbidden(err) {
		diags.AddAttributeError(path.Root("id"), space.couldNot("read"), spaceReadErrorDetail("", id, err))
		return nil, ""
	}
	got = lookupByID(ctx, space, id, func(context.Context, string) (*arize.Space, error) { return got, err }, diags)
	if got == nil {
		return nil, ""
	}
	if orgID != "" {
		// The API's name filter narrows the organization's list to a page.
		same, err := d.client.ListSpaces(ctx, arize.SpaceListOptions{OrganizationID: orgID, Name: got.Name, Limit: maxPageSize})
		if err != nil && !arize.IsNotFound(err) {
			diags.AddError(space.couldNotList(), apiErrorDetail(space, err))
			return nil, ""
		}
		for _, s := range same {
			if s.ID == id {
				return got, orgID
			}
		}
		diags.AddAttributeError(path.Root("organization_id"), "Space not in this organization",
			fmt.Sprintf("Space %q (ID %s) is not in an organization with ID %q.", got.Name, id, orgID))
		return nil, ""
	}
	orgID, err = d.client.FindSpaceOrganization(ctx, id)
	if err != nil {
		diags.AddError("Could not find the organization of the Arize space", apiErrorDetail(space, err))
		return nil, ""
	}
	if orgID == "" {
		diags.AddError("Could not find the organization of the Arize space", fmt.Sprintf(
			"No organization that the provider's API key can see lists space %q (ID %s), so its organization_id "+
				"cannot be found. Check that the key can list the space's organization.", got.Name, id))
		return nil, ""
	}
	return got, orgID
}

// spaceDataSourceAttributes are a space's attributes as data sources expose
// them: everything the API returns, and organization_id, all computed.
func spaceDataSourceAttributes() map[string]schema.Attribute {
	computedString := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	return map[string]schema.Attribute{
		"id":              computedString(descSpaceOwnID),
		"organization_id": computedString(descSpaceOrganizationID),
		"name":            computedString(descSpaceName),
		"description":     computedString(descSpaceDescription),
		"is_private":      schema.BoolAttribute{MarkdownDescription: descSpaceIsPrivate, Computed: true},
		"created_at":      computedString(descSpaceCreatedAt),
	}
}
