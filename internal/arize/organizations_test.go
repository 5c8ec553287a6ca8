package arize

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// The organization and space endpoints against the emulator: what each call
// sends, what it reads back, and how a create of unknown outcome ends.

func TestOrganizationLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()

	created, err := f.c.CreateOrganization(ctx, OrganizationCreateRequest{Name: "ML platform", Description: "models"})
	if err != nil {
		t.Fatal(err)
	}
	if created.ID == "" || created.Name != "ML platform" || created.Description != "models" || created.CreatedAt != fixedNowText {
		t.Fatalf("CreateOrganization = %s", dump(created))
	}
	got, err := f.c.GetOrganization(ctx, created.ID)
	if err != nil || *got != *created {
		t.Fatalf("GetOrganization = %s, %v; want %s", dump(got), err, dump(created))
	}

	renamed, err := f.c.UpdateOrganization(ctx, created.ID, OrganizationUpdateRequest{Name: Value("ML"), Description: Null[string]()})
	if err != nil {
		t.Fatal(err)
	}
	if renamed.Name != "ML" || renamed.Description != "" {
		t.Errorf("after rename and clear: %s; want name ML and an empty description", dump(renamed))
	}
	if stored, _ := f.emu.Organization(created.ID); stored.Name != "ML" || stored.Description != "" {
		t.Errorf("the emulator holds %+v", stored)
	}

	if err := f.c.DeleteOrganization(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.c.GetOrganization(ctx, created.ID); !IsNotFound(err) {
		t.Errorf("GetOrganization after delete: %v; want a 404", err)
	}
	if err := f.c.DeleteOrganization(ctx, created.ID); !IsNotFound(err) {
		t.Errorf("second delete: %v; want a 404", err)
	}
}

func TestCreateOrganization_nameTaken(t *testing.T) {
	f := newFixture(t)
	if _, err := f.emu.PutOrganization("taken", ""); err != nil {
		t.Fatal(err)
	}
	_, err := f.c.CreateOrganization(context.Background(), OrganizationCreateRequest{Name: "taken"})
	if !IsConflict(err) {
		t.Fatalf("err = %v; want a 409", err)
	}
	if n := f.emu.Count("POST", emulator.RouteOrganizations); n != 1 {
		t.Errorf("%d POSTs; a 409 on the first try is final", n)
	}
}

// A create whose answer is lost after the server made the organization is
// recovered by its name: one organization, and the create is not sent again.
func TestCreateOrganization_answerLost(t *testing.T) {
	f := newFixture(t)
	f.emu.DropNext(1, true)
	got, err := f.c.CreateOrganization(context.Background(), OrganizationCreateRequest{Name: "lost answer", Description: "d"})
	if err != nil {
		t.Fatal(err)
	}
	if orgs := f.emu.Organizations(); len(orgs) != 1 || orgs[0].ID != got.ID {
		t.Fatalf("the emulator holds %+v; want exactly the adopted %s", orgs, got.ID)
	}
	if n := f.emu.Count("POST", emulator.RouteOrganizations); n != 1 {
		t.Errorf("%d POSTs; the lost create must be looked up, not sent again", n)
	}
}

// An organization of the same name made otherwise (another description) is
// someone else's: the create fails rather than adopt it.
func TestCreateOrganization_answerLostNameTakenOtherwise(t *testing.T) {
	f := newFixture(t)
	f.emu.DropNext(1, false) // the first try never reaches the server...
	// ...and meanwhile someone else takes the name.
	if _, err := f.emu.PutOrganization("contested", "theirs"); err != nil {
		t.Fatal(err)
	}
	_, err := f.c.CreateOrganization(context.Background(), OrganizationCreateRequest{Name: "contested", Description: "ours"})
	if err == nil {
		t.Fatal("CreateOrganization adopted an organization it did not make")
	}
	if !errors.Is(err, errOtherOwner) && !IsConflict(err) {
		t.Errorf("err = %v; want a conflict or errOtherOwner", err)
	}
	if n := len(f.emu.Organizations()); n != 1 {
		t.Errorf("the emulator holds %d organizations, want 1", n)
	}
}

func TestSpaceLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	org, err := f.emu.PutOrganization("org", "")
	if err != nil {
		t.Fatal(err)
	}

	created, err := f.c.CreateSpace(ctx, SpaceCreateRequest{Name: "search", OrganizationID: org.ID, Description: "d", IsPrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	if created.Name != "search" || created.Description != "d" || !created.IsPrivate || created.CreatedAt != fixedNowText {
		t.Fatalf("CreateSpace = %s", dump(created))
	}
	if got := f.emu.SpaceOrganization(created.ID); got != org.ID {
		t.Errorf("the space is in organization %q, want %q", got, org.ID)
	}
	updated, err := f.c.UpdateSpace(ctx, created.ID, SpaceUpdateRequest{Description: Null[string](), IsPrivate: Value(false)})
	if err != nil {
		t.Fatal(err)
	}
	if updated.Name != "search" || updated.Description != "" || updated.IsPrivate {
		t.Errorf("UpdateSpace = %s; want the name kept, no description, public", dump(updated))
	}
	foundOrg, err := f.c.FindSpaceOrganization(ctx, created.ID)
	if err != nil || foundOrg != org.ID {
		t.Errorf("FindSpaceOrganization = %q, %v; want %q", foundOrg, err, org.ID)
	}
	if err := f.c.DeleteSpace(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.c.GetSpace(ctx, created.ID); !IsNotFound(err) {
		t.Errorf("GetSpace after delete: %v; want a 404", err)
	}
	if foundOrg, err := f.c.FindSpaceOrganization(ctx, created.ID); err != nil || foundOrg != "" {
		t.Errorf("FindSpaceOrganization of a deleted space = %q, %v; want none", foundOrg, err)
	}
}

// Space names are unique per organization, so create recovery looks the
// name up in the space's own organization: a same-named space elsewhere is
// not adopted.
func TestCreateSpace_answerLostRecoveredInItsOrganization(t *testing.T) {
	f := newFixture(t)
	a, _ := f.emu.PutOrganization("a", "")
	b, _ := f.emu.PutOrganization("b", "")
	if _, err := f.emu.PutSpace(a.ID, "shared name", "", false); err != nil {
		t.Fatal(err)
	}
	f.emu.DropNext(1, true)
	got, err := f.c.CreateSpace(context.Background(), SpaceCreateRequest{Name: "shared name", OrganizationID: b.ID})
	if err != nil {
		t.Fatal(err)
	}
	if f.emu.SpaceOrganization(got.ID) != b.ID {
		t.Errorf("adopted space %s is not in organization b", got.ID)
	}
	if n := len(f.emu.Spaces()); n != 2 {
		t.Errorf("the emulator holds %d spaces, want 2", n)
	}
	if n := f.emu.Count("POST", emulator.RouteSpaces); n != 1 {
		t.Errorf("%d POSTs, want 1", n)
	}
}

func TestListSpaces_everyPageOfOneOrganization(t *testing.T) {
	f := newFixture(t)
	org, _ := f.emu.PutOrganization("org", "")
	other, _ := f.emu.PutOrganization("other", "")
	for _, name := range []string{"s1", "s2", "s3", "s4", "s5"} {
		if _, err := f.emu.PutSpace(org.ID, name, "", false); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.emu.PutSpace(other.ID, "s6", "", false); err != nil {
		t.Fatal(err)
	}
	got, err := f.c.ListSpaces(context.Background(), SpaceListOptions{OrganizationID: org.ID, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Errorf("ListSpaces = %d spaces, want the organization's 5", len(got))
	}
	if n := f.emu.Count("GET", emulator.RouteSpaces); n != 3 {
		t.Errorf("%d pages read, want 3", n)
	}
}

// A server that refuses null for a description (an older one, as the SDKs
// before v0.22 suggest) gets "" instead: the refused PATCH changed nothing.
func TestUpdateOrganization_nullRefusedFallsBackToEmpty(t *testing.T) {
	var bodies []string
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(b))
		if strings.Contains(string(b), "null") {
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(`{"status":400,"title":"Bad Request","detail":"description must be a string"}`))
			return
		}
		_ = json.NewEncoder(w).Encode(Organization{ID: "o", Name: "n"})
	}))
	c := newClient(t, srv)
	got, err := c.UpdateOrganization(context.Background(), "o", OrganizationUpdateRequest{Description: Null[string]()})
	if err != nil {
		t.Fatal(err)
	}
	if got.Description != "" || len(bodies) != 2 || bodies[0] != `{"description":null}` || bodies[1] != `{"description":""}` {
		t.Errorf("bodies sent: %q; want null, then \"\"", bodies)
	}
}

// Only a refused null is sent again: any other refusal is the answer.
func TestUpdateOrganization_otherRefusalNotResent(t *testing.T) {
	f := newFixture(t)
	org, _ := f.emu.PutOrganization("org", "")
	_, err := f.c.UpdateOrganization(context.Background(), org.ID, OrganizationUpdateRequest{Name: Value(strings.Repeat("x", 256))})
	if err == nil {
		t.Fatal("an over-long name was accepted")
	}
	if n := f.emu.Count("PATCH", emulator.RouteOrganization); n != 1 {
		t.Errorf("%d PATCHes, want 1", n)
	}
}
