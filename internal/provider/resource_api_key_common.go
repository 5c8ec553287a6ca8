package provider

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// What arize_user_api_key and arize_service_api_key share. Arize can make a
// key, list keys, refresh a key's secret and revoke a key; it cannot read
// one key alone or change one. So every input replaces the key, except
// rotation, which refreshes its secret in place; Read pages the list; and
// Delete revokes. The secret is answered once, by the create or a refresh,
// and kept in state, sensitive.

// Limits of a key's name and description (the Python SDK's models).
const (
	maxKeyNameChars        = 256
	maxKeyDescriptionChars = 1000
)

// Descriptions of the attributes both key types have.
const (
	descAPIKeyID          = "The key's ID, an opaque base64 string assigned by Arize. It never changes, a rotation included." //nolint:gosec // prose, not a credential
	descAPIKeyName        = "The key's name: 1 to 256 characters, not blank. Names need not be unique."                       //nolint:gosec // prose, not a credential
	descAPIKeyDescription = "What the key is for: 1 to 1,000 characters. Leave it out for none."
	descAPIKeyExpiresAt   = "When the key stops working, as an RFC 3339 date-time such as `\"2027-01-01T00:00:00Z\"`; left out, " +
		"the key never expires. It must be in the future when the key is made. Compared as an instant to the millisecond " +
		"(Arize keeps milliseconds, in UTC), so another spelling of the same time is no change. An expired key is gone: " +
		"Arize still lists it as active, but the provider compares `expires_at` with the clock, drops the key from state, " +
		"and the next plan creates it again (which a past `expires_at` refuses: set a later one)."
	descAPIKeyRotation = "Any string. Changing it rotates the key in place: the apply asks Arize to refresh the key, " +
		"which keeps its ID (and, for a service key, its service account and roles) and issues a new secret into `key` " +
		"and `redacted_key`; the old secret stops working at once. Setting it for the first time on an existing key (for " +
		"example after an import) rotates the key too; removing it does not. A changing value such as " +
		"`time_rotating.<name>.id` rotates on a schedule. Nothing else is sent to Arize."
	descAPIKeyKey = "The key's secret, the bearer token a client of the Arize API sends. Sensitive. Arize answers it " +
		"only when the key is made or rotated, never again: it is set from that answer alone, kept in state, and null " +
		"after an import until `rotation` is set or changed."
	descAPIKeyRedacted = "The key as Arize shows it, such as `\"ak-abc...xyz\"`: enough to recognise it, not to use it. " +
		"It changes when the key is rotated."
	descAPIKeyStatus = "`\"ACTIVE\"`: a key Arize revoked, or one past its `expires_at`, is no longer in state (the next " +
		"plan creates it again)."
	descAPIKeyCreatedAt = "When the key's current secret was issued (RFC 3339): Arize takes a rotation as a new issue, " +
		"so a rotation moves it."
	descAPIKeyCreatedBy = "The ID of the Arize user who made the key: the identity behind the provider's API key." //nolint:gosec // prose, not a credential
	// descAPIKeyReplaced is what a change of an input does.
	descAPIKeyReplaced = "Arize cannot change a key, so changing it replaces the key: a new key with a new ID and secret " +
		"is made, and the old one revoked."
	// descAPIKeySecretInState is the one sentence on where the secret is.
	descAPIKeySecretInState = "Terraform keeps the secret in state as a sensitive value, as it does with every provider " +
		"that mints credentials: keep the state where only those who may use the key can read it (an encrypted " +
		"remote backend), and hand the secret straight to the system that uses it, never to people."
	// descAPIKeyUnseen is what Read does with a key it cannot see.
	descAPIKeyUnseen = "A key listed neither as active nor as revoked to the identity behind the provider's API key " +
		"(another user's, say, because the provider's API key changed) is an error, and stays in state as it was."
	// descAPIKeyDistinctNames is the one sentence on keys made alike.
	descAPIKeyDistinctNames = "Keys with the same name, description and expiry created in one apply can confuse the " +
		"recovery of a create whose answer was lost (which finds the key it made by those values), so give keys made " +
		"in parallel distinct names."
	// descAPIKeyNoLastUsed says why last_used_at is not an attribute.
	descAPIKeyNoLastUsed = "Arize's `last_used_at` is not an attribute: it changes with every use of the key, and no plan " +
		"should show it."
)

// apiKeyModel is what both key resources hold: the key as Arize lists it,
// the secret from the create or the last rotation, and the rotation that
// exists only in Terraform.
type apiKeyModel struct {
	ID              types.String `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	Description     types.String `tfsdk:"description"`
	ExpiresAt       types.String `tfsdk:"expires_at"`
	Rotation        types.String `tfsdk:"rotation"`
	Key             types.String `tfsdk:"key"`
	RedactedKey     types.String `tfsdk:"redacted_key"`
	Status          types.String `tfsdk:"status"`
	CreatedAt       types.String `tfsdk:"created_at"`
	CreatedByUserID types.String `tfsdk:"created_by_user_id"`
}

// apiKeyAttributes are the schema's attributes that both key types have.
// owner ends the description of created_by_user_id.
func apiKeyAttributes(owner string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id": schema.StringAttribute{
			MarkdownDescription: descAPIKeyID,
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"name": schema.StringAttribute{
			MarkdownDescription: descAPIKeyName + " " + descAPIKeyReplaced,
			Required:            true,
			Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, maxKeyNameChars), notBlankValidator{}},
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
		"description": schema.StringAttribute{
			MarkdownDescription: descAPIKeyDescription + " " + descAPIKeyReplaced,
			Optional:            true,
			// "" would be sent as no description and read back as none: a
			// plan that never ends. Leaving it out says that.
			Validators:    []validator.String{stringvalidator.UTF8LengthBetween(1, maxKeyDescriptionChars)},
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
		"expires_at": schema.StringAttribute{
			MarkdownDescription: descAPIKeyExpiresAt + " " + descAPIKeyReplaced,
			Optional:            true,
			Validators:          []validator.String{rfc3339Validator{}},
			PlanModifiers: []planmodifier.String{
				// First, so that RequiresReplace sees the state's spelling
				// of the same instant.
				keepStateIfEquivalent{same: arize.SameInstant, what: "the same instant to the millisecond"},
				stringplanmodifier.RequiresReplace(),
			},
		},
		"rotation": schema.StringAttribute{
			MarkdownDescription: descAPIKeyRotation,
			Optional:            true,
		},
		"key": schema.StringAttribute{
			MarkdownDescription: descAPIKeyKey,
			Computed:            true,
			Sensitive:           true,
			PlanModifiers:       []planmodifier.String{keepUnlessRotated{}},
		},
		"redacted_key": schema.StringAttribute{
			MarkdownDescription: descAPIKeyRedacted,
			Computed:            true,
			PlanModifiers:       []planmodifier.String{keepUnlessRotated{}},
		},
		"status": schema.StringAttribute{
			MarkdownDescription: descAPIKeyStatus,
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"created_at": schema.StringAttribute{
			MarkdownDescription: descAPIKeyCreatedAt,
			Computed:            true,
			PlanModifiers:       []planmodifier.String{keepUnlessRotated{}},
		},
		"created_by_user_id": schema.StringAttribute{
			MarkdownDescription: descAPIKeyCreatedBy + " " + owner,
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
	}
}

// rotates reports whether a plan whose rotation is planned rotates the key
// whose state's is prior: the value changed, or is set for the first time,
// or is known only at apply (and may change then). Removing it does not:
// it stops the rotations, and rotating then would surprise.
func rotates(prior, planned types.String) bool {
	switch {
	case planned.IsUnknown():
		return true
	case planned.IsNull():
		return false
	}
	return !planned.Equal(prior)
}

// keepUnlessRotated keeps the state's value of what a rotation changes (the
// secret, its redacted form, its issue time) unless the plan rotates the
// key, when it is known only after the apply. It is UseStateForUnknown but
// for rotations. On create, and on a replacement (which Terraform plans as
// a create), there is no state, and the value is unknown.
type keepUnlessRotated struct{}

func (keepUnlessRotated) Description(context.Context) string {
	return "keeps the state's value unless rotation changes, which issues a new secret"
}

func (m keepUnlessRotated) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (keepUnlessRotated) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || !req.PlanValue.IsUnknown() || req.ConfigValue.IsUnknown() {
		return
	}
	var prior, planned types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("rotation"), &prior)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("rotation"), &planned)...)
	if resp.Diagnostics.HasError() || rotates(prior, planned) {
		return
	}
	resp.PlanValue = req.StateValue
}

// rfc3339Validator requires an RFC 3339 date-time, as the API does (a 400
// otherwise).
type rfc3339Validator struct{}

func (rfc3339Validator) Description(context.Context) string {
	return "must be an RFC 3339 date-time such as \"2027-01-01T00:00:00Z\""
}

func (v rfc3339Validator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (rfc3339Validator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := time.Parse(time.RFC3339Nano, req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid date-time", fmt.Sprintf(
			"%q is not an RFC 3339 date-time such as \"2027-01-01T00:00:00Z\" or \"2027-01-01T09:00:00+02:00\".",
			req.ConfigValue.ValueString()))
	}
}

// refusePastExpiry fails the plan of a key that would be made with an
// expires_at that is not in the future, on expires_at: Arize refuses a key
// born expired (422). A key is made when there is no state, or when its
// expiry changes (a replacement). This also catches a key that expired:
// Read dropped it, and the plan would make it again with the same expiry.
func refusePastExpiry(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, now time.Time) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var planned, prior types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("expires_at"), &planned)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("expires_at"), &prior)...)
	}
	if resp.Diagnostics.HasError() || planned.IsNull() || planned.IsUnknown() || planned.Equal(prior) {
		return
	}
	t, err := time.Parse(time.RFC3339Nano, planned.ValueString())
	if err != nil || t.After(now) {
		return // the validator reports a value that does not parse
	}
	resp.Diagnostics.AddAttributeError(path.Root("expires_at"), "API key expiry in the past", fmt.Sprintf(
		"expires_at is %s, which is not in the future, and Arize refuses to make a key that has already expired. "+
			"If the key expired, Terraform plans to make it again: set a later expires_at, or remove it for a key "+
			"that never expires.", planned.ValueString()))
}

// apiKeyFromAPI copies what Arize lists of a key into m. The expiry keeps
// m's spelling when it is the same instant, so that what the configuration
// wrote plans no change; the secret is not listed, and m keeps its own.
func (m *apiKeyModel) apiKeyFromAPI(k *arize.APIKey) {
	m.ID = types.StringValue(k.ID)
	m.Name = types.StringValue(k.Name)
	m.Description = emptyToNull(k.Description)
	if !knownAnd(m.ExpiresAt, k.ExpiresAt, arize.SameInstant) {
		m.ExpiresAt = emptyToNull(k.ExpiresAt)
	}
	m.RedactedKey = types.StringValue(k.RedactedKey)
	m.Status = types.StringValue(string(k.Status))
	m.CreatedAt = types.StringValue(k.CreatedAt)
	m.CreatedByUserID = types.StringValue(k.CreatedByUserID)
}

// apiKeyMinted copies a create's or a refresh's answer into m: the key and
// its new secret. The inputs keep the plan's values, which Arize keeps as
// sent (the expiry as the same instant).
func (m *apiKeyModel) apiKeyMinted(k *arize.APIKeyCreated) {
	name, description, expiresAt := m.Name, m.Description, m.ExpiresAt
	m.apiKeyFromAPI(&k.APIKey)
	m.Name, m.Description = name, description
	if !expiresAt.IsUnknown() {
		m.ExpiresAt = expiresAt
	}
	m.Key = types.StringValue(k.Key.Reveal())
}

// apiKeyRead finds the key of state m in the list opts filters (its active
// keys) and copies it into m. found is false when the key is gone: listed
// as revoked (in Arize, or by its user's deletion) once it is not listed as
// active, or past its expires_at (Arize lists an expired key as active):
// the caller then removes it from state, so that the next plan creates it
// again. A key in neither list is not gone but out of sight of the
// identity behind the provider's API key (another user's key, say, because
// the provider's key changed): that is an error, and the key stays in
// state, since dropping it would leave it live and make a second one. err
// is also the lists'.
func apiKeyRead(ctx context.Context, client *arize.Client, o objectType, opts arize.APIKeyListOptions, m *apiKeyModel) (found bool, err error) {
	id := m.ID.ValueString()
	k, err := client.FindAPIKey(ctx, opts, id)
	if err == nil && k == nil {
		revoked := opts
		revoked.Status = arize.APIKeyRevoked
		k, err = client.FindAPIKey(ctx, revoked, id)
		if err == nil && k == nil {
			return false, fmt.Errorf("the identity behind the provider's API key cannot see the %s (ID %s): Arize lists "+
				"it neither as active nor as revoked to it, for example because the provider's API key changed since "+
				"the key was made. Terraform keeps the key's state as it was. Run Terraform with the API key of the "+
				"identity that made it, or remove it from state (terraform state rm) if it is no longer Terraform's",
				o.noun, id)
		}
	}
	switch {
	case err != nil:
		return false, err
	case k.Status == arize.APIKeyRevoked:
		tflog.Warn(ctx, "Arize "+o.noun+" was revoked; removing it from state", map[string]any{"id": id})
		return false, nil
	case k.ExpiredAt(time.Now()):
		tflog.Warn(ctx, "Arize "+o.noun+" has expired; removing it from state", map[string]any{"id": id, "expires_at": k.ExpiresAt})
		return false, nil
	}
	m.apiKeyFromAPI(k)
	return true, nil
}

// apiKeyRotate refreshes the key of state when plan rotates it, and copies
// the new secret into plan; otherwise it sends nothing, and plan keeps
// state's secret, which its plan modifiers planned. It reports whether it
// succeeded.
func apiKeyRotate(ctx context.Context, client *arize.Client, o objectType, plan, state *apiKeyModel, diags *diag.Diagnostics) bool {
	if !rotates(state.Rotation, plan.Rotation) {
		plan.Key, plan.RedactedKey, plan.CreatedAt = state.Key, state.RedactedKey, state.CreatedAt
		return true
	}
	id := state.ID.ValueString()
	// A key with an expiry is refreshed with that same expiry: without
	// one, Arize refuses the refresh (or, by other readings, makes the key
	// unbounded).
	refreshed, err := client.RefreshAPIKey(ctx, id, state.ExpiresAt.ValueString())
	if err != nil {
		detail := apiErrorDetail(o, err)
		if arize.IsNotFound(err) {
			detail = "The key was revoked, or expired, since the plan: there is no active key to rotate. The next plan " +
				"makes it again.\n\n" + err.Error()
		}
		diags.AddError(o.couldNot("rotate"), detail)
		return false
	}
	if refreshed.ID != id {
		// A refresh keeps the key's ID (research: refresh "preserves the
		// key's identity"), which is UseStateForUnknown: another would be
		// an inconsistent result, so it is said plainly instead.
		diags.AddError(o.couldNot("rotate"), fmt.Sprintf("Arize answered the refresh of the key %s with another ID, %s, "+
			"though a refresh keeps the key's ID. The state keeps %s; the new secret, of %s, is not kept. Revoke the key "+
			"you do not want in the Arize UI, and import the other.", id, refreshed.ID, id, refreshed.ID))
		return false
	}
	tflog.Info(ctx, "rotated Arize "+o.noun, map[string]any{"id": id, "redacted_key": refreshed.RedactedKey})
	plan.apiKeyMinted(refreshed)
	return true
}

// apiKeyRevoke revokes the key of state: every secret of it stops working.
// A key Arize no longer knows (404) is revoked already; so is a revoked one
// (Arize answers 204).
func apiKeyRevoke(ctx context.Context, client *arize.Client, o objectType, state tfsdk.State, diags *diag.Diagnostics) {
	var id types.String
	diags.Append(state.GetAttribute(ctx, path.Root("id"), &id)...)
	if diags.HasError() {
		return
	}
	if err := goneIsDone(client.RevokeAPIKey(ctx, id.ValueString())); err != nil {
		diags.AddError(o.couldNot("revoke"), apiErrorDetail(o, err))
		return
	}
	tflog.Info(ctx, "revoked Arize "+o.noun, map[string]any{"id": id.ValueString()})
}

// apiKeyCreateErrorDetail is the detail of a failed create: the API's
// words, after what to do about the refusals a configuration can cause.
func apiKeyCreateErrorDetail(o objectType, err error) string {
	switch {
	case hasAPIStatus(err, http.StatusForbidden):
		return "Arize refused to make the key for the identity behind the provider's API key. A user API key needs a " +
			"user with the developer permission (a service key's own identity has none, so running Terraform with a " +
			"service key cannot make user keys); a service key needs the permission to create service keys in each " +
			"space it names.\n\n" + err.Error()
	case hasAPIStatus(err, http.StatusUnprocessableEntity):
		return "Arize refused the key's values. A role may be at most your own (a service key's account_role above " +
			"the provider identity's own account role is refused), and expires_at must be in the future.\n\n" + err.Error()
	}
	return apiErrorDetail(o, err)
}

// importedAPIKey is the state an import of the key k reads, as Read fills
// in a state that holds only the ID: what Arize lists, and null for the
// secret, which Arize never answers again, and for rotation, which lives
// only in Terraform.
func importedAPIKey(k *arize.APIKey) apiKeyModel {
	m := apiKeyModel{
		ExpiresAt: types.StringNull(),
		Rotation:  types.StringNull(),
		Key:       types.StringNull(),
	}
	m.apiKeyFromAPI(k)
	return m
}
