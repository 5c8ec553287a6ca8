package emulator

import (
	"net/http"
	"reflect"
	"testing"
	"time"
)

// fullBody creates an integration with every optional field set.
const fullBody = `{"name":"full","provider":"OPEN_AI","api_key":"sk-1","base_url":"https://proxy.example.com/v1",
	"model_names":["gpt-4","gpt-4o"],"headers":{"X-A":"1"},"enable_default_models":true,
	"function_calling_enabled":false,"auth_type":"PROXY_WITH_HEADERS",
	"scopings":[{"organization_id":"` + orgID + `","space_id":"` + spaceProd + `"}]}`

const bedrockBody = `{"name":"bedrock","provider":"AWS_BEDROCK","enable_default_models":true,
	"provider_metadata":{"kind":"AWS","role_arn":"arn:r","external_id":"e"}}`

func TestPatchSemantics(t *testing.T) {
	tests := []struct {
		name   string
		create string
		patch  string
		// changes are the members expected to differ from the created object
		// (besides updated_at); "-" means the member must now be absent.
		changes map[string]any
		apiKey  string // the stored key afterwards
	}{
		{name: "rename", create: fullBody, patch: `{"name":"renamed"}`, changes: map[string]any{"name": "renamed"}, apiKey: "sk-1"},
		{name: "same name is no clash", create: fullBody, patch: `{"name":"full"}`, changes: map[string]any{}, apiKey: "sk-1"},
		{name: "rotate api key", create: fullBody, patch: `{"api_key":"sk-2"}`, changes: map[string]any{}, apiKey: "sk-2"},
		{name: "null clears api key", create: fullBody, patch: `{"api_key":null}`, changes: map[string]any{"has_api_key": false}, apiKey: ""},
		{name: "empty api key clears it too", create: fullBody, patch: `{"api_key":""}`, changes: map[string]any{"has_api_key": false}, apiKey: ""},
		{name: "set api key", create: `{"name":"n","provider":"OPEN_AI"}`, patch: `{"api_key":"sk-3"}`, changes: map[string]any{"has_api_key": true}, apiKey: "sk-3"},
		{name: "null clears base_url", create: fullBody, patch: `{"base_url":null}`, changes: map[string]any{"base_url": nil}, apiKey: "sk-1"},
		{name: "change base_url", create: fullBody, patch: `{"base_url":"http://127.0.0.1:8080"}`, changes: map[string]any{"base_url": "http://127.0.0.1:8080"}, apiKey: "sk-1"},
		{name: "null clears headers", create: fullBody, patch: `{"headers":null}`, changes: map[string]any{"headers": "-"}, apiKey: "sk-1"},
		{name: "headers replace the map", create: fullBody, patch: `{"headers":{"X-B":"2"}}`, changes: map[string]any{"headers": map[string]any{"X-B": "2"}}, apiKey: "sk-1"},
		{name: "null clears model_names", create: fullBody, patch: `{"model_names":null}`, changes: map[string]any{"model_names": nil}, apiKey: "sk-1"},
		{name: "model_names replace the list", create: fullBody, patch: `{"model_names":["o1"]}`, changes: map[string]any{"model_names": []any{"o1"}}, apiKey: "sk-1"},
		{name: "null scopings are account-wide", create: fullBody, patch: `{"scopings":null}`, changes: map[string]any{"scopings": []any{map[string]any{}}}, apiKey: "sk-1"},
		{name: "empty scopings are account-wide", create: fullBody, patch: `{"scopings":[]}`, changes: map[string]any{"scopings": []any{map[string]any{}}}, apiKey: "sk-1"},
		{name: "scopings replace the list", create: fullBody, patch: `{"scopings":[{"organization_id":"O2"}]}`,
			changes: map[string]any{"scopings": []any{map[string]any{"organization_id": "O2", "space_id": nil}}}, apiKey: "sk-1"},
		{name: "booleans and auth type", create: fullBody, patch: `{"enable_default_models":false,"function_calling_enabled":true,"auth_type":"DEFAULT"}`,
			changes: map[string]any{"enable_default_models": false, "function_calling_enabled": true, "auth_type": "DEFAULT"}, apiKey: "sk-1"},
		{name: "switch to bedrock with metadata in the same call", create: fullBody,
			patch:   `{"provider":"AWS_BEDROCK","provider_metadata":{"kind":"AWS","role_arn":"arn:x"}}`,
			changes: map[string]any{"provider": "AWS_BEDROCK", "provider_metadata": map[string]any{"kind": "AWS", "role_arn": "arn:x"}}, apiKey: "sk-1"},
		{name: "leave bedrock clearing metadata", create: bedrockBody, patch: `{"provider":"ANTHROPIC","provider_metadata":null}`,
			changes: map[string]any{"provider": "ANTHROPIC", "provider_metadata": "-"}},
		{name: "bedrock: model names instead of defaults", create: bedrockBody, patch: `{"enable_default_models":false,"model_names":["claude"]}`,
			changes: map[string]any{"enable_default_models": false, "model_names": []any{"claude"}}},
		{name: "bedrock: null clears metadata", create: bedrockBody, patch: `{"provider_metadata":null}`,
			changes: map[string]any{"provider_metadata": "-"}},
		{name: "bedrock: replace metadata", create: bedrockBody, patch: `{"provider_metadata":{"kind":"AWS","role_arn":"arn:new"}}`,
			changes: map[string]any{"provider_metadata": map[string]any{"kind": "AWS", "role_arn": "arn:new"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			before := e.create(tt.create)
			id := before["id"].(string)
			e.clock.Advance(1500 * time.Millisecond)
			r := e.do("PATCH", itemPath(id), tt.patch)
			if r.status != http.StatusOK {
				t.Fatalf("PATCH %s: %d %s", tt.patch, r.status, r.body)
			}
			after := r.json(t)
			want := map[string]any{}
			for k, v := range before {
				want[k] = v
			}
			want["updated_at"] = "2026-02-13T21:27:20.555Z"
			for k, v := range tt.changes {
				if v == "-" {
					delete(want, k)
				} else {
					want[k] = v
				}
			}
			if !reflect.DeepEqual(after, want) {
				t.Errorf("after PATCH\n got %v\nwant %v", after, want)
			}
			if got := e.do("GET", itemPath(id), ""); !reflect.DeepEqual(got.json(t), after) {
				t.Errorf("GET differs from PATCH answer: %s", got.body)
			}
			if stored, _ := e.srv.Get(id); stored.APIKey != tt.apiKey {
				t.Errorf("stored api key %q, want %q", stored.APIKey, tt.apiKey)
			}
		})
	}
}

func TestPatchErrorsChangeNothing(t *testing.T) {
	tests := []struct {
		name   string
		create string
		patch  string
		status int
		code   string
		detail string
	}{
		{"empty object", fullBody, `{}`, 400, CodeInvalidRequest, "at least one field"},
		{"empty body", fullBody, ``, 400, CodeInvalidRequest, "request body is required"},
		{"malformed", fullBody, `{"name":}`, 400, CodeInvalidRequest, "not valid JSON"},
		{"unknown field", fullBody, `{"name":"x","created_at":"2020-01-01T00:00:00Z"}`, 400, CodeInvalidRequest, `"created_at"`},
		{"wrong type", fullBody, `{"model_names":"gpt"}`, 400, CodeInvalidRequest, "model_names must be an array"},
		{"null name", fullBody, `{"name":null}`, 422, CodeValidationError, "name must not be null"},
		{"null provider", fullBody, `{"provider":null}`, 422, CodeValidationError, "provider must not be null"},
		{"null auth_type", fullBody, `{"auth_type":null}`, 422, CodeValidationError, "auth_type must not be null"},
		{"null enable_default_models", fullBody, `{"enable_default_models":null}`, 422, CodeValidationError, "enable_default_models must not be null"},
		{"null function_calling_enabled", fullBody, `{"function_calling_enabled":null}`, 422, CodeValidationError, "function_calling_enabled must not be null"},
		{"blank name", fullBody, `{"name":""}`, 422, CodeValidationError, "name is required"},
		{"bad base_url", fullBody, `{"base_url":"proxy.example.com"}`, 422, CodeValidationError, "base_url"},
		{"switch to bedrock without metadata", fullBody, `{"provider":"AWS_BEDROCK"}`, 422, CodeValidationError, "switching provider to AWS_BEDROCK needs provider_metadata"},
		{"switch to vertex without metadata", fullBody, `{"provider":"VERTEX_AI"}`, 422, CodeValidationError, "switching provider to VERTEX_AI needs provider_metadata"},
		{"metadata left for the wrong provider", bedrockBody, `{"provider":"OPEN_AI"}`, 422, CodeValidationError, "kind AWS is only allowed with provider AWS_BEDROCK"},
		{"switch to bedrock with null metadata", fullBody, `{"provider":"AWS_BEDROCK","provider_metadata":null}`, 422, CodeValidationError, "switching provider to AWS_BEDROCK needs provider_metadata"},
		{"bedrock loses its model source", bedrockBody, `{"enable_default_models":false}`, 422, CodeValidationError, "model_names"},
		{"metadata on OPEN_AI", fullBody, `{"provider_metadata":{"kind":"AWS","role_arn":"r"}}`, 422, CodeValidationError, "kind AWS"},
		{"space without organization", fullBody, `{"scopings":[{"space_id":"S"}]}`, 422, CodeValidationError, "scopings[0].organization_id is required"},
		{"valid change with an invalid one", fullBody, `{"name":"ok","auth_type":"nope"}`, 422, CodeValidationError, "auth_type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			id := e.create(tt.create)["id"].(string)
			before, _ := e.srv.Get(id)
			e.clock.Advance(time.Second)
			wantProblem(t, e.do("PATCH", itemPath(id), tt.patch), tt.status, tt.code, itemPath(id), tt.detail)
			after, _ := e.srv.Get(id)
			if !reflect.DeepEqual(before, after) {
				t.Errorf("failed PATCH changed the integration\nbefore %+v\n after %+v", before, after)
			}
		})
	}
}

func TestPatchNameConflict(t *testing.T) {
	e := newEnv(t)
	e.createNamed("first")
	id := e.createNamed("second")
	wantProblem(t, e.do("PATCH", itemPath(id), `{"name":"first"}`), http.StatusConflict, CodeNameConflict, itemPath(id), `"first"`)
	// Renaming frees the old name for others.
	if r := e.do("PATCH", itemPath(id), `{"name":"third"}`); r.status != http.StatusOK {
		t.Fatalf("rename: %d %s", r.status, r.body)
	}
	e.createNamed("second")
}

func TestPatchUpdatedAtAlwaysMovesForward(t *testing.T) {
	e := newEnv(t) // the fake clock stands still unless advanced
	created := e.create(`{"name":"n","provider":"OPEN_AI"}`)
	id := created["id"].(string)
	prev := created["updated_at"].(string)
	for i := range 3 {
		r := e.do("PATCH", itemPath(id), `{"name":"n"}`)
		got := r.json(t)
		if got["created_at"] != created["created_at"] {
			t.Errorf("created_at changed to %v", got["created_at"])
		}
		upd := got["updated_at"].(string)
		if upd <= prev {
			t.Errorf("PATCH %d: updated_at %s not after %s", i, upd, prev)
		}
		prev = upd
	}
	// A clock that goes backwards does not drag updated_at before created_at.
	e.clock.Advance(-time.Hour)
	got := e.do("PATCH", itemPath(id), `{"name":"m"}`).json(t)
	if got["updated_at"].(string) <= prev {
		t.Errorf("updated_at went back to %v", got["updated_at"])
	}
}

func TestItemNotFound(t *testing.T) {
	e := newEnv(t)
	id := e.createNamed("exists")
	gone := e.createNamed("gone")
	e.do("DELETE", itemPath(gone), "")
	ids := map[string]string{
		"deleted":           gone,
		"malformed":         "not-base64!",
		"well-formed other": "TGxtSW50ZWdyYXRpb246OTk5OmFCY0Q=",
		"escaped slash":     "a%2Fb",
		"altered":           id[:len(id)-3] + "x==",
	}
	for name, bad := range ids {
		for _, method := range []string{"GET", "PATCH", "DELETE"} {
			t.Run(name+" "+method, func(t *testing.T) {
				body := ""
				if method == "PATCH" {
					body = `{"name":"x"}`
				}
				wantProblem(t, e.do(method, itemPath(bad), body), http.StatusNotFound, CodeNotFound, "", "not found")
			})
		}
	}
	if e.srv.Len() != 1 {
		t.Errorf("Len %d, want 1", e.srv.Len())
	}
}

func TestDelete(t *testing.T) {
	e := newEnv(t)
	id := e.createNamed("doomed")
	r := e.do("DELETE", itemPath(id), "")
	if r.status != http.StatusNoContent || len(r.body) != 0 {
		t.Fatalf("DELETE: %d %q", r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "" {
		t.Errorf("204 with Content-Type %q", ct)
	}
	wantProblem(t, e.do("GET", itemPath(id), ""), http.StatusNotFound, CodeNotFound, itemPath(id), id)
	wantProblem(t, e.do("DELETE", itemPath(id), ""), http.StatusNotFound, CodeNotFound, itemPath(id), "not found")
}
