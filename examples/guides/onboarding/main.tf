# A fraud-detection team: its own organization and space, a custom role for
# its reviewers, and everyone's access declared here, reviewed like any other
# change.
resource "arize_organization" "risk" {
  name = "Risk"

  # Deleting an organization deletes every space in it and all their data.
  # Leave deletion_protection at its default (true) for one that matters;
  # this guide turns it off so that it can be destroyed.
  deletion_protection = false
}

resource "arize_space" "fraud" {
  organization_id     = arize_organization.risk.id
  name                = "Fraud detection"
  deletion_protection = false
}

# A custom role: reviewers read traces and datasets and annotate them, and
# change nothing else.
resource "arize_role" "trace_reviewer" {
  name        = "Trace reviewer"
  description = "Reads traces and datasets; annotates spans and queue records"
  permissions = [
    "PROJECT_READ",
    "PROJECT_SPAN_READ",
    "PROJECT_SPAN_ANNOTATE",
    "DATASET_READ",
    "DATASET_EXAMPLE_READ",
    "QUEUE_READ",
    "QUEUE_RECORD_READ",
    "QUEUE_RECORD_ANNOTATE",
  ]
}

# Arize's predefined roles are found by name, never declared.
data "arize_role" "annotator" {
  name = "Annotator"
}

# Deleting a user in Arize blocks that email for ever, so users keep
# deletion_protection on (the default) in real use. This guide turns it off
# so that it can be destroyed.
resource "arize_user" "lead" {
  email               = "frank@example.com"
  name                = "Frank Lee"
  role                = "MEMBER"
  invite_mode         = "EMAIL_LINK"
  deletion_protection = false
}

resource "arize_user" "engineer" {
  email               = "grace@example.com"
  name                = "Grace Kim"
  role                = "MEMBER"
  invite_mode         = "EMAIL_LINK"
  deletion_protection = false
}

resource "arize_user" "reviewer" {
  email               = "heidi@example.com"
  name                = "Heidi Park"
  role                = "MEMBER"
  invite_mode         = "EMAIL_LINK"
  is_developer        = false # no API keys for a reviewer
  deletion_protection = false
}

# A contractor outside the company's single sign-on: Arize answers a
# temporary password once, at creation. Terraform keeps it in state as a
# sensitive value; hand it over with `terraform output -raw`, once.
resource "arize_user" "contractor" {
  email               = "ivan@contractor.example"
  name                = "Ivan Petrov"
  role                = "ANNOTATOR"
  invite_mode         = "TEMPORARY_PASSWORD"
  deletion_protection = false
}

output "contractor_temporary_password" {
  value     = arize_user.contractor.temporary_password
  sensitive = true
}

# Everyone joins the organization first. An account annotator may only hold
# the ANNOTATOR role in it.
resource "arize_organization_member" "lead" {
  organization_id = arize_organization.risk.id
  user_id         = arize_user.lead.id
  role            = "MEMBER"
}

resource "arize_organization_member" "engineer" {
  organization_id = arize_organization.risk.id
  user_id         = arize_user.engineer.id
  role            = "MEMBER"
}

resource "arize_organization_member" "reviewer" {
  organization_id = arize_organization.risk.id
  user_id         = arize_user.reviewer.id
  role            = "READ_ONLY"
}

resource "arize_organization_member" "contractor" {
  organization_id = arize_organization.risk.id
  user_id         = arize_user.contractor.id
  role            = "ANNOTATOR"
}

# The engineers join the space with a predefined role, the lead as its
# admin. Taking user_id from the organization membership makes Terraform add
# that first.
resource "arize_space_member" "lead" {
  space_id = arize_space.fraud.id
  user_id  = arize_organization_member.lead.user_id
  role     = "ADMIN"
}

resource "arize_space_member" "engineer" {
  space_id = arize_space.fraud.id
  user_id  = arize_organization_member.engineer.user_id
  role     = "MEMBER"
}

# The reviewer gets the custom role on the space, and the contractor the
# predefined annotator role, through role bindings: one per user and space.
resource "arize_role_binding" "reviewer" {
  user_id       = arize_organization_member.reviewer.user_id
  resource_type = "SPACE"
  resource_id   = arize_space.fraud.id
  role_id       = arize_role.trace_reviewer.id
}

resource "arize_role_binding" "contractor" {
  user_id       = arize_organization_member.contractor.user_id
  resource_type = "SPACE"
  resource_id   = arize_space.fraud.id
  role_id       = data.arize_role.annotator.id
}
