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

// TestAccAPIKey_secretsNeverLeak runs a user key and a service key through
// the terraform CLI with TF_LOG=TRACE: create, a no-op plan, a rotation, a
// key revoked outside Terraform and made again, a create whose answer is
// lost (recovered by a rotation, with a warning in the log), an import and
// destroy. Every secret Arize minted is read from state as it goes; none may
// appear in anything Terraform printed or logged, diagnostics included,
// but in state and show -json, where Terraform keeps sensitive values.
func TestAccAPIKey_secretsNeverLeak(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: leakProviderKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	org, err := emu.PutOrganization("Platform", "")
	if err != nil {
		t.Fatal(err)
	}
	space, err := emu.PutSpace(org.ID, "pipelines", "", false)
	if err != nil {
		t.Fatal(err)
	}

	w := newCLIWorkdir(t, EnvAPIKey+"="+leakProviderKey, "TF_LOG=TRACE")
	logs := filepath.Join(w.dir, "logs")
	if err := os.Mkdir(logs, 0o700); err != nil {
		t.Fatal(err)
	}
	step := 0
	run := func(args ...string) string {
		step++
		return w.run([]string{fmt.Sprintf("TF_LOG_PATH=%s/%02d-%s.log", logs, step, args[0])}, args...)
	}
	config := func(serviceName, rotation string) string {
		return cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), fmt.Sprintf(`
resource "arize_user_api_key" "laptop" {
  name     = "laptop"
  rotation = %[1]q
}

resource "arize_service_api_key" "pipeline" {
  name     = %[2]q
  rotation = %[1]q
  organizations = [{
    organization_id = %[3]q
    spaces          = [{ space_id = %[4]q, role = "MEMBER" }]
  }]
}
`, rotation, serviceName, org.ID, space.ID))
	}

	// Every secret state has held, read from it after each apply.
	minted := map[string]bool{}
	collect := func() {
		t.Helper()
		var state struct {
			Resources []struct {
				Type      string `json:"type"`
				Instances []struct {
					Attributes map[string]any `json:"attributes"`
				} `json:"instances"`
			} `json:"resources"`
		}
		if err := json.Unmarshal([]byte(w.read("terraform.tfstate")), &state); err != nil {
			t.Fatal(err)
		}
		for _, r := range state.Resources {
			for _, in := range r.Instances {
				if key, _ := in.Attributes["key"].(string); key != "" {
					minted[key] = true
				}
			}
		}
	}
	var shown, stored []string

	w.write("main.tf", config("pipeline", "1"))
	shown = append(shown, run("plan", "-no-color", "-out=create.tfplan"), run("apply", "-no-color", "create.tfplan"))
	collect()
	stored = append(stored, run("show", "-json"), w.read("terraform.tfstate"))
	noChanges := run("plan", "-no-color", "-detailed-exitcode")
	if !strings.Contains(noChanges, "No changes.") {
		t.Errorf("second plan is not empty:\n%s", noChanges)
	}
	shown = append(shown, noChanges, run("show", "-no-color"))

	// A rotation: the plan shows the secret as sensitive, known after apply.
	w.write("main.tf", config("pipeline", "2"))
	rotation := run("plan", "-no-color", "-out=rotate.tfplan")
	if !strings.Contains(rotation, "update in-place") || !strings.Contains(rotation, "(sensitive value)") {
		t.Errorf("the rotation is not planned as an update with a sensitive key:\n%s", rotation)
	}
	shown = append(shown, rotation, run("apply", "-no-color", "rotate.tfplan"))
	collect()
	stored = append(stored, run("show", "-json", "rotate.tfplan"), run("show", "-json"))

	// A key revoked outside Terraform is made again, by a create whose
	// answer is lost: the key is found and rotated, and the log warns.
	for _, k := range emu.APIKeys() {
		if k.KeyType == "USER" {
			emu.RevokeAPIKey(k.ID)
		}
	}
	emu.DropNext(1, true)
	shown = append(shown, run("apply", "-no-color", "-auto-approve"))
	collect()
	// A replacement: a new key, the old one revoked.
	w.write("main.tf", config("pipeline v2", "2"))
	shown = append(shown, run("apply", "-no-color", "-auto-approve"))
	collect()
	stored = append(stored, w.read("terraform.tfstate"))

	// Import: no secret to read.
	var userKeyID string
	for _, k := range emu.APIKeys() {
		if k.KeyType == "USER" && k.Status == "ACTIVE" {
			userKeyID = k.ID
		}
	}
	shown = append(shown, run("state", "rm", "arize_user_api_key.laptop"), run("import", "-no-color", "arize_user_api_key.laptop", userKeyID))
	stored = append(stored, w.read("terraform.tfstate"))

	shown = append(shown, run("destroy", "-no-color", "-auto-approve"))
	for _, k := range emu.APIKeys() {
		if k.Status != "REVOKED" {
			t.Errorf("destroy left key %s %s", k.ID, k.Status)
		}
	}

	if n := len(minted); n != 6 {
		t.Fatalf("state held %d secrets, want 6: the 2 made, the 2 rotated, the user key made again and the service "+
			"key replaced", n)
	}
	entries, err := os.ReadDir(logs)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(logs, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		shown = append(shown, string(b))
	}
	allShown := strings.Join(shown, "\n")
	// The logs must really trace the answers that carried the secrets, and
	// the recovery, or finding no secret in them proves nothing.
	for _, want := range []string{"Arize API response body", `\"key\":\"***\"`, "API key create recovered", "@module=arize"} {
		if !strings.Contains(allShown, want) {
			t.Errorf("the TRACE logs lack %q: the test would prove nothing", want)
		}
	}
	for secret := range minted {
		if n := strings.Count(allShown, secret); n > 0 {
			t.Errorf("a minted key (%.8s…) appears %d times in CLI output or TF_LOG files", secret, n)
		}
	}
	if n := strings.Count(allShown+strings.Join(stored, "\n"), leakProviderKey); n > 0 {
		t.Errorf("the provider's key appears %d times", n)
	}
	allStored := strings.Join(stored, "\n")
	found := 0
	for secret := range minted {
		if strings.Contains(allStored, secret) {
			found++
		}
	}
	if found == 0 {
		t.Error("no minted key is in state or show -json: the search of the output proves nothing")
	}
}
