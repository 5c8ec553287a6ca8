package bench

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// Options configure a benchmark run.
type Options struct {
	Terraform string
	Ns        []int
	Runs      int
	// LargeRuns, when positive, is the number of runs at N >= LargeN: a
	// run there takes minutes, most of them Terraform core's.
	LargeRuns   int
	Parallelism int
	// The latency runs: apply (create) of LatencyN integrations with the
	// emulator adding Latency to every request, at each parallelism.
	Latency            time.Duration
	LatencyN           int
	LatencyParallelism []int
	// ProfileDir, when set, serves both providers from this binary with
	// CPU and heap profiles written there (not for measuring: see EnvServe).
	ProfileDir string
	Keep       bool      // keep the working directories
	Log        io.Writer // progress
	// Env is added to the environment of every command (experiments).
	Env []string
}

// LargeN is where Options.LargeRuns starts to apply.
const LargeN = 1000

// RunsAt is how many runs are made at n.
func (o Options) RunsAt(n int) int {
	if n >= LargeN && o.LargeRuns > 0 {
		return min(o.LargeRuns, o.Runs)
	}
	return o.Runs
}

// Key names the samples of one operation of one provider at one N.
type Key struct {
	N    int
	Kind string
	Op   string // Op.Key
}

// LatencyKey names the samples of one latency run.
type LatencyKey struct {
	Parallelism int
	Kind        string
}

// Results are everything a run measured.
type Results struct {
	Options  Options
	Started  time.Time
	Elapsed  time.Duration
	Samples  map[Key][]Sample
	Latency  map[LatencyKey][]Sample
	Problems []string // request counts that were not exactly N, non-empty plans
}

// Run builds the binaries into workDir and runs the benchmark. It fails only
// when a command fails; a wrong request count or a non-empty plan is
// recorded in Results.Problems.
func Run(ctx context.Context, o Options, bins Binaries, workDir string) (*Results, error) {
	r := &Results{Options: o, Started: time.Now(), Samples: map[Key][]Sample{}, Latency: map[LatencyKey][]Sample{}}
	s := &suite{o: o, bins: bins, workDir: workDir, res: r}
	for run := 1; run <= o.Runs; run++ {
		for _, n := range o.Ns {
			if run > o.RunsAt(n) {
				continue
			}
			for _, kind := range []string{KindProvider, KindBaseline} {
				if err := s.sequence(ctx, run, n, kind); err != nil {
					return r, err
				}
			}
		}
	}
	if o.Latency > 0 && o.LatencyN > 0 {
		for _, p := range o.LatencyParallelism {
			for run := 1; run <= o.Runs; run++ {
				for _, kind := range []string{KindProvider, KindBaseline} {
					if err := s.latencyRun(ctx, run, p, kind); err != nil {
						return r, err
					}
				}
			}
		}
	}
	r.Elapsed = time.Since(r.Started)
	return r, nil
}

type suite struct {
	o       Options
	bins    Binaries
	workDir string
	res     *Results
}

// workdir makes a fresh working directory and emulator for one sequence.
func (s *suite) workdir(name string, kind string, n int, faults emulator.Faults) (*Workdir, func(), error) {
	api, err := StartAPI(faults)
	if err != nil {
		return nil, nil, err
	}
	dir := filepath.Join(s.workDir, name)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		_ = api.Close()
		return nil, nil, err
	}
	o := WorkdirOptions{Terraform: s.o.Terraform, ShimDir: s.bins.ShimDir, Kind: kind, API: api, N: n, Target: s.bins.Provider, Env: s.o.Env}
	if kind == KindBaseline {
		o.Target = s.bins.Baseline
	}
	if s.o.ProfileDir != "" {
		o.Target = s.bins.Self
		o.ProfilePrefix = filepath.Join(s.o.ProfileDir, name)
	}
	w, err := NewWorkdir(dir, o)
	if err != nil {
		_ = api.Close()
		return nil, nil, err
	}
	cleanup := func() {
		_ = api.Close()
		if !s.o.Keep {
			_ = os.RemoveAll(dir)
		}
	}
	return w, cleanup, nil
}

// sequence runs the four operations on n integrations with one provider.
func (s *suite) sequence(ctx context.Context, run, n int, kind string) error {
	name := fmt.Sprintf("run%d-n%d-%s", run, n, kind)
	w, cleanup, err := s.workdir(name, kind, n, emulator.Faults{})
	if err != nil {
		return err
	}
	defer cleanup()
	var line strings.Builder
	fmt.Fprintf(&line, "run %d/%d  N=%-5d %-8s", run, s.o.RunsAt(n), n, kind)
	for _, op := range Ops {
		sample, out, err := w.Run(ctx, op.Key, op.Args(s.o.Parallelism)...)
		if err != nil {
			return fmt.Errorf("%s: %w\n%s", name, err, tail(out))
		}
		if err := s.check(name, op, n, kind, sample, out); err != nil {
			return err
		}
		s.res.Samples[Key{N: n, Kind: kind, Op: op.Key}] = append(s.res.Samples[Key{N: n, Kind: kind, Op: op.Key}], sample)
		fmt.Fprintf(&line, "  %s %6.2fs", op.Key, sample.Wall.Seconds())
	}
	s.logf("%s", line.String())
	return nil
}

// check fails on a command that failed, and records a non-empty plan or a
// request count other than exactly N.
func (s *suite) check(name string, op Op, n int, kind string, sample Sample, out string) error {
	switch {
	case op.Key == "plan" && sample.ExitCode == 2:
		s.problem("%s: PLAN NOT EMPTY: the plan after apply proposes changes\n%s", name, tail(out))
	case sample.ExitCode != 0:
		return fmt.Errorf("%s: terraform %s exited %d\n%s", name, strings.Join(op.Args(s.o.Parallelism), " "), sample.ExitCode, tail(out))
	}
	want := op.Expected(n)
	if kind == KindBaseline {
		want = Counts{} // the baseline must not touch the network
	}
	if !sample.Requests.Equal(want) {
		s.problem("%s: %s: MISMATCH: requests %s, want %s", name, op.Name, FormatCounts(sample.Requests), FormatCounts(want))
	}
	return nil
}

// latencyRun is one apply (create) against an emulator that adds latency.
func (s *suite) latencyRun(ctx context.Context, run, parallelism int, kind string) error {
	name := fmt.Sprintf("latency-run%d-p%d-%s", run, parallelism, kind)
	w, cleanup, err := s.workdir(name, kind, s.o.LatencyN, emulator.Faults{Latency: s.o.Latency})
	if err != nil {
		return err
	}
	defer cleanup()
	op := Ops[0]
	sample, out, err := w.Run(ctx, op.Key, op.Args(parallelism)...)
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", name, err, tail(out))
	}
	if err := s.check(name, op, s.o.LatencyN, kind, sample, out); err != nil {
		return err
	}
	k := LatencyKey{Parallelism: parallelism, Kind: kind}
	s.res.Latency[k] = append(s.res.Latency[k], sample)
	s.logf("latency run %d/%d  N=%d latency=%s -parallelism=%-3d %-8s create %6.2fs  connections %d",
		run, s.o.Runs, s.o.LatencyN, s.o.Latency, parallelism, kind, sample.Wall.Seconds(), sample.Conns)
	return nil
}

func (s *suite) problem(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.res.Problems = append(s.res.Problems, msg)
	s.logf("%s", msg)
}

func (s *suite) logf(format string, args ...any) {
	if s.o.Log != nil {
		fmt.Fprintf(s.o.Log, format+"\n", args...)
	}
}

// tail keeps the end of a command's output, where Terraform puts errors.
func tail(out string) string {
	const keep = 4000
	if len(out) > keep {
		return "…" + out[len(out)-keep:]
	}
	return out
}

// FormatCounts renders counts as "POST=10 GET=0", methods in table order.
func FormatCounts(c Counts) string {
	var parts []string
	for _, m := range Methods {
		if c[m] != 0 {
			parts = append(parts, m+"="+strconv.Itoa(c[m]))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, " ")
}
