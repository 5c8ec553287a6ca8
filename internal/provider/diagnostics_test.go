package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// TestDiagnostics_aiIntegration pins the text every resource's diagnostics
// share, as an AI integration's say it.
func TestDiagnostics_aiIntegration(t *testing.T) {
	apiErr := func(status int) error {
		return &arize.APIError{Method: http.MethodPost, Path: "/v2/ai-integrations", Status: status}
	}
	other := errors.New("dial tcp 127.0.0.1:1: connection refused")
	for _, c := range []struct{ name, got, want string }{
		{"create summary", aiIntegration.couldNot("create"), "Could not create the Arize AI integration"},
		{"list summary", aiIntegration.couldNotList(), "Could not list Arize AI integrations"},
		{"401", apiErrorDetail(aiIntegration, apiErr(401)), "Arize rejected the API key. Check the provider's api_key (or ARIZE_API_KEY), " +
			"and that the key belongs to the account this endpoint serves.\n\n" + apiErr(401).Error()},
		{"403", apiErrorDetail(aiIntegration, apiErr(403)), "The API key is not allowed to manage AI integrations. Ask an admin of the " +
			"Arize account for that permission, or use another key.\n\n" + apiErr(403).Error()},
		{"another error", apiErrorDetail(aiIntegration, other), other.Error()},
		{"create: name taken", createErrorDetail(aiIntegration, "n", apiErr(409)), `An AI integration named "n" already exists in this ` +
			"Arize account (names are unique). Choose another name, or bring the existing one under Terraform with an import block " +
			`(import { to = arize_ai_integration.<name>, id = "<integration id>" }) or ` +
			"'terraform import arize_ai_integration.<name> <integration id>'.\n\n" + apiErr(409).Error()},
		{"create: interrupted", createErrorDetail(aiIntegration, "n", fmt.Errorf("POST: %w", context.DeadlineExceeded)),
			`The create of "n" was interrupted, so whether Arize made the integration is unknown. If an integration of that name ` +
				"now exists, import it rather than applying again, which would fail on the name.\n\nPOST: context deadline exceeded"},
		{"create: another error", createErrorDetail(aiIntegration, "n", apiErr(401)), apiErrorDetail(aiIntegration, apiErr(401))},
		{"update: name taken", updateErrorDetail(aiIntegration, "n", apiErr(409)),
			`Another AI integration in this Arize account is already named "n".` + "\n\n" + apiErr(409).Error()},
		{"update: another error", updateErrorDetail(aiIntegration, "n", apiErr(403)), apiErrorDetail(aiIntegration, apiErr(403))},
		{"lookup summary", aiIntegration.notFound(), "AI integration not found"},
		{"lookup by id", aiIntegration.noneWithID("SUQ="), `No AI integration with ID "SUQ=" exists in this Arize account.`},
		{"lookup by name", aiIntegration.noneNamed("n"), `No AI integration named "n" exists in this Arize account.`},
		{"lookup, ambiguous", aiIntegration.severalMatch(), "Several AI integrations match"},
		{"lookup, ambiguous detail", aiIntegration.severalNamed("n", []string{"SUQx", "SUQy"}),
			`2 AI integrations are named "n" (IDs SUQx, SUQy); look one up by id instead.`},
	} {
		if c.got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, c.got, c.want)
		}
	}
}

func TestWithArticle(t *testing.T) {
	for noun, want := range map[string]string{
		"AI integration": "an AI integration",
		"evaluator":      "an evaluator",
		"organization":   "an organization",
		"space":          "a space",
		"user":           "a user",
		"role binding":   "a role binding",
	} {
		if got := withArticle(noun); got != want {
			t.Errorf("withArticle(%q) = %q, want %q", noun, got, want)
		}
	}
}
