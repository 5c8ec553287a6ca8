# One organization and everything in it, for a root module of its own:
#   terraform query -var organization_id=<ID> -generate-config-out=adopted.tf
# Users, custom roles, user API keys and account-wide integrations belong to
# the whole account, not to an organization: adopt them once, with
# account-level.tfquery.hcl.

variable "organization_id" {
  type        = string
  description = "The ID of the organization to adopt (data \"arize_organization\", or terraform query's list of organizations)."
}

list "arize_organization" "adopted" {
  provider         = arize
  include_resource = true
  config {
    organization_id = var.organization_id
  }
}

list "arize_space" "adopted" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    organization_id = var.organization_id
  }
}

list "arize_ai_integration" "adopted" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    organization_id = var.organization_id
  }
}

list "arize_evaluator" "adopted" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    organization_id = var.organization_id
  }
}

list "arize_project" "adopted" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    organization_id = var.organization_id
  }
}

list "arize_project_restriction" "adopted" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    organization_id = var.organization_id
  }
}

list "arize_role_binding" "adopted" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    organization_id = var.organization_id
  }
}

list "arize_service_api_key" "adopted" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    organization_id = var.organization_id
  }
}
