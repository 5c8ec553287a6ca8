package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// organizationModel is an organization as the API returns it, in Terraform
// values: the attributes that the resource, the data sources and the list
// resource share.
type organizationModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	CreatedAt   types.String `tfsdk:"created_at"`
}

// organizationResourceModel is arize_organization's plan, state and config:
// the API's attributes and the one that exists only in Terraform.
type organizationResourceModel struct {
	organizationModel
	DeletionProtection types.Bool `tfsdk:"deletion_protection"`
}

// setFromAPI copies what the API returned into m. An organization without a
// description reads back as "", never null: the same value the schema's
// default plans when the configuration leaves description out, so clearing
// it plans "" and the read after the PATCH matches.
func (m *organizationModel) setFromAPI(in *arize.Organization) {
	m.ID = types.StringValue(in.ID)
	m.Name = types.StringValue(in.Name)
	m.Description = types.StringValue(in.Description)
	m.CreatedAt = types.StringValue(in.CreatedAt)
}

// createRequest builds the POST body from a plan. An empty description is
// left out, which the API reads as "".
func (m *organizationModel) createRequest() arize.OrganizationCreateRequest {
	return arize.OrganizationCreateRequest{
		Name:        m.Name.ValueString(),
		Description: m.Description.ValueString(),
	}
}

// updateRequest builds a PATCH that carries only what differs between the
// state and the plan. A description planned "" (removed from the
// configuration, or set to "") is cleared with null, as the API's newest
// spelling of a clear is; the client falls back to "" for a server that
// refuses null.
func (m *organizationModel) updateRequest(state *organizationModel) arize.OrganizationUpdateRequest {
	var req arize.OrganizationUpdateRequest
	if !m.Name.Equal(state.Name) {
		req.Name = arize.Value(m.Name.ValueString())
	}
	if !m.Description.Equal(state.Description) {
		req.Description = nullable(m.Description.ValueString() == "", m.Description.ValueString())
	}
	return req
}
