package provider

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// Secrets the leak test configures; each is distinctive enough that a hit
// cannot be a coincidence.
const (
	leakProviderKey = "ak-PROVIDER-LEAKCHECK-7d1e"
	leakKeyOne      = "sk-LLM-LEAKCHECK-ONE-93b0"
	leakKeyTwo      = "sk-LLM-LEAKCHECK-TWO-44fa"
	leakHeaderValue = "hdr-VALUE-LEAKCHECK-c2d8"
)

// leakConfig takes the integration's key from an ephemeral variable, as the
// docs advise: a literal in configuration is the user's own source, which
// Terraform copies into saved plans.
func leakConfig(endpoint, version string, models ...string) string {
	return cliConfig(fmt.Sprintf("endpoint = %q", endpoint), fmt.Sprintf(`
variable "llm_api_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "arize_ai_integration" "leak" {
  name            = "tf-acc-leak"
  ai_provider     = "custom"
  base_url        = "https://proxy.example.com/v1"
  auth_type       = "proxy_with_headers"
  api_key         = var.llm_api_key
  api_key_version = %q
  headers         = { "X-Proxy-Auth" = %q }
  model_names     = %s
}
`, version, leakHeaderValue, modelList(models)))
}

func modelList(models []string) string {
	if len(models) == 0 {
		return "null"
	}
	return hclList(models...)
}

// TestAccAIIntegration_secretsNeverLeak runs create, a no-op plan, an update,
// key rotation, import, failing applies, a provider crash and destroy
// through the terraform CLI with TF_LOG=TRACE, then searches everything
// Terraform wrote or printed, diagnostics included. The api keys (the
// provider's and the integration's) must appear nowhere; header values only
// where Terraform keeps sensitive values (state and show -json).
func TestAccAIIntegration_secretsNeverLeak(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: leakProviderKey})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	defer srv.CloseClientConnections() // the crash leaves one hanging

	w := newCLIWorkdir(t, EnvAPIKey+"="+leakProviderKey, "TF_LOG=TRACE")
	logs := filepath.Join(w.dir, "logs")
	if err := os.Mkdir(logs, 0o700); err != nil {
		t.Fatal(err)
	}
	step := 0
	llmKey := leakKeyOne
	run := func(args ...string) string {
		step++
		return w.run([]string{fmt.Sprintf("TF_LOG_PATH=%s/%02d-%s.log", logs, step, args[0]), "TF_VAR_llm_api_key=" + llmKey}, args...)
	}

	// Shown to the user, and searched for everything.
	var shown []string
	// Kept by Terraform as sensitive values: header values may be here.
	var stored []string

	w.write("main.tf", leakConfig(srv.URL, "1"))
	shown = append(shown, run("plan", "-no-color", "-out=create.tfplan"))
	shown = append(shown, run("apply", "-no-color", "create.tfplan"))
	if rec := emu.List(); len(rec) != 1 || rec[0].APIKey != leakKeyOne || rec[0].Headers["X-Proxy-Auth"] != leakHeaderValue {
		t.Fatalf("the integration did not reach the emulator with its key and headers")
	}
	noChanges := run("plan", "-no-color", "-detailed-exitcode")
	if !strings.Contains(noChanges, "No changes.") {
		t.Errorf("second plan is not empty:\n%s", noChanges)
	}
	shown = append(shown, noChanges)
	stored = append(stored, run("show", "-json"), run("show", "-json", "create.tfplan"), w.read("terraform.tfstate"))

	// An update of another attribute.
	w.write("main.tf", leakConfig(srv.URL, "1", "llama-3"))
	shown = append(shown, run("apply", "-no-color", "-auto-approve"))
	if rec := emu.List(); len(rec) != 1 || len(rec[0].ModelNames) != 1 || rec[0].APIKey != leakKeyOne {
		t.Fatalf("the update did not reach the emulator, or changed the key")
	}

	// Rotation.
	llmKey = leakKeyTwo
	w.write("main.tf", leakConfig(srv.URL, "2", "llama-3"))
	rotationPlan := run("plan", "-no-color", "-out=rotate.tfplan")
	if !strings.Contains(rotationPlan, "update in-place") {
		t.Errorf("rotation is not planned as an update:\n%s", rotationPlan)
	}
	shown = append(shown, rotationPlan, run("apply", "-no-color", "rotate.tfplan"))
	if rec := emu.List(); len(rec) != 1 || rec[0].APIKey != leakKeyTwo {
		t.Fatalf("the rotated key did not reach the emulator")
	}
	stored = append(stored, run("show", "-json", "rotate.tfplan"), run("show", "-json"))

	// Import.
	id := emu.List()[0].ID
	shown = append(shown, run("state", "rm", "arize_ai_integration.leak"))
	shown = append(shown, run("import", "-no-color", "arize_ai_integration.leak", id))
	stored = append(stored, w.read("terraform.tfstate"))

	// A failing apply: its diagnostics are searched too.
	emu.FailNext(10, 500)
	w.write("main.tf", leakConfig(srv.URL, "3", "llama-3"))
	failed, err := w.tryRun([]string{"TF_LOG_PATH=" + filepath.Join(logs, "failed-apply.log"), "TF_VAR_llm_api_key=" + llmKey}, "apply", "-no-color", "-auto-approve")
	if err == nil {
		t.Errorf("apply against a failing API succeeded:\n%s", failed)
	}
	shown = append(shown, failed)

	// A wrong provider key: the 401's diagnostic is searched too.
	denied, err := w.tryRun([]string{"TF_LOG_PATH=" + filepath.Join(logs, "denied-plan.log"), "TF_VAR_llm_api_key=" + llmKey,
		EnvAPIKey + "=ak-WRONG-" + leakProviderKey}, "plan", "-no-color")
	if err == nil || !strings.Contains(denied, "401") {
		t.Errorf("a plan with a wrong key did not fail with 401:\n%s", denied)
	}
	shown = append(shown, denied)

	// A crash: the provider process is killed with SIGQUIT, which makes Go
	// dump every goroutine's stack, while a rotation carrying the key is in
	// flight.
	shown = append(shown, crashDuringApply(t, w, emu, logs, llmKey, leakConfig(srv.URL, "4", "llama-3")))
	emu.SetFaults(emulator.Faults{})

	w.write("main.tf", leakConfig(srv.URL, "3", "llama-3"))
	shown = append(shown, run("destroy", "-no-color", "-auto-approve"))
	if emu.Len() != 0 {
		t.Errorf("destroy left %d integrations", emu.Len())
	}

	entries, err := os.ReadDir(logs)
	if err != nil {
		t.Fatal(err)
	}
	logBytes := 0
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(logs, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		logBytes += len(b)
		shown = append(shown, string(b))
	}
	// The log must really be a trace of the provider's API calls, or finding
	// nothing in it proves nothing.
	allShown := strings.Join(shown, "\n")
	for _, want := range []string{"Arize API request body", `X-Proxy-Auth\":\"***`, `api_key\":\"***`, "@module=arize"} {
		if !strings.Contains(allShown, want) {
			t.Errorf("the TRACE logs (%d bytes) lack %q: the test would prove nothing", logBytes, want)
		}
	}

	for _, secret := range []string{leakProviderKey, leakKeyOne, leakKeyTwo, leakHeaderValue} {
		if n := strings.Count(allShown, secret); n > 0 {
			t.Errorf("a secret (%.12s…) appears %d times in CLI output or TF_LOG files", secret, n)
		}
	}
	allStored := strings.Join(stored, "\n")
	for _, secret := range []string{leakProviderKey, leakKeyOne, leakKeyTwo} {
		if n := strings.Count(allStored, secret); n > 0 {
			t.Errorf("an api key (%.12s…) appears %d times in state or show -json", secret, n)
		}
	}
	if !strings.Contains(allStored, leakHeaderValue) {
		t.Errorf("header values are missing from state: the search of state proves nothing")
	}
}

// TestAccProvider_schema checks the schema as the CLI reports it: api_key
// write-only and sensitive, headers sensitive.
func TestAccProvider_schema(t *testing.T) {
	w := newCLIWorkdir(t)
	w.write("main.tf", cliConfig("", ""))
	var schemas struct {
		ProviderSchemas map[string]struct {
			Provider struct {
				Block struct {
					Attributes map[string]map[string]any `json:"attributes"`
				} `json:"block"`
			} `json:"provider"`
			ResourceSchemas map[string]struct {
				Block struct {
					Attributes map[string]map[string]any `json:"attributes"`
				} `json:"block"`
			} `json:"resource_schemas"`
		} `json:"provider_schemas"`
	}
	out := w.run(nil, "providers", "schema", "-json")
	if err := json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &schemas); err != nil {
		t.Fatalf("decoding the schema: %v\n%s", err, out)
	}
	// Terraform names the provider registry.terraform.io/arize-ai/arize,
	// OpenTofu registry.opentofu.org/arize-ai/arize.
	var found []string
	for addr := range schemas.ProviderSchemas {
		found = append(found, addr)
	}
	if len(found) != 1 || !strings.HasSuffix(found[0], "/arize-ai/arize") {
		t.Fatalf("provider schemas for %v, want just arize-ai/arize", found)
	}
	p := schemas.ProviderSchemas[found[0]]
	res := p.ResourceSchemas["arize_ai_integration"].Block.Attributes
	checks := []struct {
		attrs     map[string]map[string]any
		name, key string
	}{
		{res, "api_key", "write_only"},
		{res, "api_key", "sensitive"},
		{res, "headers", "sensitive"},
		{p.Provider.Block.Attributes, "api_key", "sensitive"},
	}
	for _, c := range checks {
		if c.attrs[c.name][c.key] != true {
			t.Errorf("%s is not %s: %v", c.name, c.key, c.attrs[c.name])
		}
	}
	if res["api_key_version"]["sensitive"] == true {
		t.Errorf("api_key_version is sensitive: it is meant to show in plans")
	}
}

// crashDuringApply starts an apply of config whose API call hangs, kills the
// provider with SIGQUIT mid-call, and returns what Terraform printed.
func crashDuringApply(t *testing.T, w *cliWorkdir, emu *emulator.Server, logs, llmKey, config string) string {
	t.Helper()
	emu.SetFaults(emulator.Faults{Latency: 20 * time.Second})
	w.write("main.tf", config)
	patches := emu.Count("PATCH", "/v2/ai-integrations/{id}")
	var out bytes.Buffer
	// -refresh=false: straight to the rotation's PATCH, which then hangs.
	cmd := w.start([]string{"TF_LOG_PATH=" + filepath.Join(logs, "crash.log"), "TF_VAR_llm_api_key=" + llmKey}, &out,
		"apply", "-no-color", "-auto-approve", "-refresh=false")
	deadline := time.Now().Add(15 * time.Second)
	var pids []int
	for time.Now().Before(deadline) {
		// Wait for the PATCH to be in flight, not just the provider started.
		if emu.Count("PATCH", "/v2/ai-integrations/{id}") > patches {
			if pids = providerPIDs(t); len(pids) > 0 {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(pids) == 0 {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("the rotation never reached the emulator:\n%s", out.String())
	}
	for _, pid := range pids {
		if err := syscall.Kill(pid, syscall.SIGQUIT); err != nil {
			t.Fatal(err)
		}
	}
	if err := cmd.Wait(); err == nil {
		t.Errorf("the apply survived the provider's crash:\n%s", out.String())
	}
	crashLog, err := os.ReadFile(filepath.Join(logs, "crash.log"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(crashLog, []byte("goroutine ")) {
		t.Errorf("the crash log holds no goroutine dump: the crash path was not exercised")
	}
	return out.String()
}
