variable "bedrock_role_arn" {
  description = "The role in your AWS account that Arize assumes to call Bedrock."
  type        = string
  default     = "arn:aws:iam::123456789012:role/arize-bedrock-access"
}

variable "bedrock_external_id" {
  description = "The external ID the role's trust policy requires of Arize."
  type        = string
  default     = "arize-7f3c"
}

resource "arize_ai_integration" "bedrock" {
  name        = "Bedrock (ml-prod account)"
  ai_provider = "AWS_BEDROCK"

  provider_metadata = {
    aws = {
      role_arn    = var.bedrock_role_arn
      external_id = var.bedrock_external_id
    }
  }

  # Bedrock needs a model source: the model IDs enabled in the account...
  model_names = [
    "anthropic.claude-3-5-sonnet-20240620-v1:0",
    "meta.llama3-70b-instruct-v1:0",
  ]
  # ...or Bedrock's default list: enable_default_models = true
}
