# Look an evaluator up by its exact name, within its space: evaluator names
# are unique only there...
data "arize_evaluator" "hallucination" {
  space_id = "U3BhY2U6MTpWNEth"
  name     = "Hallucination"
}

# ...or by its ID.
data "arize_evaluator" "by_id" {
  id = "RXZhbHVhdG9yOjEyOmFCY0Q="
}

# The latest version's configuration: template for a TEMPLATE evaluator (an
# LLM judge), code for a CODE one; both null for HARNESS and REMOTE ones.
output "judge_model" {
  value = data.arize_evaluator.hallucination.template.llm_config.model_name
}

# The version that tasks which do not pin one run.
output "judge_version" {
  value = data.arize_evaluator.hallucination.current_version_id
}
