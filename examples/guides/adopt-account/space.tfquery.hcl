# One space and everything in it, for a root module of its own:
#   terraform query -var space_id=<ID> -generate-config-out=adopted.tf
# The space's organization, and integrations scoped to the whole
# organization, stay with the organization's root module.

variable "space_id" {
  type        = string
  description = "The ID of the space to adopt (data \"arize_space\", or terraform query's list of spaces)."
}

list "arize_space" "adopted" {
  provider         = arize
  include_resource = true
  config {
    space_id = var.space_id
  }
}

list "arize_ai_integration" "adopted" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    space_id = var.space_id
  }
}

list "arize_evaluator" "adopted" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    space_id = var.space_id
  }
}

list "arize_project" "adopted" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    space_id = var.space_id
  }
}

list "arize_project_restriction" "adopted" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    space_id = var.space_id
  }
}

list "arize_role_binding" "adopted" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    space_id = var.space_id
  }
}

list "arize_service_api_key" "adopted" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    space_id = var.space_id
  }
}
