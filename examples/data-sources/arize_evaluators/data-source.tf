# Every evaluator of one space. Items carry the evaluator's metadata only
# (the list has no versions): look one up with data "arize_evaluator" for its
# configuration.
data "arize_evaluators" "support_bot" {
  space_id = "U3BhY2U6MTpWNEth"
}

# Every evaluator in the account whose name contains "hallucination",
# ignoring case, in the spaces whose name contains "production".
data "arize_evaluators" "hallucination" {
  name       = "hallucination"
  space_name = "production"
}

output "llm_judges" {
  value = { for e in data.arize_evaluators.support_bot.evaluators : e.name => e.id if e.type == "TEMPLATE" }
}
