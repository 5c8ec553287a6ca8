# Look a role up by its exact name: a predefined one...
data "arize_role" "annotator" {
  name = "Annotator"
}

# ...or a custom one, or any role by its ID.
data "arize_role" "by_id" {
  id = "Um9sZTo1OmFCY0Q="
}

# Grant the predefined role on a space. Users are named by their Arize
# user ID.
resource "arize_role_binding" "dana_annotates" {
  user_id       = "VXNlcjo0OmREZEQ="
  resource_type = "SPACE"
  resource_id   = "U3BhY2U6MTIzNDU="
  role_id       = data.arize_role.annotator.id
}

output "annotator_permissions" {
  value = data.arize_role.annotator.permissions
}
