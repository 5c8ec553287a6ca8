# terraform query finds the role bindings made outside Terraform, each named
# "<user_id> on <resource_type> <resource_id>"; -generate-config-out=generated.tf
# writes resource and import blocks for them. Without a resource_type filter,
# it lists the bindings on spaces, then those on projects.
list "arize_role_binding" "all" {
  provider         = arize
  include_resource = true
}

# The filters are the list API's: one resource type, and one user.
list "arize_role_binding" "carol_on_spaces" {
  provider = arize

  config {
    resource_type = "SPACE"
    user_id       = "VXNlcjozOmNDY0M="
  }
}
