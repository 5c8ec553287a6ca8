package provider

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The API key resources' plan rules, through the plugin protocol in the test
// process, with no provider configured: nothing here can reach an API.

const serviceKeyType = "arize_service_api_key"

// keyGrants is organizations with one organization and its spaces.
func keyGrants(orgRole any, spaces ...tfObject) []any {
	items := make([]any, len(spaces))
	for i, s := range spaces {
		items[i] = s
	}
	return []any{tfObject{"organization_id": "T3JnOjE=", "role": orgRole, "spaces": items}}
}

// spacesPath is the path of organizations[0].spaces[i].name.
func spacesPath(i int, name string) *tftypes.AttributePath {
	return attrPath("organizations").WithElementKeyInt(0).WithAttributeName("spaces").WithElementKeyInt(i).WithAttributeName(name)
}

func TestServiceAPIKey_validateGrants(t *testing.T) {
	p := newProtoProvider(t)
	member := tfObject{"space_id": "U3A6MQ==", "role": "MEMBER"}
	tests := []struct {
		name          string
		config        tfObject
		at            *tftypes.AttributePath
		summary, text string
	}{
		{"both roles", tfObject{"name": "n", "organizations": keyGrants(nil, tfObject{"space_id": "U3A6MQ==", "role": "MEMBER", "custom_role_id": "Um9sZTox"})},
			spacesPath(0, "custom_role_id"), "Conflicting roles", "not both"},
		{"no role", tfObject{"name": "n", "organizations": keyGrants(nil, member, tfObject{"space_id": "U3A6Mg=="})},
			spacesPath(1, "role"), "Missing role", "needs a role in each space"},
		{"space twice", tfObject{"name": "n", "organizations": keyGrants(nil, member, tfObject{"space_id": "U3A6MQ==", "role": "ADMIN"})},
			spacesPath(1, "space_id"), "Space listed twice", "spaces[0] of this organization already"},
		{"annotator in a space", tfObject{"name": "n", "organizations": keyGrants(nil, tfObject{"space_id": "U3A6MQ==", "role": "ANNOTATOR"})},
			spacesPath(0, "role"), "Invalid service key role", "Arize refuses the ANNOTATOR role for service keys"},
		{"annotator in the organization", tfObject{"name": "n", "organizations": keyGrants("ANNOTATOR", member)},
			attrPath("organizations").WithElementKeyInt(0).WithAttributeName("role"), "Invalid service key role", "ANNOTATOR"},
		{"read-only account", tfObject{"name": "n", "account_role": "READ_ONLY", "organizations": keyGrants(nil, member)},
			attrPath("account_role"), "Invalid service key role", `one of "ADMIN" or "MEMBER"`},
		{"no organization", tfObject{"name": "n", "organizations": []any{}},
			attrPath("organizations"), "Invalid Attribute Value", "at least 1 elements"},
		{"organization without spaces", tfObject{"name": "n", "organizations": keyGrants(nil)},
			attrPath("organizations").WithElementKeyInt(0).WithAttributeName("spaces"), "Invalid Attribute Value", "at least 1 elements"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectError(t, p.validateResource(serviceKeyType, tt.config), tt.at, tt.summary, tt.text)
		})
	}
	// A role known only at apply is checked then.
	expectNoErrors(t, p.validateResource(serviceKeyType, tfObject{
		"name": "n", "organizations": keyGrants(nil, tfObject{"space_id": "U3A6MQ==", "role": unknown}),
	}))
}

// serviceKeyState is a service key's state as Create leaves it.
func serviceKeyState(rotation any) tfObject {
	return tfObject{
		"id": "QXBpS2V5OjE=", "name": "pipeline", "expires_at": "2030-01-01T01:00:00+01:00", "rotation": rotation,
		"key": "ak-secret", "redacted_key": "ak-sec...ret", "status": "ACTIVE", "created_at": "2026-12-01T00:00:00.000Z",
		"created_by_user_id": "VXNlcjox", "account_role": "MEMBER", "bot_user_id": "VXNlcjo5",
		"organizations": keyGrants("READ_ONLY", tfObject{"space_id": "U3A6MQ==", "role": "MEMBER"}),
	}
}

// serviceKeyConfig is the configuration serviceKeyState was made from, with
// changes.
func serviceKeyConfig(changes tfObject) tfObject {
	c := tfObject{
		"name": "pipeline", "expires_at": "2030-01-01T01:00:00+01:00",
		"organizations": keyGrants(nil, tfObject{"space_id": "U3A6MQ==", "role": "MEMBER"}),
	}
	for k, v := range changes {
		c[k] = v
	}
	return c
}

func plannedAttr(t *testing.T, got planned, name string) tftypes.Value {
	t.Helper()
	if hasErrors(got.diags) {
		t.Fatalf("plan failed:%s", diagsText(got.diags))
	}
	return attrOf(t, got.state, name)
}

func replaces(got planned, name string) bool {
	return slices.ContainsFunc(got.requiresReplace, func(p *tftypes.AttributePath) bool { return p.Equal(attrPath(name)) })
}

// A new rotation plans an update in place whose secret, redacted key and
// issue time are known only after the apply; the ID and the service
// account stay.
func TestServiceAPIKey_planRotation(t *testing.T) {
	p := newProtoProvider(t)
	for name, tt := range map[string]struct {
		prior, config any
		rotates       bool
	}{
		"changed":                {"1", "2", true},
		"set for the first time": {nil, "1", true},
		"known only at apply":    {"1", unknown, true},
		"removed":                {"1", nil, false},
	} {
		t.Run(name, func(t *testing.T) {
			got := p.planResource(serviceKeyType, serviceKeyState(tt.prior), serviceKeyConfig(tfObject{"rotation": tt.config}))
			for _, attr := range []string{"key", "redacted_key", "created_at"} {
				if v := plannedAttr(t, got, attr); v.IsKnown() == tt.rotates {
					t.Errorf("%s planned %s; want it unknown only when the key rotates (%v)", attr, v, tt.rotates)
				}
			}
			for _, attr := range []string{"id", "bot_user_id", "status", "created_by_user_id"} {
				if v := plannedAttr(t, got, attr); !v.IsKnown() || v.IsNull() {
					t.Errorf("%s planned %s; want the state's", attr, v)
				}
			}
			if len(got.requiresReplace) != 0 {
				t.Errorf("a rotation replaces %v", got.requiresReplace)
			}
		})
	}
}

// The same expiry spelt otherwise plans the state's spelling, and no
// replacement; another instant replaces the key.
func TestServiceAPIKey_planExpiry(t *testing.T) {
	p := newProtoProvider(t)
	same := p.planResource(serviceKeyType, serviceKeyState(nil), serviceKeyConfig(tfObject{"expires_at": "2030-01-01T00:00:00.000Z"}))
	if v := plannedAttr(t, same, "expires_at"); !v.Equal(tftypes.NewValue(tftypes.String, "2030-01-01T01:00:00+01:00")) || replaces(same, "expires_at") {
		t.Errorf("the same instant planned %s (replace %v); want the state's spelling kept", v, same.requiresReplace)
	}
	later := p.planResource(serviceKeyType, serviceKeyState(nil), serviceKeyConfig(tfObject{"expires_at": "2030-06-01T00:00:00Z"}))
	if !replaces(later, "expires_at") {
		t.Errorf("a new expiry replaces %v; want expires_at", later.requiresReplace)
	}
	past := p.planResource(serviceKeyType, nil, serviceKeyConfig(tfObject{"expires_at": "2020-01-01T00:00:00Z"}))
	expectError(t, past.diags, attrPath("expires_at"), "API key expiry in the past", "already expired")
}

// A changed role replaces the key, except that roles an import left
// unknown are recorded in place, with a warning.
func TestServiceAPIKey_planRoles(t *testing.T) {
	p := newProtoProvider(t)
	changed := p.planResource(serviceKeyType, serviceKeyState(nil), serviceKeyConfig(tfObject{
		"organizations": keyGrants("MEMBER", tfObject{"space_id": "U3A6MQ==", "role": "MEMBER"}),
	}))
	if !replaces(changed, "organizations") {
		t.Errorf("a changed organization role replaces %v; want organizations", changed.requiresReplace)
	}
	admin := p.planResource(serviceKeyType, serviceKeyState(nil), serviceKeyConfig(tfObject{"account_role": "ADMIN"}))
	if !replaces(admin, "account_role") {
		t.Errorf("a changed account role replaces %v; want account_role", admin.requiresReplace)
	}

	imported := serviceKeyState(nil)
	imported["organizations"], imported["account_role"], imported["bot_user_id"], imported["key"] = nil, nil, nil, nil
	got := p.planResource(serviceKeyType, imported, serviceKeyConfig(nil))
	if len(got.requiresReplace) != 0 {
		t.Errorf("recording an imported key's roles replaces %v", got.requiresReplace)
	}
	if v := plannedAttr(t, got, "key"); !v.IsNull() {
		t.Errorf("an imported key's secret planned %s; want it null until a rotation", v)
	}
	var warned bool
	for _, d := range got.diags {
		warned = warned || (d.Severity == tfprotov6.DiagnosticSeverityWarning && d.Summary == "Service key roles not read from Arize" &&
			d.Attribute.Equal(attrPath("organizations")))
	}
	if !warned {
		t.Errorf("no warning that the roles were not read:%s", diagsText(got.diags))
	}
}

func TestParseServiceKeyImportID(t *testing.T) {
	for raw, want := range map[string][2]string{
		"U3BhY2U6MQ==/QXBpS2V5OjE=": {"U3BhY2U6MQ==", "QXBpS2V5OjE="},
		"QXBpS2V5OjE=":              {},
		"/QXBpS2V5OjE=":             {},
		"U3BhY2U6MQ==/":             {},
		"U3Bh/Y2U=/QXBpS2V5":        {},
	} {
		space, key, err := parseServiceKeyImportID(raw)
		if (err == nil) != (want[0] != "") || space != want[0] || key != want[1] {
			t.Errorf("parseServiceKeyImportID(%q) = %q, %q, %v; want %q, %q", raw, space, key, err, want[0], want[1])
		}
	}
}

// importedServiceKeyState is a service key's state after an import: what
// Arize lists, and null for what it never answers again (the secret, the
// roles, the service account).
func importedServiceKeyState() tfObject {
	s := serviceKeyState(nil)
	s["organizations"], s["account_role"], s["bot_user_id"], s["key"] = nil, nil, nil, nil
	return s
}

// generatedServiceKeyConfig is the configuration terraform query's
// -generate-config-out writes for importedServiceKeyState: its inputs, the
// roles null.
func generatedServiceKeyConfig() tfObject {
	return tfObject{"name": "pipeline", "expires_at": "2030-01-01T01:00:00+01:00"}
}

// A key to be made needs organizations: a create, and the create half of a
// replacement, which Terraform plans with no prior state, fail at plan time
// on organizations without it. A value known only at apply passes.
func TestServiceAPIKey_planOrganizationsRequiredToCreate(t *testing.T) {
	p := newProtoProvider(t)
	got := p.planResource(serviceKeyType, nil, generatedServiceKeyConfig())
	expectError(t, got.diags, attrPath("organizations"), "Missing organizations for a new service API key",
		`This plan makes the service API key "pipeline"`)

	expectNoErrors(t, p.planResource(serviceKeyType, nil, serviceKeyConfig(tfObject{"organizations": unknown})).diags)
	created := p.planResource(serviceKeyType, nil, serviceKeyConfig(nil))
	if v := plannedAttr(t, created, "account_role"); !v.Equal(tftypes.NewValue(tftypes.String, "MEMBER")) {
		t.Errorf("a new key without account_role planned %s; want Arize's default, MEMBER", v)
	}
}

// An adopted key whose roles the configuration leaves null, as
// -generate-config-out writes it, plans no change: no default account role,
// no replacement, no warning.
func TestServiceAPIKey_planAdoptedWithoutRoles(t *testing.T) {
	p := newProtoProvider(t)
	imported := importedServiceKeyState()
	got := p.planResource(serviceKeyType, imported, generatedServiceKeyConfig())
	if len(got.diags) != 0 || len(got.requiresReplace) != 0 {
		t.Fatalf("the adopted key's plan has diagnostics or replaces %v:%s", got.requiresReplace, diagsText(got.diags))
	}
	if want := tfValue(t, p.resourceSchema(serviceKeyType).ValueType(), imported); !got.state.Equal(want) {
		t.Errorf("the adopted key's plan changes it:\n got %s\nwant %s", got.state, want)
	}

	// A rotation, which marks what the apply computes unknown, still plans
	// the unknown roles null rather than a default.
	rotated := p.planResource(serviceKeyType, imported, tfObject{"name": "pipeline", "expires_at": "2030-01-01T01:00:00+01:00", "rotation": "1"})
	if v := plannedAttr(t, rotated, "account_role"); !v.IsKnown() || !v.IsNull() {
		t.Errorf("a rotation of an adopted key planned account_role %s; want null", v)
	}
	if len(rotated.requiresReplace) != 0 {
		t.Errorf("a rotation of an adopted key replaces %v", rotated.requiresReplace)
	}
}

// Roles set on an adopted key are recorded in place, with a warning on the
// attribute recorded: organizations, or account_role alone.
func TestServiceAPIKey_planAdoptedRecordsRoles(t *testing.T) {
	p := newProtoProvider(t)
	for name, tt := range map[string]struct {
		config tfObject
		at     *tftypes.AttributePath
	}{
		"both":                {serviceKeyConfig(tfObject{"account_role": "ADMIN"}), attrPath("organizations")},
		"organizations alone": {serviceKeyConfig(nil), attrPath("organizations")},
		"account_role alone":  {tfObject{"name": "pipeline", "expires_at": "2030-01-01T01:00:00+01:00", "account_role": "ADMIN"}, attrPath("account_role")},
	} {
		t.Run(name, func(t *testing.T) {
			got := p.planResource(serviceKeyType, importedServiceKeyState(), tt.config)
			if len(got.requiresReplace) != 0 {
				t.Errorf("recording replaces %v", got.requiresReplace)
			}
			var warned bool
			for _, d := range got.diags {
				warned = warned || (d.Severity == tfprotov6.DiagnosticSeverityWarning &&
					d.Summary == "Service key roles not read from Arize" && d.Attribute.Equal(tt.at))
			}
			if !warned || hasErrors(got.diags) {
				t.Errorf("want one warning on %s and no error:%s", tt.at, diagsText(got.diags))
			}
			if v := plannedAttr(t, got, "account_role"); !v.Equal(attrOf(t, tfValue(t, p.resourceSchema(serviceKeyType).ValueType(), tt.config), "account_role")) {
				t.Errorf("account_role planned %s; want the configured value recorded", v)
			}
		})
	}
}

// A key whose state holds roles plans as it did when account_role had a
// static default: left out, MEMBER, which keeps a MEMBER key and replaces
// an ADMIN one; organizations left out replace the key, and the replacement
// then needs them (TestServiceAPIKey_planOrganizationsRequiredToCreate).
func TestServiceAPIKey_planRolesLeftOut(t *testing.T) {
	p := newProtoProvider(t)
	member := p.planResource(serviceKeyType, serviceKeyState(nil), serviceKeyConfig(nil))
	if v := plannedAttr(t, member, "account_role"); !v.Equal(tftypes.NewValue(tftypes.String, "MEMBER")) || len(member.requiresReplace) != 0 {
		t.Errorf("a MEMBER key without account_role planned %s, replacing %v; want MEMBER kept", v, member.requiresReplace)
	}
	adminState := serviceKeyState(nil)
	adminState["account_role"] = "ADMIN"
	admin := p.planResource(serviceKeyType, adminState, serviceKeyConfig(nil))
	if v := plannedAttr(t, admin, "account_role"); !v.Equal(tftypes.NewValue(tftypes.String, "MEMBER")) || !replaces(admin, "account_role") {
		t.Errorf("an ADMIN key without account_role planned %s, replacing %v; want MEMBER, replacing it", v, admin.requiresReplace)
	}
	dropped := p.planResource(serviceKeyType, serviceKeyState(nil), generatedServiceKeyConfig())
	if !replaces(dropped, "organizations") {
		t.Errorf("organizations left out of a key that has them replaces %v; want organizations", dropped.requiresReplace)
	}
}
