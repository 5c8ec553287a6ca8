package provider

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// arize_user's plan-time rules and its applies that send nothing, driven
// through the plugin protocol in the test process (protocol_test.go): no
// Terraform CLI, no TF_ACC.

const userType = "arize_user"

// testUserErin is the ID of the user the state below describes.
const testUserErin = "VXNlcjo1OmVFZUU=" // User:5:eEeE

// userState is a user's state as a create with EMAIL_LINK leaves it, with
// changes.
func userState(changes tfObject) tfObject {
	state := tfObject{
		"id":                  testUserErin,
		"email":               "erin@example.com",
		"name":                "Erin",
		"role":                "MEMBER",
		"invite_mode":         "EMAIL_LINK",
		"is_developer":        true,
		"status":              "INVITED",
		"created_at":          "2026-02-13T21:27:19.055Z",
		"temporary_password":  nil,
		"deletion_protection": true,
	}
	maps.Copy(state, changes)
	return state
}

// userConfig is the configuration of the state above, with changes.
func userConfig(changes tfObject) tfObject {
	config := tfObject{"email": "erin@example.com", "name": "Erin", "role": "MEMBER", "invite_mode": "EMAIL_LINK"}
	maps.Copy(config, changes)
	return config
}

// newUserProtoProvider is a provider configured against a fresh emulator,
// so that a test can check which requests its plans and applies made.
func newUserProtoProvider(t *testing.T) (*protoProvider, *emulator.Server) {
	t.Helper()
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey, "max_retries": 0}))
	return p, emu
}

func TestUser_validateConfig(t *testing.T) {
	p := newProtoProvider(t)
	cases := []struct {
		name    string
		config  tfObject
		at      string // the attribute in error; "" for none
		summary string
		detail  string
	}{
		{"empty name", userConfig(tfObject{"name": ""}), "name", "Invalid Attribute Value Length", "got: 0"},
		{"blank name", userConfig(tfObject{"name": "  \t"}), "name", "Blank value", "name must contain a character other than white space"},
		{"name of 256 characters", userConfig(tfObject{"name": strings.Repeat("n", 256)}), "name", "Invalid Attribute Value Length", "got: 256"},
		{"read-only is no account role", userConfig(tfObject{"role": "READ_ONLY"}), "role", "Invalid Attribute Value Match", `["ADMIN" "MEMBER" "ANNOTATOR"], got: "READ_ONLY"`},
		{"role in the older spelling", userConfig(tfObject{"role": "member"}), "role", "Invalid Attribute Value Match", `got: "member"`},
		{"unknown invite mode", userConfig(tfObject{"invite_mode": "SSO"}), "invite_mode", "Invalid Attribute Value Match", `["NONE" "EMAIL_LINK" "TEMPORARY_PASSWORD"], got: "SSO"`},
		{"no @ in the email", userConfig(tfObject{"email": "erin.example.com"}), "email", "Invalid email address", `"erin.example.com" is not an email address`},
		{"no domain", userConfig(tfObject{"email": "erin@localhost"}), "email", "Invalid email address", "is not an email address"},
		{"space in the email", userConfig(tfObject{"email": "erin @example.com"}), "email", "Invalid email address", "is not an email address"},

		{"name with white space around it", userConfig(tfObject{"name": " Erin "}), "", "", ""},
		{"no invite_mode (an imported user)", userConfig(tfObject{"invite_mode": nil}), "", "", ""},
		{"values known at apply", tfObject{"email": unknown, "name": unknown, "role": unknown, "invite_mode": unknown,
			"is_developer": unknown, "deletion_protection": unknown}, "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			diags := p.validateResource(userType, c.config)
			if c.at == "" {
				expectNoErrors(t, diags)
				return
			}
			expectError(t, diags, attrPath(c.at), c.summary, c.detail)
		})
	}
}

// TestUser_planRules: every rule of ModifyPlan, each on the attribute it is
// about, and none of them calls the API.
func TestUser_planRules(t *testing.T) {
	p, emu := newUserProtoProvider(t)
	cases := []struct {
		name    string
		prior   tfObject // nil: a create
		config  tfObject
		at      string // the attribute of the one error; "" for none
		summary string
		details []string
		// replaces is the attribute the plan replaces the user for; "" none.
		replaces string
		// warnOn is the attribute of the one warning; "" for none.
		warnOn string
		// keeps are attributes planned as the prior state has them.
		keeps []string
	}{
		{name: "a create needs invite_mode", config: userConfig(tfObject{"invite_mode": nil}),
			at: "invite_mode", summary: "Missing invite_mode for a new Arize user",
			details: []string{`Creating the user "erin@example.com" needs invite_mode`, `"NONE", "EMAIL_LINK" or "TEMPORARY_PASSWORD"`}},
		{name: "a create with invite_mode known at apply", config: userConfig(tfObject{"invite_mode": unknown})},
		{name: "an existing user needs no invite_mode", prior: userState(tfObject{"invite_mode": nil}), config: userConfig(tfObject{"invite_mode": nil})},

		{name: "a role change", prior: userState(nil), config: userConfig(tfObject{"role": "ADMIN"}),
			at: "role", summary: "Cannot change the account role of an Arize user",
			details: []string{
				`the user "erin@example.com" (ID ` + testUserErin + `) has the account role "MEMBER", and the configuration says role = "ADMIN"`,
				"Arize's API cannot change a user's account role",
				`To give the user the role "ADMIN", an account admin changes it in Arize`,
				`set role = "MEMBER" in the configuration instead`,
			}},
		{name: "a role changed in Arize, read back", prior: userState(tfObject{"role": "ANNOTATOR"}), config: userConfig(nil),
			at: "role", summary: "Cannot change the account role of an Arize user",
			details: []string{`has the account role "ANNOTATOR", and the configuration says role = "MEMBER"`, `set role = "ANNOTATOR"`}},
		{name: "a role known at apply", prior: userState(nil), config: userConfig(tfObject{"role": unknown})},

		{name: "an email in another case", prior: userState(nil), config: userConfig(tfObject{"email": "Erin@EXAMPLE.com"}), keeps: []string{"email"}},
		{name: "a name with other white space", prior: userState(nil), config: userConfig(tfObject{"name": "  Erin "}), keeps: []string{"name"}},
		{name: "another email, protected", prior: userState(nil), config: userConfig(tfObject{"email": "erin@example.org"}),
			at: "email", summary: "Deletion protection: cannot replace the Arize user",
			details: []string{`Changing email replaces arize_user "Erin" (ID ` + testUserErin + `)`}, replaces: "email"},
		{name: "another email, unprotected", prior: userState(tfObject{"deletion_protection": false}),
			config: userConfig(tfObject{"email": "erin@example.org", "deletion_protection": false}), replaces: "email"},

		{name: "another email and role, unprotected: a new user", prior: userState(tfObject{"deletion_protection": false}),
			config:   userConfig(tfObject{"email": "frank@example.org", "role": "ADMIN", "invite_mode": "NONE", "deletion_protection": false}),
			replaces: "email"},
		{name: "another email without invite_mode", prior: userState(tfObject{"deletion_protection": false, "invite_mode": nil}),
			config: userConfig(tfObject{"email": "frank@example.org", "invite_mode": nil, "deletion_protection": false}),
			at:     "invite_mode", summary: "Missing invite_mode for a new Arize user", replaces: "email"},
		{name: "another invite_mode", prior: userState(nil), config: userConfig(tfObject{"invite_mode": "NONE"}), warnOn: "invite_mode"},
		{name: "invite_mode set after an import", prior: userState(tfObject{"invite_mode": nil}), config: userConfig(nil), warnOn: "invite_mode"},
		{name: "nothing changed", prior: userState(nil), config: userConfig(nil),
			keeps: []string{"id", "status", "created_at", "is_developer", "temporary_password"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plan := p.planResource(userType, c.prior, c.config)
			if c.at == "" {
				expectNoErrors(t, plan.diags)
			} else {
				expectError(t, plan.diags, attrPath(c.at), c.summary, "")
				for _, d := range c.details {
					if !strings.Contains(plan.diags[0].Detail, d) {
						t.Errorf("the error does not say %q:\n%s", d, plan.diags[0].Detail)
					}
				}
			}
			expectUserWarningOn(t, plan.diags, c.warnOn)
			switch {
			case c.replaces == "" && len(plan.requiresReplace) != 0:
				t.Errorf("the plan replaces the user for %v", plan.requiresReplace)
			case c.replaces != "" && (len(plan.requiresReplace) != 1 || !plan.requiresReplace[0].Equal(attrPath(c.replaces))):
				t.Errorf("the plan replaces the user for %v, want %s", plan.requiresReplace, c.replaces)
			}
			if len(c.keeps) > 0 {
				prior := tfValue(t, p.resourceSchema(userType).ValueType(), c.prior)
				for _, a := range c.keeps {
					if got, want := attrOf(t, plan.state, a), attrOf(t, prior, a); !got.Equal(want) {
						t.Errorf("%s plans %s, want the state's %s", a, got, want)
					}
				}
			}
		})
	}
	if n := emu.Total(); n != 0 {
		t.Errorf("planning made %d API calls: %v", n, emu.Requests())
	}
}

// expectUserWarningOn checks diags hold exactly one warning, on the attribute
// at, or none when at is "".
func expectUserWarningOn(t *testing.T, diags []*tfprotov6.Diagnostic, at string) {
	t.Helper()
	var warnings []*tfprotov6.Diagnostic
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityWarning {
			warnings = append(warnings, d)
		}
	}
	switch {
	case at == "" && len(warnings) != 0:
		t.Errorf("unexpected warnings:%s", diagsText(warnings))
	case at != "" && (len(warnings) != 1 || !attrPath(at).Equal(warnings[0].Attribute)):
		t.Errorf("want one warning on %s, got:%s", at, diagsText(diags))
	}
}

// TestUser_planDestroy: a destroy fails at plan time while the state says
// deletion_protection is true, and the docs' way out is in the error.
func TestUser_planDestroy(t *testing.T) {
	p := newProtoProvider(t)
	schema := p.resourceSchema(userType)
	typ := schema.ValueType()
	null := tftypes.NewValue(typ, nil)
	for _, protect := range []bool{true, false} {
		resp, err := p.server.PlanResourceChange(context.Background(), &tfprotov6.PlanResourceChangeRequest{
			TypeName:         userType,
			PriorState:       p.dynamic(schema, tfValue(t, typ, userState(tfObject{"deletion_protection": protect}))),
			ProposedNewState: p.dynamic(schema, null),
			Config:           p.dynamic(schema, null),
		})
		if err != nil {
			t.Fatal(err)
		}
		if !protect {
			expectNoErrors(t, resp.Diagnostics)
			continue
		}
		expectError(t, resp.Diagnostics, nil, "Deletion protection: cannot destroy the Arize user",
			`arize_user "Erin" (ID `+testUserErin+`) has deletion_protection = true.`)
	}
}

// userApply sends ApplyResourceChange of plan, from prior (nil: a create),
// and returns the new state and the diagnostics.
func userApply(t *testing.T, p *protoProvider, prior tfObject, plan planned, config tfObject) (tftypes.Value, []*tfprotov6.Diagnostic) {
	t.Helper()
	schema := p.resourceSchema(userType)
	typ := schema.ValueType()
	priorState := tftypes.NewValue(typ, nil)
	if prior != nil {
		priorState = tfValue(t, typ, prior)
	}
	resp, err := p.server.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{
		TypeName:     userType,
		PriorState:   p.dynamic(schema, priorState),
		PlannedState: p.dynamic(schema, plan.state),
		Config:       p.dynamic(schema, tfValue(t, typ, config)),
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp.NewState == nil {
		return tftypes.NewValue(typ, nil), resp.Diagnostics
	}
	state, err := resp.NewState.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	return state, resp.Diagnostics
}

// userRead sends ReadResource of state and returns the refreshed state (a
// null value when the user is gone).
func userRead(t *testing.T, p *protoProvider, state tftypes.Value) (tftypes.Value, []*tfprotov6.Diagnostic) {
	t.Helper()
	schema := p.resourceSchema(userType)
	resp, err := p.server.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{
		TypeName:     userType,
		CurrentState: p.dynamic(schema, state),
	})
	if err != nil {
		t.Fatal(err)
	}
	refreshed, err := resp.NewState.Unmarshal(schema.ValueType())
	if err != nil {
		t.Fatal(err)
	}
	return refreshed, resp.Diagnostics
}

// userStateObject is an object value as a tfObject, for the next plan.
func userStateObject(t *testing.T, v tftypes.Value) tfObject {
	t.Helper()
	var fields map[string]tftypes.Value
	if err := v.As(&fields); err != nil {
		t.Fatal(err)
	}
	out := tfObject{}
	for k, f := range fields {
		out[k] = f
	}
	return out
}

// TestUser_changesThatSendNothing applies a change of invite_mode, and one
// of deletion_protection, each alone: they exist only in Terraform once the
// user is made, so no request reaches Arize, and the state takes the new
// value.
func TestUser_changesThatSendNothing(t *testing.T) {
	for _, change := range []tfObject{{"invite_mode": "TEMPORARY_PASSWORD"}, {"deletion_protection": false}, {"invite_mode": nil}} {
		t.Run(userChangeName(change), func(t *testing.T) {
			p, emu := newUserProtoProvider(t)
			prior := userState(nil)
			config := userConfig(change)
			plan := p.planResource(userType, prior, config)
			expectNoErrors(t, plan.diags)
			state, diags := userApply(t, p, prior, plan, config)
			expectNoErrors(t, diags)
			if n := emu.Total(); n != 0 {
				t.Errorf("the change made %d API calls: %v", n, emu.Requests())
			}
			if want := tfValue(t, p.resourceSchema(userType).ValueType(), userState(change)); !state.Equal(want) {
				t.Errorf("new state %s, want %s", state, want)
			}
		})
	}
}

// userChangeName renders a change for a subtest's name.
func userChangeName(change tfObject) string {
	var parts []string
	for k, v := range change {
		if v == nil {
			parts = append(parts, k+" removed")
			continue
		}
		parts = append(parts, k+" changed")
	}
	return strings.Join(parts, ",")
}

// TestUser_createAdoptsInvitationOtherwise: the email has a pending
// invitation of another name, role and is_developer. The create's one POST
// adopts it with a warning that says how it differs; state holds the
// planned values, as Terraform requires; the refresh reads Arize's; and the
// next plan updates the name in place and fails on the role, which only
// Arize can change, until the configuration takes Arize's role.
func TestUser_createAdoptsInvitationOtherwise(t *testing.T) {
	p, emu := newUserProtoProvider(t)
	dev := false
	pending, err := emu.PutUser(emulator.User{Email: "erin@example.com", Name: "Invited Erin", Role: "ANNOTATOR", Status: "INVITED", IsDeveloper: &dev})
	if err != nil {
		t.Fatal(err)
	}
	config := userConfig(tfObject{"invite_mode": "TEMPORARY_PASSWORD", "is_developer": true, "deletion_protection": false})
	plan := p.planResource(userType, nil, config)
	expectNoErrors(t, plan.diags)
	state, diags := userApply(t, p, nil, plan, config)
	expectNoErrors(t, diags)

	if len(diags) != 1 || diags[0].Summary != "Adopted a pending invitation of erin@example.com" {
		t.Fatalf("want the adoption's warning, got:%s", diagsText(diags))
	}
	for _, part := range []string{
		"(user ID " + pending.ID + ", made outside this configuration)", "the invitation was not sent again",
		"No temporary password was made, so temporary_password is null",
		`its name is "Invited Erin", its account role is "ANNOTATOR", its is_developer is false`,
		"the next plan then updates a name or is_developer in place, and fails on a role",
	} {
		if !strings.Contains(diags[0].Detail, part) {
			t.Errorf("the warning does not say %q:\n%s", part, diags[0].Detail)
		}
	}
	for attr, want := range map[string]tftypes.Value{
		"id":                 tftypes.NewValue(tftypes.String, pending.ID),
		"name":               tftypes.NewValue(tftypes.String, "Erin"),
		"role":               tftypes.NewValue(tftypes.String, "MEMBER"),
		"is_developer":       tftypes.NewValue(tftypes.Bool, true),
		"status":             tftypes.NewValue(tftypes.String, "INVITED"),
		"temporary_password": tftypes.NewValue(tftypes.String, nil),
	} {
		if got := attrOf(t, state, attr); !got.Equal(want) {
			t.Errorf("after the create %s = %s, want %s", attr, got, want)
		}
	}

	refreshed, diags := userRead(t, p, state)
	expectNoErrors(t, diags)
	if got := attrOf(t, refreshed, "role"); !got.Equal(tftypes.NewValue(tftypes.String, "ANNOTATOR")) {
		t.Errorf("the refresh reads role %s, want Arize's ANNOTATOR", got)
	}
	next := p.planResource(userType, userStateObject(t, refreshed), config)
	expectError(t, next.diags, attrPath("role"), "Cannot change the account role of an Arize user",
		`has the account role "ANNOTATOR", and the configuration says role = "MEMBER"`)

	config["role"] = "ANNOTATOR"
	agreed := p.planResource(userType, userStateObject(t, refreshed), config)
	expectNoErrors(t, agreed.diags)
	for attr, want := range map[string]tftypes.Value{
		"name":         tftypes.NewValue(tftypes.String, "Erin"),
		"is_developer": tftypes.NewValue(tftypes.Bool, true),
	} {
		if got, prior := attrOf(t, agreed.state, attr), attrOf(t, refreshed, attr); !got.Equal(want) || got.Equal(prior) {
			t.Errorf("the next plan's %s is %s (Arize's %s), want an update to %s", attr, got, prior, want)
		}
	}
	if n, total := emu.Count("POST", emulator.RouteUsers), emu.Total(); n != 1 || total != 2 {
		t.Errorf("the create and the refresh made %v, want one POST and one GET", emu.Requests())
	}
}

// TestUser_readUnknownStatusRemoves: a user whose status is none the API
// lists (a deleted user is "inactive", which the API's UserStatus lacks) is
// gone, as a 404 would say: the read removes it from state.
func TestUser_readUnknownStatusRemoves(t *testing.T) {
	for _, status := range []string{"inactive", "INACTIVE", "DELETED"} {
		t.Run(status, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write([]byte(`{"id":"` + testUserErin + `","name":"Erin","email":"erin@example.com",` +
					`"created_at":"2026-02-13T21:27:19.055Z","status":"` + status + `",` +
					`"role":{"type":"PREDEFINED","name":"MEMBER"},"is_developer":true}`))
			}))
			defer srv.Close()
			p := newProtoProvider(t)
			expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey, "max_retries": 0}))
			refreshed, diags := userRead(t, p, tfValue(t, p.resourceSchema(userType).ValueType(), userState(nil)))
			expectNoErrors(t, diags)
			if !refreshed.IsNull() {
				t.Errorf("a user with status %q stays in state: %s", status, refreshed)
			}
		})
	}
}

// TestUserDataSource_unknownStatusNotFound: the data source, like the
// resource, takes a status the API does not list for a deleted user, and
// finds none.
func TestUserDataSource_unknownStatusNotFound(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"` + testUserErin + `","name":"Erin","email":"erin@example.com",` +
			`"created_at":"2026-02-13T21:27:19.055Z","status":"inactive",` +
			`"role":{"type":"PREDEFINED","name":"MEMBER"},"is_developer":true}`))
	}))
	defer srv.Close()
	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey, "max_retries": 0}))
	_, diags := p.readDataSource(userType, tfObject{"id": testUserErin})
	expectError(t, diags, attrPath("id"), userObject.notFound(), `has the status "inactive"`)
}

// TestExplainEmailConflict: a 409 is an active user when the answer says so
// or a look-up finds the email, and a blocked one when the answer says so
// (no look-up: a deleted user is never listed) or the look-up finds none.
func TestExplainEmailConflict(t *testing.T) {
	active := &arize.APIError{Status: http.StatusConflict, Detail: `email: "erin@example.com" is already an active user of the account`}
	blocked := &arize.APIError{Status: http.StatusConflict, Detail: `email: "erin@example.com" belongs to a deleted user and cannot be re-invited`}
	bare := &arize.APIError{Status: http.StatusConflict, Title: "Conflict"}
	erin := &arize.User{ID: testUserErin, Email: "Erin@example.com", Status: arize.UserActive}
	listFailed := errors.New("GET /v2/users: 500 Internal Server Error")
	cases := []struct {
		name     string
		conflict error
		found    *arize.User
		findErr  error
		looksUp  bool
		want     arize.EmailConflict
		details  []string
	}{
		{"blocked, as the answer says", blocked, nil, nil, false, arize.EmailBlocked,
			[]string{`The email "erin@example.com" belongs to a user who was deleted`, "blocks the email for ever", "Use another email address", "cannot be re-invited"}},
		{"active, found", active, erin, nil, true, arize.EmailActive,
			[]string{`already a user of this Arize account (ID ` + testUserErin + `, status ACTIVE)`, `id = "` + testUserErin + `"`,
				"terraform import arize_user.<name> " + testUserErin + "'", "leave invite_mode out"}},
		{"active, not found", active, nil, nil, true, arize.EmailActive, []string{`id = "<user id or email>"`}},
		{"unsaid, found", bare, erin, nil, true, arize.EmailActive, []string{"(ID " + testUserErin}},
		{"unsaid, none found", bare, nil, nil, true, arize.EmailBlocked, []string{"belongs to a user who was deleted"}},
		{"unsaid, the look-up failed", bare, nil, listFailed, true, arize.EmailConflictUnknown,
			[]string{"either it is a user's", "it belonged to a user who was deleted", "Looking the email up to tell which failed: " + listFailed.Error()}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			looked := false
			find := func(_ context.Context, email string) (*arize.User, error) {
				looked = true
				if email != "erin@example.com" {
					t.Errorf("looked up %q", email)
				}
				return c.found, c.findErr
			}
			kind, existing, lookErr := explainEmailConflict(context.Background(), "erin@example.com", c.conflict, find)
			if kind != c.want || looked != c.looksUp {
				t.Errorf("explainEmailConflict = %d (looked up: %v), want %d (%v)", kind, looked, c.want, c.looksUp)
			}
			detail := emailConflictDetail("erin@example.com", kind, existing, lookErr, c.conflict)
			for _, d := range c.details {
				if !strings.Contains(detail, d) {
					t.Errorf("the detail does not say %q:\n%s", d, detail)
				}
			}
		})
	}
}

// TestUser_createRecoveredWarnsOfPassword: a create with a temporary
// password whose answer is lost is recovered by the email, with one POST,
// and warns that the password, answered only in that lost answer, is not
// in state.
func TestUser_createRecoveredWarnsOfPassword(t *testing.T) {
	p, emu := newUserProtoProvider(t)
	emu.DropNext(1, true)
	config := userConfig(tfObject{"invite_mode": "TEMPORARY_PASSWORD", "deletion_protection": false})
	plan := p.planResource(userType, nil, config)
	expectNoErrors(t, plan.diags)
	state, diags := userApply(t, p, nil, plan, config)
	expectNoErrors(t, diags)
	if len(diags) != 1 || diags[0].Summary != "The answer to the create of erin@example.com was lost" ||
		!strings.Contains(diags[0].Detail, "Arize answers a temporary password only once, in that lost answer, so temporary_password is null") {
		t.Errorf("want the lost password's warning, got:%s", diagsText(diags))
	}
	if got := attrOf(t, state, "temporary_password"); !got.IsNull() {
		t.Errorf("temporary_password = %s, want null", got)
	}
	if n := emu.Count("POST", emulator.RouteUsers); n != 1 || len(emu.Users()) != len(testAccUsers)+1 {
		t.Errorf("%d POSTs and %d users; want one of each made", n, len(emu.Users())-len(testAccUsers))
	}
}
