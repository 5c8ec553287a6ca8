package emulator

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Dialect is the spelling of the API a Server speaks. In July 2026 Arize
// changed the wire spelling of its v2 API: enum values became
// SCREAMING_SNAKE_CASE and provider_metadata gained a required kind member.
// Every SDK since sends only the new spelling, while the published create
// page (February 2026) still shows the old one, and nothing seen from outside
// says which of the two the real server accepts. A client that must work for
// real users therefore has to work against either, so the emulator can speak
// each, one at a time: a server of one dialect refuses the other's spelling,
// as a server that knows only one of them would.
//
// Whatever the dialect, the store holds today's spelling; translation
// happens only when a request body is decoded and a response rendered.
type Dialect string

const (
	// DialectToday is the July 2026 spelling, the default: provider
	// OPEN_AI, AZURE_OPEN_AI, AWS_BEDROCK, VERTEX_AI, ANTHROPIC, CUSTOM,
	// NVIDIA_NIM, GEMINI; auth_type DEFAULT, PROXY_WITH_HEADERS,
	// BEARER_TOKEN; provider_metadata.kind (AWS or GCP) required in requests
	// and always rendered; role.type PREDEFINED, CUSTOM; role.name ADMIN,
	// MEMBER, READ_ONLY, ANNOTATOR; the evaluators' type TEMPLATE, CODE,
	// direction MAXIMIZE, ..., data_granularity SPAN, ..., code_config.type
	// MANAGED, CUSTOM, managed_evaluator EXACT_MATCH, ..., and
	// response_format.type TEXT, JSON_OBJECT, JSON_SCHEMA; a user's status
	// ACTIVE, INVITED, EXPIRED; an API key's key_type USER, SERVICE and
	// status ACTIVE, REVOKED.
	DialectToday Dialect = "today"
	// DialectPublished is the spelling of the published create page
	// (February 2026): provider openAI, azureOpenAI, awsBedrock, vertexAI,
	// anthropic, custom, nvidiaNim, gemini; auth_type default,
	// proxy_with_headers, bearer_token; provider_metadata has no kind member,
	// its members tell AWS (role_arn, external_id) from GCP (project_id,
	// location, project_access_label). The role values of memberships are
	// the SDKs' before July 2026: role.type predefined, custom; role.name
	// admin, member, read-only, annotator. So are the evaluators' (Go SDK
	// v0.16.0): type template, code, direction maximize, ...,
	// data_granularity span, ..., code_config.type managed, custom,
	// managed_evaluator ExactMatch, ..., response_format.type text,
	// json_object, json_schema; a user's status active, invited, expired;
	// and an API key's key_type user, service and status active, revoked.
	DialectPublished Dialect = "published"
)

// ParseDialect returns the dialect named s, exactly "today" or "published".
func ParseDialect(s string) (Dialect, error) {
	switch d := Dialect(s); d {
	case DialectToday, DialectPublished:
		return d, nil
	}
	return "", fmt.Errorf("unknown dialect %q: want %s or %s", s, DialectToday, DialectPublished)
}

// spellingPair is one enum value in both dialects.
type spellingPair struct{ today, published string }

// The enum tables, in the order the allowed values are listed in problems.
var (
	providerSpellings = []spellingPair{
		{providerOpenAI, "openAI"},
		{providerAzureOpenAI, "azureOpenAI"},
		{providerAWSBedrock, "awsBedrock"},
		{providerVertexAI, "vertexAI"},
		{providerAnthropic, "anthropic"},
		{providerCustom, "custom"},
		{providerNvidiaNim, "nvidiaNim"},
		{providerGemini, "gemini"},
	}
	authSpellings = []spellingPair{
		{authDefault, "default"},
		{authProxyWithHeaders, "proxy_with_headers"},
		{authBearerToken, "bearer_token"},
	}
	// The roles of memberships: role.type, and role.name of a predefined
	// role, which is also a user's account role. Before July 2026 they were
	// lower case, kebab case for read-only (Python SDK CHANGELOG 8.40.0).
	roleTypeSpellings = []spellingPair{
		{rolePredefined, "predefined"},
		{roleCustom, "custom"},
	}
	roleNameSpellings = []spellingPair{
		{roleAdmin, "admin"},
		{roleMember, "member"},
		{roleReadOnly, "read-only"},
		{roleAnnotator, "annotator"},
	}
	// The evaluators' enums, before July 2026 as the Go SDK v0.16.0 has
	// them: lower case, and CamelCase for the managed code evaluators.
	// Static parameter types did not change.
	evaluatorSpellings = map[string][]spellingPair{
		enumEvaluatorType: {
			{evaluatorTemplate, "template"},
			{evaluatorCode, "code"},
			{evaluatorHarness, "harness"},
			{evaluatorRemote, "remote"},
		},
		enumDirection: {
			{directionMaximize, "maximize"},
			{directionMinimize, "minimize"},
			{directionNone, "none"},
		},
		enumGranularity: {
			{granularitySpan, "span"},
			{granularityTrace, "trace"},
			{granularitySession, "session"},
		},
		enumCodeType: {
			{codeManaged, "managed"},
			{codeCustom, "custom"},
		},
		enumManagedEvaluator: {
			{managedContainsAllKeywords, "ContainsAllKeywords"},
			{managedContainsAnyKeyword, "ContainsAnyKeyword"},
			{managedExactMatch, "ExactMatch"},
			{managedJSONParseable, "JSONParseable"},
			{managedMatchesRegex, "MatchesRegex"},
		},
		enumResponseFormat: {
			{responseFormatText, "text"},
			{responseFormatJSONObject, "json_object"},
			{responseFormatJSONSchema, "json_schema"},
		},
		// A user's status: lower case before July 2026 ("invited", Python
		// SDK CHANGELOG 8.40.0). The contract gives no older spelling of
		// invite_mode or of a role binding's resource_type: those are
		// today's in both dialects.
		enumUserStatus: {
			{userActive, "active"},
			{userInvited, "invited"},
			{userExpired, "expired"},
		},
		// An API key's key_type and status: lower case before July 2026
		// (Python SDK CHANGELOG 8.40.0: "user", "service"). The status was
		// "deleted" until June 2026 (when DELETE became revoke) and then
		// "revoked" (the Python SDK's ApiKeyStatus at 2026-06-09 and
		// 2026-07-10); the changelogs' "deleted" -> "REVOKED" spans both
		// steps. The published dialect speaks the spelling just before the
		// recase, as it does for evaluators: "revoked". A restriction's
		// resource_type was PROJECT before and after: not in these tables.
		enumKeyType: {
			{keyUser, "user"},
			{keyService, "service"},
		},
		enumKeyStatus: {
			{keyActive, "active"},
			{keyRevoked, "revoked"},
		},
	}
)

// The keys of the evaluator enums in evaluatorSpellings, for
// spelling.values.
const (
	enumEvaluatorType    = "evaluator type"
	enumDirection        = "direction"
	enumGranularity      = "data_granularity"
	enumCodeType         = "code_config.type"
	enumManagedEvaluator = "managed_evaluator"
	enumResponseFormat   = "response_format.type"
	enumUserStatus       = "status"
	enumKeyType          = "key_type"
	enumKeyStatus        = "api key status"
)

// spelling is a dialect's view of the tables, built once.
type spelling struct {
	providers []string            // the dialect's provider values, in table order
	authTypes []string            // the dialect's auth_type values, in table order
	roleTypes []string            // the dialect's role.type values, in table order
	roleNames []string            // the dialect's role.name values, in table order
	enums     map[string][]string // the dialect's values of each evaluator enum, in table order
	toStore   map[string]string   // dialect spelling -> today's, every table
	toWire    map[string]string   // today's spelling -> dialect's
}

// values are the dialect's values of an enum field: provider, auth_type,
// role.type, role.name, or one of the evaluator enums (enumDirection, ...).
func (sp *spelling) values(field string) []string {
	if v, ok := sp.enums[field]; ok {
		return v
	}
	switch field {
	case "auth_type":
		return sp.authTypes
	case "role.type":
		return sp.roleTypes
	case "role.name":
		return sp.roleNames
	}
	return sp.providers
}

var (
	spellings = map[Dialect]*spelling{
		DialectToday:     newSpelling(func(p spellingPair) string { return p.today }),
		DialectPublished: newSpelling(func(p spellingPair) string { return p.published }),
	}
	// canonicalOf maps both dialects' spellings to today's.
	canonicalOf = func() map[string]string {
		m := map[string]string{}
		for _, sp := range spellings {
			for k, v := range sp.toStore {
				m[k] = v
			}
		}
		return m
	}()
)

func newSpelling(pick func(spellingPair) string) *spelling {
	sp := &spelling{enums: map[string][]string{}, toStore: map[string]string{}, toWire: map[string]string{}}
	for _, p := range providerSpellings {
		sp.providers = append(sp.providers, pick(p))
		sp.toStore[pick(p)], sp.toWire[p.today] = p.today, pick(p)
	}
	for _, p := range authSpellings {
		sp.authTypes = append(sp.authTypes, pick(p))
		sp.toStore[pick(p)], sp.toWire[p.today] = p.today, pick(p)
	}
	// "custom" is a provider and a role type, CUSTOM in both: the shared
	// maps agree.
	for _, p := range roleTypeSpellings {
		sp.roleTypes = append(sp.roleTypes, pick(p))
		sp.toStore[pick(p)], sp.toWire[p.today] = p.today, pick(p)
	}
	for _, p := range roleNameSpellings {
		sp.roleNames = append(sp.roleNames, pick(p))
		sp.toStore[pick(p)], sp.toWire[p.today] = p.today, pick(p)
	}
	// The evaluator tables share values with the others only as they agree
	// (custom is CUSTOM everywhere).
	for key, pairs := range evaluatorSpellings {
		for _, p := range pairs {
			sp.enums[key] = append(sp.enums[key], pick(p))
			sp.toStore[pick(p)], sp.toWire[p.today] = p.today, pick(p)
		}
	}
	return sp
}

// Canonical returns today's spelling of a provider, auth_type, role or
// evaluator enum value given in either dialect's spelling ("openAI" and
// "OPEN_AI" both give "OPEN_AI", "proxy_with_headers" gives
// "PROXY_WITH_HEADERS", "read-only" gives "READ_ONLY", "predefined" gives
// "PREDEFINED", "maximize" gives "MAXIMIZE", "ExactMatch" gives
// "EXACT_MATCH"). Any other value, "" and differently cased ones included,
// is returned unchanged.
func Canonical(v string) string {
	if c, ok := canonicalOf[v]; ok {
		return c
	}
	return v
}

func (d Dialect) spelling() *spelling { return spellings[d] }

// spell renders a stored (today's) enum value in d; a value outside the
// tables is rendered as it is.
func (d Dialect) spell(canonical string) string {
	if v, ok := d.spelling().toWire[canonical]; ok {
		return v
	}
	return canonical
}

// oneOf is the list of a field's allowed values in d, for problem details.
func (d Dialect) oneOf(field string) string {
	return strings.Join(d.spelling().values(field), ", ")
}

// other is the dialect that is not d.
func (d Dialect) other() Dialect {
	if d == DialectPublished {
		return DialectToday
	}
	return DialectPublished
}

// decodeEnum returns today's spelling of a value of an enum field (see
// spelling.values) sent in d's spelling, or false for anything else, the
// other dialect's spelling included.
func (d Dialect) decodeEnum(field, v string) (string, bool) {
	if !slices.Contains(d.spelling().values(field), v) {
		return "", false
	}
	return d.spelling().toStore[v], true
}

// metadataOf names provider_metadata of a kind in problem details: by its
// kind member today, by its members in the published spelling, which has no
// kind.
func (d Dialect) metadataOf(kind string) string {
	if d == DialectPublished {
		return "provider_metadata with " + kind + " members (" + strings.Join(metadataFields[kind], ", ") + ")"
	}
	return "provider_metadata of kind " + kind
}

// missingKind is the detail for metadata whose variant is unknown.
func (d Dialect) missingKind() string {
	if d == DialectPublished {
		return "provider_metadata must have either AWS members (role_arn, external_id) " +
			"or GCP members (project_id, location, project_access_label), not both"
	}
	return "provider_metadata.kind is required (AWS or GCP)"
}

// renderKind is the kind member a response carries: none when published.
func (d Dialect) renderKind(kind string) string {
	if d == DialectPublished {
		return ""
	}
	return kind
}

// metadataFields lists the members of each kind of provider_metadata, kind
// itself aside.
var metadataFields = map[string][]string{
	kindAWS: {"role_arn", "external_id"},
	kindGCP: {"project_id", "location", "project_access_label"},
}

// inferKind tells the variant of stored metadata from the members set, for
// metadata given without a kind: AWS or GCP when only that variant's members
// are set, "" otherwise.
func inferKind(m *ProviderMetadata) string {
	aws := m.RoleARN != "" || m.ExternalID != nil
	gcp := m.ProjectID != "" || m.Location != "" || m.ProjectAccessLabel != ""
	switch {
	case aws && !gcp:
		return kindAWS
	case gcp && !aws:
		return kindGCP
	}
	return ""
}

// publishedMetadata decodes provider_metadata in the published spelling: no
// kind member (sending one is an unknown field, a 400, like any member the
// page does not list), and the variant inferred from the members present,
// null ones included. Type errors are all checked before the variant, so a
// body with both reports the 400.
func (d *fieldDecoder) publishedMetadata(members map[string]json.RawMessage) *ProviderMetadata {
	var aws, gcp bool
	for _, k := range sortedKeys(members) {
		switch {
		case slices.Contains(metadataFields[kindAWS], k):
			aws = true
		case slices.Contains(metadataFields[kindGCP], k):
			gcp = true
		default:
			d.otherSpelling = k == "kind" // today's metadata has one
			d.typeError("unknown field %q", "provider_metadata."+k)
			return nil
		}
		if v := members[k]; !isNull(v) {
			if _, ok := d.str(v, "provider_metadata."+k); !ok {
				return nil
			}
		}
	}
	m := &ProviderMetadata{}
	switch {
	case aws && !gcp:
		m.Kind = kindAWS
	case gcp && !aws:
		m.Kind = kindGCP
	default:
		d.valueError("%s", d.dialect.missingKind())
		return m
	}
	return d.metadataMembers(m, members)
}
