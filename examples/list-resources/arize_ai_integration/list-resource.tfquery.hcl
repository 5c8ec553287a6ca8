# terraform query finds the integrations made outside Terraform;
# -generate-config-out=generated.tf writes resource and import blocks for them.
# Without filters, it finds every integration, account-wide ones included.
list "arize_ai_integration" "all" {
  provider         = arize
  include_resource = true
}

# The list API's filters: name and space_name match substrings, ignoring case.
list "arize_ai_integration" "openai" {
  provider = arize

  config {
    name = "openai"
  }
}

# organization_id finds the integrations scoped to the whole organization or
# to one of its spaces. Pass it the same ID as every other list block's
# organization_id to adopt one organization at a time.
list "arize_ai_integration" "research" {
  provider         = arize
  include_resource = true

  config {
    organization_id = "T3JnYW5pemF0aW9uOjI6elpjbA=="
  }
}

# space_id is the list API's filter: the integrations scoped to that space
# itself, not those scoped to its whole organization.
list "arize_ai_integration" "one_space" {
  provider = arize

  config {
    space_id = "U3BhY2U6MTpWNEth"
  }
}

# account_wide = true: only the integrations with no scoping, which no
# organization_id or space_id finds.
list "arize_ai_integration" "account_wide" {
  provider         = arize
  include_resource = true

  config {
    account_wide = true
  }
}
