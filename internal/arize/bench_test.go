package arize

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// The benchmarks of the client's own costs: encoding the bodies it sends,
// decoding the ones it receives, and one call over loopback. make bench
// includes them in docs/benchmarks.md.

// benchIntegrationJSON is an integration as the API answers it, with every
// kind of field set.
const benchIntegrationJSON = `{"id":"TGxtSW50ZWdyYXRpb246MTI6YWJjZA==","name":"Production gateway",` +
	`"provider":"custom","has_api_key":true,"model_names":["gpt-4o","gpt-4o-mini","claude-sonnet"],` +
	`"enable_default_models":false,"function_calling_enabled":true,"auth_type":"proxy_with_headers",` +
	`"scopings":[{"organization_id":"T3JnOjE=","space_id":"U3BhY2U6MQ=="}],` +
	`"created_at":"2026-02-13T21:27:19.055Z","updated_at":"2026-02-13T21:27:19.055Z",` +
	`"created_by_user_id":"VXNlcjoxOm5OYkM=","base_url":"https://gateway.example.com/v1",` +
	`"headers":{"X-Team":"platform","X-Gateway-Key":"gw-123"}}`

func benchCreateRequest() CreateRequest {
	return CreateRequest{
		Name: "Production gateway", Provider: ProviderCustom, APIKey: "sk-bench", BaseURL: "https://gateway.example.com/v1",
		ModelNames: []string{"gpt-4o", "gpt-4o-mini", "claude-sonnet"},
		Headers:    map[string]string{"X-Team": "platform", "X-Gateway-Key": "gw-123"},
		AuthType:   AuthTypeProxyWithHeaders,
		Scopings:   []Scoping{{OrganizationID: ptr("T3JnOjE="), SpaceID: ptr("U3BhY2U6MQ==")}},
	}
}

func BenchmarkEncodeCreate(b *testing.B) {
	in := benchCreateRequest()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeUpdate(b *testing.B) {
	// What the provider sends when one list and a cleared field changed.
	in := UpdateRequest{ModelNames: Value([]string{"gpt-4o", "gpt-4o-mini", "rev-2"}), BaseURL: Null[string]()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeIntegration(b *testing.B) {
	body := []byte(benchIntegrationJSON)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var out Integration
		if err := json.Unmarshal(body, &out); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeListPage decodes a full page of 100 integrations.
func BenchmarkDecodeListPage(b *testing.B) {
	body := []byte(`{"ai_integrations":[`)
	for i := range 100 {
		if i > 0 {
			body = append(body, ',')
		}
		body = append(body, benchIntegrationJSON...)
	}
	body = append(body, `],"pagination":{"has_more":true,"next_cursor":"djE6MTAwOjE"}}`...)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var out ListPage
		if err := json.Unmarshal(body, &out); err != nil {
			b.Fatal(err)
		}
	}
}

// benchClient is a client of a fresh emulator on a loopback listener.
func benchClient(b *testing.B) *Client {
	b.Helper()
	emu := emulator.New(emulator.Options{APIKey: testKey})
	hs := httptest.NewServer(emu)
	b.Cleanup(hs.Close)
	c, err := New(fastConfig(hs.URL))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkClientGet is one GET through the whole client (retry wrapper,
// logging transport, pooled keep-alive connection, decoding) and the
// emulator, over loopback.
func BenchmarkClientGet(b *testing.B) {
	c := benchClient(b)
	ctx := context.Background()
	created, err := c.Create(ctx, benchCreateRequest())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Get(ctx, created.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClientCreate is one POST through the whole client.
func BenchmarkClientCreate(b *testing.B) {
	c := benchClient(b)
	ctx := context.Background()
	in := benchCreateRequest()
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		in.Name = fmt.Sprintf("bench-%d", i)
		if _, err := c.Create(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}
