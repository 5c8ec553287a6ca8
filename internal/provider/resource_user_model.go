package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// userModel is a user as the API returns it, in Terraform values: the
// attributes that the resource, the data sources and the list resource
// share.
type userModel struct {
	ID          types.String `tfsdk:"id"`
	Email       types.String `tfsdk:"email"`
	Name        types.String `tfsdk:"name"`
	Role        types.String `tfsdk:"role"`
	IsDeveloper types.Bool   `tfsdk:"is_developer"`
	Status      types.String `tfsdk:"status"`
	CreatedAt   types.String `tfsdk:"created_at"`
}

// userResourceModel is arize_user's plan, state and config: the API's
// attributes, the create-only invite_mode and its one-time password, which
// no read returns, and what exists only in Terraform.
type userResourceModel struct {
	userModel
	InviteMode         types.String `tfsdk:"invite_mode"`
	TemporaryPassword  types.String `tfsdk:"temporary_password"`
	DeletionProtection types.Bool   `tfsdk:"deletion_protection"`
}

// setFromAPI copies what the API returned into m. Two values keep m's
// spelling when Arize's means the same: an email equal ignoring case (the
// API's key compares it so) and a name equal once trimmed (the API trims
// names), so that what the configuration wrote plans no change. A model
// with none (a data source's, an import's) takes Arize's. The client
// answers status and role in today's spelling, whatever the server's.
func (m *userModel) setFromAPI(in *arize.User) {
	m.ID = types.StringValue(in.ID)
	if !knownAnd(m.Email, in.Email, strings.EqualFold) {
		m.Email = types.StringValue(in.Email)
	}
	if !knownAnd(m.Name, in.Name, sameTrimmed) {
		m.Name = types.StringValue(in.Name)
	}
	m.Role = types.StringValue(userRoleName(in.Role))
	m.IsDeveloper = types.BoolValue(in.IsDeveloper)
	m.Status = types.StringValue(string(in.Status))
	m.CreatedAt = types.StringValue(in.CreatedAt)
}

// knownAnd reports whether v is known and same as s.
func knownAnd(v types.String, s string, same func(a, b string) bool) bool {
	return !v.IsNull() && !v.IsUnknown() && same(v.ValueString(), s)
}

// userRoleName is an account role as the role attribute holds it: the
// predefined role's name. Arize reserves custom account roles "for future
// use"; one would show as "CUSTOM:<id>", which no configuration can write,
// so the plan says the role differs instead of hiding it.
func userRoleName(r arize.RoleAssignment) string {
	if r.Type == arize.RoleAssignmentCustom || (r.Name == "" && r.ID != "") {
		return "CUSTOM:" + r.ID
	}
	return string(r.Name)
}

// createRequest builds the POST body from a plan. is_developer goes out
// only when configured: otherwise the API's default, which depends on the
// role, applies.
func (m *userResourceModel) createRequest() arize.UserCreateRequest {
	in := arize.UserCreateRequest{
		Name:       m.Name.ValueString(),
		Email:      m.Email.ValueString(),
		Role:       arize.PredefinedRole(m.Role.ValueString()),
		InviteMode: arize.InviteMode(m.InviteMode.ValueString()),
	}
	if !m.IsDeveloper.IsNull() && !m.IsDeveloper.IsUnknown() {
		v := m.IsDeveloper.ValueBool()
		in.IsDeveloper = &v
	}
	return in
}

// updateRequest builds a PATCH that carries only what differs between the
// state and the plan: the name and is_developer are all the API can change.
// (The plan keeps the state's name when only white space around it
// changed, so a difference here is a real rename.)
func (m *userModel) updateRequest(state *userModel) arize.UserUpdateRequest {
	var req arize.UserUpdateRequest
	if !m.Name.Equal(state.Name) {
		req.Name = arize.Value(m.Name.ValueString())
	}
	if !m.IsDeveloper.IsUnknown() && !m.IsDeveloper.Equal(state.IsDeveloper) {
		req.IsDeveloper = arize.Value(m.IsDeveloper.ValueBool())
	}
	return req
}

// keepPlanned puts back into m each of name, role and is_developer whose
// planned value is known and differs from what Arize answered (m as
// setFromAPI left it), and says how Arize's differs. Terraform requires an
// apply's new state to hold every known planned value: when Arize keeps
// other values (a pending invitation adopted keeps its own), state holds
// the planned ones, and the next refresh reads Arize's, so that the next
// plan shows the difference: a name or is_developer to update, or a role
// that the plan refuses to change.
func (m *userModel) keepPlanned(plan *userModel) []string {
	var differs []string
	if !plan.Name.IsUnknown() && !m.Name.Equal(plan.Name) {
		differs = append(differs, fmt.Sprintf("its name is %q", m.Name.ValueString()))
		m.Name = plan.Name
	}
	if !plan.Role.IsUnknown() && !m.Role.Equal(plan.Role) {
		differs = append(differs, fmt.Sprintf("its account role is %q", m.Role.ValueString()))
		m.Role = plan.Role
	}
	if !plan.IsDeveloper.IsUnknown() && !m.IsDeveloper.Equal(plan.IsDeveloper) {
		differs = append(differs, fmt.Sprintf("its is_developer is %t", m.IsDeveloper.ValueBool()))
		m.IsDeveloper = plan.IsDeveloper
	}
	return differs
}
