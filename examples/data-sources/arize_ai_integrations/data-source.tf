# Every integration scoped to a space whose name contains "production".
data "arize_ai_integrations" "production" {
  space_name = "production"
}

# Every integration in the account.
data "arize_ai_integrations" "all" {}

output "integrations_without_a_key" {
  value = [for i in data.arize_ai_integrations.all.ai_integrations : i.name if !i.has_api_key]
}
