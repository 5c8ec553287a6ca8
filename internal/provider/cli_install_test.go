package provider

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestAccInstall_upgrade follows the README's Install and Upgrade sections
// on the CLI that TF_ACC_TERRAFORM_PATH names, as a new user would: no CLI
// configuration file, no dev_overrides, no plugin cache. The script behind
// make install-local puts 0.1.0 and 0.2.0 into the implied local mirror of
// a temporary HOME. init with "~> 0.1.0" locks 0.1.0 and apply creates an
// integration with it. With the constraint moved to "~> 0.2", a plain init
// refuses and init -upgrade locks 0.2.0 with other hashes, and 0.2.0 reads
// the state 0.1.0 wrote with no diff.
//
// When a schema version changes, extend this test: apply with the old
// version, upgrade, and plan (see CONTRIBUTING.md).
func TestAccInstall_upgrade(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("runs the terraform CLI: set TF_ACC=1")
	}
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the terraform binary")
	}

	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey})
	agents := &agentLog{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		agents.add(r.UserAgent())
		emu.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)

	home := t.TempDir()
	w := &installWorkdir{t: t, cli: cli, dir: t.TempDir(), env: installEnv(t, home)}
	w.env = append(w.env, EnvAPIKey+"="+testAccAPIKey, EnvEndpoint+"="+srv.URL)

	// Each CLI looks in the mirror under its own registry's hostname.
	host := "registry.terraform.io"
	if strings.HasPrefix(w.run("version"), "OpenTofu") {
		host = "registry.opentofu.org"
	}
	addr := host + "/arize-ai/arize"

	for _, v := range []string{"0.1.0", "0.2.0"} {
		installLocal(t, w.env, v)
		bin := filepath.Join(home, ".terraform.d", "plugins", addr, v, runtime.GOOS+"_"+runtime.GOARCH, "terraform-provider-arize_v"+v)
		if _, err := os.Stat(bin); err != nil {
			t.Fatalf("install-local VERSION=%s: %v", v, err)
		}
	}

	w.write(installConfig("~> 0.1.0"))
	out := w.run("init", "-no-color")
	if !strings.Contains(out, "Installed arize-ai/arize v0.1.0") {
		t.Errorf("init does not say it installed v0.1.0:\n%s", out)
	}
	first := w.lock(addr)
	if first.version != "0.1.0" {
		t.Fatalf("after init with ~> 0.1.0 the lock file names %s, want 0.1.0:\n%s", first.version, w.read(".terraform.lock.hcl"))
	}

	w.run("apply", "-no-color", "-auto-approve")
	if n := emu.Len(); n != 1 {
		t.Fatalf("after apply the emulator holds %d integrations, want 1", n)
	}
	agents.expectVersion(t, "apply", "0.1.0")

	// A constraint the locked version does not meet: init alone keeps the
	// lock file and says to upgrade.
	w.write(installConfig("~> 0.2"))
	out, code := w.runExit("init", "-no-color")
	// The CLI wraps its messages: compare with single spaces.
	if code == 0 || !strings.Contains(strings.Join(strings.Fields(out), " "), "init -upgrade") {
		t.Errorf("init with ~> 0.2 over a lock of 0.1.0: exit %d, want a failure that names init -upgrade:\n%s", code, out)
	}
	if again := w.lock(addr); again.version != "0.1.0" || !slices.Equal(again.hashes, first.hashes) {
		t.Errorf("a failed init changed the lock file to %s %v", again.version, again.hashes)
	}

	w.run("init", "-upgrade", "-no-color")
	second := w.lock(addr)
	if second.version != "0.2.0" {
		t.Fatalf("after init -upgrade with ~> 0.2 the lock file names %s, want 0.2.0:\n%s", second.version, w.read(".terraform.lock.hcl"))
	}
	for _, h := range second.hashes {
		if slices.Contains(first.hashes, h) {
			t.Errorf("0.2.0 is locked with hash %s, which 0.1.0 had too: %v and %v", h, first.hashes, second.hashes)
		}
	}

	// 0.2.0 reads the state 0.1.0 wrote, and plans nothing.
	agents.reset()
	out, code = w.runExit("plan", "-no-color", "-detailed-exitcode")
	if code != 0 {
		t.Errorf("plan after the upgrade: exit %d, want 0 (no changes):\n%s", code, out)
	}
	agents.expectVersion(t, "plan after the upgrade", "0.2.0")

	// The key came from the environment: nothing on disk or on screen has it.
	for _, name := range []string{"terraform.tfstate", ".terraform.lock.hcl"} {
		if strings.Contains(w.read(name), testAccAPIKey) {
			t.Errorf("%s contains the Arize API key", name)
		}
	}
	if w.printedKey {
		t.Error("a CLI command printed the Arize API key")
	}
}

// installConfig is a user's configuration: the provider by source and
// version only, its settings from the environment.
func installConfig(constraint string) string {
	return `terraform {
  required_providers {
    arize = {
      source  = "arize-ai/arize"
      version = "` + constraint + `"
    }
  }
}

# endpoint and api_key come from ARIZE_ENDPOINT and ARIZE_API_KEY.
provider "arize" {}

resource "arize_ai_integration" "install" {
  name        = "tf-acc-install-upgrade"
  ai_provider = "OPEN_AI"
}
`
}

// installEnv is the environment of a new user whose HOME is home: no CLI
// configuration file, plugin cache or other TF_ settings, nothing from the
// XDG directories of the real user, and no Arize settings. Go keeps its
// real caches and settings, which live under the real HOME, so building the
// provider again costs little.
func installEnv(t *testing.T, home string) []string {
	t.Helper()
	out, err := exec.Command("go", "env", "-json", "GOENV", "GOCACHE", "GOMODCACHE", "GOPATH").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	var goDirs map[string]string
	if err := json.Unmarshal(out, &goDirs); err != nil {
		t.Fatalf("go env -json: %v", err)
	}
	drop := func(kv string) bool {
		name, _, _ := strings.Cut(kv, "=")
		if _, ok := goDirs[name]; ok {
			return true
		}
		for _, prefix := range []string{"TF_", "TOFU_", "OPENTOFU_", "ARIZE_"} {
			if strings.HasPrefix(name, prefix) {
				return true
			}
		}
		switch name {
		case "HOME", "TERRAFORM_CONFIG", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME":
			return true
		}
		return false
	}
	env := slices.DeleteFunc(os.Environ(), drop)
	for name, value := range goDirs {
		env = append(env, name+"="+value)
	}
	return append(env, "HOME="+home, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
}

// installLocal runs what make install-local runs, as version.
func installLocal(t *testing.T, env []string, version string) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", filepath.Join(root, "scripts", "install-local.sh"))
	// Without -trimpath the build reuses the packages this test run
	// compiled; with it, a cold build cache costs a minute.
	cmd.Env = append(slices.Clone(env), "VERSION="+version, "BUILDFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("scripts/install-local.sh with VERSION=%s: %v\n%s", version, err, out)
	}
}

// installWorkdir runs the CLI in one working directory with env only.
type installWorkdir struct {
	t          *testing.T
	cli, dir   string
	env        []string
	printedKey bool
}

func (w *installWorkdir) write(mainTF string) {
	w.t.Helper()
	if err := os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(mainTF), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

func (w *installWorkdir) read(name string) string {
	w.t.Helper()
	b, err := os.ReadFile(filepath.Join(w.dir, name))
	if err != nil {
		w.t.Fatal(err)
	}
	return string(b)
}

// runExit runs the CLI and returns what it printed and its exit code.
func (w *installWorkdir) runExit(args ...string) (string, int) {
	w.t.Helper()
	cmd := exec.Command(w.cli, args...)
	cmd.Dir = w.dir
	cmd.Env = w.env
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	// Never show the key in a failure message either.
	text := out.String()
	if strings.Contains(text, testAccAPIKey) {
		w.printedKey = true
		text = strings.ReplaceAll(text, testAccAPIKey, "<ARIZE_API_KEY>")
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
		return text, 0
	case errors.As(err, &exit):
		return text, exit.ExitCode()
	default:
		w.t.Fatalf("%s %v: %v", filepath.Base(w.cli), args, err)
		return "", -1
	}
}

// run is runExit that fails the test on a non-zero exit.
func (w *installWorkdir) run(args ...string) string {
	w.t.Helper()
	out, code := w.runExit(args...)
	if code != 0 {
		w.t.Fatalf("%s %v: exit %d\n%s", filepath.Base(w.cli), args, code, out)
	}
	return out
}

// lockedProvider is one provider block of .terraform.lock.hcl.
type lockedProvider struct {
	version string
	hashes  []string
}

var (
	lockBlock   = regexp.MustCompile(`(?ms)^provider "([^"]+)" \{\n(.*?)^\}`)
	lockVersion = regexp.MustCompile(`(?m)^\s*version\s*=\s*"([^"]+)"`)
	lockHashes  = regexp.MustCompile(`(?s)hashes\s*=\s*\[(.*?)\]`)
	quoted      = regexp.MustCompile(`"([^"]*)"`)
)

// lock reads the lock file, which must name addr and only addr, with h1:
// hashes: what a CLI computes for a local mirror's unpacked provider.
func (w *installWorkdir) lock(addr string) lockedProvider {
	w.t.Helper()
	text := w.read(".terraform.lock.hcl")
	blocks := lockBlock.FindAllStringSubmatch(text, -1)
	if len(blocks) != 1 || blocks[0][1] != addr {
		w.t.Fatalf("the lock file should name %s only:\n%s", addr, text)
	}
	var p lockedProvider
	if m := lockVersion.FindStringSubmatch(blocks[0][2]); m != nil {
		p.version = m[1]
	}
	if m := lockHashes.FindStringSubmatch(blocks[0][2]); m != nil {
		for _, q := range quoted.FindAllStringSubmatch(m[1], -1) {
			p.hashes = append(p.hashes, q[1])
		}
	}
	if len(p.hashes) == 0 {
		w.t.Fatalf("the lock file has no hashes for %s:\n%s", addr, text)
	}
	for _, h := range p.hashes {
		if !strings.HasPrefix(h, "h1:") {
			w.t.Errorf("the lock file has hash %q for %s, want only h1: hashes", h, addr)
		}
	}
	return p
}

// agentLog records the User-Agent of each request the emulator receives:
// it names the provider version that sent it.
type agentLog struct {
	mu     sync.Mutex
	agents []string
}

func (a *agentLog) add(agent string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.agents = append(a.agents, agent)
}

func (a *agentLog) reset() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.agents = nil
}

// expectVersion checks that requests came, all from provider version.
func (a *agentLog) expectVersion(t *testing.T, what, version string) {
	t.Helper()
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.agents) == 0 {
		t.Errorf("%s sent no requests", what)
	}
	for _, ua := range a.agents {
		if !strings.HasPrefix(ua, "terraform-provider-arize/"+version+" ") {
			t.Errorf("%s: a request came from %q, want provider version %s", what, ua, version)
			return
		}
	}
}
