# An evaluator lives in a space, made here too.
resource "arize_organization" "ml" {
  name = "Machine learning"

  # This example turns deletion protection off so that it can be destroyed
  # with the rest; leave it out for an organization that matters.
  deletion_protection = false
}

resource "arize_space" "support_bot" {
  organization_id     = arize_organization.ml.id
  name                = "Support bot"
  deletion_protection = false
}

# The integration whose credentials pay for the judge's calls. Set its key
# with api_key (write-only) in a real configuration.
resource "arize_ai_integration" "openai" {
  name        = "OpenAI for evaluations"
  ai_provider = "OPEN_AI"
  model_names = ["gpt-4o-mini", "gpt-4o"]
}

locals {
  judge_model = "gpt-4o-mini"
}

# An LLM judge. A change to anything under template appends one version to
# the same evaluator, recorded with commit_message; its ID never changes.
resource "arize_evaluator" "hallucination" {
  space_id    = arize_space.support_bot.id
  type        = "TEMPLATE"
  name        = "Hallucination"
  description = "Flags answers the retrieved context does not support."

  commit_message = "Judge hallucinations with gpt-4o-mini"

  template = {
    eval_column_name     = "hallucination"
    include_explanations = true
    template             = <<-EOT
      Is the answer supported by the reference text?

      [Query]: {input}
      [Reference text]: {reference}
      [Answer]: {output}

      Respond with a single word: "factual" or "hallucinated".
    EOT

    # Each label the judge may answer, with its score.
    classification_choices = {
      factual      = 1
      hallucinated = 0
    }

    llm_config = {
      ai_integration_id = arize_ai_integration.openai.id
      model_name        = local.judge_model
      invocation_parameters = {
        temperature = 0
      }
    }
  }

  lifecycle {
    # Arize does not check that the integration offers the model: the plan
    # warns when it can see that it does not, and this makes it an error.
    precondition {
      condition     = contains(arize_ai_integration.openai.model_names, local.judge_model)
      error_message = "The judge's model must be one the integration offers."
    }
  }
}

# A code evaluator: one of Arize's managed evaluators, here checking that
# the answer is valid JSON.
resource "arize_evaluator" "json_output" {
  space_id = arize_space.support_bot.id
  type     = "CODE"
  name     = "Output is JSON"

  code = {
    managed = {
      eval_column_name  = "json_output"
      managed_evaluator = "JSON_PARSEABLE"
      variables         = ["output"]
    }
  }
}
