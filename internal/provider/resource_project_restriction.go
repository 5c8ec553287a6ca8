package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

var (
	_ resource.ResourceWithConfigure   = (*projectRestrictionResource)(nil)
	_ resource.ResourceWithIdentity    = (*projectRestrictionResource)(nil)
	_ resource.ResourceWithImportState = (*projectRestrictionResource)(nil)
)

// projectRestriction is how diagnostics name a project restriction.
var projectRestriction = objectType{noun: "project restriction", short: "restriction", resource: "arize_project_restriction"}

// projectRestrictionResource is arize_project_restriction. Its schema is in
// resource_project_restriction_schema.go. Lifting a restriction deletes no
// data, so it has no deletion_protection.
type projectRestrictionResource struct {
	client *arize.Client
}

// NewProjectRestrictionResource returns the arize_project_restriction
// resource.
func NewProjectRestrictionResource() resource.Resource {
	return &projectRestrictionResource{}
}

// projectRestrictionModel is arize_project_restriction's plan, state and
// config. id is project_id: a restriction has no ID of its own.
type projectRestrictionModel struct {
	ID        types.String `tfsdk:"id"`
	ProjectID types.String `tfsdk:"project_id"`
	CreatedAt types.String `tfsdk:"created_at"`
}

// projectRestrictionIdentityModel is the resource's identity: the project.
type projectRestrictionIdentityModel struct {
	ProjectID types.String `tfsdk:"project_id"`
}

func (r *projectRestrictionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_project_restriction"
}

func (r *projectRestrictionResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// preexistingRestrictionAge is how much older than the create a
// restriction's created_at must be for the create to have adopted it. The
// POST is idempotent, and Arize answers 200 whether it made the restriction
// or found it: only created_at tells. A restriction this create made is no
// older than the create, but Arize's clock and this machine's may differ by
// a few seconds, and the API may round created_at; a minute leaves room for
// both. So a restriction made less than a minute before the create (by
// someone else, at that very moment) is not told from one the create made.
// What is adopted is the restriction Terraform was asked to make, so this
// is worth a warning in the log, never a diagnostic: it explains a
// created_at older than the apply, and that a destroy will lift a
// restriction someone else made.
const preexistingRestrictionAge = time.Minute

// Create restricts the project with one POST. The POST is idempotent: a
// project already restricted keeps its restriction, which this resource
// then manages (see preexistingRestrictionAge), and an answer lost after
// Arize acted is simply asked again by the client. So there is no look-up
// before it, nor after an unknown outcome.
func (r *projectRestrictionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan projectRestrictionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	projectID := plan.ProjectID.ValueString()
	sent := time.Now()
	made, err := r.client.RestrictProject(ctx, projectID)
	if err != nil {
		resp.Diagnostics.AddError(projectRestriction.couldNot("create"), restrictErrorDetail(projectID, err))
		return
	}
	if madeBefore(made.CreatedAt, sent) {
		tflog.Warn(ctx, "adopted an existing restriction: the Arize project was restricted already, before this "+
			"apply; Terraform now manages that restriction, and destroying the resource will lift it",
			map[string]any{"project_id": projectID, "created_at": made.CreatedAt})
	} else {
		tflog.Info(ctx, "restricted Arize project", map[string]any{"project_id": projectID})
	}
	resp.Diagnostics.Append(saveRestriction(ctx, projectID, made, &resp.State, resp.Identity)...)
}

// madeBefore reports whether createdAt, a restriction's, is more than
// preexistingRestrictionAge before sent, when the POST that answered it was
// sent. A created_at that does not parse tells nothing: false.
func madeBefore(createdAt string, sent time.Time) bool {
	at, err := time.Parse(time.RFC3339Nano, createdAt)
	return err == nil && at.Before(sent.Add(-preexistingRestrictionAge))
}

// restrictErrorDetail is the detail of a failed restriction of projectID:
// what each refusal the API documents means.
func restrictErrorDetail(projectID string, err error) string {
	var apiErr *arize.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.Status {
		case http.StatusNotFound:
			return fmt.Sprintf("No project with ID %q exists in this Arize account: it may have been deleted. Give project_id "+
				"an existing project's ID, such as an arize_project's id.\n\n%s", projectID, err)
		case http.StatusBadRequest:
			return fmt.Sprintf("Arize refused %q as a project ID: only projects can be restricted, so project_id takes a "+
				"project's ID (an arize_project's id), never a space's or an organization's.\n\n%s", projectID, err)
		case http.StatusForbidden:
			return fmt.Sprintf("The provider's API key may not restrict project %q: restricting takes the PROJECT_RESTRICT "+
				"permission on the project, and a key that cannot see the project (in a private space, say) cannot "+
				"restrict it.\n\n%s", projectID, err)
		}
	}
	return apiErrorDetail(projectRestriction, err)
}

// Read finds the restriction by paging the list, since Arize has no call
// that reads one: one request per page, up to the page that holds it. One
// that is not listed is gone (lifted outside Terraform, or deleted with its
// project): it is removed from state, and the next plan restricts the
// project again.
func (r *projectRestrictionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state projectRestrictionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	projectID := state.ProjectID.ValueString()
	found, err := r.client.FindRestriction(ctx, projectID)
	if err != nil {
		resp.Diagnostics.AddError(projectRestriction.couldNot("read"), apiErrorDetail(projectRestriction, err))
		return
	}
	if found == nil {
		tflog.Warn(ctx, "Arize project restriction no longer exists; removing it from state", map[string]any{"project_id": projectID})
		// The framework requires an identity after every read, even one
		// that removes the resource.
		resp.Diagnostics.Append(setRestrictionIdentity(ctx, resp.Identity, projectID)...)
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(saveRestriction(ctx, projectID, found, &resp.State, resp.Identity)...)
}

// Update is never called with a change: project_id replaces the
// restriction, and the other attributes are Arize's. The planned values
// are the state's.
func (r *projectRestrictionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan projectRestrictionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setRestrictionIdentity(ctx, resp.Identity, plan.ProjectID.ValueString())...)
}

// Delete lifts the restriction with one DELETE: the roles bound above the
// project reach it again. One already lifted, or whose project is gone,
// is done.
func (r *projectRestrictionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state projectRestrictionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := goneIsDone(r.client.UnrestrictProject(ctx, state.ProjectID.ValueString())); err != nil {
		resp.Diagnostics.AddError(projectRestriction.couldNot("delete"), apiErrorDetail(projectRestriction, err))
	}
}

// ImportState imports a restriction by its project's ID, from 'terraform
// import', an import block's id, or an import block's identity. The read
// that follows finds it in the list, or fails the import when the project
// is not restricted.
func (r *projectRestrictionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughWithIdentity(ctx, path.Root("project_id"), path.Root("project_id"), req, resp)
}

// saveRestriction makes the restriction of projectID, as the API answered
// it, the new state, and its identity. The project's ID is the one
// Terraform holds, never re-read from the answer: IDs are opaque, compared
// byte for byte.
func saveRestriction(ctx context.Context, projectID string, in *arize.ResourceRestriction, state *tfsdk.State, identity *tfsdk.ResourceIdentity) diag.Diagnostics {
	m := restrictionModel(projectID, in)
	diags := state.Set(ctx, &m)
	diags.Append(setRestrictionIdentity(ctx, identity, projectID)...)
	return diags
}

// restrictionModel is the state of the restriction in of project
// projectID: what a read saves, and what list "arize_project_restriction"
// gives as an import's read.
func restrictionModel(projectID string, in *arize.ResourceRestriction) projectRestrictionModel {
	return projectRestrictionModel{
		ID:        types.StringValue(projectID),
		ProjectID: types.StringValue(projectID),
		CreatedAt: types.StringValue(in.CreatedAt),
	}
}

// setRestrictionIdentity records the identity of the restriction of
// projectID. Terraform older than 1.12 has no identities, and then identity
// is nil.
func setRestrictionIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, projectID string) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.Set(ctx, projectRestrictionIdentityModel{ProjectID: types.StringValue(projectID)})
}
