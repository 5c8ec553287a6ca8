package emulator

import (
	"bytes"
	"encoding/json"
	"slices"
)

// The members of an add-user body, and of its role.
var (
	memberFields = []string{"role", "user_id"}
	roleFields   = []string{"id", "name", "type"}
)

// memberBody is a decoded body of POST /v2/organizations/{id}/users or
// POST /v2/spaces/{id}/users.
type memberBody struct {
	userID string
	role   MemberRole
}

// decodeMember reads an add-user body, its role values in d's spelling
// only, stored in today's. As for integrations, structural mistakes are 400
// and win over value mistakes (422); a role value in the other dialect's
// spelling is a 422 naming the field, like any unknown value, and marks the
// problem for RefusedForSpelling.
func decodeMember(fields map[string]json.RawMessage, d Dialect) (memberBody, *Problem) {
	for _, k := range sortedKeys(fields) {
		if !slices.Contains(memberFields, k) {
			return memberBody{}, badRequest("unknown field %q", k)
		}
	}
	dec := fieldDecoder{dialect: d}
	var b memberBody
	switch raw, ok := fields["user_id"]; {
	case !ok:
		dec.valueError("user_id is required")
	case isNull(raw):
		dec.valueError("user_id must not be null")
	default:
		if v, ok := dec.str(raw, "user_id"); ok {
			if v == "" {
				dec.valueError("user_id must not be empty")
			}
			b.userID = v
		}
	}
	switch raw, ok := fields["role"]; {
	case !ok:
		dec.valueError("role is required")
	case isNull(raw):
		dec.valueError("role must not be null")
	default:
		b.role = dec.role(raw)
	}
	for _, p := range []*Problem{dec.bad, dec.invalid} {
		if p != nil {
			p.otherSpelling = dec.otherSpelling
			return memberBody{}, p
		}
	}
	return b, nil
}

// role decodes a role assignment: {"type": PREDEFINED, "name": ...} or
// {"type": CUSTOM, "id": ...}, in the decoder's dialect. The object form is
// required (some prose examples of the spec send a bare string, its schema
// does not), and so is exactly one of name and id, the one that goes with
// the type: those are 400s, as malformed as a wrong JSON type. The name of
// a custom role is "returned in responses only", so a request sending one
// is refused too.
func (d *fieldDecoder) role(raw json.RawMessage) MemberRole {
	var members map[string]json.RawMessage
	if bytes.TrimSpace(raw)[0] != '{' || json.Unmarshal(raw, &members) != nil {
		d.typeError("role must be an object: {\"type\": %q, \"name\": ...} or {\"type\": %q, \"id\": ...}",
			d.dialect.spell(rolePredefined), d.dialect.spell(roleCustom))
		return MemberRole{}
	}
	values := map[string]string{}
	for _, k := range sortedKeys(members) {
		if !slices.Contains(roleFields, k) {
			d.typeError("unknown field %q", "role."+k)
			return MemberRole{}
		}
		v, ok := d.str(members[k], "role."+k)
		if !ok {
			return MemberRole{}
		}
		values[k] = v
	}
	typ, hasType := values["type"]
	name, hasName := values["name"]
	id, hasID := values["id"]
	switch {
	case !hasType:
		d.typeError("role.type is required")
		return MemberRole{}
	case hasName && hasID:
		d.typeError("role takes a name or an id, not both")
		return MemberRole{}
	case !hasName && !hasID:
		d.typeError("role needs a name (type %s) or an id (type %s)",
			d.dialect.spell(rolePredefined), d.dialect.spell(roleCustom))
		return MemberRole{}
	}

	var r MemberRole
	r.Type = d.roleEnum("role.type", typ)
	// The shape is checked against the type however it is spelt, so a body
	// both misspelt and malformed reports the 400.
	shape := r.Type
	if shape == "" {
		shape, _ = d.dialect.other().decodeEnum("role.type", typ)
	}
	switch {
	case shape == rolePredefined && hasID:
		d.typeError("role.id is only allowed with type %s; a predefined role has a name", d.dialect.spell(roleCustom))
	case shape == roleCustom && hasName:
		d.typeError("role.name is only allowed with type %s; a custom role has an id", d.dialect.spell(rolePredefined))
	}
	if hasName {
		r.Name = d.roleEnum("role.name", name)
	}
	if hasID {
		if id == "" {
			d.valueError("role.id must not be empty")
		}
		r.ID = id
	}
	return r
}

// roleEnum decodes a role.type or role.name value in the decoder's dialect,
// and notes a value in the other dialect's spelling.
func (d *fieldDecoder) roleEnum(field, v string) string {
	canonical, known := d.dialect.decodeEnum(field, v)
	if !known {
		if _, other := d.dialect.other().decodeEnum(field, v); other {
			d.otherSpelling = true
		}
		d.valueError("%s must be one of %s", field, d.dialect.oneOf(field))
	}
	return canonical
}
