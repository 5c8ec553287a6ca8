# A restriction has no ID of its own: it is imported by its project's ID.
terraform import arize_project_restriction.fraud_agent "UHJvamVjdDoxOmFCY0Q="
