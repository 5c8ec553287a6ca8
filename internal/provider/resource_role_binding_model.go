package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// roleBindingModel is arize_role_binding's plan, state and config, and a
// list result's resource: a binding has nothing that exists only in
// Terraform, so all of it is what the API answers.
type roleBindingModel struct {
	ID           types.String `tfsdk:"id"`
	UserID       types.String `tfsdk:"user_id"`
	ResourceType types.String `tfsdk:"resource_type"`
	ResourceID   types.String `tfsdk:"resource_id"`
	RoleID       types.String `tfsdk:"role_id"`
	CreatedAt    types.String `tfsdk:"created_at"`
	UpdatedAt    types.String `tfsdk:"updated_at"`
}

// roleBindingFromAPI is a binding as the API answered it. Every member of
// the answer is required, so none is read as null.
func roleBindingFromAPI(in *arize.RoleBinding) roleBindingModel {
	return roleBindingModel{
		ID:           types.StringValue(in.ID),
		UserID:       types.StringValue(in.UserID),
		ResourceType: types.StringValue(string(in.ResourceType)),
		ResourceID:   types.StringValue(in.ResourceID),
		RoleID:       types.StringValue(in.RoleID),
		CreatedAt:    types.StringValue(in.CreatedAt),
		UpdatedAt:    types.StringValue(in.UpdatedAt),
	}
}

// createRequest builds the POST body from a plan.
func (m *roleBindingModel) createRequest() arize.RoleBindingCreateRequest {
	return arize.RoleBindingCreateRequest{
		RoleID:       m.RoleID.ValueString(),
		UserID:       m.UserID.ValueString(),
		ResourceType: arize.RoleBindingResourceType(m.ResourceType.ValueString()),
		ResourceID:   m.ResourceID.ValueString(),
	}
}

// roleBindingDisplayName is how a list result names a binding, what it binds: "<user
// id> on SPACE <space id>". A binding has no name of its own.
func roleBindingDisplayName(in *arize.RoleBinding) string {
	return in.UserID + " on " + string(in.ResourceType) + " " + in.ResourceID
}
