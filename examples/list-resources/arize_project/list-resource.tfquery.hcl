# terraform query finds the projects made outside Terraform;
# -generate-config-out=generated.tf writes resource and import blocks for
# them, with deletion_protection = true.
list "arize_project" "all" {
  provider         = arize
  include_resource = true
}

# Filters are those of the list API: space_id, space_name and name, the last
# two matching a substring, ignoring case.
list "arize_project" "support_bots" {
  provider = arize

  config {
    space_id = "U3BhY2U6MTpWNEth"
    name     = "bot"
  }
}
