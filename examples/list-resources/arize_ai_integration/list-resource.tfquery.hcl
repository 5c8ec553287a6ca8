# terraform query finds the integrations made outside Terraform;
# -generate-config-out=generated.tf writes resource and import blocks for them.
# Only a list without organization_id or space_id finds the account-wide
# integrations, which are in no organization.
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

# To adopt one organization at a time, pass the same variable as the
# organization_id of every list block: this one finds the integrations scoped
# to the whole organization or to one of its spaces.
variable "organization_id" {
  type = string
}

list "arize_ai_integration" "this_organization" {
  provider         = arize
  include_resource = true

  config {
    organization_id = var.organization_id
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
