package arize

import (
	"maps"
	"reflect"
	"slices"
)

// CreateRequest is the body of a create. Unset optional fields are omitted so
// the API applies its defaults. Provider and AuthType may be in either
// spelling: the client sends them in the server's.
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

// The API's defaults for what a create leaves out (CONTRACT.md). Whoever
// needs to know what a create makes reads them here: madeAs does, and a
// caller that builds requests or plans from them should.
const (
	DefaultEnableDefaultModels    = false
	DefaultFunctionCallingEnabled = true
	DefaultAuthType               = AuthTypeDefault
)

// AccountWide reports whether scopings, as sent or as answered, make an
// integration account-wide: none at all ([] or null, which is what a create
// that leaves them out makes), or only account-wide entries ([{}] or
// [{"organization_id":null,"space_id":null}], as the API answers).
func AccountWide(scopings []Scoping) bool { return narrowScopings(scopings) == nil }

// narrowScopings is scopings without their account-wide entries, nil when
// none is left: the form in which two lists of scopings compare.
func narrowScopings(scopings []Scoping) []Scoping {
	narrow := slices.DeleteFunc(slices.Clone(scopings), Scoping.IsAccountWide)
	if len(narrow) == 0 {
		return nil
	}
	return narrow
}

// in is the request as spelling sp writes it.
func (in CreateRequest) in(sp Spelling) CreateRequest {
	in.Provider = in.Provider.In(sp)
	in.AuthType = in.AuthType.In(sp)
	if in.ProviderMetadata != nil {
		m := in.ProviderMetadata.in(sp)
		in.ProviderMetadata = &m
	}
	return in
}

// madeAs reports whether got is what creating in makes: every setting it
// sent, and the API's defaults for what it left out. Enum values are compared
// as values, not spellings: in and got may be spelt differently. The key is
// never returned, so it is compared as has_api_key. TestMadeAsComparesEveryField
// fails when a field of CreateRequest or Integration is not compared here.
func (in CreateRequest) madeAs(got *Integration) bool {
	baseURL := ""
	if got.BaseURL != nil {
		baseURL = *got.BaseURL
	}
	authType := in.AuthType
	if authType == "" {
		authType = DefaultAuthType
	}
	return got.Name == in.Name &&
		got.Provider.Same(in.Provider) &&
		got.HasAPIKey == (in.APIKey != "") &&
		baseURL == in.BaseURL &&
		slices.Equal(got.ModelNames, in.ModelNames) &&
		maps.Equal(got.Headers, in.Headers) &&
		got.EnableDefaultModels == boolOr(in.EnableDefaultModels, DefaultEnableDefaultModels) &&
		got.FunctionCallingEnabled == boolOr(in.FunctionCallingEnabled, DefaultFunctionCallingEnabled) &&
		got.AuthType.Same(authType) &&
		reflect.DeepEqual(metadataOrNil(got.ProviderMetadata), metadataOrNil(in.ProviderMetadata)) &&
		reflect.DeepEqual(narrowScopings(got.Scopings), narrowScopings(in.Scopings))
}

func boolOr(p *bool, def bool) bool {
	if p == nil {
		return def
	}
	return *p
}

// metadataOrNil is m without its kind and spelling, nil when it holds no
// variant this client knows.
func metadataOrNil(m *ProviderMetadata) *ProviderMetadata {
	if m == nil || (m.AWS == nil && m.GCP == nil) {
		return nil
	}
	return &ProviderMetadata{AWS: m.AWS, GCP: m.GCP}
}
