# Every user whose invitation is still pending, or has run out...
data "arize_users" "pending" {
  statuses = ["INVITED", "EXPIRED"]
}

# ...and everyone whose email contains a text, ignoring case: the API's
# filter.
data "arize_users" "contractors" {
  email = "@contractor.example"
}

output "pending_invitations" {
  value = [for u in data.arize_users.pending.users : u.email]
}
