# Users are named by their Arize user ID. The default is a user that the
# emulator of `make demo` seeds; set your own account's user's ID instead.
variable "bob_user_id" {
  type    = string
  default = "VXNlcjoyOmJCYkI=" # bob@example.com
}

resource "arize_organization" "ml_platform" {
  name = "ML Platform"

  # This example turns deletion protection off so that it can be destroyed
  # with the rest; leave it out for an organization that matters.
  deletion_protection = false
}

resource "arize_space" "fraud" {
  organization_id     = arize_organization.ml_platform.id
  name                = "Fraud detection"
  deletion_protection = false
}

resource "arize_space" "churn" {
  organization_id     = arize_organization.ml_platform.id
  name                = "Churn"
  deletion_protection = false
}

# A space member must already be a member of the space's organization.
resource "arize_organization_member" "bob" {
  organization_id = arize_organization.ml_platform.id
  user_id         = var.bob_user_id
  role            = "MEMBER"
}

# Taking user_id from the organization membership makes Terraform add Bob to
# the organization first, and remove him from it last.
resource "arize_space_member" "bob_fraud" {
  space_id = arize_space.fraud.id
  user_id  = arize_organization_member.bob.user_id
  role     = "ADMIN"
}

# A custom role instead of a predefined one: set custom_role_id, not role.
resource "arize_space_member" "bob_churn" {
  space_id       = arize_space.churn.id
  user_id        = arize_organization_member.bob.user_id
  custom_role_id = "Um9sZTo3OmNVc1Q="
}
