package provider

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// orgModel is an organization's attributes as Terraform values.
func orgModel(name, description string) organizationModel {
	return organizationModel{
		ID:          types.StringValue("T3JnYW5pemF0aW9uOjE6YUJjRA=="),
		Name:        types.StringValue(name),
		Description: types.StringValue(description),
		CreatedAt:   types.StringValue("2026-02-13T21:27:19.055Z"),
	}
}

// TestOrganizationUpdateRequest_sendsOnlyWhatChanged checks the PATCH body
// as it goes on the wire: only the changed fields, and null to clear the
// description.
func TestOrganizationUpdateRequest_sendsOnlyWhatChanged(t *testing.T) {
	state := orgModel("platform", "the platform team")
	for _, c := range []struct {
		name string
		plan organizationModel
		want string // the JSON body; "" for no call at all
	}{
		{"nothing changed", orgModel("platform", "the platform team"), ""},
		{"renamed", orgModel("platform-2", "the platform team"), `{"name":"platform-2"}`},
		{"described anew", orgModel("platform", "now with more"), `{"description":"now with more"}`},
		{"description cleared", orgModel("platform", ""), `{"description":null}`},
		{"both", orgModel("platform-2", ""), `{"name":"platform-2","description":null}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := c.plan.updateRequest(&state)
			if c.want == "" {
				if !req.IsEmpty() {
					t.Errorf("a plan equal to the state would send %+v", req)
				}
				return
			}
			got, err := json.Marshal(req)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.want {
				t.Errorf("PATCH body %s, want %s", got, c.want)
			}
		})
	}
	t.Run("description set where there was none", func(t *testing.T) {
		empty := orgModel("platform", "")
		described := orgModel("platform", "new")
		got, err := json.Marshal(described.updateRequest(&empty))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != `{"description":"new"}` {
			t.Errorf("PATCH body %s", got)
		}
	})
}

// TestOrganizationCreateRequest leaves an empty description out, which the
// API reads as "", and sends one that is set.
func TestOrganizationCreateRequest(t *testing.T) {
	for plan, want := range map[organizationModel]string{
		orgModel("platform", ""):     `{"name":"platform"}`,
		orgModel("platform", "team"): `{"name":"platform","description":"team"}`,
	} {
		body := plan.createRequest()
		got, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("POST body %s, want %s", got, want)
		}
	}
}

// TestOrganizationSetFromAPI reads every field, and an organization without
// a description as "", the value the schema plans for an omitted one.
func TestOrganizationSetFromAPI(t *testing.T) {
	var m organizationModel
	m.setFromAPI(&arize.Organization{ID: "T3Jn", Name: "n", CreatedAt: "2026-02-13T21:27:19.055Z"})
	want := organizationModel{
		ID: types.StringValue("T3Jn"), Name: types.StringValue("n"),
		Description: types.StringValue(""), CreatedAt: types.StringValue("2026-02-13T21:27:19.055Z"),
	}
	if m != want {
		t.Errorf("read %+v, want %+v", m, want)
	}
	m.setFromAPI(&arize.Organization{ID: "T3Jn", Name: "n", Description: "d", CreatedAt: "c"})
	if m.Description.ValueString() != "d" || m.CreatedAt.ValueString() != "c" {
		t.Errorf("read %+v", m)
	}
}
