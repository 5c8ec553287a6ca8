variable "openai_api_key" {
  description = "An OpenAI API key, from the platform team's secret store."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "arize_ai_integration" "openai" {
  name            = "OpenAI (production)"
  ai_provider     = "OPEN_AI"
  api_key         = var.openai_api_key
  api_key_version = "1"

  # Offer these models in the playground and to evaluators...
  model_names = ["gpt-4o", "gpt-4o-mini", "o3-mini"]
  # ...or, instead, OpenAI's default list:
  # enable_default_models = true
}
