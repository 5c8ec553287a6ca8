package memapi

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
	"github.com/arize-ai/terraform-provider-arize/internal/provider"
)

var _ provider.IntegrationsAPI = (*API)(nil)

func ptr[T any](v T) *T { return &v }

func newTestAPI() *API {
	a := New()
	t0 := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	a.now = func() time.Time { return t0 } // frozen: updated_at must still move
	return a
}

func mustCreate(t *testing.T, a *API, in arize.CreateRequest) *arize.Integration {
	t.Helper()
	got, err := a.Create(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func status(err error) int {
	if e, ok := err.(*arize.APIError); ok {
		return e.Status
	}
	return 0
}

func TestCreate_defaults(t *testing.T) {
	a := newTestAPI()
	got := mustCreate(t, a, arize.CreateRequest{Name: "one", Provider: arize.ProviderOpenAI})
	want := arize.Integration{
		ID: got.ID, Name: "one", Provider: arize.ProviderOpenAI,
		FunctionCallingEnabled: true, AuthType: arize.AuthTypeDefault,
		Scopings:  []arize.Scoping{{}},
		CreatedAt: "2026-11-29T12:00:00.000Z", UpdatedAt: "2026-11-29T12:00:00.000Z",
		CreatedByUserID: UserID,
	}
	if !reflect.DeepEqual(*got, want) {
		t.Fatalf("created\n%+v\nwant\n%+v", *got, want)
	}
	again, err := a.Get(context.Background(), got.ID)
	if err != nil || !reflect.DeepEqual(again, got) {
		t.Fatalf("get = %+v, %v; want the create's answer", again, err)
	}
}

func TestCreate_conflictAndNotFound(t *testing.T) {
	a := newTestAPI()
	mustCreate(t, a, arize.CreateRequest{Name: "dup", Provider: arize.ProviderOpenAI})
	_, err := a.Create(context.Background(), arize.CreateRequest{Name: "dup", Provider: arize.ProviderGemini})
	if !arize.IsConflict(err) {
		t.Errorf("second create of a name: %v, want a 409", err)
	}
	if _, err := a.Get(context.Background(), "nope"); !arize.IsNotFound(err) {
		t.Errorf("get of an unknown id: %v, want a 404", err)
	}
	if err := a.Delete(context.Background(), "nope"); !arize.IsNotFound(err) {
		t.Errorf("delete of an unknown id: %v, want a 404", err)
	}
	if _, err := a.Update(context.Background(), "nope", arize.UpdateRequest{Name: arize.Value("x")}); !arize.IsNotFound(err) {
		t.Errorf("update of an unknown id: %v, want a 404", err)
	}
}

func TestUpdate_fieldSemantics(t *testing.T) {
	a := newTestAPI()
	orig := mustCreate(t, a, arize.CreateRequest{
		Name: "full", Provider: arize.ProviderAWSBedrock, APIKey: "k", BaseURL: "https://x.example",
		ModelNames: []string{"m"}, Headers: map[string]string{"H": "v"},
		ProviderMetadata: &arize.ProviderMetadata{AWS: &arize.AWSMetadata{RoleARN: "arn"}},
		Scopings:         []arize.Scoping{{OrganizationID: ptr("org")}},
	})

	// Absent fields stay; set ones change.
	got, err := a.Update(context.Background(), orig.ID, arize.UpdateRequest{ModelNames: arize.Value([]string{"a", "b"})})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.ModelNames, []string{"a", "b"}) || *got.BaseURL != "https://x.example" ||
		got.Headers["H"] != "v" || !got.HasAPIKey || got.ProviderMetadata.AWS.RoleARN != "arn" ||
		*got.Scopings[0].OrganizationID != "org" {
		t.Fatalf("a PATCH of model_names changed other fields: %+v", got)
	}
	if got.UpdatedAt <= orig.UpdatedAt || got.CreatedAt != orig.CreatedAt {
		t.Errorf("updated_at %s did not move past %s (created_at %s)", got.UpdatedAt, orig.UpdatedAt, got.CreatedAt)
	}

	// Null clears.
	got, err = a.Update(context.Background(), orig.ID, arize.UpdateRequest{
		APIKey: arize.Null[string](), BaseURL: arize.Null[string](), ModelNames: arize.Null[[]string](),
		Headers: arize.Null[map[string]string](), ProviderMetadata: arize.Null[arize.ProviderMetadata](),
		Scopings: arize.Null[[]arize.Scoping](),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.HasAPIKey || got.BaseURL != nil || got.ModelNames != nil || got.Headers != nil ||
		got.ProviderMetadata != nil || !reflect.DeepEqual(got.Scopings, []arize.Scoping{{}}) {
		t.Fatalf("nulls did not clear: %+v", got)
	}

	// Null where the API refuses it, and an empty PATCH, change nothing.
	before, _ := a.Get(context.Background(), orig.ID)
	for name, req := range map[string]arize.UpdateRequest{
		"null name":      {Name: arize.Null[string](), ModelNames: arize.Value([]string{"z"})},
		"null auth_type": {AuthType: arize.Null[arize.AuthType]()},
		"null bool":      {FunctionCallingEnabled: arize.Null[bool]()},
		"empty":          {},
	} {
		_, err := a.Update(context.Background(), orig.ID, req)
		if s := status(err); s != http.StatusUnprocessableEntity && s != http.StatusBadRequest {
			t.Errorf("%s: %v, want a 422 or 400", name, err)
		}
	}
	after, _ := a.Get(context.Background(), orig.ID)
	if !reflect.DeepEqual(before, after) {
		t.Errorf("a failed update changed the store:\n%+v\n%+v", before, after)
	}
}

func TestUpdate_renameKeepsNamesUnique(t *testing.T) {
	a := newTestAPI()
	one := mustCreate(t, a, arize.CreateRequest{Name: "one", Provider: arize.ProviderOpenAI})
	mustCreate(t, a, arize.CreateRequest{Name: "two", Provider: arize.ProviderOpenAI})
	if _, err := a.Update(context.Background(), one.ID, arize.UpdateRequest{Name: arize.Value("two")}); !arize.IsConflict(err) {
		t.Fatalf("rename onto a taken name: %v, want a 409", err)
	}
	if _, err := a.Update(context.Background(), one.ID, arize.UpdateRequest{Name: arize.Value("uno")}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Create(context.Background(), arize.CreateRequest{Name: "one", Provider: arize.ProviderOpenAI}); err != nil {
		t.Errorf("the old name is still taken after a rename: %v", err)
	}
}

func TestReturnedValuesAreCopies(t *testing.T) {
	a := newTestAPI()
	got := mustCreate(t, a, arize.CreateRequest{Name: "c", Provider: arize.ProviderOpenAI, ModelNames: []string{"m"}})
	got.ModelNames[0] = "changed"
	again, _ := a.Get(context.Background(), got.ID)
	if again.ModelNames[0] != "m" {
		t.Fatal("a caller's change reached the store")
	}
}

func TestListPage_orderFiltersAndCursor(t *testing.T) {
	a := newTestAPI()
	for i := range 5 {
		mustCreate(t, a, arize.CreateRequest{Name: fmt.Sprintf("item-%d", i), Provider: arize.ProviderOpenAI,
			Scopings: []arize.Scoping{{OrganizationID: ptr("o"), SpaceID: ptr(fmt.Sprintf("s%d", i%2))}}})
	}
	mustCreate(t, a, arize.CreateRequest{Name: "other", Provider: arize.ProviderOpenAI})

	var names []string
	cursor := ""
	for {
		page, err := a.ListPage(context.Background(), arize.ListOptions{Name: "ITEM", Limit: 2}, cursor)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range page.Integrations {
			names = append(names, in.Name)
		}
		if !page.Pagination.HasMore {
			break
		}
		cursor = page.Pagination.NextCursor
	}
	if want := []string{"item-0", "item-1", "item-2", "item-3", "item-4"}; !reflect.DeepEqual(names, want) {
		t.Errorf("paged names %v, want %v", names, want)
	}
	all, err := a.List(context.Background(), arize.ListOptions{SpaceID: "s1"})
	if err != nil || len(all) != 2 {
		t.Errorf("list by space: %d items, %v; want 2", len(all), err)
	}
}

func TestSaveLoad_roundTrip(t *testing.T) {
	a := newTestAPI()
	one := mustCreate(t, a, arize.CreateRequest{Name: "one", Provider: arize.ProviderVertexAI, APIKey: "k",
		ProviderMetadata: &arize.ProviderMetadata{GCP: &arize.GCPMetadata{ProjectID: "p", Location: "l", ProjectAccessLabel: "x"}},
		Scopings:         []arize.Scoping{{OrganizationID: ptr("o")}}})
	two := mustCreate(t, a, arize.CreateRequest{Name: "two", Provider: arize.ProviderOpenAI})
	var buf bytes.Buffer
	if err := a.Save(&buf); err != nil {
		t.Fatal(err)
	}
	b := New()
	if err := b.Load(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []*arize.Integration{one, two} {
		got, err := b.Get(context.Background(), want.ID)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("after load: %+v, %v; want %+v", got, err, want)
		}
	}
	three := mustCreate(t, b, arize.CreateRequest{Name: "three", Provider: arize.ProviderOpenAI})
	if three.ID == one.ID || three.ID == two.ID {
		t.Error("an id was reused after load")
	}
	if _, err := b.Create(context.Background(), arize.CreateRequest{Name: "one", Provider: arize.ProviderOpenAI}); !arize.IsConflict(err) {
		t.Errorf("names are not unique after load: %v", err)
	}
}

func TestConcurrentUse(t *testing.T) {
	a := New()
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			ctx := context.Background()
			got, err := a.Create(ctx, arize.CreateRequest{Name: fmt.Sprint(i), Provider: arize.ProviderOpenAI})
			if err != nil {
				t.Error(err)
				return
			}
			if _, err := a.Update(ctx, got.ID, arize.UpdateRequest{ModelNames: arize.Value([]string{"x"})}); err != nil {
				t.Error(err)
			}
			if _, err := a.List(ctx, arize.ListOptions{}); err != nil {
				t.Error(err)
			}
			if err := a.Delete(ctx, got.ID); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if all, _ := a.List(context.Background(), arize.ListOptions{}); len(all) != 0 {
		t.Errorf("%d integrations left", len(all))
	}
}
