package provider

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestAccOrganizationDataSource_byIDAndName(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	// Neighbours whose names contain the one looked up, or differ only in
	// case: the name lookup must take neither.
	for _, name := range []string{"tf-acc-org-lookup-shadow", "TF-ACC-ORG-LOOKUP"} {
		if _, err := emu.PutOrganization(name, "a neighbour"); err != nil {
			t.Fatal(err)
		}
	}
	config := env.config(`
resource "arize_organization" "test" {
  name                = "tf-acc-org-lookup"
  description         = "Looked up."
  deletion_protection = false
}

data "arize_organization" "by_id" {
  id = arize_organization.test.id
}

data "arize_organization" "by_name" {
  name = arize_organization.test.name
}
`)
	var checks []statecheck.StateCheck
	for _, a := range []string{"id", "name", "description", "created_at"} {
		p := tfjsonpath.New(a)
		checks = append(checks,
			statecheck.CompareValuePairs(orgAddr, p, "data.arize_organization.by_id", p, compare.ValuesSame()),
			statecheck.CompareValuePairs(orgAddr, p, "data.arize_organization.by_name", p, compare.ValuesSame()),
		)
	}
	checks = append(checks, statecheck.ExpectKnownValue("data.arize_organization.by_name", tfjsonpath.New("description"), knownvalue.StringExact("Looked up.")))
	accTest(t, resource.TestStep{Config: config, ConfigStateChecks: checks})
}

func TestAccOrganizationDataSource_errors(t *testing.T) {
	cases := []struct {
		name, body, expect string
		// calls says whether finding the mistake takes the API; the others
		// are configuration errors, found with no request.
		calls bool
	}{
		{"unknown id", `id = "T3JnYW5pemF0aW9uOjk5OTp6enp6"`, `organization not found[\s\S]*No organization with ID "T3JnYW5pemF0aW9uOjk5OTp6enp6" exists`, true},
		{"unknown name (a substring of another)", `name = "tf-acc-exists"`, `organization not found[\s\S]*No organization named "tf-acc-exists" exists`, true},
		{"name in another case", `name = "TF-ACC-EXISTS-LONGER"`, `No organization named "TF-ACC-EXISTS-LONGER"`, true},
		{"both id and name", `id = "x"
  name = "y"`, `Invalid Attribute Combination`, false},
		{"neither id nor name", ``, `Missing Attribute Configuration[\s\S]*Exactly one of these attributes must be configured: \[id,name\]`, false},
		{"empty name", `name = ""`, `Attribute name UTF-8 character count must be between 1 and 255, got: 0`, false},
		{"name longer than any", `name = "` + strings.Repeat("n", 256) + `"`, `Attribute name UTF-8 character count must be between 1 and 255, got: 256`, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			if _, err := emu.PutOrganization("tf-acc-exists-longer", ""); err != nil {
				t.Fatal(err)
			}
			accTest(t, resource.TestStep{
				Config:      env.config("data \"arize_organization\" \"test\" {\n  " + tc.body + "\n}\n"),
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); (n != 0) != tc.calls {
				t.Errorf("made %d API calls, want them only for a mistake that needs the API: %v", n, emu.Requests())
			}
		})
	}
}

// TestOrganizationDataSource_exactNameOverPages looks organizations up by
// name in the test process, against the emulator, whose name filter matches
// substrings and ignores case as the API's does: the exact name is found on
// the second page of candidates, and only it.
func TestOrganizationDataSource_exactNameOverPages(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	// More candidates than the largest page, each containing "dup"; the
	// exact matches come last.
	for i := range maxPageSize + 20 {
		if _, err := emu.PutOrganization(fmt.Sprintf("dup-%03d", i), ""); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]emulator.Organization{}
	for _, name := range []string{"dup", "DUP", "Dup "} {
		o, err := emu.PutOrganization(name, "exact: "+name)
		if err != nil {
			t.Fatal(err)
		}
		want[name] = o
	}

	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey, "max_retries": 0}))
	for name, o := range want {
		t.Run(name, func(t *testing.T) {
			emu.ResetCounters()
			state, diags := p.readDataSource("arize_organization", tfObject{"name": name})
			expectNoErrors(t, diags)
			for attr, v := range map[string]string{"id": o.ID, "name": name, "description": "exact: " + name} {
				if got := attrOf(t, state, attr); !got.Equal(tftypes.NewValue(tftypes.String, v)) {
					t.Errorf("%s = %s, want %q", attr, got, v)
				}
			}
			// "dup" and "DUP" have 123 candidates: two pages at the largest
			// page size (three at the API's default of 50). "Dup " has one.
			wantPages := 2
			if name == "Dup " {
				wantPages = 1
			}
			if n := emu.Count("GET", emulator.RouteOrganizations); n != wantPages {
				t.Errorf("read %d pages, want %d: %v", n, wantPages, emu.Requests())
			}
		})
	}
	t.Run("a substring of every name", func(t *testing.T) {
		_, diags := p.readDataSource("arize_organization", tfObject{"name": "du"})
		expectError(t, diags, attrPath("name"), "organization not found", `No organization named "du" exists in this Arize account.`)
	})
	t.Run("by id", func(t *testing.T) {
		emu.ResetCounters()
		state, diags := p.readDataSource("arize_organization", tfObject{"id": want["DUP"].ID})
		expectNoErrors(t, diags)
		if got := attrOf(t, state, "name"); !got.Equal(tftypes.NewValue(tftypes.String, "DUP")) {
			t.Errorf("found %s, want DUP", got)
		}
		if n, total := emu.Count("GET", emulator.RouteOrganization), emu.Total(); n != 1 || total != 1 {
			t.Errorf("a look-up by id made %d GETs of %d requests, want one: %v", n, total, emu.Requests())
		}
	})
}
