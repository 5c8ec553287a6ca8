import {
  to = arize_role.prompt_engineer
  id = "Um9sZTo1OmFCY0Q="
}
