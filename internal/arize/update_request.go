package arize

import "reflect"

// UpdateRequest is the body of a PATCH of an integration: only the fields
// that are set are sent, in this order, null for a cleared one (see Field).
// Provider, AuthType and ProviderMetadata may be in either spelling: the
// client sends them in the server's.
type UpdateRequest struct {
	Name                   Field[string]            `json:"name,omitzero"`
	Provider               Field[Provider]          `json:"provider,omitzero"`
	APIKey                 Field[string]            `json:"api_key,omitzero"`
	BaseURL                Field[string]            `json:"base_url,omitzero"`
	ModelNames             Field[[]string]          `json:"model_names,omitzero"`
	Headers                Field[map[string]string] `json:"headers,omitzero"`
	EnableDefaultModels    Field[bool]              `json:"enable_default_models,omitzero"`
	FunctionCallingEnabled Field[bool]              `json:"function_calling_enabled,omitzero"`
	AuthType               Field[AuthType]          `json:"auth_type,omitzero"`
	ProviderMetadata       Field[ProviderMetadata]  `json:"provider_metadata,omitzero"`
	Scopings               Field[[]Scoping]         `json:"scopings,omitzero"`
}

// IsEmpty reports whether the request would send no field (the API answers an
// empty PATCH with 400). It asks each field what omitzero asks it.
func (u UpdateRequest) IsEmpty() bool {
	v := reflect.ValueOf(u)
	for i := range v.NumField() {
		if f, ok := v.Field(i).Interface().(interface{ IsZero() bool }); !ok || !f.IsZero() {
			return false
		}
	}
	return true
}

// carriesEnum reports whether the request sends a value whose spelling
// depends on the server's (see Spelling).
func (u UpdateRequest) carriesEnum() bool {
	_, provider := u.Provider.Get()
	_, authType := u.AuthType.Get()
	_, metadata := u.ProviderMetadata.Get()
	return provider || authType || metadata
}

// in is the request as spelling sp writes it.
func (u UpdateRequest) in(sp Spelling) UpdateRequest {
	if v, ok := u.Provider.Get(); ok {
		u.Provider = Value(v.In(sp))
	}
	if v, ok := u.AuthType.Get(); ok {
		u.AuthType = Value(v.In(sp))
	}
	if v, ok := u.ProviderMetadata.Get(); ok {
		u.ProviderMetadata = Value(v.in(sp))
	}
	return u
}
