package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ resource.ResourceWithConfigure   = (*projectResource)(nil)
	_ resource.ResourceWithIdentity    = (*projectResource)(nil)
	_ resource.ResourceWithImportState = (*projectResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*projectResource)(nil)
)

// project is how diagnostics name a project. Its names are unique within
// its space, not the account.
var project = objectType{noun: "project", short: "project", resource: "arize_project", uniqueIn: "this space"}

// projectResource is arize_project. Its schema is in
// resource_project_schema.go and its model in resource_project_model.go.
type projectResource struct {
	client *arize.Client
}

// NewProjectResource returns the arize_project resource.
func NewProjectResource() resource.Resource {
	return &projectResource{}
}

func (r *projectResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_project"
}

func (r *projectResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema(descProjectOwnID)
}

func (r *projectResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// Create makes the project with one POST. An answer lost after Arize made
// it is recovered by the client, which looks the name up in the space.
func (r *projectResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan projectResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateProject(ctx, plan.createRequest())
	if err != nil {
		resp.Diagnostics.AddError(project.couldNot("create"), createErrorDetail(project, plan.Name.ValueString(), err))
		return
	}
	tflog.Info(ctx, "created Arize project", map[string]any{"id": created.ID})

	// The create's answer is the new state: no read-after-write.
	resp.Diagnostics.Append(plan.saveAnswer(ctx, created, &resp.State, resp.Identity)...)
}

// Read reads the project with one GET. One that is gone (404) is removed
// from state; a 403 is an error, since the project still exists.
func (r *projectResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state projectResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	got, err := r.client.GetProject(ctx, id)
	// Gone when deleted in Arize, or with its space or organization: the
	// next plan creates it again.
	if removedIfGone(ctx, project, id, err, resp) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(project.couldNot("read"), projectReadErrorDetail(state.Name.ValueString(), id, err))
		return
	}
	resp.Diagnostics.Append(state.saveAnswer(ctx, got, &resp.State, resp.Identity)...)
}

// Update renames the project with one PATCH, the only change the API
// makes in place; a change of deletion_protection alone sends nothing.
func (r *projectResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state projectResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if plan.Name.Equal(state.Name) {
		keepStateButProtection(ctx, req, resp)
		return
	}
	id, name := state.ID.ValueString(), plan.Name.ValueString()
	renamed, err := r.client.RenameProject(ctx, id, name)
	if err != nil {
		resp.Diagnostics.AddError(project.couldNot("update"), r.renameErrorDetail(ctx, state.SpaceID.ValueString(), id, name, err))
		return
	}
	resp.Diagnostics.Append(plan.saveAnswer(ctx, renamed, &resp.State, resp.Identity)...)
}

// renameErrorDetail is the detail of a failed rename of project id to name
// in space spaceID. Arize documents no status for a name the space holds:
// its SDK's test expects a 409, and a 422 may say the same. A 409 is that
// clash; a 422 is told to be one by looking the name up in the space (one
// list, on this failure only), since a 422 may refuse the name otherwise.
func (r *projectResource) renameErrorDetail(ctx context.Context, spaceID, id, name string, err error) string {
	var apiErr *arize.APIError
	if errors.As(err, &apiErr) && apiErr.Status == http.StatusUnprocessableEntity {
		holder, findErr := r.client.FindProject(ctx, spaceID, name)
		switch {
		case findErr != nil:
			tflog.Warn(ctx, "could not look up whether the project's new name is taken", map[string]any{"error": findErr.Error()})
		case holder != nil && holder.ID != id:
			return nameTakenDetail(name, holder.ID, err)
		}
	}
	if arize.IsConflict(err) {
		return nameTakenDetail(name, "", err)
	}
	return apiErrorDetail(project, err)
}

// nameTakenDetail says that another project of the space (holderID, "" when
// unknown) is named name already.
func nameTakenDetail(name, holderID string, err error) string {
	holder := "Another project"
	if holderID != "" {
		holder = "Another project (ID " + holderID + ")"
	}
	return fmt.Sprintf("%s in this space is already named %q: project names are unique within a space. Choose another "+
		"name, or rename that project first. Nothing was changed.\n\n%s", holder, name, err)
}

// Delete deletes the project, and with it, in Arize, all its data, unless
// deletion_protection is on. One already gone is deleted.
func (r *projectResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteProtected(ctx, project, req, resp, r.client.DeleteProject)
}

// ModifyPlan refuses, while deletion_protection is on in state, a plan that
// would delete the project: a destroy, or a replacement by a change of
// space_id.
func (r *projectResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	refuseProtectedDeletion(ctx, project, req, resp, path.Root("space_id"))
}

// ImportState imports a project by its ID or its identity (the ID): the
// answer to the GET that follows carries everything else, its space too.
func (r *projectResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, req, resp)
}

// projectReadErrorDetail is the detail of a failed read of the project id
// (named name, "" when unknown). A 403 is a project the key may not see:
// it exists, so it is an error, never a removal from state, which would
// make the next plan create a second one.
func projectReadErrorDetail(name, id string, err error) string {
	if !arize.IsForbidden(err) {
		return apiErrorDetail(project, err)
	}
	what := "project " + id
	if name != "" {
		what = fmt.Sprintf("project %q (ID %s)", name, id)
	}
	return fmt.Sprintf("Arize refused to show %s to the provider's API key (403 Forbidden). The project may be "+
		"restricted (arize_project_restriction): then roles bound on its space, its organization or the account no "+
		"longer reach it, and only a role bound on the project itself does. Or its space is private, and the identity "+
		"behind this key is not a member of it. Bind a role on the project to that user or service account "+
		"(arize_role_binding with resource_type = \"PROJECT\"), or use a key that can see it. The project is kept in "+
		"state: it still exists.\n\n%s", what, err)
}
