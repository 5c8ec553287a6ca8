package arize

import (
	"errors"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-cleanhttp"
)

// Defaults for Config's zero values.
const (
	DefaultMaxRetries     = 5
	DefaultRetryWaitMin   = 500 * time.Millisecond
	DefaultRetryWaitMax   = 30 * time.Second
	DefaultRequestTimeout = 60 * time.Second
)

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
//
// Every call goes through one loop, Client.do in retry.go, which sends it
// (transport.go) and tries again as the call's retry policy allows.
type Client struct {
	base      *url.URL
	apiKey    string
	userAgent string
	http      *http.Client // one try; its Timeout is Config.RequestTimeout
	log       Logger

	// retries is how many times a call may be tried again, and waitMin and
	// waitMax bound the wait before each (see backoff).
	retries          int
	waitMin, waitMax time.Duration

	// spelling is the server's enum spelling, learnt from its answers.
	spelling serverSpelling

	// caller holds the ID of the user this client's key acts as,
	// once an answer has shown it (a key's create, or a list of the caller's
	// own USER keys). No endpoint says it outright; API-key create recovery
	// uses it to leave alone a same-named key someone else made meanwhile.
	caller atomic.Pointer[string]
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
	retries := cfg.MaxRetries
	switch {
	case cfg.MaxRetries == 0:
		retries = DefaultMaxRetries
	case cfg.MaxRetries < 0:
		retries = 0
	}
	return &Client{
		base:      base,
		apiKey:    cfg.APIKey,
		userAgent: cfg.UserAgent,
		http: &http.Client{
			Transport: &loggingTransport{next: transport, log: log},
			Timeout:   orDefault(cfg.RequestTimeout, DefaultRequestTimeout),
		},
		log:     log,
		retries: retries,
		waitMin: orDefault(cfg.RetryWaitMin, DefaultRetryWaitMin),
		waitMax: orDefault(cfg.RetryWaitMax, DefaultRetryWaitMax),
	}, nil
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
