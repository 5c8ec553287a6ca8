package arize

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

var published = map[string]string{
	"OPEN_AI": "openAI", "AZURE_OPEN_AI": "azureOpenAI", "AWS_BEDROCK": "awsBedrock", "VERTEX_AI": "vertexAI",
	"ANTHROPIC": "anthropic", "CUSTOM": "custom", "NVIDIA_NIM": "nvidiaNim", "GEMINI": "gemini",
	"DEFAULT": "default", "PROXY_WITH_HEADERS": "proxy_with_headers", "BEARER_TOKEN": "bearer_token",
}

// TestSpellingTables checks every value's two spellings against the
// contract's table, written out again here.
func TestSpellingTables(t *testing.T) {
	t.Parallel()
	if got := len(ProviderSpellings()); got != 16 {
		t.Errorf("%d provider spellings, want 16", got)
	}
	if got := len(AuthTypeSpellings()); got != 6 {
		t.Errorf("%d auth type spellings, want 6", got)
	}
	for _, p := range Providers() {
		old := Provider(published[string(p)])
		if old == "" || p.In(SpellingPublished) != old || old.In(SpellingToday) != p || old.Canonical() != p {
			t.Errorf("provider %s: published %q, In(published) %q, back %q", p, old, p.In(SpellingPublished), old.In(SpellingToday))
		}
		if !p.Same(old) || !old.Same(p) || !SameEnumValue(string(p), string(old)) {
			t.Errorf("%s and %s are not the same value", p, old)
		}
	}
	for _, a := range AuthTypes() {
		old := AuthType(published[string(a)])
		if old == "" || a.In(SpellingPublished) != old || old.In(SpellingToday) != a || !a.Same(old) {
			t.Errorf("auth type %s: published %q, In(published) %q", a, old, a.In(SpellingPublished))
		}
	}
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"OPEN_AI", "openAI", true},
		{"OPEN_AI", "OPEN_AI", true},
		{"OPEN_AI", "AZURE_OPEN_AI", false},
		{"openAI", "openai", false}, // only the two listed spellings, not any case
		{"default", "DEFAULT", true},
		{"default", "custom", false},
		{"FUTURE_VENDOR", "FUTURE_VENDOR", true},
		{"FUTURE_VENDOR", "futureVendor", false},
		{"", "DEFAULT", false},
	} {
		if got := SameEnumValue(c.a, c.b); got != c.same {
			t.Errorf("SameEnumValue(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
	if p := Provider("FUTURE_VENDOR"); p.In(SpellingPublished) != p || p.Canonical() != p {
		t.Error("an unknown value must be sent as it was written")
	}
}

// dialects runs f once against an emulator of each spelling.
func dialects(t *testing.T, f func(t *testing.T, d emulator.Dialect, want Spelling)) {
	t.Helper()
	for _, c := range []struct {
		d    emulator.Dialect
		want Spelling
	}{{emulator.DialectToday, SpellingToday}, {emulator.DialectPublished, SpellingPublished}} {
		t.Run(string(c.d), func(t *testing.T) {
			t.Parallel()
			f(t, c.d, c.want)
		})
	}
}

// TestSpellingLearntFromARead: a read before any write teaches the spelling,
// so the first write goes out in it and nothing is refused.
func TestSpellingLearntFromARead(t *testing.T) {
	t.Parallel()
	dialects(t, func(t *testing.T, d emulator.Dialect, want Spelling) {
		f := newFixtureOpts(t, emulator.Options{Dialect: d})
		seeded, err := f.emu.Put(emulator.Integration{Name: "made in the UI", Provider: "OPEN_AI"})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		got, err := f.c.Get(ctx, seeded.ID)
		if err != nil {
			t.Fatal(err)
		}
		if sp := f.c.spelling.get(); sp != want {
			t.Fatalf("learnt %v from a read of %q, want %v", sp, got.Provider, want)
		}
		if _, err := f.c.Create(ctx, bedrock("after the read")); err != nil {
			t.Fatal(err)
		}
		if n := f.emu.Refused(); n != 0 {
			t.Errorf("%d refused requests, want none once a read showed the spelling", n)
		}
	})
}

// TestSpellingLearntFromTheFirstWrite: with nothing read first, one create
// finds the spelling, and the answer is in the server's spelling.
func TestSpellingLearntFromTheFirstWrite(t *testing.T) {
	t.Parallel()
	dialects(t, func(t *testing.T, d emulator.Dialect, want Spelling) {
		f := newFixtureOpts(t, emulator.Options{Dialect: d})
		got, err := f.c.Create(context.Background(), bedrock("first"))
		if err != nil {
			t.Fatal(err)
		}
		if got.Provider != ProviderAWSBedrock.In(want) || got.AuthType != AuthTypeDefault.In(want) {
			t.Errorf("answer spelt %s/%s, want the server's %v", got.Provider, got.AuthType, want)
		}
		if got.ProviderMetadata == nil || got.ProviderMetadata.AWS == nil || got.ProviderMetadata.AWS.RoleARN == "" {
			t.Errorf("metadata not read back: %s", dump(got.ProviderMetadata))
		}
		wantRefused := map[Spelling]int{SpellingToday: 0, SpellingPublished: 1}[want]
		if n := f.emu.Refused(); n != wantRefused {
			t.Errorf("%d refused requests, want %d", n, wantRefused)
		}
		if n := f.emu.Count(http.MethodPost, emulator.RouteCollection); n != 1+wantRefused {
			t.Errorf("%d POSTs, want %d", n, 1+wantRefused)
		}
		if sp := f.c.spelling.get(); sp != want {
			t.Errorf("learnt %v, want %v", sp, want)
		}
	})
}

// TestSpellingFirstWriteGate: many writes at once while the spelling is
// unknown cost at most one refused request between them, and each makes
// exactly one integration.
func TestSpellingFirstWriteGate(t *testing.T) {
	t.Parallel()
	dialects(t, func(t *testing.T, d emulator.Dialect, want Spelling) {
		f := newFixtureOpts(t, emulator.Options{Dialect: d})
		const n = 40
		var wg sync.WaitGroup
		errs := make(chan error, n)
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				in := bedrock(fmt.Sprintf("gate-%02d", i))
				if i%2 == 1 { // half written in the other spelling by the caller
					in.Provider, in.AuthType = in.Provider.In(SpellingPublished), AuthTypeBearerToken.In(SpellingPublished)
				}
				_, err := f.c.Create(context.Background(), in)
				errs <- err
			}()
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
		wantRefused := map[Spelling]int{SpellingToday: 0, SpellingPublished: 1}[want]
		if got := f.emu.Refused(); got != wantRefused {
			t.Errorf("%d refused requests, want %d", got, wantRefused)
		}
		if got := f.emu.Answers(http.MethodPost, emulator.RouteCollection, http.StatusCreated); got != n {
			t.Errorf("%d successful creates, want %d", got, n)
		}
		if got := f.emu.Len(); got != n {
			t.Errorf("%d integrations stored, want %d", got, n)
		}
	})
}

// TestSpellingRefusedInBoth: a write refused in both spellings is an error
// carrying both answers' details, after exactly two requests.
func TestSpellingRefusedInBoth(t *testing.T) {
	t.Parallel()
	var bodies []string
	var mu sync.Mutex
	url := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		mu.Lock()
		bodies = append(bodies, fmt.Sprint(body["provider"]))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		fmt.Fprintf(w, `{"status":422,"title":"Unprocessable Entity","detail":"no thanks to %v"}`, body["provider"])
	}))
	c := newClient(t, url)
	_, err := c.Create(context.Background(), CreateRequest{Name: "x", Provider: ProviderOpenAI})
	var both *SpellingError
	if !errors.As(err, &both) {
		t.Fatalf("error %v, want a SpellingError", err)
	}
	for _, want := range []string{"no thanks to OPEN_AI", "no thanks to openAI"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not show %q", err, want)
		}
	}
	if strings.Join(bodies, ",") != "OPEN_AI,openAI" {
		t.Errorf("sent %v, want OPEN_AI then openAI", bodies)
	}
	if c.spelling.get() != SpellingUnknown {
		t.Error("learnt a spelling from two refusals")
	}
}

// TestSpellingNotTriedOnOtherErrors: a 409 (a name clash) or a 401 is an
// answer about the request, not its spelling: no second spelling is sent,
// and the next write probes again.
func TestSpellingNotTriedOnOtherErrors(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusConflict, http.StatusUnauthorized, http.StatusForbidden} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			t.Parallel()
			emu := emulator.New(emulator.Options{APIKey: testKey})
			gateway, c := behindFaults(t, emu, emulator.Faults{ErrorRate: 1, Statuses: []int{status}})
			_, err := c.Create(context.Background(), CreateRequest{Name: "x", Provider: ProviderOpenAI})
			if !hasStatus(err, status) {
				t.Fatalf("error %v, want the %d", err, status)
			}
			if got := gateway.Received(); got != 1 {
				t.Errorf("%d requests, want 1", got)
			}
			if c.spelling.get() != SpellingUnknown || c.spelling.probe != nil {
				t.Error("the probe did not settle as unknown")
			}
		})
	}
	t.Run("clash on the emulator", func(t *testing.T) {
		t.Parallel()
		f := newFixtureOpts(t, emulator.Options{Dialect: emulator.DialectPublished})
		if _, err := f.emu.Put(emulator.Integration{Name: "taken", Provider: "openAI"}); err != nil {
			t.Fatal(err)
		}
		// The first try, in today's spelling, is refused for its spelling;
		// the second is the clash, which is returned as it is.
		_, err := f.c.Create(context.Background(), CreateRequest{Name: "taken", Provider: ProviderOpenAI})
		if !IsConflict(err) {
			t.Fatalf("error %v, want the 409", err)
		}
		if got := f.emu.Count(http.MethodPost, emulator.RouteCollection); got != 2 {
			t.Errorf("%d POSTs, want 2", got)
		}
		// The clash showed the published spelling passes: the next create
		// spends no second refusal.
		if _, err := f.c.Create(context.Background(), CreateRequest{Name: "free", Provider: ProviderOpenAI}); err != nil {
			t.Fatal(err)
		}
		if got := f.emu.Refused(); got != 1 {
			t.Errorf("%d refused requests, want 1", got)
		}
	})
	t.Run("a read meanwhile showed today's spelling", func(t *testing.T) {
		t.Parallel()
		f := newFixture(t)
		seeded, err := f.emu.Put(emulator.Integration{Name: "seen", Provider: "OPEN_AI"})
		if err != nil {
			t.Fatal(err)
		}
		// The probe is open when the read answers: take it by hand, then
		// send a genuinely invalid create through writeSpelt.
		if _, err := f.c.Get(context.Background(), seeded.ID); err != nil {
			t.Fatal(err)
		}
		f.c.spelling.known.Store(uint32(SpellingUnknown)) // forget, then learn mid-probe below
		_, err = writeSpelt(context.Background(), f.c, func(sp Spelling) (*Integration, error) {
			if sp == SpellingToday {
				f.c.spelling.learn(SpellingToday) // as a concurrent read would
				return nil, &APIError{Status: http.StatusUnprocessableEntity, Detail: "model_names must not be empty"}
			}
			t.Error("sent in the published spelling after today's was known")
			return nil, nil
		})
		var both *SpellingError
		if errors.As(err, &both) || !hasStatus(err, http.StatusUnprocessableEntity) {
			t.Errorf("error %v, want today's 422 alone", err)
		}
	})
}

// TestSpellingPatch: a PATCH that carries no enum value needs no spelling
// and teaches it; one that does is spelt like a create.
func TestSpellingPatch(t *testing.T) {
	t.Parallel()
	dialects(t, func(t *testing.T, d emulator.Dialect, want Spelling) {
		f := newFixtureOpts(t, emulator.Options{Dialect: d})
		seeded, err := f.emu.Put(emulator.Integration{Name: "p", Provider: "CUSTOM", FunctionCallingEnabled: true})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if _, err := f.c.Update(ctx, seeded.ID, UpdateRequest{Name: Value("renamed")}); err != nil {
			t.Fatal(err)
		}
		if f.c.spelling.get() != want {
			t.Fatalf("a rename's answer did not teach the spelling")
		}
		got, err := f.c.Update(ctx, seeded.ID, UpdateRequest{AuthType: Value(AuthTypeBearerToken)})
		if err != nil {
			t.Fatal(err)
		}
		if got.AuthType != AuthTypeBearerToken.In(want) {
			t.Errorf("auth type %q, want %q", got.AuthType, AuthTypeBearerToken.In(want))
		}
		if n := f.emu.Refused(); n != 0 {
			t.Errorf("%d refused requests, want none", n)
		}
	})
	t.Run("first write is a PATCH", func(t *testing.T) {
		t.Parallel()
		f := newFixtureOpts(t, emulator.Options{Dialect: emulator.DialectPublished})
		seeded, err := f.emu.Put(emulator.Integration{Name: "v", Provider: "vertexAI", EnableDefaultModels: true})
		if err != nil {
			t.Fatal(err)
		}
		md := ProviderMetadata{GCP: &GCPMetadata{ProjectID: "p", Location: "us-central1", ProjectAccessLabel: "l"}}
		got, err := f.c.Update(context.Background(), seeded.ID, UpdateRequest{ProviderMetadata: Value(md)})
		if err != nil {
			t.Fatal(err)
		}
		if got.ProviderMetadata == nil || got.ProviderMetadata.GCP == nil || got.ProviderMetadata.GCP.Location != "us-central1" {
			t.Errorf("metadata %s", dump(got.ProviderMetadata))
		}
		if n := f.emu.Refused(); n != 1 {
			t.Errorf("%d refused requests, want 1", n)
		}
	})
}

// TestSpellingWaiterHonoursContext: a write waiting for the first one to
// settle gives up when its context ends.
func TestSpellingWaiterHonoursContext(t *testing.T) {
	t.Parallel()
	var s serverSpelling
	if _, probing, err := s.acquire(context.Background()); err != nil || !probing {
		t.Fatalf("first acquire: probing %v, err %v", probing, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, _, err := s.acquire(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting acquire: %v, want the deadline", err)
	}
	s.settle(SpellingPublished)
	if sp, probing, err := s.acquire(context.Background()); sp != SpellingPublished || probing || err != nil {
		t.Errorf("after settling: %v %v %v", sp, probing, err)
	}
}

// TestSpellingPublishedBodyHasNoKind: the published page's provider_metadata
// has no kind; today's always has one.
func TestSpellingPublishedBodyHasNoKind(t *testing.T) {
	t.Parallel()
	in := bedrock("k")
	for sp, want := range map[Spelling]string{
		SpellingToday:     `"provider":"AWS_BEDROCK","enable_default_models":true,"auth_type":"DEFAULT","provider_metadata":{"kind":"AWS","role_arn":"arn:aws:iam::1:role/r"}`,
		SpellingPublished: `"provider":"awsBedrock","enable_default_models":true,"auth_type":"default","provider_metadata":{"role_arn":"arn:aws:iam::1:role/r"}`,
	} {
		b, err := json.Marshal(in.in(sp))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("%v: body %s, want it to contain %s", sp, b, want)
		}
	}
}

func bedrock(name string) CreateRequest {
	return CreateRequest{
		Name: name, Provider: ProviderAWSBedrock, EnableDefaultModels: ptr(true), AuthType: AuthTypeDefault,
		ProviderMetadata: &ProviderMetadata{AWS: &AWSMetadata{RoleARN: "arn:aws:iam::1:role/r"}},
	}
}
