variable "azure_openai_api_key" {
  description = "A key of the Azure OpenAI resource."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "arize_ai_integration" "azure" {
  name            = "Azure OpenAI (westeurope)"
  ai_provider     = "AZURE_OPEN_AI"
  api_key         = var.azure_openai_api_key
  api_key_version = "1"

  # The Azure OpenAI resource's endpoint.
  base_url = "https://contoso-ml.openai.azure.com"

  # Azure serves models through deployments: list the deployment names.
  model_names = ["gpt-4o-prod", "gpt-4o-mini-prod"]
}
