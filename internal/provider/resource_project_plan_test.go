package provider

import (
	"context"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// arize_project's plan-time rules, driven through the plugin protocol in
// the test process (protocol_test.go): no Terraform CLI, no TF_ACC. The
// provider is configured against an emulator, which proves that none of
// these rules costs a request.

const projectType = "arize_project"

// projectStateSpace is the space of projectState's project.
const projectStateSpace = "U3BhY2U6MQ=="

// projectState is a project's state as a create leaves it, protected or
// not.
func projectState(protected any) tfObject {
	return tfObject{
		"id": "UHJvamVjdDoxOmFCY0Q=", "space_id": projectStateSpace, "name": "Support bot",
		"created_at": "2026-02-13T21:27:19.055Z", "deletion_protection": protected,
	}
}

// newCountedProtoProvider is a provider configured against an emulator,
// whose counters show every request the provider makes.
func newCountedProtoProvider(t *testing.T) (*protoProvider, *emulator.Server) {
	t.Helper()
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey, "max_retries": 0}))
	return p, emu
}

// expectNoRequests fails the test if the emulator served any request.
func expectNoRequests(t *testing.T, emu *emulator.Server) {
	t.Helper()
	if n := emu.Total(); n != 0 {
		t.Errorf("made %d API calls, want none: %v", n, emu.Requests())
	}
}

// TestProject_validateConfig checks the rules on name and space_id at plan
// time, on the attribute that is wrong, counted in characters.
func TestProject_validateConfig(t *testing.T) {
	p, emu := newCountedProtoProvider(t)
	const sp = "U3BhY2U6MQ=="
	cases := []struct {
		name    string
		config  tfObject
		at      string // the attribute in error; "" for none
		summary string
		detail  string
	}{
		{"empty name", tfObject{"space_id": sp, "name": ""}, "name", "Invalid Attribute Value Length", "must be between 1 and 255, got: 0"},
		{"blank name", tfObject{"space_id": sp, "name": " \t "}, "name", "Blank value", "name must contain a character other than white space"},
		{"name of 256 characters", tfObject{"space_id": sp, "name": strings.Repeat("a", 256)}, "name", "Invalid Attribute Value Length", "got: 256"},
		{"empty space_id", tfObject{"space_id": "", "name": "x"}, "space_id", "Invalid Attribute Value Length", "at least 1, got: 0"},
		{"blank space_id", tfObject{"space_id": "  ", "name": "x"}, "space_id", "Blank value", "space_id must contain"},

		{"name of 255 two-byte characters", tfObject{"space_id": sp, "name": strings.Repeat("é", 255)}, "", "", ""},
		{"values known at apply", tfObject{"space_id": unknown, "name": unknown, "deletion_protection": unknown}, "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			diags := p.validateResource(projectType, c.config)
			if c.at == "" {
				expectNoErrors(t, diags)
				return
			}
			expectError(t, diags, attrPath(c.at), c.summary, c.detail)
		})
	}
	expectNoRequests(t, emu)
}

// TestProjectPlan_destroy: a destroy fails at plan time while the state
// says deletion_protection is true, or says nothing (a state older than the
// attribute), names the project and the way out, and costs no request.
func TestProjectPlan_destroy(t *testing.T) {
	p, emu := newCountedProtoProvider(t)
	for _, c := range []struct {
		name    string
		protect any
		refused bool
	}{
		{"protected", true, true},
		{"protection unset", nil, true},
		{"unprotected", false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			diags := planDestroy(t, p, projectType, projectState(c.protect))
			if !c.refused {
				expectNoErrors(t, diags)
				return
			}
			expectError(t, diags, nil, "Deletion protection: cannot destroy the Arize project",
				`arize_project "Support bot" (ID UHJvamVjdDoxOmFCY0Q=) has deletion_protection = true.`)
		})
	}
	expectNoRequests(t, emu)
}

// planDestroy sends the PlanResourceChange of a destroy of typeName, as
// Terraform does when the block is removed or on terraform destroy: the
// proposed new state and the config are null.
func planDestroy(t *testing.T, p *protoProvider, typeName string, prior tfObject) []*tfprotov6.Diagnostic {
	t.Helper()
	schema := p.resourceSchema(typeName)
	typ := schema.ValueType()
	null := tftypes.NewValue(typ, nil)
	resp, err := p.server.PlanResourceChange(context.Background(), &tfprotov6.PlanResourceChangeRequest{
		TypeName:         typeName,
		PriorState:       p.dynamic(schema, tfValue(t, typ, prior)),
		ProposedNewState: p.dynamic(schema, null),
		Config:           p.dynamic(schema, null),
	})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Diagnostics
}

// TestProjectPlan_spaceChange: a new space_id replaces the project, which
// deletion_protection refuses at plan time, on the attribute; an unknown
// one (another resource's output) may be another space, so it counts as a
// change. A rename is in place. None of it costs a request.
func TestProjectPlan_spaceChange(t *testing.T) {
	p, emu := newCountedProtoProvider(t)
	const spaceA, spaceB = projectStateSpace, "U3BhY2U6Mg=="
	for _, c := range []struct {
		name        string
		protected   bool
		space       any
		newName     string
		wantReplace bool
		wantRefusal bool
	}{
		{"a rename, protected", true, spaceA, "Support assistant", false, false},
		{"another space, protected", true, spaceB, "Support bot", true, true},
		{"another space, unprotected", false, spaceB, "Support bot", true, false},
		{"unknown space, protected", true, unknown, "Support bot", true, true},
		{"unknown space, unprotected", false, unknown, "Support bot", true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := p.planResource(projectType, projectState(c.protected), tfObject{
				"space_id": c.space, "name": c.newName, "deletion_protection": c.protected,
			})
			replaces := slices.ContainsFunc(got.requiresReplace, func(at *tftypes.AttributePath) bool {
				return at.Equal(attrPath("space_id"))
			})
			if replaces != c.wantReplace {
				t.Errorf("requires replace %v, want space_id: %t", got.requiresReplace, c.wantReplace)
			}
			if c.wantRefusal {
				expectError(t, got.diags, attrPath("space_id"), "Deletion protection: cannot replace the Arize project",
					`Changing space_id replaces arize_project "Support bot" (ID UHJvamVjdDoxOmFCY0Q=)`)
				return
			}
			expectNoErrors(t, got.diags)
			if !c.wantReplace {
				// In place: the ID and created_at are the state's.
				for _, kept := range []string{"id", "created_at"} {
					want := tfValue(t, tftypes.String, projectState(true)[kept])
					if v := attrOf(t, got.state, kept); !v.Equal(want) {
						t.Errorf("%s plans %s, want the state's", kept, v)
					}
				}
			}
		})
	}
	expectNoRequests(t, emu)
}

// TestProjectApply_deletionProtectionOnly: turning deletion_protection off
// alone is applied without a single request to Arize.
func TestProjectApply_deletionProtectionOnly(t *testing.T) {
	p, emu := newCountedProtoProvider(t)
	prior := projectState(true)
	config := tfObject{"space_id": projectStateSpace, "name": "Support bot", "deletion_protection": false}
	plan := p.planResource(projectType, prior, config)
	expectNoErrors(t, plan.diags)
	if len(plan.requiresReplace) != 0 {
		t.Fatalf("turning protection off plans a replacement of %v", plan.requiresReplace)
	}
	schema := p.resourceSchema(projectType)
	typ := schema.ValueType()
	resp, err := p.server.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{
		TypeName:     projectType,
		PriorState:   p.dynamic(schema, tfValue(t, typ, prior)),
		PlannedState: p.dynamic(schema, plan.state),
		Config:       p.dynamic(schema, tfValue(t, typ, config)),
	})
	if err != nil {
		t.Fatal(err)
	}
	expectNoErrors(t, resp.Diagnostics)
	expectNoRequests(t, emu)
	state, err := resp.NewState.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	if want := tfValue(t, typ, projectState(false)); !state.Equal(want) {
		t.Errorf("new state %s, want %s", state, want)
	}
}
