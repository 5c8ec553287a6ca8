# An organization groups spaces and the access to them. Its name is unique
# in the Arize account.
resource "arize_organization" "ml_platform" {
  name        = "ML Platform"
  description = "Models and LLM applications of the ML platform team."

  # Deleting an organization deletes every space in it and all their data,
  # irreversibly, so deletion_protection is true by default and Terraform then
  # refuses to destroy it. This example turns it off so that it can be
  # destroyed with the rest; leave it out for an organization that matters.
  deletion_protection = false
}

# Integrations can be scoped to the organization by reference.
resource "arize_ai_integration" "ml_platform_openai" {
  name        = "ML Platform OpenAI"
  ai_provider = "OPEN_AI"
  model_names = ["gpt-4o"]

  scopings = [
    { organization_id = arize_organization.ml_platform.id },
  ]
}
