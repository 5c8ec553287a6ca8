// Command arize-baseline-provider is the benchmark's no-I/O baseline: the
// very same provider (schema, validation, plan modifiers, conversions) built
// around an in-memory API instead of the HTTP client. It is never released;
// `make bench` compares the real provider with it to separate the provider's
// own cost from Terraform core's.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/arize-ai/terraform-provider-arize/internal/bench"
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
