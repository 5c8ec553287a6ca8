package provider

import (
	"maps"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// arize_role_binding's plan-time rules, driven through the plugin protocol
// in the test process (protocol_test.go): no Terraform CLI, no TF_ACC, no
// client at all, so nothing here can reach the API.

const roleBindingType = "arize_role_binding"

// roleBindingConfig is a valid configuration, with changes.
func roleBindingConfig(changes tfObject) tfObject {
	config := tfObject{
		"user_id":       "VXNlcjozOmNDY0M=",
		"resource_type": "SPACE",
		"resource_id":   "U3BhY2U6MTpWNEth",
		"role_id":       "Um9sZToxOmFkbWlu",
	}
	maps.Copy(config, changes)
	return config
}

// roleBindingState is a binding's state as a create leaves it, with changes.
func roleBindingState(changes tfObject) tfObject {
	state := roleBindingConfig(tfObject{
		"id":         "Um9sZUJpbmRpbmc6MTphQmNE",
		"created_at": "2026-02-13T21:27:19.055Z",
		"updated_at": "2026-02-13T21:27:19.055Z",
	})
	maps.Copy(state, changes)
	return state
}

// TestRoleBinding_validateConfig checks resource_type and the IDs at plan
// time, on the attribute that is wrong.
func TestRoleBinding_validateConfig(t *testing.T) {
	p := newProtoProvider(t)
	cases := []struct {
		name    string
		config  tfObject
		at      string // the attribute in error; "" for none
		summary string
		detail  string
	}{
		{"resource_type in lower case", roleBindingConfig(tfObject{"resource_type": "space"}), "resource_type",
			"Invalid Attribute Value Match", `value must be one of: ["SPACE" "PROJECT"], got: "space"`},
		{"resource_type ORGANIZATION", roleBindingConfig(tfObject{"resource_type": "ORGANIZATION"}), "resource_type",
			"Invalid Attribute Value Match", `got: "ORGANIZATION"`},
		{"empty resource_type", roleBindingConfig(tfObject{"resource_type": ""}), "resource_type",
			"Invalid Attribute Value Match", `got: ""`},
		{"empty user_id", roleBindingConfig(tfObject{"user_id": ""}), "user_id",
			"Invalid Attribute Value Length", "at least 1, got: 0"},
		{"empty resource_id", roleBindingConfig(tfObject{"resource_id": ""}), "resource_id",
			"Invalid Attribute Value Length", "at least 1, got: 0"},
		{"empty role_id", roleBindingConfig(tfObject{"role_id": ""}), "role_id",
			"Invalid Attribute Value Length", "at least 1, got: 0"},
		{"blank role_id", roleBindingConfig(tfObject{"role_id": "  "}), "role_id",
			"Blank value", "role_id must contain a character other than white space"},
		{"blank user_id", roleBindingConfig(tfObject{"user_id": "\t"}), "user_id",
			"Blank value", "user_id must contain a character other than white space"},

		{"a space binding", roleBindingConfig(nil), "", "", ""},
		{"a project binding", roleBindingConfig(tfObject{"resource_type": "PROJECT", "resource_id": "UHJvamVjdDo1OmFCY0Q="}), "", "", ""},
		{"values known at apply", roleBindingConfig(tfObject{
			"user_id": unknown, "resource_type": unknown, "resource_id": unknown, "role_id": unknown,
		}), "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			diags := p.validateResource(roleBindingType, c.config)
			if c.at == "" {
				expectNoErrors(t, diags)
				return
			}
			expectError(t, diags, attrPath(c.at), c.summary, c.detail)
		})
	}
}

// TestRoleBinding_plan: a new role is planned in place, with updated_at
// unknown (the PATCH moves it) and the rest kept; a new user, resource type
// or resource is a replacement; the same configuration plans the state
// unchanged, updated_at included, so a binding never plans a change of its
// own.
func TestRoleBinding_plan(t *testing.T) {
	p := newProtoProvider(t)
	prior := roleBindingState(nil)
	priorValue := tfValue(t, p.resourceSchema(roleBindingType).ValueType(), prior)

	same := p.planResource(roleBindingType, prior, roleBindingConfig(nil))
	expectNoErrors(t, same.diags)
	if !same.state.Equal(priorValue) || len(same.requiresReplace) != 0 {
		t.Errorf("the same configuration plans %s (replacing %v), want the state %s", same.state, same.requiresReplace, priorValue)
	}

	roleChange := p.planResource(roleBindingType, prior, roleBindingConfig(tfObject{"role_id": "Um9sZTo1OmFCY0Q="}))
	expectNoErrors(t, roleChange.diags)
	if len(roleChange.requiresReplace) != 0 {
		t.Errorf("a role change replaces the binding (%v); it is changed in place", roleChange.requiresReplace)
	}
	for _, kept := range []string{"id", "created_at", "user_id", "resource_type", "resource_id"} {
		if got := attrOf(t, roleChange.state, kept); !got.Equal(attrOf(t, priorValue, kept)) {
			t.Errorf("a role change plans %s = %s, want the state's", kept, got)
		}
	}
	if got := attrOf(t, roleChange.state, "updated_at"); got.IsKnown() {
		t.Errorf("a role change plans updated_at = %s, want unknown: the PATCH moves it", got)
	}

	for _, attr := range []string{"user_id", "resource_type", "resource_id"} {
		changed := map[string]any{"user_id": "VXNlcjoyOmJCYkI=", "resource_type": "PROJECT", "resource_id": "UHJvamVjdDo1OmFCY0Q="}[attr]
		plan := p.planResource(roleBindingType, prior, roleBindingConfig(tfObject{attr: changed}))
		expectNoErrors(t, plan.diags)
		if len(plan.requiresReplace) != 1 || !plan.requiresReplace[0].Equal(attrPath(attr)) {
			t.Errorf("a change of %s requires replacing %v, want [%s]", attr, plan.requiresReplace, attr)
		}
	}

	created := p.planResource(roleBindingType, nil, roleBindingConfig(nil))
	expectNoErrors(t, created.diags)
	for _, computed := range []string{"id", "created_at", "updated_at"} {
		if got := attrOf(t, created.state, computed); got.IsKnown() {
			t.Errorf("a new binding plans %s = %s, want unknown", computed, got)
		}
	}
	if got := attrOf(t, created.state, "role_id"); !got.Equal(tftypes.NewValue(tftypes.String, "Um9sZToxOmFkbWlu")) {
		t.Errorf("a new binding plans role_id = %s", got)
	}
}
