package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ datasource.DataSourceWithConfigure        = (*userDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*userDataSource)(nil)
)

// userDataSource is data "arize_user": one user, looked up by id or by
// email, matched whole and ignoring case.
type userDataSource struct {
	client *arize.Client
}

// NewUserDataSource returns the arize_user data source.
func NewUserDataSource() datasource.DataSource {
	return &userDataSource{}
}

// userDataSourceAttributes are a user's attributes as data sources expose
// them: everything the API returns, all computed.
func userDataSourceAttributes() map[string]schema.Attribute {
	computedString := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	return map[string]schema.Attribute{
		"id":           computedString(descUserID),
		"email":        computedString(descUserEmail),
		"name":         computedString(descUserName),
		"role":         computedString(descUserRole),
		"is_developer": schema.BoolAttribute{MarkdownDescription: descUserIsDeveloper, Computed: true},
		"status":       computedString(descUserStatus),
		"created_at":   computedString(descUserCreatedAt),
	}
}

func (d *userDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (d *userDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := userDataSourceAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: descUserID + " Give exactly one of `id` and `email`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["email"] = schema.StringAttribute{
		MarkdownDescription: descUserEmail + " Matched whole, ignoring case, as Arize compares emails; the answer " +
			"holds the email as Arize has it. Give exactly one of `id` and `email`.",
		Optional: true,
		Computed: true,
		// The API's email filter takes at most 255 characters.
		Validators: []validator.String{stringvalidator.UTF8LengthBetween(1, maxNameChars)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one user of the Arize account by `id` or by `email`, for example to give a " +
			"user that Terraform does not manage a membership or a role binding. A deleted user is not found.",
		Attributes: attrs,
	}
}

func (d *userDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("email")),
	}
}

func (d *userDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *userDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg userModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var found *arize.User
	if id := cfg.ID.ValueString(); id != "" {
		found = lookupByID(ctx, userObject, id, d.client.GetUser, &resp.Diagnostics)
		if found != nil && !found.Status.Known() {
			// As the resource reads it: a status outside the API's enum is
			// the "inactive" of a deleted user (users.md, disagreement 2).
			resp.Diagnostics.AddAttributeError(path.Root("id"), userObject.notFound(), fmt.Sprintf(
				"The user with ID %q has the status %q, which is not ACTIVE, INVITED or EXPIRED: Arize has deleted "+
					"(blocked) that user.", id, found.Status))
			return
		}
	} else {
		email := cfg.Email.ValueString()
		var err error
		found, err = d.client.FindUserByEmail(ctx, email)
		switch {
		case err != nil:
			resp.Diagnostics.AddError(userObject.couldNotList(), apiErrorDetail(userObject, err))
			return
		case found == nil:
			resp.Diagnostics.AddAttributeError(path.Root("email"), userObject.notFound(), fmt.Sprintf(
				"No user with the email %q exists in this Arize account (compared ignoring case; a deleted user is "+
					"not listed).", email))
			return
		}
	}
	if found == nil {
		return
	}
	var out userModel
	out.setFromAPI(found)
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}
