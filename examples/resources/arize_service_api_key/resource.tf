# An organization made outside Terraform.
data "arize_organization" "platform" {
  name = "Platform"
}

# The space the pipeline writes to, made here too.
resource "arize_space" "pipelines" {
  organization_id = data.arize_organization.platform.id
  name            = "Nightly pipelines"

  # This example turns deletion protection off so that it can be destroyed
  # with the rest; leave it out for a space that matters.
  deletion_protection = false
}

# A key for the nightly pipeline: it authenticates as its own service
# account, with the roles below (the organization's role defaults to
# READ_ONLY, the account role to MEMBER). Arize cannot change a key, so a
# change of any of these replaces it, and the old key is revoked.
resource "arize_service_api_key" "pipeline" {
  name        = "nightly-pipeline"
  description = "Uploads the nightly batch of predictions"

  organizations = [{
    organization_id = data.arize_organization.platform.id
    spaces = [
      { space_id = arize_space.pipelines.id, role = "MEMBER" },
    ]
  }]

  # Change this to rotate the key in place: same ID and roles, a new secret,
  # and the old one stops working at once. time_rotating.<name>.id rotates
  # it on a schedule.
  rotation = "2026-12"
}

# The secret is arize_service_api_key.pipeline.key, a sensitive value that
# Arize answers only when the key is made or rotated. Hand it straight to the
# secret store the pipeline reads, for example:
#
# resource "aws_secretsmanager_secret_version" "pipeline" {
#   secret_id     = aws_secretsmanager_secret.pipeline.id
#   secret_string = arize_service_api_key.pipeline.key
# }

# What the key looks like, to recognise it in the Arize UI: not a secret.
output "pipeline_key" {
  value = arize_service_api_key.pipeline.redacted_key
}
