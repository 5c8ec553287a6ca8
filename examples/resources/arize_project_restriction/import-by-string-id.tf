import {
  to = arize_project_restriction.fraud_agent
  id = "UHJvamVjdDoxOmFCY0Q="
}
