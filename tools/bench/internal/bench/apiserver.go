package bench

import (
	"errors"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// APIKey is the emulator's bearer key in the benchmark.
const APIKey = "arize-bench-key" //nolint:gosec // the emulator's key in the benchmark, not a credential

// APIServer is the emulator on a loopback port, in this process, so its
// counters are read directly. It also counts the TCP connections it
// accepted, which shows whether the provider reuses connections.
type APIServer struct {
	Emu *emulator.Server
	URL string

	srv   *http.Server
	conns atomic.Int64
}

// StartAPI serves a fresh emulator on 127.0.0.1.
func StartAPI(faults emulator.Faults) (*APIServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	a := &APIServer{Emu: emulator.New(emulator.Options{APIKey: APIKey})}
	a.Emu.SetFaults(faults)
	a.srv = &http.Server{Handler: a.Emu, ReadHeaderTimeout: time.Minute}
	a.URL = "http://" + ln.Addr().String()
	go func() { _ = a.srv.Serve(&countingListener{Listener: ln, n: &a.conns}) }()
	return a, nil
}

// Reset zeroes the request and connection counters.
func (a *APIServer) Reset() {
	a.Emu.ResetCounters()
	a.conns.Store(0)
}

// Connections is the number of TCP connections accepted since Reset.
func (a *APIServer) Connections() int { return int(a.conns.Load()) }

// Counts returns the requests served since Reset by operation: the item
// routes by method (POST, GET, PATCH, DELETE) and a GET of the collection
// as LIST, so that a list never passes for a read.
func (a *APIServer) Counts() Counts {
	out := Counts{}
	for key, n := range a.Emu.Requests() {
		method, route, _ := strings.Cut(key, " ")
		switch {
		case route == emulator.RouteCollection && method == http.MethodGet:
			out["LIST"] += n
		case (route == emulator.RouteCollection && method == http.MethodPost) ||
			(route == emulator.RouteItem && (method == http.MethodGet || method == http.MethodPatch || method == http.MethodDelete)):
			out[method] += n
		default:
			out["OTHER"] += n
		}
	}
	return out
}

// Close stops the server.
func (a *APIServer) Close() error {
	err := a.srv.Close()
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

type countingListener struct {
	net.Listener
	n *atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.n.Add(1)
	}
	return c, err
}

// Counts are requests by method.
type Counts map[string]int
