variable "nvidia_api_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

# NVIDIA's hosted endpoints. For a self-hosted NIM, set base_url to its
# OpenAI-compatible address instead.
resource "arize_ai_integration" "nim" {
  name            = "NVIDIA NIM"
  ai_provider     = "NVIDIA_NIM"
  api_key         = var.nvidia_api_key
  api_key_version = "1"
  base_url        = "https://integrate.api.nvidia.com/v1"
  model_names     = ["meta/llama-3.1-70b-instruct", "mistralai/mixtral-8x22b-instruct-v0.1"]
}
