# terraform query finds the active user keys of the user whose API key the
# provider uses, the only ones arize_user_api_key can manage;
# -generate-config-out=generated.tf writes an import block and a resource
# block for each, named by the key's name. Arize never answers a key's secret
# again: key stays null until rotation is set. User keys belong to the
# account, so there is no organization_id or space_id filter.
list "arize_user_api_key" "mine" {
  provider         = arize
  include_resource = true
}

# name matches a part of the key's name, ignoring case.
list "arize_user_api_key" "notebooks" {
  provider = arize

  config {
    name = "notebook"
  }
}
