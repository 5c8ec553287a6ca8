package arize

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"time"
)

// Create makes an integration and returns it as the API answered, in the
// server's enum spelling (see writeSpelt for how that is found).
func (c *Client) Create(ctx context.Context, in CreateRequest) (*Integration, error) {
	return c.writeSpelt(ctx, func(sp Spelling) (*Integration, error) { return c.create(ctx, in, sp) })
}

// create sends in, spelt as sp.
//
// A POST is never repeated blindly: if its outcome is unknown (the
// connection dropped after the request was sent, the request timed out, a
// gateway answered 500, 502 or 504, or the answer could not be read), the
// server may have made the integration, and a second POST would make
// another. Names are unique in an account, so create looks the name up
// instead. It adopts a match whose settings are those it sent, and sends the
// create again only when there is none. A same-named integration with other
// settings is someone else's: that is an error, never adopted.
//
// 429 and 503 are retried after the server's Retry-After. A 409 after any
// earlier try may be this create's own integration (a gateway's 503 can
// follow a create it passed on), so it is looked up too.
func (c *Client) create(ctx context.Context, in CreateRequest, sp Spelling) (*Integration, error) {
	body := in.in(sp)
	var lastErr error
	for attempt := 0; attempt <= c.http.RetryMax; attempt++ {
		if attempt > 0 {
			if err := sleep(ctx, c.waitBefore(attempt, lastErr)); err != nil {
				return nil, fmt.Errorf("%w (while retrying after: %w)", err, lastErr)
			}
		}
		var out Integration
		err := c.do(ctx, call{method: http.MethodPost, path: integrationsPath, body: body, want: http.StatusCreated, out: &out})
		if err == nil {
			return &out, nil
		}
		lastErr = err
		switch {
		case throttled(err):
			continue
		case outcomeUnknown(ctx, err), attempt > 0 && IsConflict(err):
			found, lookErr := c.findCreated(ctx, in)
			if lookErr != nil {
				return nil, fmt.Errorf("the create's outcome is unknown (%w), and looking up %q failed: %w", err, in.Name, lookErr)
			}
			if found != nil {
				c.log.Debug(ctx, "Arize API create recovered: the integration was made, its answer lost", map[string]any{"id": found.ID})
				return found, nil
			}
			if IsConflict(err) {
				return nil, err
			}
		default:
			return nil, err
		}
	}
	return nil, fmt.Errorf("gave up on the create after %d attempt(s): %w", c.http.RetryMax+1, lastErr)
}

// in is the request as spelling sp writes it.
func (in CreateRequest) in(sp Spelling) CreateRequest {
	in.Provider = in.Provider.In(sp)
	in.AuthType = in.AuthType.In(sp)
	if in.ProviderMetadata != nil {
		m := in.ProviderMetadata.in(sp)
		in.ProviderMetadata = &m
	}
	return in
}

// throttled reports whether the API said it did not act on a request and
// it may be sent again later: 429 or 503.
func throttled(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && (apiErr.Status == http.StatusTooManyRequests || apiErr.Status == http.StatusServiceUnavailable)
}

// waitBefore is the pause before try attempt of a create: the server's
// Retry-After when it gave one (capped), else the client's backoff.
func (c *Client) waitBefore(attempt int, lastErr error) time.Duration {
	var apiErr *APIError
	if errors.As(lastErr, &apiErr) && apiErr.RetryAfter > 0 {
		return min(apiErr.RetryAfter, c.http.RetryWaitMax)
	}
	return c.http.Backoff(c.http.RetryWaitMin, c.http.RetryWaitMax, attempt, nil)
}

// errOtherOwner says a look-up after an unknown outcome found a same-named
// integration that this create did not make.
var errOtherOwner = errors.New("an integration with this name exists with other settings")

// findCreated looks for the integration an earlier POST of in may have made:
// nil if there is none.
func (c *Client) findCreated(ctx context.Context, in CreateRequest) (*Integration, error) {
	candidates, err := c.List(ctx, ListOptions{Name: in.Name, Limit: 100})
	if err != nil {
		return nil, err
	}
	for i := range candidates {
		got := &candidates[i]
		if got.Name != in.Name {
			continue // the filter matches substrings
		}
		if !in.madeAs(got) {
			return nil, fmt.Errorf("%w (id %s)", errOtherOwner, got.ID)
		}
		return got, nil
	}
	return nil, nil
}

// madeAs reports whether got is what creating in makes: every setting it
// sent, and the API's defaults for what it left out. Enum values are compared
// as values, not spellings: in and got may be spelt differently.
func (in CreateRequest) madeAs(got *Integration) bool {
	baseURL := ""
	if got.BaseURL != nil {
		baseURL = *got.BaseURL
	}
	authType := in.AuthType
	if authType == "" {
		authType = AuthTypeDefault
	}
	scopings := slices.DeleteFunc(slices.Clone(got.Scopings), Scoping.IsAccountWide)
	return got.Provider.Same(in.Provider) &&
		got.HasAPIKey == (in.APIKey != "") &&
		baseURL == in.BaseURL &&
		slices.Equal(got.ModelNames, in.ModelNames) &&
		maps.Equal(got.Headers, in.Headers) &&
		got.EnableDefaultModels == boolOr(in.EnableDefaultModels, false) &&
		got.FunctionCallingEnabled == boolOr(in.FunctionCallingEnabled, true) &&
		got.AuthType.Same(authType) &&
		reflect.DeepEqual(metadataOrNil(got.ProviderMetadata), metadataOrNil(in.ProviderMetadata)) &&
		reflect.DeepEqual(nonEmpty(scopings), nonEmpty(slices.DeleteFunc(slices.Clone(in.Scopings), Scoping.IsAccountWide)))
}

func boolOr(p *bool, def bool) bool {
	if p == nil {
		return def
	}
	return *p
}

func metadataOrNil(m *ProviderMetadata) *ProviderMetadata {
	if m == nil || (m.AWS == nil && m.GCP == nil) {
		return nil
	}
	return &ProviderMetadata{AWS: m.AWS, GCP: m.GCP} // without the kind and the spelling
}

func nonEmpty(s []Scoping) []Scoping {
	if len(s) == 0 {
		return nil
	}
	return s
}

// outcomeUnknown reports whether a failed POST may nonetheless have been
// applied: a transport error after the request left, an answer that could
// not be read, or a 500, 502 or 504. A dial error, a cancelled context and
// any other answer the API gave on purpose are known outcomes.
func outcomeUnknown(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		switch apiErr.Status {
		case http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
			return true
		}
		return false
	}
	return !neverSent(err)
}

// sleep waits d, or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
