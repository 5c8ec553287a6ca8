# A project is imported by its ID, as shown in the Arize UI or returned by the
# API; its space comes with it. It is imported with deletion_protection =
# true, the default.
terraform import arize_project.support_bot "UHJvamVjdDoxOmFCY0Q="
