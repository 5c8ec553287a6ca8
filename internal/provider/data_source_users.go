package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var _ datasource.DataSourceWithConfigure = (*usersDataSource)(nil)

// usersDataSource is data "arize_users": every user the API's filters
// match.
type usersDataSource struct {
	client *arize.Client
}

// NewUsersDataSource returns the arize_users data source.
func NewUsersDataSource() datasource.DataSource {
	return &usersDataSource{}
}

// userFilters are the user list API's filters, which data "arize_users" and
// list "arize_user" both take.
type userFilters struct {
	Email    types.String `tfsdk:"email"`
	Statuses types.List   `tfsdk:"statuses"`
}

// options turns the filters into the client's list options, at the largest
// page size.
func (f userFilters) options(ctx context.Context, diags *diag.Diagnostics) arize.UserListOptions {
	opts := arize.UserListOptions{Email: f.Email.ValueString(), Limit: maxPageSize}
	for _, s := range stringList(ctx, f.Statuses, diags) {
		opts.Statuses = append(opts.Statuses, arize.UserStatus(s))
	}
	return opts
}

// The filters' checks, as the API makes them: an email filter of 1 to 255
// characters (empty would match everything, which leaving it out says), and
// statuses the API knows, at least one.
var (
	userEmailFilterValidators    = []validator.String{stringvalidator.UTF8LengthBetween(1, maxNameChars)}
	userStatusesFilterValidators = []validator.List{
		listvalidator.SizeAtLeast(1),
		listvalidator.ValueStringsAre(stringvalidator.OneOf(enumStrings(arize.UserStatuses())...)),
	}
)

type usersModel struct {
	userFilters
	Users []userModel `tfsdk:"users"`
}

func (d *usersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_users"
}

func (d *usersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the users of the Arize account, or those the API's filters match (a part of the " +
			"email, statuses), through every page of the API. No match is an empty list, not an error. A deleted user " +
			"is never listed.",
		Attributes: map[string]schema.Attribute{
			"email": schema.StringAttribute{
				MarkdownDescription: descUserEmailFilter,
				Optional:            true,
				Validators:          userEmailFilterValidators,
			},
			"statuses": schema.ListAttribute{
				MarkdownDescription: descUserStatusesFilter,
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          userStatusesFilterValidators,
			},
			"users": schema.ListNestedAttribute{
				MarkdownDescription: "The matching users, oldest first, as the API returns them.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: userDataSourceAttributes()},
			},
		},
	}
}

func (d *usersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *usersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg usersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	opts := cfg.options(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := d.client.ListUsers(ctx, opts)
	if err != nil {
		resp.Diagnostics.AddError(userObject.couldNotList(), apiErrorDetail(userObject, err))
		return
	}
	cfg.Users = make([]userModel, len(all))
	for i := range all {
		cfg.Users[i].setFromAPI(&all[i])
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
