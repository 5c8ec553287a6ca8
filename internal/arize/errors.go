package arize

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// APIError is an answer the API gave with a non-success status, read from its
// RFC 9457 problem+json body where there is one.
type APIError struct {
	// Method and Path name the request (never its query or headers).
	Method string
	Path   string

	Status    int
	Title     string
	Detail    string
	ErrorCode string
	Type      string

	// RetryAfter is the answer's Retry-After, when it had one.
	RetryAfter time.Duration
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %d", e.Method, e.Path, e.Status)
	if title := e.Title; title != "" {
		b.WriteString(" " + title)
	} else if text := http.StatusText(e.Status); text != "" {
		b.WriteString(" " + text)
	}
	if e.Detail != "" {
		b.WriteString(": " + e.Detail)
	}
	if e.ErrorCode != "" {
		b.WriteString(" (error_code: " + e.ErrorCode + ")")
	}
	return b.String()
}

// IsNotFound reports whether err is the API's 404.
func IsNotFound(err error) bool { return hasStatus(err, http.StatusNotFound) }

// IsConflict reports whether err is the API's 409 (a name already taken).
func IsConflict(err error) bool { return hasStatus(err, http.StatusConflict) }

// IsForbidden reports whether err is the API's 403: the key may not see or
// change the object (a private space, say), which still exists.
func IsForbidden(err error) bool { return hasStatus(err, http.StatusForbidden) }

func hasStatus(err error, status int) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Status == status
}

// maxErrorDetail bounds how much of a body that is not problem+json (a proxy's
// HTML page, say) is carried into an error.
const maxErrorDetail = 200

func newAPIError(method, path string, status int, header http.Header, body []byte) *APIError {
	e := &APIError{Method: method, Path: path, Status: status}
	if d, ok := retryAfter(header.Get("Retry-After")); ok {
		e.RetryAfter = d
	}
	var problem struct {
		Title     string `json:"title"`
		Detail    string `json:"detail"`
		ErrorCode string `json:"error_code"`
		Type      string `json:"type"`
	}
	if json.Unmarshal(body, &problem) == nil {
		e.Title, e.Detail, e.ErrorCode, e.Type = problem.Title, problem.Detail, problem.ErrorCode, problem.Type
		return e
	}
	// Diagnostics travel as protobuf strings, which must be valid UTF-8:
	// repair the body, and cut it on a character boundary.
	text := strings.ToValidUTF8(strings.TrimSpace(string(body)), "\uFFFD")
	if len(text) > maxErrorDetail {
		cut := maxErrorDetail
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut] + "…"
	}
	e.Detail = text
	return e
}
