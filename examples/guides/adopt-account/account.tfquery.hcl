# Every object of the Arize account that the provider can list, with the
# attributes an import reads (include_resource), for
#   terraform query -generate-config-out=adopted.tf
# limit: Terraform stops at 100 results per block unless told otherwise.

list "arize_organization" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000
}

list "arize_space" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000
}

list "arize_ai_integration" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000
}

list "arize_evaluator" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000
}

list "arize_project" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000
}

list "arize_project_restriction" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000
}

list "arize_user" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000
}

list "arize_role" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000
}

list "arize_role_binding" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000
}

list "arize_service_api_key" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000
}

list "arize_user_api_key" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000
}
