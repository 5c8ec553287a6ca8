package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/arize-ai/terraform-provider-arize/tools/bench/internal/bench"
)

// Environment variables that override the defaults of -n and -runs, so that
// `BENCH_N=10,100,500,1000 make bench` opts in to N=1000 without editing the
// Makefile.
const (
	envN         = "BENCH_N"
	envRuns      = "BENCH_RUNS"
	envLargeRuns = "BENCH_LARGE_RUNS"
)

type flags struct {
	terraform   string
	ns          string
	runs        int
	largeRuns   int
	parallelism int
	latency     time.Duration
	latencyN    int
	latencyPar  string
	out         string
	goBench     bool
	profile     string
	keep        bool
	root        string
	env         envList
}

// envList is a repeatable KEY=VALUE flag.
type envList []string

func (e *envList) String() string { return strings.Join(*e, " ") }

func (e *envList) Set(v string) error {
	if !strings.Contains(v, "=") {
		return fmt.Errorf("%q is not KEY=VALUE", v)
	}
	*e = append(*e, v)
	return nil
}

func parseFlags(args []string) (flags, error) {
	var f flags
	fs := flag.NewFlagSet("arize-bench", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: go run . [flags]   (in tools/bench; make bench runs it)\n\n"+
			"Drives the Terraform CLI against the in-process emulator with the real provider and with the no-I/O\n"+
			"baseline provider, prints the results as markdown and writes them to -out.\n"+
			"It fails only when a command fails, never because something is slow.\n\n")
		fs.PrintDefaults()
	}
	fs.StringVar(&f.terraform, "terraform", ".cache/bin/terraform", "the Terraform CLI to drive")
	fs.StringVar(&f.ns, "n", envOr(envN, "10,100,500"), "comma-separated numbers of integrations; add 1000 to opt in (env "+envN+")")
	fs.IntVar(&f.runs, "runs", envIntOr(envRuns, 3), "runs of everything; the median is reported (env "+envRuns+")")
	fs.IntVar(&f.largeRuns, "large-runs", envIntOr(envLargeRuns, 1), fmt.Sprintf("runs at N >= %d, when fewer than -runs: each takes minutes, mostly Terraform core's; 0 means as many as -runs (env %s)", bench.LargeN, envLargeRuns))
	fs.IntVar(&f.parallelism, "parallelism", 10, "terraform -parallelism of the main runs")
	fs.DurationVar(&f.latency, "latency", 50*time.Millisecond, "API latency of the latency runs; 0 skips them")
	fs.IntVar(&f.latencyN, "latency-n", 100, "integrations created in the latency runs")
	fs.StringVar(&f.latencyPar, "latency-parallelism", "1,10,50", "comma-separated -parallelism values of the latency runs")
	fs.StringVar(&f.out, "out", "docs/benchmarks.md", "markdown file to write; empty writes none")
	fs.BoolVar(&f.goBench, "gobench", true, "also run the Go benchmarks of the client and the emulator, and include them")
	fs.StringVar(&f.profile, "profile", "", "directory for CPU and heap profiles of every provider process (serves the providers from this binary; for finding costs, not for the published figures)")
	fs.BoolVar(&f.keep, "keep", false, "keep the working directories and built binaries")
	fs.StringVar(&f.root, "root", "../..", "the provider's repository, whose Go benchmarks are run")
	fs.Var(&f.env, "env", "KEY=VALUE added to the environment of terraform and the providers, repeatable (experiments such as GOGC=50 or TF_LOG_SDK=OFF; the results then say so)")
	if err := fs.Parse(args); err != nil {
		return f, err
	}
	if fs.NArg() > 0 {
		return f, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if f.runs < 1 || f.parallelism < 1 {
		return f, errors.New("-runs and -parallelism must be at least 1")
	}
	return f, nil
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func envIntOr(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return n
	}
	return def
}

func parseInts(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		n, err := strconv.Atoi(part)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a positive whole number", part)
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, errors.New("no numbers given")
	}
	return out, nil
}

// drive runs the benchmark and returns the exit code.
func drive(args []string) int {
	f, err := parseFlags(args)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "arize-bench:", err)
		return 2
	}
	if err := run(f); err != nil {
		fmt.Fprintln(os.Stderr, "arize-bench:", err)
		return 1
	}
	return 0
}

func run(f flags) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	ns, err := parseInts(f.ns)
	if err != nil {
		return fmt.Errorf("-n: %w", err)
	}
	latencyPar, err := parseInts(f.latencyPar)
	if err != nil {
		return fmt.Errorf("-latency-parallelism: %w", err)
	}
	// Commands run in other directories: make every path absolute.
	terraform, err := filepath.Abs(f.terraform)
	if err != nil {
		return err
	}
	if _, err := os.Stat(terraform); err != nil {
		return fmt.Errorf("terraform CLI: %w (make terraform builds the pinned one)", err)
	}
	if f.profile != "" {
		if f.profile, err = filepath.Abs(f.profile); err != nil {
			return err
		}
		if err := os.MkdirAll(f.profile, 0o750); err != nil {
			return err
		}
	}

	machine := bench.DescribeMachine(ctx, terraform)
	workDir, err := os.MkdirTemp("", "arize-bench-")
	if err != nil {
		return err
	}
	if !f.keep {
		defer func() { _ = os.RemoveAll(workDir) }()
	}
	fmt.Fprintf(os.Stderr, "arize-bench: Terraform %s, N=%v, %d run(s), -parallelism=%d; working in %s\n",
		machine.Terraform, ns, f.runs, f.parallelism, workDir)
	bins, err := bench.Build(ctx, ".", workDir)
	if err != nil {
		return err
	}

	results, err := bench.Run(ctx, bench.Options{
		Terraform: terraform, Ns: ns, Runs: f.runs, LargeRuns: f.largeRuns, Parallelism: f.parallelism,
		Latency: f.latency, LatencyN: f.latencyN, LatencyParallelism: latencyPar,
		ProfileDir: f.profile, Keep: f.keep, Log: os.Stderr, Env: f.env,
	}, bins, workDir)
	if err != nil {
		return err
	}

	report := bench.Report{Results: results, Machine: machine}
	if f.goBench {
		fmt.Fprintln(os.Stderr, "arize-bench: go test -bench of the client and the emulator")
		if report.GoBench, err = bench.GoBenchmarks(ctx, f.root); err != nil {
			return err
		}
	}
	page := report.Markdown()
	fmt.Print(page)
	if f.out != "" {
		if err := os.WriteFile(f.out, []byte(page), 0o644); err != nil { //nolint:gosec // a docs file
			return err
		}
		fmt.Fprintf(os.Stderr, "arize-bench: wrote %s in %s\n", f.out, results.Elapsed.Round(time.Second))
	}
	if f.profile != "" {
		fmt.Fprintf(os.Stderr, "arize-bench: profiles in %s (go tool pprof -top <file>)\n", f.profile)
	}
	if len(results.Problems) > 0 {
		fmt.Fprintf(os.Stderr, "arize-bench: %d PROBLEM(S), listed at the top of the page:\n", len(results.Problems))
		for _, p := range results.Problems {
			fmt.Fprintln(os.Stderr, "  "+strings.SplitN(p, "\n", 2)[0])
		}
	}
	return nil
}
