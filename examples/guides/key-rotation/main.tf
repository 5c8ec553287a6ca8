# The key comes from an ephemeral variable, set by the pipeline (for example
# TF_VAR_openai_api_key from a secret store). Ephemeral values never enter a
# plan or state file, and api_key is write-only, so it accepts them.
variable "openai_api_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

# Bump this when the key in the secret store changes: the key is sent to
# Arize only when api_key_version changes.
variable "openai_api_key_version" {
  type    = string
  default = "2026-11-01"
}

resource "arize_ai_integration" "openai" {
  name            = "OpenAI (rotated)"
  ai_provider     = "OPEN_AI"
  api_key         = var.openai_api_key
  api_key_version = var.openai_api_key_version
  model_names     = ["gpt-4o"]
}
