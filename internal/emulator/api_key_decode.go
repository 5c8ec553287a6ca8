package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// The members of the API key bodies: each create form is strict (GO SDK
// v0.22.0 split the request schemas), so a USER key's body carrying a
// service key's member is a 400 like any unknown member.
var (
	userKeyFields      = []string{"description", "expires_at", "key_type", "name"}
	serviceKeyFields   = []string{"account_role", "description", "expires_at", "key_type", "name", "organizations"}
	keyServerSet       = []string{"created_at", "created_by_user_id", "id", "key", "last_used_at", "redacted_key", "status"}
	keyOrgFields       = []string{"org_id", "role", "spaces"}
	keySpaceFields     = []string{"role", "space_id"}
	refreshFields      = []string{"expires_at", "grace_period_seconds"}
	timeFormatExplains = "an RFC 3339 date-time such as 2027-01-01T00:00:00Z"
)

// decodeAPIKey reads a create body in d's spelling: key_type (required,
// USER or SERVICE), name (required), description and expires_at
// (optional; null is the same as absent), and for SERVICE account_role
// (optional) and organizations (required). As elsewhere, structural
// mistakes (an unknown or server-set member, a member of the other form, a
// wrong JSON type, an expires_at that is no date-time) are 400s and win
// over value mistakes (422: a missing or null required member, an unknown
// key_type, a role value unknown in d). A value in the other dialect's
// spelling marks the problem for RefusedForSpelling.
func decodeAPIKey(fields map[string]json.RawMessage, d Dialect) (APIKey, *Problem) {
	dec := fieldDecoder{dialect: d}
	var k APIKey
	if raw, ok := dec.required(fields, "key_type", "key_type"); ok {
		k.KeyType = dec.enum(raw, enumKeyType, "key_type")
	}
	writable := serviceKeyFields
	if k.KeyType == keyUser {
		writable = userKeyFields
	}
	for _, key := range sortedKeys(fields) {
		switch {
		case slices.Contains(keyServerSet, key):
			return APIKey{}, badRequest("%s is set by the server and must not be sent", key)
		case slices.Contains(serviceKeyFields, key) && !slices.Contains(writable, key):
			return APIKey{}, badRequest("%s is only allowed with key_type %s", key, d.spell(keyService))
		case !slices.Contains(writable, key):
			return APIKey{}, badRequest("unknown field %q", key)
		}
	}
	if raw, ok := dec.required(fields, "name", "name"); ok {
		k.Name, _ = dec.str(raw, "name")
	}
	if raw, ok := optional(fields, "description"); ok {
		k.Description, _ = dec.str(raw, "description")
	}
	if t := dec.dateTime(fields, "expires_at"); t != nil {
		k.ExpiresAt = *t
	}
	if k.KeyType == keyService || k.KeyType == "" {
		k.BotUser = dec.botUser(fields)
	}
	if p := dec.problem(); p != nil {
		return APIKey{}, p
	}
	return k, nil
}

// dateTime decodes an optional RFC 3339 member, null meaning absent, to the
// millisecond the API answers in.
func (d *fieldDecoder) dateTime(fields map[string]json.RawMessage, k string) *time.Time {
	raw, ok := optional(fields, k)
	if !ok {
		return nil
	}
	v, ok := d.str(raw, k)
	if !ok {
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		d.typeError("%s must be %s", k, timeFormatExplains)
		return nil
	}
	t = t.UTC().Truncate(time.Millisecond)
	return &t
}

// array decodes a JSON array into its items, or notes a 400.
func (d *fieldDecoder) array(raw json.RawMessage, field string) ([]json.RawMessage, bool) {
	var items []json.RawMessage
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '[' || json.Unmarshal(raw, &items) != nil {
		d.typeError("%s must be an array", field)
		return nil, false
	}
	return items, true
}

// optionalRole decodes an optional role assignment, members[k]: absent or
// null is the zero role, which the server resolves to the level's default.
// A problem it causes names where the role is (field).
func (d *fieldDecoder) optionalRole(members map[string]json.RawMessage, k, field string) MemberRole {
	raw, ok := optional(members, k)
	if !ok {
		return MemberRole{}
	}
	bad, inv := d.bad, d.invalid
	r := d.role(raw)
	if d.bad != bad {
		d.bad.Detail = field + ": " + d.bad.Detail
	}
	if d.invalid != inv {
		d.invalid.Detail = field + ": " + d.invalid.Detail
	}
	return r
}

// requiredID decodes a required, non-empty string member of an object.
func (d *fieldDecoder) requiredID(members map[string]json.RawMessage, k, field string) string {
	path := field + "." + k
	raw, ok := d.required(members, k, path)
	if !ok {
		return ""
	}
	v, ok := d.str(raw, path)
	if ok && v == "" {
		d.valueError("%s must not be empty", path)
	}
	return v
}

// botUser decodes a service key's account_role and organizations, each
// with its spaces: the grants of its service account. organizations is
// required; every role is optional.
func (d *fieldDecoder) botUser(fields map[string]json.RawMessage) *BotUser {
	b := &BotUser{AccountRole: d.optionalRole(fields, "account_role", "account_role")}
	raw, ok := d.required(fields, "organizations", "organizations")
	if !ok {
		return b
	}
	orgs, ok := d.array(raw, "organizations")
	if !ok {
		return b
	}
	for i, rawOrg := range orgs {
		field := fmt.Sprintf("organizations[%d]", i)
		members, ok := d.object(rawOrg, field, keyOrgFields)
		if !ok {
			return b
		}
		o := BotUserOrganization{OrgID: d.requiredID(members, "org_id", field), Role: d.optionalRole(members, "role", field+".role")}
		if rawSpaces, ok := d.required(members, "spaces", field+".spaces"); ok {
			spaces, ok := d.array(rawSpaces, field+".spaces")
			if !ok {
				return b
			}
			for j, rawSpace := range spaces {
				sfield := fmt.Sprintf("%s.spaces[%d]", field, j)
				sm, ok := d.object(rawSpace, sfield, keySpaceFields)
				if !ok {
					return b
				}
				o.Spaces = append(o.Spaces, BotUserSpace{
					SpaceID: d.requiredID(sm, "space_id", sfield), Role: d.optionalRole(sm, "role", sfield+".role"),
				})
			}
		}
		b.Organizations = append(b.Organizations, o)
	}
	return b
}

// refreshBody is a decoded refresh body; a nil expiresAt was absent.
type refreshBody struct {
	expiresAt *time.Time
	grace     int
}

// decodeRefresh reads the optional refresh body: expires_at (null is the
// same as absent) and grace_period_seconds, an integer (a 400 otherwise;
// its range is checked as a value, 422). Any other member is a 400.
func decodeRefresh(fields map[string]json.RawMessage) (refreshBody, *Problem) {
	for _, k := range sortedKeys(fields) {
		if !slices.Contains(refreshFields, k) {
			return refreshBody{}, badRequest("unknown field %q", k)
		}
	}
	var d fieldDecoder
	b := refreshBody{expiresAt: d.dateTime(fields, "expires_at")}
	if raw, ok := optional(fields, "grace_period_seconds"); ok {
		n, _ := d.integer(raw, "grace_period_seconds")
		b.grace = int(max(min(n, maxGraceSeconds+1), -1)) // out of range either way, checked as a value
	}
	if d.bad != nil {
		return refreshBody{}, d.bad
	}
	return b, nil
}
