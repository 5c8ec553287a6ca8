package bench

import "fmt"

// Config is the Terraform configuration of a run: n integrations from one
// resource block with count, and a realistic mix of attributes (four
// providers, a base URL on the custom ones, model lists on all, headers on
// one in five, a write-only key on half, scopings on a third). The variable
// generation appears in model_names, so `-var generation=2` changes one
// attribute of every resource: the update the benchmark measures.
func Config(endpoint string, n int) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    arize = { source = "arize-ai/arize" }
  }
}

# The api key comes from ARIZE_API_KEY.
provider "arize" {
  endpoint = %q
}

variable "generation" {
  type    = number
  default = 1
}

locals {
  kinds = ["OPEN_AI", "ANTHROPIC", "CUSTOM", "GEMINI"]
}

resource "arize_ai_integration" "bench" {
  count                    = %d
  name                     = format("bench-%%04d", count.index)
  ai_provider              = local.kinds[count.index %% 4]
  base_url                 = count.index %% 4 == 2 ? "https://llm-${count.index}.example.com/v1" : null
  model_names              = ["model-${count.index}", "shared", "rev-${var.generation}"]
  headers                  = count.index %% 5 == 0 ? { "X-Team" = "team-${count.index %% 7}" } : null
  api_key                  = count.index %% 2 == 0 ? "sk-bench-${count.index}" : null
  api_key_version          = count.index %% 2 == 0 ? "1" : null
  function_calling_enabled = count.index %% 2 == 0
  scopings = count.index %% 3 == 0 ? [{
    organization_id = "org-${count.index %% 7}"
    space_id        = "space-${count.index %% 11}"
  }] : []
}
`, endpoint, n)
}

// CLIConfig is a Terraform CLI configuration whose dev_overrides point the
// provider's address at dir, whose terraform-provider-arize is the shim.
func CLIConfig(dir string) string {
	return fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n", "arize-ai/arize", dir)
}
