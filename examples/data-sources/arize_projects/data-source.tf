# Every project of one space.
data "arize_projects" "support" {
  space_id = "U3BhY2U6MTpWNEth"
}

# Every project the provider's API key can see whose name contains "bot",
# ignoring case, in spaces whose name contains "support".
data "arize_projects" "bots" {
  space_name = "support"
  name       = "bot"
}

output "support_project_names" {
  value = [for p in data.arize_projects.support.projects : p.name]
}
