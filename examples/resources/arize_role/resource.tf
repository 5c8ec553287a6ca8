# A custom role: a named set of Arize permissions, granted to users on spaces
# and projects by arize_role_binding. Its name is unique in the Arize account,
# the names of Arize's predefined roles (such as "Annotator") included.
resource "arize_role" "prompt_engineer" {
  name        = "Prompt engineer"
  description = "Writes and tunes prompts in the playground; reads traces and datasets."

  # Arize's Permission names, {RESOURCE}_{ACTION} in upper case. A set: the
  # order does not matter. A change replaces the whole set in place. A name
  # the provider does not know is a warning at plan time, not an error, since
  # Arize adds permissions between releases; Arize itself refuses one it does
  # not know when the role is applied.
  permissions = [
    "PROMPT_CREATE",
    "PROMPT_READ",
    "PROMPT_UPDATE",
    "PLAYGROUND_RUN",
    "PROJECT_READ",
    "PROJECT_SPAN_READ",
    "DATASET_READ",
    "DATASET_EXAMPLE_READ",
  ]
}

output "prompt_engineer_role_id" {
  value = arize_role.prompt_engineer.id
}
