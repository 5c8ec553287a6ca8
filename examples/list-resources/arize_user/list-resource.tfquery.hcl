# terraform query finds the users made outside Terraform;
# -generate-config-out=generated.tf writes resource and import blocks for
# them, with deletion_protection = true and no invite_mode (it applies to new
# users only). Each result is named by the user's email.
list "arize_user" "all" {
  provider         = arize
  include_resource = true
}

# The filters are the list API's: email matches a part of the email, ignoring
# case, and statuses keeps the users in any of them.
list "arize_user" "pending" {
  provider = arize

  config {
    statuses = ["INVITED", "EXPIRED"]
  }
}
