package provider

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	hclv2 "github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/zclconf/go-cty/cty"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestAccExamples applies every example the docs show against the emulator:
// the README's, and every folder of .tf files under examples/guides and
// examples/resources. Each must apply, reach Arize as written (as many
// integrations as it declares, each key from its variable), and plan empty
// after.
func TestAccExamples(t *testing.T) {
	examples := []example{{name: "README", src: readmeExample(t)}}
	for _, root := range []string{"guides", "resources"} {
		dirs := exampleDirs(t, filepath.Join("..", "..", "examples", root))
		if len(dirs) == 0 {
			t.Fatalf("no example folders under examples/%s", root)
		}
		for _, dir := range dirs {
			examples = append(examples, example{name: root + "/" + filepath.Base(dir), src: folderExample(t, dir)})
		}
	}
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			facts := readExample(t, ex.name, ex.src)
			if len(facts.resources) == 0 {
				// An example that declares nothing would pass vacuously.
				t.Fatalf("%s declares no arize_ resource", ex.name)
			}

			// Every variable without a default gets a distinctive value, so
			// a key can be traced; one with a default (a user ID the
			// emulator seeds) keeps it.
			vars := config.Variables{}
			for _, name := range facts.variables {
				vars[name] = config.StringVariable("example-value-of-" + name)
			}
			// What the account holds before the example: the objects that
			// its data sources look up.
			seedExampleAccount(t, emu)
			before := map[string]int{}
			for typ, count := range exampleObjectCounts {
				before[typ] = count(emu)
			}
			accTest(t, resource.TestStep{
				Config:          pointExampleAt(t, ex.src, env),
				ConfigVariables: vars,
				ConfigStateChecks: []statecheck.StateCheck{exampleStored{check: func() error {
					for typ, want := range facts.resources {
						count, ok := exampleObjectCounts[typ]
						if !ok {
							continue // a type the emulator cannot count
						}
						if n := count(emu) - before[typ]; n != want {
							return fmt.Errorf("the emulator holds %d %s, want the example's %d", n, typ, want)
						}
					}
					for _, name := range facts.keyVariables {
						if !emulatorHasKey(emu.List(), "example-value-of-"+name) {
							return fmt.Errorf("no integration holds the key from var.%s", name)
						}
					}
					return nil
				}}},
			})
			// accTest has destroyed the example: what it made is gone, and
			// what was there before it is still there.
			for typ, count := range exampleObjectCounts {
				if n := count(emu); n != before[typ] {
					t.Errorf("after destroy the emulator holds %d %s, want the %d it held before", n, typ, before[typ])
				}
			}
		})
	}
}

// exampleObjectCounts counts, for each resource type whose objects the
// emulator can count, how many it holds: an example must make as many as it
// declares.
var exampleObjectCounts = map[string]func(*emulator.Server) int{
	"arize_ai_integration": (*emulator.Server).Len,
	"arize_organization":   func(e *emulator.Server) int { return len(e.Organizations()) },
	"arize_space":          func(e *emulator.Server) int { return len(e.Spaces()) },
	"arize_evaluator":      func(e *emulator.Server) int { return len(e.Evaluators()) },
	// A deleted user stays in the emulator, blocked: count the live ones.
	"arize_user": func(e *emulator.Server) int {
		n := 0
		for _, u := range e.Users() {
			if u.Status != "INACTIVE" {
				n++
			}
		}
		return n
	},
	// The predefined roles are always there: count the custom ones.
	"arize_role": func(e *emulator.Server) int {
		n := 0
		for _, r := range e.Roles() {
			if !r.IsPredefined {
				n++
			}
		}
		return n
	},
	"arize_role_binding": func(e *emulator.Server) int { return len(e.RoleBindings()) },
	// A project's restriction goes with it, as in Arize.
	"arize_project":             func(e *emulator.Server) int { return len(e.Projects()) },
	"arize_project_restriction": func(e *emulator.Server) int { return len(e.Restrictions()) },
	// A revoked key stays listed (REVOKED), and an expired one too (still
	// ACTIVE): count the keys that work, active and unexpired.
	"arize_service_api_key": func(e *emulator.Server) int { return activeKeys(e, "SERVICE") },
	"arize_user_api_key":    func(e *emulator.Server) int { return activeKeys(e, "USER") },
	// No endpoint lists members; the emulator's test hooks show them.
	"arize_organization_member": func(e *emulator.Server) int {
		n := 0
		for _, o := range e.Organizations() {
			n += len(e.OrganizationMembers(o.ID))
		}
		return n
	},
	"arize_space_member": func(e *emulator.Server) int {
		n := 0
		for _, sp := range e.Spaces() {
			n += len(e.SpaceMembers(sp.ID))
		}
		return n
	},
}

// seedExampleAccount gives emu what the examples' data sources look up as
// made outside Terraform: the organization "Platform" and its space "Shared
// models".
func seedExampleAccount(t *testing.T, emu *emulator.Server) {
	t.Helper()
	org, err := emu.PutOrganization("Platform", "Shared across teams")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := emu.PutSpace(org.ID, "Shared models", "", false); err != nil {
		t.Fatal(err)
	}
}

// example is one configuration the docs show.
type example struct {
	name string
	src  []byte
}

// exampleDirs lists the folders under root that hold .tf files.
func exampleDirs(t *testing.T, root string) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".tf" {
			return err
		}
		if dir := filepath.Dir(path); !slices.Contains(dirs, dir) {
			dirs = append(dirs, dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(dirs)
	return dirs
}

// folderExample is the .tf files of dir as one configuration, without their
// import blocks: those name an integration in the reader's account (the
// import tests show them working).
func folderExample(t *testing.T, dir string) []byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil {
		t.Fatal(err)
	}
	all := hclwrite.NewEmptyFile()
	for _, name := range files {
		f := parseExample(t, name, readFile(t, name))
		for _, block := range f.Body().Blocks() {
			if block.Type() != "import" {
				all.Body().AppendBlock(block)
				all.Body().AppendNewline()
			}
		}
	}
	return all.Bytes()
}

// readmeExample is the README's usage example, the first terraform block
// under its "## Usage" heading, without its terraform {} block: the test
// harness supplies the provider, which the registry address there would look
// for.
func readmeExample(t *testing.T) []byte {
	t.Helper()
	_, usage, found := strings.Cut(readFile(t, filepath.Join("..", "..", "README.md")), "\n## Usage\n")
	if !found {
		t.Fatal("README.md has no Usage section")
	}
	_, rest, ok := strings.Cut(usage, "```terraform\n")
	src, _, closed := strings.Cut(rest, "```")
	if !ok || !closed {
		t.Fatal("README.md has no terraform example")
	}
	f := parseExample(t, "README.md", src)
	for _, block := range f.Body().Blocks() {
		if block.Type() == "terraform" {
			f.Body().RemoveBlock(block)
		}
	}
	return f.Bytes()
}

// exampleFacts are what an example declares that the test checks.
type exampleFacts struct {
	variables    []string       // every variable without a default
	resources    map[string]int // resource blocks by arize_ type
	keyVariables []string       // the variables integrations take api_key from
}

// readExample finds in src its variables, its resources, and the
// variables their keys come from (api_key = var.<name>).
func readExample(t *testing.T, name string, src []byte) exampleFacts {
	t.Helper()
	file, diags := hclsyntax.ParseConfig(src, name, hclv2.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", name, diags)
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		t.Fatalf("%s: not native HCL syntax", name)
	}
	facts := exampleFacts{resources: map[string]int{}}
	for _, block := range body.Blocks {
		if block.Type == "resource" && len(block.Labels) == 2 && strings.HasPrefix(block.Labels[0], "arize_") {
			facts.resources[block.Labels[0]]++
			// One block, one object: that is what the counts check. And
			// terraform-plugin-testing cannot read the state of a for_each
			// instance (its keys are strings) at all.
			for _, meta := range []string{"for_each", "count"} {
				if _, ok := block.Body.Attributes[meta]; ok {
					t.Fatalf("%s: %s.%s has %s: write one block per object in examples", name, block.Labels[0], block.Labels[1], meta)
				}
			}
		}
		switch {
		case block.Type == "variable" && len(block.Labels) == 1:
			if _, hasDefault := block.Body.Attributes["default"]; !hasDefault {
				facts.variables = append(facts.variables, block.Labels[0])
			}
		case block.Type == "resource" && len(block.Labels) == 2 && block.Labels[0] == "arize_ai_integration":
			attr, ok := block.Body.Attributes["api_key"]
			if !ok {
				continue
			}
			ref, diags := hclv2.AbsTraversalForExpr(attr.Expr)
			if diags.HasErrors() || len(ref) != 2 || ref.RootName() != "var" {
				continue
			}
			if v, ok := ref[1].(hclv2.TraverseAttr); ok {
				facts.keyVariables = append(facts.keyVariables, v.Name)
			}
		}
	}
	return facts
}

// pointExampleAt points the example's provider block at env, adding one if
// the example has none. The block is written anew, with the example's own
// settings: hclwrite cannot add a line to a one-line block such as
// provider "arize" {}.
func pointExampleAt(t *testing.T, src []byte, env *accEnv) string {
	t.Helper()
	f := parseExample(t, "example", string(src))
	block := hclwrite.NewBlock("provider", []string{"arize"})
	for _, b := range f.Body().Blocks() {
		if b.Type() != "provider" || !slices.Equal(b.Labels(), []string{"arize"}) {
			continue
		}
		for _, name := range slices.Sorted(maps.Keys(b.Body().Attributes())) {
			block.Body().SetAttributeRaw(name, b.Body().GetAttribute(name).Expr().BuildTokens(nil))
		}
		f.Body().RemoveBlock(b)
	}
	block.Body().SetAttributeValue("endpoint", cty.StringVal(env.endpoint))
	block.Body().SetAttributeValue("api_key", cty.StringVal(env.apiKey))
	f.Body().AppendNewline()
	f.Body().AppendBlock(block)
	return string(hclwrite.Format(f.Bytes()))
}

func parseExample(t *testing.T, name, src string) *hclwrite.File {
	t.Helper()
	f, diags := hclwrite.ParseConfig([]byte(src), name, hclv2.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", name, diags)
	}
	return f
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestAccExamples_keyRotation walks the rotation guide: the same example,
// applied again with a new key alone (nothing happens) and then with a new
// version (the new key reaches Arize).
func TestAccExamples_keyRotation(t *testing.T) {
	src := readFile(t, filepath.Join("..", "..", "examples", "guides", "key-rotation", "main.tf"))
	env := newAccEnv(t)
	emu := env.emulator(t)
	step := func(key, version string, wantStored string) resource.TestStep {
		return resource.TestStep{
			Config: env.config(src),
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

// TestAccExamples_llmJudge walks the LLM-judge guide: the example applies,
// then a new model_name (and commit message) is one new version of the same
// evaluator, with nothing else sent to Arize.
func TestAccExamples_llmJudge(t *testing.T) {
	src := readFile(t, filepath.Join("..", "..", "examples", "guides", "llm-judge", "main.tf"))
	const (
		oldModel, newModel = `model_name        = "gpt-4o-mini"`, `model_name        = "gpt-4o"`
		oldMsg, newMsg     = `"Judge hallucinations with gpt-4o-mini"`, `"Judge hallucinations with gpt-4o"`
		judge              = "arize_evaluator.hallucination"
	)
	if !strings.Contains(src, oldModel) || !strings.Contains(src, oldMsg) {
		t.Fatalf("the guide's example no longer sets %s and %s: update this test", oldModel, oldMsg)
	}
	moved := strings.Replace(strings.Replace(src, oldModel, newModel, 1), oldMsg, newMsg, 1)
	env := newAccEnv(t)
	emu := env.emulator(t)
	vars := config.Variables{"openai_api_key": config.StringVariable("sk-judge-key")}
	sameID := statecheck.CompareValue(compare.ValuesSame())
	newVersion := statecheck.CompareValue(compare.ValuesDiffer())
	writes := func(versions int) statecheck.StateCheck {
		return expectRequests(emu, map[string]int{
			"POST " + emulator.RouteEvaluators:        1,
			"POST " + emulator.RouteEvaluatorVersions: versions,
			"PATCH " + emulator.RouteEvaluator:        0,
			"DELETE " + emulator.RouteEvaluator:       0,
		})
	}
	stored := func(model string, versions int) statecheck.StateCheck {
		return exampleStored{check: func() error {
			all := emu.Evaluators()
			if len(all) != 1 || all[0].Version == nil || all[0].Version.Config.Template == nil {
				return fmt.Errorf("the emulator holds %d evaluators, want the one judge", len(all))
			}
			if got := all[0].Version.Config.Template.LLMConfig.ModelName; got != model {
				return fmt.Errorf("the judge's latest version calls %q, want %q", got, model)
			}
			if n := len(emu.EvaluatorVersions(all[0].ID)); n != versions {
				return fmt.Errorf("the judge has %d versions, want %d", n, versions)
			}
			return nil
		}}
	}
	accTest(t,
		resource.TestStep{
			Config:          env.config(src),
			ConfigVariables: vars,
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(judge, tfjsonpath.New("id")),
				newVersion.AddStateValue(judge, tfjsonpath.New("current_version_id")),
				stored("gpt-4o-mini", 1), writes(0),
			},
		},
		resource.TestStep{
			Config:          env.config(moved),
			ConfigVariables: vars,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(judge, plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(judge, tfjsonpath.New("id")),
				newVersion.AddStateValue(judge, tfjsonpath.New("current_version_id")),
				stored("gpt-4o", 2), writes(1),
			},
		},
	)
}
