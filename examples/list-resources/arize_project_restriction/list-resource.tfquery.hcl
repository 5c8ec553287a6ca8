# terraform query finds the restricted projects; -generate-config-out=generated.tf
# writes an import block and a resource block for each restriction, keyed by
# its project's ID.
list "arize_project_restriction" "all" {
  provider         = arize
  include_resource = true
}

# One organization, or one space, at a time: the same two filters as every
# other list resource's, so one query file can pass the same variables to
# all of them. Arize's restriction list has no such filter: the provider
# lists the spaces' projects and keeps their restrictions.
list "arize_project_restriction" "llm_apps" {
  provider         = arize
  include_resource = true

  config {
    organization_id = "T3JnYW5pemF0aW9uOjE6QWJDZA=="
    space_id        = "U3BhY2U6MTpWNEth"
  }
}

# One project's restriction: one result if it is restricted, none if not.
list "arize_project_restriction" "chat_bot" {
  provider = arize

  config {
    project_id = "UHJvamVjdDo1OmFCY0Q="
  }
}
