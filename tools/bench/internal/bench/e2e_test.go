package bench

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

// TestMain lets this test binary stand in for the bench binary: Terraform
// starts it, through the dev_overrides folder, as the provider's shim.
func TestMain(m *testing.M) {
	if ShimRequested() {
		os.Exit(RunShim())
	}
	os.Exit(m.Run())
}

// TestAccBench_smallRun runs the whole benchmark on three integrations
// with the Terraform CLI: both providers build, every command passes, the
// request counts are exact and the baseline makes none.
func TestAccBench_smallRun(t *testing.T) {
	terraform := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if os.Getenv("TF_ACC") == "" || terraform == "" {
		t.Skip("runs the terraform CLI: set TF_ACC=1 and TF_ACC_TERRAFORM_PATH")
	}
	ctx := context.Background()
	dir := t.TempDir()
	bins, err := Build(ctx, ".", dir)
	if err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	r, err := Run(ctx, Options{
		Terraform: terraform, Ns: []int{3}, Runs: 1, Parallelism: 2,
		Latency: 20 * time.Millisecond, LatencyN: 3, LatencyParallelism: []int{3},
		Log: &log,
	}, bins, dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	if len(r.Problems) > 0 {
		t.Errorf("problems: %q", r.Problems)
	}
	for _, op := range Ops {
		for _, kind := range []string{KindProvider, KindBaseline} {
			s := r.Samples[Key{N: 3, Kind: kind, Op: op.Key}]
			if len(s) != 1 || s[0].ProviderProcs == 0 || s[0].ProviderCPU <= 0 || s[0].ProviderRSS <= 0 {
				t.Errorf("%s %s: samples %+v, want one with the provider's usage", kind, op.Key, s)
			}
		}
	}
	if s := r.Latency[LatencyKey{Parallelism: 3, Kind: KindProvider}]; len(s) != 1 || s[0].Wall < 20*time.Millisecond {
		t.Errorf("latency samples %+v", s)
	}
	page := Report{Results: r, Machine: DescribeMachine(ctx, terraform)}.Markdown()
	if strings.Contains(page, "MISMATCH") || !strings.Contains(page, "| 3 | destroy | 0 | 3 | 0 | 3 | 0 | DELETE | 1.00 |") {
		t.Errorf("unexpected page:\n%s", page)
	}
}
