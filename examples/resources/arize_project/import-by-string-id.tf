import {
  to = arize_project.support_bot
  id = "UHJvamVjdDoxOmFCY0Q="
}
