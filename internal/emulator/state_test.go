package emulator

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestPutGetRemove(t *testing.T) {
	e := newEnv(t)
	in := Integration{
		ID:         "ignored",
		Name:       "direct",
		Provider:   "AWS_BEDROCK",
		APIKey:     "sk-direct",
		ModelNames: []string{"claude"},
		ProviderMetadata: &ProviderMetadata{
			Kind: "AWS", RoleARN: "arn:r",
		},
		Scopings:  []Scoping{{OrganizationID: orgID, SpaceID: spaceProd}},
		CreatedAt: time.Unix(0, 0),
	}
	got, err := e.srv.Put(in)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID == "ignored" || seqOf(t, got.ID) != 1 {
		t.Errorf("Put kept or misbuilt the id: %q", got.ID)
	}
	if got.AuthType != "DEFAULT" || got.CreatedByUserID != defaultUserID || !got.CreatedAt.Equal(e.clock.Now().Truncate(time.Millisecond)) {
		t.Errorf("Put defaults: %+v", got)
	}
	// It is visible over HTTP, without the key.
	body := e.do("GET", itemPath(got.ID), "").json(t)
	if body["has_api_key"] != true || body["name"] != "direct" {
		t.Errorf("GET after Put: %v", body)
	}
	if _, leaked := body["api_key"]; leaked {
		t.Error("api_key returned")
	}
	// Get hands out copies.
	stored, ok := e.srv.Get(got.ID)
	if !ok || stored.APIKey != "sk-direct" {
		t.Fatalf("Get: %+v %v", stored, ok)
	}
	stored.ModelNames[0] = "mutated"
	stored.ProviderMetadata.RoleARN = "mutated"
	stored.Scopings[0].SpaceID = "mutated"
	again, _ := e.srv.Get(got.ID)
	if again.ModelNames[0] != "claude" || again.ProviderMetadata.RoleARN != "arn:r" || again.Scopings[0].SpaceID != spaceProd {
		t.Errorf("Get shares memory with the store: %+v", again)
	}
	in.ModelNames[0] = "mutated-input"
	if again, _ := e.srv.Get(got.ID); again.ModelNames[0] != "claude" {
		t.Error("Put kept the caller's slice")
	}

	if !e.srv.Remove(got.ID) || e.srv.Remove(got.ID) {
		t.Error("Remove should report true then false")
	}
	if _, ok := e.srv.Get(got.ID); ok {
		t.Error("Get after Remove")
	}
	wantProblem(t, e.do("GET", itemPath(got.ID), ""), http.StatusNotFound, CodeNotFound, itemPath(got.ID), "not found")
}

func TestPutValidates(t *testing.T) {
	e := newEnv(t)
	if _, err := e.srv.Put(Integration{Name: "a", Provider: "OPEN_AI"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		in     Integration
		status int
		detail string
	}{
		{"clash", Integration{Name: "a", Provider: "OPEN_AI"}, 409, `"a"`},
		{"no provider", Integration{Name: "b"}, 422, "provider is required"},
		{"bad auth type", Integration{Name: "b", Provider: "OPEN_AI", AuthType: "x"}, 422, "auth_type"},
		{"bedrock without a model source", Integration{Name: "b", Provider: "AWS_BEDROCK"}, 422, "model"},
		{"AWS metadata with GCP members", Integration{Name: "b", Provider: "AWS_BEDROCK", EnableDefaultModels: true,
			ProviderMetadata: &ProviderMetadata{Kind: "AWS", RoleARN: "r", ProjectID: "p"}}, 422, "kind AWS takes only"},
		{"space without org", Integration{Name: "b", Provider: "OPEN_AI", Scopings: []Scoping{{SpaceID: "s"}}}, 422, "scopings[0].organization_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.srv.Put(tt.in)
			var p *Problem
			if !errors.As(err, &p) || p.Status != tt.status {
				t.Fatalf("Put error %v, want a %d *Problem", err, tt.status)
			}
			if !strings.Contains(p.Detail, tt.detail) {
				t.Errorf("detail %q does not mention %q", p.Detail, tt.detail)
			}
		})
	}
	if e.srv.Len() != 1 {
		t.Errorf("Len %d after refused Puts", e.srv.Len())
	}
}

func TestListAndLen(t *testing.T) {
	e := newEnv(t)
	if l := e.srv.List(); l == nil || len(l) != 0 || e.srv.Len() != 0 {
		t.Errorf("empty server: List %v, Len %d", l, e.srv.Len())
	}
	a := e.createNamed("a")
	b := e.createNamed("b")
	c := e.createNamed("c")
	e.srv.Remove(b)
	l := e.srv.List()
	if len(l) != 2 || l[0].ID != a || l[1].ID != c || e.srv.Len() != 2 {
		t.Errorf("List after Remove: %+v", l)
	}
}
