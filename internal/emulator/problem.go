package emulator

import (
	"fmt"
	"net/http"
	"strings"
)

// Stable, machine-readable error codes carried in the error_code member of
// every problem+json body. Tests and clients may match on them; their text
// never changes.
const (
	CodeInvalidRequest       = "invalid_request"        // 400: malformed JSON, wrong JSON type, unknown field, empty PATCH, bad query, a membership rule
	CodeUnauthorized         = "unauthorized"           // 401: missing or wrong bearer key
	CodeForbidden            = "forbidden"              // 403: a space the key may not see (Server.ForbidSpace)
	CodeNotFound             = "not_found"              // 404: unknown path, unknown id, unknown space, organization or user, not a member
	CodeMethodNotAllowed     = "method_not_allowed"     // 405: known path, wrong method
	CodeNameConflict         = "name_conflict"          // 409: a name taken (integration, organization, space, role), an email active or deleted, a second role binding
	CodePayloadTooLarge      = "payload_too_large"      // 413: body over 1 MiB
	CodeUnsupportedMediaType = "unsupported_media_type" // 415: a body sent with a non-JSON Content-Type
	CodeValidationError      = "validation_error"       // 422: well-formed request with invalid values
	CodeRateLimited          = "rate_limited"           // 429: injected fault
	CodeInternalError        = "internal_error"         // 500: injected fault
	CodeBadGateway           = "bad_gateway"            // 502: injected fault
	CodeServiceUnavailable   = "service_unavailable"    // 503: injected fault
	CodeGatewayTimeout       = "gateway_timeout"        // 504: injected fault
)

// problemTypeBase prefixes the type URI of every problem; the fragment is the
// error code with dashes, mirroring Arize's documented error anchors.
const problemTypeBase = "https://arize.com/docs/ax/rest-reference/errors#"

// Problem is an RFC 9457 problem details body as Arize sends it. It doubles as
// the error type returned by [Server.Put], so direct state manipulation fails
// exactly like the equivalent HTTP request would.
type Problem struct {
	Status    int    `json:"status"`
	Title     string `json:"title"`
	Type      string `json:"type"`
	Detail    string `json:"detail"`
	Instance  string `json:"instance"`
	ErrorCode string `json:"error_code"`

	// otherSpelling marks a refusal of a body in the other dialect's
	// spelling, for [Server.RefusedForSpelling]; it is not sent.
	otherSpelling bool
}

// Error reports the status, code and detail; the detail never holds secrets.
func (p *Problem) Error() string {
	return fmt.Sprintf("%d %s: %s", p.Status, p.ErrorCode, p.Detail)
}

// problemf builds a Problem; the instance is filled in when it is written.
// Callers must only interpolate field names and non-secret values (ids,
// names), never an api_key, a header value or a URL, which may embed
// credentials.
func problemf(status int, code, format string, args ...any) *Problem {
	return &Problem{
		Status:    status,
		Title:     http.StatusText(status),
		Type:      problemTypeBase + strings.ReplaceAll(code, "_", "-"),
		Detail:    fmt.Sprintf(format, args...),
		ErrorCode: code,
	}
}

func badRequest(format string, args ...any) *Problem {
	return problemf(http.StatusBadRequest, CodeInvalidRequest, format, args...)
}

func invalid(format string, args ...any) *Problem {
	return problemf(http.StatusUnprocessableEntity, CodeValidationError, format, args...)
}

func notFound(format string, args ...any) *Problem {
	return problemf(http.StatusNotFound, CodeNotFound, format, args...)
}

func forbidden(format string, args ...any) *Problem {
	return problemf(http.StatusForbidden, CodeForbidden, format, args...)
}

func conflict(format string, args ...any) *Problem {
	return problemf(http.StatusConflict, CodeNameConflict, format, args...)
}

// codeForStatus names the error code used when a fault injects a bare status.
func codeForStatus(status int) string {
	switch status {
	case http.StatusBadRequest:
		return CodeInvalidRequest
	case http.StatusUnauthorized:
		return CodeUnauthorized
	case http.StatusForbidden:
		return CodeForbidden
	case http.StatusNotFound:
		return CodeNotFound
	case http.StatusConflict:
		return CodeNameConflict
	case http.StatusUnprocessableEntity:
		return CodeValidationError
	case http.StatusTooManyRequests:
		return CodeRateLimited
	case http.StatusInternalServerError:
		return CodeInternalError
	case http.StatusBadGateway:
		return CodeBadGateway
	case http.StatusServiceUnavailable:
		return CodeServiceUnavailable
	case http.StatusGatewayTimeout:
		return CodeGatewayTimeout
	}
	text := http.StatusText(status)
	if text == "" {
		return "http_" + fmt.Sprint(status)
	}
	return strings.ToLower(strings.NewReplacer(" ", "_", "-", "_", "'", "").Replace(text))
}

// writeProblem sends p as application/problem+json with the request path as
// its instance. It copies p so a shared Problem is never mutated.
func writeProblem(w http.ResponseWriter, r *http.Request, p *Problem) {
	out := *p
	out.Instance = r.URL.Path
	if out.Title == "" {
		out.Title = http.StatusText(out.Status)
	}
	writeBody(w, out.Status, "application/problem+json", out)
}
