package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// Descriptions of the role's attributes, shared by arize_role, its data
// sources and its list resource. The resource appends what applies only to
// managing one.
var (
	descCustomRoleID   = "The role's ID, an opaque base64 string assigned by Arize."
	descCustomRoleName = fmt.Sprintf("The role's name, unique within the Arize account, the predefined roles' names "+
		"included: 1 to %d characters, not blank.", maxNameChars)
	descCustomRoleDescription = fmt.Sprintf("The role's description, at most %d characters; null when it has none.", maxDescriptionChars)
	descCustomRolePermissions = "The permissions the role grants: Arize `Permission` names, `{RESOURCE}_{ACTION}` in " +
		"upper case, such as `\"PROJECT_READ\"` or `\"DATASET_EXAMPLE_ANNOTATE\"`. A set: their order does not matter."
	descCustomRoleIsPredefined = "Whether the role is one of Arize's predefined roles (such as `\"Annotator\"`), which " +
		"come with the account and are read-only, rather than a custom one."
	descCustomRoleCreatedAt = "When the role was created (RFC 3339)."
	descCustomRoleUpdatedAt = "When the role was last changed (RFC 3339)."

	descCustomRolePredefinedFilter = "Only the predefined roles (`true`) or only the custom ones (`false`); left out, " +
		"both (the API's `is_predefined` filter)."
	// descCustomRolePermissionsChecked says what the provider does with a
	// permission name: the API's enum grows, so it only warns.
	descCustomRolePermissionsChecked = fmt.Sprintf("The provider knows the %d permission names of Arize's API as of "+
		"August 2026 and warns at plan time about any other, naming it: Arize adds permissions between releases, so "+
		"a name the provider does not know may be one it does not know yet, and the plan goes on. Arize checks every "+
		"name when the role is created or changed, and refuses one it does not know with an error that names it.",
		len(arize.KnownPermissions()))
	// descCustomRoleDeletes is what deleting a role does, as far as
	// anyone can say.
	descCustomRoleDeletes = "Arize's documentation does not say what happens to the role bindings that grant a deleted " +
		"role. Assume they end with it: a binding of a role that no longer exists grants nothing, and the emulator " +
		"this provider is tested against deletes them. Terraform destroys the `arize_role_binding`s that reference " +
		"a role's `id` before the role itself."
)

func (r *roleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A custom role of the Arize account: a named set of permissions, which `arize_role_binding` " +
			"grants to users on spaces and projects. Changing `name`, `description` or `permissions` changes the role " +
			"in place with one request, which replaces its whole set of permissions.\n\n" +
			"**Permissions.** " + descCustomRolePermissionsChecked + "\n\n" +
			"**Predefined roles** (such as `\"Annotator\"`) come with the account and cannot be changed or " +
			"deleted: this resource refuses to import one, and the `arize_role` data source finds them by name.\n\n" +
			"**Deleting a role.** " + descCustomRoleDeletes + " A role holds no data, so it has no " +
			"`deletion_protection`: applying the configuration again makes it anew, with a new ID.\n\n" +
			"A role made outside Terraform is imported by its ID (or its identity), or found with `terraform query` " +
			"and the `arize_role` list resource.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: descCustomRoleID,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: descCustomRoleName + " Renaming it to a name another role has fails.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.UTF8LengthBetween(1, maxNameChars),
					notBlankValidator{},
				},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: descCustomRoleDescription + " Removing it from the configuration clears it.",
				Optional:            true,
				// Arize leaves an empty description out of its answers,
				// so "" would read back as null, a value the plan did not
				// promise: no description is written by leaving it out.
				Validators: []validator.String{stringvalidator.UTF8LengthBetween(1, maxDescriptionChars)},
			},
			"permissions": schema.SetAttribute{
				MarkdownDescription: descCustomRolePermissions + " At least one. A name the provider's list lacks is a " +
					"warning at plan time, never an error; Arize refuses, when the role is applied, a name it does not know.",
				ElementType: types.StringType,
				Required:    true,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
					unknownPermissionsWarning{},
				},
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: descCustomRoleCreatedAt,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			// No UseStateForUnknown: every PATCH moves it, so a planned
			// change shows it as known after apply, and the answer's value
			// is the new state. A plan without a change keeps the state's.
			"updated_at": schema.StringAttribute{
				MarkdownDescription: descCustomRoleUpdatedAt,
				Computed:            true,
			},
		},
	}
}

// unknownPermissionsWarning warns, at plan time and with no API call, about
// permission names that the provider's list does not have. It never fails:
// Arize's enum grows between releases, so a name missing from the list may
// be newer than it, and the API, which knows its own enum, is the judge.
type unknownPermissionsWarning struct{}

func (unknownPermissionsWarning) Description(context.Context) string {
	return "warns about permission names the provider does not know"
}

func (v unknownPermissionsWarning) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (unknownPermissionsWarning) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	var names []string
	for _, elem := range req.ConfigValue.Elements() {
		// A name known only at apply is checked by Arize then.
		if s, ok := elem.(types.String); ok && !s.IsNull() && !s.IsUnknown() {
			names = append(names, s.ValueString())
		}
	}
	unknown := arize.UnknownPermissions(names)
	if len(unknown) == 0 {
		return
	}
	summary, them := "Permission unknown to this provider", "it"
	if len(unknown) > 1 {
		summary, them = "Permissions unknown to this provider", "them"
	}
	resp.Diagnostics.AddAttributeWarning(req.Path, summary, unknownPermissionsDetail(unknown, them))
}

// unknownPermissionsDetail says which names the provider does not know,
// suggests the known name a misspelt one was probably meant to be, and why
// the plan goes on.
func unknownPermissionsDetail(unknown []string, them string) string {
	var b strings.Builder
	b.WriteString("The provider's list of Arize permissions does not have ")
	b.WriteString(quotedValues(unknown, "and"))
	b.WriteString(".")
	for _, name := range unknown {
		if guess := strings.ToUpper(strings.TrimSpace(name)); guess != name && arize.KnownPermission(guess) {
			fmt.Fprintf(&b, " Did you mean %q rather than %q?", guess, name)
		}
	}
	fmt.Fprintf(&b, "\n\nThat list is Arize's as of August 2026, and Arize adds permissions between releases, so "+
		"the provider's list may be older than the API's: the plan goes on, and Arize checks %s when the role is "+
		"created or changed. A name Arize does not know either fails that apply with an error that names it.", them)
	return b.String()
}
