# Look an integration up by its exact name...
data "arize_ai_integration" "openai" {
  name = "Production OpenAI"
}

# ...or by its ID.
data "arize_ai_integration" "by_id" {
  id = "TGxtSW50ZWdyYXRpb246MTI6YUJjRA=="
}

output "openai_models" {
  value = data.arize_ai_integration.openai.model_names
}
