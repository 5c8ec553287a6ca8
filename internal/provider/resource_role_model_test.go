package provider

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestRoleModel_roundTrip reads an answer into the model and builds the
// create body back from it: the same role, whatever the API's empty forms.
func TestRoleModel_roundTrip(t *testing.T) {
	ctx := context.Background()
	for _, in := range []arize.Role{
		{ID: "r1", Name: "Prompt engineer", Description: "Writes prompts.", Permissions: []string{"PROMPT_UPDATE", "PROMPT_READ"},
			CreatedAt: "2026-02-13T21:27:19.055Z", UpdatedAt: "2026-02-14T08:00:00.000Z"},
		// No description (the member left out of the answer), and a
		// repeat a set cannot hold.
		{ID: "r2", Name: "Tagger", Permissions: []string{"TAG_READ", "TAG_READ"}, CreatedAt: "c", UpdatedAt: "u"},
	} {
		var m roleDataModel
		m.setFromAPI(&in)
		if m.ID.ValueString() != in.ID || m.Name.ValueString() != in.Name || m.CreatedAt.ValueString() != in.CreatedAt ||
			m.UpdatedAt.ValueString() != in.UpdatedAt || m.IsPredefined.ValueBool() {
			t.Errorf("%s: read as %+v", in.ID, m)
		}
		if in.Description == "" && !m.Description.IsNull() {
			t.Errorf("%s: no description reads as %s, want null", in.ID, m.Description)
		}
		var diags diag.Diagnostics
		body := m.createRequest(ctx, &diags)
		if diags.HasError() {
			t.Fatal(diags)
		}
		want := arize.RoleCreateRequest{Name: in.Name, Description: in.Description, Permissions: slices.Compact(slices.Sorted(slices.Values(in.Permissions)))}
		slices.Sort(body.Permissions)
		if body.Name != want.Name || body.Description != want.Description || !slices.Equal(body.Permissions, want.Permissions) {
			t.Errorf("%s: create body %+v, want %+v", in.ID, body, want)
		}
	}
}

// TestRoleModel_updateRequest: a PATCH carries only what changed; a removed
// description is null; changed permissions go whole; reordered ones, not at
// all.
func TestRoleModel_updateRequest(t *testing.T) {
	ctx := context.Background()
	state := roleModel{
		Name: types.StringValue("n"), Description: types.StringValue("d"),
		Permissions: permissionSetValue([]string{"A_READ", "B_READ"}),
	}
	for _, tc := range []struct {
		name   string
		change func(*roleModel)
		want   string
	}{
		{"nothing", func(*roleModel) {}, `{}`},
		{"reordered permissions", func(m *roleModel) { m.Permissions = permissionSetValue([]string{"B_READ", "A_READ"}) }, `{}`},
		{"rename", func(m *roleModel) { m.Name = types.StringValue("m") }, `{"name":"m"}`},
		{"description removed", func(m *roleModel) { m.Description = types.StringNull() }, `{"description":null}`},
		{"description changed", func(m *roleModel) { m.Description = types.StringValue("e") }, `{"description":"e"}`},
		{"a permission more", func(m *roleModel) { m.Permissions = permissionSetValue([]string{"A_READ", "B_READ", "C_READ"}) },
			`{"permissions":["A_READ","B_READ","C_READ"]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plan := state
			tc.change(&plan)
			var diags diag.Diagnostics
			body := plan.updateRequest(ctx, &state, &diags)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if p, ok := body.Permissions.Get(); ok {
				slices.Sort(p) // a set's order is no matter
				body.Permissions = arize.Value(p)
			}
			got, err := json.Marshal(body)
			if err != nil || string(got) != tc.want {
				t.Errorf("PATCH body %s, %v; want %s", got, err, tc.want)
			}
		})
	}
}

// TestRoleConflictDetail: a 409 on create names the role that has the name,
// an import for a custom one, the data source for a predefined one.
func TestRoleConflictDetail(t *testing.T) {
	err := &arize.APIError{Method: "POST", Path: "/v2/roles", Status: http.StatusConflict, Detail: "name taken"}
	custom := roleConflictDetail("Prompt engineer", &arize.Role{ID: "Um9sZTo1OmFCY0Q=", Name: "Prompt engineer"}, err)
	for _, want := range []string{`A role named "Prompt engineer" already exists in this Arize account: Um9sZTo1OmFCY0Q=`,
		`import { to = arize_role.<name>, id = "Um9sZTo1OmFCY0Q=" }`, `'terraform import arize_role.<name> Um9sZTo1OmFCY0Q='`, "409"} {
		if !strings.Contains(custom, want) {
			t.Errorf("the detail does not say %q:\n%s", want, custom)
		}
	}
	predefined := roleConflictDetail("Admin", &arize.Role{ID: "Um9sZToxOmFkbWlu", Name: "Admin", IsPredefined: true}, err)
	for _, want := range []string{`"Admin" is the name of one of Arize's predefined roles (ID Um9sZToxOmFkbWlu)`,
		`data "arize_role" { name = "Admin" }`} {
		if !strings.Contains(predefined, want) {
			t.Errorf("the detail does not say %q:\n%s", want, predefined)
		}
	}
	if strings.Contains(predefined, "terraform import") {
		t.Errorf("the detail suggests importing a predefined role:\n%s", predefined)
	}
	unfound := roleConflictDetail("Ghost", nil, err)
	if !strings.Contains(unfound, `A role named "Ghost" already exists`) || !strings.Contains(unfound, `<role id>`) {
		t.Errorf("without the holder, the detail is:\n%s", unfound)
	}
}

// TestDataSourceLabel: the label the predefined-role error suggests is a
// valid Terraform identifier.
func TestDataSourceLabel(t *testing.T) {
	for name, want := range map[string]string{"Annotator": "annotator", "Read Only": "read_only", "2nd-line": "role_2nd_line", "": "role_"} {
		if got := dataSourceLabel(name); got != want {
			t.Errorf("dataSourceLabel(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestRole_deleteRefused applies the destroy of a role in state that Arize
// refuses to delete, as it does a predefined role's (the emulator answers
// 400; Arize's SDK tests mock 403): one DELETE, and an error that says why
// and what to do, the role kept in state.
func TestRole_deleteRefused(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey, "max_retries": 0}))
	var annotatorID string
	for _, r := range emu.Roles() {
		if r.Name == "Annotator" {
			annotatorID = r.ID
		}
	}
	custom, err := emu.PutRole(emulator.Role{Name: "Prompt engineer", Permissions: []string{"PROMPT_READ"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, id, says string
		inject         func()
	}{
		{"400 for a predefined role", annotatorID, "Arize refused the delete. Arize refuses to delete its predefined roles, answering 400 or 403", func() {}},
		{"403", custom.ID, "Arize refused the delete (403 Forbidden): either the API key may not manage roles, or the role is predefined",
			func() { emu.FailNext(1, http.StatusForbidden) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			emu.ResetCounters()
			tc.inject()
			diags := applyRoleDestroy(t, p, roleState(tfObject{"id": tc.id, "name": "Annotator"}))
			expectError(t, diags, nil, "Could not delete the Arize role", tc.says)
			if d := diags[0].Detail; !strings.Contains(d, `Role "Annotator" (ID `+tc.id+`) is kept in state`) ||
				!strings.Contains(d, "lifecycle { destroy = false }") {
				t.Errorf("the detail does not say what to do:\n%s", d)
			}
			if n := emu.Count("DELETE", emulator.RouteRole); n != 1 {
				t.Errorf("%d DELETEs, want 1", n)
			}
		})
	}
	if _, ok := emu.Role(custom.ID); !ok {
		t.Error("the custom role is gone after a refused delete")
	}
	if _, ok := emu.Role(annotatorID); !ok {
		t.Error("the predefined role is gone")
	}
}

// TestRole_deleteGoneIsDone: destroying a role that is already gone from
// Arize (a 404) succeeds with its one DELETE.
func TestRole_deleteGoneIsDone(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey, "max_retries": 0}))
	gone, err := emu.PutRole(emulator.Role{Name: "Prompt engineer", Permissions: []string{"PROMPT_READ"}})
	if err != nil {
		t.Fatal(err)
	}
	emu.RemoveRole(gone.ID)
	emu.ResetCounters()
	diags := applyRoleDestroy(t, p, roleState(tfObject{"id": gone.ID}))
	if len(diags) != 0 {
		t.Errorf("destroying a role already gone: %s", diagsText(diags))
	}
	if n, total := emu.Count("DELETE", emulator.RouteRole), emu.Total(); n != 1 || total != 1 {
		t.Errorf("%d DELETEs of %d requests, want 1 of 1: %v", n, total, emu.Requests())
	}
}

// applyRoleDestroy sends the ApplyResourceChange of a destroy of the role
// in state prior, and returns its diagnostics.
func applyRoleDestroy(t *testing.T, p *protoProvider, prior tfObject) []*tfprotov6.Diagnostic {
	t.Helper()
	schema := p.resourceSchema(roleType)
	typ := schema.ValueType()
	null := tftypes.NewValue(typ, nil)
	resp, err := p.server.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{
		TypeName:     roleType,
		PriorState:   p.dynamic(schema, tfValue(t, typ, prior)),
		PlannedState: p.dynamic(schema, null),
		Config:       p.dynamic(schema, null),
	})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Diagnostics
}
