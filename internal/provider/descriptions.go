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

// Descriptions of the evaluator's attributes, shared by arize_evaluator, its
// data sources and its list resource. The nested configuration's are
// phrased for both a resource and a data source: a default is what the
// value is when the configuration leaves it out.
var (
	descEvaluatorID      = "The evaluator's ID, an opaque base64 string assigned by Arize. It never changes: a new version keeps it."
	descEvaluatorSpaceID = "The ID of the space the evaluator belongs to."
	descEvaluatorType    = "The kind of evaluator: `\"TEMPLATE\"`, an LLM judge configured by `template`, or `\"CODE\"`, " +
		"code configured by `code`. Arize also has `HARNESS` and `REMOTE` evaluators, whose configuration its API does " +
		"not expose; the provider does not manage them."
	descEvaluatorName        = fmt.Sprintf("The evaluator's name, unique within its space: 1 to %d characters, not blank.", maxNameChars)
	descEvaluatorDescription = "The evaluator's description; `\"\"` when it has none."
	descEvaluatorVersionID   = "The ID of the evaluator's latest version, the one tasks that do not pin a version run."
	descEvaluatorCommitHash  = "The commit hash Arize gave the evaluator's latest version."
	descEvaluatorCreatedAt   = "When the evaluator was created (RFC 3339)."
	descEvaluatorUpdatedAt   = "When the evaluator was last updated (RFC 3339)."
	descEvaluatorCreatedBy   = "The ID of the Arize user who created the evaluator; null when Arize does not say."
	// descEvaluatorDeletes is what deleting an evaluator does, in the
	// API's words and the contract's reading of tasks.
	descEvaluatorDeletes = "Deleting an evaluator deletes it and all its versions, irreversibly; tasks that use it stop running it."
	// descEvaluatorSpellings is what the provider does about the API's two
	// enum spellings in an evaluator.
	descEvaluatorSpellings = "Written in today's spelling (upper case) only; the provider reads the older spelling (July 2026 " +
		"and before) back as today's, so a server that still speaks it plans no change."

	descEvalTemplate = "The LLM judge of a `TEMPLATE` evaluator: the prompt, the label column it writes, the choices it " +
		"classifies into with their scores, and the model it calls."
	descEvalColumnName = "The name of the eval column the evaluator writes its label into. Letters, digits, white space, " +
		"`_`, `-`, `&`, `(` and `)` only (the API's pattern `^[a-zA-Z0-9_\\s\\-&()]+$`)."
	descEvalTemplateText = "The prompt template, with the variables of each span as placeholders such as `{input}`. " +
		"Sent as written: the provider neither checks nor rewrites the placeholders."
	descEvalIncludeExplanations   = "Whether the judge explains its label. `false` when left out."
	descEvalUseFunctionCalling    = "Whether the judge uses function calling when the model offers it. `false` when left out."
	descEvalUseStructuredOutput   = "Whether the judge asks the model for structured output. `true` when left out, as in Arize."
	descEvalClassificationChoices = "The labels the judge may answer, each with its score, such as `{ factual = 1, hallucinated = 0 }`. " +
		"At least one."
	descEvalDirection       = "Whether a higher score is better: one of " + quotedList(enumStrings(arize.Directions())) + ". `\"MAXIMIZE\"` when left out, as in Arize."
	descEvalDataGranularity = "What one evaluation covers: one of " + quotedList(enumStrings(arize.DataGranularities())) + "."
	descEvalLLMConfig       = "The model the judge calls, through an AI integration."
	descEvalAIIntegrationID = "The ID of the AI integration whose credentials pay for the judge's calls: reference " +
		"`arize_ai_integration.<name>.id`, so that Terraform makes the integration first and destroys it last."
	descEvalModelName = "The model the judge calls, such as `gpt-4o`. Arize does not check that the integration offers it; " +
		"the judge fails when it runs if the integration's provider does not serve it."
	descEvalInvocationParameters = "The parameters of the judge's model calls; each is sent only when set."
	descEvalTemperature          = "The sampling temperature."
	descEvalMaxTokens            = "The most tokens the model may generate."
	descEvalMaxCompletionTokens  = "The most completion tokens (OpenAI's reasoning models)."
	descEvalTopP                 = "Nucleus sampling: the probability mass of the tokens considered."
	descEvalTopK                 = "The number of most likely tokens considered."
	descEvalFrequencyPenalty     = "The penalty on tokens by how often they already appear, -2 to 2."
	descEvalPresencePenalty      = "The penalty on tokens that already appear, -2 to 2."
	descEvalStop                 = "Sequences at which the model stops generating."
	descEvalReasoningEffort      = "The reasoning effort of a reasoning model, such as `low`, `medium` or `high`; passed through unchecked."
	descEvalVerbosity            = "The verbosity of the answer, such as `low`, `medium` or `high`; passed through unchecked."
	descEvalThinkingLevel        = "Gemini's thinking level, such as `low` or `high`; passed through unchecked."
	descEvalThinkingBudget       = "Gemini's thinking budget, in tokens."
	descEvalResponseFormat       = "The format the model is asked to answer in."
	descEvalResponseFormatType   = "One of " + quotedList(enumStrings(arize.ResponseFormatTypes())) + "; Arize's default is `\"TEXT\"`."
	descEvalJSONSchema           = "The JSON schema of a `\"JSON_SCHEMA\"` answer."
	descEvalJSONSchemaName       = "The schema's name."
	descEvalJSONSchemaDesc       = "The schema's description."
	descEvalJSONSchemaJSON       = "The schema itself, as a JSON string (use `jsonencode`). Compared as JSON: a change of formatting or key order is no change."
	descEvalJSONSchemaStrict     = "Whether the model must follow the schema strictly."
	descEvalToolConfigJSON       = "The tools offered to the model, as a JSON string of the API's `tool_config` object " +
		"(`{\"tools\": [...], \"tool_choice\": ...}`; use `jsonencode`). Compared as JSON."
	descEvalProviderParameters = "Settings of particular LLM providers; each is sent only when set."
	descEvalAzureParams        = "The Azure OpenAI deployment to call."
	descEvalAzureDeployment    = "The Azure OpenAI deployment name."
	descEvalAzureEndpoint      = "The Azure OpenAI endpoint."
	descEvalAzureVersion       = "The Azure OpenAI API version."
	descEvalAnthropicBeta      = "Anthropic beta headers (the API's `anthropic_headers.anthropic_beta`)."
	descEvalAnthropicVersion   = "The Anthropic API version."
	descEvalBedrockConverse    = "Whether AWS Bedrock is called through its Converse endpoint (the API's `bedrock_options.use_converse_endpoint`)."
	descEvalRegion             = "The provider's region."

	descEvalCode             = "The code of a `CODE` evaluator: exactly one of `managed` (one of Arize's) or `custom` (your Python)."
	descEvalManaged          = "One of Arize's managed code evaluators."
	descEvalCustom           = "A custom code evaluator: Python source that defines the evaluator class."
	descEvalManagedEvaluator = "The managed evaluator: one of " + quotedList(enumStrings(arize.ManagedEvaluators())) + "."
	descEvalCodeSource       = "The Python source that defines the evaluator class."
	descEvalImports          = "The import block prepended to `code`."
	descEvalVariables        = "The span variables passed to the evaluator, in order. For a managed evaluator their order " +
		"and number must be the ones it expects."
	descEvalStaticParams    = "Fixed arguments of the evaluator."
	descEvalStaticParamName = "The argument's name."
	descEvalStaticParamType = "The argument's type: `\"STRING\"`, `\"STRING_ARRAY\"` or `\"REGEX\"`."
	descEvalStaticValue     = "The value of a `\"STRING\"` or `\"REGEX\"` argument."
	descEvalStaticValues    = "The values of a `\"STRING_ARRAY\"` argument."
	descEvalCodeGranularity = "What one evaluation covers: one of " + quotedList(enumStrings(arize.DataGranularities())) +
		". Null when left out: no granularity filter (Arize evaluates spans)."
	descEvalQueryFilter = "A filter on the spans evaluated; null when left out (no filter)."
)

// Descriptions of the evaluator list's filters, shared by data
// "arize_evaluators" and list "arize_evaluator", and of what a list item
// lacks.
var (
	descEvaluatorSpaceIDFilter   = "Only the evaluators of the space with this ID (the API's `space_id` filter)."
	descEvaluatorSpaceNameFilter = "Only the evaluators of spaces whose name contains this text, ignoring case (the API's `space_name` filter)."
	descEvaluatorNameFilter      = "Only evaluators whose name contains this text, ignoring case (the API's `name` filter)."
	// descEvaluatorListNoVersion says why a listed evaluator has no
	// configuration.
	descEvaluatorListNoVersion = "Arize's list of evaluators carries no version, so each item is the evaluator's metadata " +
		"only: look one up with data \"arize_evaluator\" for its latest version's configuration."
)

// enumStrings is an enum's values as strings.
func enumStrings[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// quotedList renders values as a Markdown list of HCL strings.
func quotedList(values []string) string {
	items := make([]string, len(values))
	for i, v := range values {
		items[i] = "`\"" + v + "\"`"
	}
	return strings.Join(items, ", ")
}
