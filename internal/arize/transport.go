package arize

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// maxResponseBytes bounds what the client reads of any response.
const maxResponseBytes = 10 << 20

// call is one API operation, whatever the resource.
type call struct {
	method string
	path   string // below the base URL, already escaped
	query  url.Values
	body   any // encoded as JSON when not nil
	want   int // the success status
	// alsoWant is a second success status, 0 for none. POST /v2/users has
	// two: 201 makes a user, 200 adopts a pending invitation of that email.
	alsoWant int
	// gotStatus, when not nil, receives the success status of the try that
	// succeeded (want or alsoWant). It is left as it is when the call ends
	// otherwise, also when a create of unknown outcome is recovered by a
	// look-up (no try succeeded then).
	gotStatus *int
	out       any // decoded from a success body when not nil
	// retry says whether, and how, the call may be sent again after a try
	// failed. Every call states it; the zero value is the safest (see
	// retryPolicy).
	retry retryPolicy
}

// request is a call made ready to send: its URL and its encoded body.
type request struct {
	call
	url  string
	body []byte // nil without a body
}

// prepare encodes op's body and builds its URL, once for all its tries.
func (c *Client) prepare(op call) (*request, error) {
	req := &request{call: op}
	if op.body != nil {
		var err error
		if req.body, err = json.Marshal(op.body); err != nil {
			return nil, fmt.Errorf("%s %s: encoding request: %w", op.method, op.path, err)
		}
	}
	// op.path is already escaped (an id may hold any character): set the
	// escaped form, so that url does not escape it a second time.
	u := *c.base
	u.RawPath = c.base.EscapedPath() + op.path
	unescaped, err := url.PathUnescape(u.RawPath)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", op.method, op.path, err)
	}
	u.Path = unescaped
	u.RawQuery = op.query.Encode()
	req.url = u.String()
	return req, nil
}

// answer is what one try got back, read whole.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// tryError is a try that ended without an answer the client could use:
// the request failed on its way or its answer could not be read (stage
// sending or reading, no whole answer), or a success answer could not be
// decoded. retryPolicy.decide tells them apart.
type tryError struct {
	method, path string
	stage        tryStage
	err          error
}

type tryStage uint8

const (
	stageSending tryStage = iota
	stageReading
	stageDecoding
)

func (e *tryError) Error() string {
	prefix := e.method + " " + e.path + ": "
	switch e.stage {
	case stageReading:
		prefix += "reading response: "
	case stageDecoding:
		prefix += "decoding response: "
	}
	return prefix + e.err.Error()
}

func (e *tryError) Unwrap() error { return e.err }

// send makes one try of req and reads its answer whole. It returns no answer
// with a *tryError when none came.
func (c *Client) send(ctx context.Context, req *request) (*answer, error) {
	var body io.Reader
	if req.body != nil {
		body = bytes.NewReader(req.body)
	}
	hr, err := http.NewRequestWithContext(ctx, req.method, req.url, body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", req.method, req.path, err)
	}
	hr.Header.Set("Authorization", "Bearer "+c.apiKey)
	hr.Header.Set("Accept", "application/json")
	if c.userAgent != "" {
		hr.Header.Set("User-Agent", c.userAgent)
	}
	if req.body != nil {
		hr.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(hr)
	if err != nil {
		return nil, &tryError{method: req.method, path: req.path, stage: stageSending, err: err}
	}
	defer func() { _ = resp.Body.Close() }()
	read, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	if err != nil {
		return nil, &tryError{method: req.method, path: req.path, stage: stageReading, err: err}
	}
	return &answer{status: resp.StatusCode, header: resp.Header, body: read}, nil
}

// result is what ans means for req: nil with req.out decoded from a success
// answer, an *APIError for any other status, or a *tryError when a success
// answer cannot be decoded.
func (req *request) result(ans *answer) error {
	if ans.status != req.want && (req.alsoWant == 0 || ans.status != req.alsoWant) {
		return newAPIError(req.method, req.path, ans.status, ans.header, ans.body)
	}
	if req.out != nil {
		if err := decode(ans.body, req.out); err != nil {
			return &tryError{method: req.method, path: req.path, stage: stageDecoding, err: err}
		}
	}
	// Only an answer the caller can use is reported: one that failed to
	// decode leaves the outcome unknown.
	if req.gotStatus != nil {
		*req.gotStatus = ans.status
	}
	return nil
}

// decode reads a JSON answer into out. It is strict about the JSON itself
// (its syntax, one value, and members of the types out declares) and lenient
// about members out does not declare: the API may add fields to any answer
// (CONTRACT.md), and a read must not fail on them.
func decode(body []byte, out any) error {
	return json.Unmarshal(body, out)
}

// loggingTransport logs one line per try, so retries show in the log with the
// request's context. It logs no header: Authorization carries the key.
type loggingTransport struct {
	next http.RoundTripper
	log  Logger
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	fields := map[string]any{
		"method":      req.Method,
		"path":        req.URL.Path,
		"duration_ms": time.Since(start).Milliseconds(),
	}
	if err != nil {
		fields["error"] = err.Error()
	} else {
		fields["status"] = resp.StatusCode
	}
	t.log.Debug(req.Context(), "Arize API call", fields)
	return resp, err
}

// logRequest and logAnswer log bodies, masked (see maskBody).
func (c *Client) logRequest(ctx context.Context, req *request) {
	if req.body != nil {
		c.log.Debug(ctx, "Arize API request body", map[string]any{
			"method": req.method, "path": req.path, "body": maskBody(req.body),
		})
	}
}

func (c *Client) logAnswer(ctx context.Context, req *request, ans *answer) {
	c.log.Debug(ctx, "Arize API response body", map[string]any{
		"method": req.method, "path": req.path, "status": ans.status, "body": maskBody(ans.body),
	})
}
