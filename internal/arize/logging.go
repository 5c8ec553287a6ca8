package arize

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
)

// Logger receives the client's debug log of requests and responses. The
// provider adapts it to tflog; the client itself stays free of Terraform.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
}

type nopLogger struct{}

func (nopLogger) Debug(context.Context, string, map[string]any) {}

// masked replaces a secret in logs.
const masked = "***"

// maskBody returns a JSON body fit for a log: the api key, a new user's
// temporary password and every header value (proxy credentials live there)
// are masked. A body that is not JSON is not logged at all, since nothing in
// it could be masked reliably.
func maskBody(body []byte) string {
	if len(body) == 0 {
		return ""
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return "(body not logged: not JSON)"
	}
	maskValue(v)
	out, err := json.Marshal(v)
	if err != nil {
		return "(body not logged)"
	}
	return string(out)
}

func maskValue(v any) {
	switch t := v.(type) {
	case map[string]any:
		for k, child := range t {
			// Keys are matched ignoring case, as Go's JSON decoding matches
			// them: a key spelt Api_Key must not slip through the mask.
			switch strings.ToLower(k) {
			case "api_key", "temporary_password":
				// temporary_password: the one-time password a user create
				// answers with TEMPORARY_PASSWORD.
				if child != nil {
					t[k] = masked
				}
			case "base_url":
				if raw, ok := child.(string); ok {
					if u, err := url.Parse(raw); err == nil && u.User != nil {
						t[k] = u.Redacted()
					}
				}
			case "headers":
				if hm, ok := child.(map[string]any); ok {
					for hk := range hm {
						hm[hk] = masked
					}
				}
			default:
				maskValue(child)
			}
		}
	case []any:
		for _, child := range t {
			maskValue(child)
		}
	}
}
