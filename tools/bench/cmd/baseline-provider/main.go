// Command baseline-provider is the benchmark's no-I/O baseline (package
// baseline): the shipped provider's schema, validation and plan modifiers,
// with arize_ai_integration kept in memory instead of calling the API. It is
// never released; `make bench` compares the real provider with it to
// separate what the API client and the network cost from Terraform core's
// and the framework's.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/arize-ai/terraform-provider-arize/tools/bench/internal/bench"
)

// version is set at build time through -ldflags "-X main.version=...".
var version = "baseline"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()
	if err := bench.ServeBaseline(context.Background(), version, debug); err != nil {
		log.Fatal(err)
	}
}
