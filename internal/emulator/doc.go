// Package emulator is an in-memory stand-in for the Arize REST API v2, as
// CONTRACT.md beside it describes: the AI-integrations endpoints,
// organizations, spaces and their members, users (with their invitations and
// the one-time temporary password), predefined and custom roles, role
// bindings, evaluators with their append-only versions, projects, their
// restrictions, and API keys (user and service keys, whose secrets are
// answered once and, while live, are accepted as bearer keys beside
// Options.APIKey). Users may also be seeded (Options.Users) or added by
// tests ([Server.AddUser], [Server.PutUser]); the four predefined roles are
// always seeded.
//
// It exists so that the API client and the Terraform provider can be tested
// offline against a real HTTP server that behaves like Arize: bearer
// authentication, strict request decoding, the published validation rules,
// RFC 9457 problem+json errors, cursor pagination, relay-style base64 ids and
// server-set timestamps. It declares its own wire types instead of importing
// the client's, so a wrong JSON tag in the client fails a test rather than
// being mirrored here.
//
// # Dialects
//
// A server speaks one spelling of the API at a time, its [Dialect]. In July
// 2026 Arize changed the spelling of its v2 API: enum values became
// SCREAMING_SNAKE_CASE (provider OPEN_AI, AWS_BEDROCK, ...; auth_type
// DEFAULT, ...) and provider_metadata gained a required kind (AWS or GCP).
// All SDKs since send that spelling, [DialectToday], the default; the
// published create page (February 2026) still shows the old one (openAI,
// awsBedrock, default, ... and no kind), [DialectPublished]. Membership
// roles changed the same way (predefined, read-only, ... became PREDEFINED,
// READ_ONLY, ...), and so did the evaluators' enums (template, maximize,
// span, ExactMatch, ... became TEMPLATE, MAXIMIZE, SPAN, EXACT_MATCH, ...)
// and an API key's (user, service, active, revoked became USER, SERVICE,
// ACTIVE, REVOKED). Which of the two the real server accepts cannot be known
// from outside, so the provider must work against both, and the emulator is
// strict about the one it speaks: the other dialect's spelling is refused
// like any unknown value (422 naming the field), and a kind sent to the
// published dialect is an unknown field (400).
//
// The store always holds today's spelling, whatever the dialect: requests
// are translated as they are decoded and answers as they are rendered, and
// the direct state access below works in today's spelling (Put accepts
// either, see [Canonical]).
//
// # Test support
//
// Beyond the API, a [Server] offers what tests need: request counters per
// route (to assert how many calls an operation made), counters of the
// answers it gave by status and of the writes it refused
// ([Server.Refused]), direct state access that bypasses HTTP (to simulate
// changes made outside Terraform: Put, PutOrganization, PutSpace,
// PutOrganizationMember, PutEvaluator, AppendEvaluatorVersion, PutProject,
// PutRestriction, PutAPIKey, RevokeAPIKey, ExpireAPIKey,
// RemoveOrganization, ...; and to read what no endpoint shows, such as
// OrganizationMembers, SpaceOrganization, a service key's grants and
// whether a secret is live, [Server.KeyIsLive]), a space the key may not
// see ([Server.ForbidSpace]), the short pages the restriction list may
// answer ([Server.SetRestrictionPageSizes]), a whole realistic account
// ([Server.SeedAccount]), and fault injection to
// exercise the client's retry logic: a share of 429/5xx answers,
// connections closed without an answer before the request is served or
// after a write was applied, deterministic "fail or drop the next n"
// faults, added latency, and counters of what was injected.
//
// The faults are one piece of HTTP middleware, [FaultInjector]. A Server
// has its own in front of its API (SetFaults, FailNext, DropNext and
// Injected reach it), cmd/arize-emulator configures that one from its
// flags, and a test may put another in front of any handler, a Server
// included, as a gateway stands in front of an API.
package emulator
