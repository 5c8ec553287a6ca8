package bench

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// The import paths of the two provider binaries.
const (
	ProviderPackage = "github.com/arize-ai/terraform-provider-arize"
	BaselinePackage = "github.com/arize-ai/terraform-provider-arize/tools/bench/cmd/baseline-provider"
)

// providerBinaryName is what Terraform looks for in a dev_overrides folder.
const providerBinaryName = "terraform-provider-arize"

// Binaries are the programs a benchmark run uses.
type Binaries struct {
	Provider string // built from main.go, as released
	Baseline string // built from tools/bench/cmd/baseline-provider
	ShimDir  string // the dev_overrides folder: terraform-provider-arize is this binary
	Self     string // this binary (the shim, and the profiling server)
}

// Build compiles both providers into dir, as `make build` does (trimmed
// paths, the version set by ldflags), and makes the shim folder. root is any
// directory inside the benchmark's module, which requires the provider's
// module as it is in this repository.
func Build(ctx context.Context, root, dir string) (Binaries, error) {
	self, err := os.Executable()
	if err != nil {
		return Binaries{}, err
	}
	b := Binaries{
		Provider: filepath.Join(dir, "provider", providerBinaryName),
		Baseline: filepath.Join(dir, "baseline", providerBinaryName),
		ShimDir:  filepath.Join(dir, "shim"),
		Self:     self,
	}
	for out, pkg := range map[string]string{b.Provider: ProviderPackage, b.Baseline: BaselinePackage} {
		cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags", "-X main.version=bench", "-o", out, pkg)
		cmd.Dir = root
		if msg, err := cmd.CombinedOutput(); err != nil {
			return Binaries{}, fmt.Errorf("go build %s: %w\n%s", pkg, err, msg)
		}
	}
	if err := os.MkdirAll(b.ShimDir, 0o750); err != nil {
		return Binaries{}, err
	}
	// A symlink, not a copy: the shim is this very binary, told by the
	// environment which provider to start.
	if err := os.Symlink(self, filepath.Join(b.ShimDir, providerBinaryName)); err != nil {
		return Binaries{}, err
	}
	return b, nil
}
