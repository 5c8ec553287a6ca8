# Look a space up by its exact name, within its organization: space names are
# unique only there...
data "arize_space" "fraud" {
  organization_id = "T3JnYW5pemF0aW9uOjE6YUJjRA=="
  name            = "Fraud detection"
}

# ...or by its ID, which also finds its organization.
data "arize_space" "by_id" {
  id = "U3BhY2U6MTpWNEth"
}

# Scope an integration to the space by reference.
resource "arize_ai_integration" "fraud_openai" {
  name        = "Fraud detection OpenAI"
  ai_provider = "OPEN_AI"
  model_names = ["gpt-4o"]

  scopings = [
    { organization_id = data.arize_space.fraud.organization_id, space_id = data.arize_space.fraud.id },
  ]
}
