package arize

import (
	"encoding/json"
	"testing"
)

func TestField(t *testing.T) {
	t.Parallel()
	var absent Field[string]
	if absent.IsSet() || absent.IsNull() {
		t.Errorf("zero Field: IsSet %v IsNull %v", absent.IsSet(), absent.IsNull())
	}
	if v, ok := absent.Get(); ok || v != "" {
		t.Errorf("zero Field Get = %q, %v", v, ok)
	}
	null := Null[string]()
	if !null.IsSet() || !null.IsNull() {
		t.Errorf("Null: IsSet %v IsNull %v", null.IsSet(), null.IsNull())
	}
	if _, ok := null.Get(); ok {
		t.Error("Null Get reports a value")
	}
	val := Value("x")
	if !val.IsSet() || val.IsNull() {
		t.Errorf("Value: IsSet %v IsNull %v", val.IsSet(), val.IsNull())
	}
	if v, ok := val.Get(); !ok || v != "x" {
		t.Errorf("Value Get = %q, %v", v, ok)
	}
	if zero := Value(""); !zero.IsSet() || zero.IsNull() {
		t.Error("Value(\"\") must be a set, non-null field")
	}
}

// TestFieldJSON checks what encoding/json does with a Field in a struct
// tagged omitzero: absent is left out, null is null, a value is the value
// (the zero value included).
func TestFieldJSON(t *testing.T) {
	t.Parallel()
	type body struct {
		A Field[string]   `json:"a,omitzero"`
		B Field[[]int]    `json:"b,omitzero"`
		C Field[bool]     `json:"c,omitzero"`
		D *Field[string]  `json:"d,omitzero"`
		E Field[struct{}] `json:"e,omitzero"`
	}
	for _, tt := range []struct {
		in   body
		want string
	}{
		{body{}, `{}`},
		{body{A: Null[string](), B: Null[[]int](), C: Null[bool]()}, `{"a":null,"b":null,"c":null}`},
		{body{A: Value(""), B: Value([]int(nil)), C: Value(false)}, `{"a":"","b":null,"c":false}`},
		{body{A: Value("<x>"), B: Value([]int{2, 1}), C: Value(true), E: Value(struct{}{})}, `{"a":"\u003cx\u003e","b":[2,1],"c":true,"e":{}}`},
		{body{D: &Field[string]{}}, `{}`}, // through a pointer too
		{body{D: ptr(Null[string]())}, `{"d":null}`},
	} {
		got, err := json.Marshal(tt.in)
		if err != nil || string(got) != tt.want {
			t.Errorf("Marshal(%+v) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	var absent Field[int]
	if !absent.IsZero() || Null[int]().IsZero() || Value(0).IsZero() {
		t.Error("IsZero must be true for an absent field only")
	}
}
