// Command arize-bench is `make bench`: it drives the pinned Terraform CLI
// against the in-process emulator with the real provider and with a no-I/O
// baseline provider, and writes docs/benchmarks.md. It is a module of its
// own, apart from the provider's: nothing it needs ships in the provider.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/arize-ai/terraform-provider-arize/tools/bench/internal/bench"
)

func main() {
	// Terraform starts this binary as the provider's shim, or, when
	// profiling, as the provider itself: the environment says which.
	switch {
	case bench.ShimRequested():
		os.Exit(bench.RunShim())
	case os.Getenv(bench.EnvServe) != "":
		if err := bench.ServeInProcess(context.Background(), os.Getenv(bench.EnvServe)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	os.Exit(drive(os.Args[1:]))
}
