package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	hclv2 "github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

var (
	exampleVariable = regexp.MustCompile(`(?m)^variable "(\w+)"`)
	exampleResource = regexp.MustCompile(`(?m)^resource "arize_ai_integration" "(\w+)"`)
	exampleKeyVar   = regexp.MustCompile(`(?m)^\s*api_key\s*=\s*var\.(\w+)`)
)

// TestAccExamples applies every example the docs show (each guide's folder
// under examples/guides, and the resource's own example) against the
// emulator: each must apply, reach Arize as written, and plan empty after.
func TestAccExamples(t *testing.T) {
	dirs, err := filepath.Glob("../../examples/guides/*")
	if err != nil {
		t.Fatal(err)
	}
	dirs = append(dirs, "../../examples/resources/arize_ai_integration")
	if len(dirs) < 12 {
		t.Fatalf("found %d example folders, want the eleven guides' and the resource's", len(dirs))
	}
	examples := map[string]string{"README": readmeExample(t)}
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, exampleFile(dir)))
		if err != nil {
			t.Fatal(err)
		}
		examples[filepath.Base(dir)] = string(b)
	}
	for name, src := range examples {
		t.Run(name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)

			// Every variable gets a distinctive value, so a key can be traced.
			vars := config.Variables{}
			values := map[string]string{}
			for _, m := range exampleVariable.FindAllStringSubmatch(src, -1) {
				values[m[1]] = "example-value-of-" + m[1]
				vars[m[1]] = config.StringVariable(values[m[1]])
			}
			resources := len(exampleResource.FindAllString(src, -1))
			cfg := env.config(src)
			if strings.Contains(src, "provider \"arize\" {") {
				// The example configures the provider itself: point it at the env.
				cfg = strings.Replace(src, "provider \"arize\" {",
					fmt.Sprintf("provider \"arize\" {\n  endpoint = %q\n  api_key  = %q\n", env.endpoint, env.apiKey), 1)
			}
			accTest(t, resource.TestStep{
				Config:          cfg,
				ConfigVariables: vars,
				ConfigStateChecks: []statecheck.StateCheck{exampleStored{check: func() error {
					if n := emu.Len(); n != resources {
						return fmt.Errorf("the emulator holds %d integrations, want the example's %d", n, resources)
					}
					for _, m := range exampleKeyVar.FindAllStringSubmatch(src, -1) {
						if !emulatorHasKey(emu.List(), values[m[1]]) {
							return fmt.Errorf("no integration holds the key from var.%s", m[1])
						}
					}
					return nil
				}}},
			})
		})
	}
}

// readmeExample is the README's usage example, the first terraform block
// of README.md, without its terraform {} block: the test harness supplies
// the provider, which the registry address there would look for.
func readmeExample(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "```terraform\n")
	src, _, closed := strings.Cut(rest, "```")
	if !ok || !closed {
		t.Fatal("README.md has no terraform example")
	}
	f, diags := hclwrite.ParseConfig([]byte(src), "README.md", hclv2.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("README.md's example: %s", diags)
	}
	for _, block := range f.Body().Blocks() {
		if block.Type() == "terraform" {
			f.Body().RemoveBlock(block)
		}
	}
	return string(f.Bytes())
}

// exampleFile is the file of dir that holds its example.
func exampleFile(dir string) string {
	if strings.HasSuffix(dir, filepath.Join("resources", "arize_ai_integration")) {
		return "resource.tf"
	}
	return "main.tf"
}

// TestAccExamples_keyRotation walks the rotation guide: the same example,
// applied again with a new key alone (nothing happens) and then with a new
// version (the new key reaches Arize).
func TestAccExamples_keyRotation(t *testing.T) {
	b, err := os.ReadFile("../../examples/guides/key-rotation/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	env := newAccEnv(t)
	emu := env.emulator(t)
	step := func(key, version string, wantStored string) resource.TestStep {
		return resource.TestStep{
			Config: env.config(string(b)),
			ConfigVariables: config.Variables{
				"openai_api_key":         config.StringVariable(key),
				"openai_api_key_version": config.StringVariable(version),
			},
			ConfigStateChecks: []statecheck.StateCheck{exampleStored{check: func() error {
				if !emulatorHasKey(emu.List(), wantStored) {
					return fmt.Errorf("Arize does not hold the expected key after this step")
				}
				return nil
			}}},
		}
	}
	accTest(t,
		step("sk-first-key", "2026-11-01", "sk-first-key"),
		step("sk-second-key", "2026-11-01", "sk-first-key"),
		step("sk-second-key", "2026-12-01", "sk-second-key"),
	)
}
