package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"slices"
	"sort"
)

// maxBodyBytes is the largest request body accepted (413 beyond).
const maxBodyBytes = 1 << 20

// readObject reads a JSON object body into its raw members. Keeping members
// raw is what lets PATCH tell an absent field from an explicit null, and lets
// every member be decoded strictly on its own.
func readObject(r *http.Request) (map[string]json.RawMessage, *Problem) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != "application/json" {
			return nil, problemf(http.StatusUnsupportedMediaType, CodeUnsupportedMediaType,
				"Content-Type must be application/json")
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBodyBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, problemf(http.StatusRequestEntityTooLarge, CodePayloadTooLarge,
				"request body is larger than %d bytes", maxBodyBytes)
		}
		return nil, badRequest("request body could not be read")
	}
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil, badRequest("request body is required: a JSON object")
	}
	if body[0] != '{' {
		return nil, badRequest("request body must be a JSON object")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return nil, badRequest("request body is not valid JSON")
	}
	return fields, nil
}

// writableFields are the members a create or update body may carry, in the
// order they are applied (which fixes which error is reported first).
var writableFields = []string{
	"name", "provider", "api_key", "base_url", "model_names", "headers",
	"enable_default_models", "function_calling_enabled", "auth_type",
	"provider_metadata", "scopings",
}

// applyFields writes the members of a create or update body onto dst.
//
// Structural mistakes (unknown member, wrong JSON type) are 400 and are all
// found before any value mistake (a 422), so a body with both reports the
// 400. JSON null clears the nullable fields (api_key, base_url, model_names,
// headers, provider_metadata; scopings becomes account-wide) and is a 422 for
// the others. On create dst starts from the defaults, so null there is the
// same as leaving the field out.
//
// provider and auth_type are decoded in dialect's spelling only and stored in
// today's; provider_metadata follows the dialect's shape (see
// [Dialect]). A value in the other dialect's spelling is a 422 like any
// unknown value.
func applyFields(dst *Integration, fields map[string]json.RawMessage, dialect Dialect) *Problem {
	for _, k := range sortedKeys(fields) {
		if !slices.Contains(writableFields, k) {
			return badRequest("unknown field %q", k)
		}
	}
	d := fieldDecoder{dialect: dialect}
	for _, name := range writableFields {
		raw, ok := fields[name]
		if !ok {
			continue
		}
		d.apply(dst, name, raw)
		if d.bad != nil {
			d.bad.otherSpelling = d.otherSpelling
			return d.bad
		}
	}
	if d.invalid != nil {
		d.invalid.otherSpelling = d.otherSpelling
	}
	return d.invalid
}

// fieldDecoder remembers the first 400 and the first 422 while members are
// decoded, so that all type errors win over value errors.
type fieldDecoder struct {
	dialect Dialect
	bad     *Problem
	invalid *Problem
	// otherSpelling is set when the body carries the other dialect's
	// spelling of something.
	otherSpelling bool
}

func (d *fieldDecoder) typeError(format string, args ...any) {
	if d.bad == nil {
		d.bad = badRequest(format, args...)
	}
}

func (d *fieldDecoder) valueError(format string, args ...any) {
	if d.invalid == nil {
		d.invalid = invalid(format, args...)
	}
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

// str decodes a non-null JSON string.
func (d *fieldDecoder) str(raw json.RawMessage, field string) (string, bool) {
	var s string
	if isNull(raw) || json.Unmarshal(raw, &s) != nil {
		d.typeError("%s must be a string", field)
		return "", false
	}
	return s, true
}

func (d *fieldDecoder) apply(dst *Integration, name string, raw json.RawMessage) {
	null := isNull(raw)
	switch name {
	case "name", "provider", "auth_type":
		if null {
			d.valueError("%s must not be null", name)
			return
		}
		s, ok := d.str(raw, name)
		if !ok {
			return
		}
		if name == "name" {
			dst.Name = s
			return
		}
		canonical, known := d.dialect.decodeEnum(name, s)
		if !known {
			_, d.otherSpelling = d.dialect.other().decodeEnum(name, s)
			d.valueError("%s must be one of %s", name, d.dialect.oneOf(name))
			return
		}
		if name == "provider" {
			dst.Provider = canonical
		} else {
			dst.AuthType = canonical
		}
	case "enable_default_models", "function_calling_enabled":
		if null {
			d.valueError("%s must not be null", name)
			return
		}
		var b bool
		if json.Unmarshal(raw, &b) != nil {
			d.typeError("%s must be a boolean", name)
			return
		}
		if name == "enable_default_models" {
			dst.EnableDefaultModels = b
		} else {
			dst.FunctionCallingEnabled = b
		}
	case "api_key":
		dst.APIKey = ""
		if !null {
			dst.APIKey, _ = d.str(raw, name)
		}
	case "base_url":
		dst.BaseURL = ""
		if null {
			return
		}
		if s, ok := d.str(raw, name); ok {
			if s == "" {
				d.valueError("base_url must be an absolute http or https URL with a host, or null")
			}
			dst.BaseURL = s
		}
	case "model_names":
		dst.ModelNames = nil
		if !null {
			dst.ModelNames = d.modelNames(raw)
		}
	case "headers":
		dst.Headers = nil
		if !null {
			dst.Headers = d.headers(raw)
		}
	case "provider_metadata":
		dst.ProviderMetadata = nil
		if !null {
			dst.ProviderMetadata = d.providerMetadata(raw)
		}
	case "scopings":
		dst.Scopings = nil
		if !null {
			dst.Scopings = d.scopings(raw)
		}
	}
}

func (d *fieldDecoder) modelNames(raw json.RawMessage) []string {
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		d.typeError("model_names must be an array of strings or null")
		return nil
	}
	names := make([]string, 0, len(items))
	for i, item := range items {
		s, ok := d.str(item, "model_names["+itoa(i)+"]")
		if !ok {
			return nil
		}
		names = append(names, s)
	}
	return names
}

// headers names a bad header by its name only; its value is never echoed.
func (d *fieldDecoder) headers(raw json.RawMessage) map[string]string {
	var items map[string]json.RawMessage
	if bytes.TrimSpace(raw)[0] != '{' || json.Unmarshal(raw, &items) != nil {
		d.typeError("headers must be an object of string values or null")
		return nil
	}
	out := make(map[string]string, len(items))
	for _, k := range sortedKeys(items) {
		s, ok := d.str(items[k], "headers."+k)
		if !ok {
			return nil
		}
		out[k] = s
	}
	return out
}

// providerMetadata decodes the AWS or GCP variant in the server's dialect.
// Today an unknown kind is a 422 (a value the API does not support) and a
// member foreign to a known kind is a 400, like any unknown field; the
// published spelling is decoded by publishedMetadata.
func (d *fieldDecoder) providerMetadata(raw json.RawMessage) *ProviderMetadata {
	var members map[string]json.RawMessage
	if bytes.TrimSpace(raw)[0] != '{' || json.Unmarshal(raw, &members) != nil {
		d.typeError("provider_metadata must be an object or null")
		return nil
	}
	if d.dialect == DialectPublished {
		return d.publishedMetadata(members)
	}
	m := &ProviderMetadata{}
	kindRaw, ok := members["kind"]
	if !ok || isNull(kindRaw) {
		d.otherSpelling = true // the published page's metadata has no kind
		d.valueError("%s", d.dialect.missingKind())
		return m
	}
	if m.Kind, ok = d.str(kindRaw, "provider_metadata.kind"); !ok {
		return nil
	}
	allowed, known := metadataFields[m.Kind]
	if !known {
		d.valueError("provider_metadata.kind must be AWS or GCP")
		return m
	}
	for _, k := range sortedKeys(members) {
		if k != "kind" && !slices.Contains(allowed, k) {
			d.typeError("unknown field %q in provider_metadata of kind %s", "provider_metadata."+k, m.Kind)
			return nil
		}
	}
	return d.metadataMembers(m, members)
}

// metadataMembers decodes the members of m's kind: each a string, all
// required but external_id.
func (d *fieldDecoder) metadataMembers(m *ProviderMetadata, members map[string]json.RawMessage) *ProviderMetadata {
	for _, k := range metadataFields[m.Kind] {
		v, present := members[k]
		field := "provider_metadata." + k
		if !present || isNull(v) {
			if k != "external_id" {
				d.valueError("%s is required", field)
			}
			continue
		}
		s, ok := d.str(v, field)
		if !ok {
			return nil
		}
		switch k {
		case "role_arn":
			m.RoleARN = s
		case "external_id":
			m.ExternalID = &s
		case "project_id":
			m.ProjectID = s
		case "location":
			m.Location = s
		case "project_access_label":
			m.ProjectAccessLabel = s
		}
	}
	return m
}

// scopings decodes the list; "" is refused because the store uses it for
// null, and an empty id is never meaningful.
func (d *fieldDecoder) scopings(raw json.RawMessage) []Scoping {
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		d.typeError("scopings must be an array of objects or null")
		return nil
	}
	out := make([]Scoping, 0, len(items))
	for i, item := range items {
		field := "scopings[" + itoa(i) + "]"
		var members map[string]json.RawMessage
		if bytes.TrimSpace(item)[0] != '{' || json.Unmarshal(item, &members) != nil {
			d.typeError("%s must be an object", field)
			return nil
		}
		var sc Scoping
		for _, k := range sortedKeys(members) {
			v := members[k]
			var target *string
			switch k {
			case "organization_id":
				target = &sc.OrganizationID
			case "space_id":
				target = &sc.SpaceID
			default:
				d.typeError("unknown field %q", field+"."+k)
				return nil
			}
			if isNull(v) {
				continue
			}
			var s string
			if json.Unmarshal(v, &s) != nil {
				d.typeError("%s.%s must be a string or null", field, k)
				return nil
			}
			if s == "" {
				d.valueError("%s.%s must not be empty (use null)", field, k)
			}
			*target = s
		}
		out = append(out, sc)
	}
	return out
}

// sortedKeys fixes the order members are checked in, so the error reported
// for a body with several mistakes is always the same one.
func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
