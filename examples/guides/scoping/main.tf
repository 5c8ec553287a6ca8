# The account's structure: an organization and two of its spaces.
resource "arize_organization" "ml" {
  name        = "Machine learning"
  description = "Models, their evaluations and the teams behind them"

  # Deleting an organization deletes every space in it and all their data.
  # Leave deletion_protection at its default (true) for an organization that
  # matters; this example turns it off so that it can be destroyed.
  deletion_protection = false
}

resource "arize_space" "search" {
  organization_id     = arize_organization.ml.id
  name                = "Search ranking"
  deletion_protection = false
}

resource "arize_space" "ads" {
  organization_id     = arize_organization.ml.id
  name                = "Ads"
  is_private          = true
  deletion_protection = false
}

# A space made elsewhere (in the Arize UI, or by another configuration),
# looked up by its exact name within its organization.
data "arize_organization" "platform" {
  name = "Platform"
}

data "arize_space" "shared" {
  organization_id = data.arize_organization.platform.id
  name            = "Shared models"
}

# Who works there. A space member must already be a member of the space's
# organization: taking user_id from the organization membership orders the
# two. The default ID is a user the bundled emulator seeds.
variable "search_lead_user_id" {
  type    = string
  default = "VXNlcjoyOmJCYkI=" # bob@example.com
}

resource "arize_organization_member" "search_lead" {
  organization_id = arize_organization.ml.id
  user_id         = var.search_lead_user_id
  role            = "MEMBER"
}

resource "arize_space_member" "search_lead" {
  space_id = arize_space.search.id
  user_id  = arize_organization_member.search_lead.user_id
  role     = "ADMIN"
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
    { organization_id = arize_organization.ml.id },
  ]
}

# One space of that organization, and nothing else.
resource "arize_ai_integration" "search_only" {
  name        = "OpenAI for search"
  ai_provider = "OPEN_AI"
  model_names = ["gpt-4o-mini"]

  scopings = [
    { organization_id = arize_organization.ml.id, space_id = arize_space.search.id },
  ]
}

# A space managed elsewhere, by reference to the data source.
resource "arize_ai_integration" "shared" {
  name        = "OpenAI for shared models"
  ai_provider = "OPEN_AI"
  model_names = ["gpt-4o"]

  scopings = [
    { organization_id = data.arize_organization.platform.id, space_id = data.arize_space.shared.id },
  ]
}
