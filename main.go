// Command terraform-provider-arize is the Terraform provider for Arize AX.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/arize-ai/terraform-provider-arize/internal/provider"
)

// version and commit are set at build time through -ldflags
// "-X main.version=... -X main.commit=..." (see .goreleaser.yml).
var (
	version = "dev"
	commit  = "none"
)

func main() {
	var debug, showVersion bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.BoolVar(&showVersion, "version", false, "print the version and commit, and exit")
	flag.Parse()

	if showVersion {
		fmt.Printf("terraform-provider-arize %s (commit %s)\n", version, commit)
		return
	}

	provider.QuietLogsUnlessAsked()
	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: provider.Address,
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
