package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Descriptions of the project restriction's attributes.
const (
	descRestrictionProjectID = "The ID of the project to restrict (an `arize_project`'s `id`). A project has at most one " +
		"restriction, so this is also the restriction's ID, its import ID and its identity. Changing it replaces the " +
		"restriction: the old project's is lifted, and the new project is restricted."
	descRestrictionID        = "The restricted project's ID, the same as `project_id`: a restriction has no ID of its own."
	descRestrictionCreatedAt = "When the project was restricted (RFC 3339): when Arize made the restriction, which may be " +
		"before Terraform managed it (see above)."
	// descRestrictionWhat is what a restriction does, in the API's terms.
	descRestrictionWhat = "A restriction keeps roles bound higher up, on the project's space, its organization or the " +
		"account, from reaching the project: once it is restricted, only the roles bound on the project itself " +
		"(`arize_role_binding` with `resource_type = \"PROJECT\"`) grant access to it. Users who reach the project only " +
		"through a role on its space, its organization or the account lose access to it."
)

func (r *projectRestrictionResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"project_id": identityschema.StringAttribute{
				Description:       "The restricted project's ID: a project has at most one restriction, which has no ID of its own.",
				RequiredForImport: true,
			},
		},
	}
}

func (r *projectRestrictionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Restricts an Arize AX project. " + descRestrictionWhat + "\n\n" +
			"Bind the roles that must keep access on the project before restricting it, including one for the identity " +
			"behind the provider's API key if it reaches the project only through its space: otherwise the key can no " +
			"longer read the project, and `arize_project` fails with 403 Forbidden.\n\n" +
			"**One per project, identified by the project.** A restriction has no ID of its own: `project_id` is its " +
			"ID, its import ID and its identity. Creating one is idempotent in Arize: restricting a project that is " +
			"already restricted (in the UI, say) keeps that restriction and its `created_at`, and this resource then " +
			"manages it; the provider logs a warning saying so when that restriction was made more than a minute " +
			"before the create.\n\n" +
			"**Reading it.** Arize has no call that reads one restriction: a refresh pages through the list of the " +
			"account's restrictions until it finds the project's, one request per page (of up to 100). A restriction " +
			"that is gone (lifted outside Terraform, or deleted with its project) is removed from state, and the next " +
			"plan restricts the project again. Arize lists only the restrictions the provider's API key may manage.\n\n" +
			"**Destroying it lifts the restriction**: the roles bound on the project's space, organization and account " +
			"reach the project again. Nothing else is deleted, so there is no `deletion_protection`. A restriction " +
			"already lifted counts as destroyed.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: descRestrictionID,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"project_id": schema.StringAttribute{
				MarkdownDescription: descRestrictionProjectID,
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), notBlankValidator{}},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: descRestrictionCreatedAt,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}
