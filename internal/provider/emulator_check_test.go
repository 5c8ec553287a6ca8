package provider

import (
	"context"
	"fmt"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// storedCheck is a state check on what the emulator holds for the object
// at addr, found by lookup under the ID in state: it proves a value reached
// the server, which state alone cannot. noun names the object in errors.
type storedCheck[T any] struct {
	addr   string
	noun   string
	lookup func(id string) (T, bool)
	check  func(T) error
}

// expectStoredObject checks the emulator's record of addr with check.
func expectStoredObject[T any](addr, noun string, lookup func(string) (T, bool), check func(T) error) statecheck.StateCheck {
	return storedCheck[T]{addr: addr, noun: noun, lookup: lookup, check: check}
}

func (c storedCheck[T]) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	id, err := stateID(req.State, c.addr)
	if err != nil {
		resp.Error = err
		return
	}
	obj, ok := c.lookup(id)
	if !ok {
		resp.Error = fmt.Errorf("%s: the emulator holds no %s %s", c.addr, c.noun, id)
		return
	}
	if err := c.check(obj); err != nil {
		resp.Error = fmt.Errorf("%s: %w", c.addr, err)
	}
}

// expectStored checks the emulator's record of the integration at addr.
func expectStored(emu *emulator.Server, addr string, check func(emulator.Integration) error) statecheck.StateCheck {
	return expectStoredObject(addr, "integration", emu.Get, check)
}

func stateID(state *tfjson.State, addr string) (string, error) {
	if state == nil || state.Values == nil || state.Values.RootModule == nil {
		return "", fmt.Errorf("%s: no state", addr)
	}
	for _, r := range state.Values.RootModule.Resources {
		if r.Address == addr {
			id, _ := r.AttributeValues["id"].(string)
			return id, nil
		}
	}
	return "", fmt.Errorf("%s: not in state", addr)
}

// expectRequests checks the emulator's request counters, by "METHOD route".
type requestCheck struct {
	emu  *emulator.Server
	want map[string]int
}

func expectRequests(emu *emulator.Server, want map[string]int) statecheck.StateCheck {
	return requestCheck{emu: emu, want: want}
}

func (c requestCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	got := c.emu.Requests()
	for key, n := range c.want {
		method, route, _ := strings.Cut(key, " ")
		if sent := got[key] - spellingProbes(c.emu, method, route); sent != n {
			resp.Error = fmt.Errorf("emulator served %d %q requests (and %d spelling probes), want %d (all: %v)",
				sent, key, spellingProbes(c.emu, method, route), n, got)
			return
		}
	}
}

// expectQueryRequests is expectRequests as a query check: the requests a
// query step made, counted from the step's PreConfig (emu.ResetCounters),
// since a query step has no state to check.
func expectQueryRequests(emu *emulator.Server, want map[string]int) querycheck.QueryResultCheck {
	return queryRequestCheck{requestCheck{emu: emu, want: want}}
}

type queryRequestCheck struct{ requestCheck }

func (c queryRequestCheck) CheckQuery(ctx context.Context, _ querycheck.CheckQueryRequest, resp *querycheck.CheckQueryResponse) {
	var counted statecheck.CheckStateResponse
	c.CheckState(ctx, statecheck.CheckStateRequest{}, &counted)
	resp.Error = counted.Error
}

// spellingProbes is how many requests to method and route the emulator
// refused for carrying the other dialect's spelling. Each provider process
// finds the server's spelling with its first write, which goes out in
// today's spelling and, against a server of the published page's, is refused
// once (see arize.Spelling); the tests that count what each resource costs
// leave those out, and only those: any other refusal still counts.
// TestAccAIIntegration_spellings counts the probes themselves.
func spellingProbes(emu *emulator.Server, method, route string) int {
	return emu.RefusedForSpellingAt(method, route)
}

// Routes as the emulator counts them.
const (
	routePost   = "POST /v2/ai-integrations"
	routeList   = "GET /v2/ai-integrations"
	routeGet    = "GET /v2/ai-integrations/{id}"
	routePatch  = "PATCH /v2/ai-integrations/{id}"
	routeDelete = "DELETE /v2/ai-integrations/{id}"
)

// exampleStored runs a check of the emulator's contents as a state check.
type exampleStored struct {
	check func() error
}

func (c exampleStored) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.check()
}

// emulatorHasKey reports whether any of the integrations holds key.
func emulatorHasKey(list []emulator.Integration, key string) bool {
	for _, rec := range list {
		if rec.APIKey == key {
			return true
		}
	}
	return false
}
