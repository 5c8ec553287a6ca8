package provider

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/hashicorp/go-version"
)

// The one helper for tests that run a Terraform (or OpenTofu) CLI
// themselves: a cliWorkdir is a temporary working folder whose CLI
// configuration serves the provider, built once per test run as a binary,
// through dev_overrides, exactly as a user runs it. It is for what the
// in-process harnesses cannot show: the CLI's own output, TF_LOG files,
// parallel applies in one provider process, the schema as the CLI reports
// it. Every CLI test uses it; none writes its own CLI configuration.
//
//	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
//	w.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q", srv.URL), resources))
//	out := w.run(nil, "apply", "-no-color", "-auto-approve")

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
	cli string // the CLI, TF_ACC_TERRAFORM_PATH
	dir string
	env []string
}

// newCLIWorkdir makes a working directory for the CLI that
// TF_ACC_TERRAFORM_PATH names, run with the environment and extraEnv
// ("NAME=value"); without TF_ACC the test is skipped.
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
	return &cliWorkdir{t: t, cli: tf, dir: dir, env: append(env, extraEnv...)}
}

// cliConfig is a main.tf for a CLI test: the provider by its registry
// address (dev_overrides serve the built binary), a provider block with
// settings (lines such as endpoint = "..."), and body.
func cliConfig(settings, body string) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    arize = { source = "arize-ai/arize" }
  }
}

provider "arize" {
  %s
}
%s`, settings, body)
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

// tryRun is run that returns the error instead of failing.
func (w *cliWorkdir) tryRun(env []string, args ...string) (string, error) {
	var out bytes.Buffer
	err := w.command(env, &out, args...).Run()
	return out.String(), err
}

// start runs terraform with args in the background; the caller waits.
func (w *cliWorkdir) start(env []string, out *bytes.Buffer, args ...string) *exec.Cmd {
	w.t.Helper()
	cmd := w.command(env, out, args...)
	if err := cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	return cmd
}

// command is the CLI with args in the working directory, with the
// directory's environment and then env, printing to out.
func (w *cliWorkdir) command(env []string, out *bytes.Buffer, args ...string) *exec.Cmd {
	cmd := exec.Command(w.cli, args...)
	cmd.Dir = w.dir
	cmd.Env = append(slices.Clone(w.env), env...)
	cmd.Stdout = out
	cmd.Stderr = out
	return cmd
}

// queryVersion is the first Terraform CLI with terraform query.
const queryVersion = "1.14.0"

// requireQuery skips the test, saying why, when the terraform CLI is older
// than queryVersion.
func (w *cliWorkdir) requireQuery() {
	w.t.Helper()
	have, err := version.NewVersion(w.cliVersion())
	if err != nil {
		w.t.Fatal(err)
	}
	if have.LessThan(version.Must(version.NewVersion(queryVersion))) {
		w.t.Skipf("Terraform CLI version %s is below %s, which terraform query needs: skipping test", have, queryVersion)
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
