package arize

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// TestCreateMapsEveryField creates integrations through the emulator, which
// decodes strictly, and checks every field of the answer, of a later Get and
// of what the emulator stored (the api key included).
func TestCreateMapsEveryField(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     CreateRequest
		want   Integration // ID is not compared
		stored func(t *testing.T, got emulator.Integration)
	}{
		{
			name: "bedrock with every field",
			in: CreateRequest{
				Name:                   "bedrock-prod",
				Provider:               ProviderAWSBedrock,
				APIKey:                 "sk-bedrock-SECRET-1",
				BaseURL:                "https://bedrock.example.com/v1?a=1&b=<2>",
				ModelNames:             []string{"titan", "claude-3", "a-model"},
				Headers:                map[string]string{"X-Org": "org-1", "X-Trace": "on"},
				EnableDefaultModels:    ptr(true),
				FunctionCallingEnabled: ptr(false),
				AuthType:               AuthTypeProxyWithHeaders,
				ProviderMetadata: &ProviderMetadata{AWS: &AWSMetadata{
					RoleARN: "arn:aws:iam::123456789012:role/arize", ExternalID: "ext-42",
				}},
				Scopings: []Scoping{
					{OrganizationID: ptr(testOrgID), SpaceID: ptr(testSpaceProd)},
					{OrganizationID: ptr(testOrgID), SpaceID: nil},
				},
			},
			want: Integration{
				Name:                   "bedrock-prod",
				Provider:               ProviderAWSBedrock,
				HasAPIKey:              true,
				BaseURL:                ptr("https://bedrock.example.com/v1?a=1&b=<2>"),
				ModelNames:             []string{"titan", "claude-3", "a-model"},
				Headers:                map[string]string{"X-Org": "org-1", "X-Trace": "on"},
				EnableDefaultModels:    true,
				FunctionCallingEnabled: false,
				AuthType:               AuthTypeProxyWithHeaders,
				ProviderMetadata: &ProviderMetadata{Kind: MetadataKindAWS, AWS: &AWSMetadata{
					RoleARN: "arn:aws:iam::123456789012:role/arize", ExternalID: "ext-42",
				}},
				Scopings: []Scoping{
					{OrganizationID: ptr(testOrgID), SpaceID: ptr(testSpaceProd)},
					{OrganizationID: ptr(testOrgID), SpaceID: nil},
				},
				CreatedAt:       fixedNowText,
				UpdatedAt:       fixedNowText,
				CreatedByUserID: defaultUserID,
			},
			stored: func(t *testing.T, got emulator.Integration) {
				if got.APIKey != "sk-bedrock-SECRET-1" {
					t.Errorf("stored api key %q", got.APIKey)
				}
				m := got.ProviderMetadata
				if m == nil || m.Kind != "AWS" || m.RoleARN != "arn:aws:iam::123456789012:role/arize" ||
					m.ExternalID == nil || *m.ExternalID != "ext-42" {
					t.Errorf("stored provider_metadata %+v", m)
				}
				wantScopings := []emulator.Scoping{{OrganizationID: testOrgID, SpaceID: testSpaceProd}, {OrganizationID: testOrgID}}
				if !reflect.DeepEqual(got.Scopings, wantScopings) {
					t.Errorf("stored scopings %+v, want %+v", got.Scopings, wantScopings)
				}
			},
		},
		{
			name: "vertex with GCP metadata and no key",
			in: CreateRequest{
				Name:                "vertex",
				Provider:            ProviderVertexAI,
				ModelNames:          []string{"gemini-1.5-pro"},
				AuthType:            AuthTypeBearerToken,
				EnableDefaultModels: ptr(false),
				ProviderMetadata: &ProviderMetadata{GCP: &GCPMetadata{
					ProjectID: "my-project", Location: "us-central1", ProjectAccessLabel: "arize-access",
				}},
				Scopings: []Scoping{{OrganizationID: ptr(testOrgID), SpaceID: ptr(testSpaceStaging)}},
			},
			want: Integration{
				Name:                   "vertex",
				Provider:               ProviderVertexAI,
				ModelNames:             []string{"gemini-1.5-pro"},
				FunctionCallingEnabled: true,
				AuthType:               AuthTypeBearerToken,
				ProviderMetadata: &ProviderMetadata{Kind: MetadataKindGCP, GCP: &GCPMetadata{
					ProjectID: "my-project", Location: "us-central1", ProjectAccessLabel: "arize-access",
				}},
				Scopings:        []Scoping{{OrganizationID: ptr(testOrgID), SpaceID: ptr(testSpaceStaging)}},
				CreatedAt:       fixedNowText,
				UpdatedAt:       fixedNowText,
				CreatedByUserID: defaultUserID,
			},
			stored: func(t *testing.T, got emulator.Integration) {
				if got.APIKey != "" {
					t.Errorf("stored api key %q, want none", got.APIKey)
				}
				m := got.ProviderMetadata
				if m == nil || m.Kind != "GCP" || m.ProjectID != "my-project" || m.Location != "us-central1" ||
					m.ProjectAccessLabel != "arize-access" {
					t.Errorf("stored provider_metadata %+v", m)
				}
			},
		},
		{
			name: "minimal openAI takes the API defaults",
			in:   CreateRequest{Name: "minimal", Provider: ProviderOpenAI},
			want: Integration{
				Name:                   "minimal",
				Provider:               ProviderOpenAI,
				FunctionCallingEnabled: true,
				AuthType:               AuthTypeDefault,
				Scopings:               []Scoping{{}},
				CreatedAt:              fixedNowText,
				UpdatedAt:              fixedNowText,
				CreatedByUserID:        defaultUserID,
			},
			stored: func(t *testing.T, got emulator.Integration) {
				if got.APIKey != "" || got.BaseURL != "" || got.ModelNames != nil || got.Headers != nil ||
					got.ProviderMetadata != nil || got.Scopings != nil {
					t.Errorf("stored %+v, want every optional field unset", got)
				}
			},
		},
		{
			name: "explicit false and default auth type are sent",
			in: CreateRequest{
				Name: "anthropic", Provider: ProviderAnthropic, APIKey: "sk-ant-SECRET",
				EnableDefaultModels: ptr(false), FunctionCallingEnabled: ptr(false), AuthType: AuthTypeDefault,
			},
			want: Integration{
				Name: "anthropic", Provider: ProviderAnthropic, HasAPIKey: true, AuthType: AuthTypeDefault,
				Scopings: []Scoping{{}}, CreatedAt: fixedNowText, UpdatedAt: fixedNowText, CreatedByUserID: defaultUserID,
			},
			stored: func(t *testing.T, got emulator.Integration) {
				if got.APIKey != "sk-ant-SECRET" || got.FunctionCallingEnabled {
					t.Errorf("stored %+v", got)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			ctx := context.Background()
			got, err := f.c.Create(ctx, tt.in)
			if err != nil {
				t.Fatalf("Create: %v", err)
			}
			if got.ID == "" {
				t.Fatal("Create returned no id")
			}
			want := tt.want
			want.ID = got.ID
			if !reflect.DeepEqual(*got, want) {
				t.Errorf("Create returned\n got %s\nwant %s", dump(*got), dump(want))
			}
			if n := f.emu.Count(http.MethodPost, emulator.RouteCollection); n != 1 {
				t.Errorf("%d POSTs, want 1", n)
			}

			read, err := f.c.Get(ctx, got.ID)
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if !reflect.DeepEqual(read, got) {
				t.Errorf("Get returned\n got %s\nwant %s", dump(*read), dump(*got))
			}

			stored, ok := f.emu.Get(got.ID)
			if !ok {
				t.Fatalf("emulator holds no %s", got.ID)
			}
			tt.stored(t, stored)
		})
	}
}

// TestCreateUsesServerUserID checks created_by_user_id is read, not made up.
func TestCreateUsesServerUserID(t *testing.T) {
	t.Parallel()
	f := newFixtureOpts(t, emulator.Options{UserID: "VXNlcjo5OnpaelA="})
	got, err := f.c.Create(context.Background(), CreateRequest{Name: "u", Provider: ProviderGemini})
	if err != nil {
		t.Fatal(err)
	}
	if got.CreatedByUserID != "VXNlcjo5OnpaelA=" {
		t.Errorf("created_by_user_id %q", got.CreatedByUserID)
	}
}

// TestLifecycle walks one integration through create, update, delete and
// the reads in between.
func TestLifecycle(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	created, err := f.c.Create(ctx, CreateRequest{
		Name: "life", Provider: ProviderOpenAI, APIKey: "sk-first-SECRET",
		ModelNames: []string{"gpt-4", "gpt-4o"}, Headers: map[string]string{"X-A": "1"},
	})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}

	updated, err := f.c.Update(ctx, created.ID, UpdateRequest{
		Name:                   Value("life-renamed"),
		APIKey:                 Value("sk-second-SECRET"),
		ModelNames:             Value([]string{"o3", "gpt-4"}),
		Headers:                Value(map[string]string{"X-B": "2"}),
		FunctionCallingEnabled: Value(false),
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	want := *created
	want.Name = "life-renamed"
	want.ModelNames = []string{"o3", "gpt-4"}
	want.Headers = map[string]string{"X-B": "2"}
	want.FunctionCallingEnabled = false
	want.UpdatedAt = fixedNowPlus1ms // the emulator moves updated_at on a frozen clock
	if !reflect.DeepEqual(*updated, want) {
		t.Errorf("Update returned\n got %s\nwant %s", dump(*updated), dump(want))
	}
	if stored, _ := f.emu.Get(created.ID); stored.APIKey != "sk-second-SECRET" {
		t.Errorf("rotated api key not stored: %q", stored.APIKey)
	}
	if n := f.emu.Count(http.MethodPatch, emulator.RouteItem); n != 1 {
		t.Errorf("%d PATCHes, want 1", n)
	}
	read, err := f.c.Get(ctx, created.ID)
	if err != nil || !reflect.DeepEqual(read, updated) {
		t.Errorf("Get after update: %v\n got %+v\nwant %+v", err, read, updated)
	}

	if err := f.c.Delete(ctx, created.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if f.emu.Len() != 0 {
		t.Errorf("emulator holds %d integrations after delete", f.emu.Len())
	}

	_, err = f.c.Get(ctx, created.ID)
	assertNotFound(t, "Get after delete", err, http.MethodGet, "/v2/ai-integrations/"+created.ID)
	err = f.c.Delete(ctx, created.ID)
	assertNotFound(t, "second Delete", err, http.MethodDelete, "/v2/ai-integrations/"+created.ID)
	_, err = f.c.Update(ctx, created.ID, UpdateRequest{Name: Value("x")})
	assertNotFound(t, "Update after delete", err, http.MethodPatch, "/v2/ai-integrations/"+created.ID)

	if n := f.emu.Count(http.MethodDelete, emulator.RouteItem); n != 2 {
		t.Errorf("%d DELETEs, want 2 (a 404 is not retried)", n)
	}
}

func assertNotFound(t *testing.T, what string, err error, method, path string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error", what)
		return
	}
	if !IsNotFound(err) {
		t.Errorf("%s: IsNotFound false for %v", what, err)
	}
	if IsConflict(err) {
		t.Errorf("%s: IsConflict true for %v", what, err)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Errorf("%s: %T is not an *APIError", what, err)
		return
	}
	if apiErr.Status != http.StatusNotFound || apiErr.Method != method || apiErr.Path != path ||
		apiErr.ErrorCode != emulator.CodeNotFound || apiErr.Title != "Not Found" {
		t.Errorf("%s: %+v", what, *apiErr)
	}
}

// TestAccountWideScopingForms reads both spellings of an account-wide
// integration that Arize has been seen to answer.
func TestScopingsAccountWideForms(t *testing.T) {
	t.Parallel()
	for _, explicit := range []bool{false, true} {
		t.Run(fmt.Sprintf("explicit_nulls=%v", explicit), func(t *testing.T) {
			t.Parallel()
			f := newFixtureOpts(t, emulator.Options{ExplicitNullScopings: explicit})
			got, err := f.c.Create(context.Background(), CreateRequest{Name: "wide", Provider: ProviderCustom})
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Scopings) != 1 || !got.Scopings[0].IsAccountWide() {
				t.Errorf("scopings %s, want one account-wide entry", dump(got.Scopings))
			}
		})
	}
}

// TestEveryEnumIsAccepted creates one integration per Provider and AuthType:
// the emulator refuses any spelling the contract does not list.
func TestEveryEnumIsAccepted(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	if len(Providers()) != 8 || len(AuthTypes()) != 3 {
		t.Fatalf("Providers %v, AuthTypes %v", Providers(), AuthTypes())
	}
	for i, p := range Providers() {
		in := CreateRequest{Name: "p-" + string(p), Provider: p}
		switch p {
		case ProviderAWSBedrock:
			in.EnableDefaultModels = ptr(true)
			in.ProviderMetadata = &ProviderMetadata{AWS: &AWSMetadata{RoleARN: "arn:aws:iam::1:role/r"}}
		case ProviderVertexAI:
			in.EnableDefaultModels = ptr(true)
			in.ProviderMetadata = &ProviderMetadata{GCP: &GCPMetadata{ProjectID: "p", Location: "l", ProjectAccessLabel: "x"}}
		}
		in.AuthType = AuthTypes()[i%len(AuthTypes())]
		got, err := f.c.Create(ctx, in)
		if err != nil {
			t.Errorf("provider %s auth %s: %v", p, in.AuthType, err)
			continue
		}
		if got.Provider != p || got.AuthType != in.AuthType {
			t.Errorf("got provider %s auth %s, want %s %s", got.Provider, got.AuthType, p, in.AuthType)
		}
	}
}

// TestConcurrentCreates runs 50 creates at once: 50 POSTs, 50 distinct ids.
// Run with -race.
func TestConcurrentCreates(t *testing.T) {
	t.Parallel()
	const n = 50
	f := newFixture(t)
	ids := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			got, err := f.c.Create(context.Background(), CreateRequest{
				Name: fmt.Sprintf("parallel-%02d", i), Provider: ProviderOpenAI,
				Headers: map[string]string{"X-N": fmt.Sprint(i)},
			})
			errs[i] = err
			if err == nil {
				ids[i] = got.ID
				if got.Name != fmt.Sprintf("parallel-%02d", i) {
					t.Errorf("create %d answered %q", i, got.Name)
				}
			}
		})
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, err := range errs {
		if err != nil {
			t.Errorf("create %d: %v", i, err)
			continue
		}
		if seen[ids[i]] {
			t.Errorf("duplicate id %s", ids[i])
		}
		seen[ids[i]] = true
	}
	if len(seen) != n || f.emu.Len() != n {
		t.Errorf("%d distinct ids, emulator holds %d, want %d", len(seen), f.emu.Len(), n)
	}
	if got := f.emu.Count(http.MethodPost, emulator.RouteCollection); got != n {
		t.Errorf("%d POSTs, want %d", got, n)
	}
}

// TestConcurrentCreatesUnderThrottling runs 50 creates while the emulator
// answers a third of all requests with 429 or 503: every create succeeds
// after retries and none is made twice (a duplicate would be a 409).
func TestConcurrentCreatesUnderThrottling(t *testing.T) {
	t.Parallel()
	const n = 50
	f := newFixture(t, func(c *Config) {
		c.MaxRetries = 20
		c.RetryWaitMax = 5 * time.Millisecond
	})
	f.emu.SetFaults(emulator.Faults{ErrorRate: 0.3, Statuses: []int{429, 503}, Seed: 7})
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			_, err := f.c.Create(context.Background(), CreateRequest{Name: fmt.Sprintf("t-%d", i), Provider: ProviderOpenAI})
			if err != nil {
				errs <- fmt.Errorf("create %d: %w", i, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if f.emu.Len() != n {
		t.Errorf("emulator holds %d, want %d", f.emu.Len(), n)
	}
	if posts := f.emu.Count(http.MethodPost, emulator.RouteCollection); posts <= n {
		t.Errorf("%d POSTs for %d creates: the faults were not exercised", posts, n)
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

// TestListFilters checks name, space_id and space_name are sent and applied,
// on every page.
func TestListFilters(t *testing.T) {
	t.Parallel()
	emu, rec, c := listFixture(t)
	ctx := context.Background()
	for _, in := range []CreateRequest{
		{Name: "alpha-one", Scopings: []Scoping{{OrganizationID: ptr(testOrgID), SpaceID: ptr(testSpaceProd)}}},
		{Name: "alpha-two", Scopings: []Scoping{{OrganizationID: ptr(testOrgID), SpaceID: ptr(testSpaceStaging)}}},
		{Name: "beta-one"},
		{Name: "Beta-two", Scopings: []Scoping{{OrganizationID: ptr(testOrgID), SpaceID: ptr(testSpaceProd)}}},
		{Name: "alpha-three", Scopings: []Scoping{{OrganizationID: ptr(testOrgID), SpaceID: ptr(testSpaceProd)}}},
	} {
		in.Provider = ProviderOpenAI
		if _, err := c.Create(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name      string
		opts      ListOptions
		want      []string
		wantQuery url.Values // without limit and cursor
	}{
		{"name", ListOptions{Name: "alpha"}, []string{"alpha-one", "alpha-two", "alpha-three"}, url.Values{"name": {"alpha"}}},
		{"name is case-insensitive", ListOptions{Name: "BETA"}, []string{"beta-one", "Beta-two"}, url.Values{"name": {"BETA"}}},
		{"space_id", ListOptions{SpaceID: testSpaceProd}, []string{"alpha-one", "Beta-two", "alpha-three"}, url.Values{"space_id": {testSpaceProd}}},
		{"space_name", ListOptions{SpaceName: "staging"}, []string{"alpha-two"}, url.Values{"space_name": {"staging"}}},
		{
			"name and space_id", ListOptions{Name: "alpha", SpaceID: testSpaceProd}, []string{"alpha-one", "alpha-three"},
			url.Values{"name": {"alpha"}, "space_id": {testSpaceProd}},
		},
		{
			"all filters, one per page", ListOptions{Name: "a", SpaceName: "prod", SpaceID: testSpaceProd, Limit: 1},
			[]string{"alpha-one", "Beta-two", "alpha-three"},
			url.Values{"name": {"a"}, "space_name": {"prod"}, "space_id": {testSpaceProd}},
		},
		{"special characters are escaped", ListOptions{Name: "a&b=c d"}, nil, url.Values{"name": {"a&b=c d"}}},
		{"no match", ListOptions{Name: "zzz"}, nil, url.Values{"name": {"zzz"}}},
	}
	for _, tt := range tests {
		rec.mu.Lock()
		rec.seen = nil
		rec.mu.Unlock()
		got, err := c.List(ctx, tt.opts)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if len(got) != len(tt.want) || (len(got) > 0 && !reflect.DeepEqual(names(got), tt.want)) {
			t.Errorf("%s: got %v, want %v", tt.name, names(got), tt.want)
		}
		for i, q := range listQueries(rec) {
			q.Del("limit")
			q.Del("cursor")
			if !reflect.DeepEqual(q, tt.wantQuery) {
				t.Errorf("%s: page %d query %v, want %v", tt.name, i, q, tt.wantQuery)
			}
		}
	}
	if emu.Len() != 5 {
		t.Errorf("emulator holds %d", emu.Len())
	}
}
