package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ datasource.DataSourceWithConfigure = (*rolesDataSource)(nil)

// rolesDataSource is data "arize_roles": every role of the account, or only
// the predefined or only the custom ones.
type rolesDataSource struct {
	client *arize.Client
}

// NewRolesDataSource returns the arize_roles data source.
func NewRolesDataSource() datasource.DataSource {
	return &rolesDataSource{}
}

type rolesModel struct {
	IsPredefined types.Bool      `tfsdk:"is_predefined"`
	Roles        []roleDataModel `tfsdk:"roles"`
}

func (d *rolesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_roles"
}

func (d *rolesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Arize roles of the account, predefined and custom, or only one kind, through " +
			"every page of the API. Arize's role list has no filter by name.",
		Attributes: map[string]schema.Attribute{
			"is_predefined": schema.BoolAttribute{
				MarkdownDescription: descCustomRolePredefinedFilter,
				Optional:            true,
			},
			"roles": schema.ListNestedAttribute{
				MarkdownDescription: "The roles, in the order the API returns them.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: roleDataSourceAttributes()},
			},
		},
	}
}

func (d *rolesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *rolesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg rolesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := d.client.ListRoles(ctx, arize.RoleListOptions{IsPredefined: cfg.IsPredefined.ValueBoolPointer(), Limit: maxPageSize})
	if err != nil {
		resp.Diagnostics.AddError(customRole.couldNotList(), apiErrorDetail(customRole, err))
		return
	}
	cfg.Roles = make([]roleDataModel, len(all))
	for i := range all {
		cfg.Roles[i].setFromAPI(&all[i])
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
