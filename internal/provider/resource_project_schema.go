package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Descriptions of the project's attributes, shared by arize_project, its
// data sources and its list resource. The resource appends what applies
// only to managing one.
var (
	descProjectOwnID   = "The project's ID, an opaque base64 string assigned by Arize."
	descProjectSpaceID = "The ID of the space the project belongs to. A project never moves to another space."
	// No source gives a project name a length limit: the provider holds it
	// to the 255 characters of every other name, which is also the most
	// the API's name filter takes, and a create recovery and the data
	// source look a name up with that filter.
	descProjectName = fmt.Sprintf("The project's name, unique within its space: 1 to %d characters, not blank. "+
		"Projects of other spaces may share it.", maxNameChars)
	descProjectCreatedAt = "When the project was created (RFC 3339)."

	descProjectSpaceIDFilter   = "Only the projects of the space with this ID (the API's `space_id` filter). A space that does not exist, or that the provider's API key cannot see, is an error."
	descProjectSpaceNameFilter = "Only the projects of spaces whose name contains this text, ignoring case (the API's `space_name` filter). Matching no space, it finds no project."
	descProjectNameFilter      = "Only projects whose name contains this text, ignoring case (the API's `name` filter)."

	// descProjectDeletes is what deleting a project deletes with it, as
	// Arize documents it: the delete "is irreversible", and the project's
	// traces go with it.
	descProjectDeletes = "all the observability data it holds (its traces and spans)"

	// descProjectDeletesAccess is what deleting a project does to the
	// access set on it, as far as anyone can say: Arize's documentation
	// is silent, and only the emulator's reading is known.
	descProjectDeletesAccess = "Arize's documentation does not say what becomes of the project's restriction and the role " +
		"bindings on it; the emulator this provider is tested against deletes them with the project."

	// descProjectForbidden says what a 403 on a project means, for the docs.
	descProjectForbidden = "The provider's API key must be able to see the project. A project is hidden from a key when its " +
		"space is private to others, or when the project is restricted (`arize_project_restriction`) and the identity " +
		"behind the key has no role bound on the project itself. If Arize answers a read with 403 Forbidden, the plan " +
		"fails with an error rather than forgetting the project; a project that no longer exists (404) is removed from " +
		"state, and the next plan creates it again."
)

// projectNameValidators refuse at plan time a name the API would refuse,
// and one longer than the name filter takes.
func projectNameValidators() []validator.String {
	return []validator.String{stringvalidator.UTF8LengthBetween(1, maxNameChars), notBlankValidator{}}
}

func (r *projectResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Arize AX project: the container of one LLM application's observability data, its traces " +
			"and spans, inside a space. Its name is unique within its space. Changing `name` renames it in place with one " +
			"request; changing `space_id` replaces it, since a project cannot move to another space.\n\n" +
			"**Deleting a project is irreversible.** It deletes " + descProjectDeletes + ". " + descProjectDeletesAccess + " So " +
			"`deletion_protection` is on by default: while it is `true`, a plan that would destroy or replace the project fails, even once its " +
			"block has been removed from the configuration. Set it to `false` and apply first when the deletion is meant.\n\n" +
			"To keep roles bound on the space, the organization or the account from reaching the project, give it an " +
			"`arize_project_restriction`; grant access on the project itself with `arize_role_binding` " +
			"(`resource_type = \"PROJECT\"`).\n\n" +
			descProjectForbidden + "\n\n" +
			"A project made outside Terraform is imported by its ID, or by its identity (the ID), or found with " +
			"`terraform query` and the `arize_project` list resource.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: descProjectOwnID,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"space_id": schema.StringAttribute{
				MarkdownDescription: descProjectSpaceID + " Changing it replaces the project (a delete, then a create), " +
					"which `deletion_protection` refuses while it is `true`.",
				Required:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1), notBlankValidator{}},
				// ModifyPlan asks for the same replacement, where
				// deletion_protection can see it.
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: descProjectName + " Renaming it to a name another project of the space has fails.",
				Required:            true,
				Validators:          projectNameValidators(),
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: descProjectCreatedAt,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"deletion_protection": deletionProtectionAttribute(project, descProjectDeletes),
		},
	}
}
