provider "arize" {
  # More patience for a busy account; tries are spaced out by the API's
  # Retry-After or by backoff of up to 30 s.
  max_retries = 10

  # A slow network or region.
  request_timeout = "2m"
}

resource "arize_ai_integration" "example" {
  name                  = "Gemini"
  ai_provider           = "GEMINI"
  enable_default_models = true
}
