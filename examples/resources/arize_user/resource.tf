# A person in the Arize account, invited with a verification email. Arize's
# API cannot change a user's account role afterwards: a later change of role
# fails at plan time, and is made in the Arize UI instead.
resource "arize_user" "erin" {
  email       = "erin@example.com"
  name        = "Erin Example"
  role        = "MEMBER"
  invite_mode = "EMAIL_LINK"

  # Deleting a user in Arize blocks the email for ever (it can never be
  # invited again), so deletion_protection is true by default and Terraform
  # then refuses to destroy the user. This example turns it off so that it
  # can be destroyed with the rest; leave it out for a real person.
  deletion_protection = false
}
