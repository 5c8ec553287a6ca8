package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// TestAccProjectList_query finds projects with terraform query, through
// more than one page, with each filter, as import would read them.
func TestAccProjectList_query(t *testing.T) {
	w := newProjectWorld(t) // spaces "LLM apps" and "Other apps"
	chat := w.put(t, w.spaceA, "Chat bot")
	w.put(t, w.spaceA, "Search")
	otherChat := w.put(t, w.spaceB, "chat assistant")
	// Enough more for a second page of the largest page size.
	const bulk = maxPageSize
	for i := range bulk {
		w.put(t, w.spaceB, fmt.Sprintf("bulk-%03d", i))
	}
	// Query checks name list blocks without their "list." prefix.
	const all = "arize_project.all"
	// List resources need Terraform 1.14.
	accTestFrom(t, tfversion.Version1_14_0,
		resource.TestStep{Config: w.env.config("")},
		resource.TestStep{
			Query: true,
			Config: fmt.Sprintf(`
list "arize_project" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000 # Terraform's default is 100
}

list "arize_project" "chat" {
  provider = arize
  config {
    name = "CHAT"
  }
}

list "arize_project" "space_a" {
  provider = arize
  config {
    space_id = %q
  }
}

list "arize_project" "chat_in_other" {
  provider = arize
  config {
    space_name = "other"
    name       = "chat"
  }
}

list "arize_project" "first" {
  provider = arize
  limit    = 1
}
`, w.spaceA),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(all, 3+bulk),
				querycheck.ExpectLength("arize_project.chat", 2),
				querycheck.ExpectLength("arize_project.space_a", 2),
				querycheck.ExpectLength("arize_project.chat_in_other", 1),
				querycheck.ExpectIdentity("arize_project.chat_in_other", map[string]knownvalue.Check{"id": knownvalue.StringExact(otherChat.ID)}),
				querycheck.ExpectLength("arize_project.first", 1),
				querycheck.ExpectIdentity("arize_project.first", map[string]knownvalue.Check{"id": knownvalue.StringExact(chat.ID)}),
				querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(otherChat.ID),
				}), knownvalue.StringExact("chat assistant")),
				querycheck.ExpectResourceKnownValues(all, queryfilter.ByDisplayName(knownvalue.StringExact("Chat bot")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(chat.ID)},
					{Path: tfjsonpath.New("space_id"), KnownValue: knownvalue.StringExact(w.spaceA)},
					{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Chat bot")},
					{Path: tfjsonpath.New("created_at"), KnownValue: knownvalue.StringExact(chat.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"))},
					// What an import gives: the generated configuration keeps it protected.
					{Path: tfjsonpath.New("deletion_protection"), KnownValue: knownvalue.Bool(true)},
				}),
			},
		},
	)
}
