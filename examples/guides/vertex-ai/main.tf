resource "arize_ai_integration" "vertex" {
  name        = "Vertex AI (ml-platform-prod)"
  ai_provider = "VERTEX_AI"

  provider_metadata = {
    gcp = {
      project_id           = "ml-platform-prod"
      location             = "us-central1"
      project_access_label = "ml-platform-prod"
    }
  }

  # Vertex AI needs a model source: a list, or enable_default_models = true.
  enable_default_models = true
}
