variable "gateway_token" {
  description = "The bearer token of the internal LLM gateway."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "proxy_credentials" {
  description = "The credentials the egress proxy expects in a header."
  type        = string
  sensitive   = true
}

# An OpenAI-compatible gateway that takes a bearer token: the token is the
# integration's write-only api_key.
resource "arize_ai_integration" "gateway" {
  name            = "LLM gateway"
  ai_provider     = "CUSTOM"
  base_url        = "https://llm-gateway.internal.example.com/v1"
  auth_type       = "BEARER_TOKEN"
  api_key         = var.gateway_token
  api_key_version = "1"
  model_names     = ["llama-3.1-70b-instruct", "qwen2.5-72b-instruct"]
}

# A self-hosted model behind a proxy that authenticates with headers. Headers
# are sensitive; they cannot be write-only, so they are kept in state.
resource "arize_ai_integration" "proxied" {
  name                     = "vLLM behind the egress proxy"
  ai_provider              = "CUSTOM"
  base_url                 = "https://vllm.ml.example.com/v1"
  auth_type                = "PROXY_WITH_HEADERS"
  model_names              = ["mistral-7b-instruct"]
  function_calling_enabled = false

  headers = {
    "Proxy-Authorization" = var.proxy_credentials
    "X-Team"              = "ml-platform"
  }
}
