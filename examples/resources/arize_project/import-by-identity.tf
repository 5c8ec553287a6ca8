import {
  to = arize_project.support_bot
  identity = {
    id = "UHJvamVjdDoxOmFCY0Q="
  }
}
