package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// How a create tells that it adopted a restriction made before it: Arize
// answers 200 either way, so by created_at alone (madeBefore), and says so
// in the log at WARN.

func TestMadeBefore(t *testing.T) {
	sent := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		createdAt string
		want      bool
	}{
		{"2026-03-01T11:00:00.000Z", true},     // an hour before: adopted
		{"2026-03-01T11:58:59.999Z", true},     // just over the minute's allowance
		{"2026-03-01T11:59:30.000Z", false},    // within it: clocks may differ
		{"2026-03-01T12:00:00.000Z", false},    // made by this create
		{"2026-03-01T12:00:02.5+00:00", false}, // after it, another offset form
		{"2026-03-01T13:58:00+02:00", true},    // 11:58:00 UTC
		{"", false},                            // says nothing
		{"yesterday", false},
	} {
		if got := madeBefore(c.createdAt, sent); got != c.want {
			t.Errorf("madeBefore(%q) = %t, want %t", c.createdAt, got, c.want)
		}
	}
}

// TestProjectRestrictionCreate_logsAdoption applies a create in the test
// process with its log captured: a project restricted an hour before is
// adopted, with a WARN saying so; one the create restricts logs no such
// thing. Either costs one POST and no list.
func TestProjectRestrictionCreate_logsAdoption(t *testing.T) {
	var back atomic.Int64 // how far the emulator's clock is behind
	emu := newTestEmulator(t, emulator.Options{
		APIKey: testAccAPIKey,
		Now:    func() time.Time { return time.Now().Add(-time.Duration(back.Load())) },
	})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey, "max_retries": 0}))
	org := spaceTestOrg(t, emu, "org")
	sp := spaceTestSpace(t, emu, org.ID, "space")
	old, err := emu.PutProject(sp.ID, "restricted an hour ago")
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := emu.PutProject(sp.ID, "restricted now")
	if err != nil {
		t.Fatal(err)
	}
	back.Store(int64(time.Hour))
	if _, err := emu.PutRestriction(old.ID); err != nil {
		t.Fatal(err)
	}
	back.Store(0)

	for _, c := range []struct {
		name    string
		project string
		adopted bool
	}{
		{"restricted before", old.ID, true},
		{"restricted by the create", fresh.ID, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			emu.ResetCounters()
			var logs bytes.Buffer
			state := applyRestrictionCreate(t, p, tflogtest.RootLogger(context.Background(), &logs), c.project)
			if got := attrOf(t, state, "project_id"); !got.Equal(tftypes.NewValue(tftypes.String, c.project)) {
				t.Errorf("project_id in state is %s", got)
			}
			warned := adoptionWarnings(t, logs.String(), c.project)
			if warned != c.adopted {
				t.Errorf("adoption warned: %t, want %t; the log:\n%s", warned, c.adopted, logs.String())
			}
			if n, posts := emu.Total(), emu.Count("POST", emulator.RouteResourceRestrictions); n != 1 || posts != 1 {
				t.Errorf("the create made %v, want one POST", emu.Requests())
			}
		})
	}
	if n := len(emu.Restrictions()); n != 2 {
		t.Errorf("the emulator holds %d restrictions, want 2", n)
	}
}

// applyRestrictionCreate applies the create of a restriction of projectID
// with ctx, whose logger the test reads, and returns the new state.
func applyRestrictionCreate(t *testing.T, p *protoProvider, ctx context.Context, projectID string) tftypes.Value {
	t.Helper()
	const typeName = "arize_project_restriction"
	config := tfObject{"project_id": projectID}
	plan := p.planResource(typeName, nil, config)
	expectNoErrors(t, plan.diags)
	schema := p.resourceSchema(typeName)
	typ := schema.ValueType()
	resp, err := p.server.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName:     typeName,
		PriorState:   p.dynamic(schema, tftypes.NewValue(typ, nil)),
		PlannedState: p.dynamic(schema, plan.state),
		Config:       p.dynamic(schema, tfValue(t, typ, config)),
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

// adoptionWarnings reports whether the JSON lines of log hold a WARN that
// the restriction of projectID was adopted.
func adoptionWarnings(t *testing.T, log, projectID string) bool {
	t.Helper()
	for line := range strings.SplitSeq(strings.TrimSpace(log), "\n") {
		if line == "" {
			continue
		}
		var entry map[string]any
		if err := json.Unmarshal([]byte(line), &entry); err != nil {
			t.Fatalf("a log line is not JSON: %q", line)
		}
		if entry["@level"] == "warn" && strings.Contains(entry["@message"].(string), "adopted an existing restriction") &&
			entry["project_id"] == projectID {
			return true
		}
	}
	return false
}
