package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// TestAccProjectsDataSource_filters lists projects with each of the API's
// filters, as the API applies them: space_id exactly, space_name and name
// as case-insensitive substrings. No match is an empty list.
func TestAccProjectsDataSource_filters(t *testing.T) {
	w := newProjectWorld(t) // spaces "LLM apps" and "Other apps"
	chat := w.put(t, w.spaceA, "Chat bot")
	search := w.put(t, w.spaceA, "Search")
	otherChat := w.put(t, w.spaceB, "chat assistant")
	names := func(addr string, projects ...string) statecheck.StateCheck {
		checks := make([]knownvalue.Check, len(projects))
		for i, id := range projects {
			checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(id)})
		}
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("projects"), knownvalue.ListExact(checks))
	}
	accTest(t, resource.TestStep{
		Config: w.env.config(fmt.Sprintf(`
data "arize_projects" "all" {}

data "arize_projects" "space_a" {
  space_id = %q
}

data "arize_projects" "chat" {
  name = "CHAT"
}

data "arize_projects" "chat_in_other" {
  space_name = "other"
  name       = "chat"
}

data "arize_projects" "none" {
  space_id = %q
  name     = "nothing like it"
}

data "arize_projects" "no_space_named" {
  space_name = "no space is named so"
}
`, w.spaceA, w.spaceA)),
		ConfigStateChecks: []statecheck.StateCheck{
			names("data.arize_projects.all", chat.ID, search.ID, otherChat.ID),
			names("data.arize_projects.space_a", chat.ID, search.ID),
			names("data.arize_projects.chat", chat.ID, otherChat.ID),
			names("data.arize_projects.chat_in_other", otherChat.ID),
			names("data.arize_projects.none"),
			names("data.arize_projects.no_space_named"),
			statecheck.ExpectKnownValue("data.arize_projects.space_a", tfjsonpath.New("projects").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id":         knownvalue.StringExact(chat.ID),
				"space_id":   knownvalue.StringExact(w.spaceA),
				"name":       knownvalue.StringExact("Chat bot"),
				"created_at": knownvalue.StringExact(chat.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z")),
			})),
		},
	})
}

// TestAccProjectsDataSource_unknownSpace: a space_id that names no space
// the key can see is an error on space_id, not an empty list.
func TestAccProjectsDataSource_unknownSpace(t *testing.T) {
	w := newProjectWorld(t)
	w.emu.ForbidSpace(w.spaceB, true)
	var steps []resource.TestStep
	for _, id := range []string{"U3BhY2U6OTk5OTk=", w.spaceB} {
		steps = append(steps, resource.TestStep{
			Config: w.env.config(fmt.Sprintf("data \"arize_projects\" \"test\" {\n  space_id = %q\n}\n", id)),
			ExpectError: wrappedRegexp(`space not found[\s\S]*No space with ID "` + regexp.QuoteMeta(id) +
				`" exists that the provider's API key can see`),
		})
	}
	accTest(t, steps...)
}
