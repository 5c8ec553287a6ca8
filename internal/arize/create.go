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

// Create makes an integration and returns it as the API answered.
//
// A POST is never repeated blindly: if its outcome is unknown (the
// connection dropped after the request was sent, the request timed out, or a
// gateway answered 500, 502 or 504), the server may have made the
// integration, and a second POST would make another. Names are unique in an
// account, so Create looks the name up instead. It adopts a match whose
// settings are those it sent, and sends the create again only when there is
// none. A same-named integration with other settings is someone else's: that
// is an error, never adopted.
func (c *Client) Create(ctx context.Context, in CreateRequest) (*Integration, error) {
	var lastErr error
	for attempt := 0; attempt <= c.http.RetryMax; attempt++ {
		if attempt > 0 {
			if err := sleep(ctx, c.http.Backoff(c.http.RetryWaitMin, c.http.RetryWaitMax, attempt, nil)); err != nil {
				return nil, fmt.Errorf("%w (while recovering from: %v)", err, lastErr)
			}
		}
		var out Integration
		err := c.do(ctx, call{method: http.MethodPost, path: integrationsPath, body: in, want: http.StatusCreated, out: &out})
		if err == nil {
			return &out, nil
		}
		// A clash on a later attempt may be our own earlier create, committed
		// after the look-up missed it; on the first, it is a real clash.
		if !outcomeUnknown(ctx, err) && !(attempt > 0 && IsConflict(err)) {
			return nil, err
		}
		lastErr = err
		found, lookErr := c.findCreated(ctx, in)
		if lookErr != nil {
			return nil, fmt.Errorf("the create's outcome is unknown (%v), and looking up %q failed: %w", err, in.Name, lookErr)
		}
		if found != nil {
			c.log.Debug(ctx, "Arize API create recovered: the integration was made, its answer lost", map[string]any{"id": found.ID})
			return found, nil
		}
		if IsConflict(err) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("the create's outcome stayed unknown after %d tries, and no integration named %q exists: %w", c.http.RetryMax+1, in.Name, lastErr)
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
// sent, and the API's defaults for what it left out.
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
	return got.Provider == in.Provider &&
		got.HasAPIKey == (in.APIKey != "") &&
		baseURL == in.BaseURL &&
		slices.Equal(got.ModelNames, in.ModelNames) &&
		maps.Equal(got.Headers, in.Headers) &&
		got.EnableDefaultModels == boolOr(in.EnableDefaultModels, false) &&
		got.FunctionCallingEnabled == boolOr(in.FunctionCallingEnabled, true) &&
		got.AuthType == authType &&
		reflect.DeepEqual(metadataOrNil(got.ProviderMetadata), in.ProviderMetadata) &&
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
	return &ProviderMetadata{AWS: m.AWS, GCP: m.GCP}
}

func nonEmpty(s []Scoping) []Scoping {
	if len(s) == 0 {
		return nil
	}
	return s
}

// outcomeUnknown reports whether a failed POST may nonetheless have been
// applied. A dial error, a cancelled context, a 429 or 503 (the server did
// not act) and any answer the API gave on purpose are known outcomes.
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
	return !neverSent(err) && !errors.Is(err, errDecode)
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
