# What belongs to the whole account rather than to one organization: users,
# custom roles, user API keys and account-wide integrations. Adopt them once,
# in the root module that manages the account, next to the organizations'
# own root modules (organization.tfquery.hcl):
#   terraform query -generate-config-out=adopted.tf

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

list "arize_ai_integration" "account_wide" {
  provider         = arize
  include_resource = true
  limit            = 1000
  config {
    account_wide = true
  }
}

list "arize_user_api_key" "all" {
  provider         = arize
  include_resource = true
  limit            = 1000
}
