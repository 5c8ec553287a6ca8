# terraform query finds the evaluators made outside Terraform, each with its
# latest version's configuration (one read per evaluator);
# -generate-config-out=generated.tf writes resource and import blocks for
# them. HARNESS and REMOTE evaluators, which cannot be imported, are left out.
list "arize_evaluator" "all" {
  provider         = arize
  include_resource = true
}

# Filters are those of the list API: space_id, and name, which matches a
# substring, ignoring case.
list "arize_evaluator" "support_bot_judges" {
  provider = arize

  config {
    space_id = "U3BhY2U6MTpWNEth"
    name     = "judge"
  }
}
