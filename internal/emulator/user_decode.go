package emulator

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"
)

// The members of the user bodies, and those the server sets ("rejected on
// input": a 400 like an unknown member, with its own detail).
var (
	userCreateFields = []string{"email", "invite_mode", "is_developer", "name", "role"}
	userUpdateFields = []string{"is_developer", "name"}
	userServerSet    = []string{"created_at", "id", "status", "temporary_password"}
	inviteModes      = []string{inviteNone, inviteEmailLink, inviteTemporaryPassword}
)

// userBody is a decoded POST or PATCH /v2/users body; a nil member was
// absent.
type userBody struct {
	name        *string // trimmed
	email       string
	role        MemberRole
	inviteMode  string
	isDeveloper *bool
}

// decodeUser reads a user create (create true) or PATCH body. As elsewhere a
// structural mistake is a 400 and wins over a value mistake (422). The name
// is trimmed ("Leading and trailing whitespace is stripped before
// validation") and a blank one is a 400, as the contract says; a missing
// required member, an over-long name, a malformed email, an unknown
// invite_mode or a role that is not a predefined account role is a 422.
func decodeUser(fields map[string]json.RawMessage, d Dialect, create bool) (userBody, *Problem) {
	writable := userUpdateFields
	if create {
		writable = userCreateFields
	}
	for _, k := range sortedKeys(fields) {
		switch {
		case slices.Contains(userServerSet, k):
			return userBody{}, badRequest("%s is set by the server and must not be sent", k)
		case !slices.Contains(writable, k):
			return userBody{}, badRequest("unknown field %q", k)
		}
	}
	dec := fieldDecoder{dialect: d}
	var b userBody
	str := func(k string) (string, bool) {
		raw, ok := fields[k]
		switch {
		case !ok:
			if create {
				dec.valueError("%s is required", k)
			}
			return "", false
		case isNull(raw):
			dec.valueError("%s must not be null", k)
			return "", false
		}
		return dec.str(raw, k)
	}
	if v, ok := str("name"); ok {
		v = strings.TrimSpace(v)
		switch {
		case v == "":
			dec.typeError("name must not be blank")
		case utf8.RuneCountInString(v) > maxNameChars:
			dec.valueError("name must be at most %d characters", maxNameChars)
		}
		b.name = &v
	}
	if raw, ok := fields["is_developer"]; ok {
		var v bool
		switch {
		case isNull(raw):
			dec.valueError("is_developer must not be null")
		case json.Unmarshal(raw, &v) != nil:
			dec.typeError("is_developer must be a boolean")
		default:
			b.isDeveloper = &v
		}
	}
	if create {
		if v, ok := str("email"); ok {
			if !plausibleEmail(v) {
				dec.valueError("email %q is not a valid email address", v)
			}
			b.email = v
		}
		if v, ok := str("invite_mode"); ok {
			if !slices.Contains(inviteModes, v) {
				dec.valueError("invite_mode must be one of %s", strings.Join(inviteModes, ", "))
			}
			b.inviteMode = v
		}
		switch raw, ok := fields["role"]; {
		case !ok:
			dec.valueError("role is required")
		case isNull(raw):
			dec.valueError("role must not be null")
		default:
			b.role = dec.role(raw)
			if dec.bad == nil && dec.invalid == nil {
				switch {
				case b.role.Type == roleCustom:
					// "reserved for future use" (GO gen L8391).
					dec.valueError("role: custom account roles are not supported")
				case !slices.Contains([]string{roleAdmin, roleMember, roleAnnotator}, b.role.Name):
					dec.valueError("role.name: an account role must be one of %s, %s, %s",
						d.spell(roleAdmin), d.spell(roleMember), d.spell(roleAnnotator))
				}
			}
		}
	}
	for _, p := range []*Problem{dec.bad, dec.invalid} {
		if p != nil {
			p.otherSpelling = dec.otherSpelling
			return userBody{}, p
		}
	}
	return b, nil
}

// plausibleEmail is the emulator's check of `format: email`: one @ with
// something on each side, a dot in the domain, no spaces.
func plausibleEmail(v string) bool {
	local, domain, ok := strings.Cut(v, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(domain, "@") &&
		!strings.ContainsAny(v, " \t\r\n") && utf8.RuneCountInString(v) <= maxNameChars
}
