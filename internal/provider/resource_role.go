package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ resource.ResourceWithConfigure   = (*roleResource)(nil)
	_ resource.ResourceWithIdentity    = (*roleResource)(nil)
	_ resource.ResourceWithImportState = (*roleResource)(nil)
)

// customRole is how diagnostics name a role. Role names are unique in the
// account, the predefined roles' included.
var customRole = objectType{noun: "role", short: "role", resource: "arize_role"}

// roleResource is arize_role: a custom role. Its schema is in
// resource_role_schema.go, and its model and the API bodies made from it in
// resource_role_model.go.
type roleResource struct {
	client *arize.Client
}

// NewRoleResource returns the arize_role resource.
func NewRoleResource() resource.Resource {
	return &roleResource{}
}

func (r *roleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role"
}

func (r *roleResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema(descCustomRoleID)
}

func (r *roleResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *roleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan roleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body := plan.createRequest(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateRole(ctx, body)
	if err != nil {
		resp.Diagnostics.AddError(customRole.couldNot("create"), r.createErrorDetail(ctx, body.Name, err))
		return
	}
	tflog.Info(ctx, "created Arize role", map[string]any{"id": created.ID})

	// The create's answer is the new state: no read-after-write.
	resp.Diagnostics.Append(saveRole(ctx, created, &resp.State, resp.Identity)...)
}

// createErrorDetail is the detail of a failed create of the role named
// name. The API's 409 does not say which role has the name, so the role is
// looked up to name it: a custom one can be imported, a predefined one
// cannot be managed at all.
func (r *roleResource) createErrorDetail(ctx context.Context, name string, err error) string {
	if !arize.IsConflict(err) {
		return roleWriteErrorDetail(name, err, createErrorDetail(customRole, name, err))
	}
	holder, findErr := r.client.FindRoleByName(ctx, name)
	if findErr != nil {
		// The create's own error is what matters; the advice goes
		// without the ID.
		tflog.Warn(ctx, "could not look up the role that has the name", map[string]any{"error": findErr.Error()})
		holder = nil
	}
	return roleConflictDetail(name, holder, err)
}

// roleConflictDetail says what a 409 on create means, with the role that
// has the name when the look-up found it.
func roleConflictDetail(name string, holder *arize.Role, err error) string {
	switch {
	case holder == nil:
		return createErrorDetail(customRole, name, err)
	case holder.IsPredefined:
		return fmt.Sprintf("%q is the name of one of Arize's predefined roles (ID %s), and role names are unique in "+
			"the account. Predefined roles are read-only, so arize_role cannot manage it: choose another name for "+
			"this role, or use the predefined one through data \"arize_role\" { name = %q }.\n\n%s",
			name, holder.ID, name, err)
	default:
		return fmt.Sprintf("A role named %q already exists in this Arize account: %s (names are unique). Choose "+
			"another name, or bring that role under Terraform with an import block "+
			"(import { to = arize_role.<name>, id = %q }) or 'terraform import arize_role.<name> %s'.\n\n%s",
			name, holder.ID, holder.ID, holder.ID, err)
	}
}

// roleWriteErrorDetail is a create's or update's detail, given the generic
// one: a 422 is most often a permission that this Arize server does not
// know, which the API's own words name.
func roleWriteErrorDetail(name string, err error, generic string) string {
	var apiErr *arize.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusUnprocessableEntity {
		return generic
	}
	return fmt.Sprintf("Arize refused the values of role %q. When its answer below names a permission, that "+
		"permission is not one this Arize server knows: check its spelling (upper case, such as PROJECT_READ) "+
		"against the permissions of your Arize account.\n\n%s", name, generic)
}

func (r *roleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	got, err := r.client.GetRole(ctx, id)
	if removedIfGone(ctx, customRole, id, err, resp) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(customRole.couldNot("read"), apiErrorDetail(customRole, err))
		return
	}
	if got.IsPredefined {
		// Reached by an import of a predefined role's ID: Arize would
		// refuse every change and the delete, so managing it is refused
		// here, before it is in state.
		resp.Diagnostics.AddError("Predefined Arize roles are read-only", predefinedRoleDetail(got))
		return
	}
	resp.Diagnostics.Append(saveRole(ctx, got, &resp.State, resp.Identity)...)
}

// predefinedRoleDetail says why arize_role cannot hold the predefined role
// in, and what to use instead.
func predefinedRoleDetail(in *arize.Role) string {
	return fmt.Sprintf("Role %q (ID %s) is one of Arize's predefined roles, which cannot be changed or deleted, so "+
		"arize_role cannot manage it. Remove the import (or this resource) and look the role up with the arize_role "+
		"data source instead:\n\n  data \"arize_role\" \"%s\" {\n    name = %q\n  }\n\nIts id can be granted by an "+
		"arize_role_binding like a custom role's.", in.Name, in.ID, dataSourceLabel(in.Name), in.Name)
}

// dataSourceLabel is name as a Terraform block label: lower case, with
// anything but letters and digits as "_".
func dataSourceLabel(name string) string {
	label := make([]byte, 0, len(name))
	for _, c := range []byte(name) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			label = append(label, c)
		case c >= 'A' && c <= 'Z':
			label = append(label, c+'a'-'A')
		default:
			label = append(label, '_')
		}
	}
	if len(label) == 0 || label[0] >= '0' && label[0] <= '9' {
		label = append([]byte("role_"), label...)
	}
	return string(label)
}

func (r *roleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state roleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body := plan.updateRequest(ctx, &state, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if body.IsEmpty() {
		// Every attribute a configuration sets is sent when it changes;
		// a plan with none changed is no update. Keep the state.
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
		return
	}
	updated, err := r.client.UpdateRole(ctx, state.ID.ValueString(), body)
	if err != nil {
		resp.Diagnostics.AddError(customRole.couldNot("update"),
			roleWriteErrorDetail(plan.Name.ValueString(), err, updateErrorDetail(customRole, plan.Name.ValueString(), err)))
		return
	}
	// The answer's updated_at, which the PATCH moved, is the new state's.
	resp.Diagnostics.Append(saveRole(ctx, updated, &resp.State, resp.Identity)...)
}

// Delete deletes the role with one DELETE; one already gone is deleted.
func (r *roleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if err := goneIsDone(r.client.DeleteRole(ctx, id)); err != nil {
		resp.Diagnostics.AddError(customRole.couldNot("delete"), roleDeleteErrorDetail(state.Name.ValueString(), id, err))
	}
}

// roleDeleteErrorDetail is the detail of a failed delete of the role id.
// Arize refuses to delete a predefined role, with a 400 or a 403 (its
// sources disagree on which), and a 403 may also mean the key may not
// manage roles: both are said, and that the role is kept in state.
func roleDeleteErrorDetail(name, id string, err error) string {
	if !arize.IsForbidden(err) && !refusedAsBadRequest(err) {
		return apiErrorDetail(customRole, err)
	}
	reason := "Arize refused the delete"
	if arize.IsForbidden(err) {
		reason = "Arize refused the delete (403 Forbidden): either the API key may not manage roles, or the role is " +
			"predefined"
	}
	return fmt.Sprintf("%s. Arize refuses to delete its predefined roles, answering 400 or 403 (its own sources "+
		"disagree on which). Role %q (ID %s) is kept in state. If it is predefined, stop managing it without deleting "+
		"it (a removed block with lifecycle { destroy = false }, or 'terraform state rm') and look it up with the "+
		"arize_role data source instead.\n\n%s", reason, name, id, err)
}

// refusedAsBadRequest reports whether err is the API's 400.
func refusedAsBadRequest(err error) bool {
	var apiErr *arize.APIError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusBadRequest
}

func (r *roleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, req, resp)
}

// saveRole makes what the API answered the new state, and its identity.
func saveRole(ctx context.Context, answer *arize.Role, state *tfsdk.State, identity *tfsdk.ResourceIdentity) diag.Diagnostics {
	var m roleModel
	m.setFromAPI(answer)
	diags := state.Set(ctx, &m)
	diags.Append(setIdentity(ctx, identity, answer.ID)...)
	return diags
}
