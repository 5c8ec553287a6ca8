package arize

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecodeResponse feeds arbitrary bytes to everything the client does
// with a response body: decoding an integration and a list page, building
// an APIError, and masking the body for the log.
func FuzzDecodeResponse(f *testing.F) {
	for _, seed := range []string{
		`{"id":"SUQ=","name":"n","provider":"openAI","has_api_key":true,"model_names":["a"],"enable_default_models":false,"function_calling_enabled":true,"auth_type":"default","scopings":[{}],"created_at":"2026-02-13T21:27:19.055Z","updated_at":"2026-02-13T21:27:19.279Z","created_by_user_id":"VXNlcjoxOm5OYkM=","base_url":null}`,
		`{"provider_metadata":{"kind":"AWS","role_arn":"r","external_id":"e"},"headers":{"X-A":"secret-header"}}`,
		`{"provider_metadata":{"project_id":"p"},"provider":"VERTEX_AI","auth_type":"PROXY_WITH_HEADERS"}`,
		`{"ai_integrations":[{"id":"a"}],"pagination":{"has_more":true,"next_cursor":"c"}}`,
		`{"status":422,"title":"Unprocessable Entity","detail":"bad","error_code":"validation_error"}`,
		`{"api_key":"sk-should-be-masked","nested":[{"api_key":"sk-also-masked"}]}`,
		`<html><body>502 Bad Gateway</body></html>`,
		"\xff\xfe not utf-8 \xc3",
		`null`, `[]`, `{"scopings":null,"model_names":null,"headers":null}`, ``,
	} {
		f.Add([]byte(seed), 500)
	}
	f.Fuzz(func(t *testing.T, body []byte, status int) {
		var in Integration
		_ = json.Unmarshal(body, &in)
		var listed ListPage
		_ = json.Unmarshal(body, &listed)
		items := page[Integration]{itemsField: integrationsField}
		_ = json.Unmarshal(body, &items)

		e := newAPIError(http.MethodPost, integrationsPath, status, http.Header{"Retry-After": {string(body)}}, body)
		msg := e.Error()
		if !utf8.ValidString(msg) {
			t.Errorf("APIError text is not valid UTF-8: %q", msg)
		}
		if e.RetryAfter < 0 {
			t.Errorf("negative Retry-After %s", e.RetryAfter)
		}

		masked := maskBody(body)
		var probe struct {
			APIKey any `json:"api_key"`
		}
		if json.Unmarshal(body, &probe) == nil {
			// A key of some length, present once in the body, must be gone.
			if key, ok := probe.APIKey.(string); ok && len(key) >= 8 && key != masked && bytes.Count(body, []byte(key)) == 1 &&
				strings.Contains(masked, key) {
				t.Errorf("maskBody kept the api key %q in %s", key, masked)
			}
		}
	})
}
