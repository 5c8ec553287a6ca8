# Users are named by their Arize user ID. The defaults are users that the
# emulator of `make demo` seeds; set your own account's users' IDs instead.
variable "alice_user_id" {
  type    = string
  default = "VXNlcjoxOmFBYUE=" # alice@example.com
}

variable "dana_user_id" {
  type    = string
  default = "VXNlcjo0OmREZEQ=" # dana@example.com, whose account role is annotator
}

resource "arize_organization" "ml_platform" {
  name = "ML Platform"

  # This example turns deletion protection off so that it can be destroyed
  # with the rest; leave it out for an organization that matters.
  deletion_protection = false
}

# Alice administers the organization. Changing role changes it in place.
resource "arize_organization_member" "alice" {
  organization_id = arize_organization.ml_platform.id
  user_id         = var.alice_user_id
  role            = "ADMIN"
}

# A user whose account role is annotator can only be given ANNOTATOR, and
# only such a user can be given it.
resource "arize_organization_member" "dana" {
  organization_id = arize_organization.ml_platform.id
  user_id         = var.dana_user_id
  role            = "ANNOTATOR"
}
