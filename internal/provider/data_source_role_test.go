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

// TestAccRoleDataSource_byIDAndName looks up a custom role by ID and by
// name, and a predefined one by name.
func TestAccRoleDataSource_byIDAndName(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	// Neighbours whose names contain the one looked up, or differ only in
	// case: the name lookup must take neither.
	for _, name := range []string{"tf-acc-role-lookup-shadow", "TF-ACC-ROLE-LOOKUP"} {
		putRole(t, emu, name, "a neighbour", "TAG_READ")
	}
	annotator := predefinedRole(t, emu, "Annotator")
	config := env.config(`
resource "arize_role" "test" {
  name        = "tf-acc-role-lookup"
  description = "Looked up."
  permissions = ["PROMPT_READ", "PROMPT_UPDATE"]
}

data "arize_role" "by_id" {
  id = arize_role.test.id
}

data "arize_role" "by_name" {
  name = arize_role.test.name
}

data "arize_role" "annotator" {
  name = "Annotator"
}
`)
	var checks []statecheck.StateCheck
	for _, a := range []string{"id", "name", "description", "permissions", "created_at", "updated_at"} {
		p := tfjsonpath.New(a)
		checks = append(checks,
			statecheck.CompareValuePairs(roleAddr, p, "data.arize_role.by_id", p, compare.ValuesSame()),
			statecheck.CompareValuePairs(roleAddr, p, "data.arize_role.by_name", p, compare.ValuesSame()),
		)
	}
	dataAttr := func(name, attr string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue("data.arize_role."+name, tfjsonpath.New(attr), v)
	}
	checks = append(checks,
		dataAttr("by_name", "description", knownvalue.StringExact("Looked up.")),
		dataAttr("by_name", "is_predefined", knownvalue.Bool(false)),
		dataAttr("by_id", "is_predefined", knownvalue.Bool(false)),
		dataAttr("annotator", "id", knownvalue.StringExact(annotator.ID)),
		dataAttr("annotator", "is_predefined", knownvalue.Bool(true)),
		dataAttr("annotator", "description", knownvalue.StringExact(annotator.Description)),
		dataAttr("annotator", "permissions", permissionsExactly("QUEUE_READ", "QUEUE_RECORD_ANNOTATE", "QUEUE_RECORD_READ")),
		dataAttr("annotator", "created_at", knownvalue.StringExact(emulatorTime(annotator.CreatedAt))),
	)
	accTest(t, resource.TestStep{Config: config, ConfigStateChecks: checks})
}

func TestAccRoleDataSource_errors(t *testing.T) {
	cases := []struct {
		name, body, expect string
		// calls says whether finding the mistake takes the API; the others
		// are configuration errors, found with no request.
		calls bool
	}{
		{"unknown id", `id = "Um9sZTo5OTk6enp6eg=="`, `role not found[\s\S]*No role with ID "Um9sZTo5OTk6enp6eg==" exists`, true},
		{"unknown name (a substring of another)", `name = "tf-acc-exists"`, `role not found[\s\S]*No role named "tf-acc-exists" exists in this Arize account`, true},
		{"name in another case", `name = "TF-ACC-EXISTS-LONGER"`, `No role named "TF-ACC-EXISTS-LONGER"`, true},
		{"a predefined name in another case", `name = "annotator"`, `No role named "annotator"`, true},
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
			putRole(t, emu, "tf-acc-exists-longer", "", "TAG_READ")
			accTest(t, resource.TestStep{
				Config:      env.config("data \"arize_role\" \"test\" {\n  " + tc.body + "\n}\n"),
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := emu.Total(); (n != 0) != tc.calls {
				t.Errorf("made %d API calls, want them only for a mistake that needs the API: %v", n, emu.Requests())
			}
		})
	}
}

// TestRoleDataSource_exactNameOverPages looks roles up by name in the test
// process, against the emulator: the API has no name filter (the emulator
// answers one with a 400, so a look-up that sent it would fail here), so
// the whole list is read and the exact name kept, found on its second page.
func TestRoleDataSource_exactNameOverPages(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	for i := range maxPageSize {
		putRole(t, emu, fmt.Sprintf("dup-%03d", i), "", "TAG_READ")
	}
	want := map[string]emulator.Role{}
	for _, name := range []string{"dup", "DUP", "Dup "} {
		want[name] = putRole(t, emu, name, "exact: "+name, "TAG_READ")
	}

	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": testAccAPIKey, "max_retries": 0}))
	for name, r := range want {
		t.Run(name, func(t *testing.T) {
			emu.ResetCounters()
			state, diags := p.readDataSource("arize_role", tfObject{"name": name})
			expectNoErrors(t, diags)
			for attr, v := range map[string]string{"id": r.ID, "name": name, "description": "exact: " + name} {
				if got := attrOf(t, state, attr); !got.Equal(tftypes.NewValue(tftypes.String, v)) {
					t.Errorf("%s = %s, want %q", attr, got, v)
				}
			}
			// 4 predefined, 100 bulk and 3 exact roles: two pages at the
			// largest page size.
			if n, total := emu.Count("GET", emulator.RouteRoles), emu.Total(); n != 2 || total != 2 {
				t.Errorf("read %d pages of %d requests, want 2 of 2: %v", n, total, emu.Requests())
			}
		})
	}
	t.Run("a substring of every name", func(t *testing.T) {
		_, diags := p.readDataSource("arize_role", tfObject{"name": "du"})
		expectError(t, diags, attrPath("name"), "role not found", `No role named "du" exists in this Arize account.`)
	})
	t.Run("by id", func(t *testing.T) {
		emu.ResetCounters()
		state, diags := p.readDataSource("arize_role", tfObject{"id": want["DUP"].ID})
		expectNoErrors(t, diags)
		if got := attrOf(t, state, "name"); !got.Equal(tftypes.NewValue(tftypes.String, "DUP")) {
			t.Errorf("found %s, want DUP", got)
		}
		if n, total := emu.Count("GET", emulator.RouteRole), emu.Total(); n != 1 || total != 1 {
			t.Errorf("a look-up by id made %d GETs of %d requests, want one: %v", n, total, emu.Requests())
		}
	})
}
