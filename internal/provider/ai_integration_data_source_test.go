package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestAccAIIntegrationDataSource_byIDAndName(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	// A neighbour whose name contains the one looked up: the name lookup
	// must not take a substring match.
	if _, err := emu.Put(emulator.Integration{Name: "tf-acc-lookup-shadow", Provider: "openAI"}); err != nil {
		t.Fatal(err)
	}
	config := env.config(fmt.Sprintf(`
resource "arize_ai_integration" "test" {
  name        = "tf-acc-lookup"
  ai_provider = "vertexAI"
  api_key     = "sk-lookup"
  model_names = ["gemini-1.5-pro"]
  headers     = { "X-Team" = "ml" }
  provider_metadata = {
    gcp = { project_id = "p", location = "us-central1", project_access_label = "prod" }
  }
  scopings = [{ organization_id = %q, space_id = %q }]
}

data "arize_ai_integration" "by_id" {
  id = arize_ai_integration.test.id
}

data "arize_ai_integration" "by_name" {
  name = arize_ai_integration.test.name
}
`, testOrgID, testSpaceID))
	same := func(attr string) []statecheck.StateCheck {
		p := tfjsonpath.New(attr)
		var comparer compare.ValueComparer = compare.ValuesSame()
		if attr == "ai_provider" || attr == "auth_type" {
			// The resource keeps the config's spelling; a data source
			// shows the server's.
			comparer = sameEnumValue{}
		}
		return []statecheck.StateCheck{
			statecheck.CompareValuePairs(testAddr, p, "data.arize_ai_integration.by_id", p, comparer),
			statecheck.CompareValuePairs(testAddr, p, "data.arize_ai_integration.by_name", p, comparer),
		}
	}
	var checks []statecheck.StateCheck
	for _, a := range []string{"id", "name", "ai_provider", "has_api_key", "base_url", "model_names", "headers", "enable_default_models",
		"function_calling_enabled", "auth_type", "provider_metadata", "scopings", "created_at", "updated_at", "created_by_user_id"} {
		checks = append(checks, same(a)...)
	}
	checks = append(checks, statecheck.ExpectKnownValue("data.arize_ai_integration.by_name", tfjsonpath.New("has_api_key"), knownvalue.Bool(true)))
	accTest(t, resource.TestStep{Config: config, ConfigStateChecks: checks})
}

func TestAccAIIntegrationDataSource_errors(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	if _, err := emu.Put(emulator.Integration{Name: "tf-acc-exists-longer", Provider: "openAI"}); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, body, expect string }{
		{"unknown id", `id = "TGxtSW50ZWdyYXRpb246OTk5Onp6eno="`, `AI integration not found[\s\S]*No AI integration with ID`},
		{"unknown name (a substring of another)", `name = "tf-acc-exists"`, `AI integration not found[\s\S]*No AI integration named "tf-acc-exists"`},
		{"both id and name", `id = "x"
  name = "y"`, `Invalid Attribute Combination`},
		{"neither id nor name", ``, `Missing Attribute Configuration[\s\S]*Exactly one of these attributes must be configured: \[id,name\]`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			accTest(t, resource.TestStep{
				Config:      env.config("data \"arize_ai_integration\" \"test\" {\n  " + tc.body + "\n}\n"),
				ExpectError: wrappedRegexp(tc.expect),
			})
		})
	}
}

// TestAccAIIntegrationDataSource_ambiguousName runs against a server that
// breaks the contract's unique names, to show the lookup refuses to guess.
func TestAccAIIntegrationDataSource_ambiguousName(t *testing.T) {
	const twin = `{"id":%q,"name":"twin","provider":"openAI","has_api_key":false,"enable_default_models":false,` +
		`"function_calling_enabled":true,"auth_type":"default","scopings":[{}],"created_at":"2026-02-13T21:27:19.055Z",` +
		`"updated_at":"2026-02-13T21:27:19.055Z","created_by_user_id":"VXNlcjoxOm5OYkM="}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = fmt.Fprintf(w, `{"ai_integrations":[`+twin+`,`+twin+`],"pagination":{"has_more":false}}`, "SUQx", "SUQy")
	}))
	defer srv.Close()
	env := &accEnv{endpoint: srv.URL, apiKey: "k"}
	accTest(t, resource.TestStep{
		Config:      env.config("data \"arize_ai_integration\" \"test\" {\n  name = \"twin\"\n}\n"),
		ExpectError: wrappedRegexp(`Several AI integrations match[\s\S]*2 AI integrations are named "twin" \(IDs SUQx, SUQy\)`),
	})
}

func TestAccAIIntegrationsDataSource_pagesAndFilters(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	// More than two pages of the largest page size.
	const total = 2*maxPageSize + 37
	for i := range total {
		in := emulator.Integration{Name: fmt.Sprintf("bulk-%03d", i), Provider: "openAI", FunctionCallingEnabled: true}
		switch i % 10 {
		case 0:
			in.Name = fmt.Sprintf("Special-OpenAI-%03d", i)
			in.Scopings = []emulator.Scoping{{OrganizationID: testOrgID, SpaceID: testSpaceID}}
		case 1:
			in.Scopings = []emulator.Scoping{{OrganizationID: testOrgID, SpaceID: "U3BhY2U6Njc4OTA="}}
		}
		if _, err := emu.Put(in); err != nil {
			t.Fatal(err)
		}
	}
	const (
		all       = "data.arize_ai_integrations.all"
		byName    = "data.arize_ai_integrations.by_name"
		bySpace   = "data.arize_ai_integrations.by_space"
		bySpaceNm = "data.arize_ai_integrations.by_space_name"
		none      = "data.arize_ai_integrations.none"
	)
	count := func(addr string, n int) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("ai_integrations"), knownvalue.ListSizeExact(n))
	}
	accTest(t, resource.TestStep{
		Config: env.config(fmt.Sprintf(`
data "arize_ai_integrations" "all" {}

data "arize_ai_integrations" "by_name" {
  name = "special-openai"
}

data "arize_ai_integrations" "by_space" {
  space_id = %q
}

data "arize_ai_integrations" "by_space_name" {
  space_name = "STAGING"
}

data "arize_ai_integrations" "none" {
  name = "no-such-integration"
}
`, testSpaceID)),
		ConfigStateChecks: []statecheck.StateCheck{
			count(all, total),
			count(byName, 24),
			count(bySpace, 24),
			count(bySpaceNm, 24),
			count(none, 0),
			statecheck.ExpectKnownValue(all, tfjsonpath.New("ai_integrations").AtSliceIndex(total-1).AtMapKey("name"), knownvalue.StringExact(fmt.Sprintf("bulk-%03d", total-1))),
			statecheck.ExpectKnownValue(byName, tfjsonpath.New("ai_integrations").AtSliceIndex(0).AtMapKey("scopings"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectExact(map[string]knownvalue.Check{"organization_id": knownvalue.StringExact(testOrgID), "space_id": knownvalue.StringExact(testSpaceID)}),
			})),
		},
	})
	// Each data source is read once per plan/apply; "all" needs three pages
	// and every filtered one a single page, each time it is read.
	reads := emu.Count("GET", "/v2/ai-integrations")
	if reads%7 != 0 || reads == 0 {
		t.Errorf("served %d list requests: not a whole number of reads of 3+1+1+1+1 pages", reads)
	}
}

// sameEnumValue compares enum values as values: OPEN_AI and openAI are the
// same.
type sameEnumValue struct{}

func (sameEnumValue) CompareValues(values ...any) error {
	for i := 1; i < len(values); i++ {
		a, aok := values[0].(string)
		b, bok := values[i].(string)
		if !aok || !bok || !arize.SameEnumValue(a, b) {
			return fmt.Errorf("%v and %v are not the same enum value", values[0], values[i])
		}
	}
	return nil
}
