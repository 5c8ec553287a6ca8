# terraform query finds the organizations made outside Terraform;
# -generate-config-out=generated.tf writes resource and import blocks for them,
# with deletion_protection = true.
list "arize_organization" "all" {
  provider         = arize
  include_resource = true
}

# The filter is the list API's: name matches a substring, ignoring case.
list "arize_organization" "platform" {
  provider = arize

  config {
    name = "platform"
  }
}
