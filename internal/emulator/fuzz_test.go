package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The fuzz targets drive ServeHTTP directly through httptest.NewRecorder, on
// servers with a frozen clock, so every input is replayable. Their seed
// corpora live in testdata/fuzz/<FuzzName>/ and run as ordinary tests; they
// are written in today's spelling. FuzzCreate and FuzzPatch send each input
// to a server of each dialect, and to the published one also translated
// into its spelling (see toPublished), so both decoders are fuzzed.

var fuzzNow = time.Date(2026, 2, 13, 21, 27, 19, 55_000_000, time.UTC)

func newFuzzServer(d Dialect) *Server {
	return New(Options{APIKey: testKey, Spaces: testSpaces, Now: func() time.Time { return fuzzNow }, Dialect: d})
}

// toPublished rewrites a body in today's spelling into the published one:
// provider and auth_type values translated, provider_metadata.kind dropped,
// other members kept byte for byte. A body that is not a JSON object is
// returned as it is.
func toPublished(body []byte) []byte {
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) != nil || fields == nil {
		return body
	}
	for _, k := range []string{"provider", "auth_type"} {
		var v string
		if raw, ok := fields[k]; ok && json.Unmarshal(raw, &v) == nil {
			fields[k], _ = json.Marshal(DialectPublished.spell(Canonical(v)))
		}
	}
	var meta map[string]json.RawMessage
	if raw, ok := fields["provider_metadata"]; ok && json.Unmarshal(raw, &meta) == nil && meta != nil {
		delete(meta, "kind")
		fields["provider_metadata"], _ = json.Marshal(meta)
	}
	out, err := json.Marshal(fields)
	if err != nil {
		return body
	}
	return out
}

// eachDialect runs check on a server of each dialect with body, and on the
// published one with body translated too, when that changes it.
func eachDialect(t *testing.T, body []byte, check func(t *testing.T, d Dialect, body []byte)) {
	t.Run("today", func(t *testing.T) { check(t, DialectToday, body) })
	t.Run("published", func(t *testing.T) { check(t, DialectPublished, body) })
	if translated := toPublished(body); !bytes.Equal(translated, body) {
		t.Run("published translated", func(t *testing.T) { check(t, DialectPublished, translated) })
	}
}

// call serves one authenticated request; a body is sent as JSON.
func call(s *Server, method, path, rawQuery string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	req.URL.RawQuery = rawQuery
	req.Header.Set("Authorization", "Bearer "+testKey)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

// checkAnswer holds for every answer: the status is success or one of
// clientErrors, the body is JSON, and an error is problem+json whose status
// member is the HTTP status, with a title and an error_code.
func checkAnswer(t *testing.T, rec *httptest.ResponseRecorder, success int, clientErrors ...int) {
	t.Helper()
	body := rec.Body.Bytes()
	if rec.Code != success && !slices.Contains(clientErrors, rec.Code) {
		t.Fatalf("status %d, want %d or one of %v: %s", rec.Code, success, clientErrors, body)
	}
	if !json.Valid(body) {
		t.Fatalf("status %d: body is not JSON: %q", rec.Code, body)
	}
	if rec.Code == success {
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Fatalf("success Content-Type %q", ct)
		}
		return
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("error Content-Type %q", ct)
	}
	var p struct {
		Status    int    `json:"status"`
		Title     string `json:"title"`
		ErrorCode string `json:"error_code"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatalf("problem body: %v: %s", err, body)
	}
	if p.Status != rec.Code || p.Title == "" || p.ErrorCode == "" {
		t.Fatalf("problem %+v does not describe status %d: %s", p, rec.Code, body)
	}
}

// getItem GETs an integration and fails unless it answers 200.
func getItem(t *testing.T, s *Server, id string) []byte {
	t.Helper()
	rec := call(s, "GET", RouteCollection+"/"+url.PathEscape(id), "", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", id, rec.Code, rec.Body)
	}
	return rec.Body.Bytes()
}

// fuzzedAPIKey returns the api_key a body sets, as the server decodes it,
// when it is a string of 8 bytes or more, with the body's members.
func fuzzedAPIKey(body []byte) (string, map[string]json.RawMessage, bool) {
	body = bytes.TrimSpace(body)
	var fields map[string]json.RawMessage
	if len(body) == 0 || body[0] != '{' || json.Unmarshal(body, &fields) != nil {
		return "", nil, false
	}
	var key string
	if raw, ok := fields["api_key"]; !ok || json.Unmarshal(raw, &key) != nil || len(key) < 8 {
		return "", nil, false
	}
	return key, fields, true
}

// withCanaryKey re-encodes the members with api_key replaced by a string
// that shares no text with key, so the server decodes the same request
// except for the key's text.
func withCanaryKey(t *testing.T, key string, fields map[string]json.RawMessage) []byte {
	t.Helper()
	canary := "canary-0123456789"
	if strings.Contains(canary, key) || strings.Contains(key, canary) {
		canary = "CANARY-~~~~~~~~~~"
	}
	out := make(map[string]json.RawMessage, len(fields))
	for k, v := range fields {
		out[k] = v
	}
	out["api_key"], _ = json.Marshal(canary)
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatalf("re-encoding the body: %v", err)
	}
	return b
}

// occurrences counts key in an answer, raw and as JSON-escaped text, so a
// leak is found whichever way it was written.
func occurrences(rec *httptest.ResponseRecorder, key string) int {
	var text strings.Builder
	text.Write(rec.Body.Bytes())
	for name, values := range rec.Header() {
		text.WriteString("\n" + name + ": " + strings.Join(values, ", "))
	}
	var esc bytes.Buffer
	enc := json.NewEncoder(&esc)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(key)
	escaped := strings.TrimSuffix(strings.TrimSpace(esc.String()), `"`)[1:]
	return strings.Count(text.String(), key) + strings.Count(text.String(), escaped)
}

// checkNoKeyLeak compares the answer to the same request sent, to a server
// set up the same way, with another api_key: the key's text may appear in
// the answer only as often as it does when it is not the key (a name may
// legitimately hold the same text), and the key's value must not change
// the outcome.
func checkNoKeyLeak(t *testing.T, body []byte, rec *httptest.ResponseRecorder, replay func(body []byte) *httptest.ResponseRecorder) {
	t.Helper()
	key, fields, ok := fuzzedAPIKey(body)
	if !ok || rec.Code == http.StatusRequestEntityTooLarge {
		return
	}
	other := replay(withCanaryKey(t, key, fields))
	if other.Code != rec.Code {
		t.Fatalf("the api_key's text changed the outcome: %d, and %d with another key: %s / %s",
			rec.Code, other.Code, rec.Body, other.Body)
	}
	if n, base := occurrences(rec, key), occurrences(other, key); n > base {
		t.Fatalf("the api_key %q leaked into the answer: %s", key, rec.Body)
	}
}

// serverFields are the members the server sets, which a create cannot send.
var serverFields = []string{"id", "has_api_key", "created_at", "updated_at", "created_by_user_id"}

// checkRecreates asserts that what the API shows can be written back: the
// rendered object, less the server's members and plus the api_key, creates
// an equal integration on a fresh server of the same dialect. That is what a
// client that reads an integration and applies it elsewhere relies on.
func checkRecreates(t *testing.T, d Dialect, rendered []byte, apiKey string) {
	t.Helper()
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(rendered, &fields); err != nil {
		t.Fatalf("rendered object: %v", err)
	}
	for _, k := range serverFields {
		delete(fields, k)
	}
	if apiKey != "" {
		fields["api_key"], _ = json.Marshal(apiKey)
	}
	body, _ := json.Marshal(fields)
	s := newFuzzServer(d)
	rec := call(s, "POST", RouteCollection, "", body)
	if rec.Code != http.StatusCreated {
		t.Fatalf("re-creating %s: %d %s", body, rec.Code, rec.Body)
	}
	var want, got map[string]any
	_ = json.Unmarshal(rendered, &want)
	_ = json.Unmarshal(rec.Body.Bytes(), &got)
	for _, m := range []map[string]any{want, got} {
		delete(m, "id")
		delete(m, "updated_at")
	}
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("re-created object differs:\n%s\n%s", rendered, rec.Body)
	}
}

// FuzzCreate POSTs arbitrary bytes to a fresh server.
func FuzzCreate(f *testing.F) {
	f.Add([]byte(`{"name":"a","provider":"OPEN_AI","api_key":"sk-secret-1234"}`))
	f.Fuzz(func(t *testing.T, body []byte) { eachDialect(t, body, fuzzCreate) })
}

// fuzzCreate is one FuzzCreate input on a server of dialect d.
func fuzzCreate(t *testing.T, d Dialect, body []byte) {
	s := newFuzzServer(d)
	rec := call(s, "POST", RouteCollection, "", body)
	// A fresh server knows no names, so a 409 is a bug.
	checkAnswer(t, rec, http.StatusCreated,
		http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity)
	checkNoKeyLeak(t, body, rec, func(body []byte) *httptest.ResponseRecorder {
		return call(newFuzzServer(d), "POST", RouteCollection, "", body)
	})
	if rec.Code != http.StatusCreated {
		if n := s.Len(); n != 0 {
			t.Fatalf("a failed create stored %d integrations", n)
		}
		return
	}
	if n := s.Len(); n != 1 {
		t.Fatalf("after a 201, Len %d", n)
	}
	var created struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &created); err != nil || created.ID == "" {
		t.Fatalf("201 without an id: %v %s", err, rec.Body)
	}
	if loc := rec.Header().Get("Location"); loc != RouteCollection+"/"+url.PathEscape(created.ID) {
		t.Fatalf("Location %q for id %q", loc, created.ID)
	}
	if got := getItem(t, s, created.ID); !bytes.Equal(got, rec.Body.Bytes()) {
		t.Fatalf("GET differs from the 201:\n%s\n%s", rec.Body, got)
	}
	stored, _ := s.Get(created.ID)
	if p := validate(&stored, s.Dialect()); p != nil {
		t.Fatalf("stored integration is invalid: %v", p)
	}
	checkRecreates(t, d, rec.Body.Bytes(), stored.APIKey)
}

// patchBases are the integrations FuzzPatch patches, chosen by its base
// argument: one per provider family with its own rules.
var patchBases = []string{
	`{"name":"base","provider":"OPEN_AI","api_key":"sk-base-0123456789","base_url":"https://proxy.example.com/v1",
	  "model_names":["gpt-4o"],"headers":{"X-Team":"ml"},"auth_type":"PROXY_WITH_HEADERS",
	  "scopings":[{"organization_id":"QWNjb3VudE9yZzoxMjM6YWJj","space_id":"U3BhY2U6MTIzNDU="}]}`,
	`{"name":"base","provider":"AWS_BEDROCK","enable_default_models":true,
	  "provider_metadata":{"kind":"AWS","role_arn":"arn:aws:iam::123456789012:role/arize","external_id":""}}`,
	`{"name":"base","provider":"VERTEX_AI","model_names":["gemini-2.0"],"function_calling_enabled":false,
	  "provider_metadata":{"kind":"GCP","project_id":"p","location":"us-central1","project_access_label":"l"},
	  "scopings":[{"organization_id":"QWNjb3VudE9yZzoxMjM6YWJj","space_id":null}]}`,
}

// patchSetup returns a server of dialect d holding the chosen base
// integration, and a second one named "taken" so that renames can clash.
func patchSetup(t *testing.T, d Dialect, base uint8) (*Server, string) {
	t.Helper()
	s := newFuzzServer(d)
	rec := call(s, "POST", RouteCollection, "", inDialect(d, []byte(patchBases[int(base)%len(patchBases)])))
	if rec.Code != http.StatusCreated {
		t.Fatalf("setup: %d %s", rec.Code, rec.Body)
	}
	var created struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(rec.Body.Bytes(), &created)
	if rec := call(s, "POST", RouteCollection, "", inDialect(d, []byte(`{"name":"taken","provider":"ANTHROPIC"}`))); rec.Code != http.StatusCreated {
		t.Fatalf("setup: %d %s", rec.Code, rec.Body)
	}
	return s, created.ID
}

// FuzzPatch PATCHes arbitrary bytes onto a valid integration.
func FuzzPatch(f *testing.F) {
	f.Add([]byte(`{"name":"renamed","api_key":"sk-rotated-5678"}`), byte(0))
	f.Fuzz(func(t *testing.T, body []byte, base uint8) {
		eachDialect(t, body, func(t *testing.T, d Dialect, body []byte) { fuzzPatch(t, d, body, base) })
	})
}

// fuzzPatch is one FuzzPatch input on a server of dialect d.
func fuzzPatch(t *testing.T, d Dialect, body []byte, base uint8) {
	s, id := patchSetup(t, d, base)
	path := RouteCollection + "/" + url.PathEscape(id)
	beforeBody := getItem(t, s, id)
	before := s.List()

	rec := call(s, "PATCH", path, "", body)
	// The id exists and the body is JSON-typed: 401, 404, 405 and 415 are bugs.
	checkAnswer(t, rec, http.StatusOK, http.StatusBadRequest, http.StatusConflict,
		http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity)
	checkNoKeyLeak(t, body, rec, func(body []byte) *httptest.ResponseRecorder {
		s, id := patchSetup(t, d, base)
		return call(s, "PATCH", RouteCollection+"/"+url.PathEscape(id), "", body)
	})
	after := getItem(t, s, id)
	if rec.Code != http.StatusOK {
		if !bytes.Equal(after, beforeBody) {
			t.Fatalf("a %d PATCH changed the integration:\n%s\n%s", rec.Code, beforeBody, after)
		}
		if !reflect.DeepEqual(s.List(), before) {
			t.Fatalf("a %d PATCH changed the store", rec.Code)
		}
		return
	}
	if !bytes.Equal(after, rec.Body.Bytes()) {
		t.Fatalf("GET differs from the PATCH answer:\n%s\n%s", rec.Body, after)
	}
	stored, ok := s.Get(id)
	if !ok || s.Len() != 2 {
		t.Fatalf("after a 200 PATCH: found %v, Len %d", ok, s.Len())
	}
	if p := validate(&stored, s.Dialect()); p != nil {
		t.Fatalf("PATCH stored an integration the create rules refuse: %v\n%s", p, after)
	}
	if !stored.UpdatedAt.After(before[0].UpdatedAt) || !stored.CreatedAt.Equal(before[0].CreatedAt) {
		t.Fatalf("timestamps: created %v -> %v, updated %v -> %v",
			before[0].CreatedAt, stored.CreatedAt, before[0].UpdatedAt, stored.UpdatedAt)
	}
	if other := s.List()[1]; !reflect.DeepEqual(other, before[1]) {
		t.Fatalf("PATCH changed another integration: %+v", other)
	}
	checkRecreates(t, d, after, stored.APIKey)
}

// inDialect translates a body in today's spelling for a server of dialect d.
func inDialect(d Dialect, body []byte) []byte {
	if d == DialectPublished {
		return toPublished(body)
	}
	return body
}

// listFixture is a dozen integrations with names and scopings for every list
// filter; one more is created and deleted so sequence numbers have a gap.
var listFixture = []string{
	`{"name":"Alpha prod","provider":"OPEN_AI"}`,
	`{"name":"alpha staging","provider":"ANTHROPIC","scopings":[{"organization_id":"QWNjb3VudE9yZzoxMjM6YWJj","space_id":"U3BhY2U6Njc4OTA="}]}`,
	`{"name":"Beta","provider":"GEMINI","scopings":[{"organization_id":"QWNjb3VudE9yZzoxMjM6YWJj","space_id":"U3BhY2U6MTIzNDU="}]}`,
	`{"name":"beta-2","provider":"CUSTOM","base_url":"https://llm.internal/v1"}`,
	`{"name":"GAMMA","provider":"NVIDIA_NIM","scopings":[{"organization_id":"QWNjb3VudE9yZzoxMjM6YWJj","space_id":null}]}`,
	`{"name":"delete-me","provider":"OPEN_AI"}`,
	`{"name":"Ünïcödé 名前","provider":"AZURE_OPEN_AI","scopings":[{"organization_id":"QWNjb3VudE9yZzoxMjM6YWJj","space_id":"U3BhY2U6MTExMTE="}]}`,
	`{"name":"bedrock","provider":"AWS_BEDROCK","enable_default_models":true,"provider_metadata":{"kind":"AWS","role_arn":"arn:r"}}`,
	`{"name":"vertex","provider":"VERTEX_AI","model_names":["m"],"provider_metadata":{"kind":"GCP","project_id":"p","location":"l","project_access_label":"a"}}`,
	`{"name":"multi","provider":"OPEN_AI","scopings":[{"organization_id":"QWNjb3VudE9yZzoxMjM6YWJj","space_id":"U3BhY2U6MTIzNDU="},{"organization_id":"QWNjb3VudE9yZzoxMjM6YWJj","space_id":"U3BhY2U6Njc4OTA="}]}`,
	`{"name":"with spaces  ","provider":"ANTHROPIC"}`,
	`{"name":"%2F/slash?&=","provider":"OPEN_AI"}`,
	`{"name":"last","provider":"GEMINI"}`,
}

func listSetup(t *testing.T) *Server {
	t.Helper()
	s := newFuzzServer(DialectToday)
	for _, body := range listFixture {
		rec := call(s, "POST", RouteCollection, "", []byte(body))
		if rec.Code != http.StatusCreated {
			t.Fatalf("setup %s: %d %s", body, rec.Code, rec.Body)
		}
		if strings.Contains(body, "delete-me") {
			var created struct{ ID string }
			_ = json.Unmarshal(rec.Body.Bytes(), &created)
			s.Remove(created.ID)
		}
	}
	return s
}

type listPage struct {
	AIIntegrations []json.RawMessage `json:"ai_integrations"`
	Pagination     struct {
		HasMore    *bool   `json:"has_more"`
		NextCursor *string `json:"next_cursor"`
	} `json:"pagination"`
}

// checkPage decodes a 200 list answer and checks each item against the
// store: it exists and renders as its GET does, items come in creation
// order after position from (an index in s.List()), within limit and
// matching the name filter. It returns the index of the last item.
func checkPage(t *testing.T, s *Server, rec *httptest.ResponseRecorder, values url.Values, from int) (listPage, int) {
	t.Helper()
	var page listPage
	dec := json.NewDecoder(bytes.NewReader(rec.Body.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&page); err != nil || page.AIIntegrations == nil || page.Pagination.HasMore == nil {
		t.Fatalf("list body: %v: %s", err, rec.Body)
	}
	limit := defaultLimit
	if values.Has("limit") {
		limit, _ = strconv.Atoi(values.Get("limit"))
	}
	if len(page.AIIntegrations) > limit {
		t.Fatalf("%d items for limit %d", len(page.AIIntegrations), limit)
	}
	if more, cursor := *page.Pagination.HasMore, page.Pagination.NextCursor; more != (cursor != nil && *cursor != "") {
		t.Fatalf("has_more %v with next_cursor %v", more, cursor)
	}
	order := map[string]int{}
	for i, in := range s.List() {
		order[in.ID] = i
	}
	last := from
	for _, raw := range page.AIIntegrations {
		var item struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		}
		if err := json.Unmarshal(raw, &item); err != nil {
			t.Fatalf("item %s: %v", raw, err)
		}
		pos, ok := order[item.ID]
		if !ok {
			t.Fatalf("listed item %q is not in the store", item.ID)
		}
		if pos <= last {
			t.Fatalf("item %q at position %d after %d: out of order or repeated", item.ID, pos, last)
		}
		last = pos
		if got := bytes.TrimSuffix(getItem(t, s, item.ID), []byte("\n")); !bytes.Equal(got, raw) {
			t.Fatalf("listed item differs from its GET:\n%s\n%s", raw, got)
		}
		if !strings.Contains(strings.ToLower(item.Name), strings.ToLower(values.Get("name"))) {
			t.Fatalf("item %q does not match name=%q", item.Name, values.Get("name"))
		}
	}
	return page, last
}

// FuzzListQuery lists with an arbitrary raw query and cursor.
func FuzzListQuery(f *testing.F) {
	f.Add("limit=5&name=a", "")
	f.Fuzz(func(t *testing.T, query, cursor string) {
		s := listSetup(t)
		if cursor != "" {
			if query != "" {
				query += "&"
			}
			query += "cursor=" + url.QueryEscape(cursor)
		}
		rec := call(s, "GET", RouteCollection, query, nil)
		// 400 for a bad parameter or cursor, 404 for an unknown space.
		checkAnswer(t, rec, http.StatusOK, http.StatusBadRequest, http.StatusNotFound)
		if rec.Code != http.StatusOK {
			return
		}
		values, _ := url.ParseQuery(query) // as the server reads it: bad pairs dropped
		page, last := checkPage(t, s, rec, values, -1)
		if values.Get("cursor") != "" {
			return // the items before the cursor are unknown here
		}
		// The next pages, with the same filters, continue after this one.
		listed := len(page.AIIntegrations)
		for pages := 0; *page.Pagination.HasMore; pages++ {
			if pages > len(listFixture) {
				t.Fatalf("pagination of %q does not end", query)
			}
			values.Set("cursor", *page.Pagination.NextCursor)
			rec := call(s, "GET", RouteCollection, values.Encode(), nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("next page of %q: %d %s", query, rec.Code, rec.Body)
			}
			page, last = checkPage(t, s, rec, values, last)
			listed += len(page.AIIntegrations)
		}
		// Without a space filter, the pages hold every name match.
		if values.Get("space_id") == "" && values.Get("space_name") == "" {
			want := 0
			for _, in := range s.List() {
				if strings.Contains(strings.ToLower(in.Name), strings.ToLower(values.Get("name"))) {
					want++
				}
			}
			if listed != want {
				t.Fatalf("the pages of %q listed %d integrations, want %d", query, listed, want)
			}
		}
	})
}
