// Package arize is a typed client for the AI-integration endpoints of the Arize
// REST API v2.
//
// It knows nothing of Terraform: the provider adapts it, and the emulator in
// internal/emulator declares its own wire types, so that a mistake here (a
// wrong JSON tag, a missing null) is caught by the tests instead of mirrored by
// them.
package arize
