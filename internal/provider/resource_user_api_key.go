package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ resource.ResourceWithConfigure   = (*userAPIKeyResource)(nil)
	_ resource.ResourceWithIdentity    = (*userAPIKeyResource)(nil)
	_ resource.ResourceWithImportState = (*userAPIKeyResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*userAPIKeyResource)(nil)
)

// userAPIKey is how diagnostics name a user API key.
var userAPIKey = objectType{noun: "user API key", short: "key", resource: "arize_user_api_key"}

// userAPIKeyResource is arize_user_api_key: a key that authenticates as the
// user behind the provider's own API key. What it shares with
// arize_service_api_key is in resource_api_key_common.go.
type userAPIKeyResource struct {
	client *arize.Client
}

// NewUserAPIKeyResource returns the arize_user_api_key resource.
func NewUserAPIKeyResource() resource.Resource {
	return &userAPIKeyResource{}
}

// userAPIKeyList is where a user key is read: the caller's own active user
// keys (without user_id, Arize lists only those).
var userAPIKeyList = arize.APIKeyListOptions{KeyType: arize.APIKeyUser, Status: arize.APIKeyActive, Limit: 100}

func (r *userAPIKeyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_api_key"
}

func (r *userAPIKeyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A user API key of Arize AX: a key that authenticates as a user, with that user's own " +
			"permissions, whatever they are when the key is used. For automation, prefer an `arize_service_api_key`, " +
			"whose identity and roles are its own.\n\n" +
			"**Whose key.** Arize makes a user key for the caller: **the key belongs to the user whose API key the " +
			"provider uses** (its `api_key`), who needs the developer permission. Running Terraform with a service key " +
			"cannot make user keys: a service key's identity is no user with that permission, and Arize refuses (403). " +
			"The provider reads the key among that user's own keys, so a key of another user cannot be managed or " +
			"imported.\n\n" +
			"**The secret** is in `key`. Arize answers it once, when the key is made or rotated, and never again. " +
			descAPIKeySecretInState + " See `arize_service_api_key` for the pattern that writes it straight into a " +
			"secret store.\n\n" +
			"**Changes.** Arize cannot change a key: a change of `name`, `description` or `expires_at` replaces it (a new " +
			"key with a new ID and secret; the old one is revoked). Changing `rotation` rotates the secret in place, with " +
			"one request: the ID stays, and the old secret stops working at once. " + descAPIKeyDistinctNames + "\n\n" +
			"**Reading it.** Arize has no call that reads one key: the provider pages the list of the user's active keys, " +
			"then, if the key is not there, the revoked ones. A key revoked outside Terraform, or past its `expires_at`, " +
			"is gone from state, and the next plan makes a new one. " + descAPIKeyUnseen + " If someone rotates the key outside Terraform, `redacted_key` shows it, and the secret in state no " +
			"longer works: change `rotation` to issue one Terraform knows. " + descAPIKeyNoLastUsed + "\n\n" +
			"**Destroying** the resource revokes the key: every secret of it stops working at once.\n\n" +
			"**Import** by the key's ID (or its identity), for a key of the user whose API key the provider uses. " +
			"`terraform query` finds that user's keys with the `arize_user_api_key` list resource, and " +
			"`-generate-config-out` writes their configuration. **An imported key's secret is never recovered**: Arize " +
			"answers it only when the key is made or rotated, so `key` is null after an import. The key is still worth " +
			"adopting: Terraform revokes it on destroy, sees it expire, and, once `rotation` is set or changed, rotates it " +
			"and has its new secret in state (the old one stops working at once).",
		Attributes: apiKeyAttributes("The key authenticates as this user."),
	}
}

func (r *userAPIKeyResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema(descAPIKeyID)
}

func (r *userAPIKeyResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan refuses, with no API call, a key that would be made already
// expired.
func (r *userAPIKeyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	refusePastExpiry(ctx, req, resp, time.Now())
}

// Create is one POST, whose answer, with the secret, is the new state.
func (r *userAPIKeyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan apiKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateAPIKey(ctx, arize.APIKeyCreateRequest{
		KeyType: arize.APIKeyUser, Name: plan.Name.ValueString(),
		Description: plan.Description.ValueString(), ExpiresAt: plan.ExpiresAt.ValueString(),
	})
	if err != nil {
		resp.Diagnostics.AddError(userAPIKey.couldNot("create"), apiKeyCreateErrorDetail(userAPIKey, err))
		return
	}
	tflog.Info(ctx, "created Arize user API key", map[string]any{"id": created.ID, "recovered": created.Recovered})
	plan.apiKeyMinted(created)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, created.ID)...)
}

// Read pages the caller's active user keys to the key, then, when it is not
// there, the revoked ones; a key revoked or expired is removed from state,
// one in neither list is an error (see apiKeyRead).
func (r *userAPIKeyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state apiKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	found, err := apiKeyRead(ctx, r.client, userAPIKey, userAPIKeyList, &state)
	if err != nil {
		resp.Diagnostics.AddError(userAPIKey.couldNot("read"), apiErrorDetail(userAPIKey, err))
		return
	}
	// The framework requires an identity after every read, even one that
	// removes the resource.
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, id)...)
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update can only be a change of rotation (every other input replaces the
// key): a new value refreshes the key once; a removed one sends nothing.
func (r *userAPIKeyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state apiKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !apiKeyRotate(ctx, r.client, userAPIKey, &plan, &state, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, state.ID.ValueString())...)
}

// Delete revokes the key.
func (r *userAPIKeyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	apiKeyRevoke(ctx, r.client, userAPIKey, req.State, &resp.Diagnostics)
}

// ImportState imports a key by its ID or its identity; the read that
// follows fills in all but the secret, which Arize never answers again.
func (r *userAPIKeyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, req, resp)
}
