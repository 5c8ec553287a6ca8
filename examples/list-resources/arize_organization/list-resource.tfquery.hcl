# terraform query finds the organizations made outside Terraform;
# -generate-config-out=generated.tf writes resource and import blocks for them,
# with deletion_protection = true.
list "arize_organization" "all" {
  provider         = arize
  include_resource = true
}

# The name filter is the list API's: it matches a substring, ignoring case.
list "arize_organization" "platform" {
  provider = arize

  config {
    name = "platform"
  }
}

# To adopt one organization at a time, pass the same variable as the
# organization_id of every list block. There is no space_id: an organization
# is not in a space.
variable "organization_id" {
  type = string
}

list "arize_organization" "this_one" {
  provider         = arize
  include_resource = true

  config {
    organization_id = var.organization_id
  }
}
