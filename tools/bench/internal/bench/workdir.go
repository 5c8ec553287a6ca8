package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Sample is what one terraform command cost.
type Sample struct {
	Wall time.Duration
	// ProviderCPU is the user+system time of every provider process the
	// command started, summed; ProviderRSS the largest peak RSS of them.
	ProviderCPU   time.Duration
	ProviderRSS   int64
	ProviderProcs int
	// TerraformCPU is the terraform process's own CPU time: its rusage,
	// which includes its reaped children, minus the provider processes'.
	TerraformCPU time.Duration
	Requests     Counts
	Conns        int
	ExitCode     int
}

// Workdir is one Terraform working directory using one provider binary
// through the shim.
type Workdir struct {
	Dir       string
	terraform string
	env       []string
	api       *APIServer
	usageFile string
	profile   string
}

// WorkdirOptions configure a Workdir.
type WorkdirOptions struct {
	Terraform string
	ShimDir   string // the dev_overrides folder
	Target    string // the provider binary the shim starts
	Kind      string // KindProvider or KindBaseline
	API       *APIServer
	N         int
	// ProfilePrefix, when set, makes the provider write profiles there (the
	// target must then be the bench binary in its serve mode).
	ProfilePrefix string
	// Env is added to the environment of terraform and the providers, for
	// experiments (GOGC, TF_LOG_SDK, ...).
	Env []string
}

// NewWorkdir writes the configuration of n integrations into dir.
func NewWorkdir(dir string, o WorkdirOptions) (*Workdir, error) {
	rc := filepath.Join(dir, "cli.tfrc")
	if err := os.WriteFile(rc, []byte(CLIConfig(o.ShimDir)), 0o600); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(Config(o.API.URL, o.N)), 0o600); err != nil {
		return nil, err
	}
	w := &Workdir{Dir: dir, terraform: o.Terraform, api: o.API, usageFile: filepath.Join(dir, "provider-usage.txt"), profile: o.ProfilePrefix}
	// A user's TF_* and ARIZE_* settings (a CLI config, TF_LOG, TF_CLI_ARGS,
	// a plugin cache, an endpoint) would change what is measured.
	w.env = append(withoutPrefix(withoutPrefix(os.Environ(), "TF_"), "ARIZE_"),
		"TF_CLI_CONFIG_FILE="+rc,
		"TF_IN_AUTOMATION=1",
		"CHECKPOINT_DISABLE=1",
		"ARIZE_API_KEY="+APIKey,
		EnvShimTarget+"="+o.Target,
		EnvShimUsage+"="+w.usageFile,
	)
	if o.ProfilePrefix != "" {
		w.env = append(w.env, EnvServe+"="+o.Kind)
	}
	w.env = append(w.env, o.Env...)
	return w, nil
}

// Run runs terraform with args and measures it; label names the profiles
// when profiling. A non-zero exit is not an error here (plan
// -detailed-exitcode exits 2 on changes): the caller decides, with the
// output that is returned.
func (w *Workdir) Run(ctx context.Context, label string, args ...string) (Sample, string, error) {
	if err := os.Remove(w.usageFile); err != nil && !errors.Is(err, os.ErrNotExist) {
		return Sample{}, "", err
	}
	w.api.Reset()
	cmd := exec.CommandContext(ctx, w.terraform, args...) //nolint:gosec // the terraform the user named
	cmd.Dir = w.Dir
	cmd.Env = w.env
	if w.profile != "" {
		cmd.Env = append(cmd.Env[:len(cmd.Env):len(cmd.Env)], EnvProfile+"="+w.profile+"-"+label)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	s := Sample{Wall: time.Since(start)}
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		s.ExitCode = exitErr.ExitCode()
	case err != nil:
		return Sample{}, out.String(), fmt.Errorf("terraform %s: %w", strings.Join(args, " "), err)
	}
	s.Requests = w.api.Counts()
	s.Conns = w.api.Connections()

	usage, err := ReadUsage(w.usageFile)
	if err != nil {
		return Sample{}, out.String(), err
	}
	for _, u := range usage {
		s.ProviderCPU += u.CPU
		s.ProviderRSS = max(s.ProviderRSS, u.MaxRSS)
	}
	s.ProviderProcs = len(usage)
	if ps := cmd.ProcessState; ps != nil {
		s.TerraformCPU = max(ps.UserTime()+ps.SystemTime()-s.ProviderCPU, 0)
	}
	return s, out.String(), nil
}
