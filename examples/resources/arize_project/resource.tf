# An organization made outside Terraform.
data "arize_organization" "platform" {
  name = "Platform"
}

# A project belongs to a space, made here too.
resource "arize_space" "support" {
  organization_id = data.arize_organization.platform.id
  name            = "Customer support"

  # This example turns deletion protection off so that it can be destroyed
  # with the rest; leave it out for a space that matters.
  deletion_protection = false
}

# A project holds one LLM application's traces. Its name is unique within
# its space: changing it renames the project in place, while changing
# space_id replaces it (a project cannot move).
resource "arize_project" "support_bot" {
  space_id = arize_space.support.id
  name     = "Support bot"

  # Deleting a project deletes all its traces in Arize, irreversibly, so
  # deletion_protection is true by default and Terraform then refuses to
  # destroy or replace it. This example turns it off so that it can be
  # destroyed; leave it out for a project that matters.
  deletion_protection = false
}
