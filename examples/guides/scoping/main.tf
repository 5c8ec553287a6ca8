locals {
  ml_org       = "QWNjb3VudE9yZzoxMjM6YWJj"
  search_space = "U3BhY2U6MTIzNDU="
  ads_space    = "U3BhY2U6Njc4OTA="
}

# Omit scopings (or leave it empty) for the whole account.
resource "arize_ai_integration" "everyone" {
  name                  = "Gemini for everyone"
  ai_provider           = "GEMINI"
  enable_default_models = true
}

# A whole organization: its organization_id alone.
resource "arize_ai_integration" "ml_org" {
  name                  = "Anthropic for ML"
  ai_provider           = "ANTHROPIC"
  enable_default_models = true

  scopings = [
    { organization_id = local.ml_org },
  ]
}

# Two spaces of that organization, and nothing else.
resource "arize_ai_integration" "two_spaces" {
  name        = "OpenAI for search and ads"
  ai_provider = "OPEN_AI"
  model_names = ["gpt-4o-mini"]

  scopings = [
    { organization_id = local.ml_org, space_id = local.search_space },
    { organization_id = local.ml_org, space_id = local.ads_space },
  ]
}
