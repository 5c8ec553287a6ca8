package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func (r *spaceResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Arize AX space: a container within an organization for projects, datasets, experiments " +
			"and the like, with its own access control. Its name is unique within its organization. Changing `name`, " +
			"`description` or `is_private` updates it in place; changing `organization_id` replaces it, since a space " +
			"cannot move to another organization.\n\n" +
			"**Deleting a space is irreversible.** It deletes the space and " + descSpaceDeletes + ". " +
			"AI integrations scoped to the space are kept by Arize, with their scoping unchanged. So `deletion_protection` " +
			"is on by default: while it is `true`, a plan that would destroy or replace the space fails, even once its " +
			"block has been removed from the configuration. Set it to `false` and apply first when the deletion is meant.\n\n" +
			"The provider's API key must be able to see the space: a private space is visible only to its members and to " +
			"admins. If Arize answers a read with 403 Forbidden, the plan fails with an error rather than forgetting the " +
			"space; a space that no longer exists (404) is removed from state, and the next plan creates it again.\n\n" +
			"A space made outside Terraform is imported by its ID, or by `<organization_id>/<space_id>`, or by its identity " +
			"(the ID), or found with `terraform query` and the `arize_space` list resource. Arize does not say which " +
			"organization a space belongs to, so an import by ID alone finds it by listing each organization's spaces.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: descSpaceOwnID,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"organization_id": schema.StringAttribute{
				MarkdownDescription: descSpaceOrganizationID + " Changing it replaces the space (a delete, then a create), " +
					"which `deletion_protection` refuses while it is `true`.",
				Required: true,
				Validators: []validator.String{
					stringvalidator.LengthAtLeast(1),
				},
				// ModifyPlan asks for the same replacement, where
				// deletion_protection can see it (see resource_space_plan.go).
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: descSpaceName + " Renaming it to a name another space of the organization has fails; " +
					"spaces of other organizations may share it.",
				Required: true,
				Validators: []validator.String{
					stringvalidator.UTF8LengthBetween(1, maxNameChars),
					notBlankValidator{},
				},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: descSpaceDescription + " Removing it from the configuration clears it.",
				Optional:            true,
				Computed:            true,
				// The API reads a space without a description as "":
				// planning "" for an omitted one makes a removed
				// description a planned clear, and the read after it, or
				// after an import, no diff.
				Default:    stringdefault.StaticString(""),
				Validators: []validator.String{stringvalidator.UTF8LengthAtMost(maxDescriptionChars)},
			},
			"is_private": schema.BoolAttribute{
				MarkdownDescription: descSpaceIsPrivate + " Defaults to `false`. Before making a space private, make sure " +
					"the identity behind the provider's API key is a member of it (or an admin): otherwise the next read " +
					"fails with 403 Forbidden.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: descSpaceCreatedAt,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"deletion_protection": deletionProtectionAttribute(space, descSpaceDeletes),
		},
	}
}
