package provider

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// TestSpaceUpdateRequest_minimal: a PATCH carries what changed and nothing
// else; a description planned "" is cleared with null.
func TestSpaceUpdateRequest_minimal(t *testing.T) {
	state := spaceModel{
		ID: types.StringValue("U3BhY2U6MQ=="), OrganizationID: types.StringValue("T3JnOjE="), Name: types.StringValue("a"), Description: types.StringValue("d"),
		IsPrivate: types.BoolValue(false), CreatedAt: types.StringValue("2026-01-01T00:00:00.000Z"),
	}
	for _, c := range []struct {
		name   string
		change func(*spaceModel)
		want   string
	}{
		{"nothing", func(*spaceModel) {}, `{}`},
		{"name", func(m *spaceModel) { m.Name = types.StringValue("b") }, `{"name":"b"}`},
		{"description", func(m *spaceModel) { m.Description = types.StringValue("e") }, `{"description":"e"}`},
		{"description cleared", func(m *spaceModel) { m.Description = types.StringValue("") }, `{"description":null}`},
		{"private", func(m *spaceModel) { m.IsPrivate = types.BoolValue(true) }, `{"is_private":true}`},
		{"name and privacy", func(m *spaceModel) { m.Name = types.StringValue("b"); m.IsPrivate = types.BoolValue(true) }, `{"name":"b","is_private":true}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			plan := state
			c.change(&plan)
			body := plan.updateRequest(&state)
			if got := spaceTestJSON(t, body); got != c.want {
				t.Errorf("PATCH body %s, want %s", got, c.want)
			}
			if body.IsEmpty() != (c.want == `{}`) {
				t.Errorf("IsEmpty() = %t for %s", body.IsEmpty(), c.want)
			}
		})
	}
}

// TestSpaceCreateRequest carries every planned value, the organization
// included.
func TestSpaceCreateRequest(t *testing.T) {
	m := spaceModel{OrganizationID: types.StringValue("T3JnOjE="), Name: types.StringValue("a"), Description: types.StringValue(""), IsPrivate: types.BoolValue(true)}
	if got, want := spaceTestJSON(t, m.createRequest()), `{"name":"a","organization_id":"T3JnOjE=","is_private":true}`; got != want {
		t.Errorf("POST body %s, want %s", got, want)
	}
}

// TestSpaceFromAPI: a space as the API answers it, in the organization its
// list was scoped to, or with a null organization when none was.
func TestSpaceFromAPI(t *testing.T) {
	in := arize.Space{ID: "U3BhY2U6MQ==", Name: "a", Description: "", CreatedAt: "2026-01-01T00:00:00.000Z", IsPrivate: true}
	got := spaceFromAPI(&in, "T3JnOjE=")
	want := spaceModel{
		ID: types.StringValue(in.ID), OrganizationID: types.StringValue("T3JnOjE="), Name: types.StringValue("a"),
		Description: types.StringValue(""), IsPrivate: types.BoolValue(true), CreatedAt: types.StringValue(in.CreatedAt),
	}
	if got != want {
		t.Errorf("spaceFromAPI = %+v, want %+v", got, want)
	}
	if got := spaceFromAPI(&in, ""); !got.OrganizationID.IsNull() {
		t.Errorf("organization_id with no organization known = %s, want null", got.OrganizationID)
	}
}

// TestDiagnostics_space pins the text that differs for a space: its names
// are unique within its organization, not the account, and a 403 on read is
// a space the key cannot see.
func TestDiagnostics_space(t *testing.T) {
	apiErr := func(status int) error {
		return &arize.APIError{Method: http.MethodPost, Path: "/v2/spaces", Status: status}
	}
	for _, c := range []struct{ name, got, want string }{
		{"create: name taken", createErrorDetail(space, "n", apiErr(409)), `A space named "n" already exists in this organization ` +
			"(names are unique). Choose another name, or bring the existing one under Terraform with an import block " +
			`(import { to = arize_space.<name>, id = "<space id>" }) or 'terraform import arize_space.<name> <space id>'.` +
			"\n\n" + apiErr(409).Error()},
		{"update: name taken", updateErrorDetail(space, "n", apiErr(409)),
			`Another space in this organization is already named "n".` + "\n\n" + apiErr(409).Error()},
		{"lookup by name", space.noneNamed("n"), `No space named "n" exists in this organization.`},
		{"lookup by id", space.noneWithID("SUQ="), `No space with ID "SUQ=" exists in this Arize account.`},
		{"read: forbidden", spaceReadErrorDetail("n", "SUQ=", apiErr(403)), `Arize refused to show space "n" (ID SUQ=) to the ` +
			"provider's API key (403 Forbidden). A private space is visible only to its members and to account, organization " +
			"and space admins, and the identity behind this key is none of these. Add that user or service account to the " +
			"space in Arize, or use a key that can see it. The space is kept in state: it still exists.\n\n" + apiErr(403).Error()},
		{"read: forbidden, before the name is known", spaceReadErrorDetail("", "SUQ=", apiErr(403))[:38], "Arize refused to show space SUQ= to th"},
		{"read: another error", spaceReadErrorDetail("n", "SUQ=", apiErr(401)), apiErrorDetail(space, apiErr(401))},
	} {
		if c.got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, c.got, c.want)
		}
	}
}

func spaceTestJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
