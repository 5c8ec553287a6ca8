package arize

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
)

// Spelling is one of the two ways the API has spelt its enum values on the
// wire. In July 2026 Arize recased every enum to SCREAMING_SNAKE_CASE and made
// provider_metadata.kind required; the published create page still shows the
// older spelling. Which of the two a given server accepts cannot be known from
// outside, so the client learns it from the server's own answers.
type Spelling uint32

const (
	// SpellingUnknown: nothing has told the client yet.
	SpellingUnknown Spelling = iota
	// SpellingToday is the July 2026 API's, sent by every Arize SDK since:
	// OPEN_AI, DEFAULT, and provider_metadata with its kind.
	SpellingToday
	// SpellingPublished is the published create page's (February 2026):
	// openAI, default, and provider_metadata without a kind.
	SpellingPublished
)

func (s Spelling) String() string {
	switch s {
	case SpellingToday:
		return "today's spelling (OPEN_AI)"
	case SpellingPublished:
		return "the published page's spelling (openAI)"
	}
	return "unknown spelling"
}

// spellings is one enum's values in both spellings.
type spellings[T ~string] struct {
	today     []T     // in the API's order
	published map[T]T // today's spelling -> the published page's
	canonical map[T]T // either spelling -> today's
	spelling  map[T]Spelling
}

// newSpellings takes pairs of {today's spelling, the published page's}.
func newSpellings[T ~string](pairs ...[2]T) spellings[T] {
	s := spellings[T]{published: map[T]T{}, canonical: map[T]T{}, spelling: map[T]Spelling{}}
	for _, p := range pairs {
		s.today = append(s.today, p[0])
		s.published[p[0]] = p[1]
		s.canonical[p[0]], s.canonical[p[1]] = p[0], p[0]
		s.spelling[p[0]], s.spelling[p[1]] = SpellingToday, SpellingPublished
	}
	return s
}

// all lists every accepted spelling: today's values, then the published ones.
func (s spellings[T]) all() []T {
	out := append([]T(nil), s.today...)
	for _, v := range s.today {
		out = append(out, s.published[v])
	}
	return out
}

// canon is v in today's spelling; a value this client does not know is kept
// as it is (the API is alpha and may add values).
func (s spellings[T]) canon(v T) T {
	if c, ok := s.canonical[v]; ok {
		return c
	}
	return v
}

// in is v as spelling sp writes it; unknown values and SpellingUnknown keep v.
func (s spellings[T]) in(v T, sp Spelling) T {
	c, ok := s.canonical[v]
	switch {
	case !ok:
		return v
	case sp == SpellingToday:
		return c
	case sp == SpellingPublished:
		return s.published[c]
	}
	return v
}

var (
	providerSpellings = newSpellings(
		[2]Provider{ProviderOpenAI, "openAI"},
		[2]Provider{ProviderAzureOpenAI, "azureOpenAI"},
		[2]Provider{ProviderAWSBedrock, "awsBedrock"},
		[2]Provider{ProviderVertexAI, "vertexAI"},
		[2]Provider{ProviderAnthropic, "anthropic"},
		[2]Provider{ProviderCustom, "custom"},
		[2]Provider{ProviderNvidiaNIM, "nvidiaNim"},
		[2]Provider{ProviderGemini, "gemini"},
	)
	authTypeSpellings = newSpellings(
		[2]AuthType{AuthTypeDefault, "default"},
		[2]AuthType{AuthTypeProxyWithHeaders, "proxy_with_headers"},
		[2]AuthType{AuthTypeBearerToken, "bearer_token"},
	)
	// The membership roles' spellings: "read-only" and "predefined" before
	// July 2026 (Python SDK CHANGELOG 8.40.0).
	roleAssignmentTypeSpellings = newSpellings(
		[2]RoleAssignmentType{RoleAssignmentPredefined, "predefined"},
		[2]RoleAssignmentType{RoleAssignmentCustom, "custom"},
	)
	predefinedRoleSpellings = newSpellings(
		[2]PredefinedRole{RoleAdmin, "admin"},
		[2]PredefinedRole{RoleMember, "member"},
		[2]PredefinedRole{RoleReadOnly, "read-only"},
		[2]PredefinedRole{RoleAnnotator, "annotator"},
	)
	// The evaluators' spellings before July 2026 (Go SDK v0.16.0). The
	// managed code evaluators were CamelCase; static parameter types did
	// not change.
	evaluatorTypeSpellings = newSpellings(
		[2]EvaluatorType{EvaluatorTemplate, "template"},
		[2]EvaluatorType{EvaluatorCode, "code"},
		[2]EvaluatorType{EvaluatorHarness, "harness"},
		[2]EvaluatorType{EvaluatorRemote, "remote"},
	)
	directionSpellings = newSpellings(
		[2]Direction{DirectionMaximize, "maximize"},
		[2]Direction{DirectionMinimize, "minimize"},
		[2]Direction{DirectionNone, "none"},
	)
	granularitySpellings = newSpellings(
		[2]DataGranularity{GranularitySpan, "span"},
		[2]DataGranularity{GranularityTrace, "trace"},
		[2]DataGranularity{GranularitySession, "session"},
	)
	codeTypeSpellings = newSpellings(
		[2]CodeConfigType{CodeManaged, "managed"},
		[2]CodeConfigType{CodeCustom, "custom"},
	)
	managedEvaluatorSpellings = newSpellings(
		[2]ManagedEvaluator{ManagedContainsAllKeywords, "ContainsAllKeywords"},
		[2]ManagedEvaluator{ManagedContainsAnyKeyword, "ContainsAnyKeyword"},
		[2]ManagedEvaluator{ManagedExactMatch, "ExactMatch"},
		[2]ManagedEvaluator{ManagedJSONParseable, "JSONParseable"},
		[2]ManagedEvaluator{ManagedMatchesRegex, "MatchesRegex"},
	)
	responseFormatSpellings = newSpellings(
		[2]ResponseFormatType{ResponseFormatText, "text"},
		[2]ResponseFormatType{ResponseFormatJSONObject, "json_object"},
		[2]ResponseFormatType{ResponseFormatJSONSchema, "json_schema"},
	)
)

// SameEnumValue reports whether a and b are one provider or auth type value,
// whatever their spelling. Values this client does not know are the same
// only when written alike.
func SameEnumValue(a, b string) bool {
	if a == b {
		return true
	}
	if ca, ok := providerSpellings.canonical[Provider(a)]; ok {
		return ca == providerSpellings.canon(Provider(b))
	}
	if ca, ok := authTypeSpellings.canonical[AuthType(a)]; ok {
		return ca == authTypeSpellings.canon(AuthType(b))
	}
	return false
}

// serverSpelling is what a client knows of its server's spelling: nothing at
// first, then, once an answer or a successful write has shown it, one
// spelling for the rest of the process.
type serverSpelling struct {
	known atomic.Uint32 // a Spelling

	mu sync.Mutex
	// probe is open while the first write that carries an enum is in
	// flight in an unknown spelling; it is closed when that write settles.
	probe chan struct{}
}

func (s *serverSpelling) get() Spelling { return Spelling(s.known.Load()) }

// learn records sp, unless a spelling is known already.
func (s *serverSpelling) learn(sp Spelling) {
	if sp != SpellingUnknown {
		s.known.CompareAndSwap(uint32(SpellingUnknown), uint32(sp))
	}
}

// learnFrom records the spelling of an answer's provider or auth type.
// Once the spelling is known this is one atomic load.
func (s *serverSpelling) learnFrom(in *Integration) {
	if in == nil || s.get() != SpellingUnknown {
		return
	}
	if sp, ok := providerSpellings.spelling[in.Provider]; ok {
		s.learn(sp)
	} else if sp, ok := authTypeSpellings.spelling[in.AuthType]; ok {
		s.learn(sp)
	}
}

// learnFromRole records the spelling of a membership answer's role.
func (s *serverSpelling) learnFromRole(r *RoleAssignment) {
	if r == nil || s.get() != SpellingUnknown {
		return
	}
	if sp, ok := roleAssignmentTypeSpellings.spelling[r.Type]; ok {
		s.learn(sp)
	}
}

// learnFromEvaluator records the spelling of an evaluator answer's type.
func (s *serverSpelling) learnFromEvaluator(t EvaluatorType) {
	if s.get() != SpellingUnknown {
		return
	}
	if sp, ok := evaluatorTypeSpellings.spelling[t]; ok {
		s.learn(sp)
	}
}

// acquire returns the spelling a write should use. While the spelling is
// unknown, the first caller becomes the prober (probing is true) and must
// call settle; every other caller waits until the probe settles, so that
// -parallelism writes cost at most one refused request between them.
func (s *serverSpelling) acquire(ctx context.Context) (sp Spelling, probing bool, err error) {
	for {
		if sp := s.get(); sp != SpellingUnknown {
			return sp, false, nil
		}
		s.mu.Lock()
		if sp := s.get(); sp != SpellingUnknown {
			s.mu.Unlock()
			return sp, false, nil
		}
		if s.probe == nil {
			s.probe = make(chan struct{})
			s.mu.Unlock()
			return SpellingToday, true, nil
		}
		wait := s.probe
		s.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return SpellingUnknown, false, ctx.Err()
		}
	}
}

// settle ends a probe, recording what it learnt (SpellingUnknown when it
// failed for another reason: the next writer probes again).
func (s *serverSpelling) settle(learnt Spelling) {
	s.learn(learnt)
	s.mu.Lock()
	close(s.probe)
	s.probe = nil
	s.mu.Unlock()
}

// writeSpelt sends a write whose body carries enum values in the server's
// spelling. While that spelling is unknown it goes out in today's; if the
// server refuses it (400 or 422), it is sent once more in the published
// page's. A refused request was answered before the server acted on it and
// changed nothing, so sending it again in the other spelling is not a blind
// retry: it cannot make a second object or apply a change twice.
// Whichever spelling succeeds is remembered for the rest of the process.
// Every write that carries an enum goes through it, whatever its type.
func writeSpelt[T any](ctx context.Context, c *Client, send func(Spelling) (*T, error)) (*T, error) {
	sp, probing, err := c.spelling.acquire(ctx)
	if err != nil {
		return nil, err
	}
	if !probing {
		return send(sp)
	}
	learnt := SpellingUnknown
	defer func() { c.spelling.settle(learnt) }()

	out, todayErr := send(SpellingToday)
	if todayErr == nil {
		learnt = SpellingToday // what succeeded is what the server takes
		return out, nil
	}
	if !refused(todayErr) {
		return nil, todayErr
	}
	if c.spelling.get() == SpellingToday {
		// A read answered meanwhile in today's spelling: the refusal is
		// about something else, and the other spelling would only be
		// refused too.
		return nil, todayErr
	}
	c.log.Debug(ctx, "Arize API refused today's enum spelling; sending the published page's", map[string]any{"error": todayErr.Error()})
	out, publishedErr := send(SpellingPublished)
	switch {
	case publishedErr == nil:
		learnt = SpellingPublished
		return out, nil
	case refused(publishedErr):
		return nil, &SpellingError{Today: todayErr, Published: publishedErr}
	case IsConflict(publishedErr):
		// A name clash is checked only on a body the server accepted: the
		// published spelling passed where today's was refused. Learning it
		// now keeps the next write from spending a second refusal.
		learnt = SpellingPublished
	}
	return nil, publishedErr
}

// refused reports whether the API refused a request as malformed or invalid.
func refused(err error) bool {
	return hasStatus(err, http.StatusBadRequest) || hasStatus(err, http.StatusUnprocessableEntity)
}

// SpellingError is a write that the API refused in both enum spellings: the
// request is wrong in some other way, which one of the two answers says.
type SpellingError struct {
	Today, Published error
}

func (e *SpellingError) Error() string {
	return fmt.Sprintf("the API refused the request in both enum spellings. In today's spelling (OPEN_AI, READ_ONLY): %v. "+
		"In the published page's spelling (openAI, read-only): %v", e.Today, e.Published)
}

// Unwrap gives both answers to errors.Is and errors.As.
func (e *SpellingError) Unwrap() []error { return []error{e.Today, e.Published} }
