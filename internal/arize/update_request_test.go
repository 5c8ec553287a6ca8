package arize

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
)

// TestUpdateRequestJSON checks the exact bytes of PATCH bodies: absent fields
// left out, nulls written, values written, in a fixed order.
func TestUpdateRequestJSON(t *testing.T) {
	t.Parallel()
	aws := ProviderMetadata{AWS: &AWSMetadata{RoleARN: "arn:r"}}
	tests := []struct {
		name  string
		in    UpdateRequest
		want  string
		empty bool
	}{
		{name: "nothing set", in: UpdateRequest{}, want: `{}`, empty: true},
		{name: "one value", in: UpdateRequest{Name: Value("n")}, want: `{"name":"n"}`},
		{name: "one null", in: UpdateRequest{BaseURL: Null[string]()}, want: `{"base_url":null}`},
		{
			name: "fixed order regardless of declaration",
			in: UpdateRequest{
				Scopings: Value([]Scoping{{OrganizationID: ptr("o"), SpaceID: nil}}),
				Headers:  Null[map[string]string](),
				Name:     Value("n"),
				BaseURL:  Null[string](),
			},
			want: `{"name":"n","base_url":null,"headers":null,"scopings":[{"organization_id":"o","space_id":null}]}`,
		},
		{
			name: "every field null",
			in: UpdateRequest{
				Name: Null[string](), Provider: Null[Provider](), APIKey: Null[string](), BaseURL: Null[string](),
				ModelNames: Null[[]string](), Headers: Null[map[string]string](), EnableDefaultModels: Null[bool](),
				FunctionCallingEnabled: Null[bool](), AuthType: Null[AuthType](), ProviderMetadata: Null[ProviderMetadata](),
				Scopings: Null[[]Scoping](),
			},
			want: `{"name":null,"provider":null,"api_key":null,"base_url":null,"model_names":null,"headers":null,` +
				`"enable_default_models":null,"function_calling_enabled":null,"auth_type":null,"provider_metadata":null,"scopings":null}`,
		},
		{
			name: "every field a value",
			in: UpdateRequest{
				Name: Value("n"), Provider: Value(ProviderAWSBedrock), APIKey: Value("k"), BaseURL: Value("https://b"),
				ModelNames: Value([]string{"z", "a"}), Headers: Value(map[string]string{"B": "2", "A": "1"}),
				EnableDefaultModels: Value(true), FunctionCallingEnabled: Value(true), AuthType: Value(AuthTypeBearerToken),
				ProviderMetadata: Value(aws), Scopings: Value([]Scoping{{OrganizationID: ptr("o"), SpaceID: ptr("s")}}),
			},
			want: `{"name":"n","provider":"AWS_BEDROCK","api_key":"k","base_url":"https://b","model_names":["z","a"],` +
				`"headers":{"A":"1","B":"2"},"enable_default_models":true,"function_calling_enabled":true,"auth_type":"BEARER_TOKEN",` +
				`"provider_metadata":{"kind":"AWS","role_arn":"arn:r"},"scopings":[{"organization_id":"o","space_id":"s"}]}`,
		},
		{
			name: "false and empty values are sent, not omitted",
			in: UpdateRequest{
				EnableDefaultModels: Value(false), FunctionCallingEnabled: Value(false),
				ModelNames: Value([]string{}), Scopings: Value([]Scoping{}), Headers: Value(map[string]string{}),
			},
			want: `{"model_names":[],"headers":{},"enable_default_models":false,"function_calling_enabled":false,"scopings":[]}`,
		},
		{
			name: "GCP metadata",
			in: UpdateRequest{ProviderMetadata: Value(ProviderMetadata{GCP: &GCPMetadata{
				ProjectID: "p", Location: "us-central1", ProjectAccessLabel: "l",
			}})},
			want: `{"provider_metadata":{"kind":"GCP","project_id":"p","location":"us-central1","project_access_label":"l"}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := json.Marshal(tt.in)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("Marshal\n got %s\nwant %s", got, tt.want)
			}
			if e := tt.in.IsEmpty(); e != tt.empty {
				t.Errorf("IsEmpty = %v, want %v", e, tt.empty)
			}
			// The pointer form encodes the same (the provider may pass either).
			if viaPtr, err := json.Marshal(&tt.in); err != nil || string(viaPtr) != tt.want {
				t.Errorf("Marshal(&req) = %s, %v", viaPtr, err)
			}
		})
	}
}

func TestUpdateRequestIsEmptyPerField(t *testing.T) {
	t.Parallel()
	set := map[string]UpdateRequest{
		"name": {Name: Value("")}, "provider": {Provider: Null[Provider]()}, "api_key": {APIKey: Null[string]()},
		"base_url": {BaseURL: Value("")}, "model_names": {ModelNames: Null[[]string]()},
		"headers": {Headers: Null[map[string]string]()}, "enable_default_models": {EnableDefaultModels: Value(false)},
		"function_calling_enabled": {FunctionCallingEnabled: Value(false)}, "auth_type": {AuthType: Value(AuthTypeDefault)},
		"provider_metadata": {ProviderMetadata: Null[ProviderMetadata]()}, "scopings": {Scopings: Value([]Scoping(nil))},
	}
	for name, u := range set {
		if u.IsEmpty() {
			t.Errorf("%s set: IsEmpty true", name)
		}
		b, err := json.Marshal(u)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err != nil || len(m) != 1 || m[name] == nil {
			t.Errorf("%s set: body %s, want exactly that member", name, b)
		}
	}
}

func TestUpdateRequestBadMetadataIsNotSent(t *testing.T) {
	t.Parallel()
	for name, m := range map[string]ProviderMetadata{
		"neither": {},
		"both":    {AWS: &AWSMetadata{RoleARN: "r"}, GCP: &GCPMetadata{ProjectID: "p"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			u := UpdateRequest{Name: Value("n"), ProviderMetadata: Value(m)}
			if _, err := json.Marshal(u); err == nil {
				t.Error("Marshal: no error")
			}
			f := newFixture(t)
			_, err := f.c.Update(context.Background(), "some-id", u)
			if err == nil {
				t.Fatal("Update: no error")
			}
			var apiErr *APIError
			if isAPI := errors.As(err, &apiErr); isAPI {
				t.Errorf("Update error is an API answer (%v): the body should have failed to encode", err)
			}
			if f.emu.Total() != 0 {
				t.Errorf("%d requests sent for a body that cannot be encoded", f.emu.Total())
			}
		})
	}
}
