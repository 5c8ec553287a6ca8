package provider

import (
	"context"
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// Conversions between Terraform values and the API client's that every
// model uses. The API has several ways of saying "nothing" ("" and null, []
// and null); a model reads each as the null its schema gives an omitted
// attribute, and sends null where the API needs a value cleared.

// stringOrNull reads an optional string the API may answer as null or "".
func stringOrNull(s *string) types.String {
	if s == nil || *s == "" {
		return types.StringNull()
	}
	return types.StringValue(*s)
}

// emptyToNull reads a string the API answers as "" when it is unset.
func emptyToNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// nullableString is an update field that sends v, or null to clear it.
func nullableString(v types.String) arize.Field[string] {
	if v.IsNull() {
		return arize.Null[string]()
	}
	return arize.Value(v.ValueString())
}

// nullable is an update field that sends v, or null when isNull.
func nullable[T any](isNull bool, v T) arize.Field[T] {
	if isNull {
		return arize.Null[T]()
	}
	return arize.Value(v)
}

// stringList is a list of strings for the API: nil when null or unknown.
func stringList(ctx context.Context, l types.List, diags *diag.Diagnostics) []string {
	if l.IsNull() || l.IsUnknown() {
		return nil
	}
	var out []string
	diags.Append(l.ElementsAs(ctx, &out, false)...)
	return out
}

// stringMap is a map of strings for the API: nil when null or unknown.
func stringMap(ctx context.Context, m types.Map, diags *diag.Diagnostics) map[string]string {
	if m.IsNull() || m.IsUnknown() {
		return nil
	}
	var out map[string]string
	diags.Append(m.ElementsAs(ctx, &out, false)...)
	return out
}

// attrTypesOf derives the attribute types of a nested object from its model
// struct's tfsdk tags, so the model declares them once. Every field must be
// a framework value whose zero value knows its type (types.String,
// types.Bool, ...); a nested object's field cannot say its own attributes,
// so an object of objects spells its map out from its members'.
func attrTypesOf[T any]() map[string]attr.Type {
	t := reflect.TypeFor[T]()
	out := make(map[string]attr.Type, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		name := f.Tag.Get("tfsdk")
		if name == "" || name == "-" {
			continue
		}
		v, ok := reflect.Zero(f.Type).Interface().(attr.Value)
		if !ok {
			panic(fmt.Sprintf("%s.%s is not a framework value", t.Name(), f.Name))
		}
		out[name] = v.Type(context.Background())
	}
	return out
}
