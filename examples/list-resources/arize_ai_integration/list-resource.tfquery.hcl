# terraform query finds the integrations made outside Terraform;
# -generate-config-out=generated.tf writes resource and import blocks for them.
list "arize_ai_integration" "all" {
  provider         = arize
  include_resource = true
}

# Filters are those of the list API: name and space_name match substrings,
# ignoring case.
list "arize_ai_integration" "openai" {
  provider = arize

  config {
    name = "openai"
  }
}
