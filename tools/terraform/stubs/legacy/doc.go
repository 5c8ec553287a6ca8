// Package legacy is an empty stand-in for Terraform's internal/legacy module,
// which the Go module proxy does not serve and which only Terraform's own tests import.
package legacy
