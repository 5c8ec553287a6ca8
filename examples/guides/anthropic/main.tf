variable "anthropic_api_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "arize_ai_integration" "anthropic" {
  name            = "Anthropic"
  ai_provider     = "ANTHROPIC"
  api_key         = var.anthropic_api_key
  api_key_version = "1"
  model_names     = ["claude-3-5-sonnet-latest", "claude-3-5-haiku-latest"]
}
