package emulator

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"
)

// The limits of the Python SDK's models (the only source that keeps them),
// in characters: names of organizations and spaces, their descriptions, and
// the name filter of their lists.
const (
	maxNameChars        = 255
	maxDescriptionChars = 1000
)

// namedBody is a decoded create or update body of an organization or a
// space: a nil member was absent.
type namedBody struct {
	name           *string
	description    *string // null decodes to "": it clears the description
	isPrivate      *bool
	organizationID *string
}

// serverSet are the members the server sets, "rejected if provided" (the
// spec's words for organizations and spaces).
var serverSet = []string{"id", "created_at"}

// decodeNamed reads the members of an organization or space body; writable
// lists the members this body may carry.
//
// As for integrations, structural mistakes (unknown member, wrong JSON type)
// are 400 and win over value mistakes (422). JSON null clears description
// (to "", which is how the API reads an unset one; GO SDK 0.22 sends null
// to clear, older SDKs "", and both are accepted) and is a 422 for the other
// members, which cannot be unset.
func decodeNamed(fields map[string]json.RawMessage, writable []string) (namedBody, *Problem) {
	for _, k := range sortedKeys(fields) {
		switch {
		case slices.Contains(serverSet, k):
			return namedBody{}, badRequest("%s is set by the server and must not be sent", k)
		case !slices.Contains(writable, k):
			return namedBody{}, badRequest("unknown field %q", k)
		}
	}
	var d fieldDecoder
	var b namedBody
	for _, k := range sortedKeys(fields) {
		raw := fields[k]
		if k == "description" {
			var desc string
			if !isNull(raw) {
				var ok bool
				if desc, ok = d.str(raw, k); !ok {
					continue
				}
			}
			b.description = &desc
			continue
		}
		if isNull(raw) {
			d.valueError("%s must not be null", k)
			continue
		}
		switch k {
		case "name":
			if v, ok := d.str(raw, k); ok {
				b.name = &v
			}
		case "organization_id":
			if v, ok := d.str(raw, k); ok {
				b.organizationID = &v
			}
		case "is_private":
			var v bool
			if json.Unmarshal(raw, &v) != nil {
				d.typeError("%s must be a boolean", k)
				continue
			}
			b.isPrivate = &v
		}
	}
	if d.bad != nil {
		return namedBody{}, d.bad
	}
	return b, d.invalid
}

// validateNamed applies the rules every organization and space has: a name
// of 1 to 255 characters that is not blank, and a description of at most
// 1000. Create, PATCH (on the patched result) and the Put hooks all go
// through it.
func validateNamed(name, description string) *Problem {
	switch {
	case strings.TrimSpace(name) == "":
		return invalid("name is required and must not be blank")
	case utf8.RuneCountInString(name) > maxNameChars:
		return invalid("name must be at most %d characters", maxNameChars)
	case utf8.RuneCountInString(description) > maxDescriptionChars:
		return invalid("description must be at most %d characters", maxDescriptionChars)
	}
	return nil
}

// nameFilter reads the name list filter of organizations and spaces: a
// case-insensitive substring of at most 255 characters.
func nameFilter(v string) (string, *Problem) {
	if utf8.RuneCountInString(v) > maxNameChars {
		return "", badRequest("name must be at most %d characters", maxNameChars)
	}
	return strings.ToLower(v), nil
}

// containsFold reports whether name contains the lower-cased needle, case
// aside.
func containsFold(name, needle string) bool {
	return needle == "" || strings.Contains(strings.ToLower(name), needle)
}

// applyTo writes the name and description the body set onto an
// organization's or a space's.
func (b namedBody) applyTo(name, description *string) {
	if b.name != nil {
		*name = *b.name
	}
	if b.description != nil {
		*description = *b.description
	}
}
