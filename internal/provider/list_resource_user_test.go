package provider

import (
	"fmt"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestAccUserList_query(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	judy, err := emu.PutUser(emulator.User{Email: "judy@contractor.example", Name: "Judy", Role: "ANNOTATOR", Status: "INVITED"})
	if err != nil {
		t.Fatal(err)
	}
	// Enough more for a second page of the largest page size.
	const bulk = maxPageSize
	for i := range bulk {
		if _, err := emu.PutUser(emulator.User{Email: fmt.Sprintf("bulk-%03d@example.com", i), Name: "Bulk"}); err != nil {
			t.Fatal(err)
		}
	}
	// Query checks name list blocks without their "list." prefix.
	const all = "arize_user.all"
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: env.config("")},
		resource.TestStep{
			Query: true,
			Config: `
list "arize_user" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000 # Terraform's default is 100
}

list "arize_user" "contractors" {
  provider = arize
  config {
    email = "CONTRACTOR"
  }
}

list "arize_user" "invited" {
  provider = arize
  config {
    statuses = ["INVITED"]
  }
}

list "arize_user" "first" {
  provider = arize
  limit    = 1
}
`,
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, len(testAccUsers)+1+bulk),
				querycheck.ExpectLength("arize_user.contractors", 1),
				querycheck.ExpectLength("arize_user.invited", 1),
				querycheck.ExpectLength("arize_user.first", 1),
				querycheck.ExpectIdentity("arize_user.first", map[string]knownvalue.Check{"id": knownvalue.StringExact(testUserAlice)}),
				querycheck.ExpectIdentity("arize_user.invited", map[string]knownvalue.Check{"id": knownvalue.StringExact(judy.ID)}),
				querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(testUserBob),
				}), knownvalue.StringExact("bob@example.com")),
				querycheck.ExpectResourceKnownValues(all, queryfilter.ByDisplayName(knownvalue.StringExact("judy@contractor.example")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(judy.ID)},
					{Path: tfjsonpath.New("email"), KnownValue: knownvalue.StringExact("judy@contractor.example")},
					{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Judy")},
					{Path: tfjsonpath.New("role"), KnownValue: knownvalue.StringExact("ANNOTATOR")},
					{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("INVITED")},
					{Path: tfjsonpath.New("is_developer"), KnownValue: knownvalue.Bool(false)},
					// What an import gives: protected, and neither of the
					// create's own values.
					{Path: tfjsonpath.New("deletion_protection"), KnownValue: knownvalue.Bool(true)},
					{Path: tfjsonpath.New("invite_mode"), KnownValue: knownvalue.Null()},
					{Path: tfjsonpath.New("temporary_password"), KnownValue: knownvalue.Null()},
				}),
			},
		},
	)
}

// TestAccUser_adoptWithQuery adopts users made outside Terraform: terraform
// query finds them, -generate-config-out writes their configuration, apply
// imports them without a write to Arize, and the next plan is empty.
func TestAccUser_adoptWithQuery(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()

	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	w.requireQuery()
	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), ""))
	w.write("adopt.tfquery.hcl", `list "arize_user" "all" {
  provider         = arize
  include_resource = true
}
`)
	out := w.run(nil, "query", "-no-color", "-generate-config-out=generated.tf")
	for _, u := range testAccUsers {
		if !strings.Contains(out, u.Email) {
			t.Errorf("terraform query does not list %q:\n%s", u.Email, out)
		}
	}
	generated := w.read("generated.tf")
	if n := strings.Count(generated, "import {"); n != len(testAccUsers) {
		t.Fatalf("generated.tf has %d import blocks, want %d:\n%s", n, len(testAccUsers), generated)
	}
	if n := len(regexp.MustCompile(`deletion_protection\s*=\s*true`).FindAllString(generated, -1)); n != len(testAccUsers) {
		t.Errorf("generated.tf protects %d users, want all %d:\n%s", n, len(testAccUsers), generated)
	}

	emu.ResetCounters()
	applied := w.run(nil, "apply", "-no-color", "-auto-approve")
	if !strings.Contains(applied, fmt.Sprintf("%d imported, 0 added, 0 changed, 0 destroyed", len(testAccUsers))) {
		t.Errorf("apply did not import them all and change nothing:\n%s", applied)
	}
	if n := emu.Count("POST", emulator.RouteUsers) + emu.Count("PATCH", emulator.RouteUser) + emu.Count("DELETE", emulator.RouteUser); n != 0 {
		t.Errorf("adoption changed Arize: %v", emu.Requests())
	}
	if _, err := w.tryRun(nil, "plan", "-no-color", "-detailed-exitcode"); err != nil {
		plan, _ := w.tryRun(nil, "plan", "-no-color")
		t.Errorf("the plan after adoption is not empty (%v):\n%s", err, plan)
	}
}
