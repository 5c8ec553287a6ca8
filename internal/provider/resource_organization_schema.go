package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func (r *organizationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Arize AX organization: a top-level container within the account that groups spaces and " +
			"manages access to them. Its name is unique within the account. Changing `name` or `description` updates it in place.\n\n" +
			"**Deleting an organization destroys everything in it.** In Arize's words, this deletes the organization and " + descOrgDeletes + ". " +
			"This operation is irreversible. So `deletion_protection` is on by default: while it is `true`, a plan that would " +
			"destroy or replace the organization fails, even once its block has been removed from the configuration. " +
			"Set it to `false` and apply first when the deletion is meant.\n\n" +
			"An organization made outside Terraform is imported by its ID (or its identity), or found with `terraform query` " +
			"and the `arize_organization` list resource.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: descOrgID,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: descOrgName + " Renaming it to a name another organization has fails.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.UTF8LengthBetween(1, maxNameChars),
					notBlankValidator{},
				},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: descOrgDescription + " Removing it from the configuration clears it.",
				Optional:            true,
				Computed:            true,
				// The API reads an organization without a description as
				// "": planning "" for an omitted one makes a removed
				// description a planned clear, and the read after it, or
				// after an import, no diff.
				Default:    stringdefault.StaticString(""),
				Validators: []validator.String{stringvalidator.UTF8LengthAtMost(maxDescriptionChars)},
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: descOrgCreatedAt,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"deletion_protection": deletionProtectionAttribute(organization, descOrgDeletes),
		},
	}
}
