# Look a project up by its exact name, within its space: project names are
# unique only there...
data "arize_project" "support_bot" {
  space_id = "U3BhY2U6MTpWNEth"
  name     = "Support bot"
}

# ...or by its ID.
data "arize_project" "by_id" {
  id = "UHJvamVjdDoxOmFCY0Q="
}

# Restrict a project that Terraform does not manage, by reference.
resource "arize_project_restriction" "support_bot" {
  project_id = data.arize_project.support_bot.id
}
