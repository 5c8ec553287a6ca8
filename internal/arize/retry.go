package arize

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// This file is the client's one retry loop, and everything it decides: which
// failed tries are sent again, how long it waits first, and how a create
// whose outcome is unknown is finished without ever being sent twice
// blindly.

// retryPolicy is what a call may do after a try failed. Every call states
// its own (call.retry); nothing is inferred from the method.
//
// The zero value is a call that is not idempotent and cannot tell whether
// an earlier try acted: it is sent again only when the API said it did not
// act (429, 503) or the request never reached the server, which is the safe
// default.
type retryPolicy struct {
	// idempotent: sending the call twice does what sending it once does
	// (GET, DELETE, and PATCH, which sends the same body again), so it is
	// tried again after any transient failure.
	idempotent bool
	// For a create, name is the unique name of what it makes, and
	// findCreated looks for what an earlier try may have made under that
	// name. When it finds that, it puts it in the call's out and reports
	// found. It reports an error when the name is taken by something the
	// create did not make.
	name        string
	findCreated func(ctx context.Context) (found bool, err error)
}

// idempotent is the policy of GET, PATCH and DELETE.
var idempotent = retryPolicy{idempotent: true}

// createOnce is the policy of a create of what is uniquely named name;
// findCreated is as in retryPolicy.
func createOnce(name string, findCreated func(ctx context.Context) (bool, error)) retryPolicy {
	return retryPolicy{name: name, findCreated: findCreated}
}

// verdict is what the loop does after a failed try.
type verdict uint8

const (
	// giveUp returns the try's error.
	giveUp verdict = iota
	// tryAgain sends the call again after a wait (if retries remain).
	tryAgain
	// lookUp is for a create whose outcome is unknown: it looks for what an
	// earlier try may have made before it may send the create again.
	lookUp
)

// do runs op to its end: it sends it, and sends it again as op.retry allows,
// waiting between tries. It is the only retry loop of the client.
//
// An idempotent call is tried again on 429, on 5xx but 501, and on
// transport errors, up to Config.MaxRetries more times; its error is then
// the last try's.
//
// A create (POST) is never sent again blindly. If its outcome is unknown
// (the connection dropped after the request was sent, the request timed
// out, a gateway answered 500, 502 or 504, or the answer could not be read),
// the server may have made the integration, and a second POST would make
// another. Names are unique in an account, so it looks the name up instead
// (findCreated): it adopts a match whose settings are those it sent, and
// sends the create again only when there is none. A same-named integration
// with other settings is someone else's: that is an error, never adopted.
// 429 and 503 say the server did not act, so those are sent again after
// the server's Retry-After; so is a request that never reached the server
// (its dial failed). A 409 after any earlier try may be this create's own
// integration (a gateway's 503 can follow a create it passed on), so it is
// looked up too.
//
// A cancelled context stops the loop at once, also in the middle of a wait.
func (c *Client) do(ctx context.Context, op call) error {
	req, err := c.prepare(op)
	if err != nil {
		return err
	}
	c.logRequest(ctx, req)
	var last error
	var lastAnswer *answer
	for attempt := 0; ; attempt++ {
		if attempt > 0 {
			if err := sleep(ctx, backoff(c.waitMin, c.waitMax, attempt, lastAnswer)); err != nil {
				return fmt.Errorf("%s %s: %w (while waiting to try again after: %w)", op.method, op.path, err, last)
			}
		}
		ans, err := c.send(ctx, req)
		if ctxErr := ctx.Err(); ctxErr != nil {
			// Cancelled while an answer arrived: report the cancellation,
			// not a status the caller no longer waits for.
			return fmt.Errorf("%s %s: %w", op.method, op.path, ctxErr)
		}
		if err == nil {
			err = req.result(ans)
		}
		var next verdict
		if err != nil {
			next = op.retry.decide(attempt, err)
		}
		lastTry := attempt >= c.retries
		if ans != nil && (next != tryAgain || lastTry) {
			// The answer the call ends with or acts on. One that is only
			// tried again shows in the log as its try's call line.
			c.logAnswer(ctx, req, ans)
		}
		switch {
		case err == nil:
			return nil
		case next == giveUp:
			return err
		case next == lookUp:
			found, lookErr := op.retry.findCreated(ctx)
			switch {
			case lookErr != nil:
				return fmt.Errorf("the create's outcome is unknown (%w), and looking up %q failed: %w", err, op.retry.name, lookErr)
			case found:
				return nil
			case IsConflict(err):
				return err // the name is taken, and not by this create
			}
			// Nothing was made: the create may be sent again.
		}
		if lastTry {
			if op.retry.findCreated == nil {
				return err
			}
			// The last answer alone would hide the look-ups in between.
			return fmt.Errorf("gave up on the create after %d attempt(s): %w", attempt+1, err)
		}
		last, lastAnswer = err, ans
	}
}

// decide is the verdict on a try that failed with err (never a cancelled
// context: the loop stops on that first):
//   - a request that never reached the server (the dial failed) is tried
//     again, whatever the call; one that would fail alike on every try (a
//     bad scheme or header, too many redirects, an untrusted certificate)
//     is not;
//   - an idempotent call is tried again on 429, on 5xx but 501, and on
//     transport errors;
//   - a create is tried again on 429 and 503, and looked up when its
//     outcome is unknown: a transport error after the request left, an
//     answer that could not be read or decoded, a 500, 502 or 504, or a 409
//     after an earlier try. A create without findCreated gives up instead.
//
// Any other answer is one the API gave on purpose, and is returned.
func (p retryPolicy) decide(attempt int, err error) verdict {
	var apiErr *APIError
	var tryErr *tryError
	switch {
	case errors.As(err, &apiErr):
		return p.decideStatus(attempt, apiErr.Status)
	case !errors.As(err, &tryErr):
		return giveUp // the request could not even be made
	case tryErr.stage == stageSending && neverSent(err):
		return tryAgain
	case tryErr.stage == stageSending && permanent(err):
		return giveUp
	case p.idempotent && tryErr.stage == stageDecoding:
		return giveUp // a server that answered this will answer it again
	case p.idempotent:
		return tryAgain
	}
	return p.unknownOutcome()
}

func (p retryPolicy) decideStatus(attempt, status int) verdict {
	switch {
	case status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable:
		// Even for a create: the API says it did not act. A gateway's 503
		// after it passed the create on shows as a 409 on the next try.
		return tryAgain
	case p.idempotent && status >= 500 && status != http.StatusNotImplemented:
		return tryAgain
	case p.idempotent:
		return giveUp
	case status == http.StatusInternalServerError, status == http.StatusBadGateway, status == http.StatusGatewayTimeout:
		return p.unknownOutcome()
	case status == http.StatusConflict && attempt > 0:
		return p.unknownOutcome()
	}
	return giveUp
}

// unknownOutcome is the verdict on a create that may have acted.
func (p retryPolicy) unknownOutcome() verdict {
	if p.findCreated == nil {
		return giveUp
	}
	return lookUp
}

// neverSent reports whether err happened before the request could reach the
// server (the dial failed), which makes even a create safe to send again.
func neverSent(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// redirectsError matches net/http's error for too many redirects, which has
// no type of its own.
var redirectsError = regexp.MustCompile(`stopped after \d+ redirects\z`)

// permanent reports whether a transport error would come back on every try:
// a bad scheme or header, too many redirects, an untrusted certificate.
// (These are the ones go-retryablehttp, which this loop replaced, does not
// retry.)
func permanent(err error) bool {
	var certErr *tls.CertificateVerificationError
	var authorityErr x509.UnknownAuthorityError
	if errors.As(err, &certErr) || errors.As(err, &authorityErr) {
		return true
	}
	var urlErr *url.Error
	if !errors.As(err, &urlErr) {
		return false
	}
	msg := urlErr.Error()
	return redirectsError.MatchString(msg) ||
		strings.Contains(msg, "unsupported protocol scheme") ||
		strings.Contains(msg, "invalid header") ||
		strings.Contains(msg, "certificate is not trusted")
}

// backoff is the wait before try attempt (from 1) after the answer last (nil
// when that try got none). It waits as the server's Retry-After asks on 429
// and 503, capped at maxWait so that a server cannot stall a run; otherwise
// it backs off exponentially from minWait with full jitter, so that
// parallel resources throttled together do not retry in lockstep.
func backoff(minWait, maxWait time.Duration, attempt int, last *answer) time.Duration {
	if last != nil && (last.status == http.StatusTooManyRequests || last.status == http.StatusServiceUnavailable) {
		if d, ok := retryAfter(last.header.Get("Retry-After")); ok {
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
