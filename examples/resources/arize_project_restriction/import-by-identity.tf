import {
  to = arize_project_restriction.fraud_agent
  identity = {
    project_id = "UHJvamVjdDoxOmFCY0Q="
  }
}
