# Your OpenAI key, from a secret store or TF_VAR_openai_api_key: it is
# write-only, so it never reaches the plan or the state.
variable "openai_api_key" {
  type      = string
  sensitive = true
}

# The space the judge works in.
resource "arize_organization" "ml" {
  name = "Machine learning"

  # Leave deletion_protection at its default (true) for an organization that
  # matters; this example turns it off so that it can be destroyed.
  deletion_protection = false
}

resource "arize_space" "support_bot" {
  organization_id     = arize_organization.ml.id
  name                = "Support bot"
  deletion_protection = false
}

# The integration that pays for the judge's calls, offered only in that space.
resource "arize_ai_integration" "openai" {
  name        = "OpenAI for evaluations"
  ai_provider = "OPEN_AI"
  api_key     = var.openai_api_key
  model_names = ["gpt-4o-mini", "gpt-4o"]

  scopings = [
    { organization_id = arize_organization.ml.id, space_id = arize_space.support_bot.id },
  ]
}

# The hallucination judge. A change to its template or model appends one
# version to the same evaluator; its ID never changes.
resource "arize_evaluator" "hallucination" {
  space_id    = arize_space.support_bot.id
  type        = "TEMPLATE"
  name        = "Hallucination"
  description = "Flags answers that are not supported by the retrieved context."

  commit_message = "Judge hallucinations with gpt-4o-mini"

  template = {
    eval_column_name     = "hallucination"
    include_explanations = true
    template             = <<-EOT
      In this task, you will be presented with a query, a reference text and an answer.
      Determine whether the answer is factual (supported by the reference text) or
      hallucinated (containing information the reference text does not support).

      [Query]: {input}
      [Reference text]: {reference}
      [Answer]: {output}

      Respond with a single word: "factual" or "hallucinated".
    EOT

    classification_choices = {
      factual      = 1
      hallucinated = 0
    }

    llm_config = {
      ai_integration_id = arize_ai_integration.openai.id
      model_name        = "gpt-4o-mini"
      invocation_parameters = {
        temperature = 0
      }
    }
  }
}
