# Every space of one organization.
data "arize_spaces" "ml_platform" {
  organization_id = "T3JnYW5pemF0aW9uOjE6YUJjRA=="
}

# Every space in the account whose name contains "fraud", ignoring case.
data "arize_spaces" "fraud" {
  name = "fraud"
}

output "private_spaces" {
  value = [for s in data.arize_spaces.ml_platform.spaces : s.name if s.is_private]
}
