package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

func ptr[T any](v T) *T { return &v }

// apiFull is an integration with every field set, as the API returns it.
func apiFull() *arize.Integration {
	return &arize.Integration{
		ID: "TGxtSW50ZWdyYXRpb246MTI6YUJjRA==", Name: "full", Provider: arize.ProviderAWSBedrock, HasAPIKey: true,
		BaseURL: ptr("https://proxy.example.com"), ModelNames: []string{"b", "a"}, Headers: map[string]string{"X-A": "1"},
		EnableDefaultModels: true, FunctionCallingEnabled: false, AuthType: arize.AuthTypeProxyWithHeaders,
		ProviderMetadata: &arize.ProviderMetadata{AWS: &arize.AWSMetadata{RoleARN: "arn:r", ExternalID: "e"}},
		Scopings:         []arize.Scoping{{OrganizationID: ptr("org")}, {OrganizationID: ptr("org"), SpaceID: ptr("space")}},
		CreatedAt:        "2026-02-13T21:27:19.055Z", UpdatedAt: "2026-02-13T21:27:19.279Z", CreatedByUserID: "VXNlcjoxOm5OYkM=",
	}
}

func modelFrom(t *testing.T, in *arize.Integration) aiIntegrationModel {
	t.Helper()
	var m aiIntegrationModel
	if diags := m.setFromAPI(context.Background(), in); diags.HasError() {
		t.Fatalf("setFromAPI: %v", diags)
	}
	return m
}

func TestSetFromAPI_normalisesEmptyForms(t *testing.T) {
	// Every spelling of "nothing" the API may use reads back as the value the
	// schema gives an omitted attribute, so none of them shows as a diff.
	empties := []*arize.Integration{
		{Name: "n", Provider: arize.ProviderOpenAI, AuthType: arize.AuthTypeDefault},
		{Name: "n", Provider: arize.ProviderOpenAI, AuthType: arize.AuthTypeDefault, BaseURL: ptr(""), ModelNames: []string{},
			Headers: map[string]string{}, Scopings: []arize.Scoping{{}}, ProviderMetadata: &arize.ProviderMetadata{Kind: "FUTURE"}},
		{Name: "n", Provider: arize.ProviderOpenAI, AuthType: arize.AuthTypeDefault, Scopings: []arize.Scoping{}},
	}
	for i, in := range empties {
		m := modelFrom(t, in)
		if !m.BaseURL.IsNull() || !m.ModelNames.IsNull() || !m.Headers.IsNull() || !m.ProviderMetadata.IsNull() {
			t.Errorf("case %d: empty forms not read as null: %+v", i, m)
		}
		if m.Scopings.IsNull() || len(m.Scopings.Elements()) != 0 {
			t.Errorf("case %d: account-wide scopings = %v, want the empty list", i, m.Scopings)
		}
	}
}

func TestSetFromAPI_keepsValues(t *testing.T) {
	m := modelFrom(t, apiFull())
	ctx := context.Background()
	var names []string
	m.ModelNames.ElementsAs(ctx, &names, false)
	if len(names) != 2 || names[0] != "b" {
		t.Errorf("model_names = %v: order must be kept", names)
	}
	if got := len(m.Scopings.Elements()); got != 2 {
		t.Fatalf("scopings has %d entries, want 2", got)
	}
	first := m.Scopings.Elements()[0].(types.Object).Attributes()
	if !first["space_id"].IsNull() || first["organization_id"].(types.String).ValueString() != "org" {
		t.Errorf("first scoping = %v, want org with a null space", first)
	}
	aws := m.ProviderMetadata.Attributes()["aws"].(types.Object).Attributes()
	if aws["external_id"].(types.String).ValueString() != "e" || !m.ProviderMetadata.Attributes()["gcp"].IsNull() {
		t.Errorf("provider_metadata = %v", m.ProviderMetadata)
	}
	noExternal := apiFull()
	noExternal.ProviderMetadata.AWS.ExternalID = ""
	aws = modelFrom(t, noExternal).ProviderMetadata.Attributes()["aws"].(types.Object).Attributes()
	if !aws["external_id"].IsNull() {
		t.Errorf("an empty external_id reads as %v, want null", aws["external_id"])
	}
}

func TestUpdateRequest_sendsOnlyWhatChanged(t *testing.T) {
	ctx := context.Background()
	noKey := types.StringNull()
	tests := []struct {
		name    string
		change  func(*aiIntegrationModel)
		sendKey bool
		key     types.String
		want    string
	}{
		{"nothing", func(*aiIntegrationModel) {}, false, noKey, `{}`},
		{"rename", func(m *aiIntegrationModel) { m.Name = types.StringValue("renamed") }, false, noKey, `{"name":"renamed"}`},
		{"clear base_url", func(m *aiIntegrationModel) { m.BaseURL = types.StringNull() }, false, noKey, `{"base_url":null}`},
		{"clear model_names", func(m *aiIntegrationModel) { m.ModelNames = types.ListNull(types.StringType) }, false, noKey, `{"model_names":[]}`},
		{"clear headers", func(m *aiIntegrationModel) { m.Headers = types.MapNull(types.StringType) }, false, noKey, `{"headers":null}`},
		{"clear provider_metadata", func(m *aiIntegrationModel) { m.ProviderMetadata = types.ObjectNull(providerMetadataAttrTypes) }, false, noKey, `{"provider_metadata":null}`},
		{"account-wide again", func(m *aiIntegrationModel) { m.Scopings = types.ListValueMust(scopingObjectType, []attr.Value{}) }, false, noKey,
			`{"scopings":[{"organization_id":null,"space_id":null}]}`},
		{"reorder models", func(m *aiIntegrationModel) {
			m.ModelNames = types.ListValueMust(types.StringType, []attr.Value{types.StringValue("a"), types.StringValue("b")})
		}, false, noKey, `{"model_names":["a","b"]}`},
		{"booleans and auth type", func(m *aiIntegrationModel) {
			m.EnableDefaultModels = types.BoolValue(false)
			m.FunctionCallingEnabled = types.BoolValue(true)
			m.AuthType = enumOf("default")
		}, false, noKey, `{"enable_default_models":false,"function_calling_enabled":true,"auth_type":"default"}`},
		{"auth type respelt", func(m *aiIntegrationModel) { m.AuthType = enumOf("proxy_with_headers") }, false, noKey, `{}`},
		{"rotate", func(*aiIntegrationModel) {}, true, types.StringValue("sk-new"), `{"api_key":"sk-new"}`},
		{"remove key", func(*aiIntegrationModel) {}, true, noKey, `{"api_key":null}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			state := modelFrom(t, apiFull())
			plan := modelFrom(t, apiFull())
			tt.change(&plan)
			req, diags := plan.updateRequest(ctx, &state, tt.sendKey, tt.key)
			if diags.HasError() {
				t.Fatal(diags)
			}
			got, err := json.Marshal(req)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("PATCH body = %s, want %s", got, tt.want)
			}
			if req.IsEmpty() != (tt.want == `{}`) {
				t.Errorf("IsEmpty = %t for %s", req.IsEmpty(), got)
			}
		})
	}
}

func TestCreateRequest_omitsUnset(t *testing.T) {
	m := modelFrom(t, &arize.Integration{Name: "n", Provider: arize.ProviderOpenAI, AuthType: arize.AuthTypeDefault, FunctionCallingEnabled: true})
	req, diags := m.createRequest(context.Background(), types.StringNull())
	if diags.HasError() {
		t.Fatal(diags)
	}
	got, _ := json.Marshal(req)
	want := `{"name":"n","provider":"OPEN_AI","enable_default_models":false,"function_calling_enabled":true,"auth_type":"DEFAULT"}`
	if string(got) != want {
		t.Errorf("POST body = %s, want %s", got, want)
	}

	full := modelFrom(t, apiFull())
	req, diags = full.createRequest(context.Background(), types.StringValue("sk-1"))
	if diags.HasError() {
		t.Fatal(diags)
	}
	got, _ = json.Marshal(req)
	want = `{"name":"full","provider":"AWS_BEDROCK","api_key":"sk-1","base_url":"https://proxy.example.com","model_names":["b","a"],` +
		`"headers":{"X-A":"1"},"enable_default_models":true,"function_calling_enabled":false,"auth_type":"PROXY_WITH_HEADERS",` +
		`"provider_metadata":{"kind":"AWS","role_arn":"arn:r","external_id":"e"},` +
		`"scopings":[{"organization_id":"org","space_id":null},{"organization_id":"org","space_id":"space"}]}`
	if string(got) != want {
		t.Errorf("POST body =\n%s\nwant\n%s", got, want)
	}
}

// FuzzSetFromAPI reads any integration the client can decode into the
// resource's state, then builds the create that would make that state again:
// the round trip must give back what the API sent, field by field, after the
// normalisations setFromAPI documents ("" and null, [] and null, account-wide
// scopings). A field lost or changed on the way is a diff after import, or a
// create that makes something else. (make testsoak fuzzes it.)
func FuzzSetFromAPI(f *testing.F) {
	for _, seed := range []string{
		`{"id":"SUQ=","name":"n","provider":"openAI","has_api_key":true,"model_names":["a","b"],"scopings":[{}]}`,
		`{"provider":"awsBedrock","provider_metadata":{"kind":"AWS","role_arn":"r"},"scopings":[{"organization_id":"o","space_id":null}]}`,
		`{"provider":"AWS_BEDROCK","provider_metadata":{"kind":"AWS","role_arn":"r","external_id":""},"enable_default_models":true}`,
		`{"provider":"vertexAI","provider_metadata":{"kind":"GCP","project_id":"p","location":"l","project_access_label":"x"}}`,
		`{"provider_metadata":{"kind":"FUTURE"},"headers":{},"model_names":[],"base_url":""}`,
		`{"scopings":[{"organization_id":null,"space_id":"s"},{}]}`,
		`{"scopings":[{},{"organization_id":null,"space_id":null}],"function_calling_enabled":true}`,
		`{"headers":{"X-A":"1","":""},"auth_type":"BEARER_TOKEN","base_url":"https://x.example.com"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var in arize.Integration
		if json.Unmarshal(body, &in) != nil {
			return
		}
		ctx := context.Background()
		var state aiIntegrationModel
		if diags := state.setFromAPI(ctx, &in); diags.HasError() {
			t.Fatalf("setFromAPI(%s): %v", body, diags)
		}
		// The config's key, when Arize holds one: write-only, so never in state.
		key := types.StringNull()
		if in.HasAPIKey {
			key = types.StringValue("sk-fuzz")
		}
		out, diags := state.createRequest(ctx, key)
		if diags.HasError() {
			t.Fatalf("createRequest after reading %s: %v", body, diags)
		}
		for _, mismatch := range roundTripMismatches(&in, &out) {
			t.Errorf("%s: %s", body, mismatch)
		}
	})
}

// roundTripMismatches compares an integration as the API sent it with the
// create built from the state it was read into, and names each field that
// did not survive.
func roundTripMismatches(in *arize.Integration, out *arize.CreateRequest) []string {
	var bad []string
	check := func(field string, same bool, created, read any) {
		if !same {
			bad = append(bad, fmt.Sprintf("%s: the create sends %v for %v from the API", field, created, read))
		}
	}
	baseURL := ""
	if in.BaseURL != nil {
		baseURL = *in.BaseURL
	}
	check("name", out.Name == in.Name, out.Name, in.Name)
	// Enum values keep the server's spelling: the client respells on send.
	check("provider", out.Provider == in.Provider, out.Provider, in.Provider)
	check("auth_type", out.AuthType == in.AuthType, out.AuthType, in.AuthType)
	check("api_key", (out.APIKey != "") == in.HasAPIKey, out.APIKey != "", in.HasAPIKey)
	check("base_url", out.BaseURL == baseURL, out.BaseURL, baseURL)                                  // "" and null are one
	check("model_names", slices.Equal(out.ModelNames, in.ModelNames), out.ModelNames, in.ModelNames) // [] and null are one
	check("headers", maps.Equal(out.Headers, in.Headers), out.Headers, in.Headers)                   // {} and null are one
	check("enable_default_models", out.EnableDefaultModels != nil && *out.EnableDefaultModels == in.EnableDefaultModels,
		out.EnableDefaultModels, in.EnableDefaultModels)
	check("function_calling_enabled", out.FunctionCallingEnabled != nil && *out.FunctionCallingEnabled == in.FunctionCallingEnabled,
		out.FunctionCallingEnabled, in.FunctionCallingEnabled)

	// A kind of metadata the provider does not know reads as none.
	var wantAWS *arize.AWSMetadata
	var wantGCP *arize.GCPMetadata
	if in.ProviderMetadata != nil {
		wantAWS, wantGCP = in.ProviderMetadata.AWS, in.ProviderMetadata.GCP
	}
	var gotAWS *arize.AWSMetadata
	var gotGCP *arize.GCPMetadata
	if out.ProviderMetadata != nil {
		gotAWS, gotGCP = out.ProviderMetadata.AWS, out.ProviderMetadata.GCP
		check("provider_metadata", gotAWS != nil || gotGCP != nil, out.ProviderMetadata, "an empty object")
	}
	check("provider_metadata.aws", reflect.DeepEqual(gotAWS, wantAWS), gotAWS, wantAWS) // external_id "" and null are one
	check("provider_metadata.gcp", reflect.DeepEqual(gotGCP, wantGCP), gotGCP, wantGCP)

	// Scopings that are all account-wide ([], null, [{}], nulls) are the
	// empty list, sent as none; any other list is kept whole, in order.
	wantScopings := in.Scopings
	if !slices.ContainsFunc(in.Scopings, func(s arize.Scoping) bool { return !s.IsAccountWide() }) {
		wantScopings = nil
	}
	check("scopings", len(out.Scopings) == len(wantScopings) && (len(wantScopings) == 0 || reflect.DeepEqual(out.Scopings, wantScopings)),
		scopingsText(out.Scopings), scopingsText(wantScopings))
	return bad
}

func scopingsText(scopings []arize.Scoping) string {
	parts := make([]string, len(scopings))
	for i, s := range scopings {
		parts[i] = fmt.Sprintf("{%v %v}", deref(s.OrganizationID), deref(s.SpaceID))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func deref(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestNestedAttrTypesMatchSchema: the attribute types derived from the
// models are the ones the resource and data source schemas declare, so a
// nested attribute added to one and not the other fails here.
func TestNestedAttrTypesMatchSchema(t *testing.T) {
	ctx := context.Background()
	var rs resource.SchemaResponse
	NewAIIntegrationResource().Schema(ctx, resource.SchemaRequest{}, &rs)
	var ds datasource.SchemaResponse
	NewAIIntegrationDataSource().Schema(ctx, datasource.SchemaRequest{}, &ds)
	want := map[string]attr.Type{
		"provider_metadata": types.ObjectType{AttrTypes: providerMetadataAttrTypes},
		"scopings":          types.ListType{ElemType: scopingObjectType},
	}
	for name, typ := range want {
		if got := rs.Schema.Attributes[name].GetType(); !got.Equal(typ) {
			t.Errorf("resource %s: schema %s, model %s", name, got, typ)
		}
		if got := ds.Schema.Attributes[name].GetType(); !got.Equal(typ) {
			t.Errorf("data source %s: schema %s, model %s", name, got, typ)
		}
	}
	if len(scopingAttrTypes) != 2 || len(awsMetadataAttrTypes) != 2 || len(gcpMetadataAttrTypes) != 3 {
		t.Errorf("derived %v %v %v", scopingAttrTypes, awsMetadataAttrTypes, gcpMetadataAttrTypes)
	}
}
