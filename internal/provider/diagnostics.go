package provider

import (
	"errors"
	"net/http"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// apiErrorDetail is the detail of a diagnostic for err: the API's own words,
// after what to do about the errors whose cure is not in the configuration
// being applied.
func apiErrorDetail(err error) string {
	var apiErr *arize.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.Status {
		case http.StatusUnauthorized:
			return "Arize rejected the API key. Check the provider's api_key (or " + EnvAPIKey + "), and that the key " +
				"belongs to the account this endpoint serves.\n\n" + err.Error()
		case http.StatusForbidden:
			return "The API key is not allowed to manage AI integrations. Ask an admin of the Arize account for that " +
				"permission, or use another key.\n\n" + err.Error()
		}
	}
	return err.Error()
}
