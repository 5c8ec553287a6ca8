import {
  to = arize_role.prompt_engineer
  identity = {
    id = "Um9sZTo1OmFCY0Q="
  }
}
