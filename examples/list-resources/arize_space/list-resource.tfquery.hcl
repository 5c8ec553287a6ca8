# terraform query finds the spaces made outside Terraform, each with its
# organization; -generate-config-out=generated.tf writes resource and import
# blocks for them. Without an organization_id filter, it lists the spaces of
# each organization in turn.
list "arize_space" "all" {
  provider         = arize
  include_resource = true
}

# organization_id is the list API's org_id filter; name matches a substring,
# ignoring case.
list "arize_space" "ml_platform_production" {
  provider = arize

  config {
    organization_id = "T3JnYW5pemF0aW9uOjE6YUJjRA=="
    name            = "production"
  }
}

# To adopt one space at a time, pass the same variable as the space_id of
# every list block: this one finds that space alone, with its organization.
variable "space_id" {
  type = string
}

list "arize_space" "this_one" {
  provider         = arize
  include_resource = true

  config {
    space_id = var.space_id
  }
}
