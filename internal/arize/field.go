package arize

import "encoding/json"

// Field is one field of a PATCH: absent (the zero value, left as it is on the
// server), null (cleared), or a value. A plain pointer cannot tell the first
// two apart, and the API gives them different meanings.
//
// A struct of Fields tagged `json:"name,omitzero"` is a PATCH body that
// encoding/json writes as it is: omitzero leaves out the absent fields (it
// asks IsZero), and MarshalJSON writes the others, null or value.
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

// IsZero reports whether the field is absent, so that omitzero leaves it out.
func (f Field[T]) IsZero() bool { return f.state == fieldAbsent }

// MarshalJSON writes the value, or null for a null (or absent) field.
func (f Field[T]) MarshalJSON() ([]byte, error) {
	if f.state != fieldValue {
		return []byte("null"), nil
	}
	return json.Marshal(f.value)
}
