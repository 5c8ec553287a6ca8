package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

// tenancySetup is a server of dialect d with an organization and a space in
// it (the returned ids), and a member of the organization, User:1:aAaA.
func tenancySetup(t *testing.T, d Dialect) (s *Server, org, space string) {
	t.Helper()
	s = newFuzzServer(d)
	o, err := s.PutOrganization("org", "")
	if err != nil {
		t.Fatal(err)
	}
	sp, err := s.PutSpace(o.ID, "space", "", false)
	if err != nil {
		t.Fatal(err)
	}
	u := s.AddUser(User{ID: "VXNlcjoxOmFBYUE=", Email: "a@example.com"})
	if _, err := s.PutOrganizationMember(o.ID, u.ID, MemberRole{Type: "PREDEFINED", Name: "MEMBER"}); err != nil {
		t.Fatal(err)
	}
	return s, o.ID, sp.ID
}

// FuzzMemberAdd sends arbitrary add-user bodies to an organization and a
// space in each dialect: every answer is a 200 or a problem, and what was
// answered, sent back, is taken again as the same membership.
func FuzzMemberAdd(f *testing.F) {
	for _, seed := range []string{
		`{"user_id":"VXNlcjoxOmFBYUE=","role":{"type":"PREDEFINED","name":"ADMIN"}}`,
		`{"user_id":"VXNlcjoxOmFBYUE=","role":{"type":"predefined","name":"read-only"}}`,
		`{"user_id":"VXNlcjoxOmFBYUE=","role":{"type":"CUSTOM","id":"r"}}`,
		`{"user_id":"VXNlcjoxOmFBYUE=","role":"MEMBER"}`,
		`{"user_id":"x","role":{"type":"PREDEFINED","name":"ANNOTATOR","id":null}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, d := range dialects {
			s, org, space := tenancySetup(t, d)
			for _, path := range []string{
				RouteOrganizations + "/" + url.PathEscape(org) + "/users",
				RouteSpaces + "/" + url.PathEscape(space) + "/users",
			} {
				rec := call(s, "POST", path, "", body)
				checkAnswer(t, rec, http.StatusOK, 400, 404, 413, 422)
				if rec.Code != http.StatusOK {
					continue
				}
				var got struct {
					ID     string          `json:"id"`
					UserID string          `json:"user_id"`
					Role   json.RawMessage `json:"role"`
				}
				if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
					t.Fatalf("membership %s: %v", rec.Body, err)
				}
				again, _ := json.Marshal(map[string]any{"user_id": got.UserID, "role": got.Role})
				rec = call(s, "POST", path, "", again)
				if rec.Code != http.StatusOK {
					t.Fatalf("%s: the answered role %s sent back: %d %s", d, got.Role, rec.Code, rec.Body)
				}
				var second struct{ ID string }
				_ = json.Unmarshal(rec.Body.Bytes(), &second)
				if second.ID != got.ID {
					t.Fatalf("the upsert changed the membership id %s to %s", got.ID, second.ID)
				}
			}
		}
	})
}

// FuzzNamedBody sends arbitrary bodies to create and update an organization
// and a space: every answer is a success or a problem, and a refused update
// changes nothing.
func FuzzNamedBody(f *testing.F) {
	for _, seed := range []string{
		`{"name":"n","description":null}`, `{"name":"n","is_private":true}`, `{"description":""}`,
		`{"name":"org"}`, `{"id":"x"}`, `{}`, `{"name":"` + "\u00e9" + `","organization_id":"x"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		s, org, space := tenancySetup(t, DialectToday)
		checkAnswer(t, call(s, "POST", RouteOrganizations, "", body), http.StatusCreated, 400, 409, 413, 415, 422)
		checkAnswer(t, call(s, "POST", RouteSpaces, "", body), http.StatusCreated, 400, 404, 409, 413, 415, 422)
		for _, tt := range []struct {
			path   string
			before func() any
		}{
			{RouteOrganizations + "/" + url.PathEscape(org), func() any { o, _ := s.Organization(org); return o }},
			{RouteSpaces + "/" + url.PathEscape(space), func() any { sp, _ := s.Space(space); return sp }},
		} {
			before := tt.before()
			rec := call(s, "PATCH", tt.path, "", body)
			checkAnswer(t, rec, http.StatusOK, 400, 409, 413, 415, 422)
			if rec.Code != http.StatusOK && tt.before() != before {
				t.Fatalf("a refused PATCH (%d) changed %+v", rec.Code, before)
			}
		}
	})
}
