package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// serviceAPIKeyModel is arize_service_api_key's plan, state and config: a
// key, and the roles of its service account as Terraform set them (Arize
// answers them only to the create).
type serviceAPIKeyModel struct {
	apiKeyModel
	AccountRole types.String `tfsdk:"account_role"`
	// Organizations holds serviceKeyOrgModel values. A list value, not a
	// slice: the configuration may leave it unknown until apply, and an
	// import leaves it null.
	Organizations types.List   `tfsdk:"organizations"`
	BotUserID     types.String `tfsdk:"bot_user_id"`
}

// serviceKeyOrgModel is one organization of the key's grants.
type serviceKeyOrgModel struct {
	OrganizationID types.String `tfsdk:"organization_id"`
	Role           types.String `tfsdk:"role"`
	Spaces         types.List   `tfsdk:"spaces"` // of serviceKeySpaceModel
}

// serviceKeySpaceModel is one space of an organization's grant: exactly one
// of Role and CustomRoleID.
type serviceKeySpaceModel struct {
	SpaceID      types.String `tfsdk:"space_id"`
	Role         types.String `tfsdk:"role"`
	CustomRoleID types.String `tfsdk:"custom_role_id"`
}

// serviceKeyGrant is one organization's grant read from a list value, with
// its spaces; spaces is nil when the list is null or unknown.
type serviceKeyGrant struct {
	serviceKeyOrgModel
	spaces []serviceKeySpaceModel
}

// serviceKeyGrants reads organizations, a list of serviceKeyOrgModel, with
// each one's spaces. It returns nil when the list is null or unknown.
func serviceKeyGrants(ctx context.Context, organizations types.List, diags *diag.Diagnostics) []serviceKeyGrant {
	if organizations.IsNull() || organizations.IsUnknown() {
		return nil
	}
	var orgs []serviceKeyOrgModel
	diags.Append(organizations.ElementsAs(ctx, &orgs, false)...)
	grants := make([]serviceKeyGrant, len(orgs))
	for i, o := range orgs {
		grants[i].serviceKeyOrgModel = o
		if !o.Spaces.IsNull() && !o.Spaces.IsUnknown() {
			diags.Append(o.Spaces.ElementsAs(ctx, &grants[i].spaces, false)...)
		}
	}
	return grants
}

// firstSpace is the first space of the first organization: where Arize
// lists the key. "" when it is not known.
func firstSpace(grants []serviceKeyGrant) string {
	if len(grants) == 0 || len(grants[0].spaces) == 0 {
		return ""
	}
	return grants[0].spaces[0].SpaceID.ValueString()
}

// createRequest builds the POST body from a plan whose values are known.
// The account and organization roles always hold a value (the schema's
// defaults are Arize's own) and are sent as they are, so that the key is
// made with the roles state will say it has.
func (m *serviceAPIKeyModel) createRequest(grants []serviceKeyGrant) arize.APIKeyCreateRequest {
	in := arize.APIKeyCreateRequest{
		KeyType: arize.APIKeyService, Name: m.Name.ValueString(),
		Description: m.Description.ValueString(), ExpiresAt: m.ExpiresAt.ValueString(),
		AccountRole: arize.PredefinedRole(m.AccountRole.ValueString()),
	}
	for _, g := range grants {
		org := arize.ServiceKeyOrganization{OrgID: g.OrganizationID.ValueString()}
		if !g.Role.IsNull() {
			role := arize.Predefined(arize.PredefinedRole(g.Role.ValueString()))
			org.Role = &role
		}
		for _, s := range g.spaces {
			space := arize.ServiceKeySpace{SpaceID: s.SpaceID.ValueString()}
			role := arize.Predefined(arize.PredefinedRole(s.Role.ValueString()))
			if !s.CustomRoleID.IsNull() {
				role = arize.Custom(s.CustomRoleID.ValueString())
			}
			space.Role = &role
			org.Spaces = append(org.Spaces, space)
		}
		in.Organizations = append(in.Organizations, org)
	}
	return in
}

// checkServiceKeyGrants is what Arize refuses in a key's grants that the
// schema's validators cannot see: a space with both or neither of role and
// custom_role_id, and an organization, or a space within one, listed twice
// (422). Each error is on the attribute that is wrong; a value not known
// yet is checked once it is.
func checkServiceKeyGrants(grants []serviceKeyGrant) diag.Diagnostics {
	var diags diag.Diagnostics
	orgs := map[string]int{}
	for i, g := range grants {
		at := path.Root("organizations").AtListIndex(i)
		if id := g.OrganizationID; !id.IsNull() && !id.IsUnknown() {
			if first, dup := orgs[id.ValueString()]; dup {
				diags.AddAttributeError(at.AtName("organization_id"), "Organization listed twice", fmt.Sprintf(
					"Organization %q is organizations[%d] already: list each organization once, with all its spaces.",
					id.ValueString(), first))
			} else {
				orgs[id.ValueString()] = i
			}
		}
		spaces := map[string]int{}
		for j, s := range g.spaces {
			sat := at.AtName("spaces").AtListIndex(j)
			if id := s.SpaceID; !id.IsNull() && !id.IsUnknown() {
				if first, dup := spaces[id.ValueString()]; dup {
					diags.AddAttributeError(sat.AtName("space_id"), "Space listed twice", fmt.Sprintf(
						"Space %q is spaces[%d] of this organization already: a space has one role.", id.ValueString(), first))
				} else {
					spaces[id.ValueString()] = j
				}
			}
			if s.Role.IsUnknown() || s.CustomRoleID.IsUnknown() {
				continue
			}
			switch {
			case !s.Role.IsNull() && !s.CustomRoleID.IsNull():
				diags.AddAttributeError(sat.AtName("custom_role_id"), "Conflicting roles",
					"A service key has one role in a space: set role (a predefined role) or custom_role_id (a custom role's ID), not both.")
			case s.Role.IsNull() && s.CustomRoleID.IsNull():
				diags.AddAttributeError(sat.AtName("role"), "Missing role", "A service key needs a role in each space: set role "+
					"to one of "+quotedValues(serviceKeySpaceRoles, "or")+", or custom_role_id to a custom role's ID.")
			}
		}
	}
	return diags
}

// grantsNull reports whether v, an organizations or account_role value of
// state, is one that an import could not read.
func grantsNull(v attr.Value) bool { return v == nil || v.IsNull() }

// serviceKeyOrgObjectType is the type of an element of organizations, for
// a null list of them: what an import, which cannot read a key's roles,
// leaves in state.
var serviceKeyOrgObjectType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"organization_id": types.StringType,
	"role":            types.StringType,
	"spaces": types.ListType{ElemType: types.ObjectType{AttrTypes: map[string]attr.Type{
		"space_id":       types.StringType,
		"role":           types.StringType,
		"custom_role_id": types.StringType,
	}}},
}}

// importedServiceAPIKey is the state an import of the key k reads: what
// Arize lists of it, and null for what it never answers again (the secret,
// the roles, the service account) and for rotation, which lives only in
// Terraform.
func importedServiceAPIKey(k *arize.APIKey) serviceAPIKeyModel {
	return serviceAPIKeyModel{
		apiKeyModel:   importedAPIKey(k),
		AccountRole:   types.StringNull(),
		Organizations: types.ListNull(serviceKeyOrgObjectType),
		BotUserID:     types.StringNull(),
	}
}
