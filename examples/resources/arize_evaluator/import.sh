# An evaluator is imported by its ID, as shown in the Arize UI or returned by
# the API. Its configuration is read from its latest version; commit_message
# is not read back and takes its default. HARNESS and REMOTE evaluators
# cannot be imported: Arize's API does not expose their configuration.
terraform import arize_evaluator.hallucination "RXZhbHVhdG9yOjEyOmFCY0Q="
