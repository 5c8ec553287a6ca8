# terraform query finds the role bindings made outside Terraform, each named
# "<user_id> on <resource_type> <resource_id>"; -generate-config-out=generated.tf
# writes resource and import blocks for them. Without a resource_type filter,
# it lists the bindings on spaces, then those on projects.
list "arize_role_binding" "all" {
  provider         = arize
  include_resource = true
}

# To adopt one organization at a time: organization_id keeps the bindings on
# the organization's spaces and on their projects (space_id, those on one
# space and its projects). Every list resource of objects in an organization
# or a space takes these two filters.
list "arize_role_binding" "ml_platform" {
  provider         = arize
  include_resource = true

  config {
    organization_id = "T3JnYW5pemF0aW9uOjE6YUJjRA=="
  }
}

# resource_type and user_id are the list API's filters: one resource type,
# and one user.
list "arize_role_binding" "carol_on_spaces" {
  provider = arize

  config {
    resource_type = "SPACE"
    user_id       = "VXNlcjozOmNDY0M="
  }
}
