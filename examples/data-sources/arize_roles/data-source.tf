# Every role of the account, predefined and custom.
data "arize_roles" "all" {}

# Only the custom roles.
data "arize_roles" "custom" {
  is_predefined = false
}

output "role_ids_by_name" {
  value = { for r in data.arize_roles.all.roles : r.name => r.id }
}
