# Look an organization up by its exact name...
data "arize_organization" "ml_platform" {
  name = "ML Platform"
}

# ...or by its ID.
data "arize_organization" "by_id" {
  id = "T3JnYW5pemF0aW9uOjE6YUJjRA=="
}

# Scope an integration to an organization that Terraform does not manage.
resource "arize_ai_integration" "anthropic" {
  name        = "ML Platform Anthropic"
  ai_provider = "ANTHROPIC"
  model_names = ["claude-3-5-sonnet-latest"]

  scopings = [
    { organization_id = data.arize_organization.ml_platform.id },
  ]
}
