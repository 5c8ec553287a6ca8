package provider

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// onboardingKey is the provider key of the onboarding guide's run: distinct
// from every other test's, so a hit in a log is this run's.
const onboardingKey = "ak-PROVIDER-ONBOARDING-5c9a"

// TestAccExamples_onboarding walks the "Onboard a team" guide through the
// terraform CLI with TF_LOG=TRACE, as a user runs it: the apply makes what
// the guide declares, the plan after it is empty, the destroy undoes it, and
// neither the contractor's temporary password nor the provider key appears
// in anything Terraform printed or logged. The password is in state, where
// every minted secret is.
func TestAccExamples_onboarding(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: onboardingKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()

	w := newCLIWorkdir(t, EnvAPIKey+"="+onboardingKey, "TF_LOG=TRACE")
	logs := filepath.Join(w.dir, "logs")
	if err := os.Mkdir(logs, 0o700); err != nil {
		t.Fatal(err)
	}
	step := 0
	var shown []string
	run := func(args ...string) string {
		step++
		out := w.run([]string{fmt.Sprintf("TF_LOG_PATH=%s/%02d-%s.log", logs, step, args[0])}, args...)
		shown = append(shown, out)
		return out
	}

	guide := readFile(t, filepath.Join("..", "..", "examples", "guides", "onboarding", "main.tf"))
	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), guide))
	before := onboardingCounts(emu)
	run("apply", "-no-color", "-auto-approve")

	// What the guide declares: two engineers, a reviewer and a contractor;
	// one custom role; four organization members, two space members and two
	// bindings.
	want := map[string]int{
		"arize_user": 4, "arize_role": 1, "arize_role_binding": 2,
		"arize_organization_member": 4, "arize_space_member": 2,
	}
	after := onboardingCounts(emu)
	for typ, n := range want {
		if got := after[typ] - before[typ]; got != n {
			t.Errorf("the apply made %d %s, want the guide's %d", got, typ, n)
		}
	}

	password := stateAttribute(t, w.read("terraform.tfstate"), "arize_user", "contractor", "temporary_password")
	if len(password) < 8 {
		t.Fatalf("the contractor's temporary_password in state is %d characters: the search below would prove nothing", len(password))
	}
	if out := run("output", "-no-color"); !strings.Contains(out, "<sensitive>") {
		t.Errorf("terraform output does not show the password as sensitive:\n%s", out)
	}
	if out := run("plan", "-no-color", "-detailed-exitcode"); !strings.Contains(out, "No changes.") {
		t.Errorf("the plan after the apply is not empty:\n%s", out)
	}
	run("destroy", "-no-color", "-auto-approve")
	for typ, n := range onboardingCounts(emu) {
		if n != before[typ] {
			t.Errorf("after destroy the emulator holds %d %s, want the %d it held before", n, typ, before[typ])
		}
	}

	entries, err := os.ReadDir(logs)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		shown = append(shown, w.read(filepath.Join("logs", e.Name())))
	}
	all := strings.Join(shown, "\n")
	// The logs must trace the provider's calls, the user's create among
	// them, or finding nothing in them proves nothing.
	for _, want := range []string{"@module=arize", "Arize API request body", "/v2/users", `temporary_password\":\"***`} {
		if !strings.Contains(all, want) {
			t.Errorf("the TRACE logs lack %q: the test would prove nothing", want)
		}
	}
	for name, secret := range map[string]string{"the temporary password": password, "the provider key": onboardingKey} {
		if n := strings.Count(all, secret); n > 0 {
			t.Errorf("%s appears %d times in CLI output or TF_LOG files", name, n)
		}
	}
}

// onboardingCounts is how many objects of each type the onboarding guide
// makes the emulator holds.
func onboardingCounts(emu *emulator.Server) map[string]int {
	out := map[string]int{}
	for _, typ := range []string{"arize_user", "arize_role", "arize_role_binding", "arize_organization_member", "arize_space_member"} {
		out[typ] = exampleObjectCounts[typ](emu)
	}
	return out
}

// stateAttribute reads one string attribute of the resource typ.name from a
// state file (its only instance, or its first).
func stateAttribute(t *testing.T, state, typ, name, attr string) string {
	t.Helper()
	var s struct {
		Resources []struct {
			Type, Name string
			Instances  []struct {
				Attributes map[string]any `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal([]byte(state), &s); err != nil {
		t.Fatal(err)
	}
	for _, r := range s.Resources {
		if r.Type == typ && r.Name == name && len(r.Instances) > 0 {
			v, _ := r.Instances[0].Attributes[attr].(string)
			return v
		}
	}
	t.Fatalf("state holds no %s.%s", typ, name)
	return ""
}
