import {
  to = arize_organization_member.alice
  identity = {
    organization_id = "T3JnYW5pemF0aW9uOjE6YUJjRA=="
    user_id         = "VXNlcjoxOmFBYUE="
  }
}
