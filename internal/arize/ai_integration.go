package arize

// The AI integration as the API answers it, and the values its fields take.

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Provider is the LLM vendor an integration talks to (the API's "provider"),
// spelt as whoever wrote it spelt it: today's spelling, the published page's
// (see Spelling), or a value this client does not know yet. Compare values
// with Same, never with ==.
type Provider string

// The providers the API accepts, in today's spelling.
const (
	ProviderOpenAI      Provider = "OPEN_AI"
	ProviderAzureOpenAI Provider = "AZURE_OPEN_AI"
	ProviderAWSBedrock  Provider = "AWS_BEDROCK"
	ProviderVertexAI    Provider = "VERTEX_AI"
	ProviderAnthropic   Provider = "ANTHROPIC"
	ProviderCustom      Provider = "CUSTOM"
	ProviderNvidiaNIM   Provider = "NVIDIA_NIM"
	ProviderGemini      Provider = "GEMINI"
)

// Providers lists every Provider in today's spelling, in the API's order.
func Providers() []Provider { return append([]Provider(nil), providerSpellings.today...) }

// ProviderSpellings lists every accepted spelling of a Provider: today's
// values, then the published page's.
func ProviderSpellings() []Provider { return providerSpellings.all() }

// Canonical is p in today's spelling (p itself when unknown).
func (p Provider) Canonical() Provider { return providerSpellings.canon(p) }

// In is p as spelling sp writes it (p itself when unknown).
func (p Provider) In(sp Spelling) Provider { return providerSpellings.in(p, sp) }

// Same reports whether p and q are the same provider, whatever their spelling.
func (p Provider) Same(q Provider) bool { return p.Canonical() == q.Canonical() }

// AuthType is how Arize authenticates to the provider, in either spelling;
// see Provider.
type AuthType string

// The auth types the API accepts, in today's spelling.
const (
	AuthTypeDefault          AuthType = "DEFAULT"
	AuthTypeProxyWithHeaders AuthType = "PROXY_WITH_HEADERS"
	AuthTypeBearerToken      AuthType = "BEARER_TOKEN"
)

// AuthTypes lists every AuthType in today's spelling.
func AuthTypes() []AuthType { return append([]AuthType(nil), authTypeSpellings.today...) }

// AuthTypeSpellings lists every accepted spelling of an AuthType: today's
// values, then the published page's.
func AuthTypeSpellings() []AuthType { return authTypeSpellings.all() }

// Canonical is a in today's spelling (a itself when unknown).
func (a AuthType) Canonical() AuthType { return authTypeSpellings.canon(a) }

// In is a as spelling sp writes it (a itself when unknown).
func (a AuthType) In(sp Spelling) AuthType { return authTypeSpellings.in(a, sp) }

// Same reports whether a and b are the same auth type, whatever their spelling.
func (a AuthType) Same(b AuthType) bool { return a.Canonical() == b.Canonical() }

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
	// withoutKind writes the published page's form, which has no kind.
	withoutKind bool
}

// in is m as spelling sp writes it: the published page's form has no kind.
func (m ProviderMetadata) in(sp Spelling) ProviderMetadata {
	m.withoutKind = sp == SpellingPublished
	return m
}

// MarshalJSON writes the variant that is set, with its "kind" (but in the
// published page's form).
func (m ProviderMetadata) MarshalJSON() ([]byte, error) {
	switch {
	case m.AWS != nil && m.GCP != nil:
		return nil, fmt.Errorf("provider_metadata: both AWS and GCP are set")
	case m.withoutKind && m.AWS != nil:
		return json.Marshal(m.AWS)
	case m.withoutKind && m.GCP != nil:
		return json.Marshal(m.GCP)
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
// returned: HasAPIKey says whether one is stored. Provider and AuthType are
// spelt as the server answered.
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
