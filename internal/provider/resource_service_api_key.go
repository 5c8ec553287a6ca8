package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ resource.ResourceWithConfigure      = (*serviceAPIKeyResource)(nil)
	_ resource.ResourceWithIdentity       = (*serviceAPIKeyResource)(nil)
	_ resource.ResourceWithImportState    = (*serviceAPIKeyResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*serviceAPIKeyResource)(nil)
	_ resource.ResourceWithValidateConfig = (*serviceAPIKeyResource)(nil)
)

// serviceAPIKey is how diagnostics name a service API key.
var serviceAPIKey = objectType{noun: "service API key", short: "key", resource: "arize_service_api_key"}

// serviceAPIKeyResource is arize_service_api_key: a key that authenticates
// as a service account made with it. Its schema is in
// resource_service_api_key_schema.go, its model in
// resource_service_api_key_model.go, and what it shares with
// arize_user_api_key in resource_api_key_common.go.
//
// Arize lists service keys only by space. The space the key is read
// through (the first configured one, or an import's) is kept in private
// state, and is the identity's space_id: an import, which cannot read the
// key's roles, still knows where to find it.
type serviceAPIKeyResource struct {
	client *arize.Client
}

// NewServiceAPIKeyResource returns the arize_service_api_key resource.
func NewServiceAPIKeyResource() resource.Resource {
	return &serviceAPIKeyResource{}
}

// privateListSpace is the private state key of the space the key is read
// through.
const privateListSpace = "list_space_id"

func (r *serviceAPIKeyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service_api_key"
}

func (r *serviceAPIKeyResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = serviceAPIKeyIdentitySchema()
}

func (r *serviceAPIKeyResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ValidateConfig checks the grants as Arize would, with no API call.
func (r *serviceAPIKeyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var organizations types.List
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("organizations"), &organizations)...)
	if resp.Diagnostics.HasError() {
		return
	}
	grants := serviceKeyGrants(ctx, organizations, &resp.Diagnostics)
	resp.Diagnostics.Append(checkServiceKeyGrants(grants)...)
}

// ModifyPlan holds the plan-time rules, none of which calls the API: a key
// is not made already expired, nor without organizations, and roles an
// import left unknown are recorded with a warning that nothing checked them.
func (r *serviceAPIKeyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	refusePastExpiry(ctx, req, resp, time.Now())
	if req.Plan.Raw.IsNull() {
		return
	}
	var planned types.List
	var plannedRole types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("organizations"), &planned)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("account_role"), &plannedRole)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if req.State.Raw.IsNull() {
		// A create, or the create half of a replacement, which Terraform
		// plans with no prior state.
		requireOrganizations(ctx, req, planned, &resp.Diagnostics)
		return
	}
	var prior types.List
	var priorRole types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("organizations"), &prior)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("account_role"), &priorRole)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Roles an import left unknown that the configuration now sets.
	at := path.Root("organizations")
	switch {
	case grantsNull(prior) && !planned.IsNull():
	case grantsNull(priorRole) && !plannedRole.IsNull():
		at = path.Root("account_role")
	default:
		return
	}
	resp.Diagnostics.AddAttributeWarning(at, "Service key roles not read from Arize",
		"This service API key was imported, and Arize cannot read a service key's roles back (it answers them only "+
			"when it makes the key). The apply records the configured account_role and organizations in Terraform's "+
			"state, as they are, and sends nothing to Arize: nothing checks that they are the key's. If the key has "+
			"other roles, replace it (terraform apply -replace) to make one with the configured roles.")
}

// requireOrganizations fails the plan of a key to be made without
// organizations, on that attribute: Arize makes no service key without a
// space to grant it a role in. The attribute is optional only so that an
// imported key, whose roles Arize cannot read, can leave it out. A value
// known only at apply passes (Create checks it then).
func requireOrganizations(ctx context.Context, req resource.ModifyPlanRequest, planned types.List, diags *diag.Diagnostics) {
	if !planned.IsNull() {
		return
	}
	var name types.String
	diags.Append(req.Plan.GetAttribute(ctx, path.Root("name"), &name)...)
	diags.AddAttributeError(path.Root("organizations"), "Missing organizations for a new service API key",
		missingOrganizationsDetail(name.ValueString()))
}

// missingOrganizationsDetail says why a key named name cannot be made
// without organizations, and what to do.
func missingOrganizationsDetail(name string) string {
	return fmt.Sprintf("This plan makes the service API key %q: a new key, or a replacement of one (a change of name, "+
		"description or expires_at replaces a key, and a key revoked or expired is made again). Arize makes a service "+
		"key only with the roles of its service account, so set organizations: at least one organization with at "+
		"least one of its spaces. organizations may be left out only on an imported key, whose roles Arize cannot "+
		"read. If this is such a key and you changed its name, description or expires_at, undo that change to keep "+
		"it. If it was revoked or expired outside Terraform, there is no key left to keep: set organizations to make "+
		"a new one, or remove the resource block (and its import block) to let it go.", name)
}

// Create is one POST, whose answer, with the secret and the service
// account, is the new state.
func (r *serviceAPIKeyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan serviceAPIKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	grants := serviceKeyGrants(ctx, plan.Organizations, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	// Values unknown at validation are known now: organizations too,
	// which a value known only at apply may have left null.
	if plan.Organizations.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("organizations"), "Missing organizations for a new service API key",
			missingOrganizationsDetail(plan.Name.ValueString()))
		return
	}
	resp.Diagnostics.Append(checkServiceKeyGrants(grants)...)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateAPIKey(ctx, plan.createRequest(grants))
	if err != nil {
		resp.Diagnostics.AddError(serviceAPIKey.couldNot("create"), apiKeyCreateErrorDetail(serviceAPIKey, err))
		return
	}
	tflog.Info(ctx, "created Arize service API key", map[string]any{"id": created.ID, "recovered": created.Recovered})
	plan.apiKeyMinted(created)
	plan.BotUserID = types.StringNull() // a recovered create has no answer that names it
	if created.ServiceAccount != nil {
		plan.BotUserID = types.StringValue(created.ServiceAccount.ID)
	}
	space := firstSpace(grants)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setListSpace(ctx, resp.Private, space)...)
	resp.Diagnostics.Append(setServiceKeyIdentity(ctx, resp.Identity, created.ID, space)...)
}

// Read pages the active service keys of the key's space to the key, then,
// when it is not there, the revoked ones; a key revoked or expired is
// removed from state, one in neither list is an error (see apiKeyRead). The
// roles are not read: Arize cannot.
func (r *serviceAPIKeyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state serviceAPIKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	space := listSpace(ctx, req.Private, state.Organizations, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if space == "" {
		resp.Diagnostics.AddError(serviceAPIKey.couldNot("read"), "The state of this "+serviceAPIKey.noun+
			" names no space to list it in. Import it again by \"<space_id>/<key_id>\".")
		return
	}
	opts := arize.APIKeyListOptions{KeyType: arize.APIKeyService, Status: arize.APIKeyActive, SpaceID: space, Limit: 100}
	found, err := apiKeyRead(ctx, r.client, serviceAPIKey, opts, &state.apiKeyModel)
	if err != nil && !arize.IsNotFound(err) {
		resp.Diagnostics.AddError(serviceAPIKey.couldNot("read"), apiErrorDetail(serviceAPIKey, err))
		return
	}
	// The framework requires an identity after every read that does not
	// fail, even one that removes the resource.
	resp.Diagnostics.Append(setServiceKeyIdentity(ctx, resp.Identity, id, space)...)
	switch {
	case err != nil:
		// A 404: the space is gone (or hidden), so Arize cannot list the
		// key, which may still work. Dropping it from state would leave it
		// live and unmanaged, so state stays as it was.
		resp.Diagnostics.AddWarning("Cannot read the Arize "+serviceAPIKey.noun, fmt.Sprintf(
			"Arize lists service keys by space, and the space %s, through which this key (ID %s) is read, no longer "+
				"exists or cannot be seen. Terraform keeps the key's state as it was. Point organizations at spaces "+
				"that exist: that replaces the key and revokes this one.\n\n%s", space, id, err))
		return
	case !found:
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update is a change of rotation, which refreshes the key once, or the
// recording of the roles an import could not read, which sends nothing:
// every other change replaces the key.
func (r *serviceAPIKeyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state serviceAPIKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	space := listSpace(ctx, req.Private, state.Organizations, &resp.Diagnostics)
	if resp.Diagnostics.HasError() || !apiKeyRotate(ctx, r.client, serviceAPIKey, &plan.apiKeyModel, &state.apiKeyModel, &resp.Diagnostics) {
		return
	}
	plan.BotUserID = state.BotUserID
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setServiceKeyIdentity(ctx, resp.Identity, state.ID.ValueString(), space)...)
}

// Delete revokes the key.
func (r *serviceAPIKeyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	apiKeyRevoke(ctx, r.client, serviceAPIKey, req.State, &resp.Diagnostics)
}

// errAmbiguousKeyImportID says an import ID has more than one "/".
var errAmbiguousKeyImportID = errors.New("ambiguous import ID")

// parseServiceKeyImportID splits "<space_id>/<key_id>". Arize's IDs are
// base64, whose alphabet includes "/": with more than one "/" the text
// could be split in several places, and a wrong guess would read another
// key, so it is refused, and the error points to the identity, whose two
// attributes need no splitting.
func parseServiceKeyImportID(raw string) (spaceID, keyID string, err error) {
	spaceID, keyID, _ = strings.Cut(raw, "/")
	switch n := strings.Count(raw, "/"); {
	case n == 0 || spaceID == "" || keyID == "":
		return "", "", fmt.Errorf("the import ID of an %s is \"<space_id>/<key_id>\", where the space is one the key "+
			"has a role in (Arize lists service keys by space only), got %q", serviceAPIKey.resource, raw)
	case n > 1:
		return "", "", fmt.Errorf("%w: %q has %d \"/\", and Arize's IDs may themselves contain \"/\", so it cannot be "+
			"split into the space's and the key's IDs safely", errAmbiguousKeyImportID, raw, n)
	}
	return spaceID, keyID, nil
}

// ImportState imports a key by "<space_id>/<key_id>" or by its identity.
// The read that follows fills in what Arize lists; the secret and the roles
// stay unknown (null), since Arize never answers them again.
func (r *serviceAPIKeyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var spaceID, keyID string
	switch {
	case req.ID != "":
		var err error
		if spaceID, keyID, err = parseServiceKeyImportID(req.ID); err != nil {
			detail := err.Error() + "."
			if errors.Is(err, errAmbiguousKeyImportID) {
				detail += fmt.Sprintf("\n\nImport it with an import block that gives its identity instead (Terraform "+
					"1.12 or later):\n\nimport {\n  to       = %s.<name>\n  identity = {\n    id       = \"<key id>\"\n"+
					"    space_id = \"<space id>\"\n  }\n}", serviceAPIKey.resource)
			}
			resp.Diagnostics.AddError("Invalid import ID", detail)
			return
		}
	case req.Identity != nil:
		var id, space types.String
		resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root("id"), &id)...)
		resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root("space_id"), &space)...)
		if resp.Diagnostics.HasError() {
			return
		}
		keyID, spaceID = id.ValueString(), space.ValueString()
		if keyID == "" || spaceID == "" {
			resp.Diagnostics.AddError("Invalid import identity",
				"An "+serviceAPIKey.resource+"'s identity needs both id and space_id, not empty.")
			return
		}
	default:
		resp.Diagnostics.AddError("Missing import ID",
			"Import an "+serviceAPIKey.resource+" by \"<space_id>/<key_id>\" or by its identity.")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), keyID)...)
	resp.Diagnostics.Append(setListSpace(ctx, resp.Private, spaceID)...)
	resp.Diagnostics.Append(setServiceKeyIdentity(ctx, resp.Identity, keyID, spaceID)...)
}

// privateState is what both a request's and a response's private state
// data offer.
type privateState interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// setListSpace keeps in private state the space the key is read through.
func setListSpace(ctx context.Context, private privateState, spaceID string) diag.Diagnostics {
	value, err := json.Marshal(spaceID)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Could not record the service key's space", err.Error())
		return diags
	}
	return private.SetKey(ctx, privateListSpace, value)
}

// listSpace is the space the key is read through: private state's, or, for
// a state written without it, the first configured space.
func listSpace(ctx context.Context, private privateState, organizations types.List, diags *diag.Diagnostics) string {
	raw, d := private.GetKey(ctx, privateListSpace)
	diags.Append(d...)
	var space string
	if len(raw) > 0 && json.Unmarshal(raw, &space) == nil && space != "" {
		return space
	}
	return firstSpace(serviceKeyGrants(ctx, organizations, diags))
}

// setServiceKeyIdentity records the identity of the key id, read through
// spaceID. Terraform older than 1.12 has no identities, and then identity is
// nil.
func setServiceKeyIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id, spaceID string) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	diags := identity.SetAttribute(ctx, path.Root("id"), types.StringValue(id))
	diags.Append(identity.SetAttribute(ctx, path.Root("space_id"), types.StringValue(spaceID))...)
	return diags
}
