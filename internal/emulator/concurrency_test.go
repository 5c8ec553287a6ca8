package emulator

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// seqOf returns the sequence number inside a relay id.
func seqOf(t *testing.T, id string) int {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(id)
	if err != nil {
		t.Fatalf("id %q: %v", id, err)
	}
	n, err := strconv.Atoi(strings.Split(string(raw), ":")[1])
	if err != nil {
		t.Fatalf("id %q: %v", id, err)
	}
	return n
}

func TestConcurrentCreates(t *testing.T) {
	e := newEnv(t)
	const workers, each = 25, 8
	ids := make(chan string, workers*each)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				r := e.do("POST", collection, fmt.Sprintf(`{"name":"w%d-%d","provider":"OPEN_AI"}`, w, i))
				if r.status != http.StatusCreated {
					t.Errorf("create: %d %s", r.status, r.body)
					return
				}
				ids <- r.json(t)["id"].(string)
			}
		})
	}
	wg.Wait()
	close(ids)
	seen := map[string]bool{}
	for id := range ids {
		if seen[id] {
			t.Errorf("duplicate id %s", id)
		}
		seen[id] = true
	}
	if len(seen) != workers*each || e.srv.Len() != workers*each {
		t.Errorf("%d ids, Len %d, want %d", len(seen), e.srv.Len(), workers*each)
	}
	if n := e.srv.Count("POST", RouteCollection); n != workers*each {
		t.Errorf("Count POST %d, want %d", n, workers*each)
	}
	if n := e.srv.Total(); n != workers*each {
		t.Errorf("Total %d", n)
	}
	// The list comes back in creation (sequence) order.
	prev := 0
	for _, in := range e.srv.List() {
		n := seqOf(t, in.ID)
		if n <= prev {
			t.Errorf("List out of order: %d after %d", n, prev)
		}
		prev = n
	}
}

func TestConcurrentSameName(t *testing.T) {
	e := newEnv(t)
	const n = 20
	statuses := make(chan int, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			statuses <- e.do("POST", collection, `{"name":"dup","provider":"OPEN_AI"}`).status
		})
	}
	wg.Wait()
	close(statuses)
	count := map[int]int{}
	for s := range statuses {
		count[s]++
	}
	if count[http.StatusCreated] != 1 || count[http.StatusConflict] != n-1 {
		t.Errorf("statuses %v, want one 201 and %d 409", count, n-1)
	}
}

// TestConcurrentMixed runs every operation at once; it is mostly for the race
// detector, plus a check that every request was counted.
func TestConcurrentMixed(t *testing.T) {
	e := newEnv(t)
	base := make([]string, 10)
	for i := range base {
		base[i] = e.createNamed(fmt.Sprint("base", i))
	}
	e.srv.ResetCounters()
	e.srv.SetFaults(Faults{ErrorRate: 0.1, Statuses: []int{429, 503}, Seed: 1})
	const workers = 16
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			id := base[w%len(base)]
			e.do("GET", itemPath(id), "")
			e.do("PATCH", itemPath(id), fmt.Sprintf(`{"model_names":["m%d"],"headers":{"X":"%d"}}`, w, w))
			e.do("GET", collection+"?limit=3", "")
			e.do("POST", collection, fmt.Sprintf(`{"name":"new%d","provider":"OPEN_AI"}`, w))
			e.srv.Get(id)
			e.srv.List()
			if w%4 == 0 {
				e.do("DELETE", itemPath(id), "")
			}
		})
	}
	wg.Wait()
	want := workers*4 + workers/4
	if n := e.srv.Total(); n != want {
		t.Errorf("Total %d, want %d: %v", n, want, e.srv.Requests())
	}
}
