# terraform query finds the evaluators made outside Terraform, each with its
# latest version's configuration (one read per evaluator);
# -generate-config-out=generated.tf writes resource and import blocks for
# them. HARNESS and REMOTE evaluators, which cannot be imported, are left out.
list "arize_evaluator" "all" {
  provider         = arize
  include_resource = true
}

# To adopt one organization at a time: organization_id keeps the evaluators
# of the organization's spaces (space_id, those of one space). Every list
# resource of objects in an organization or a space takes these two filters.
list "arize_evaluator" "ml_platform" {
  provider         = arize
  include_resource = true

  config {
    organization_id = "T3JnYW5pemF0aW9uOjE6YUJjRA=="
  }
}

# space_id and name are the list API's filters; name matches a substring,
# ignoring case.
list "arize_evaluator" "support_bot_judges" {
  provider = arize

  config {
    space_id = "U3BhY2U6MTpWNEth"
    name     = "judge"
  }
}
