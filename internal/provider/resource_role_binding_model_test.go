package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// TestRoleBindingModel_roundTrip: every member of the API's answer reaches
// its attribute, and the POST body made from that state asks for the same
// binding.
func TestRoleBindingModel_roundTrip(t *testing.T) {
	in := arize.RoleBinding{
		ID: "Um9sZUJpbmRpbmc6MTphQmNE", RoleID: "Um9sZToxOmFCY0Q=", UserID: "VXNlcjo0MjphQmNE",
		ResourceType: arize.RoleBindingProject, ResourceID: "UHJvamVjdDo1OmFCY0Q=",
		CreatedAt: "2026-02-13T21:27:19.055Z", UpdatedAt: "2026-02-14T08:00:00.000Z",
	}
	m := roleBindingFromAPI(&in)
	want := roleBindingModel{
		ID: types.StringValue(in.ID), UserID: types.StringValue(in.UserID), ResourceType: types.StringValue("PROJECT"),
		ResourceID: types.StringValue(in.ResourceID), RoleID: types.StringValue(in.RoleID),
		CreatedAt: types.StringValue(in.CreatedAt), UpdatedAt: types.StringValue(in.UpdatedAt),
	}
	if m != want {
		t.Errorf("roleBindingFromAPI = %+v, want %+v", m, want)
	}
	body := m.createRequest()
	wantBody := arize.RoleBindingCreateRequest{RoleID: in.RoleID, UserID: in.UserID, ResourceType: arize.RoleBindingProject, ResourceID: in.ResourceID}
	if body != wantBody {
		t.Errorf("createRequest = %+v, want %+v", body, wantBody)
	}
	if got, want := roleBindingDisplayName(&in), "VXNlcjo0MjphQmNE on PROJECT UHJvamVjdDo1OmFCY0Q="; got != want {
		t.Errorf("display name %q, want %q", got, want)
	}
}
