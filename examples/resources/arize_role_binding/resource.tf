# Users are named by their Arize user ID. The default is a user that the
# emulator of `make demo` seeds; set your own account's user's ID instead.
variable "carol_user_id" {
  type    = string
  default = "VXNlcjozOmNDY0M=" # carol@example.com
}

# The role to grant, by ID: a custom role's (an arize_role's id), or a
# predefined role's. The default is the predefined Admin role's ID in
# Arize's own example; look your account's roles up with the arize_role
# data source, by name.
variable "role_id" {
  type    = string
  default = "Um9sZToxOmFkbWlu" # the predefined Admin role
}

# An organization made outside Terraform.
data "arize_organization" "platform" {
  name = "Platform"
}

resource "arize_space" "model_reviews" {
  organization_id = data.arize_organization.platform.id
  name            = "Model reviews"

  # This example turns deletion protection off so that it can be destroyed
  # with the rest; leave it out for a space that matters.
  deletion_protection = false
}

# Carol gets the role on the space. A user holds one binding per space or
# project: changing role_id changes this binding in place, while changing
# the user or the space replaces it.
resource "arize_role_binding" "carol_model_reviews" {
  user_id       = var.carol_user_id
  resource_type = "SPACE"
  resource_id   = arize_space.model_reviews.id
  role_id       = var.role_id
}

# On a project instead, resource_id takes the project's ID:
#
# resource "arize_role_binding" "carol_fraud_model" {
#   user_id       = var.carol_user_id
#   resource_type = "PROJECT"
#   resource_id   = "UHJvamVjdDo1OmFCY0Q="
#   role_id       = var.role_id
# }
