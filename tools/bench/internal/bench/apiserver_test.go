package bench

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestAPIServer_countsByMethodAndConnections(t *testing.T) {
	api, err := StartAPI(emulator.Faults{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = api.Close() }()
	client := &http.Client{Transport: &http.Transport{}}
	do := func(method, path, body string) {
		t.Helper()
		req, _ := http.NewRequest(method, api.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+APIKey)
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		// Read to the end, or the connection cannot be reused.
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}
	do(http.MethodPost, emulator.RouteCollection, `{"name":"a","provider":"OPEN_AI"}`)
	do(http.MethodGet, emulator.RouteCollection, "")
	do(http.MethodGet, emulator.RouteCollection+"/nope", "")
	do(http.MethodPut, emulator.RouteCollection+"/nope", "")

	want := Counts{"POST": 1, "LIST": 1, "GET": 1, "OTHER": 1}
	if got := api.Counts(); !got.Equal(want) {
		t.Errorf("counts %v, want %v", got, want)
	}
	if n := api.Connections(); n != 1 {
		t.Errorf("%d connections for sequential keep-alive requests, want 1", n)
	}
	api.Reset()
	if got := api.Counts(); !got.Equal(Counts{}) || api.Connections() != 0 {
		t.Errorf("after Reset: %v, %d connections", got, api.Connections())
	}
}

func TestOps_expectedCounts(t *testing.T) {
	want := map[string]Counts{
		"create":  {"POST": 7},
		"plan":    {"GET": 7},
		"update":  {"GET": 7, "PATCH": 7},
		"destroy": {"GET": 7, "DELETE": 7},
	}
	for _, op := range Ops {
		if got := op.Expected(7); !got.Equal(want[op.Key]) {
			t.Errorf("%s: %v, want %v", op.Key, got, want[op.Key])
		}
	}
	if (Counts{"GET": 0}).Equal(Counts{}) != true {
		t.Error("a zero count must equal a missing one")
	}
}
