// Package arize is a typed client for the Arize REST API v2: today its
// AI-integration endpoints.
//
// It knows nothing of Terraform: the provider adapts it, and the emulator in
// internal/emulator declares its own wire types, so that a mistake here (a
// wrong JSON tag, a missing null) is caught by the tests instead of mirrored by
// them.
//
// What every resource shares is written once, in files named for what they
// hold: client.go (Config and Client), transport.go (one try of a call:
// request, answer, strict decoding, the log of each try), retry.go (the one
// retry loop: which tries are sent again, the waits, and how a create of
// unknown outcome is finished without a second create), errors.go (the API's
// problem+json errors), pages.go (cursor pages, and exact-name look-up over
// the API's substring name filter), field.go (a PATCH field: absent, null or
// a value), spelling.go, endpoint.go and logging.go. A resource adds its
// object (ai_integration.go), its request bodies (create_request.go, with
// the API's defaults, and update_request.go) and its endpoints
// (ai_integrations.go).
//
// The API has spelt its enum values two ways (see Spelling). The client takes
// either from its caller, learns the server's from the server's answers, and
// sends the server's; spelling.go says how.
package arize
