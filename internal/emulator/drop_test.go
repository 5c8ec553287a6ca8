package emulator

import (
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// try sends an authenticated request on a fresh connection (so Go's
// transport never silently resends a dropped one) and returns the error a
// dropped connection produces instead of failing the test.
func (e *env) try(method, path, body string) (response, error) {
	e.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.http.URL+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+testKey)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return doFresh(req)
}

// doFresh sends req on a connection of its own, so that a dropped
// connection is seen as an error instead of being retried by a pooled one.
func doFresh(req *http.Request) (response, error) {
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return response{}, err
	}
	return response{status: resp.StatusCode, header: resp.Header, body: b}, nil
}

// wantDropped fails unless err is what a client sees when the server closes
// the connection without answering.
func wantDropped(t *testing.T, what string, r response, err error) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: answered %d %s, want the connection dropped", what, r.status, r.body)
	}
	if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, syscall.ECONNRESET) {
		t.Errorf("%s: error %v, want EOF or connection reset", what, err)
	}
}

// seeded creates two integrations and returns the id of the first.
func seeded(e *env) string {
	id := e.createNamed("first")
	e.createNamed("second")
	return id
}

// requestKinds are one request of each kind, on the integration seeded returns.
var requestKinds = []struct {
	name, method, path, body string
}{
	{"list", "GET", collection, ""},
	{"get", "GET", "{item}", ""},
	{"create", "POST", collection, `{"name":"third","provider":"ANTHROPIC"}`},
	{"update", "PATCH", "{item}", `{"name":"renamed","api_key":"sk-new-key-123"}`},
	{"delete", "DELETE", "{item}", ""},
	{"unknown path", "GET", "/nowhere", ""},
}

func TestDropRateDropsBeforeServing(t *testing.T) {
	for _, tt := range requestKinds {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			id := seeded(e)
			path := strings.Replace(tt.path, "{item}", itemPath(id), 1)
			before := e.srv.List()
			e.srv.ResetCounters()
			e.srv.SetFaults(Faults{DropRate: 1})

			r, err := e.try(tt.method, path, tt.body)
			wantDropped(t, tt.name, r, err)

			if after := e.srv.List(); !reflect.DeepEqual(after, before) {
				t.Errorf("a dropped %s changed the store:\n%+v\n%+v", tt.name, before, after)
			}
			if n := e.srv.Total(); n != 1 {
				t.Errorf("dropped request counted %d times, want 1", n)
			}
			if got := e.srv.Injected(); !reflect.DeepEqual(got, map[string]int{"drop": 1}) {
				t.Errorf("Injected %v", got)
			}
			// Without the fault the same request is served.
			e.srv.SetFaults(Faults{})
			if r, err := e.try(tt.method, path, tt.body); err != nil || r.status >= 500 {
				t.Errorf("after the fault: %v %d %s", err, r.status, r.body)
			}
		})
	}
}

func TestDropAfterCommit(t *testing.T) {
	tests := []struct {
		name, method, path, body string
		dropped                  bool
		check                    func(t *testing.T, e *env, id string)
	}{
		{
			name: "create is applied", method: "POST", path: collection,
			body: `{"name":"third","provider":"ANTHROPIC","api_key":"sk-third-key"}`, dropped: true,
			check: func(t *testing.T, e *env, _ string) {
				list := e.srv.List()
				if len(list) != 3 || list[2].Name != "third" || list[2].APIKey != "sk-third-key" {
					t.Errorf("the dropped create was not applied: %+v", list)
				}
			},
		},
		{
			name: "update is applied", method: "PATCH", path: "{item}",
			body: `{"name":"renamed","api_key":"sk-new-key-123"}`, dropped: true,
			check: func(t *testing.T, e *env, id string) {
				if in, _ := e.srv.Get(id); in.Name != "renamed" || in.APIKey != "sk-new-key-123" {
					t.Errorf("the dropped update was not applied: %+v", in)
				}
			},
		},
		{
			name: "delete is applied", method: "DELETE", path: "{item}", dropped: true,
			check: func(t *testing.T, e *env, id string) {
				if _, ok := e.srv.Get(id); ok || e.srv.Len() != 1 {
					t.Errorf("the dropped delete was not applied (Len %d)", e.srv.Len())
				}
			},
		},
		{name: "reads are answered", method: "GET", path: "{item}"},
		{name: "lists are answered", method: "GET", path: collection},
		{name: "a failed create is answered", method: "POST", path: collection, body: `{"name":"second","provider":"OPEN_AI"}`},
		{name: "an invalid update is answered", method: "PATCH", path: "{item}", body: `{"provider":"nope"}`},
		{name: "a delete of an unknown id is answered", method: "DELETE", path: itemPath("bm9wZQ==")},
		{name: "a write to an unknown path is answered", method: "POST", path: "/v2/ai-integrations/x/y", body: `{}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			id := seeded(e)
			path := strings.Replace(tt.path, "{item}", itemPath(id), 1)
			before := e.srv.List()
			e.srv.SetFaults(Faults{DropAfterCommitRate: 1})

			r, err := e.try(tt.method, path, tt.body)
			if !tt.dropped {
				if err != nil {
					t.Fatalf("dropped: %v", err)
				}
				if r.status/100 == 2 && tt.method != "GET" {
					t.Fatalf("setup: %s answered %d", tt.name, r.status)
				}
				if tt.method != "GET" && !reflect.DeepEqual(e.srv.List(), before) {
					t.Error("a failed write changed the store")
				}
				if got := e.srv.Injected(); len(got) != 0 {
					t.Errorf("Injected %v, want nothing", got)
				}
				return
			}
			wantDropped(t, tt.name, r, err)
			tt.check(t, e, id)
			if got := e.srv.Injected(); !reflect.DeepEqual(got, map[string]int{"drop_after_commit": 1}) {
				t.Errorf("Injected %v", got)
			}
		})
	}
}

// TestDropAfterCommitAnswersUnchanged checks that serving through the buffer
// keeps every header and byte of the answer.
func TestDropAfterCommitAnswersUnchanged(t *testing.T) {
	plain, buffered := newEnv(t), newEnv(t)
	buffered.srv.SetFaults(Faults{DropAfterCommitRate: 1e-300}) // buffers, never drops
	for _, e := range []*env{plain, buffered} {
		e.createNamed("first")
	}
	for _, req := range []struct{ method, path, body string }{
		{"POST", collection, `{"name":"b","provider":"OPEN_AI","base_url":"https://x.test/?a=1&b=<2>"}`},
		{"POST", collection, `{"name":"b","provider":"OPEN_AI"}`},
		{"PUT", collection, `{}`},
		{"DELETE", itemPath("bm9wZQ=="), ""},
	} {
		a, b := plain.do(req.method, req.path, req.body), buffered.do(req.method, req.path, req.body)
		for _, h := range []http.Header{a.header, b.header} {
			h.Del("Date")
		}
		a.body = []byte(strings.ReplaceAll(string(a.body), idOf(a.body), "ID"))
		b.body = []byte(strings.ReplaceAll(string(b.body), idOf(b.body), "ID"))
		a.header.Del("Location")
		b.header.Del("Location")
		if a.status != b.status || !reflect.DeepEqual(a.header, b.header) || string(a.body) != string(b.body) {
			t.Errorf("%s %s: buffered answer differs:\n%d %v %s\n%d %v %s", req.method, req.path,
				a.status, a.header, a.body, b.status, b.header, b.body)
		}
	}
}

// idOf extracts the "id" member of a JSON body by text, or a placeholder.
func idOf(body []byte) string {
	_, rest, ok := strings.Cut(string(body), `"id":"`)
	if !ok {
		return "\x00none"
	}
	id, _, _ := strings.Cut(rest, `"`)
	return id
}

func TestDropNext(t *testing.T) {
	e := newEnv(t)
	id := e.createNamed("first")
	e.srv.ResetCounters()

	// Before serving: queued in call order with FailNext.
	e.srv.FailNext(1, http.StatusTooManyRequests)
	e.srv.DropNext(2, false)
	e.srv.FailNext(1, http.StatusInternalServerError)
	e.srv.DropNext(0, false) // nothing
	e.srv.DropNext(-3, true) // nothing
	want := []string{"429", "drop", "drop", "500", "200"}
	for i, w := range want {
		r, err := e.try("GET", collection, "")
		got := fmt.Sprint(r.status)
		if err != nil {
			got = "drop"
		}
		if got != w {
			t.Errorf("request %d: %s, want %s", i, got, w)
		}
	}

	// After commit: only successful writes use it up.
	e.srv.DropNext(2, true)
	steps := []struct {
		method, path, body string
		want               string
	}{
		{"GET", itemPath(id), "", "200"},
		{"POST", collection, `{"name":"first","provider":"OPEN_AI"}`, "409"},
		{"PATCH", itemPath(id), `{"name":"patched"}`, "drop"},
		{"DELETE", itemPath("bm9wZQ=="), "", "404"},
		{"POST", collection, `{"name":"second","provider":"OPEN_AI"}`, "drop"},
		{"POST", collection, `{"name":"third","provider":"OPEN_AI"}`, "201"},
	}
	for i, s := range steps {
		r, err := e.try(s.method, s.path, s.body)
		got := fmt.Sprint(r.status)
		if err != nil {
			got = "drop"
		}
		if got != s.want {
			t.Errorf("step %d %s %s: %s, want %s", i, s.method, s.path, got, s.want)
		}
	}
	var names []string
	for _, in := range e.srv.List() {
		names = append(names, in.Name)
	}
	if want := []string{"patched", "second", "third"}; !reflect.DeepEqual(names, want) {
		t.Errorf("store holds %v, want %v", names, want)
	}
	wantInjected := map[string]int{"429": 1, "500": 1, "drop": 2, "drop_after_commit": 2}
	if got := e.srv.Injected(); !reflect.DeepEqual(got, wantInjected) {
		t.Errorf("Injected %v, want %v", got, wantInjected)
	}
	if n := e.srv.Total(); n != len(want)+len(steps) {
		t.Errorf("Total %d, want %d: dropped requests are counted", n, len(want)+len(steps))
	}
}

func TestInjectedCounters(t *testing.T) {
	e := newEnv(t)
	if got := e.srv.Injected(); got == nil || len(got) != 0 {
		t.Fatalf("fresh server: Injected %v", got)
	}
	e.srv.SetFaults(Faults{Latency: time.Millisecond})
	for _, s := range []int{429, 500, 502, 503, 504, 503} {
		e.srv.FailNext(1, s)
	}
	e.srv.DropNext(1, false)
	e.srv.DropNext(1, true)
	for range 7 {
		_, _ = e.try("GET", collection, "")
	}
	_, _ = e.try("POST", collection, `{"name":"a","provider":"OPEN_AI"}`)
	want := map[string]int{"429": 1, "500": 1, "502": 1, "503": 2, "504": 1, "drop": 1, "drop_after_commit": 1, "latency": 8}
	got := e.srv.Injected()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Injected %v, want %v", got, want)
	}
	got["429"] = 99 // a copy
	if e.srv.Injected()["429"] != 1 {
		t.Error("Injected shares its map")
	}
	e.srv.ResetCounters()
	if got := e.srv.Injected(); len(got) != 0 || e.srv.Total() != 0 {
		t.Errorf("after ResetCounters: Injected %v, Total %d", got, e.srv.Total())
	}
}

func TestErrorAndDropRatesShareOneDraw(t *testing.T) {
	e := newEnv(t)
	e.srv.SetFaults(Faults{ErrorRate: 0.5, DropRate: 0.5, Seed: 3})
	for range 60 {
		if r, err := e.try("GET", collection, ""); err == nil && r.status != http.StatusServiceUnavailable {
			t.Fatalf("a request was served: %d", r.status)
		}
	}
	got := e.srv.Injected()
	if got["503"]+got["drop"] != 60 || got["503"] < 15 || got["drop"] < 15 {
		t.Errorf("Injected %v, want about 30 of each", got)
	}
	// Rates outside [0, 1] are clamped; NaN is none.
	e.srv.SetFaults(Faults{ErrorRate: -1, DropRate: math.NaN(), DropAfterCommitRate: -2})
	if r, err := e.try("POST", collection, `{"name":"x","provider":"OPEN_AI"}`); err != nil || r.status != http.StatusCreated {
		t.Errorf("with clamped rates: %v %d", err, r.status)
	}
}

// outcomes runs a fixed script of mixed requests and records, for each, its
// status or "drop", with the names left in the store.
func outcomes(t *testing.T, f Faults) (seq []string, names []string, injected map[string]int) {
	e := newEnv(t)
	e.srv.SetFaults(f)
	var ids []string
	for i := range 40 {
		var r response
		var err error
		switch {
		case i%4 == 0 || len(ids) == 0:
			r, err = e.try("POST", collection, fmt.Sprintf(`{"name":"n%d","provider":"OPEN_AI"}`, i))
			if err == nil && r.status == http.StatusCreated {
				ids = append(ids, r.json(t)["id"].(string))
			}
		case i%4 == 1:
			r, err = e.try("PATCH", itemPath(ids[0]), fmt.Sprintf(`{"model_names":["m%d"]}`, i))
		case i%4 == 2:
			r, err = e.try("GET", collection+"?limit=2", "")
		default:
			r, err = e.try("DELETE", itemPath(ids[len(ids)-1]), "")
			if err == nil && r.status == http.StatusNoContent {
				ids = ids[:len(ids)-1]
			}
		}
		if err != nil {
			seq = append(seq, "drop")
		} else {
			seq = append(seq, fmt.Sprint(r.status))
		}
	}
	for _, in := range e.srv.List() {
		names = append(names, in.Name+"/"+strings.Join(in.ModelNames, ","))
	}
	return seq, names, e.srv.Injected()
}

func TestSeededFaultsReplay(t *testing.T) {
	f := Faults{
		ErrorRate: 0.2, Statuses: []int{429, 500, 502, 503, 504},
		DropRate: 0.15, DropAfterCommitRate: 0.3, Seed: 11,
	}
	seqA, namesA, injA := outcomes(t, f)
	seqB, namesB, injB := outcomes(t, f)
	if !reflect.DeepEqual(seqA, seqB) || !reflect.DeepEqual(namesA, namesB) || !reflect.DeepEqual(injA, injB) {
		t.Errorf("same seed, different runs:\n%v\n%v\n%v\n%v\n%v\n%v", seqA, seqB, namesA, namesB, injA, injB)
	}
	if injA["drop"] == 0 || injA["drop_after_commit"] == 0 {
		t.Errorf("script injected no drops: %v", injA)
	}
	f.Seed = 12
	if seqC, _, _ := outcomes(t, f); reflect.DeepEqual(seqA, seqC) {
		t.Error("different seeds replayed the same faults")
	}
}

// TestDropWithoutHijacker: a writer that cannot be hijacked is aborted the
// way net/http documents, with http.ErrAbortHandler.
func TestDropWithoutHijacker(t *testing.T) {
	srv := New(Options{APIKey: testKey})
	srv.DropNext(1, false)
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", v)
		}
	}()
	srv.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", collection, nil))
	t.Error("ServeHTTP returned")
}
