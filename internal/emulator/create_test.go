package emulator

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

const collection = "/v2/ai-integrations"

func TestCreateDefaults(t *testing.T) {
	e := newEnv(t)
	r := e.do("POST", collection, `{"name":"Production OpenAI","provider":"OPEN_AI"}`)
	if r.status != http.StatusCreated {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	got := r.json(t)
	id, _ := got["id"].(string)
	if loc := r.header.Get("Location"); loc != itemPath(id) {
		t.Errorf("Location %q, want %q", loc, itemPath(id))
	}
	want := map[string]any{
		"id":                       id,
		"name":                     "Production OpenAI",
		"provider":                 "OPEN_AI",
		"has_api_key":              false,
		"model_names":              nil,
		"enable_default_models":    false,
		"function_calling_enabled": true,
		"auth_type":                "DEFAULT",
		"scopings":                 []any{map[string]any{}},
		"created_at":               "2026-02-13T21:27:19.055Z",
		"updated_at":               "2026-02-13T21:27:19.055Z",
		"created_by_user_id":       "VXNlcjoxOm5OYkM=",
		"base_url":                 nil,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("created object\n got %v\nwant %v", got, want)
	}
}

func TestCreateIDsAreRelayIDs(t *testing.T) {
	e := newEnv(t)
	re := regexp.MustCompile(`^LlmIntegration:(\d+):[A-Za-z]{4}$`)
	for i, name := range []string{"a", "b", "c"} {
		id := e.createNamed(name)
		raw, err := base64.StdEncoding.DecodeString(id)
		if err != nil {
			t.Fatalf("id %q is not std base64: %v", id, err)
		}
		m := re.FindStringSubmatch(string(raw))
		if m == nil {
			t.Fatalf("id %q decodes to %q", id, raw)
		}
		if m[1] != itoa(i+1) {
			t.Errorf("id %d has sequence %s", i+1, m[1])
		}
	}
}

func TestCreateFullObjects(t *testing.T) {
	tests := []struct {
		name string
		opts func(*Options)
		body string
		want map[string]any // members checked; "-" as value means "must be absent"
	}{
		{
			name: "every OPEN_AI field",
			body: `{"name":"full","provider":"OPEN_AI","api_key":"sk-1","base_url":"https://proxy.example.com/v1?a=1&b=<2>",
				"model_names":["gpt-4","gpt-4o"],"headers":{"X-A":"1","X-B":"2"},"enable_default_models":true,
				"function_calling_enabled":false,"auth_type":"PROXY_WITH_HEADERS",
				"scopings":[{"organization_id":"` + orgID + `","space_id":null}]}`,
			want: map[string]any{
				"has_api_key": true, "base_url": "https://proxy.example.com/v1?a=1&b=<2>",
				"model_names": []any{"gpt-4", "gpt-4o"}, "headers": map[string]any{"X-A": "1", "X-B": "2"},
				"enable_default_models": true, "function_calling_enabled": false, "auth_type": "PROXY_WITH_HEADERS",
				"scopings":          []any{map[string]any{"organization_id": orgID, "space_id": nil}},
				"provider_metadata": "-",
			},
		},
		{
			name: "bedrock with external id",
			body: `{"name":"b","provider":"AWS_BEDROCK","enable_default_models":true,
				"provider_metadata":{"kind":"AWS","role_arn":"arn:aws:iam::1:role/r","external_id":"ext"}}`,
			want: map[string]any{"provider_metadata": map[string]any{"kind": "AWS", "role_arn": "arn:aws:iam::1:role/r", "external_id": "ext"}},
		},
		{
			name: "bedrock without external id",
			body: `{"name":"b","provider":"AWS_BEDROCK","model_names":["claude"],
				"provider_metadata":{"kind":"AWS","role_arn":"arn:r","external_id":null}}`,
			want: map[string]any{"provider_metadata": map[string]any{"kind": "AWS", "role_arn": "arn:r"}},
		},
		{
			name: "bedrock with empty external id keeps it",
			body: `{"name":"b","provider":"AWS_BEDROCK","model_names":["claude"],
				"provider_metadata":{"kind":"AWS","role_arn":"arn:r","external_id":""}}`,
			want: map[string]any{"provider_metadata": map[string]any{"kind": "AWS", "role_arn": "arn:r", "external_id": ""}},
		},
		{
			name: "vertex",
			body: `{"name":"v","provider":"VERTEX_AI","model_names":["gemini-pro"],
				"provider_metadata":{"kind":"GCP","project_id":"p","location":"us-central1","project_access_label":"l"}}`,
			want: map[string]any{"provider_metadata": map[string]any{"kind": "GCP", "project_id": "p", "location": "us-central1", "project_access_label": "l"}},
		},
		{
			name: "space scoping",
			body: `{"name":"s","provider":"ANTHROPIC","scopings":[{"organization_id":"` + orgID + `","space_id":"` + spaceProd + `"},{"organization_id":"O2"}]}`,
			want: map[string]any{"scopings": []any{
				map[string]any{"organization_id": orgID, "space_id": spaceProd},
				map[string]any{"organization_id": "O2", "space_id": nil},
			}},
		},
		{
			name: "explicit account-wide scoping reads back as [{}]",
			body: `{"name":"s","provider":"CUSTOM","scopings":[{"organization_id":null,"space_id":null}]}`,
			want: map[string]any{"scopings": []any{map[string]any{}}},
		},
		{
			name: "empty scopings are account-wide",
			body: `{"name":"s","provider":"CUSTOM","scopings":[]}`,
			want: map[string]any{"scopings": []any{map[string]any{}}},
		},
		{
			name: "account-wide with explicit nulls option",
			opts: func(o *Options) { o.ExplicitNullScopings = true },
			body: `{"name":"s","provider":"GEMINI","scopings":[{}]}`,
			want: map[string]any{"scopings": []any{map[string]any{"organization_id": nil, "space_id": nil}}},
		},
		{
			name: "empty api key, headers and model list",
			body: `{"name":"e","provider":"NVIDIA_NIM","api_key":"","headers":{},"model_names":[]}`,
			want: map[string]any{"has_api_key": false, "headers": "-", "model_names": []any{}},
		},
		{
			name: "nulls on create leave optional fields unset",
			body: `{"name":"n","provider":"AZURE_OPEN_AI","api_key":null,"base_url":null,"model_names":null,"headers":null,"provider_metadata":null,"scopings":null}`,
			want: map[string]any{"has_api_key": false, "base_url": nil, "model_names": nil, "headers": "-", "provider_metadata": "-", "scopings": []any{map[string]any{}}},
		},
		{
			name: "custom user id",
			opts: func(o *Options) { o.UserID = "VXNlcjo5OmFiY2Q=" },
			body: `{"name":"u","provider":"OPEN_AI","auth_type":"BEARER_TOKEN"}`,
			want: map[string]any{"created_by_user_id": "VXNlcjo5OmFiY2Q=", "auth_type": "BEARER_TOKEN"},
		},
		{
			name: "headers of exactly 8175 bytes",
			body: `{"name":"h","provider":"OPEN_AI","headers":{"k":"` + strings.Repeat("v", 8175-8) + `"}}`,
			want: map[string]any{"headers": map[string]any{"k": strings.Repeat("v", 8175-8)}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []func(*Options)
			if tt.opts != nil {
				opts = append(opts, tt.opts)
			}
			e := newEnv(t, opts...)
			got := e.create(tt.body)
			if _, leaked := got["api_key"]; leaked {
				t.Errorf("api_key returned: %v", got)
			}
			for k, want := range tt.want {
				v, present := got[k]
				if want == "-" {
					if present {
						t.Errorf("%s = %v, want absent", k, v)
					}
					continue
				}
				if !present || !reflect.DeepEqual(v, want) {
					t.Errorf("%s = %#v (present %v), want %#v", k, v, present, want)
				}
			}
			// GET answers exactly what POST answered.
			r := e.do("GET", itemPath(got["id"].(string)), "")
			if r.status != http.StatusOK || !reflect.DeepEqual(r.json(t), got) {
				t.Errorf("GET differs from POST: %d %s", r.status, r.body)
			}
		})
	}
}

func TestCreateErrors(t *testing.T) {
	big := `{"name":"h","provider":"OPEN_AI","headers":{"k":"` + strings.Repeat("v", 8175-7) + `"}}`
	tests := []struct {
		name   string
		body   string
		status int
		code   string
		detail string
	}{
		// 400: the body is not what the schema says.
		{"empty body", ``, 400, CodeInvalidRequest, "request body is required"},
		{"malformed json", `{"name":`, 400, CodeInvalidRequest, "not valid JSON"},
		{"trailing garbage", `{"name":"a","provider":"OPEN_AI"} x`, 400, CodeInvalidRequest, "not valid JSON"},
		{"array body", `[]`, 400, CodeInvalidRequest, "JSON object"},
		{"null body", `null`, 400, CodeInvalidRequest, "JSON object"},
		{"unknown field", `{"name":"a","provider":"OPEN_AI","providr":"x"}`, 400, CodeInvalidRequest, `"providr"`},
		{"read-only field id", `{"id":"x","name":"a","provider":"OPEN_AI"}`, 400, CodeInvalidRequest, `"id"`},
		{"read-only has_api_key", `{"name":"a","provider":"OPEN_AI","has_api_key":true}`, 400, CodeInvalidRequest, `"has_api_key"`},
		{"name not a string", `{"name":1,"provider":"OPEN_AI"}`, 400, CodeInvalidRequest, "name must be a string"},
		{"api_key not a string", `{"name":"a","provider":"OPEN_AI","api_key":5}`, 400, CodeInvalidRequest, "api_key must be a string"},
		{"bool as string", `{"name":"a","provider":"OPEN_AI","enable_default_models":"true"}`, 400, CodeInvalidRequest, "enable_default_models must be a boolean"},
		{"function calling as number", `{"name":"a","provider":"OPEN_AI","function_calling_enabled":1}`, 400, CodeInvalidRequest, "function_calling_enabled must be a boolean"},
		{"model_names not a list", `{"name":"a","provider":"OPEN_AI","model_names":"gpt"}`, 400, CodeInvalidRequest, "model_names must be an array"},
		{"model_names item", `{"name":"a","provider":"OPEN_AI","model_names":["a",1]}`, 400, CodeInvalidRequest, "model_names[1] must be a string"},
		{"model_names null item", `{"name":"a","provider":"OPEN_AI","model_names":[null]}`, 400, CodeInvalidRequest, "model_names[0] must be a string"},
		{"headers list", `{"name":"a","provider":"OPEN_AI","headers":["a"]}`, 400, CodeInvalidRequest, "headers must be an object"},
		{"headers value", `{"name":"a","provider":"OPEN_AI","headers":{"X-N":1}}`, 400, CodeInvalidRequest, "headers.X-N must be a string"},
		{"headers null value", `{"name":"a","provider":"OPEN_AI","headers":{"X-N":null}}`, 400, CodeInvalidRequest, "headers.X-N must be a string"},
		{"scopings object", `{"name":"a","provider":"OPEN_AI","scopings":{}}`, 400, CodeInvalidRequest, "scopings must be an array"},
		{"scopings item", `{"name":"a","provider":"OPEN_AI","scopings":[null]}`, 400, CodeInvalidRequest, "scopings[0] must be an object"},
		{"scopings unknown", `{"name":"a","provider":"OPEN_AI","scopings":[{"org_id":"x"}]}`, 400, CodeInvalidRequest, `scopings[0].org_id`},
		{"scopings type", `{"name":"a","provider":"OPEN_AI","scopings":[{"organization_id":5}]}`, 400, CodeInvalidRequest, "scopings[0].organization_id must be a string or null"},
		{"metadata string", `{"name":"a","provider":"AWS_BEDROCK","provider_metadata":"AWS"}`, 400, CodeInvalidRequest, "provider_metadata must be an object"},
		{"metadata foreign member", `{"name":"a","provider":"AWS_BEDROCK","enable_default_models":true,"provider_metadata":{"kind":"AWS","role_arn":"r","project_id":"p"}}`, 400, CodeInvalidRequest, "provider_metadata.project_id"},
		{"metadata member type", `{"name":"a","provider":"AWS_BEDROCK","enable_default_models":true,"provider_metadata":{"kind":"AWS","role_arn":7}}`, 400, CodeInvalidRequest, "provider_metadata.role_arn must be a string"},
		{"type error wins over value error", `{"name":"","provider":"nope","auth_type":3}`, 400, CodeInvalidRequest, "auth_type must be a string"},

		// 422: well-formed, invalid values.
		{"name missing", `{"provider":"OPEN_AI"}`, 422, CodeValidationError, "name is required"},
		{"name empty", `{"name":"","provider":"OPEN_AI"}`, 422, CodeValidationError, "name is required"},
		{"name blank", `{"name":"  ","provider":"OPEN_AI"}`, 422, CodeValidationError, "name"},
		{"name null", `{"name":null,"provider":"OPEN_AI"}`, 422, CodeValidationError, "name must not be null"},
		{"provider missing", `{"name":"a"}`, 422, CodeValidationError, "provider is required"},
		{"provider unknown", `{"name":"a","provider":"OpenAI"}`, 422, CodeValidationError, "provider must be one of OPEN_AI, AZURE_OPEN_AI,"},
		{"provider empty", `{"name":"a","provider":""}`, 422, CodeValidationError, "provider must be one of"},
		{"provider in the published spelling", `{"name":"a","provider":"openAI"}`, 422, CodeValidationError, "provider must be one of OPEN_AI,"},
		{"auth_type in the published spelling", `{"name":"a","provider":"OPEN_AI","auth_type":"default"}`, 422, CodeValidationError, "auth_type must be one of DEFAULT, PROXY_WITH_HEADERS, BEARER_TOKEN"},
		{"provider null", `{"name":"a","provider":null}`, 422, CodeValidationError, "provider must not be null"},
		{"auth_type unknown", `{"name":"a","provider":"OPEN_AI","auth_type":"basic"}`, 422, CodeValidationError, "auth_type must be one of"},
		{"auth_type null", `{"name":"a","provider":"OPEN_AI","auth_type":null}`, 422, CodeValidationError, "auth_type must not be null"},
		{"bool null", `{"name":"a","provider":"OPEN_AI","enable_default_models":null}`, 422, CodeValidationError, "enable_default_models must not be null"},
		{"base_url ftp", `{"name":"a","provider":"OPEN_AI","base_url":"ftp://x.example"}`, 422, CodeValidationError, "base_url"},
		{"base_url relative", `{"name":"a","provider":"OPEN_AI","base_url":"/v1"}`, 422, CodeValidationError, "base_url"},
		{"base_url no host", `{"name":"a","provider":"OPEN_AI","base_url":"https://"}`, 422, CodeValidationError, "base_url"},
		{"base_url garbage", `{"name":"a","provider":"OPEN_AI","base_url":"not a url"}`, 422, CodeValidationError, "base_url"},
		{"base_url empty", `{"name":"a","provider":"OPEN_AI","base_url":""}`, 422, CodeValidationError, "base_url"},
		{"model name blank", `{"name":"a","provider":"OPEN_AI","model_names":["gpt",""]}`, 422, CodeValidationError, "model_names[1]"},
		{"headers too large", big, 422, CodeValidationError, "headers serialise to 8176 bytes"},
		{"header name empty", `{"name":"a","provider":"OPEN_AI","headers":{"":"v"}}`, 422, CodeValidationError, "headers"},
		{"GCP metadata with bedrock", `{"name":"a","provider":"AWS_BEDROCK","enable_default_models":true,"provider_metadata":{"kind":"GCP","project_id":"p","location":"l","project_access_label":"x"}}`, 422, CodeValidationError, "kind GCP is only allowed with provider VERTEX_AI"},
		{"bedrock without role_arn", `{"name":"a","provider":"AWS_BEDROCK","enable_default_models":true,"provider_metadata":{"kind":"AWS"}}`, 422, CodeValidationError, "provider_metadata.role_arn is required"},
		{"bedrock null role_arn", `{"name":"a","provider":"AWS_BEDROCK","enable_default_models":true,"provider_metadata":{"kind":"AWS","role_arn":null}}`, 422, CodeValidationError, "provider_metadata.role_arn is required"},
		{"bedrock empty role_arn", `{"name":"a","provider":"AWS_BEDROCK","enable_default_models":true,"provider_metadata":{"kind":"AWS","role_arn":""}}`, 422, CodeValidationError, "provider_metadata.role_arn is required"},
		{"bedrock without model source", `{"name":"a","provider":"AWS_BEDROCK","provider_metadata":{"kind":"AWS","role_arn":"r"}}`, 422, CodeValidationError, "model_names"},
		{"bedrock with empty model list", `{"name":"a","provider":"AWS_BEDROCK","model_names":[],"provider_metadata":{"kind":"AWS","role_arn":"r"}}`, 422, CodeValidationError, "model_names"},
		{"bedrock with GCP metadata", `{"name":"a","provider":"AWS_BEDROCK","enable_default_models":true,"provider_metadata":{"kind":"GCP","project_id":"p","location":"l","project_access_label":"x"}}`, 422, CodeValidationError, "kind GCP"},
		{"vertex without location", `{"name":"a","provider":"VERTEX_AI","enable_default_models":true,"provider_metadata":{"kind":"GCP","project_id":"p","project_access_label":"x"}}`, 422, CodeValidationError, "provider_metadata.location is required"},
		{"vertex empty label", `{"name":"a","provider":"VERTEX_AI","enable_default_models":true,"provider_metadata":{"kind":"GCP","project_id":"p","location":"l","project_access_label":""}}`, 422, CodeValidationError, "provider_metadata.project_access_label is required"},
		{"vertex without model source", `{"name":"a","provider":"VERTEX_AI","provider_metadata":{"kind":"GCP","project_id":"p","location":"l","project_access_label":"x"}}`, 422, CodeValidationError, "model_names"},
		{"OPEN_AI with AWS metadata", `{"name":"a","provider":"OPEN_AI","provider_metadata":{"kind":"AWS","role_arn":"r"}}`, 422, CodeValidationError, "kind AWS is only allowed with provider AWS_BEDROCK"},
		{"unknown kind", `{"name":"a","provider":"AWS_BEDROCK","enable_default_models":true,"provider_metadata":{"kind":"AZURE"}}`, 422, CodeValidationError, "provider_metadata.kind must be AWS or GCP"},
		{"missing kind", `{"name":"a","provider":"AWS_BEDROCK","enable_default_models":true,"provider_metadata":{"role_arn":"r"}}`, 422, CodeValidationError, "provider_metadata.kind is required"},
		{"space without organization", `{"name":"a","provider":"OPEN_AI","scopings":[{"organization_id":null,"space_id":"S"}]}`, 422, CodeValidationError, "scopings[0].organization_id is required when space_id is set"},
		{"space without organization member", `{"name":"a","provider":"OPEN_AI","scopings":[{"organization_id":"O"},{"space_id":"S"}]}`, 422, CodeValidationError, "scopings[1].organization_id is required"},
		{"empty organization id", `{"name":"a","provider":"OPEN_AI","scopings":[{"organization_id":""}]}`, 422, CodeValidationError, "scopings[0].organization_id must not be empty"},
		{"account-wide mixed with narrower", `{"name":"a","provider":"OPEN_AI","scopings":[{},{"organization_id":"O"}]}`, 422, CodeValidationError, "scopings[0] is account-wide"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			r := e.do("POST", collection, tt.body)
			wantProblem(t, r, tt.status, tt.code, collection, tt.detail)
			if e.srv.Len() != 0 {
				t.Errorf("a refused create stored something")
			}
		})
	}
}

func TestCreateNameConflict(t *testing.T) {
	e := newEnv(t)
	e.createNamed("Prod")
	r := e.do("POST", collection, `{"name":"Prod","provider":"ANTHROPIC"}`)
	wantProblem(t, r, http.StatusConflict, CodeNameConflict, collection, `"Prod"`)
	// Uniqueness is an exact match: another case is another name.
	e.createNamed("prod")
	if e.srv.Len() != 2 {
		t.Errorf("Len %d, want 2", e.srv.Len())
	}
	// A deleted integration frees its name.
	id := e.srv.List()[0].ID
	e.srv.Remove(id)
	e.createNamed("Prod")
}

func TestCreateBodyLimitsAndMediaType(t *testing.T) {
	e := newEnv(t)
	huge := `{"name":"a","provider":"OPEN_AI","api_key":"` + strings.Repeat("x", 1<<20) + `"}`
	wantProblem(t, e.do("POST", collection, huge), http.StatusRequestEntityTooLarge, CodePayloadTooLarge, collection, "larger than")

	h := http.Header{"Authorization": {"Bearer " + testKey}, "Content-Type": {"text/plain"}}
	r := e.raw("POST", collection, `{"name":"a","provider":"OPEN_AI"}`, h)
	wantProblem(t, r, http.StatusUnsupportedMediaType, CodeUnsupportedMediaType, collection, "Content-Type")

	// A charset parameter is fine, and so is no Content-Type at all.
	h.Set("Content-Type", "application/json; charset=utf-8")
	if r := e.raw("POST", collection, `{"name":"a","provider":"OPEN_AI"}`, h); r.status != http.StatusCreated {
		t.Errorf("with charset: %d %s", r.status, r.body)
	}
	h.Del("Content-Type")
	if r := e.raw("POST", collection, `{"name":"b","provider":"OPEN_AI"}`, h); r.status != http.StatusCreated {
		t.Errorf("without Content-Type: %d %s", r.status, r.body)
	}
}

// TestSecretsNeverEchoed sends secrets through every failing path and checks
// that no answer, success or problem, ever contains them.
func TestSecretsNeverEchoed(t *testing.T) {
	e := newEnv(t)
	const secret = "LEAKME"
	bodies := []string{
		`{"name":"a","provider":"OPEN_AI","api_key":"sk-` + secret + `","base_url":"ftp://u:` + secret + `@x"}`,
		`{"name":"a","provider":"OPEN_AI","api_key":"sk-` + secret + `","headers":{"Authorization":7}}`,
		`{"name":"a","provider":"OPEN_AI","headers":{"Authorization":"Bearer ` + secret + `","":"` + secret + `"}}`,
		`{"name":"a","provider":"OPEN_AI","headers":{"X":"` + secret + strings.Repeat("y", 9000) + `"}}`,
		`{"name":"a","provider":"OPENAI","api_key":"sk-` + secret + `"}`,
		`{"name":"a","provider":"OPEN_AI","api_key":"sk-` + secret + `","unknown":1}`,
		`{"name":"a","provider":"OPEN_AI","api_key":"sk-` + secret + `","base_url":"https://u:` + secret + `@proxy.example"}`, // succeeds
		`{"name":"a","provider":"OPEN_AI","api_key":"sk-` + secret + `"}`,                                                     // 409
	}
	for _, b := range bodies {
		r := e.do("POST", collection, b)
		if strings.Contains(string(r.body), "sk-"+secret) || (r.status >= 400 && strings.Contains(string(r.body), secret)) {
			t.Errorf("status %d echoes a secret: %s", r.status, r.body)
		}
	}
	id := e.srv.List()[0].ID
	for _, b := range []string{`{"api_key":"sk-` + secret + `","base_url":"mailto:` + secret + `"}`, `{"api_key":"sk-` + secret + `"}`} {
		r := e.do("PATCH", itemPath(id), b)
		if strings.Contains(string(r.body), "sk-"+secret) {
			t.Errorf("PATCH %d echoes the api key: %s", r.status, r.body)
		}
	}
	r := e.raw("GET", collection, "", http.Header{"Authorization": {"Bearer " + secret}})
	wantProblem(t, r, http.StatusUnauthorized, CodeUnauthorized, collection, "")
	if strings.Contains(string(r.body), secret) {
		t.Errorf("401 echoes the key: %s", r.body)
	}
	var list map[string]json.RawMessage
	_ = json.Unmarshal(e.do("GET", collection, "").body, &list)
	if strings.Contains(string(list["ai_integrations"]), "sk-"+secret) {
		t.Errorf("list echoes the api key")
	}
}
