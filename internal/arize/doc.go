// Package arize is a typed client for the AI-integration endpoints of the Arize
// REST API v2.
//
// It knows nothing of Terraform: the provider adapts it, and the emulator in
// internal/emulator declares its own wire types, so that a mistake here (a
// wrong JSON tag, a missing null) is caught by the tests instead of mirrored by
// them.
//
// The API has spelt its enum values two ways (see Spelling). The client takes
// either from its caller, learns the server's from the server's answers, and
// sends the server's; spelling.go says how.
package arize
