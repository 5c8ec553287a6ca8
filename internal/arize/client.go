package arize

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
)

// Defaults for Config's zero values.
const (
	DefaultMaxRetries     = 5
	DefaultRetryWaitMin   = 500 * time.Millisecond
	DefaultRetryWaitMax   = 30 * time.Second
	DefaultRequestTimeout = 60 * time.Second
)

// maxResponseBytes bounds what the client reads of any response.
const maxResponseBytes = 10 << 20

// Config configures a Client.
type Config struct {
	// Endpoint is the API base URL; see ParseEndpoint. Empty means DefaultEndpoint.
	Endpoint string
	// APIKey is sent as a bearer token and never logged.
	APIKey string
	// UserAgent identifies the caller.
	UserAgent string
	// MaxRetries is how many times a retryable request is tried again; a
	// negative value means none, zero means DefaultMaxRetries.
	MaxRetries int
	// RetryWaitMin and RetryWaitMax bound the backoff between tries, and
	// RetryWaitMax also caps a server's Retry-After.
	RetryWaitMin, RetryWaitMax time.Duration
	// RequestTimeout bounds each try.
	RequestTimeout time.Duration
	// Logger receives a masked debug log of every request; nil logs nothing.
	Logger Logger
	// Transport replaces the pooled default transport (tests).
	Transport http.RoundTripper
}

// Client calls the Arize REST API v2. It is safe for concurrent use, and one
// Client should serve a whole provider run so that connections are reused.
type Client struct {
	base      *url.URL
	apiKey    string
	userAgent string
	http      *retryablehttp.Client
	log       Logger
	// spelling is the server's enum spelling, learnt from its answers.
	spelling serverSpelling
}

// New returns a Client, or an error naming what is wrong with cfg. The error
// never contains the key.
func New(cfg Config) (*Client, error) {
	if cfg.APIKey == "" {
		return nil, errors.New("no API key")
	}
	endpoint := cfg.Endpoint
	if endpoint == "" {
		endpoint = DefaultEndpoint
	}
	base, err := ParseEndpoint(endpoint)
	if err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = nopLogger{}
	}
	transport := cfg.Transport
	if transport == nil {
		pooled := cleanhttp.DefaultPooledTransport()
		// Terraform applies up to -parallelism resources at once, all to
		// one host: keep that many connections warm, not Go's default two.
		pooled.MaxIdleConnsPerHost = 100
		transport = pooled
	}
	rc := retryablehttp.NewClient()
	rc.HTTPClient = &http.Client{
		Transport: &loggingTransport{next: transport, log: log},
		Timeout:   orDefault(cfg.RequestTimeout, DefaultRequestTimeout),
	}
	rc.Logger = nil // attempts are logged by loggingTransport, with context
	rc.RetryMax = cfg.MaxRetries
	switch {
	case cfg.MaxRetries == 0:
		rc.RetryMax = DefaultMaxRetries
	case cfg.MaxRetries < 0:
		rc.RetryMax = 0
	}
	rc.RetryWaitMin = orDefault(cfg.RetryWaitMin, DefaultRetryWaitMin)
	rc.RetryWaitMax = orDefault(cfg.RetryWaitMax, DefaultRetryWaitMax)
	rc.CheckRetry = retryPolicy
	rc.Backoff = backoff
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	return &Client{base: base, apiKey: cfg.APIKey, userAgent: cfg.UserAgent, http: rc, log: log}, nil
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// call is one API operation.
type call struct {
	method string
	path   string // below the base URL, already escaped
	query  url.Values
	body   any // encoded as JSON when not nil
	want   int // the success status
	out    any // decoded from a success body when not nil
}

func (c *Client) do(ctx context.Context, op call) error {
	var body []byte
	if op.body != nil {
		var err error
		if body, err = json.Marshal(op.body); err != nil {
			return fmt.Errorf("%s %s: encoding request: %w", op.method, op.path, err)
		}
	}
	// op.path is already escaped (an id may hold any character): set the
	// escaped form, so that url does not escape it a second time.
	u := *c.base
	u.RawPath = c.base.EscapedPath() + op.path
	unescaped, err := url.PathUnescape(u.RawPath)
	if err != nil {
		return fmt.Errorf("%s %s: %w", op.method, op.path, err)
	}
	u.Path = unescaped
	u.RawQuery = op.query.Encode()

	ctx = withRetryClass(ctx, op.method)
	req, err := retryablehttp.NewRequestWithContext(ctx, op.method, u.String(), body)
	if err != nil {
		return fmt.Errorf("%s %s: %w", op.method, op.path, err)
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Accept", "application/json")
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
		c.log.Debug(ctx, "Arize API request body", map[string]any{
			"method": op.method, "path": op.path, "body": maskBody(body),
		})
	}

	resp, err := c.http.Do(req)
	if ctxErr := ctx.Err(); ctxErr != nil {
		// Cancelled while an answer arrived: report the cancellation, not
		// a status the caller no longer waits for.
		if resp != nil {
			_ = resp.Body.Close()
		}
		return fmt.Errorf("%s %s: %w", op.method, op.path, ctxErr)
	}
	if resp == nil {
		if err == nil {
			err = errors.New("no response")
		}
		return fmt.Errorf("%s %s: %w", op.method, op.path, err)
	}
	defer func() { _ = resp.Body.Close() }()
	respBody, readErr := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	if readErr != nil {
		return fmt.Errorf("%s %s: reading response: %w", op.method, op.path, readErr)
	}
	c.log.Debug(ctx, "Arize API response body", map[string]any{
		"method": op.method, "path": op.path, "status": resp.StatusCode, "body": maskBody(respBody),
	})
	if resp.StatusCode != op.want {
		return newAPIError(op.method, op.path, resp.StatusCode, resp.Header, respBody)
	}
	if op.out == nil {
		return nil
	}
	if err := json.Unmarshal(respBody, op.out); err != nil {
		return fmt.Errorf("%s %s: decoding response: %w", op.method, op.path, err)
	}
	return nil
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
