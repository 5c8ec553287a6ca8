# A payments team's space, with two projects: the checkout assistant, whose
# traces an evaluation pipeline reads, and fraud review, which holds
# sensitive traces that nobody reaches through a broad role.
data "arize_organization" "platform" {
  name = "Platform"
}

resource "arize_space" "payments" {
  organization_id = data.arize_organization.platform.id
  name            = "Payments"

  # Deleting a space or a project deletes its data for good. Leave
  # deletion_protection at its default (true) for ones that matter; this
  # guide turns it off so that it can be destroyed.
  deletion_protection = false
}

resource "arize_project" "checkout_assistant" {
  space_id            = arize_space.payments.id
  name                = "Checkout assistant"
  deletion_protection = false
}

resource "arize_project" "fraud_review" {
  space_id            = arize_space.payments.id
  name                = "Fraud review"
  deletion_protection = false
}

# Roles bound on the space, its organization or the account stop at this
# project: only a role bound on the project itself reaches it.
resource "arize_project_restriction" "fraud_review" {
  project_id = arize_project.fraud_review.id
}

# The pipeline's key: a service account with its own roles, not a person's.
# Its space role reaches the checkout assistant, and the restriction keeps it
# out of fraud review.
resource "arize_service_api_key" "evaluation_pipeline" {
  name        = "evaluation-pipeline"
  description = "Nightly evaluations of the checkout assistant"

  organizations = [{
    organization_id = data.arize_organization.platform.id
    spaces = [{
      space_id = arize_space.payments.id
      role     = "READ_ONLY"
    }]
  }]

  # Change this value to rotate the key in place: Arize issues a new secret
  # for the same key, and the old one stops working.
  rotation = "2026-12"
}
