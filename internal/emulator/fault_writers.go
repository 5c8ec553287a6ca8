package emulator

import (
	"context"
	"io"
	"net/http"
	"time"
)

// The response writers a [FaultInjector] serves through, and the drop of a
// connection.

// dropConnection closes the client's connection without writing anything.
// It first reads what is left of the request body, so the whole request has
// been received. Writers that cannot be hijacked (HTTP/2, a recorder) are
// aborted with http.ErrAbortHandler, which net/http turns into a closed
// connection or a reset stream.
func dropConnection(w http.ResponseWriter, r *http.Request) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, io.LimitReader(r.Body, maxBodyBytes+1))
	}
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// statusWriter reports the status of the answer written through it as its
// header is written, before anything reaches the client, so a test that has
// read an answer always finds it counted.
type statusWriter struct {
	http.ResponseWriter
	report  func(status int)
	written bool
}

func (w *statusWriter) WriteHeader(status int) {
	if !w.written {
		w.written = true
		w.report(status)
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if !w.written {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.NewResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// bufferedResponse is an http.ResponseWriter that keeps the answer in memory
// until sendTo.
type bufferedResponse struct {
	header http.Header
	code   int
	body   []byte
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(code int) {
	if b.code == 0 {
		b.code = code
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	b.body = append(b.body, p...)
	return len(p), nil
}

func (b *bufferedResponse) status() int {
	if b.code == 0 {
		return http.StatusOK
	}
	return b.code
}

func (b *bufferedResponse) sendTo(w http.ResponseWriter) {
	h := w.Header()
	for k, v := range b.header {
		h[k] = v
	}
	w.WriteHeader(b.status())
	if len(b.body) > 0 {
		_, _ = w.Write(b.body)
	}
}

// sleep waits for d or until ctx ends, and reports whether d elapsed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
