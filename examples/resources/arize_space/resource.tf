# A space belongs to an organization, made here too.
resource "arize_organization" "ml_platform" {
  name = "ML Platform"

  # This example turns deletion protection off so that it can be destroyed
  # with the rest; leave it out for an organization that matters.
  deletion_protection = false
}

# A space's name is unique within its organization.
resource "arize_space" "fraud" {
  organization_id = arize_organization.ml_platform.id
  name            = "Fraud detection"
  description     = "Models, monitors and dashboards of the fraud team."

  # Deleting a space deletes all its data in Arize (models, monitors,
  # dashboards, datasets, ...), irreversibly, so deletion_protection is true
  # by default and Terraform then refuses to destroy or replace it. This
  # example turns it off so that it can be destroyed; leave it out for a
  # space that matters.
  deletion_protection = false
}

# A private space is visible only to its members and to admins: the identity
# behind the provider's API key must be one of them to read it back.
resource "arize_space" "security" {
  organization_id     = arize_organization.ml_platform.id
  name                = "Security research"
  is_private          = true
  deletion_protection = false
}

# Integrations can be scoped to the space by reference.
resource "arize_ai_integration" "fraud_openai" {
  name        = "Fraud detection OpenAI"
  ai_provider = "OPEN_AI"
  model_names = ["gpt-4o"]

  scopings = [
    { organization_id = arize_space.fraud.organization_id, space_id = arize_space.fraud.id },
  ]
}
