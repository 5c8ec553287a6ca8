package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ datasource.DataSourceWithConfigure        = (*roleDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*roleDataSource)(nil)
)

// roleDataSource is data "arize_role": one role, predefined or custom,
// looked up by id or by exact name.
type roleDataSource struct {
	client *arize.Client
}

// NewRoleDataSource returns the arize_role data source.
func NewRoleDataSource() datasource.DataSource {
	return &roleDataSource{}
}

// roleDataSourceAttributes are a role's attributes as data sources expose
// them: everything the API returns, all computed.
func roleDataSourceAttributes() map[string]schema.Attribute {
	computedString := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	return map[string]schema.Attribute{
		"id":            computedString(descCustomRoleID),
		"name":          computedString(descCustomRoleName),
		"description":   computedString(descCustomRoleDescription),
		"permissions":   schema.SetAttribute{MarkdownDescription: descCustomRolePermissions, ElementType: types.StringType, Computed: true},
		"is_predefined": schema.BoolAttribute{MarkdownDescription: descCustomRoleIsPredefined, Computed: true},
		"created_at":    computedString(descCustomRoleCreatedAt),
		"updated_at":    computedString(descCustomRoleUpdatedAt),
	}
}

func (d *roleDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role"
}

func (d *roleDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := roleDataSourceAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: descCustomRoleID + " Give exactly one of `id` and `name`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["name"] = schema.StringAttribute{
		MarkdownDescription: descCustomRoleName + " Matched exactly, case included. Give exactly one of `id` and `name`.",
		Optional:            true,
		Computed:            true,
		// No name longer than the API allows can match.
		Validators: []validator.String{stringvalidator.UTF8LengthBetween(1, maxNameChars)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one Arize role, predefined or custom, by `id` or by exact `name`: for example " +
			"a predefined role such as `\"Annotator\"`, to grant it with an `arize_role_binding`, or a custom role that " +
			"Terraform does not manage. Arize's role list has no name filter, so a look-up by name reads the whole " +
			"list, one request per 100 roles.",
		Attributes: attrs,
	}
}

func (d *roleDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *roleDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *roleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg roleDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var found *arize.Role
	if id := cfg.ID.ValueString(); id != "" {
		found = lookupByID(ctx, customRole, id, d.client.GetRole, &resp.Diagnostics)
	} else {
		found = lookupByName(ctx, customRole, cfg.Name.ValueString(),
			// The API has no name filter: every role is a candidate,
			// and lookupByName keeps the exact name.
			func(ctx context.Context, _ string) ([]arize.Role, error) {
				return d.client.ListRoles(ctx, arize.RoleListOptions{Limit: maxPageSize})
			},
			func(in *arize.Role) (string, string) { return in.Name, in.ID },
			&resp.Diagnostics)
	}
	if found == nil {
		return
	}
	var out roleDataModel
	out.setFromAPI(found)
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}
