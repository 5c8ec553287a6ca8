package emulator

import (
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The spellings of CONTRACT.md's "Enum spellings" table, written out here
// independently of dialect.go so that a slip in its tables fails a test.
var (
	testProviders = []struct{ today, published string }{
		{"OPEN_AI", "openAI"}, {"AZURE_OPEN_AI", "azureOpenAI"}, {"AWS_BEDROCK", "awsBedrock"},
		{"VERTEX_AI", "vertexAI"}, {"ANTHROPIC", "anthropic"}, {"CUSTOM", "custom"},
		{"NVIDIA_NIM", "nvidiaNim"}, {"GEMINI", "gemini"},
	}
	testAuthTypes = []struct{ today, published string }{
		{"DEFAULT", "default"}, {"PROXY_WITH_HEADERS", "proxy_with_headers"}, {"BEARER_TOKEN", "bearer_token"},
	}
	dialects = []Dialect{DialectToday, DialectPublished}
)

// The complete details of a value in the wrong spelling, per dialect.
var (
	wantProviderDetail = map[Dialect]string{
		DialectToday:     "provider must be one of OPEN_AI, AZURE_OPEN_AI, AWS_BEDROCK, VERTEX_AI, ANTHROPIC, CUSTOM, NVIDIA_NIM, GEMINI",
		DialectPublished: "provider must be one of openAI, azureOpenAI, awsBedrock, vertexAI, anthropic, custom, nvidiaNim, gemini",
	}
	wantAuthDetail = map[Dialect]string{
		DialectToday:     "auth_type must be one of DEFAULT, PROXY_WITH_HEADERS, BEARER_TOKEN",
		DialectPublished: "auth_type must be one of default, proxy_with_headers, bearer_token",
	}
)

// word picks the spelling of a value in d; otherWord the other dialect's.
func word(d Dialect, today, published string) string {
	if d == DialectPublished {
		return published
	}
	return today
}

func otherWord(d Dialect, today, published string) string {
	return word(d, published, today)
}

// todayOf is today's spelling of a value in either, from the tables above.
func todayOf(v string) string {
	for _, p := range append(testProviders, testAuthTypes...) {
		if v == p.today || v == p.published {
			return p.today
		}
	}
	return v
}

func dialectEnv(t *testing.T, d Dialect) *env {
	t.Helper()
	return newEnv(t, func(o *Options) { o.Dialect = d })
}

// metadata is provider_metadata of kind AWS or GCP as d writes it: with kind
// today, without it in the published spelling.
func metadata(d Dialect, kind string) map[string]any {
	m := map[string]any{"role_arn": "arn:aws:iam::1:role/r", "external_id": "ext"}
	if kind == kindGCP {
		m = map[string]any{"project_id": "p", "location": "us-central1", "project_access_label": "l"}
	}
	if d == DialectToday {
		m["kind"] = kind
	}
	return m
}

// body marshals a request body.
func body(t *testing.T, members map[string]any) string {
	t.Helper()
	b, err := json.Marshal(members)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDialectAcceptsItsOwnSpelling(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			e := dialectEnv(t, d)
			if e.srv.Dialect() != d {
				t.Fatalf("Dialect() = %q", e.srv.Dialect())
			}
			for _, p := range testProviders {
				members := map[string]any{"name": "p-" + p.today, "provider": word(d, p.today, p.published)}
				kind := map[string]string{"AWS_BEDROCK": kindAWS, "VERTEX_AI": kindGCP}[p.today]
				if kind != "" {
					members["enable_default_models"] = true
					members["provider_metadata"] = metadata(d, kind)
				}
				got := e.create(body(t, members))
				if got["provider"] != word(d, p.today, p.published) || got["auth_type"] != word(d, "DEFAULT", "default") {
					t.Errorf("%s: answered provider %v auth_type %v", p.today, got["provider"], got["auth_type"])
				}
				if kind != "" && !reflect.DeepEqual(got["provider_metadata"], metadata(d, kind)) {
					t.Errorf("%s: provider_metadata %v, want %v", p.today, got["provider_metadata"], metadata(d, kind))
				}
				stored, _ := e.srv.Get(got["id"].(string))
				if stored.Provider != p.today || stored.AuthType != "DEFAULT" {
					t.Errorf("%s: stored %q %q, want today's spelling", p.today, stored.Provider, stored.AuthType)
				}
				if kind != "" && stored.ProviderMetadata.Kind != kind {
					t.Errorf("%s: stored kind %q, want %q", p.today, stored.ProviderMetadata.Kind, kind)
				}
				checkRecreatesIn(t, d, e.do("GET", itemPath(got["id"].(string)), "").body, "")
			}
			for _, a := range testAuthTypes {
				got := e.create(body(t, map[string]any{"name": "a-" + a.today, "provider": word(d, "OPEN_AI", "openAI"),
					"auth_type": word(d, a.today, a.published)}))
				if got["auth_type"] != word(d, a.today, a.published) {
					t.Errorf("auth_type %s answered as %v", a.today, got["auth_type"])
				}
				if stored, _ := e.srv.Get(got["id"].(string)); stored.AuthType != a.today {
					t.Errorf("auth_type %s stored as %q", a.today, stored.AuthType)
				}
			}
			// The list speaks the dialect too.
			var list struct {
				AIIntegrations []struct{ Provider, AuthType string } `json:"ai_integrations"`
			}
			if err := json.Unmarshal(e.do("GET", collection, "").body, &list); err != nil || len(list.AIIntegrations) != 11 {
				t.Fatalf("list: %v %+v", err, list)
			}
			for i, p := range testProviders {
				if got := list.AIIntegrations[i].Provider; got != word(d, p.today, p.published) {
					t.Errorf("listed provider %q, want %q", got, word(d, p.today, p.published))
				}
			}
			if e.srv.Refused() != 0 {
				t.Errorf("Refused() = %d after valid writes", e.srv.Refused())
			}
		})
	}
}

// checkRecreatesIn posts what a server of dialect d rendered, less the
// server's members, back to a fresh server of the same dialect, which must
// accept it and render it the same: what a client reads, it can write.
func checkRecreatesIn(t *testing.T, d Dialect, rendered []byte, apiKey string) {
	t.Helper()
	var fields map[string]any
	if err := json.Unmarshal(rendered, &fields); err != nil {
		t.Fatal(err)
	}
	for _, k := range serverFields {
		delete(fields, k)
	}
	if apiKey != "" {
		fields["api_key"] = apiKey
	}
	fresh := dialectEnv(t, d)
	got := fresh.create(body(t, fields))
	var want map[string]any
	_ = json.Unmarshal(rendered, &want)
	for _, m := range []map[string]any{want, got} {
		delete(m, "id")
		delete(m, "updated_at")
		delete(m, "created_at")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("re-created in %s:\n got %v\nwant %v", d, got, want)
	}
}

func TestDialectRefusesTheOtherSpelling(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			e := dialectEnv(t, d)
			refused := 0
			for _, p := range testProviders {
				members := map[string]any{"name": "x", "provider": otherWord(d, p.today, p.published)}
				if p.today == "AWS_BEDROCK" || p.today == "VERTEX_AI" {
					members["enable_default_models"] = true
					members["provider_metadata"] = metadata(d, map[bool]string{true: kindAWS, false: kindGCP}[p.today == "AWS_BEDROCK"])
				}
				wantProblem(t, e.do("POST", collection, body(t, members)), 422, CodeValidationError, collection, wantProviderDetail[d])
				refused++
			}
			for _, a := range testAuthTypes {
				members := map[string]any{"name": "x", "provider": word(d, "OPEN_AI", "openAI"), "auth_type": otherWord(d, a.today, a.published)}
				wantProblem(t, e.do("POST", collection, body(t, members)), 422, CodeValidationError, collection, wantAuthDetail[d])
				refused++
			}
			// Nor any other casing.
			for _, v := range []string{"open_ai", "OpenAI", "OPENAI", "", " openAI"} {
				wantProblem(t, e.do("POST", collection, body(t, map[string]any{"name": "x", "provider": v})),
					422, CodeValidationError, collection, wantProviderDetail[d])
				refused++
			}
			// A type error still wins over the spelling.
			r := e.do("POST", collection, `{"name":"x","provider":"`+otherWord(d, "OPEN_AI", "openAI")+`","auth_type":1}`)
			wantProblem(t, r, 400, CodeInvalidRequest, collection, "auth_type must be a string")
			refused++
			if e.srv.Len() != 0 {
				t.Errorf("refused creates stored %d integrations", e.srv.Len())
			}
			if e.srv.Refused() != refused {
				t.Errorf("Refused() = %d, want %d", e.srv.Refused(), refused)
			}
		})
	}
}

func TestDialectTodayKind(t *testing.T) {
	e := dialectEnv(t, DialectToday)
	base := map[string]any{"name": "b", "provider": "AWS_BEDROCK", "enable_default_models": true}
	for _, tt := range []struct {
		name     string
		metadata any
		detail   string
	}{
		{"missing", map[string]any{"role_arn": "r"}, "provider_metadata.kind is required (AWS or GCP)"},
		{"null", map[string]any{"kind": nil, "role_arn": "r"}, "provider_metadata.kind is required (AWS or GCP)"},
		{"lower case", map[string]any{"kind": "aws", "role_arn": "r"}, "provider_metadata.kind must be AWS or GCP"},
		{"unknown", map[string]any{"kind": "AZURE", "role_arn": "r"}, "provider_metadata.kind must be AWS or GCP"},
		{"empty", map[string]any{}, "provider_metadata.kind is required (AWS or GCP)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			base["provider_metadata"] = tt.metadata
			wantProblem(t, e.do("POST", collection, body(t, base)), 422, CodeValidationError, collection, tt.detail)
		})
	}
	base["provider_metadata"] = map[string]any{"kind": "AWS", "role_arn": "r"}
	got := e.create(body(t, base))
	if want := map[string]any{"kind": "AWS", "role_arn": "r"}; !reflect.DeepEqual(got["provider_metadata"], want) {
		t.Errorf("rendered %v, want %v", got["provider_metadata"], want)
	}
}

func TestDialectPublishedMetadata(t *testing.T) {
	const aws = `"provider":"awsBedrock","enable_default_models":true`
	const gcp = `"provider":"vertexAI","enable_default_models":true`
	tests := []struct {
		name   string
		body   string
		status int
		detail string
		want   map[string]any // the rendered provider_metadata on success
	}{
		{"AWS inferred", `{"name":"a",` + aws + `,"provider_metadata":{"role_arn":"r","external_id":"e"}}`, 201, "",
			map[string]any{"role_arn": "r", "external_id": "e"}},
		{"AWS with null external_id", `{"name":"a",` + aws + `,"provider_metadata":{"role_arn":"r","external_id":null}}`, 201, "",
			map[string]any{"role_arn": "r"}},
		{"GCP inferred", `{"name":"a",` + gcp + `,"provider_metadata":{"project_id":"p","location":"l","project_access_label":"x"}}`, 201, "",
			map[string]any{"project_id": "p", "location": "l", "project_access_label": "x"}},
		{"kind is an unknown field", `{"name":"a",` + aws + `,"provider_metadata":{"kind":"AWS","role_arn":"r"}}`, 400, `unknown field "provider_metadata.kind"`, nil},
		{"even a null kind", `{"name":"a",` + aws + `,"provider_metadata":{"kind":null,"role_arn":"r"}}`, 400, `"provider_metadata.kind"`, nil},
		{"kind beats a value error", `{"name":"",` + aws + `,"provider_metadata":{"kind":"GCP"}}`, 400, `"provider_metadata.kind"`, nil},
		{"other unknown member", `{"name":"a",` + aws + `,"provider_metadata":{"role_arn":"r","region":"eu"}}`, 400, `"provider_metadata.region"`, nil},
		{"member type", `{"name":"a",` + aws + `,"provider_metadata":{"role_arn":"r","project_id":5}}`, 400, "provider_metadata.project_id must be a string", nil},
		{"both variants", `{"name":"a",` + aws + `,"provider_metadata":{"role_arn":"r","project_id":"p"}}`, 422, "provider_metadata must have either AWS members", nil},
		{"no member", `{"name":"a",` + aws + `,"provider_metadata":{}}`, 422, "provider_metadata must have either AWS members", nil},
		{"AWS without role_arn", `{"name":"a",` + aws + `,"provider_metadata":{"external_id":"e"}}`, 422, "provider_metadata.role_arn is required", nil},
		{"GCP without location", `{"name":"a",` + gcp + `,"provider_metadata":{"project_id":"p","project_access_label":"x"}}`, 422, "provider_metadata.location is required", nil},
		{"AWS members on vertex", `{"name":"a",` + gcp + `,"provider_metadata":{"role_arn":"r"}}`, 422,
			"provider_metadata with AWS members (role_arn, external_id) is only allowed with provider awsBedrock, not vertexAI", nil},
		{"GCP members on openAI", `{"name":"a","provider":"openAI","provider_metadata":{"project_id":"p","location":"l","project_access_label":"x"}}`, 422,
			"provider_metadata with GCP members (project_id, location, project_access_label) is only allowed with provider vertexAI, not openAI", nil},
		{"model source", `{"name":"a","provider":"awsBedrock","provider_metadata":{"role_arn":"r"}}`, 422,
			"model_names must not be empty when enable_default_models is false for provider awsBedrock", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := dialectEnv(t, DialectPublished)
			r := e.do("POST", collection, tt.body)
			if tt.status != http.StatusCreated {
				wantProblem(t, r, tt.status, map[int]string{400: CodeInvalidRequest, 422: CodeValidationError}[tt.status], collection, tt.detail)
				if e.srv.Len() != 0 || e.srv.Refused() != 1 {
					t.Errorf("Len %d, Refused %d after a refused create", e.srv.Len(), e.srv.Refused())
				}
				return
			}
			if r.status != http.StatusCreated {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			got := r.json(t)
			if !reflect.DeepEqual(got["provider_metadata"], tt.want) {
				t.Errorf("rendered %v, want %v", got["provider_metadata"], tt.want)
			}
			if strings.Contains(string(r.body), "kind") {
				t.Errorf("published answer carries kind: %s", r.body)
			}
			stored, _ := e.srv.Get(got["id"].(string))
			if want := map[string]string{"awsBedrock": kindAWS, "vertexAI": kindGCP}[got["provider"].(string)]; stored.ProviderMetadata.Kind != want {
				t.Errorf("stored kind %q, want %q", stored.ProviderMetadata.Kind, want)
			}
		})
	}
}

func TestDialectPatch(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			e := dialectEnv(t, d)
			created := e.create(body(t, map[string]any{"name": "n", "provider": word(d, "ANTHROPIC", "anthropic"),
				"auth_type": word(d, "BEARER_TOKEN", "bearer_token")}))
			id := created["id"].(string)
			refused := []struct {
				patch  map[string]any
				status int
				detail string
			}{
				{map[string]any{"name": "renamed", "provider": otherWord(d, "GEMINI", "gemini")}, 422, wantProviderDetail[d]},
				{map[string]any{"name": "renamed", "auth_type": otherWord(d, "DEFAULT", "default")}, 422, wantAuthDetail[d]},
				{map[string]any{"provider": word(d, "AWS_BEDROCK", "awsBedrock"), "enable_default_models": true,
					"provider_metadata": metadata(map[Dialect]Dialect{DialectToday: DialectPublished, DialectPublished: DialectToday}[d], kindAWS)},
					map[Dialect]int{DialectToday: 422, DialectPublished: 400}[d], "provider_metadata.kind"},
				{map[string]any{"provider": word(d, "VERTEX_AI", "vertexAI"), "enable_default_models": true}, 422,
					"switching provider to " + word(d, "VERTEX_AI", "vertexAI") + " needs provider_metadata"},
			}
			for _, tt := range refused {
				e.clock.Advance(time.Second)
				code := map[int]string{400: CodeInvalidRequest, 422: CodeValidationError}[tt.status]
				wantProblem(t, e.do("PATCH", itemPath(id), body(t, tt.patch)), tt.status, code, itemPath(id), tt.detail)
				if got := e.do("GET", itemPath(id), "").json(t); !reflect.DeepEqual(got, created) {
					t.Errorf("refused PATCH %v changed the integration:\n got %v\nwant %v", tt.patch, got, created)
				}
			}
			if e.srv.Refused() != len(refused) {
				t.Errorf("Refused() = %d, want %d", e.srv.Refused(), len(refused))
			}
			// The dialect's own spelling goes through, metadata included.
			r := e.do("PATCH", itemPath(id), body(t, map[string]any{"provider": word(d, "VERTEX_AI", "vertexAI"),
				"model_names": []string{"m"}, "auth_type": word(d, "DEFAULT", "default"), "provider_metadata": metadata(d, kindGCP)}))
			if r.status != http.StatusOK {
				t.Fatalf("PATCH: %d %s", r.status, r.body)
			}
			got := r.json(t)
			if got["provider"] != word(d, "VERTEX_AI", "vertexAI") || got["auth_type"] != word(d, "DEFAULT", "default") ||
				!reflect.DeepEqual(got["provider_metadata"], metadata(d, kindGCP)) {
				t.Errorf("after PATCH: %v", got)
			}
			if stored, _ := e.srv.Get(id); stored.Provider != "VERTEX_AI" || stored.AuthType != "DEFAULT" || stored.ProviderMetadata.Kind != kindGCP {
				t.Errorf("stored %+v", stored)
			}
		})
	}
}

func TestDialectPutAcceptsEitherSpelling(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			e := dialectEnv(t, d)
			puts := []Integration{
				{Name: "today", Provider: "AWS_BEDROCK", AuthType: "PROXY_WITH_HEADERS", EnableDefaultModels: true,
					ProviderMetadata: &ProviderMetadata{Kind: "AWS", RoleARN: "r"}},
				{Name: "published", Provider: "awsBedrock", AuthType: "proxy_with_headers", EnableDefaultModels: true,
					ProviderMetadata: &ProviderMetadata{RoleARN: "r"}},
				{Name: "vertex", Provider: "vertexAI", ModelNames: []string{"m"},
					ProviderMetadata: &ProviderMetadata{ProjectID: "p", Location: "l", ProjectAccessLabel: "x"}},
				{Name: "default auth", Provider: "nvidiaNim"},
			}
			for _, in := range puts {
				meta := in.ProviderMetadata
				var kindBefore string
				if meta != nil {
					kindBefore = meta.Kind
				}
				got, err := e.srv.Put(in)
				if err != nil {
					t.Fatalf("Put %s: %v", in.Name, err)
				}
				if meta != nil && meta.Kind != kindBefore {
					t.Errorf("Put %s changed the caller's metadata kind to %q", in.Name, meta.Kind)
				}
				stored, _ := e.srv.Get(got.ID)
				if !reflect.DeepEqual(stored, got) {
					t.Errorf("Put returned %+v, Get %+v", got, stored)
				}
				if stored.Provider != todayOf(in.Provider) {
					t.Errorf("Put %s stored provider %q", in.Name, stored.Provider)
				}
				if want := map[bool]string{true: "DEFAULT", false: todayOf(in.AuthType)}[in.AuthType == ""]; stored.AuthType != want {
					t.Errorf("Put %s stored auth_type %q, want %q", in.Name, stored.AuthType, want)
				}
				if meta != nil && stored.ProviderMetadata.Kind == "" {
					t.Errorf("Put %s stored no kind", in.Name)
				}
				rendered := e.do("GET", itemPath(got.ID), "").json(t)
				if rendered["provider"] != d.spell(stored.Provider) || rendered["auth_type"] != d.spell(stored.AuthType) {
					t.Errorf("Put %s renders %v %v in %s", in.Name, rendered["provider"], rendered["auth_type"], d)
				}
			}
			for _, bad := range []struct {
				in     Integration
				detail string
			}{
				{Integration{Name: "b", Provider: "Open_AI"}, wantProviderDetail[d]},
				{Integration{Name: "b", Provider: "openAI", AuthType: "Default"}, wantAuthDetail[d]},
				{Integration{Name: "b", Provider: "AWS_BEDROCK", EnableDefaultModels: true,
					ProviderMetadata: &ProviderMetadata{RoleARN: "r", ProjectID: "p"}}, map[Dialect]string{
					DialectToday: "provider_metadata.kind is required", DialectPublished: "provider_metadata must have either"}[d]},
			} {
				_, err := e.srv.Put(bad.in)
				var p *Problem
				if !errors.As(err, &p) || p.Status != 422 || !strings.Contains(p.Detail, bad.detail) {
					t.Errorf("Put %+v: %v, want a 422 mentioning %q", bad.in, err, bad.detail)
				}
			}
		})
	}
}

func TestCanonical(t *testing.T) {
	for _, p := range append(testProviders, testAuthTypes...) {
		if got := Canonical(p.published); got != p.today {
			t.Errorf("Canonical(%q) = %q, want %q", p.published, got, p.today)
		}
		if got := Canonical(p.today); got != p.today {
			t.Errorf("Canonical(%q) = %q", p.today, got)
		}
	}
	for _, v := range []string{"", "OpenAI", "open_ai", "AWS", "basic"} {
		if got := Canonical(v); got != v {
			t.Errorf("Canonical(%q) = %q, want it unchanged", v, got)
		}
	}
}

func TestParseDialect(t *testing.T) {
	for _, d := range dialects {
		if got, err := ParseDialect(string(d)); err != nil || got != d {
			t.Errorf("ParseDialect(%q) = %q, %v", d, got, err)
		}
	}
	for _, bad := range []string{"", "Today", "PUBLISHED", "feb2026", " today"} {
		_, err := ParseDialect(bad)
		if err == nil || !strings.Contains(err.Error(), "today") || !strings.Contains(err.Error(), "published") {
			t.Errorf("ParseDialect(%q): %v, want an error naming today and published", bad, err)
		}
	}
	if d := New(Options{}).Dialect(); d != DialectToday {
		t.Errorf("default dialect %q", d)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "published") {
			t.Errorf("New with an unknown dialect: recovered %v", r)
		}
	}()
	New(Options{Dialect: "feb2026"})
}

func TestDialectDefaultAuthType(t *testing.T) {
	for _, d := range dialects {
		e := dialectEnv(t, d)
		got := e.create(body(t, map[string]any{"name": "n", "provider": word(d, "CUSTOM", "custom")}))
		if got["auth_type"] != word(d, "DEFAULT", "default") {
			t.Errorf("%s: default auth_type rendered as %v", d, got["auth_type"])
		}
		if stored, _ := e.srv.Get(got["id"].(string)); stored.AuthType != "DEFAULT" {
			t.Errorf("%s: default auth_type stored as %q", d, stored.AuthType)
		}
	}
}

// TestRefusedForSpelling counts the refusals of the other dialect's
// spelling, and only those.
func TestRefusedForSpelling(t *testing.T) {
	for _, c := range []struct {
		dialect Dialect
		body    string
		status  int
		respelt bool
	}{
		{DialectToday, `{"name":"a","provider":"openAI"}`, 422, true},
		{DialectToday, `{"name":"a","provider":"OPEN_AI","auth_type":"default"}`, 422, true},
		{DialectToday, `{"name":"a","provider":"AWS_BEDROCK","enable_default_models":true,"provider_metadata":{"role_arn":"r"}}`, 422, true},
		{DialectToday, `{"name":"a","provider":"AWS_BEDROCK"}`, 422, false},   // no model source
		{DialectToday, `{"name":"a","provider":"openai"}`, 422, false},        // neither spelling
		{DialectToday, `{"name":"a","provider":"OPEN_AI","x":1}`, 400, false}, // unknown field
		{DialectPublished, `{"name":"a","provider":"OPEN_AI"}`, 422, true},
		{DialectPublished, `{"name":"a","provider":"awsBedrock","enable_default_models":true,"provider_metadata":{"kind":"AWS","role_arn":"r"}}`, 400, true},
		{DialectPublished, `{"name":"a","provider":"openAI","base_url":"nope"}`, 422, false},
	} {
		t.Run(string(c.dialect)+" "+c.body, func(t *testing.T) {
			e := newEnv(t, func(o *Options) { o.Dialect = c.dialect })
			if got := e.do("POST", RouteCollection, c.body); got.status != c.status {
				t.Fatalf("status %d, want %d: %s", got.status, c.status, got.body)
			}
			want := 0
			if c.respelt {
				want = 1
			}
			if got := e.srv.RefusedForSpelling(); got != want || e.srv.RefusedForSpellingAt("POST", RouteCollection) != want || e.srv.Refused() != 1 {
				t.Errorf("RefusedForSpelling %d (want %d), Refused %d (want 1)", got, want, e.srv.Refused())
			}
			e.srv.ResetCounters()
			if e.srv.RefusedForSpelling() != 0 {
				t.Error("ResetCounters kept RefusedForSpelling")
			}
		})
	}
}
