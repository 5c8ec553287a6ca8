# Every organization whose name contains "platform", ignoring case.
data "arize_organizations" "platform" {
  name = "platform"
}

# Every organization in the account.
data "arize_organizations" "all" {}

output "organization_ids_by_name" {
  value = { for o in data.arize_organizations.all.organizations : o.name => o.id }
}
