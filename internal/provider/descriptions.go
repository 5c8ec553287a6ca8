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

// quotedList renders values as a Markdown list of HCL strings.
func quotedList(values []string) string {
	items := make([]string, len(values))
	for i, v := range values {
		items[i] = "`\"" + v + "\"`"
	}
	return strings.Join(items, ", ")
}
