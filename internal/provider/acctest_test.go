package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// This package's tests use three harnesses, fastest first:
//
//   - protocol_test.go: the provider as Terraform talks to it, in the test
//     process, with no CLI: validation, plans, Configure, data source reads.
//     Plain `go test` runs these unit tests.
//   - this file: terraform-plugin-testing's acceptance tests (TF_ACC=1),
//     through the CLI that TF_ACC_TERRAFORM_PATH names, against an emulator
//     (newAccEnv) or the real API; accTest adds the empty-plan check to every
//     step, and emulator_check_test.go checks what reached the server.
//   - cli_test.go: a CLI run by hand in a work folder, on the provider built
//     as a binary (dev_overrides), for what the first two cannot see.

// TestMain removes what the tests of a run share once they are done.
func TestMain(m *testing.M) {
	code := m.Run()
	if providerBinDir != "" {
		_ = os.RemoveAll(providerBinDir)
	}
	os.Exit(code)
}

// testAccProviderFactories runs the provider in the test process.
var testAccProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"arize": providerserver.NewProtocol6WithError(New("test")()),
}

// testAccAPIKey is the emulator's bearer key in tests.
const testAccAPIKey = "ak-test-provider-key-5f2c9e"

// Known spaces the emulator lists by name.
var testAccSpaces = map[string]string{
	"U3BhY2U6MTIzNDU=": "Production models",
	"U3BhY2U6Njc4OTA=": "Staging",
}

// accEnv is where one acceptance test's provider points: the emulator on a
// loopback httptest server, or the real Arize API when ARIZE_API_KEY and
// ARIZE_ENDPOINT are both set.
type accEnv struct {
	emu      *emulator.Server // nil against the real API
	endpoint string
	apiKey   string
}

func newAccEnv(t *testing.T, opts ...func(*emulator.Options)) *accEnv {
	t.Helper()
	if key, endpoint := os.Getenv(EnvAPIKey), os.Getenv(EnvEndpoint); key != "" && endpoint != "" {
		return &accEnv{endpoint: endpoint, apiKey: key}
	}
	o := emulator.Options{APIKey: testAccAPIKey, Spaces: testAccSpaces}
	for _, opt := range opts {
		opt(&o)
	}
	emu := newTestEmulator(t, o)
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return &accEnv{emu: emu, endpoint: srv.URL, apiKey: testAccAPIKey}
}

// EnvEmulatorDialect picks the enum spelling the tests' emulator speaks,
// "today" (the default) or "published": make testacc runs the suite once
// with each. A test that sets Options.Dialect itself keeps its own.
const EnvEmulatorDialect = "ARIZE_EMULATOR_DIALECT"

// newTestEmulator is emulator.New in the dialect the run asks for.
func newTestEmulator(t *testing.T, o emulator.Options) *emulator.Server {
	t.Helper()
	if env := os.Getenv(EnvEmulatorDialect); o.Dialect == "" && env != "" {
		d, err := emulator.ParseDialect(env)
		if err != nil {
			t.Fatalf("%s: %v", EnvEmulatorDialect, err)
		}
		o.Dialect = d
	}
	if o.Users == nil {
		o.Users = testAccUsers
	}
	return emulator.New(o)
}

// testAccUsers are the users every test's emulator holds unless a test
// seeds its own: those cmd/arize-emulator seeds, with the same fixed IDs, so
// that the user IDs the examples default to name a user in both.
var testAccUsers = []emulator.User{
	{ID: testUserAlice, Email: "alice@example.com", Name: "Alice", Role: "ADMIN"},
	{ID: testUserBob, Email: "bob@example.com", Name: "Bob", Role: "MEMBER"},
	{ID: testUserCarol, Email: "carol@example.com", Name: "Carol", Role: "MEMBER"},
	{ID: testUserDana, Email: "dana@example.com", Name: "Dana", Role: "ANNOTATOR"},
}

// The seeded users' IDs. Dana's account role is ANNOTATOR.
const (
	testUserAlice = "VXNlcjoxOmFBYUE=" // User:1:aAaA
	testUserBob   = "VXNlcjoyOmJCYkI=" // User:2:bBbB
	testUserCarol = "VXNlcjozOmNDY0M=" // User:3:cCcC
	testUserDana  = "VXNlcjo0OmREZEQ=" // User:4:dDdD
)

// emulator returns the emulator, skipping a test whose assertions can only
// be made on it when the suite runs against the real API.
func (e *accEnv) emulator(t *testing.T) *emulator.Server {
	t.Helper()
	if e.emu == nil {
		t.Skip("inspects the emulator; skipped against the real Arize API")
	}
	return e.emu
}

// spelt is an enum value, given in today's spelling, as the server spells
// it: the published page's spelling for an emulator that speaks it, today's
// otherwise.
func (e *accEnv) spelt(today string) string {
	if e.emu != nil && e.emu.Dialect() == emulator.DialectPublished {
		return serverSpelt(emulator.DialectPublished, today)
	}
	return today
}

// config prefixes resources with a provider block pointing at the env.
func (e *accEnv) config(resources string) string {
	return e.configWith("", resources)
}

// configWith is config with more provider settings.
func (e *accEnv) configWith(settings, resources string) string {
	return fmt.Sprintf("provider \"arize\" {\n  endpoint = %q\n  api_key  = %q\n  %s\n}\n\n%s", e.endpoint, e.apiKey, settings, resources)
}

// testAccPreCheck is every acceptance test's PreCheck.
func testAccPreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv(EnvAPIKey) != "" && os.Getenv(EnvEndpoint) == "" {
		t.Fatalf("%s is set without %s: set both to run against the real Arize API, or neither for the emulator", EnvAPIKey, EnvEndpoint)
	}
}

// accTest runs steps with the shared PreCheck and factories on Terraform 1.11
// or later: api_key is a write-only attribute, which 1.11 introduced.
func accTest(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	accTestFrom(t, tfversion.Version1_11_0, steps...)
}

// accTestFrom is accTest for a feature that needs a newer CLI: older ones
// skip the test, saying which version it needs. Every step that applies is
// followed by a check that the next plan, after a refresh, is empty: a diff
// there is a read that does not round-trip.
func accTestFrom(t *testing.T, minimum *version.Version, steps ...resource.TestStep) {
	t.Helper()
	for i := range steps {
		s := &steps[i]
		if s.Config != "" && !s.PlanOnly && !s.ImportState && !s.Query {
			s.ConfigPlanChecks.PostApplyPostRefresh = append(s.ConfigPlanChecks.PostApplyPostRefresh, plancheck.ExpectEmptyPlan())
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(minimum)},
		Steps:                    steps,
	})
}

// expectAction checks the planned action for arize_ai_integration.test
// before apply.
func expectAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAddr, action)},
	}
}

// hcl renders a Go string as an HCL string literal.
func hcl(s string) string {
	return fmt.Sprintf("%q", s)
}

// hclList renders strings as an HCL list.
func hclList(items ...string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = hcl(s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// patchOutside changes an integration the way someone outside Terraform
// would: a PATCH straight to the API.
func (e *accEnv) patchOutside(t *testing.T, id, body string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPatch, e.endpoint+"/v2/ai-integrations/"+url.PathEscape(id), strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+e.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("PATCH outside Terraform: %s", resp.Status)
	}
}

// wrappedRegexp compiles expect with each space matching any run of white
// space, since Terraform wraps diagnostics to the terminal's width.
func wrappedRegexp(expect string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(expect, " ", `\s+`))
}
