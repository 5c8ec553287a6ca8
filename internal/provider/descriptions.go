package provider

import (
	"fmt"
	"strings"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// Descriptions of the integration's attributes as the API defines them,
// shared by the resource, the data sources and the list resource so each is
// described once. The resource appends what only applies to managing one.
var (
	descID         = "The integration's ID, an opaque base64 string assigned by Arize."
	descName       = "The integration's name, unique within the Arize account."
	descAIProvider = "The LLM provider, the API's `provider` field (renamed because `provider` is reserved in Terraform): one of " +
		quotedList(providerValues()[:len(arize.Providers())]) + ", or the same in the published page's spelling (" +
		quotedList(providerValues()[len(arize.Providers()):]) + ")."
	descHasAPIKey           = "Whether Arize holds an API key for this integration. The key itself is never returned." //nolint:gosec // prose, not a credential
	descBaseURL             = "A custom base URL for the provider's API, such as an Azure OpenAI resource or a proxy."
	descModelNames          = "The models this integration offers, in order."
	descHeaders             = fmt.Sprintf("Extra HTTP headers Arize sends to the provider. Sensitive, since with `auth_type = \"PROXY_WITH_HEADERS\"` they carry credentials. At most %d bytes serialised as JSON.", arize.MaxHeadersBytes)
	descEnableDefaultModels = "Whether the provider's default model list is offered."
	descFunctionCalling     = "Whether function (tool) calling is enabled."
	descAuthType            = "How Arize authenticates to the provider: one of " + quotedList(authTypeValues()[:len(arize.AuthTypes())]) +
		", or the same in the published page's spelling (" + quotedList(authTypeValues()[len(arize.AuthTypes()):]) + ")."
	// descSpellings says in two sentences what the provider does about the
	// API's two enum spellings, where a configuration writes one.
	descSpellings = "Arize's API recased its values in July 2026 and its published page still shows the older spelling: " +
		"either is accepted and they mean the same, so changing only the spelling plans no change. " +
		"The provider finds which spelling the Arize server speaks from its first answer and sends that one."
	// descSpeltAsAnswered is the same for an attribute Arize fills in.
	descSpeltAsAnswered    = "Spelt as the Arize server answered: today's spelling, or the published page's from a server that still speaks it."
	descProviderMetadata   = "Provider-specific settings: `aws` for AWS Bedrock, or `gcp` for Vertex AI."
	descAWS                = "The IAM role Arize assumes to call AWS Bedrock."
	descRoleARN            = "The ARN of the role to assume."
	descExternalID         = "The external ID the role's trust policy requires, if any."
	descGCP                = "The Google Cloud project that serves Vertex AI."
	descProjectID          = "The Google Cloud project ID."
	descLocation           = "The Vertex AI location, such as `us-central1`."
	descProjectAccessLabel = "The label Arize shows for this project access."
	descScopings           = "Where the integration can be used. Empty means the whole account; each entry names an organization, and optionally one space in it."
	descOrganizationID     = "The organization's ID."
	descSpaceID            = "A space's ID within the organization; null for the whole organization."
	descCreatedAt          = "When the integration was created (RFC 3339)."
	descUpdatedAt          = "When the integration was last updated (RFC 3339)."
	descCreatedByUserID    = "The ID of the Arize user who created the integration."
)

// Descriptions of the organization's attributes, shared by
// arize_organization, its data sources and its list resource.
var (
	descOrgID          = "The organization's ID, an opaque base64 string assigned by Arize."
	descOrgName        = fmt.Sprintf("The organization's name, unique within the Arize account: 1 to %d characters, not blank.", maxNameChars)
	descOrgDescription = fmt.Sprintf("The organization's description, at most %d characters; `\"\"` when it has none.", maxDescriptionChars)
	descOrgCreatedAt   = "When the organization was created (RFC 3339)."
	descOrgNameFilter  = "Only organizations whose name contains this text, ignoring case (the API's `name` filter)."
	// descOrgDeletes is what deleting an organization deletes with it, in
	// the API's words.
	descOrgDeletes = "all resources that belong to it, including all spaces and their contents (projects, experiments, " +
		"evaluators, models, monitors, dashboards, datasets, annotation configs, annotation queues, custom metrics, etc.) " +
		"as well as organization-level resources such as integrations, cost configurations, SAML identity providers, and API keys"
)

// Descriptions of the space's attributes, shared by arize_space, its data
// sources and its list resource.
var (
	descSpaceOwnID          = "The space's ID, an opaque base64 string assigned by Arize."
	descSpaceOrganizationID = "The ID of the organization the space belongs to. Arize does not return it with a space: " +
		"the provider keeps it from the configuration, and finds it by listing each organization's spaces when a space " +
		"is imported or looked up by ID alone."
	descSpaceName        = fmt.Sprintf("The space's name, unique within its organization: 1 to %d characters, not blank.", maxNameChars)
	descSpaceDescription = fmt.Sprintf("The space's description, at most %d characters; `\"\"` when it has none.", maxDescriptionChars)
	descSpaceIsPrivate   = "Whether the space is private: only its members and account, organization and space admins can see a private space."
	descSpaceCreatedAt   = "When the space was created (RFC 3339)."
	descSpaceNameFilter  = "Only spaces whose name contains this text, ignoring case (the API's `name` filter)."
	descSpaceOrgFilter   = "Only the spaces of the organization with this ID (the API's `org_id` filter)."
	// descSpaceDeletes is what deleting a space deletes with it, in the
	// API's words.
	descSpaceDeletes = "all resources that belong to it (models, monitors, dashboards, datasets, custom metrics, etc.)"
)

// Descriptions of the membership resources' attributes, shared by
// arize_organization_member and arize_space_member.
var (
	descMemberOrganizationID = "The ID of the organization the user is a member of. Changing it replaces the membership."
	descMemberSpaceID        = "The ID of the space the user is a member of. Changing it replaces the membership."
	descMemberUserID         = "The ID of the Arize user, an opaque base64 string; the user must already be a user of the " +
		"Arize account. Changing it replaces the membership."
	descMemberRole = "The user's predefined role: one of " + quotedList(predefinedRoleNames()) + ". " +
		"Changing it changes the role in place."
	descMemberCustomRoleID = "The ID of a custom role of the Arize account to give the user instead of a predefined " +
		"`role`. Changing it, or switching between `role` and `custom_role_id`, changes the role in place."
	descMembershipID = "The ID of the membership record, as Arize answered the last add or role change; " +
		"null after an import until the next apply."
	descOrgMemberID   = "`<organization_id>/<user_id>`: the membership's import ID."
	descSpaceMemberID = "`<space_id>/<user_id>`: the membership's import ID."
	// descMembershipNoDrift is the one sentence that says what no read means.
	descMembershipNoDrift = "Arize's API cannot read a membership back, so Terraform cannot detect drift: it keeps the " +
		"role it last set in state, and a change made outside Terraform shows in no plan."
	// descAnnotatorRule is Arize's rule on the annotator role.
	descAnnotatorRule = "A user whose account role is annotator can only be given the `\"ANNOTATOR\"` role, and only " +
		"such a user can be given it; Arize refuses any other pairing with a 400 error, which the apply shows with " +
		"Arize's detail."
)

// quotedList renders values as a Markdown list of HCL strings.
func quotedList(values []string) string {
	items := make([]string, len(values))
	for i, v := range values {
		items[i] = "`\"" + v + "\"`"
	}
	return strings.Join(items, ", ")
}
