package arize

import (
	"bytes"
	"encoding/json"
)

// Field is one field of a PATCH: absent (the zero value, left as it is on the
// server), null (cleared), or a value. A plain pointer cannot tell the first
// two apart, and the API gives them different meanings.
type Field[T any] struct {
	state fieldState
	value T
}

type fieldState uint8

const (
	fieldAbsent fieldState = iota
	fieldNull
	fieldValue
)

// Value returns a Field that sends v.
func Value[T any](v T) Field[T] { return Field[T]{state: fieldValue, value: v} }

// Null returns a Field that sends JSON null, clearing the field.
func Null[T any]() Field[T] { return Field[T]{state: fieldNull} }

// IsSet reports whether the field is sent at all.
func (f Field[T]) IsSet() bool { return f.state != fieldAbsent }

// IsNull reports whether the field is sent as null.
func (f Field[T]) IsNull() bool { return f.state == fieldNull }

// Get returns the value and whether there is one.
func (f Field[T]) Get() (T, bool) { return f.value, f.state == fieldValue }

// UpdateRequest is the body of a PATCH: only the fields that are set are sent.
type UpdateRequest struct {
	Name                   Field[string]
	Provider               Field[Provider]
	APIKey                 Field[string]
	BaseURL                Field[string]
	ModelNames             Field[[]string]
	Headers                Field[map[string]string]
	EnableDefaultModels    Field[bool]
	FunctionCallingEnabled Field[bool]
	AuthType               Field[AuthType]
	ProviderMetadata       Field[ProviderMetadata]
	Scopings               Field[[]Scoping]
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

// IsEmpty reports whether the request would send no field (the API answers an
// empty PATCH with 400).
func (u UpdateRequest) IsEmpty() bool {
	return len(u.fields()) == 0
}

type namedField struct {
	name  string
	value func() (any, bool) // the value to encode, and whether it is null
}

func field[T any](name string, f Field[T]) (namedField, bool) {
	if !f.IsSet() {
		return namedField{}, false
	}
	return namedField{name: name, value: func() (any, bool) { return f.value, f.IsNull() }}, true
}

// fields lists the set fields in a fixed order, so bodies are reproducible.
func (u UpdateRequest) fields() []namedField {
	var out []namedField
	add := func(nf namedField, ok bool) {
		if ok {
			out = append(out, nf)
		}
	}
	add(field("name", u.Name))
	add(field("provider", u.Provider))
	add(field("api_key", u.APIKey))
	add(field("base_url", u.BaseURL))
	add(field("model_names", u.ModelNames))
	add(field("headers", u.Headers))
	add(field("enable_default_models", u.EnableDefaultModels))
	add(field("function_calling_enabled", u.FunctionCallingEnabled))
	add(field("auth_type", u.AuthType))
	add(field("provider_metadata", u.ProviderMetadata))
	add(field("scopings", u.Scopings))
	return out
}

// MarshalJSON writes the set fields, nulls included.
func (u UpdateRequest) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, f := range u.fields() {
		if i > 0 {
			buf.WriteByte(',')
		}
		name, _ := json.Marshal(f.name)
		buf.Write(name)
		buf.WriteByte(':')
		v, isNull := f.value()
		if isNull {
			buf.WriteString("null")
			continue
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		buf.Write(b)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
