package arize

import (
	"context"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// Memberships against the emulator in each of its dialects: the role goes
// out in the server's spelling, an add is an upsert, and a remove of a user
// who is not a member is a 404.

func TestMemberships(t *testing.T) {
	for _, dialect := range []emulator.Dialect{emulator.DialectToday, emulator.DialectPublished} {
		t.Run(string(dialect), func(t *testing.T) {
			alice := emulator.User{ID: "VXNlcjoxOmFBYUE=", Email: "alice@example.com", Role: "MEMBER"}
			f := newFixtureOpts(t, emulator.Options{Dialect: dialect, Users: []emulator.User{alice}})
			ctx := context.Background()
			org, _ := f.emu.PutOrganization("org", "")
			space, _ := f.emu.PutSpace(org.ID, "space", "", false)

			m, err := f.c.SetOrganizationMember(ctx, org.ID, alice.ID, Predefined(RoleReadOnly))
			if err != nil {
				t.Fatal(err)
			}
			if m.UserID != alice.ID || m.OrganizationID != org.ID || m.Role.Name.Canonical() != RoleReadOnly {
				t.Errorf("SetOrganizationMember = %s", dump(m))
			}
			again, err := f.c.SetOrganizationMember(ctx, org.ID, alice.ID, Predefined(RoleMember))
			if err != nil {
				t.Fatal(err)
			}
			if again.ID != m.ID {
				t.Errorf("the upsert made membership %s, want the same %s", again.ID, m.ID)
			}
			if got := f.emu.OrganizationMembers(org.ID)[alice.ID]; got.Name != "MEMBER" {
				t.Errorf("the emulator holds role %+v, want MEMBER", got)
			}

			if _, err := f.c.SetSpaceMember(ctx, space.ID, alice.ID, Custom("Um9sZToxOmFCY0Q=")); err != nil {
				t.Fatal(err)
			}
			if got := f.emu.SpaceMembers(space.ID)[alice.ID]; got.Type != "CUSTOM" || got.ID != "Um9sZToxOmFCY0Q=" {
				t.Errorf("the emulator holds space role %+v", got)
			}

			if err := f.c.RemoveOrganizationMember(ctx, org.ID, alice.ID); err != nil {
				t.Fatal(err)
			}
			if len(f.emu.SpaceMembers(space.ID)) != 0 {
				t.Error("removing the organization member left them in its space")
			}
			if err := f.c.RemoveSpaceMember(ctx, space.ID, alice.ID); !IsNotFound(err) {
				t.Errorf("RemoveSpaceMember of a non-member: %v; want a 404", err)
			}
			if n := f.emu.RefusedForSpelling(); n > 1 {
				t.Errorf("%d writes refused for their spelling; finding it costs at most one", n)
			}
		})
	}
}

// A space member must already be in the organization: the API's 400 is the
// answer, whatever the spelling.
func TestSetSpaceMember_notInOrganization(t *testing.T) {
	bob := emulator.User{ID: "VXNlcjoyOmJCYkI=", Email: "bob@example.com", Role: "MEMBER"}
	f := newFixtureOpts(t, emulator.Options{Users: []emulator.User{bob}})
	org, _ := f.emu.PutOrganization("org", "")
	space, _ := f.emu.PutSpace(org.ID, "space", "", false)
	// Today's spelling is known, so the 400 is not taken for a spelling
	// refusal.
	if _, err := f.c.SetOrganizationMember(context.Background(), org.ID, bob.ID, Predefined(RoleMember)); err != nil {
		t.Fatal(err)
	}
	if err := f.c.RemoveOrganizationMember(context.Background(), org.ID, bob.ID); err != nil {
		t.Fatal(err)
	}
	_, err := f.c.SetSpaceMember(context.Background(), space.ID, bob.ID, Predefined(RoleMember))
	if !hasStatus(err, 400) {
		t.Fatalf("err = %v; want the API's 400", err)
	}
	if len(f.emu.SpaceMembers(space.ID)) != 0 {
		t.Error("a refused add made a member")
	}
}
