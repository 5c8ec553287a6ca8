package provider

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/hashicorp/go-version"
)

// These helpers drive the terraform CLI against the provider built as a
// binary, exactly as a user runs it (dev_overrides), for what the in-process
// test harness cannot show: the CLI's own output, TF_LOG files, the schema
// as the CLI reports it.

// cliProviderVersion is the version the CLI tests build the provider as, as
// a release build sets it.
const cliProviderVersion = "9.8.7-acctest"

var (
	providerBinOnce sync.Once
	providerBinDir  string
	providerBinErr  error
)

// providerBinary builds the provider once per test run and returns the
// folder holding it.
func providerBinary(t *testing.T) string {
	t.Helper()
	providerBinOnce.Do(func() {
		// Shared by every test of the run, so not a t.TempDir; TestMain removes it.
		providerBinDir, providerBinErr = os.MkdirTemp("", "arize-provider-bin-") //nolint:usetesting // outlives single tests
		if providerBinErr != nil {
			return
		}
		cmd := exec.Command("go", "build", "-ldflags", "-X main.version="+cliProviderVersion,
			"-o", filepath.Join(providerBinDir, "terraform-provider-arize"), "github.com/arize-ai/terraform-provider-arize")
		if out, err := cmd.CombinedOutput(); err != nil {
			providerBinErr = fmt.Errorf("building the provider: %v\n%s", err, out)
		}
	})
	if providerBinErr != nil {
		t.Fatal(providerBinErr)
	}
	return providerBinDir
}

// cliWorkdir is one Terraform working directory using the built provider.
type cliWorkdir struct {
	t   *testing.T
	dir string
	env []string
}

func newCLIWorkdir(t *testing.T, extraEnv ...string) *cliWorkdir {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("runs the terraform CLI: set TF_ACC=1")
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the terraform binary")
	}
	dir := t.TempDir()
	rc := filepath.Join(dir, "cli.tfrc")
	config := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n", "arize-ai/arize", providerBinary(t))
	if err := os.WriteFile(rc, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+rc,
		"TF_IN_AUTOMATION=1",
		"CHECKPOINT_DISABLE=1",
		"TF_LOG=", "TF_LOG_PATH=",
		"TERRAFORM_BINARY="+tf,
	)
	return &cliWorkdir{t: t, dir: dir, env: append(env, extraEnv...)}
}

// requireVersion skips the test, saying why, when the terraform CLI is
// older than minimum (a dotted version such as "1.14.0").
func (w *cliWorkdir) requireVersion(minimum string) {
	w.t.Helper()
	have, err := version.NewVersion(w.cliVersion())
	if err != nil {
		w.t.Fatal(err)
	}
	if have.LessThan(version.Must(version.NewVersion(minimum))) {
		w.t.Skipf("Terraform CLI version %s is below %s, which this test needs: skipping test", have, minimum)
	}
}

// cliVersion is the terraform CLI's version, as it reports it.
func (w *cliWorkdir) cliVersion() string {
	w.t.Helper()
	var v struct {
		Version string `json:"terraform_version"`
	}
	out := w.run(nil, "version", "-json")
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		w.t.Fatalf("terraform version -json: %v\n%s", err, out)
	}
	return v.Version
}

// write puts a file in the working directory.
func (w *cliWorkdir) write(name, content string) {
	w.t.Helper()
	if err := os.WriteFile(filepath.Join(w.dir, name), []byte(content), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

// read returns a file of the working directory.
func (w *cliWorkdir) read(name string) string {
	w.t.Helper()
	b, err := os.ReadFile(filepath.Join(w.dir, name))
	if err != nil {
		w.t.Fatal(err)
	}
	return string(b)
}

// run runs terraform with args and extra environment, failing the test on a
// non-zero exit, and returns what it printed.
func (w *cliWorkdir) run(env []string, args ...string) string {
	w.t.Helper()
	out, err := w.tryRun(env, args...)
	if err != nil {
		w.t.Fatalf("terraform %v: %v\n%s", args, err, out)
	}
	return out
}

// start runs terraform with args in the background; the caller waits.
func (w *cliWorkdir) start(env []string, out *bytes.Buffer, args ...string) *exec.Cmd {
	w.t.Helper()
	cmd := exec.Command(os.Getenv("TF_ACC_TERRAFORM_PATH"), args...)
	cmd.Dir = w.dir
	cmd.Env = append(append([]string{}, w.env...), env...)
	cmd.Stdout = out
	cmd.Stderr = out
	if err := cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	return cmd
}

// providerPIDs lists the running processes of the provider binary this test
// run built (Linux: it reads /proc).
func providerPIDs(t *testing.T) []int {
	t.Helper()
	bin := filepath.Join(providerBinary(t), "terraform-provider-arize")
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Fatal(err)
	}
	var pids []int
	for _, e := range entries {
		var pid int
		if _, err := fmt.Sscanf(e.Name(), "%d", &pid); err != nil {
			continue
		}
		cmdline, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && bytes.HasPrefix(cmdline, []byte(bin+"\x00")) {
			pids = append(pids, pid)
		}
	}
	return pids
}

// tryRun is run that returns the error instead of failing.
func (w *cliWorkdir) tryRun(env []string, args ...string) (string, error) {
	cmd := exec.Command(os.Getenv("TF_ACC_TERRAFORM_PATH"), args...)
	cmd.Dir = w.dir
	cmd.Env = append(append([]string{}, w.env...), env...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	return out.String(), err
}
