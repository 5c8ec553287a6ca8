package bench

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/arize-ai/terraform-provider-arize/internal/provider"
	"github.com/arize-ai/terraform-provider-arize/tools/bench/internal/baseline"
)

// Environment variables of the provider processes the benchmark starts.
const (
	// EnvServe makes the bench binary serve a provider in-process ("provider"
	// or "baseline"), for profiling only: the measured runs use the binaries
	// built from main.go and cmd/baseline-provider.
	EnvServe = "ARIZE_BENCH_SERVE"
	// EnvProfile is a path prefix: a provider served with EnvServe writes
	// <prefix>-<pid>.cpu.pprof and <prefix>-<pid>.heap.pprof.
	EnvProfile = "ARIZE_BENCH_PROFILE"
)

// The two providers the benchmark compares.
const (
	KindProvider = "provider"
	KindBaseline = "baseline"
)

// ServeBaseline serves the no-I/O baseline provider (package baseline).
func ServeBaseline(ctx context.Context, version string, debug bool) error {
	return serve(ctx, baseline.New(version), debug)
}

// ServeInProcess serves kind from this binary, profiled when EnvProfile is
// set.
func ServeInProcess(ctx context.Context, kind string) error {
	switch kind {
	case KindProvider:
		return serve(ctx, provider.New("bench"), false)
	case KindBaseline:
		return ServeBaseline(ctx, "bench", false)
	}
	return fmt.Errorf("%s=%q: want %q or %q", EnvServe, kind, KindProvider, KindBaseline)
}

func serve(ctx context.Context, p func() fwprovider.Provider, debug bool) error {
	stop, err := startProfile(os.Getenv(EnvProfile))
	if err != nil {
		return err
	}
	provider.QuietLogsUnlessAsked() // as main.go does: both sides alike
	err = providerserver.Serve(ctx, p, providerserver.ServeOpts{Address: provider.Address, Debug: debug})
	if stopErr := stop(); err == nil {
		err = stopErr
	}
	return err
}

// startProfile starts a CPU profile when prefix is set; the returned stop
// ends it and writes a heap profile.
func startProfile(prefix string) (stop func() error, err error) {
	if prefix == "" {
		return func() error { return nil }, nil
	}
	name := fmt.Sprintf("%s-%d", prefix, os.Getpid())
	cpu, err := os.Create(name + ".cpu.pprof") //nolint:gosec // the benchmark names its own files
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		_ = cpu.Close()
		return nil, err
	}
	peak := samplePeakLiveHeap(name + ".peak.heap.pprof")
	return func() error {
		peak()
		pprof.StopCPUProfile()
		if err := cpu.Close(); err != nil {
			return err
		}
		heap, err := os.Create(name + ".heap.pprof") //nolint:gosec // as above
		if err != nil {
			return err
		}
		// Two cycles: the heap profile shows the heap as of the last
		// completed cycle but one.
		runtime.GC()
		runtime.GC()
		if err := pprof.WriteHeapProfile(heap); err != nil {
			_ = heap.Close()
			return err
		}
		return heap.Close()
	}, nil
}

// samplePeakLiveHeap watches the live heap (as of each GC) and writes a heap
// profile whenever it reaches a new peak, so that what the provider holds
// at its largest can be read after the run: the profile at exit shows only
// what is left. The returned func stops it.
func samplePeakLiveHeap(path string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var peak uint64
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if live := sample[0].Value.Uint64(); live > peak+peak/10 {
				peak = live
				if f, err := os.Create(path); err == nil { //nolint:gosec // the benchmark names its own files
					_ = pprof.WriteHeapProfile(f)
					_ = f.Close()
				}
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
