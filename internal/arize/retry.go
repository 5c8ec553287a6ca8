package arize

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// retryClassKey marks in a request's context whether it may be repeated
// after an unknown outcome.
type retryClassKey struct{}

// withRetryClass records whether method is idempotent. A POST is not: if a
// create times out or its connection drops after it was sent, the server may
// have made the integration, and sending it again would make a second one.
func withRetryClass(ctx context.Context, method string) context.Context {
	return context.WithValue(ctx, retryClassKey{}, method != http.MethodPost)
}

func isIdempotent(ctx context.Context) bool {
	v, _ := ctx.Value(retryClassKey{}).(bool)
	return v
}

// retryPolicy decides whether to try a request again:
//   - a cancelled context stops at once;
//   - a request that never reached the server (the dial failed) is retried,
//     whatever its method;
//   - an idempotent request is retried on 429, on 5xx but 501, and on
//     transport errors;
//   - a POST is not retried here at all: even a 503 may come from a gateway
//     that had already passed the create on, so Create decides, knowing
//     how to recognise its own integration (see Create).
func retryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil {
		if retry, _ := retryablehttp.ErrorPropagatedRetryPolicy(ctx, nil, err); !retry {
			return false, err
		}
		return isIdempotent(ctx) || neverSent(err), err
	}
	if !isIdempotent(ctx) {
		return false, nil
	}
	code := resp.StatusCode
	return code == http.StatusTooManyRequests || (code >= 500 && code != http.StatusNotImplemented), nil
}

// neverSent reports whether err happened before the request could reach the
// server (the dial failed), which makes even a POST safe to repeat.
func neverSent(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// backoff waits as the server's Retry-After asks on 429 and 503, capped at
// max so that a server cannot stall a run; otherwise it backs off
// exponentially from min with full jitter, so that parallel resources
// throttled together do not retry in lockstep.
func backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if d, ok := retryAfter(resp.Header.Get("Retry-After")); ok {
			return min(d, maxWait)
		}
	}
	minWait = min(minWait, maxWait) // a misconfigured pair must not panic rand.N
	ceiling := minWait << min(attempt, 30)
	if ceiling <= 0 || ceiling > maxWait {
		ceiling = maxWait
	}
	floor := minWait / 2
	return floor + rand.N(ceiling-floor+1) //nolint:gosec // jitter spreads retries; it guards no secret

}

// retryAfter reads a Retry-After header in whole seconds or as an HTTP date.
func retryAfter(v string) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil && s >= 0 {
		if s > int64(math.MaxInt64/time.Second) {
			return time.Duration(math.MaxInt64), true // longer than any cap
		}
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0), true
	}
	return 0, false
}
