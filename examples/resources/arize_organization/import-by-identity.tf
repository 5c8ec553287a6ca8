import {
  to = arize_organization.ml_platform
  identity = {
    id = "T3JnYW5pemF0aW9uOjE6YUJjRA=="
  }
}
