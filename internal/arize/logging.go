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

// warnLogger is a Logger that also takes warnings: what the client did that
// the user should know of although nothing failed (a lost answer recovered,
// say). A Logger without Warn gets them at Debug.
type warnLogger interface {
	Warn(ctx context.Context, msg string, fields map[string]any)
}

// warn logs a warning through the client's logger. Like every log line, its
// fields must carry no secret.
func (c *Client) warn(ctx context.Context, msg string, fields map[string]any) {
	if w, ok := c.log.(warnLogger); ok {
		w.Warn(ctx, msg, fields)
		return
	}
	c.log.Debug(ctx, msg, fields)
}

// masked replaces a secret in logs.
const masked = "***"

// maskBody returns a JSON body fit for a log: the api key, a new user's
// temporary password, a minted API key's secret and every header value
// (proxy credentials live there) are masked. A body that is not JSON is not
// logged at all, since nothing in it could be masked reliably.
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
			case "api_key", "temporary_password", "key":
				// temporary_password: the one-time password a user create
				// answers with TEMPORARY_PASSWORD. key: the secret of an
				// API key, answered by its create and its refresh; no other
				// body of the API has a member of that name, so masking it
				// wherever it appears costs nothing and misses no answer.
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
