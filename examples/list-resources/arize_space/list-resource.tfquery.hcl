# terraform query finds the spaces made outside Terraform, each with its
# organization; -generate-config-out=generated.tf writes resource and import
# blocks for them. Without an organization_id filter, it lists the spaces of
# each organization in turn.
list "arize_space" "all" {
  provider         = arize
  include_resource = true
}

# Filters are those of the list API: organization_id, and name, which matches
# a substring, ignoring case.
list "arize_space" "ml_platform_production" {
  provider = arize

  config {
    organization_id = "T3JnYW5pemF0aW9uOjE6YUJjRA=="
    name            = "production"
  }
}
