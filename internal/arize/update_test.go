package arize

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"testing"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

func TestField(t *testing.T) {
	t.Parallel()
	var absent Field[string]
	if absent.IsSet() || absent.IsNull() {
		t.Errorf("zero Field: IsSet %v IsNull %v", absent.IsSet(), absent.IsNull())
	}
	if v, ok := absent.Get(); ok || v != "" {
		t.Errorf("zero Field Get = %q, %v", v, ok)
	}
	null := Null[string]()
	if !null.IsSet() || !null.IsNull() {
		t.Errorf("Null: IsSet %v IsNull %v", null.IsSet(), null.IsNull())
	}
	if _, ok := null.Get(); ok {
		t.Error("Null Get reports a value")
	}
	val := Value("x")
	if !val.IsSet() || val.IsNull() {
		t.Errorf("Value: IsSet %v IsNull %v", val.IsSet(), val.IsNull())
	}
	if v, ok := val.Get(); !ok || v != "x" {
		t.Errorf("Value Get = %q, %v", v, ok)
	}
	if zero := Value(""); !zero.IsSet() || zero.IsNull() {
		t.Error("Value(\"\") must be a set, non-null field")
	}
}

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

// fullBedrock is a create request that sets every clearable field.
func fullBedrock(name string) CreateRequest {
	return CreateRequest{
		Name: name, Provider: ProviderAWSBedrock, APIKey: "sk-SECRET-clear-me",
		BaseURL: "https://proxy.example.com", ModelNames: []string{"m1", "m2"},
		Headers:             map[string]string{"X-H": "v"},
		EnableDefaultModels: ptr(true), FunctionCallingEnabled: ptr(false), AuthType: AuthTypeProxyWithHeaders,
		ProviderMetadata: &ProviderMetadata{AWS: &AWSMetadata{RoleARN: "arn:aws:iam::1:role/r", ExternalID: "e"}},
		Scopings:         []Scoping{{OrganizationID: ptr(testOrgID), SpaceID: ptr(testSpaceProd)}},
	}
}

// TestUpdateAgainstEmulator sends PATCHes to the emulator: each changes what
// it sets, clears what it nulls, and leaves everything else as it was.
func TestUpdateAgainstEmulator(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     UpdateRequest
		change func(*Integration)
		stored func(t *testing.T, got emulator.Integration)
	}{
		{
			name:   "null api_key removes the key",
			in:     UpdateRequest{APIKey: Null[string]()},
			change: func(i *Integration) { i.HasAPIKey = false },
			stored: func(t *testing.T, got emulator.Integration) {
				if got.APIKey != "" {
					t.Errorf("stored key %q after null", got.APIKey)
				}
			},
		},
		{
			name: "new api_key rotates it",
			in:   UpdateRequest{APIKey: Value("sk-SECRET-rotated")},
			stored: func(t *testing.T, got emulator.Integration) {
				if got.APIKey != "sk-SECRET-rotated" {
					t.Errorf("stored key %q", got.APIKey)
				}
			},
		},
		{name: "null base_url", in: UpdateRequest{BaseURL: Null[string]()}, change: func(i *Integration) { i.BaseURL = nil }},
		{name: "null headers", in: UpdateRequest{Headers: Null[map[string]string]()}, change: func(i *Integration) { i.Headers = nil }},
		{name: "null model_names", in: UpdateRequest{ModelNames: Null[[]string]()}, change: func(i *Integration) { i.ModelNames = nil }},
		{
			name: "empty model_names list", in: UpdateRequest{ModelNames: Value([]string{})},
			change: func(i *Integration) { i.ModelNames = []string{} },
		},
		{
			name: "null provider_metadata", in: UpdateRequest{ProviderMetadata: Null[ProviderMetadata]()},
			change: func(i *Integration) { i.ProviderMetadata = nil },
			stored: func(t *testing.T, got emulator.Integration) {
				if got.ProviderMetadata != nil {
					t.Errorf("stored metadata %+v after null", got.ProviderMetadata)
				}
			},
		},
		{
			name: "model_names replace the list in order", in: UpdateRequest{ModelNames: Value([]string{"m3", "m1"})},
			change: func(i *Integration) { i.ModelNames = []string{"m3", "m1"} },
		},
		{
			name: "false is sent", in: UpdateRequest{EnableDefaultModels: Value(false)},
			change: func(i *Integration) { i.EnableDefaultModels = false },
		},
		{
			name: "true is sent", in: UpdateRequest{FunctionCallingEnabled: Value(true)},
			change: func(i *Integration) { i.FunctionCallingEnabled = true },
		},
		{
			name: "empty scopings make it account-wide", in: UpdateRequest{Scopings: Value([]Scoping{})},
			change: func(i *Integration) { i.Scopings = []Scoping{{}} },
		},
		{
			name: "scopings replace the list",
			in:   UpdateRequest{Scopings: Value([]Scoping{{OrganizationID: ptr(testOrgID)}, {OrganizationID: ptr(testOrgID), SpaceID: ptr(testSpaceStaging)}})},
			change: func(i *Integration) {
				i.Scopings = []Scoping{{OrganizationID: ptr(testOrgID)}, {OrganizationID: ptr(testOrgID), SpaceID: ptr(testSpaceStaging)}}
			},
		},
		{
			name: "new AWS metadata", in: UpdateRequest{ProviderMetadata: Value(ProviderMetadata{AWS: &AWSMetadata{RoleARN: "arn:new"}})},
			change: func(i *Integration) {
				i.ProviderMetadata = &ProviderMetadata{Kind: MetadataKindAWS, AWS: &AWSMetadata{RoleARN: "arn:new"}}
			},
		},
		{
			name: "every clearable field at once",
			in: UpdateRequest{
				APIKey: Null[string](), BaseURL: Null[string](), ModelNames: Null[[]string](),
				Headers: Null[map[string]string](), ProviderMetadata: Null[ProviderMetadata](),
			},
			change: func(i *Integration) {
				i.HasAPIKey, i.BaseURL, i.ModelNames, i.Headers, i.ProviderMetadata = false, nil, nil, nil, nil
			},
			stored: func(t *testing.T, got emulator.Integration) {
				if got.APIKey != "" || got.BaseURL != "" || got.ModelNames != nil || got.Headers != nil || got.ProviderMetadata != nil {
					t.Errorf("stored %+v, want every clearable field cleared", got)
				}
				if got.Name != "full" || got.AuthType != "PROXY_WITH_HEADERS" || !got.EnableDefaultModels || len(got.Scopings) != 1 {
					t.Errorf("stored %+v: fields that were not sent changed", got)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			ctx := context.Background()
			before, err := f.c.Create(ctx, fullBedrock("full"))
			if err != nil {
				t.Fatalf("Create: %v", err)
			}
			got, err := f.c.Update(ctx, before.ID, tt.in)
			if err != nil {
				t.Fatalf("Update: %v", err)
			}
			want := *before
			want.UpdatedAt = fixedNowPlus1ms
			if tt.change != nil {
				tt.change(&want)
			}
			if !reflect.DeepEqual(*got, want) {
				t.Errorf("Update returned\n got %s\nwant %s", dump(*got), dump(want))
			}
			if read, err := f.c.Get(ctx, before.ID); err != nil || !reflect.DeepEqual(read, got) {
				t.Errorf("Get after Update = %s, %v; want %s", dump(read), err, dump(got))
			}
			if tt.stored != nil {
				stored, _ := f.emu.Get(before.ID)
				tt.stored(t, stored)
			}
			if n := f.emu.Count(http.MethodPatch, emulator.RouteItem); n != 1 {
				t.Errorf("%d PATCHes, want 1", n)
			}
		})
	}
}

// TestUpdateErrors checks the API's refusals come back as *APIError.
func TestUpdateErrors(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	a, err := f.c.Create(ctx, CreateRequest{Name: "a", Provider: ProviderOpenAI})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.c.Create(ctx, CreateRequest{Name: "b", Provider: ProviderOpenAI}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		in     UpdateRequest
		status int
		code   string
	}{
		{"empty body", UpdateRequest{}, http.StatusBadRequest, emulator.CodeInvalidRequest},
		{"name clash", UpdateRequest{Name: Value("b")}, http.StatusConflict, emulator.CodeNameConflict},
		{"null name", UpdateRequest{Name: Null[string]()}, http.StatusUnprocessableEntity, emulator.CodeValidationError},
		{
			"switch to bedrock without metadata", UpdateRequest{Provider: Value(ProviderAWSBedrock), EnableDefaultModels: Value(true)},
			http.StatusUnprocessableEntity, emulator.CodeValidationError,
		},
	}
	for _, tt := range tests {
		_, err := f.c.Update(ctx, a.ID, tt.in)
		var apiErr *APIError
		if !errors.As(err, &apiErr) {
			t.Errorf("%s: %v is not an *APIError", tt.name, err)
			continue
		}
		if apiErr.Status != tt.status || apiErr.ErrorCode != tt.code || apiErr.Method != http.MethodPatch ||
			apiErr.Path != "/v2/ai-integrations/"+a.ID {
			t.Errorf("%s: %+v", tt.name, *apiErr)
		}
		if IsConflict(err) != (tt.status == http.StatusConflict) {
			t.Errorf("%s: IsConflict %v", tt.name, IsConflict(err))
		}
	}
	if got, _ := f.emu.Get(a.ID); got.Name != "a" || got.Provider != "OPEN_AI" {
		t.Errorf("a failed update changed the integration: %+v", got)
	}
}
