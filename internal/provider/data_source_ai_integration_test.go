package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

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

// TestAIIntegrationDataSource_exactName looks integrations up by name in the
// test process, against a server whose name filter matches substrings and
// ignores case, as the API's does, and that serves two candidates a page:
// only the exact name is taken, from whichever page it is on.
func TestAIIntegrationDataSource_exactName(t *testing.T) {
	names := []string{"twin", "Twin", "twins", "the twin", "TWIN", "solo", "dup", "dup"}
	var mu sync.Mutex
	var lists []url.Values // the query of each list request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != "/v2/ai-integrations" {
			http.NotFound(w, r)
			return
		}
		q := r.URL.Query()
		mu.Lock()
		lists = append(lists, q)
		mu.Unlock()
		var matching []string
		for i, name := range names {
			if strings.Contains(strings.ToLower(name), strings.ToLower(q.Get("name"))) {
				matching = append(matching, fmt.Sprintf(`{"id":"SUQ%d","name":%q,"provider":"OPEN_AI","has_api_key":false,`+
					`"enable_default_models":true,"function_calling_enabled":true,"auth_type":"DEFAULT","scopings":[{}],`+
					`"created_at":"2026-02-13T21:27:19.055Z","updated_at":"2026-02-13T21:27:19.055Z","created_by_user_id":"VXNlcjox"}`, i, name))
			}
		}
		from, _ := strconv.Atoi(q.Get("cursor"))
		to := min(from+2, len(matching))
		w.Header().Set("Content-Type", "application/json")
		_, _ = fmt.Fprintf(w, `{"ai_integrations":[%s],"pagination":{"has_more":%t,"next_cursor":"%d"}}`,
			strings.Join(matching[from:to], ","), to < len(matching), to)
	}))
	defer srv.Close()

	p := newProtoProvider(t)
	expectNoErrors(t, p.configure(tfObject{"endpoint": srv.URL, "api_key": "k", "max_retries": 0}))
	for _, c := range []struct {
		name, wantID    string
		summary, detail string
	}{
		{name: "twin", wantID: "SUQ0"},
		{name: "Twin", wantID: "SUQ1"},
		{name: "TWIN", wantID: "SUQ4"}, // on the third page of five candidates
		{name: "the twin", wantID: "SUQ3"},
		{name: "solo", wantID: "SUQ5"},
		{name: "tw", summary: "AI integration not found", detail: `No AI integration named "tw" exists in this Arize account.`},
		{name: "twin ", summary: "AI integration not found", detail: `No AI integration named "twin "`},
		{name: "dup", summary: "Several AI integrations match", detail: `2 AI integrations are named "dup" (IDs SUQ6, SUQ7); look one up by id instead.`},
	} {
		t.Run(c.name, func(t *testing.T) {
			mu.Lock()
			lists = nil
			mu.Unlock()
			state, diags := p.readDataSource("arize_ai_integration", tfObject{"name": c.name})
			if c.summary != "" {
				expectError(t, diags, attrPath("name"), c.summary, c.detail)
				return
			}
			expectNoErrors(t, diags)
			if got := attrOf(t, state, "id"); !got.Equal(tftypes.NewValue(tftypes.String, c.wantID)) {
				t.Errorf("found %s, want %s", got, c.wantID)
			}
			if got := attrOf(t, state, "name"); !got.Equal(tftypes.NewValue(tftypes.String, c.name)) {
				t.Errorf("found the integration named %s", got)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(lists) == 0 {
				t.Error("no list request reached the server")
			}
			for _, q := range lists {
				if q.Get("name") != c.name || q.Get("limit") != strconv.Itoa(maxPageSize) {
					t.Errorf("listed with %v, want the name filter %q and the largest page", q, c.name)
				}
			}
		})
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
