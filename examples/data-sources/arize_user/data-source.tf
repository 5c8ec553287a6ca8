# Look a user up by email, matched whole and ignoring case...
data "arize_user" "alice" {
  email = "alice@example.com"
}

# ...or by ID.
data "arize_user" "by_id" {
  id = "VXNlcjoxOmFBYUE="
}

# Give a user that Terraform does not manage a place in an organization.
data "arize_organization" "platform" {
  name = "Platform"
}

resource "arize_organization_member" "alice" {
  organization_id = data.arize_organization.platform.id
  user_id         = data.arize_user.alice.id
  role            = "ADMIN"
}
