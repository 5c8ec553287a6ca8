# Keys come from ephemeral variables (Terraform 1.10+): they reach the
# write-only api_key without ever being stored in a plan or state file.
variable "openai_api_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "gateway_token" {
  type      = string
  sensitive = true
}

# OpenAI for one organization. To rotate the key, set the new value in
# openai_api_key and change api_key_version: only then is the key sent again.
resource "arize_ai_integration" "openai" {
  name            = "Production OpenAI"
  ai_provider     = "OPEN_AI"
  api_key         = var.openai_api_key
  api_key_version = "2026-11-01"
  model_names     = ["gpt-4o", "gpt-4o-mini"]

  scopings = [
    { organization_id = "QWNjb3VudE9yZzoxMjM6YWJj" },
  ]
}

# AWS Bedrock through a role that Arize assumes in your account.
resource "arize_ai_integration" "bedrock" {
  name                  = "Bedrock (production account)"
  ai_provider           = "AWS_BEDROCK"
  enable_default_models = true

  provider_metadata = {
    aws = {
      role_arn    = "arn:aws:iam::123456789012:role/arize-bedrock-access"
      external_id = "arize-7f3c"
    }
  }
}

# Vertex AI in one Google Cloud project, visible in a single space.
resource "arize_ai_integration" "vertex" {
  name        = "Vertex AI (ml-platform)"
  ai_provider = "VERTEX_AI"
  model_names = ["gemini-1.5-pro", "gemini-1.5-flash"]

  provider_metadata = {
    gcp = {
      project_id           = "ml-platform-prod"
      location             = "us-central1"
      project_access_label = "ml-platform"
    }
  }

  scopings = [
    { organization_id = "QWNjb3VudE9yZzoxMjM6YWJj", space_id = "U3BhY2U6MTIzNDU=" },
  ]
}

# An OpenAI-compatible gateway that authenticates with a header. Headers are
# sensitive: Terraform hides them in plans.
resource "arize_ai_integration" "gateway" {
  name                     = "Internal LLM gateway"
  ai_provider              = "CUSTOM"
  base_url                 = "https://llm-gateway.internal.example.com/v1"
  auth_type                = "PROXY_WITH_HEADERS"
  model_names              = ["llama-3.1-70b-instruct"]
  function_calling_enabled = false

  headers = {
    "X-Gateway-Token" = var.gateway_token
  }
}
