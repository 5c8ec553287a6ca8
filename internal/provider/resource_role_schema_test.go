package provider

import (
	"maps"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// arize_role's plan-time rules, driven through the plugin protocol in the
// test process (protocol_test.go): no Terraform CLI, no TF_ACC.

const roleType = "arize_role"

// roleState is a role's state as a create leaves it, with changes.
func roleState(changes tfObject) tfObject {
	state := tfObject{
		"id":          "Um9sZTo1OmFCY0Q=",
		"name":        "Prompt engineer",
		"description": "Writes prompts.",
		"permissions": []string{"PROMPT_READ", "PROMPT_UPDATE"},
		"created_at":  "2026-02-13T21:27:19.055Z",
		"updated_at":  "2026-02-13T21:27:19.055Z",
	}
	maps.Copy(state, changes)
	return state
}

// roleConfigOf is the configuration that roleState was made from, with
// changes.
func roleConfigOf(changes tfObject) tfObject {
	config := tfObject{"name": "Prompt engineer", "description": "Writes prompts.", "permissions": []string{"PROMPT_READ", "PROMPT_UPDATE"}}
	maps.Copy(config, changes)
	return config
}

// TestRole_validateConfig checks the limits on name, description and
// permissions at plan time, on the attribute that is wrong, counted in
// characters as the API counts them.
func TestRole_validateConfig(t *testing.T) {
	p := newProtoProvider(t)
	cases := []struct {
		name    string
		config  tfObject
		at      *tftypes.AttributePath // the attribute in error; nil for none
		summary string
		detail  string
	}{
		{"empty name", roleConfigOf(tfObject{"name": ""}), attrPath("name"), "Invalid Attribute Value Length", "must be between 1 and 255, got: 0"},
		{"blank name", roleConfigOf(tfObject{"name": " \t "}), attrPath("name"), "Blank value", "name must contain a character other than white space"},
		{"name of 256 characters", roleConfigOf(tfObject{"name": strings.Repeat("a", 256)}), attrPath("name"), "Invalid Attribute Value Length", "got: 256"},
		{"empty description", roleConfigOf(tfObject{"description": ""}), attrPath("description"), "Invalid Attribute Value Length", "must be between 1 and 1000, got: 0"},
		{"description of 1001 characters", roleConfigOf(tfObject{"description": strings.Repeat("d", 1001)}),
			attrPath("description"), "Invalid Attribute Value Length", "got: 1001"},
		{"no permission", roleConfigOf(tfObject{"permissions": []string{}}), attrPath("permissions"), "Invalid Attribute Value", "set must contain at least 1 elements, got: 0"},
		{"an empty permission", roleConfigOf(tfObject{"permissions": []string{"TAG_READ", ""}}),
			attrPath("permissions").WithElementKeyValue(tftypes.NewValue(tftypes.String, "")), "Invalid Attribute Value Length", "at least 1, got: 0"},

		{"name of 255 two-byte characters", roleConfigOf(tfObject{"name": strings.Repeat("é", 255)}), nil, "", ""},
		{"description of 1000 two-byte characters", roleConfigOf(tfObject{"description": strings.Repeat("é", 1000)}), nil, "", ""},
		{"no description", roleConfigOf(tfObject{"description": nil}), nil, "", ""},
		{"values known at apply", tfObject{"name": unknown, "description": unknown, "permissions": unknown}, nil, "", ""},
		{"permissions known at apply", roleConfigOf(tfObject{"permissions": []any{"TAG_READ", unknown}}), nil, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			diags := p.validateResource(roleType, c.config)
			if c.at == nil {
				expectNoErrors(t, diags)
				if len(diags) != 0 {
					t.Errorf("unexpected diagnostics:%s", diagsText(diags))
				}
				return
			}
			expectError(t, diags, c.at, c.summary, c.detail)
		})
	}
}

// TestRole_unknownPermissionWarning: a permission name the provider's list
// does not have is a warning on permissions, never an error, at validate
// time, which every plan and apply includes, with no API call; it names
// each such name, and suggests the known name a differently written one
// stands for.
func TestRole_unknownPermissionWarning(t *testing.T) {
	emu := emulator.New(emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey, "max_retries": 0}))

	cases := []struct {
		name        string
		permissions []any
		summary     string // "" for no warning
		details     []string
	}{
		{"known names", []any{"PROMPT_READ", "MANAGED_AGENT_READ", "SERVICE_KEY_REVOKE"}, "", nil},
		{"a newer name", []any{"PROMPT_READ", newerPermission}, "Permission unknown to this provider", []string{
			`does not have "` + newerPermission + `".`, "may be older than the API's", "the plan goes on",
		}},
		{"a renamed name and a lower-case one", []any{"SERVICE_KEY_DELETE", " project_read", "PROMPT_READ"}, "Permissions unknown to this provider", []string{
			`does not have " project_read" and "SERVICE_KEY_DELETE".`, `Did you mean "PROJECT_READ" rather than " project_read"?`, "checks them",
		}},
		{"an unknown name beside one known at apply", []any{unknown, "TAG_LIST"}, "Permission unknown to this provider", []string{`"TAG_LIST"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			config := roleConfigOf(tfObject{"permissions": c.permissions})
			// Terraform validates the configuration as part of every plan
			// and apply, so the warning shows in both
			// (TestAccRole_newerPermissionWarns sees it in terraform plan's
			// output); the plan itself adds nothing.
			diags := p.validateResource(roleType, config)
			planned := p.planResource(roleType, nil, config)
			if len(planned.diags) != 0 {
				t.Errorf("plan: %s", diagsText(planned.diags))
			}
			expectNoErrors(t, diags)
			if c.summary == "" {
				if len(diags) != 0 {
					t.Errorf("validate: %s", diagsText(diags))
				}
				return
			}
			if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityWarning || diags[0].Summary != c.summary ||
				!attrPath("permissions").Equal(diags[0].Attribute) {
				t.Fatalf("want one warning %q on permissions, got:%s", c.summary, diagsText(diags))
			}
			for _, d := range c.details {
				if !strings.Contains(diags[0].Detail, d) {
					t.Errorf("the warning does not say %q:\n%s", d, diags[0].Detail)
				}
			}
		})
	}
	if n := emu.Total(); n != 0 {
		t.Errorf("validation and plans made %d API calls: %v", n, emu.Requests())
	}
}

// TestRole_plan: permissions in another order plan no change at all; a
// change keeps the ID and created_at and leaves updated_at to the answer.
func TestRole_plan(t *testing.T) {
	p := newProtoProvider(t)
	prior := roleState(nil)
	typ := p.resourceSchema(roleType).ValueType()

	reordered := p.planResource(roleType, prior, roleConfigOf(tfObject{"permissions": []string{"PROMPT_UPDATE", "PROMPT_READ"}}))
	expectNoErrors(t, reordered.diags)
	if want := tfValue(t, typ, prior); !reordered.state.Equal(want) {
		t.Errorf("reordered permissions plan %s, want the state %s", reordered.state, want)
	}

	changed := p.planResource(roleType, prior, roleConfigOf(tfObject{"permissions": []string{"PROMPT_READ"}, "description": nil}))
	expectNoErrors(t, changed.diags)
	if len(changed.requiresReplace) != 0 {
		t.Errorf("a change of permissions plans a replacement of %v", changed.requiresReplace)
	}
	for _, kept := range []string{"id", "created_at"} {
		if got, want := attrOf(t, changed.state, kept), attrOf(t, tfValue(t, typ, prior), kept); !got.Equal(want) {
			t.Errorf("%s plans %s, want the state's %s", kept, got, want)
		}
	}
	if got := attrOf(t, changed.state, "updated_at"); got.IsKnown() {
		t.Errorf("updated_at plans %s, want it known after apply: every PATCH moves it", got)
	}
	if got := attrOf(t, changed.state, "description"); !got.IsNull() {
		t.Errorf("a removed description plans %s, want null", got)
	}

	created := p.planResource(roleType, nil, roleConfigOf(nil))
	expectNoErrors(t, created.diags)
	for _, computed := range []string{"id", "created_at", "updated_at"} {
		if got := attrOf(t, created.state, computed); got.IsKnown() {
			t.Errorf("a new role plans %s = %s, want it known after apply", computed, got)
		}
	}
}
