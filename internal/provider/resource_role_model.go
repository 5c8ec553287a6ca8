package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// roleModel is a custom role as arize_role holds it, and as the list
// resource gives it to an import: the API's attributes but is_predefined,
// which is false for every role the resource manages.
type roleModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	Permissions types.Set    `tfsdk:"permissions"`
	CreatedAt   types.String `tfsdk:"created_at"`
	UpdatedAt   types.String `tfsdk:"updated_at"`
}

// roleDataModel is a role, predefined or custom, as the data sources give
// it.
type roleDataModel struct {
	roleModel
	IsPredefined types.Bool `tfsdk:"is_predefined"`
}

// setFromAPI copies what the API returned into m. A role without a
// description is answered without the member, read as "": that is null
// here, as an omitted description is in the configuration.
func (m *roleModel) setFromAPI(in *arize.Role) {
	m.ID = types.StringValue(in.ID)
	m.Name = types.StringValue(in.Name)
	m.Description = emptyToNull(in.Description)
	m.Permissions = permissionSetValue(in.Permissions)
	m.CreatedAt = types.StringValue(in.CreatedAt)
	m.UpdatedAt = types.StringValue(in.UpdatedAt)
}

func (m *roleDataModel) setFromAPI(in *arize.Role) {
	m.roleModel.setFromAPI(in)
	m.IsPredefined = types.BoolValue(in.IsPredefined)
}

// permissionSetValue is the API's permissions as a set of strings. The API
// answers them without repeats; a set must hold none, so any are dropped
// here rather than trusted.
func permissionSetValue(names []string) types.Set {
	unique := slices.Compact(slices.Sorted(slices.Values(names)))
	elems := make([]attr.Value, len(unique))
	for i, n := range unique {
		elems[i] = types.StringValue(n)
	}
	return types.SetValueMust(types.StringType, elems)
}

// permissionNames is a set of permissions for the API.
func permissionNames(ctx context.Context, s types.Set, diags *diag.Diagnostics) []string {
	if s.IsNull() || s.IsUnknown() {
		return nil
	}
	var out []string
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	return out
}

// createRequest builds the POST body from a plan. No description is left
// out.
func (m *roleModel) createRequest(ctx context.Context, diags *diag.Diagnostics) arize.RoleCreateRequest {
	return arize.RoleCreateRequest{
		Name:        m.Name.ValueString(),
		Description: m.Description.ValueString(),
		Permissions: permissionNames(ctx, m.Permissions, diags),
	}
}

// updateRequest builds a PATCH that carries only what differs between the
// state and the plan: a description removed from the configuration is
// cleared with null (the client falls back to "" for a server that refuses
// null), and changed permissions are sent whole, as the API replaces them.
// Sets compare without order, so permissions given in another order send
// nothing.
func (m *roleModel) updateRequest(ctx context.Context, state *roleModel, diags *diag.Diagnostics) arize.RoleUpdateRequest {
	var req arize.RoleUpdateRequest
	if !m.Name.Equal(state.Name) {
		req.Name = arize.Value(m.Name.ValueString())
	}
	if !m.Description.Equal(state.Description) {
		req.Description = nullableString(m.Description)
	}
	if !m.Permissions.Equal(state.Permissions) {
		req.Permissions = arize.Value(permissionNames(ctx, m.Permissions, diags))
	}
	return req
}
