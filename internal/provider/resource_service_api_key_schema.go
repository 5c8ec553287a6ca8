package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// The most organizations a service key may name, and spaces in each (the
// Python SDK's models).
const maxServiceKeyGrants = 100

// The roles a service key's account may be given at each level, and their
// defaults, which Arize applies when a role is left out.
var (
	serviceKeyAccountRoles = []string{string(arize.RoleAdmin), string(arize.RoleMember)}
	serviceKeyOrgRoles     = []string{string(arize.RoleAdmin), string(arize.RoleMember), string(arize.RoleReadOnly)}
	serviceKeySpaceRoles   = serviceKeyOrgRoles
)

const (
	defaultServiceKeyAccountRole = string(arize.RoleMember)
	defaultServiceKeyOrgRole     = string(arize.RoleReadOnly)
)

// Descriptions of what only a service key has.
const (
	descServiceKeyRolesKept = "Arize answers a service key's roles only when it makes the key, so Terraform keeps them " +
		"as it set them: a change made outside Terraform is not seen."
	// descServiceKeyRolesImported is what an attribute's description adds.
	descServiceKeyRolesImported = " An imported key's roles are unknown (Arize never answers them again): left out, " +
		"Terraform manages the key's life (rotation, expiry, revocation) but not its roles, and plans no change; set, " +
		"they are recorded in state as configured, unchecked. See the resource's description."
	descServiceKeyAccountRole = "The service account's account role: `\"ADMIN\"` or `\"MEMBER\"`. Left out, a key " +
		"Terraform makes gets `\"MEMBER\"`, Arize's default. It may be at most the account role of the identity behind " +
		"the provider's API key: Arize refuses `\"ADMIN\"` from a member. `\"ANNOTATOR\"` is refused: Arize does not " +
		"give it to service keys."
	descServiceKeyOrganizations = "Where the key's service account has roles: one to 100 organizations, each with one to " +
		"100 of its spaces. **Required to make a key**: a plan that would make or replace one without it fails; it may " +
		"be left out only on an imported key, whose roles Arize cannot read. Arize lists a service key by space, and " +
		"the provider reads the key through the first space of the first organization (after an import, through the " +
		"space given at import)."
	descServiceKeyOrgID   = "The organization's ID (`arize_organization` or its data source)."
	descServiceKeyOrgRole = "The service account's role in the organization: `\"ADMIN\"`, `\"MEMBER\"` or `\"READ_ONLY\"` " +
		"(the default, as in Arize). Custom roles are for spaces only."
	descServiceKeySpaces    = "The spaces of the organization the service account has a role in: one to 100."
	descServiceKeySpaceID   = "The space's ID; the space must belong to the organization."
	descServiceKeySpaceRole = "The service account's predefined role in the space: `\"ADMIN\"`, `\"MEMBER\"` or " +
		"`\"READ_ONLY\"`. Exactly one of `role` and `custom_role_id` is set."
	descServiceKeySpaceCustomRole = "The ID of a custom role (`arize_role`) to give the service account in the space " +
		"instead of a predefined `role`. Exactly one of `role` and `custom_role_id` is set."
	descServiceKeyBotUserID = "The ID of the key's service account, the identity it authenticates as. Arize answers it " +
		"only when it makes the key: null after an import, and after a create whose answer was lost (the provider " +
		"then finds the key by listing, and rotates it once to learn a secret)."
	descServiceKeyImportSpace = "The ID of a space the key has a role in: Arize lists service keys only by space."
)

// annotatorRefused is why Arize refuses ANNOTATOR for a service key, in its
// own words (422).
const annotatorRefused = "Arize refuses the ANNOTATOR role for service keys (\"not valid for service keys\", 422)."

func (r *serviceAPIKeyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := apiKeyAttributes("Its service account is another identity: `bot_user_id`.")
	attrs["account_role"] = schema.StringAttribute{
		MarkdownDescription: descServiceKeyAccountRole + " " + descAPIKeyReplaced + " " + descServiceKeyRolesKept + descServiceKeyRolesImported,
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{serviceKeyRoleValidator{allowed: serviceKeyAccountRoles}},
		// No static default: an imported key's account role is unknown,
		// and a default would plan a change to every adopted key.
		PlanModifiers: []planmodifier.String{
			defaultAccountRoleUnlessImported{},
			stringplanmodifier.RequiresReplaceIf(replaceUnlessImported, replaceUnlessImportedDesc, replaceUnlessImportedDesc),
		},
	}
	attrs["organizations"] = schema.ListNestedAttribute{
		MarkdownDescription: descServiceKeyOrganizations + " " + descAPIKeyReplaced + " " + descServiceKeyRolesKept + descServiceKeyRolesImported,
		// Optional so that an adopted key, whose roles Arize cannot read,
		// plans no change; ModifyPlan requires it of a key to be made.
		Optional:   true,
		Validators: []validator.List{listvalidator.SizeBetween(1, maxServiceKeyGrants)},
		PlanModifiers: []planmodifier.List{listplanmodifier.RequiresReplaceIf(replaceListUnlessImported,
			replaceUnlessImportedDesc, replaceUnlessImportedDesc)},
		NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{
				"organization_id": schema.StringAttribute{
					MarkdownDescription: descServiceKeyOrgID,
					Required:            true,
					Validators:          roleBindingIDValidators(),
				},
				"role": schema.StringAttribute{
					MarkdownDescription: descServiceKeyOrgRole,
					Optional:            true,
					Computed:            true,
					Default:             stringdefault.StaticString(defaultServiceKeyOrgRole),
					Validators:          []validator.String{serviceKeyRoleValidator{allowed: serviceKeyOrgRoles}},
				},
				"spaces": schema.ListNestedAttribute{
					MarkdownDescription: descServiceKeySpaces,
					Required:            true,
					Validators:          []validator.List{listvalidator.SizeBetween(1, maxServiceKeyGrants)},
					NestedObject: schema.NestedAttributeObject{
						Attributes: map[string]schema.Attribute{
							"space_id": schema.StringAttribute{
								MarkdownDescription: descServiceKeySpaceID,
								Required:            true,
								Validators:          roleBindingIDValidators(),
							},
							"role": schema.StringAttribute{
								MarkdownDescription: descServiceKeySpaceRole,
								Optional:            true,
								Validators:          []validator.String{serviceKeyRoleValidator{allowed: serviceKeySpaceRoles}},
							},
							"custom_role_id": schema.StringAttribute{
								MarkdownDescription: descServiceKeySpaceCustomRole,
								Optional:            true,
								Validators:          roleBindingIDValidators(),
							},
						},
					},
				},
			},
		},
	}
	attrs["bot_user_id"] = schema.StringAttribute{
		MarkdownDescription: descServiceKeyBotUserID,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: serviceAPIKeyDoc,
		Attributes:          attrs,
	}
}

// serviceAPIKeyDoc is the resource's description.
var serviceAPIKeyDoc = "A service API key of Arize AX: a key for pipelines and automation, which authenticates as its " +
	"own service account (not as a person), with the roles this resource gives it: an account role, a role in each " +
	"organization, and a role in each space.\n\n" +
	"**The secret** is in `key`. Arize answers it once, when the key is made or rotated, and never again. " +
	descAPIKeySecretInState + " For example, write it straight into a secret store, where the pipeline reads it, " +
	"and let no one copy it by hand:\n\n" +
	"```terraform\n" +
	"resource \"aws_secretsmanager_secret\" \"pipeline\" {\n" +
	"  name = \"arize/pipeline-api-key\"\n" +
	"}\n\n" +
	"resource \"aws_secretsmanager_secret_version\" \"pipeline\" {\n" +
	"  secret_id     = aws_secretsmanager_secret.pipeline.id\n" +
	"  secret_string = arize_service_api_key.pipeline.key\n" +
	"}\n" +
	"```\n\n" +
	"or into Vault:\n\n" +
	"```terraform\n" +
	"resource \"vault_kv_secret_v2\" \"pipeline\" {\n" +
	"  mount     = \"secret\"\n" +
	"  name      = \"arize/pipeline\"\n" +
	"  data_json = jsonencode({ api_key = arize_service_api_key.pipeline.key })\n" +
	"}\n" +
	"```\n\n" +
	"A rotation (below) updates the secret store in the same apply.\n\n" +
	"**Changes.** Arize cannot change a key: a change of `name`, `description`, `expires_at`, `account_role` or " +
	"`organizations` replaces it (a new key with a new ID, service account and secret; the old one is revoked). " +
	descAPIKeyDistinctNames + "\n\n" +
	"**Rotation.** Changing `rotation` (any string, for example `time_rotating.<name>.id`) rotates the key in place " +
	"with one request: Arize refreshes it, so the ID, the service account and its roles stay, `key` and " +
	"`redacted_key` change, and the old secret stops working at once. Setting `rotation` for the first time on an " +
	"existing key rotates it too; removing it does not.\n\n" +
	"**Reading it.** Arize has no call that reads one key: the provider pages the list of the active service keys of " +
	"the first space of the first organization (after an import, of the space given at import), then, if the key is " +
	"not there, the revoked ones. A key revoked outside Terraform, or past its `expires_at`, is gone from state, and " +
	"the next plan makes a new one. " + descAPIKeyUnseen + " " + descServiceKeyRolesKept + " If someone rotates the key outside " +
	"Terraform, `redacted_key` shows it, and the secret in state no longer works: change `rotation` to issue one " +
	"Terraform knows. If that first space is deleted, Arize can no longer list the key: the provider keeps it in " +
	"state as it was and warns; point `organizations` at spaces that exist, which replaces the key and revokes this " +
	"one. " + descAPIKeyNoLastUsed + "\n\n" +
	"**Destroying** the resource revokes the key: every secret of it stops working at once. (Arize does not say what " +
	"becomes of the service account.)\n\n" +
	"**Import** by `\"<space_id>/<key_id>\"`, where the space is one the key has a role in (Arize lists service keys " +
	"by space only), or by the identity `{ id = \"<key_id>\", space_id = \"<space_id>\" }` (Terraform 1.12 or later), " +
	"which also takes IDs that themselves contain `/`. `terraform query` finds the account's service keys with the " +
	"`arize_service_api_key` list resource, and `-generate-config-out` writes their configuration.\n\n" +
	"**An imported key's secret is never recovered**: Arize answers it only when the key is made or rotated, so `key` " +
	"is null after an import. Set or change `rotation` to rotate the key: the old secret stops working at once, and " +
	"the new one is in state, for the systems that use the key.\n\n" +
	"**An imported key's roles are unknown**: Arize never answers a service key's roles again, so `account_role` " +
	"and `organizations` are null after an import, and `bot_user_id` too. Two ways to manage it then:\n\n" +
	"- Leave `account_role` and `organizations` out or null (`-generate-config-out` writes `organizations = null` " +
	"and no `account_role`): the plan is empty, and Terraform manages the key's life (it can rotate it, sees it expire, and revokes it on destroy) but " +
	"not its roles. A plan that would make a new key instead (a change of `name`, `description` or `expires_at` " +
	"replaces it, and a key revoked or expired is made again) fails until `organizations` is set, since Arize cannot " +
	"make a key without it.\n" +
	"- Set them to the roles the key has: the next plan records them in state, an update in place that sends nothing " +
	"to Arize, and warns that nothing checked them. From then on they are managed as on a key Terraform made: a " +
	"change replaces the key. If the key's real roles differ, replace it (`terraform apply -replace`)."

// serviceAPIKeyIdentitySchema is a service key's identity: its ID, and the
// space it is listed under, without which Arize cannot find it.
func serviceAPIKeyIdentitySchema() identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id":       identityschema.StringAttribute{Description: descAPIKeyID, RequiredForImport: true},
			"space_id": identityschema.StringAttribute{Description: descServiceKeyImportSpace, RequiredForImport: true},
		},
	}
}

// replaceUnlessImportedDesc says when a role change replaces the key.
const replaceUnlessImportedDesc = "Replaces the key when the value in state changes; a value that an import left " +
	"unknown is recorded in place."

// replaceUnlessImported is RequiresReplace, except for a value that state
// does not hold: an import cannot read a service key's roles, and
// recording the configured ones must not replace the key imported.
func replaceUnlessImported(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull()
}

func replaceListUnlessImported(_ context.Context, req planmodifier.ListRequest, resp *listplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull()
}

// defaultAccountRoleUnlessImported plans account_role when the
// configuration leaves it out: Arize's default, MEMBER, for a key to be
// made (no state: a create, or the create half of a replacement, which
// Terraform plans with no state) and for a key whose state holds a role
// (the schema's default until adopted keys could leave it out, so such a
// configuration plans as it always did); null for a key whose state holds
// none, an imported one whose roles Arize cannot read, so that adopting a
// key plans no change.
type defaultAccountRoleUnlessImported struct{}

func (defaultAccountRoleUnlessImported) Description(context.Context) string {
	return "defaults to \"" + defaultServiceKeyAccountRole + "\", except on an imported key whose role is unknown"
}

func (m defaultAccountRoleUnlessImported) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (defaultAccountRoleUnlessImported) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !req.ConfigValue.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	if !req.State.Raw.IsNull() && req.StateValue.IsNull() {
		resp.PlanValue = types.StringNull()
		return
	}
	resp.PlanValue = types.StringValue(defaultServiceKeyAccountRole)
}

// serviceKeyRoleValidator requires one of the predefined roles a service
// key takes at one level, and says why ANNOTATOR, which the other roles of
// the provider take, is not one.
type serviceKeyRoleValidator struct {
	allowed []string
}

func (v serviceKeyRoleValidator) Description(context.Context) string {
	return "must be one of " + quotedValues(v.allowed, "or")
}

func (v serviceKeyRoleValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v serviceKeyRoleValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || slices.Contains(v.allowed, req.ConfigValue.ValueString()) {
		return
	}
	detail := fmt.Sprintf("%s is %q; a service key's role here is one of %s.", req.Path, req.ConfigValue.ValueString(),
		quotedValues(v.allowed, "or"))
	if req.ConfigValue.ValueString() == string(arize.RoleAnnotator) {
		detail += " " + annotatorRefused
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid service key role", detail)
}
