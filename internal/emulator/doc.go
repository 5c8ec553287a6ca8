// Package emulator is an in-memory stand-in for the Arize REST API v2
// AI-integrations endpoints, as described by the project's CONTRACT.md.
//
// It exists so that the API client and the Terraform provider can be tested
// offline against a real HTTP server that behaves like Arize: bearer
// authentication, strict request decoding, the published validation rules,
// RFC 9457 problem+json errors, cursor pagination, relay-style base64 ids and
// server-set timestamps. It declares its own wire types instead of importing
// the client's, so a wrong JSON tag in the client fails a test rather than
// being mirrored here.
//
// Beyond the API, a [Server] offers what tests need: request counters per
// route (to assert how many calls an operation made), direct state access
// that bypasses HTTP (to simulate changes made outside Terraform), and fault
// injection to exercise the client's retry logic: a share of 429/5xx
// answers, connections closed without an answer before the request is served
// or after a write was applied, deterministic "fail or drop the next n"
// faults, added latency, and counters of what was injected.
package emulator
