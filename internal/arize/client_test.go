package arize

import (
	"testing"
	"time"
)

func TestConfigDefaults(t *testing.T) {
	t.Parallel()
	c, err := New(Config{APIKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	if c.base.String() != DefaultEndpoint {
		t.Errorf("endpoint %s", c.base)
	}
	if c.retries != DefaultMaxRetries || c.waitMin != DefaultRetryWaitMin ||
		c.waitMax != DefaultRetryWaitMax || c.http.Timeout != DefaultRequestTimeout {
		t.Errorf("defaults: retries %d, wait %v..%v, timeout %v", c.retries, c.waitMin, c.waitMax, c.http.Timeout)
	}
	c, err = New(Config{APIKey: testKey, MaxRetries: -3, RetryWaitMin: time.Second, RetryWaitMax: time.Minute, RequestTimeout: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if c.retries != 0 || c.waitMin != time.Second || c.waitMax != time.Minute || c.http.Timeout != time.Hour {
		t.Errorf("set: retries %d, wait %v..%v, timeout %v", c.retries, c.waitMin, c.waitMax, c.http.Timeout)
	}
}
