package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// Descriptions of the role binding's attributes, shared by
// arize_role_binding and its list resource. The resource appends what
// applies only to managing one.
const (
	descRoleBindingID     = "The role binding's ID, an opaque base64 string assigned by Arize."
	descRoleBindingUserID = "The ID of the Arize user the role is granted to; the user must already be a user of the Arize account."
	descRoleBindingType   = "What the role is granted on: `\"SPACE\"` or `\"PROJECT\"`."
	descRoleBindingResID  = "The ID of the space, or of the project, the role is granted on: a `PROJECT` binding takes a " +
		"project's ID, which Arize refuses when it names a space."
	descRoleBindingRoleID = "The ID of the role granted: a custom role's (`arize_role`) or a predefined role's; the " +
		"`arize_role` data source finds either by name."
	descRoleBindingCreatedAt = "When the binding was created (RFC 3339)."
	descRoleBindingUpdatedAt = "When the binding's role was last changed (RFC 3339)."

	descRoleBindingTypeFilter = "Only bindings on resources of this type, `\"SPACE\"` or `\"PROJECT\"` (the API's " +
		"`resource_type`). Arize lists one type per call: left out, the bindings on spaces are listed, then those on projects."
	descRoleBindingUserFilter = "Only the bindings of the user with this ID (the API's `user_id` filter). A user that does " +
		"not exist fails the query."
	// descRoleBindingEnds is when a binding ends without Terraform, for the
	// docs: the contract's cascades.
	descRoleBindingEnds = "A binding ends in Arize when its user is deleted, when its role is deleted, when its space is " +
		"deleted (or the space's organization), and when its user is removed from the space (a destroyed " +
		"`arize_space_member` or `arize_organization_member` does that). The next refresh drops it from state and the " +
		"plan creates it again, which fails if the user, the role or the space is gone for good."
)

// roleBindingResourceTypes are the values resource_type takes.
func roleBindingResourceTypes() []string {
	return enumStrings(arize.RoleBindingResourceTypes())
}

// roleBindingIDValidators refuse an empty or blank ID at plan time: the API
// would answer 422, after the plan promised a change.
func roleBindingIDValidators() []validator.String {
	return []validator.String{stringvalidator.LengthAtLeast(1), notBlankValidator{}}
}

func (r *roleBindingResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replaced := "Changing it replaces the binding: Arize keeps it fixed once made."
	resp.Schema = schema.Schema{
		MarkdownDescription: "A role binding: one role (`role_id`, custom or predefined) granted to one user on one space or " +
			"project. Changing the role changes the binding in place with one request; changing the user, the resource " +
			"type or the resource replaces it (deletes it, then creates the new one).\n\n" +
			"**One binding per user and resource.** Arize allows a user one binding on a space or project. Creating a " +
			"second fails with a 409 error, which names the binding the user already holds when the provider finds it, " +
			"and says how to import it (`terraform import arize_role_binding.<name> <binding id>`, or an import block).\n\n" +
			"**Bindings and `arize_space_member`.** A space membership (`arize_space_member`) gives a user a role in a " +
			"space through another record. Arize's documentation does not say whether a membership counts toward the one " +
			"binding per user and space, or shows in the bindings list; give each user on a space one of the two. Removing " +
			"the user from the space ends both. Only a binding grants a role on a project.\n\n" +
			"**Projects.** A `PROJECT` binding takes a project's ID in `resource_id`.\n\n" +
			descRoleBindingEnds + "\n\n" +
			"A binding made outside Terraform is imported by its ID (or its identity), or found with `terraform query` and " +
			"the `arize_role_binding` list resource. Destroying the resource deletes the binding: the user loses the role " +
			"on that resource, and nothing else is deleted.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: descRoleBindingID,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"user_id": schema.StringAttribute{
				MarkdownDescription: descRoleBindingUserID + " " + replaced,
				Required:            true,
				Validators:          roleBindingIDValidators(),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"resource_type": schema.StringAttribute{
				MarkdownDescription: descRoleBindingType + " " + replaced,
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(roleBindingResourceTypes()...)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"resource_id": schema.StringAttribute{
				MarkdownDescription: descRoleBindingResID + " " + replaced,
				Required:            true,
				Validators:          roleBindingIDValidators(),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"role_id": schema.StringAttribute{
				MarkdownDescription: descRoleBindingRoleID + " Changing it changes the binding in place.",
				Required:            true,
				Validators:          roleBindingIDValidators(),
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: descRoleBindingCreatedAt,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			// No plan modifier: the framework plans it unknown exactly
			// when the binding changes (the role's PATCH moves it, a
			// replacement makes a new one), and keeps it otherwise, so it
			// never makes a plan that would not otherwise be empty.
			"updated_at": schema.StringAttribute{
				MarkdownDescription: descRoleBindingUpdatedAt,
				Computed:            true,
			},
		},
	}
}
