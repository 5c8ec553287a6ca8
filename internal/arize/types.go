package arize

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Provider is the LLM vendor an integration talks to (the API's "provider").
type Provider string

// The providers the API accepts, spelt as on the published create page.
const (
	ProviderOpenAI      Provider = "openAI"
	ProviderAzureOpenAI Provider = "azureOpenAI"
	ProviderAWSBedrock  Provider = "awsBedrock"
	ProviderVertexAI    Provider = "vertexAI"
	ProviderAnthropic   Provider = "anthropic"
	ProviderCustom      Provider = "custom"
	ProviderNvidiaNIM   Provider = "nvidiaNim"
	ProviderGemini      Provider = "gemini"
)

// Providers lists every Provider in the order of the published API page.
func Providers() []Provider {
	return []Provider{
		ProviderOpenAI, ProviderAzureOpenAI, ProviderAWSBedrock, ProviderVertexAI,
		ProviderAnthropic, ProviderCustom, ProviderNvidiaNIM, ProviderGemini,
	}
}

// UnmarshalJSON reads a provider in the spelling of the create page or of
// Arize's newer SDKs (OPEN_AI, AWS_BEDROCK, ...): both name the same values.
func (p *Provider) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*p = Provider(canonical(s, Providers()))
	return nil
}

// canonical returns the value of known that s spells, ignoring case and
// underscores, or s itself when it spells none (the API is alpha: a new
// value must read back, not fail).
func canonical[T ~string](s string, known []T) string {
	fold := func(v string) string { return strings.ToLower(strings.ReplaceAll(v, "_", "")) }
	for _, k := range known {
		if fold(string(k)) == fold(s) {
			return string(k)
		}
	}
	return s
}

// AuthType is how Arize authenticates to the provider.
type AuthType string

// The auth types the API accepts.
const (
	AuthTypeDefault          AuthType = "default"
	AuthTypeProxyWithHeaders AuthType = "proxy_with_headers"
	AuthTypeBearerToken      AuthType = "bearer_token"
)

// UnmarshalJSON reads an auth type in either spelling; see Provider.
func (a *AuthType) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*a = AuthType(canonical(s, AuthTypes()))
	return nil
}

// AuthTypes lists every AuthType.
func AuthTypes() []AuthType {
	return []AuthType{AuthTypeDefault, AuthTypeProxyWithHeaders, AuthTypeBearerToken}
}

// The provider_metadata kinds, and the provider each belongs to.
const (
	MetadataKindAWS = "AWS"
	MetadataKindGCP = "GCP"
)

// MaxHeadersBytes is the largest JSON-serialised headers map the API accepts.
const MaxHeadersBytes = 8175

// AWSMetadata lets Arize assume a role to call AWS Bedrock.
type AWSMetadata struct {
	RoleARN    string `json:"role_arn"`
	ExternalID string `json:"external_id,omitempty"`
}

// GCPMetadata tells Arize which Google Cloud project serves Vertex AI.
type GCPMetadata struct {
	ProjectID          string `json:"project_id"`
	Location           string `json:"location"`
	ProjectAccessLabel string `json:"project_access_label"`
}

// ProviderMetadata is the API's tagged union of provider-specific settings: at
// most one of AWS and GCP is set. On the wire the variant is named by "kind".
type ProviderMetadata struct {
	AWS *AWSMetadata
	GCP *GCPMetadata
	// Kind keeps a kind this client does not know (the API is alpha and may add
	// some), so that a read does not fail on it.
	Kind string
}

// MarshalJSON writes the variant that is set, with its "kind".
func (m ProviderMetadata) MarshalJSON() ([]byte, error) {
	switch {
	case m.AWS != nil && m.GCP != nil:
		return nil, fmt.Errorf("provider_metadata: both AWS and GCP are set")
	case m.AWS != nil:
		return json.Marshal(struct {
			Kind string `json:"kind"`
			AWSMetadata
		}{MetadataKindAWS, *m.AWS})
	case m.GCP != nil:
		return json.Marshal(struct {
			Kind string `json:"kind"`
			GCPMetadata
		}{MetadataKindGCP, *m.GCP})
	default:
		return nil, fmt.Errorf("provider_metadata: neither AWS nor GCP is set")
	}
}

// UnmarshalJSON reads the variant that "kind" names, in any case; without a
// kind, the variant whose required member is there.
func (m *ProviderMetadata) UnmarshalJSON(b []byte) error {
	var head struct {
		Kind      string `json:"kind"`
		RoleARN   string `json:"role_arn"`
		ProjectID string `json:"project_id"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return err
	}
	kind := strings.ToUpper(head.Kind)
	switch {
	case kind != "":
	case head.RoleARN != "":
		kind = MetadataKindAWS
	case head.ProjectID != "":
		kind = MetadataKindGCP
	}
	*m = ProviderMetadata{Kind: kind}
	switch kind {
	case MetadataKindAWS:
		m.AWS = &AWSMetadata{}
		return json.Unmarshal(b, m.AWS)
	case MetadataKindGCP:
		m.GCP = &GCPMetadata{}
		return json.Unmarshal(b, m.GCP)
	}
	return nil
}

// Scoping limits where an integration can be used. A nil OrganizationID is
// account-wide; a nil SpaceID is the whole organization. Both are sent as JSON
// null rather than omitted, as the published example does.
type Scoping struct {
	OrganizationID *string `json:"organization_id"`
	SpaceID        *string `json:"space_id"`
}

// IsAccountWide reports whether s is the account-wide scoping, which the API
// answers as either {} or {"organization_id": null, "space_id": null}.
func (s Scoping) IsAccountWide() bool {
	return s.OrganizationID == nil && s.SpaceID == nil
}

// Integration is an AI integration as the API returns it. The api key is never
// returned: HasAPIKey says whether one is stored.
type Integration struct {
	ID                     string            `json:"id"`
	Name                   string            `json:"name"`
	Provider               Provider          `json:"provider"`
	HasAPIKey              bool              `json:"has_api_key"`
	BaseURL                *string           `json:"base_url"`
	ModelNames             []string          `json:"model_names"`
	Headers                map[string]string `json:"headers"`
	EnableDefaultModels    bool              `json:"enable_default_models"`
	FunctionCallingEnabled bool              `json:"function_calling_enabled"`
	AuthType               AuthType          `json:"auth_type"`
	ProviderMetadata       *ProviderMetadata `json:"provider_metadata"`
	Scopings               []Scoping         `json:"scopings"`
	CreatedAt              string            `json:"created_at"`
	UpdatedAt              string            `json:"updated_at"`
	CreatedByUserID        string            `json:"created_by_user_id"`
}

// CreateRequest is the body of a create. Unset optional fields are omitted so
// the API applies its defaults.
type CreateRequest struct {
	Name                   string            `json:"name"`
	Provider               Provider          `json:"provider"`
	APIKey                 string            `json:"api_key,omitempty"`
	BaseURL                string            `json:"base_url,omitempty"`
	ModelNames             []string          `json:"model_names,omitempty"`
	Headers                map[string]string `json:"headers,omitempty"`
	EnableDefaultModels    *bool             `json:"enable_default_models,omitempty"`
	FunctionCallingEnabled *bool             `json:"function_calling_enabled,omitempty"`
	AuthType               AuthType          `json:"auth_type,omitempty"`
	ProviderMetadata       *ProviderMetadata `json:"provider_metadata,omitempty"`
	Scopings               []Scoping         `json:"scopings,omitempty"`
}

// ListPage is one page of a list.
type ListPage struct {
	Integrations []Integration `json:"ai_integrations"`
	Pagination   struct {
		HasMore    bool   `json:"has_more"`
		NextCursor string `json:"next_cursor"`
	} `json:"pagination"`
}

// ListOptions filters a list. Name and SpaceName match case-insensitive
// substrings, as the API does.
type ListOptions struct {
	Name      string
	SpaceID   string
	SpaceName string
	// Limit is the page size (1 to 100); zero leaves the API's default.
	Limit int
}
