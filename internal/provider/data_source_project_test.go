package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestAccProjectDataSource_byIDAndName(t *testing.T) {
	w := newProjectWorld(t)
	// Neighbours whose names contain the one looked up, differ only in
	// case, or are the same in another space: the name lookup must take
	// none of them.
	w.put(t, w.spaceA, "tf-acc-lookup-shadow")
	w.put(t, w.spaceA, "TF-ACC-LOOKUP")
	w.put(t, w.spaceB, "tf-acc-lookup")
	config := w.env.config(fmt.Sprintf(`
resource "arize_project" "test" {
  space_id            = %q
  name                = "tf-acc-lookup"
  deletion_protection = false
}

data "arize_project" "by_id" {
  id = arize_project.test.id
}

data "arize_project" "by_id_in_space" {
  id       = arize_project.test.id
  space_id = arize_project.test.space_id
}

data "arize_project" "by_name" {
  space_id = arize_project.test.space_id
  name     = arize_project.test.name
}
`, w.spaceA))
	var checks []statecheck.StateCheck
	for _, a := range []string{"id", "space_id", "name", "created_at"} {
		p := tfjsonpath.New(a)
		for _, ds := range []string{"by_id", "by_id_in_space", "by_name"} {
			checks = append(checks, statecheck.CompareValuePairs(projectAddr, p, "data.arize_project."+ds, p, compare.ValuesSame()))
		}
	}
	accTest(t, resource.TestStep{Config: config, ConfigStateChecks: checks})
}

func TestAccProjectDataSource_errors(t *testing.T) {
	cases := []struct {
		name   string
		body   func(w *projectWorld) string
		expect string
		// calls says whether finding the mistake takes the API; the others
		// are configuration errors, found with no request.
		calls bool
	}{
		{"unknown id", func(*projectWorld) string { return `id = "UHJvamVjdDo5OTk6enp6eg=="` },
			`project not found[\s\S]*No project with ID "UHJvamVjdDo5OTk6enp6eg==" exists`, true},
		{"unknown name (a substring of another)", func(w *projectWorld) string {
			return fmt.Sprintf("space_id = %q\n  name = \"tf-acc-exists\"", w.spaceA)
		}, `project not found[\s\S]*No project named "tf-acc-exists" exists in this space`, true},
		{"name in another case", func(w *projectWorld) string {
			return fmt.Sprintf("space_id = %q\n  name = \"TF-ACC-EXISTS-LONGER\"", w.spaceA)
		}, `No project named "TF-ACC-EXISTS-LONGER"`, true},
		{"name of another space's project", func(w *projectWorld) string {
			return fmt.Sprintf("space_id = %q\n  name = \"tf-acc-exists-longer\"", w.spaceB)
		}, `No project named "tf-acc-exists-longer" exists in this space`, true},
		{"name in a space that does not exist", func(*projectWorld) string {
			return "space_id = \"U3BhY2U6OTk5OTk=\"\n  name = \"tf-acc-exists-longer\""
		}, `space not found[\s\S]*No space with ID "U3BhY2U6OTk5OTk=" exists that the provider's API key can see`, true},
		{"id in another space", func(w *projectWorld) string {
			return fmt.Sprintf("id = %q\n  space_id = %q", w.emu.Projects()[0].ID, w.spaceB)
		}, `Project not in this space[\s\S]*belongs to the space with ID`, true},
		{"id of a project the key may not see", func(w *projectWorld) string {
			w.emu.ForbidSpace(w.spaceA, true)
			return fmt.Sprintf("id = %q", w.emu.Projects()[0].ID)
		}, `Could not read the Arize project[\s\S]*403 Forbidden[\s\S]*may be restricted`, true},
		{"both id and name", func(*projectWorld) string { return "id = \"x\"\n  name = \"y\"\n  space_id = \"z\"" },
			`Invalid Attribute Combination`, false},
		{"neither id nor name", func(*projectWorld) string { return `space_id = "z"` },
			`Missing Attribute Configuration[\s\S]*Exactly one of these attributes must be configured: \[id,name\]`, false},
		{"name without a space", func(*projectWorld) string { return `name = "y"` },
			`Attribute "space_id" must be specified when "name" is specified`, false},
		{"empty name", func(*projectWorld) string { return "name = \"\"\n  space_id = \"z\"" },
			`Attribute name UTF-8 character count must be between 1 and 255, got: 0`, false},
		{"name longer than any", func(*projectWorld) string { return "name = \"" + strings.Repeat("n", 256) + "\"\n  space_id = \"z\"" },
			`Attribute name UTF-8 character count must be between 1 and 255, got: 256`, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := newProjectWorld(t)
			w.put(t, w.spaceA, "tf-acc-exists-longer")
			body := tc.body(w)
			accTest(t, resource.TestStep{
				Config:      w.env.config("data \"arize_project\" \"test\" {\n  " + body + "\n}\n"),
				ExpectError: wrappedRegexp(tc.expect),
			})
			if n := w.emu.Total(); (n != 0) != tc.calls {
				t.Errorf("made %d API calls, want them only for a mistake that needs the API: %v", n, w.emu.Requests())
			}
		})
	}
}

// TestProjectDataSource_exactNameOverPages looks projects up by name in
// the test process, against the emulator, whose name filter matches
// substrings and ignores case as the API's does: the exact name is found on
// the second page of candidates, and only it; a lookup by id is one GET.
func TestProjectDataSource_exactNameOverPages(t *testing.T) {
	p, emu := newCountedProtoProvider(t)
	org := spaceTestOrg(t, emu, "org")
	sp := spaceTestSpace(t, emu, org.ID, "space")
	for i := range maxPageSize + 20 {
		if _, err := emu.PutProject(sp.ID, fmt.Sprintf("bot-%03d", i)); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]emulator.Project{}
	for _, name := range []string{"bot", "BOT"} {
		pr, err := emu.PutProject(sp.ID, name)
		if err != nil {
			t.Fatal(err)
		}
		want[name] = pr
	}
	for name, pr := range want {
		t.Run(name, func(t *testing.T) {
			emu.ResetCounters()
			state, diags := p.readDataSource("arize_project", tfObject{"space_id": sp.ID, "name": name})
			expectNoErrors(t, diags)
			if got := attrOf(t, state, "id"); !got.Equal(tftypes.NewValue(tftypes.String, pr.ID)) {
				t.Errorf("found %s, want %s", got, pr.ID)
			}
			if n, total := emu.Count("GET", emulator.RouteProjects), emu.Total(); n != 2 || total != 2 {
				t.Errorf("read %d pages of %d requests, want the 2 the candidates fill: %v", n, total, emu.Requests())
			}
		})
	}
	t.Run("by id", func(t *testing.T) {
		emu.ResetCounters()
		state, diags := p.readDataSource("arize_project", tfObject{"id": want["BOT"].ID})
		expectNoErrors(t, diags)
		if got := attrOf(t, state, "name"); !got.Equal(tftypes.NewValue(tftypes.String, "BOT")) {
			t.Errorf("found %s, want BOT", got)
		}
		if got := attrOf(t, state, "space_id"); !got.Equal(tftypes.NewValue(tftypes.String, sp.ID)) {
			t.Errorf("space_id %s, want %s", got, sp.ID)
		}
		if n, total := emu.Count("GET", emulator.RouteProject), emu.Total(); n != 1 || total != 1 {
			t.Errorf("a look-up by id made %d GETs of %d requests, want one: %v", n, total, emu.Requests())
		}
	})
}
