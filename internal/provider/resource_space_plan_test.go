package provider

import (
	"context"
	"errors"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestSplitSpaceImportID: an import ID is split only where the API confirms
// the part before the "/" is an organization that lists the part after as a
// space; base64 IDs that contain "/" are never cut apart otherwise.
func TestSplitSpaceImportID(t *testing.T) {
	// known is what the fake API's organizations list: organization to spaces.
	known := map[string][]string{
		"T3JnOjE=":   {"U3BhY2U6MQ==", "U3Bh/Y2U6Mg=="},
		"T3Jn/OjI=":  {"U3BhY2U6Mw=="},
		"T3JnOjM=/x": {"a/b"},
	}
	for _, c := range []struct {
		name, id       string
		wantOrg, want  string
		wantQuestions  []string // "org|space" asked, in order
		failOnQuestion bool
	}{
		{name: "a space ID alone, no slash: no question", id: "U3BhY2U6MQ==", want: "U3BhY2U6MQ=="},
		{name: "organization/space", id: "T3JnOjE=/U3BhY2U6MQ==", wantOrg: "T3JnOjE=", want: "U3BhY2U6MQ==",
			wantQuestions: []string{"T3JnOjE=|U3BhY2U6MQ=="}},
		{name: "a space ID with a slash, alone", id: "U3Bh/Y2U6Mg==", want: "U3Bh/Y2U6Mg==",
			wantQuestions: []string{"U3Bh|Y2U6Mg=="}},
		{name: "organization/space whose space ID has a slash", id: "T3JnOjE=/U3Bh/Y2U6Mg==", wantOrg: "T3JnOjE=", want: "U3Bh/Y2U6Mg==",
			wantQuestions: []string{"T3JnOjE=|U3Bh/Y2U6Mg=="}},
		{name: "organization ID with a slash", id: "T3Jn/OjI=/U3BhY2U6Mw==", wantOrg: "T3Jn/OjI=", want: "U3BhY2U6Mw==",
			wantQuestions: []string{"T3Jn|OjI=/U3BhY2U6Mw==", "T3Jn/OjI=|U3BhY2U6Mw=="}},
		{name: "both with slashes", id: "T3JnOjM=/x/a/b", wantOrg: "T3JnOjM=/x", want: "a/b",
			wantQuestions: []string{"T3JnOjM=|x/a/b", "T3JnOjM=/x|a/b"}},
		{name: "a space of another organization: the whole ID", id: "T3JnOjE=/U3BhY2U6Mw==", want: "T3JnOjE=/U3BhY2U6Mw==",
			wantQuestions: []string{"T3JnOjE=|U3BhY2U6Mw=="}},
		{name: "empty parts are not asked about", id: "/U3BhY2U6MQ==/", want: "/U3BhY2U6MQ==/",
			wantQuestions: []string{}},
		{name: "the API fails", id: "T3JnOjE=/U3BhY2U6MQ==", failOnQuestion: true,
			wantQuestions: []string{"T3JnOjE=|U3BhY2U6MQ=="}},
	} {
		t.Run(c.name, func(t *testing.T) {
			asked := []string{}
			inOrg := func(_ context.Context, org, sp string) (bool, error) {
				asked = append(asked, org+"|"+sp)
				if c.failOnQuestion {
					return false, errors.New("503 Service Unavailable")
				}
				return slices.Contains(known[org], sp), nil
			}
			org, sp, err := splitSpaceImportID(context.Background(), c.id, inOrg)
			if c.failOnQuestion {
				if err == nil {
					t.Errorf("no error when the API fails")
				}
			} else if err != nil || org != c.wantOrg || sp != c.want {
				t.Errorf("got (%q, %q, %v), want (%q, %q, nil)", org, sp, err, c.wantOrg, c.want)
			}
			if c.wantQuestions == nil {
				c.wantQuestions = []string{}
			}
			if !slices.Equal(asked, c.wantQuestions) {
				t.Errorf("asked %q, want %q", asked, c.wantQuestions)
			}
		})
	}
}

// TestSpaceInOrganization asks the emulator: a space of the organization is
// found; one of another organization, or an organization that does not
// exist (404), is not, without an error.
func TestSpaceInOrganization(t *testing.T) {
	emu := emulator.New(emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	client, err := arize.New(arize.Config{Endpoint: srv.URL, APIKey: testAccAPIKey})
	if err != nil {
		t.Fatal(err)
	}
	r := &spaceResource{client: client}
	orgA := spaceTestOrg(t, emu, "org-a")
	orgB := spaceTestOrg(t, emu, "org-b")
	inA := spaceTestSpace(t, emu, orgA.ID, "in-a")
	inB := spaceTestSpace(t, emu, orgB.ID, "in-b")
	for _, c := range []struct {
		org, space string
		want       bool
	}{
		{orgA.ID, inA.ID, true},
		{orgA.ID, inB.ID, false},
		{"T3JnYW5pemF0aW9uOjk5OnF3ZXI=", inA.ID, false},
	} {
		got, err := r.spaceInOrganization(context.Background(), c.org, c.space)
		if err != nil || got != c.want {
			t.Errorf("spaceInOrganization(%q, %q) = %t, %v; want %t", c.org, c.space, got, err, c.want)
		}
	}
}

// spaceState is a space in state, for in-process plans: protected says
// deletion_protection.
func spaceState(orgID string, protected bool) tfObject {
	return tfObject{
		"id": "U3BhY2U6MTpxd2Vy", "organization_id": orgID, "name": "research", "description": "",
		"is_private": false, "created_at": "2026-01-01T00:00:00.000Z", "deletion_protection": protected,
	}
}

// TestSpacePlan_organizationChange: a new organization_id replaces the
// space, and deletion_protection refuses that at plan time, on the
// attribute; an unknown one (another resource's output) may be another
// organization, so it counts as a change.
func TestSpacePlan_organizationChange(t *testing.T) {
	p := newProtoProvider(t)
	const orgA, orgB = "T3JnOjE=", "T3JnOjI="
	for _, c := range []struct {
		name        string
		protected   bool
		org         any
		wantReplace bool
		wantRefusal bool
	}{
		{"same organization", true, orgA, false, false},
		{"another organization, protected", true, orgB, true, true},
		{"another organization, unprotected", false, orgB, true, false},
		{"unknown organization, protected", true, unknown, true, true},
		{"unknown organization, unprotected", false, unknown, true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := p.planResource("arize_space", spaceState(orgA, c.protected), tfObject{
				"organization_id": c.org, "name": "research", "deletion_protection": c.protected,
			})
			replaces := slices.ContainsFunc(got.requiresReplace, func(at *tftypes.AttributePath) bool {
				return at.Equal(attrPath("organization_id"))
			})
			if replaces != c.wantReplace {
				t.Errorf("requires replace %v, want organization_id: %t", got.requiresReplace, c.wantReplace)
			}
			if c.wantRefusal {
				expectError(t, got.diags, attrPath("organization_id"), "Deletion protection: cannot replace the Arize space",
					`Changing organization_id replaces arize_space "research" (ID U3BhY2U6MTpxd2Vy)`)
			} else {
				expectNoErrors(t, got.diags)
			}
		})
	}
}

// TestSpaceApply_deletionProtectionOnly: turning deletion_protection off
// alone is applied without a single request to Arize.
func TestSpaceApply_deletionProtectionOnly(t *testing.T) {
	emu := emulator.New(emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	org := spaceTestOrg(t, emu, "org")
	sp := spaceTestSpace(t, emu, org.ID, "research")

	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey}))
	prior := spaceState(org.ID, true)
	prior["id"], prior["created_at"] = sp.ID, sp.CreatedAt.Format("2006-01-02T15:04:05.000Z07:00")
	config := tfObject{"organization_id": org.ID, "name": "research", "deletion_protection": false}
	plan := p.planResource("arize_space", prior, config)
	expectNoErrors(t, plan.diags)
	emu.ResetCounters()

	schema := p.resourceSchema("arize_space")
	typ := schema.ValueType()
	resp, err := p.server.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{
		TypeName:     "arize_space",
		PriorState:   p.dynamic(schema, tfValue(t, typ, prior)),
		PlannedState: p.dynamic(schema, plan.state),
		Config:       p.dynamic(schema, tfValue(t, typ, config)),
	})
	if err != nil {
		t.Fatal(err)
	}
	expectNoErrors(t, resp.Diagnostics)
	if n := emu.Total(); n != 0 {
		t.Errorf("changing deletion_protection alone made %d requests: %v", n, emu.Requests())
	}
	state, err := resp.NewState.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	if got := attrOf(t, state, "deletion_protection"); !got.Equal(tftypes.NewValue(tftypes.Bool, false)) {
		t.Errorf("deletion_protection in the new state is %s, want false", got)
	}
	if got := attrOf(t, state, "id"); !got.Equal(tftypes.NewValue(tftypes.String, sp.ID)) {
		t.Errorf("id in the new state is %s, want %s", got, sp.ID)
	}
}

func spaceTestOrg(t *testing.T, emu *emulator.Server, name string) emulator.Organization {
	t.Helper()
	o, err := emu.PutOrganization(name, "")
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func spaceTestSpace(t *testing.T, emu *emulator.Server, orgID, name string) emulator.Space {
	t.Helper()
	sp, err := emu.PutSpace(orgID, name, "", false)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

// TestSpaceRead_requests: a refresh is one GET; only a state without an
// organization (after an import by the ID alone) lists organizations and
// their spaces to find it.
func TestSpaceRead_requests(t *testing.T) {
	emu := emulator.New(emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	spaceTestOrg(t, emu, "first")
	org := spaceTestOrg(t, emu, "second")
	sp := spaceTestSpace(t, emu, org.ID, "research")

	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey}))
	schema := p.resourceSchema("arize_space")
	typ := schema.ValueType()
	read := func(prior tfObject) tftypes.Value {
		t.Helper()
		emu.ResetCounters()
		resp, err := p.server.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{
			TypeName:     "arize_space",
			CurrentState: p.dynamic(schema, tfValue(t, typ, prior)),
		})
		if err != nil {
			t.Fatal(err)
		}
		expectNoErrors(t, resp.Diagnostics)
		state, err := resp.NewState.Unmarshal(typ)
		if err != nil {
			t.Fatal(err)
		}
		return state
	}

	state := read(tfObject{"id": sp.ID, "organization_id": org.ID, "deletion_protection": false})
	if got := emu.Requests(); emu.Total() != 1 || got["GET "+emulator.RouteSpace] != 1 {
		t.Errorf("a refresh made %v, want one GET of the space", got)
	}
	if got := attrOf(t, state, "name"); !got.Equal(tftypes.NewValue(tftypes.String, "research")) {
		t.Errorf("name read as %s", got)
	}
	if got := attrOf(t, state, "deletion_protection"); !got.Equal(tftypes.NewValue(tftypes.Bool, false)) {
		t.Errorf("deletion_protection read as %s, want the state's false", got)
	}

	// As after an import by ID: the organization is found in the second
	// organization's list, and deletion_protection takes its default.
	state = read(tfObject{"id": sp.ID})
	if got := attrOf(t, state, "organization_id"); !got.Equal(tftypes.NewValue(tftypes.String, org.ID)) {
		t.Errorf("organization_id found as %s, want %s", got, org.ID)
	}
	if got := attrOf(t, state, "deletion_protection"); !got.Equal(tftypes.NewValue(tftypes.Bool, true)) {
		t.Errorf("deletion_protection after an import is %s, want true", got)
	}
	want := map[string]int{"GET " + emulator.RouteSpace: 1, "GET " + emulator.RouteOrganizations: 1, "GET " + emulator.RouteSpaces: 2}
	for route, n := range want {
		if got := emu.Requests()[route]; got != n {
			t.Errorf("finding the organization made %d %s, want %d (all: %v)", got, route, n, emu.Requests())
		}
	}
}
