package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// projectModel is a project in Terraform values: the attributes that the
// resource, the data sources and the list resource share, all of which the
// API answers.
type projectModel struct {
	ID        types.String `tfsdk:"id"`
	SpaceID   types.String `tfsdk:"space_id"`
	Name      types.String `tfsdk:"name"`
	CreatedAt types.String `tfsdk:"created_at"`
}

// projectResourceModel is arize_project's plan, state and config: the API's
// attributes and the one that exists only in Terraform.
type projectResourceModel struct {
	projectModel
	DeletionProtection types.Bool `tfsdk:"deletion_protection"`
}

// projectFromAPI is a project as the API answered it. Every member of the
// answer is required, so none is read as null.
func projectFromAPI(in *arize.Project) projectModel {
	return projectModel{
		ID:        types.StringValue(in.ID),
		SpaceID:   types.StringValue(in.SpaceID),
		Name:      types.StringValue(in.Name),
		CreatedAt: types.StringValue(in.CreatedAt),
	}
}

// createRequest builds the POST body from a plan.
func (m *projectModel) createRequest() arize.ProjectCreateRequest {
	return arize.ProjectCreateRequest{Name: m.Name.ValueString(), SpaceID: m.SpaceID.ValueString()}
}

// saveAnswer makes what the API answered the new state, and its identity;
// deletion_protection, which exists only in Terraform, is m's. After an
// import it is null, and then it takes the schema's default, true, so that
// an imported project is protected and plans no change against a
// configuration that leaves the attribute out.
func (m *projectResourceModel) saveAnswer(ctx context.Context, answer *arize.Project, state *tfsdk.State, identity *tfsdk.ResourceIdentity) diag.Diagnostics {
	m.projectModel = projectFromAPI(answer)
	if m.DeletionProtection.IsNull() || m.DeletionProtection.IsUnknown() {
		m.DeletionProtection = types.BoolValue(true)
	}
	diags := state.Set(ctx, m)
	diags.Append(setIdentity(ctx, identity, answer.ID)...)
	return diags
}
