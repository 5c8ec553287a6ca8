package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestAccUserDataSource_byIDAndEmail looks up a user Terraform made by its
// ID and by its email in another case, beside neighbours whose emails
// contain it: each finds exactly that user, as the resource has it.
func TestAccUserDataSource_byIDAndEmail(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	for _, email := range []string{"xerin@example.com", "erin@example.com.au"} {
		if _, err := emu.PutUser(emulator.User{Email: email, Name: "A neighbour"}); err != nil {
			t.Fatal(err)
		}
	}
	config := env.config(`
resource "arize_user" "test" {
  email               = "erin@example.com"
  name                = "Erin"
  role                = "ANNOTATOR"
  invite_mode         = "EMAIL_LINK"
  deletion_protection = false
}

data "arize_user" "by_id" {
  id = arize_user.test.id
}

data "arize_user" "by_email" {
  email = upper(arize_user.test.email)
}
`)
	var checks []statecheck.StateCheck
	for _, a := range []string{"id", "email", "name", "role", "status", "is_developer", "created_at"} {
		p := tfjsonpath.New(a)
		checks = append(checks,
			statecheck.CompareValuePairs(userAddr, p, "data.arize_user.by_id", p, compare.ValuesSame()),
			statecheck.CompareValuePairs(userAddr, p, "data.arize_user.by_email", p, compare.ValuesSame()),
		)
	}
	checks = append(checks,
		// Arize's spelling of the email, not the look-up's.
		statecheck.ExpectKnownValue("data.arize_user.by_email", tfjsonpath.New("email"), knownvalue.StringExact("erin@example.com")),
		statecheck.ExpectKnownValue("data.arize_user.by_email", tfjsonpath.New("role"), knownvalue.StringExact("ANNOTATOR")),
		statecheck.ExpectKnownValue("data.arize_user.by_email", tfjsonpath.New("status"), knownvalue.StringExact("INVITED")),
	)
	accTest(t, resource.TestStep{Config: config, ConfigStateChecks: checks})
}

// TestAccUserDataSource_seeded reads a user made outside Terraform, in
// today's spelling whatever the server's.
func TestAccUserDataSource_seeded(t *testing.T) {
	env := newAccEnv(t)
	accTest(t, resource.TestStep{
		Config: env.config(`
data "arize_user" "dana" {
  email = "dana@example.com"
}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.arize_user.dana", tfjsonpath.New("id"), knownvalue.StringExact(testUserDana)),
			statecheck.ExpectKnownValue("data.arize_user.dana", tfjsonpath.New("name"), knownvalue.StringExact("Dana")),
			statecheck.ExpectKnownValue("data.arize_user.dana", tfjsonpath.New("role"), knownvalue.StringExact("ANNOTATOR")),
			statecheck.ExpectKnownValue("data.arize_user.dana", tfjsonpath.New("status"), knownvalue.StringExact("ACTIVE")),
			statecheck.ExpectKnownValue("data.arize_user.dana", tfjsonpath.New("is_developer"), knownvalue.Bool(false)),
		},
	})
}

func TestAccUserDataSource_errors(t *testing.T) {
	cases := []struct {
		name, body, expect string
		// calls says whether finding the mistake takes the API; the others
		// are configuration errors, found with no request.
		calls bool
	}{
		{"unknown id", `id = "VXNlcjo5OTk6enp6eg=="`, `user not found[\s\S]*No user with ID "VXNlcjo5OTk6enp6eg==" exists`, true},
		{"an email only part of one", `email = "example.com"`, `user not found[\s\S]*No user with the email "example.com" exists`, true},
		{"a deleted user's email", `email = "gone@example.com"`, `No user with the email "gone@example.com" exists`, true},
		{"both id and email", `id = "x"
  email = "y@example.com"`, `Invalid Attribute Combination`, false},
		{"neither id nor email", ``, `Missing Attribute Configuration[\s\S]*Exactly one of these attributes must be configured: \[id,email\]`, false},
		{"empty email", `email = ""`, `Attribute email UTF-8 character count must be between 1 and 255, got: 0`, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			gone, err := emu.PutUser(emulator.User{Email: "gone@example.com", Name: "Gone"})
			if err != nil {
				t.Fatal(err)
			}
			emu.RemoveUser(gone.ID)
			accTest(t, resource.TestStep{
				Config:      env.config("data \"arize_user\" \"test\" {\n  " + tc.body + "\n}\n"),
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); (n != 0) != tc.calls {
				t.Errorf("made %d API calls, want them only for a mistake that needs the API: %v", n, emu.Requests())
			}
		})
	}
}
