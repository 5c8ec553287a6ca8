# An organization made outside Terraform.
data "arize_organization" "platform" {
  name = "Platform"
}

resource "arize_space" "payments" {
  organization_id = data.arize_organization.platform.id
  name            = "Payments"

  # This example turns deletion protection off so that it can be destroyed
  # with the rest; leave it out for a space that matters.
  deletion_protection = false
}

resource "arize_project" "fraud_agent" {
  space_id = arize_space.payments.id
  name     = "Fraud agent"

  # This example turns deletion protection off so that it can be destroyed
  # with the rest; leave it out for a project that matters.
  deletion_protection = false
}

# Roles bound on the Payments space, its organization or the account no
# longer reach the project: only roles bound on the project itself do
# (arize_role_binding with resource_type = "PROJECT"). A project has one
# restriction, identified by the project; destroying it lifts the
# restriction and deletes nothing.
resource "arize_project_restriction" "fraud_agent" {
  project_id = arize_project.fraud_agent.id
}
