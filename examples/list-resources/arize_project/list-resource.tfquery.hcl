# terraform query finds the projects made outside Terraform;
# -generate-config-out=generated.tf writes resource and import blocks for
# them, with deletion_protection = true.
list "arize_project" "all" {
  provider         = arize
  include_resource = true
}

# To adopt one organization at a time: organization_id keeps the projects of
# the organization's spaces (space_id, those of one space). Every list
# resource of objects in an organization or a space takes these two filters.
list "arize_project" "ml_platform" {
  provider         = arize
  include_resource = true

  config {
    organization_id = "T3JnYW5pemF0aW9uOjE6YUJjRA=="
  }
}

# space_id, space_name and name are the list API's filters, the last two
# matching a substring, ignoring case.
list "arize_project" "support_bots" {
  provider = arize

  config {
    space_id = "U3BhY2U6MTpWNEth"
    name     = "bot"
  }
}
