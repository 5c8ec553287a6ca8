import {
  to = arize_organization_member.alice
  id = "T3JnYW5pemF0aW9uOjE6YUJjRA==/VXNlcjoxOmFBYUE="
}
