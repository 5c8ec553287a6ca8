# A key that authenticates as the user whose API key the provider uses (its
# api_key), with that user's permissions: the user needs the developer
# permission, and a service key cannot make user keys. For pipelines, prefer
# arize_service_api_key.
resource "arize_user_api_key" "notebooks" {
  name        = "notebooks"
  description = "Notebooks on the analytics laptop"

  # Change this to rotate the key in place: same ID, a new secret, and the
  # old one stops working at once.
  rotation = "1"
}

# The secret, arize_user_api_key.notebooks.key, is a sensitive value that
# Arize answers only when the key is made or rotated. Read it once, where no
# one else looks:
#
#   terraform output -raw notebooks_key
# A secret store (as the arize_service_api_key docs show) keeps it out of people's hands.
output "notebooks_key" {
  value     = arize_user_api_key.notebooks.key
  sensitive = true
}
