package arize

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestProviderMetadataMarshal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      ProviderMetadata
		want    string
		wantErr string
	}{
		{
			name: "AWS with external id",
			in:   ProviderMetadata{AWS: &AWSMetadata{RoleARN: "arn:aws:iam::1:role/r", ExternalID: "x"}},
			want: `{"kind":"AWS","role_arn":"arn:aws:iam::1:role/r","external_id":"x"}`,
		},
		{
			name: "AWS without external id omits it",
			in:   ProviderMetadata{AWS: &AWSMetadata{RoleARN: "arn:r"}},
			want: `{"kind":"AWS","role_arn":"arn:r"}`,
		},
		{
			name: "GCP",
			in:   ProviderMetadata{GCP: &GCPMetadata{ProjectID: "p", Location: "us-central1", ProjectAccessLabel: "l"}},
			want: `{"kind":"GCP","project_id":"p","location":"us-central1","project_access_label":"l"}`,
		},
		{
			name: "the variant wins over a stale Kind",
			in:   ProviderMetadata{Kind: "GCP", AWS: &AWSMetadata{RoleARN: "r"}},
			want: `{"kind":"AWS","role_arn":"r"}`,
		},
		{
			name:    "both set",
			in:      ProviderMetadata{AWS: &AWSMetadata{RoleARN: "r"}, GCP: &GCPMetadata{ProjectID: "p"}},
			wantErr: "both",
		},
		{name: "none set", in: ProviderMetadata{}, wantErr: "neither"},
		{name: "only an unknown kind", in: ProviderMetadata{Kind: "AZURE"}, wantErr: "neither"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := json.Marshal(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("Marshal = %s, %v; want an error about %q", got, err, tt.wantErr)
				}
				// Through a pointer inside a create body too.
				if _, err := json.Marshal(CreateRequest{Name: "n", Provider: ProviderOpenAI, ProviderMetadata: &tt.in}); err == nil {
					t.Error("CreateRequest with bad metadata encoded")
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Errorf("Marshal = %s, %v; want %s", got, err, tt.want)
			}
		})
	}
}

func TestProviderMetadataUnmarshal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		want    ProviderMetadata
		wantErr bool
	}{
		{
			name: "AWS",
			in:   `{"kind":"AWS","role_arn":"arn:r","external_id":"x"}`,
			want: ProviderMetadata{Kind: "AWS", AWS: &AWSMetadata{RoleARN: "arn:r", ExternalID: "x"}},
		},
		{
			name: "AWS without external id",
			in:   `{"kind":"AWS","role_arn":"arn:r"}`,
			want: ProviderMetadata{Kind: "AWS", AWS: &AWSMetadata{RoleARN: "arn:r"}},
		},
		{
			name: "GCP",
			in:   `{"kind":"GCP","project_id":"p","location":"eu","project_access_label":"l"}`,
			want: ProviderMetadata{Kind: "GCP", GCP: &GCPMetadata{ProjectID: "p", Location: "eu", ProjectAccessLabel: "l"}},
		},
		{
			name: "members the client does not know are ignored",
			in:   `{"kind":"GCP","project_id":"p","location":"eu","project_access_label":"l","new_member":1}`,
			want: ProviderMetadata{Kind: "GCP", GCP: &GCPMetadata{ProjectID: "p", Location: "eu", ProjectAccessLabel: "l"}},
		},
		{
			name: "unknown kind keeps Kind and does not fail",
			in:   `{"kind":"AZURE","tenant_id":"t"}`,
			want: ProviderMetadata{Kind: "AZURE"},
		},
		{name: "no kind, AWS members", in: `{"role_arn":"r"}`, want: ProviderMetadata{Kind: "AWS", AWS: &AWSMetadata{RoleARN: "r"}}},
		{name: "no kind, GCP members", in: `{"project_id":"p","location":"l","project_access_label":"x"}`,
			want: ProviderMetadata{Kind: "GCP", GCP: &GCPMetadata{ProjectID: "p", Location: "l", ProjectAccessLabel: "x"}}},
		{name: "lower-case kind", in: `{"kind":"aws","role_arn":"r"}`, want: ProviderMetadata{Kind: "AWS", AWS: &AWSMetadata{RoleARN: "r"}}},
		{name: "no kind, no members", in: `{}`, want: ProviderMetadata{}},
		{name: "not an object", in: `"AWS"`, wantErr: true},
		{name: "kind not a string", in: `{"kind":1}`, wantErr: true},
		{name: "AWS member of the wrong type", in: `{"kind":"AWS","role_arn":5}`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			// Start from a dirty value: decoding must replace it, not merge.
			got := ProviderMetadata{Kind: "stale", AWS: &AWSMetadata{RoleARN: "stale"}, GCP: &GCPMetadata{ProjectID: "stale"}}
			err := json.Unmarshal([]byte(tt.in), &got)
			if tt.wantErr {
				if err == nil {
					t.Errorf("Unmarshal(%s) = %+v, want an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Unmarshal(%s): %v", tt.in, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Unmarshal(%s)\n got %s %+v\nwant %s %+v", tt.in, dump(got.AWS), got, dump(tt.want.AWS), tt.want)
			}
		})
	}
}

// TestIntegrationUnmarshal decodes whole objects, including an unknown
// provider_metadata kind, which must not make a read fail.
func TestIntegrationUnmarshal(t *testing.T) {
	t.Parallel()
	body := `{"id":"SUQ=","name":"n","provider":"openAI","has_api_key":true,"model_names":["b","a"],
		"enable_default_models":true,"function_calling_enabled":false,"auth_type":"bearer_token",
		"scopings":[{"organization_id":"o","space_id":null},{}],"created_at":"2026-01-01T00:00:00.000Z",
		"updated_at":"2026-01-02T00:00:00.000Z","created_by_user_id":"VQ==","base_url":null,
		"headers":{"H":"v"},"provider_metadata":{"kind":"FUTURE","x":1},"a_field_added_later":{"x":[1]}}`
	var got Integration
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	want := Integration{
		ID: "SUQ=", Name: "n", Provider: "openAI", HasAPIKey: true, ModelNames: []string{"b", "a"},
		EnableDefaultModels: true, AuthType: "bearer_token",
		Scopings:  []Scoping{{OrganizationID: ptr("o")}, {}},
		CreatedAt: "2026-01-01T00:00:00.000Z", UpdatedAt: "2026-01-02T00:00:00.000Z", CreatedByUserID: "VQ==",
		Headers: map[string]string{"H": "v"}, ProviderMetadata: &ProviderMetadata{Kind: "FUTURE"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}

	var nulls Integration
	if err := json.Unmarshal([]byte(`{"id":"x","model_names":null,"provider_metadata":null,"headers":null,"scopings":null}`), &nulls); err != nil {
		t.Fatal(err)
	}
	if nulls.ModelNames != nil || nulls.ProviderMetadata != nil || nulls.Headers != nil || nulls.Scopings != nil {
		t.Errorf("nulls decoded to %+v", nulls)
	}
}

func TestScopingIsAccountWide(t *testing.T) {
	t.Parallel()
	tests := []struct {
		json string
		want bool
	}{
		{`{}`, true},
		{`{"organization_id":null,"space_id":null}`, true},
		{`{"organization_id":null}`, true},
		{`{"organization_id":"o","space_id":null}`, false},
		{`{"organization_id":"o","space_id":"s"}`, false},
		{`{"organization_id":null,"space_id":"s"}`, false},
	}
	for _, tt := range tests {
		var s Scoping
		if err := json.Unmarshal([]byte(tt.json), &s); err != nil {
			t.Fatalf("%s: %v", tt.json, err)
		}
		if got := s.IsAccountWide(); got != tt.want {
			t.Errorf("%s: IsAccountWide = %v, want %v", tt.json, got, tt.want)
		}
	}
}

// TestScopingMarshalsNulls checks nil ids are sent as null, not omitted.
func TestScopingMarshalsNulls(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   Scoping
		want string
	}{
		{Scoping{}, `{"organization_id":null,"space_id":null}`},
		{Scoping{OrganizationID: ptr("o")}, `{"organization_id":"o","space_id":null}`},
		{Scoping{OrganizationID: ptr("o"), SpaceID: ptr("s")}, `{"organization_id":"o","space_id":"s"}`},
	} {
		if got, err := json.Marshal(tt.in); err != nil || string(got) != tt.want {
			t.Errorf("Marshal(%+v) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

// TestEnumsKeepTheServersSpelling: a decoded value is spelt as the server
// answered, so that import and the data sources can show it as it is, and it
// compares equal to the other spelling with Same.
func TestEnumsKeepTheServersSpelling(t *testing.T) {
	t.Parallel()
	for in, same := range map[string]Provider{
		`"openAI"`: ProviderOpenAI, `"OPEN_AI"`: ProviderOpenAI, `"awsBedrock"`: ProviderAWSBedrock,
		`"NVIDIA_NIM"`: ProviderNvidiaNIM, `"someday"`: Provider("someday"),
	} {
		var got Provider
		if err := json.Unmarshal([]byte(in), &got); err != nil || `"`+string(got)+`"` != in || !got.Same(same) {
			t.Errorf("Provider from %s = %q, %v; want it kept, and the same as %q", in, got, err, same)
		}
	}
	for in, same := range map[string]AuthType{`"default"`: AuthTypeDefault, `"PROXY_WITH_HEADERS"`: AuthTypeProxyWithHeaders} {
		var got AuthType
		if err := json.Unmarshal([]byte(in), &got); err != nil || `"`+string(got)+`"` != in || !got.Same(same) {
			t.Errorf("AuthType from %s = %q, %v; want it kept, and the same as %q", in, got, err, same)
		}
	}
}
