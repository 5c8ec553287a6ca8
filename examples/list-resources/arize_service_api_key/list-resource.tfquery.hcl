# terraform query finds the active service keys; -generate-config-out=generated.tf
# writes an import block and a resource block for each, named by the key's
# name. Arize never answers a key's secret or its roles again: key stays null
# until a rotation, and organizations = null (account_role left out) means
# Terraform manages the key's life (rotation, expiry, revocation), not its
# roles, and plans no change.
list "arize_service_api_key" "all" {
  provider         = arize
  include_resource = true
}

# One organization, or one space, at a time: the same two filters as every
# other list resource's, so one query file can pass the same variables to
# all of them. Arize lists service keys by space: a key with roles in several
# spaces is found once, under the first.
list "arize_service_api_key" "platform" {
  provider         = arize
  include_resource = true

  config {
    organization_id = "T3JnYW5pemF0aW9uOjE6QWJDZA=="
  }
}

# name matches a part of the key's name, ignoring case.
list "arize_service_api_key" "ci" {
  provider = arize

  config {
    space_id = "U3BhY2U6MTpWNEth"
    name     = "ci"
  }
}
