package provider

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// FuzzSetFromAPI maps any integration the client can decode into Terraform
// values: it must never fail or panic, and a read of what it wrote must
// give the same values again (a read that does not round-trip is a diff).
func FuzzSetFromAPI(f *testing.F) {
	for _, seed := range []string{
		`{"id":"SUQ=","name":"n","provider":"openAI","has_api_key":true,"model_names":["a","b"],"scopings":[{}]}`,
		`{"provider":"awsBedrock","provider_metadata":{"kind":"AWS","role_arn":"r"},"scopings":[{"organization_id":"o","space_id":null}]}`,
		`{"provider":"vertexAI","provider_metadata":{"kind":"GCP","project_id":"p","location":"l","project_access_label":"x"}}`,
		`{"provider_metadata":{"kind":"FUTURE"},"headers":{},"model_names":[],"base_url":""}`,
		`{"scopings":[{"organization_id":null,"space_id":"s"},{}]}`,
		`{"headers":{"X-A":"1","":""},"auth_type":"BEARER_TOKEN"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var in arize.Integration
		if json.Unmarshal(body, &in) != nil {
			return
		}
		ctx := context.Background()
		var first, second integrationModel
		if diags := first.setFromAPI(ctx, &in); diags.HasError() {
			t.Fatalf("setFromAPI(%s): %v", body, diags)
		}
		if diags := second.setFromAPI(ctx, &in); diags.HasError() || !sameModel(first, second) {
			t.Fatalf("reading %s twice differs", body)
		}
	})
}

func sameModel(a, b integrationModel) bool {
	return a.ID.Equal(b.ID) && a.Name.Equal(b.Name) && a.AIProvider.Equal(b.AIProvider) && a.HasAPIKey.Equal(b.HasAPIKey) &&
		a.BaseURL.Equal(b.BaseURL) && a.ModelNames.Equal(b.ModelNames) && a.Headers.Equal(b.Headers) &&
		a.EnableDefaultModels.Equal(b.EnableDefaultModels) && a.FunctionCallingEnabled.Equal(b.FunctionCallingEnabled) &&
		a.AuthType.Equal(b.AuthType) && a.ProviderMetadata.Equal(b.ProviderMetadata) && a.Scopings.Equal(b.Scopings) &&
		a.CreatedAt.Equal(b.CreatedAt) && a.UpdatedAt.Equal(b.UpdatedAt) && a.CreatedByUserID.Equal(b.CreatedByUserID)
}
