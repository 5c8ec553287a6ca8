package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// spaceModel is a space in Terraform values: the attributes that the
// resource, the data sources and the list resource share. organization_id is
// not in the API's answer, so setFromAPI leaves it to the caller.
type spaceModel struct {
	ID             types.String `tfsdk:"id"`
	OrganizationID types.String `tfsdk:"organization_id"`
	Name           types.String `tfsdk:"name"`
	Description    types.String `tfsdk:"description"`
	IsPrivate      types.Bool   `tfsdk:"is_private"`
	CreatedAt      types.String `tfsdk:"created_at"`
}

// spaceResourceModel is arize_space's plan, state and config: the API's
// attributes and the one that exists only in Terraform.
type spaceResourceModel struct {
	spaceModel
	DeletionProtection types.Bool `tfsdk:"deletion_protection"`
}

// setFromAPI copies what the API returned into m, all but organization_id,
// which the answer does not carry. A space without a description reads back
// as "", never null: the value the schema's default plans when the
// configuration leaves description out, so a cleared description reads back
// with no diff.
func (m *spaceModel) setFromAPI(in *arize.Space) {
	m.ID = types.StringValue(in.ID)
	m.Name = types.StringValue(in.Name)
	m.Description = types.StringValue(in.Description)
	m.IsPrivate = types.BoolValue(in.IsPrivate)
	m.CreatedAt = types.StringValue(in.CreatedAt)
}

// spaceFromAPI is the space in as a list or look-up shows it, in the
// organization orgID ("" when unknown: organization_id is then null).
func spaceFromAPI(in *arize.Space, orgID string) spaceModel {
	var m spaceModel
	m.setFromAPI(in)
	m.OrganizationID = types.StringNull()
	if orgID != "" {
		m.OrganizationID = types.StringValue(orgID)
	}
	return m
}

// createRequest builds the POST body from a plan. An empty description is
// left out, which the API reads as "".
func (m *spaceModel) createRequest() arize.SpaceCreateRequest {
	return arize.SpaceCreateRequest{
		Name:           m.Name.ValueString(),
		OrganizationID: m.OrganizationID.ValueString(),
		Description:    m.Description.ValueString(),
		IsPrivate:      m.IsPrivate.ValueBool(),
	}
}

// updateRequest builds a PATCH that carries only what differs between the
// state and the plan. A description planned "" (removed from the
// configuration, or set to "") is cleared with null, the API's newest way to
// clear it; the client falls back to "" for a server that refuses null.
// organization_id never appears: a space cannot move, and a change of it
// replaces the space.
func (m *spaceModel) updateRequest(state *spaceModel) arize.SpaceUpdateRequest {
	var req arize.SpaceUpdateRequest
	if !m.Name.Equal(state.Name) {
		req.Name = arize.Value(m.Name.ValueString())
	}
	if !m.Description.Equal(state.Description) {
		req.Description = nullable(m.Description.ValueString() == "", m.Description.ValueString())
	}
	if !m.IsPrivate.Equal(state.IsPrivate) {
		req.IsPrivate = arize.Value(m.IsPrivate.ValueBool())
	}
	return req
}
