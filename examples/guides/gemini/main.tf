variable "gemini_api_key" {
  description = "A Google AI Studio API key."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "arize_ai_integration" "gemini" {
  name                  = "Gemini"
  ai_provider           = "GEMINI"
  api_key               = var.gemini_api_key
  api_key_version       = "1"
  enable_default_models = true
}
