package provider

import (
	"context"
	"maps"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// arize_organization's plan-time rules, driven through the plugin protocol
// in the test process (protocol_test.go): no Terraform CLI, no TF_ACC.

const organizationType = "arize_organization"

// organizationState is an organization's state as a create leaves it, with
// changes.
func organizationState(changes tfObject) tfObject {
	state := tfObject{
		"id":                  "T3JnYW5pemF0aW9uOjE6YUJjRA==",
		"name":                "platform",
		"description":         "the platform team",
		"created_at":          "2026-02-13T21:27:19.055Z",
		"deletion_protection": true,
	}
	maps.Copy(state, changes)
	return state
}

// TestOrganization_validateConfig checks the limits on name and description
// at plan time, on the attribute that is wrong, counted in characters as the
// API counts them.
func TestOrganization_validateConfig(t *testing.T) {
	p := newProtoProvider(t)
	cases := []struct {
		name    string
		config  tfObject
		at      string // the attribute in error; "" for none
		summary string
		detail  string
	}{
		{"empty name", tfObject{"name": ""}, "name", "Invalid Attribute Value Length", "must be between 1 and 255, got: 0"},
		{"blank name", tfObject{"name": " \t "}, "name", "Blank value", "name must contain a character other than white space"},
		{"name of 256 characters", tfObject{"name": strings.Repeat("a", 256)}, "name", "Invalid Attribute Value Length", "got: 256"},
		{"description of 1001 characters", tfObject{"name": "x", "description": strings.Repeat("d", 1001)},
			"description", "Invalid Attribute Value Length", "must be at most 1000, got: 1001"},

		{"name of 255 two-byte characters", tfObject{"name": strings.Repeat("é", 255)}, "", "", ""},
		{"description of 1000 two-byte characters", tfObject{"name": "x", "description": strings.Repeat("é", 1000)}, "", "", ""},
		{"name with spaces around it", tfObject{"name": " x "}, "", "", ""},
		{"empty description", tfObject{"name": "x", "description": ""}, "", "", ""},
		{"values known at apply", tfObject{"name": unknown, "description": unknown, "deletion_protection": unknown}, "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			diags := p.validateResource(organizationType, c.config)
			if c.at == "" {
				expectNoErrors(t, diags)
				return
			}
			expectError(t, diags, attrPath(c.at), c.summary, c.detail)
		})
	}
}

// TestOrganization_planDescription: an omitted description plans "", the
// value the API reads back for none, so removing one plans its clear and
// leaving it out of a new organization plans nothing to send.
func TestOrganization_planDescription(t *testing.T) {
	p := newProtoProvider(t)
	removed := p.planResource(organizationType, organizationState(nil), tfObject{"name": "platform"})
	expectNoErrors(t, removed.diags)
	if got := attrOf(t, removed.state, "description"); !got.Equal(tftypes.NewValue(tftypes.String, "")) {
		t.Errorf("a removed description plans %s, want \"\"", got)
	}
	for _, kept := range []string{"id", "created_at"} {
		if got := attrOf(t, removed.state, kept); !got.Equal(attrOf(t, tfValue(t, p.resourceSchema(organizationType).ValueType(), organizationState(nil)), kept)) {
			t.Errorf("%s plans %s, want the state's", kept, got)
		}
	}

	created := p.planResource(organizationType, nil, tfObject{"name": "platform"})
	expectNoErrors(t, created.diags)
	if got := attrOf(t, created.state, "description"); !got.Equal(tftypes.NewValue(tftypes.String, "")) {
		t.Errorf("a new organization without a description plans %s, want \"\"", got)
	}
	if got := attrOf(t, created.state, "deletion_protection"); !got.Equal(tftypes.NewValue(tftypes.Bool, true)) {
		t.Errorf("deletion_protection plans %s, want the default true", got)
	}
}

// TestOrganization_planDestroy: a destroy fails at plan time while the state
// says deletion_protection is true, or says nothing (a state older than the
// attribute), and names the organization and the way out.
func TestOrganization_planDestroy(t *testing.T) {
	p := newProtoProvider(t)
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
			diags := planOrganizationDestroy(t, p, organizationState(tfObject{"deletion_protection": c.protect}))
			if !c.refused {
				expectNoErrors(t, diags)
				return
			}
			expectError(t, diags, nil, "Deletion protection: cannot destroy the Arize organization",
				`arize_organization "platform" (ID T3JnYW5pemF0aW9uOjE6YUJjRA==) has deletion_protection = true.`)
			if !strings.Contains(diags[0].Detail, "set deletion_protection = false") {
				t.Errorf("the error does not say how to proceed: %s", diags[0].Detail)
			}
		})
	}
}

// planOrganizationDestroy sends the PlanResourceChange of a destroy, as
// Terraform does when the block is removed or on terraform destroy: the
// proposed new state and the config are null.
func planOrganizationDestroy(t *testing.T, p *protoProvider, prior tfObject) []*tfprotov6.Diagnostic {
	t.Helper()
	schema := p.resourceSchema(organizationType)
	typ := schema.ValueType()
	null := tftypes.NewValue(typ, nil)
	resp, err := p.server.PlanResourceChange(context.Background(), &tfprotov6.PlanResourceChangeRequest{
		TypeName:         organizationType,
		PriorState:       p.dynamic(schema, tfValue(t, typ, prior)),
		ProposedNewState: p.dynamic(schema, null),
		Config:           p.dynamic(schema, null),
	})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Diagnostics
}

// TestOrganization_protectionChangeCallsNothing applies a change of
// deletion_protection alone, which exists only in Terraform: no request
// reaches Arize, and the state takes the new value.
func TestOrganization_protectionChangeCallsNothing(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey, "max_retries": 0}))

	prior := organizationState(nil)
	config := tfObject{"name": "platform", "description": "the platform team", "deletion_protection": false}
	plan := p.planResource(organizationType, prior, config)
	expectNoErrors(t, plan.diags)
	if len(plan.requiresReplace) != 0 {
		t.Fatalf("turning protection off plans a replacement of %v", plan.requiresReplace)
	}

	schema := p.resourceSchema(organizationType)
	typ := schema.ValueType()
	resp, err := p.server.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{
		TypeName:     organizationType,
		PriorState:   p.dynamic(schema, tfValue(t, typ, prior)),
		PlannedState: p.dynamic(schema, plan.state),
		Config:       p.dynamic(schema, tfValue(t, typ, config)),
	})
	if err != nil {
		t.Fatal(err)
	}
	expectNoErrors(t, resp.Diagnostics)
	if n := emu.Total(); n != 0 {
		t.Errorf("changing deletion_protection alone made %d API calls: %v", n, emu.Requests())
	}
	state, err := resp.NewState.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	want := tfValue(t, typ, organizationState(tfObject{"deletion_protection": false}))
	if !state.Equal(want) {
		t.Errorf("new state %s, want %s", state, want)
	}
}
