# An organization is imported by its ID, as shown in the Arize UI or returned
# by the API. It is imported with deletion_protection = true, the default.
terraform import arize_organization.ml_platform "T3JnYW5pemF0aW9uOjE6YUJjRA=="
