package arize

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// The resource restriction endpoints against the emulator: the idempotent
// POST and its retry, the DELETE, and the look-up that pages the list,
// through short and empty pages, since there is no GET.

// restrictionFixture is an emulator with a space of projects, on a clock
// that moves one second per reading, so that a restriction made again would
// show in created_at.
type restrictionFixture struct {
	*fixture
	spaceID string
}

func newRestrictionFixture(t *testing.T, dialect emulator.Dialect) *restrictionFixture {
	t.Helper()
	var ticks atomic.Int64
	f := newFixtureOpts(t, emulator.Options{
		Dialect: dialect,
		Now:     func() time.Time { return fixedNow.Add(time.Duration(ticks.Add(1)) * time.Second) },
	})
	org, err := f.emu.PutOrganization("org", "")
	if err != nil {
		t.Fatal(err)
	}
	sp, err := f.emu.PutSpace(org.ID, "sensitive", "", false)
	if err != nil {
		t.Fatal(err)
	}
	return &restrictionFixture{fixture: f, spaceID: sp.ID}
}

// projects puts n projects in the fixture's space and returns their IDs.
func (f *restrictionFixture) projects(t *testing.T, n int) []string {
	t.Helper()
	ids := make([]string, n)
	for i := range ids {
		p, err := f.emu.PutProject(f.spaceID, fmt.Sprintf("project %03d", i))
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = p.ID
	}
	return ids
}

// restrictAll restricts the projects ids outside the client.
func (f *restrictionFixture) restrictAll(t *testing.T, ids []string) {
	t.Helper()
	for _, id := range ids {
		if _, err := f.emu.PutRestriction(id); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRestrictionLifecycle runs in both dialects: PROJECT is spelt alike in
// both.
func TestRestrictionLifecycle(t *testing.T) {
	for _, dialect := range []emulator.Dialect{emulator.DialectToday, emulator.DialectPublished} {
		t.Run(string(dialect), func(t *testing.T) {
			f := newRestrictionFixture(t, dialect)
			ctx := context.Background()
			id := f.projects(t, 1)[0]

			made, err := f.c.RestrictProject(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if made.ResourceType != RestrictionResourceProject || made.ResourceID != id || made.CreatedAt == "" {
				t.Fatalf("RestrictProject = %s", dump(made))
			}
			// Idempotent: the same restriction, its first created_at.
			again, err := f.c.RestrictProject(ctx, id)
			if err != nil || *again != *made {
				t.Errorf("RestrictProject again = %s, %v; want %s", dump(again), err, dump(made))
			}
			if n := len(f.emu.Restrictions()); n != 1 {
				t.Errorf("the emulator holds %d restrictions, want 1", n)
			}

			found, err := f.c.FindRestriction(ctx, id)
			if err != nil || found == nil || *found != *made {
				t.Fatalf("FindRestriction = %s, %v; want %s", dump(found), err, dump(made))
			}

			if err := f.c.UnrestrictProject(ctx, id); err != nil {
				t.Fatal(err)
			}
			if _, ok := f.emu.Restriction(id); ok {
				t.Error("the restriction is still there")
			}
			if _, ok := f.emu.Project(id); !ok {
				t.Error("lifting the restriction deleted the project")
			}
			if found, err := f.c.FindRestriction(ctx, id); err != nil || found != nil {
				t.Errorf("FindRestriction after the delete = %s, %v; want none", dump(found), err)
			}
			if err := f.c.UnrestrictProject(ctx, id); !IsNotFound(err) {
				t.Errorf("second delete: %v; want a 404", err)
			}
		})
	}
}

// The POST is idempotent, so an answer lost after the server acted is
// simply asked again: the second try answers the restriction the first
// made, and there is one.
func TestRestrictProject_answerLostIsRetried(t *testing.T) {
	f := newRestrictionFixture(t, emulator.DialectToday)
	id := f.projects(t, 1)[0]
	f.emu.DropNext(1, true)
	got, err := f.c.RestrictProject(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	stored, ok := f.emu.Restriction(id)
	if !ok || len(f.emu.Restrictions()) != 1 {
		t.Fatalf("the emulator holds %+v; want the one restriction", f.emu.Restrictions())
	}
	if want := stored.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"); got.CreatedAt != want {
		t.Errorf("created_at %s, want the first try's %s", got.CreatedAt, want)
	}
	if n := f.emu.Count("POST", emulator.RouteResourceRestrictions); n != 2 {
		t.Errorf("%d POSTs, want the lost one and its retry", n)
	}
	if n := f.emu.Count("GET", emulator.RouteResourceRestrictions); n != 0 {
		t.Errorf("%d list requests: an idempotent POST needs no look-up", n)
	}
}

func TestRestrictProject_refusals(t *testing.T) {
	f := newRestrictionFixture(t, emulator.DialectToday)
	hidden := f.projects(t, 1)[0]
	f.emu.ForbidSpace(f.spaceID, true)
	missing := base64.StdEncoding.EncodeToString([]byte("Project:999"))
	for _, c := range []struct {
		name, id string
		status   int
	}{
		{"a space's ID", f.spaceID, http.StatusBadRequest},
		{"a project that does not exist", missing, http.StatusNotFound},
		{"a project the key may not see", hidden, http.StatusForbidden},
	} {
		t.Run(c.name, func(t *testing.T) {
			f.emu.ResetCounters()
			_, err := f.c.RestrictProject(context.Background(), c.id)
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.Status != c.status {
				t.Errorf("err = %v; want a %d", err, c.status)
			}
			if n := f.emu.Total(); n != 1 {
				t.Errorf("%d requests; a refusal is final", n)
			}
		})
	}
	if n := len(f.emu.Restrictions()); n != 0 {
		t.Errorf("the emulator holds %d restrictions, want none", n)
	}
}

// FindRestriction pages through short and empty pages while has_more is
// true, and stops at the page that holds the restriction: never at an
// empty page, never reading further than it must.
func TestFindRestriction_shortAndEmptyPages(t *testing.T) {
	f := newRestrictionFixture(t, emulator.DialectToday)
	ids := f.projects(t, 6)
	f.restrictAll(t, ids[:5]) // ids[5] is not restricted
	// Pages 0..: empty, 1, empty, 1, ... so the n-th restriction (from 0)
	// is on page 2n+1, the (2n+2)-th page read.
	f.emu.SetRestrictionPageSizes(0, 1)
	ctx := context.Background()
	for n, id := range ids[:5] {
		f.emu.ResetCounters()
		got, err := f.c.FindRestriction(ctx, id)
		if err != nil || got == nil || got.ResourceID != id {
			t.Fatalf("FindRestriction(project %d) = %s, %v", n, dump(got), err)
		}
		if reads, want := f.emu.Count("GET", emulator.RouteResourceRestrictions), 2*n+2; reads != want {
			t.Errorf("project %d: %d pages read, want %d", n, reads, want)
		}
	}
	// One not restricted: every page is read, the empty last ones too.
	f.emu.ResetCounters()
	got, err := f.c.FindRestriction(ctx, ids[5])
	if err != nil || got != nil {
		t.Fatalf("FindRestriction of an unrestricted project = %s, %v; want none", dump(got), err)
	}
	if reads := f.emu.Count("GET", emulator.RouteResourceRestrictions); reads < 10 {
		t.Errorf("%d pages read; all 10 of the 5 restrictions must be", reads)
	}
	// The list, through the same pages, has them all, in order.
	all, err := f.c.ListRestrictions(ctx, RestrictionListOptions{Limit: maxPageSize})
	if err != nil || len(all) != 5 || all[0].ResourceID != ids[0] || all[4].ResourceID != ids[4] {
		t.Errorf("ListRestrictions = %s, %v", dump(all), err)
	}
}

// A restriction of a project the key may not see is left out of the list:
// FindRestriction cannot see it either.
func TestFindRestriction_hiddenProject(t *testing.T) {
	f := newRestrictionFixture(t, emulator.DialectToday)
	id := f.projects(t, 1)[0]
	f.restrictAll(t, []string{id})
	f.emu.ForbidSpace(f.spaceID, true)
	if got, err := f.c.FindRestriction(context.Background(), id); err != nil || got != nil {
		t.Errorf("FindRestriction = %s, %v; want none", dump(got), err)
	}
}

// A server whose list would never end (a cursor answered twice), or that
// says more pages follow without a cursor, is an error: never the end of
// the list, which would read as "not restricted".
func TestFindRestriction_brokenPaging(t *testing.T) {
	for _, c := range []struct {
		name   string
		cursor func(n int64) string
		want   string
		pages  int64
	}{
		{"a cursor answered twice", func(n int64) string { return fmt.Sprintf("c%d", min(n, 3)) }, "answered a cursor it had answered before", 4},
		{"has_more without a cursor", func(int64) string { return "" }, "gives no cursor", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			var served atomic.Int64
			srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Query().Get("resource_type") != RestrictionResourceProject || r.URL.Query().Get("limit") != "100" {
					http.Error(w, "unexpected query "+r.URL.RawQuery, http.StatusBadRequest)
					return
				}
				n := served.Add(1)
				_ = json.NewEncoder(w).Encode(map[string]any{
					"resource_restrictions": []any{},
					"pagination":            map[string]any{"has_more": true, "next_cursor": c.cursor(n)},
				})
			}))
			_, err := newClient(t, srv).FindRestriction(context.Background(), "UHJvamVjdDox")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v; want one saying %q", err, c.want)
			}
			if n := served.Load(); n != c.pages {
				t.Errorf("%d pages read, want %d", n, c.pages)
			}
		})
	}
}
