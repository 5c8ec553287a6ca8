package emulator

import (
	"net/http"
	"reflect"
	"testing"
)

// The role spellings of CONTRACT.md's table, written out here independently
// of dialect.go.
var (
	testRoleTypes = []struct{ today, published string }{{"PREDEFINED", "predefined"}, {"CUSTOM", "custom"}}
	testRoleNames = []struct{ today, published string }{
		{"ADMIN", "admin"}, {"MEMBER", "member"}, {"READ_ONLY", "read-only"}, {"ANNOTATOR", "annotator"},
	}
	wantRoleTypeDetail = map[Dialect]string{
		DialectToday:     "role.type must be one of PREDEFINED, CUSTOM",
		DialectPublished: "role.type must be one of predefined, custom",
	}
	wantRoleNameDetail = map[Dialect]string{
		DialectToday:     "role.name must be one of ADMIN, MEMBER, READ_ONLY, ANNOTATOR",
		DialectPublished: "role.name must be one of admin, member, read-only, annotator",
	}
)

// predefined writes a predefined role in d's spelling, or in the other's.
func predefined(d Dialect, name string, other bool) string {
	spell := word
	if other {
		spell = otherWord
	}
	for _, n := range testRoleNames {
		if n.today == name {
			return `{"type":"` + spell(d, "PREDEFINED", "predefined") + `","name":"` + spell(d, n.today, n.published) + `"}`
		}
	}
	panic(name)
}

func TestMemberRolesInEachDialect(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			e := dialectEnv(t, d)
			tm := newTeam(e)
			// Every predefined name, in the dialect's spelling, answered in it
			// and stored in today's.
			for _, n := range testRoleNames {
				user := tm.member
				if n.today == "ANNOTATOR" {
					user = tm.annotator
				}
				got := e.addMember(orgUsersPath(tm.org), user, predefined(d, n.today, false))
				want := map[string]any{"type": word(d, "PREDEFINED", "predefined"), "name": word(d, n.today, n.published)}
				if !reflect.DeepEqual(got["role"], want) {
					t.Errorf("%s: answered %v, want %v", n.today, got["role"], want)
				}
				if stored := e.srv.OrganizationMembers(tm.org)[user]; stored != (MemberRole{Type: "PREDEFINED", Name: n.today}) {
					t.Errorf("%s: stored %+v", n.today, stored)
				}
				space := e.addMember(spaceUsersPath(tm.space), user, predefined(d, n.today, false))
				if !reflect.DeepEqual(space["role"], want) {
					t.Errorf("%s in a space: answered %v", n.today, space["role"])
				}
			}
			custom := `{"type":"` + word(d, "CUSTOM", "custom") + `","id":"Um9sZTox"}`
			got := e.addMember(spaceUsersPath(tm.space), tm.member, custom)
			if want := map[string]any{"type": word(d, "CUSTOM", "custom"), "id": "Um9sZTox"}; !reflect.DeepEqual(got["role"], want) {
				t.Errorf("custom role answered %v, want %v", got["role"], want)
			}
			// A custom organization role is refused for what it is, not for
			// its spelling.
			r := e.do("POST", orgUsersPath(tm.org), `{"user_id":"`+tm.member+`","role":`+custom+`}`)
			wantProblem(t, r, 422, CodeValidationError, "", "custom organization roles are not supported")
			// The annotator rule names the role in the dialect's spelling.
			r = e.do("POST", orgUsersPath(tm.org), `{"user_id":"`+tm.admin+`","role":`+predefined(d, "ANNOTATOR", false)+`}`)
			wantProblem(t, r, 400, CodeInvalidRequest, "", "the "+word(d, "ANNOTATOR", "annotator")+" role")
			if e.srv.RefusedForSpelling() != 0 {
				t.Errorf("RefusedForSpelling %d, want 0", e.srv.RefusedForSpelling())
			}
		})
	}
}

// TestMemberRolesInTheOtherSpelling: a role in the other dialect's spelling
// is refused with a 422 naming the field, counted by RefusedForSpelling at
// its route, and changes nothing.
func TestMemberRolesInTheOtherSpelling(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			e := dialectEnv(t, d)
			tm := newTeam(e)
			e.addMember(orgUsersPath(tm.org), tm.member, predefined(d, "MEMBER", false))
			e.srv.ResetCounters()
			typeOnly := `{"type":"` + otherWord(d, "PREDEFINED", "predefined") + `","name":"` + word(d, "ADMIN", "admin") + `"}`
			nameOnly := `{"type":"` + word(d, "PREDEFINED", "predefined") + `","name":"` + otherWord(d, "READ_ONLY", "read-only") + `"}`
			customType := `{"type":"` + otherWord(d, "CUSTOM", "custom") + `","id":"Um9sZTox"}`
			tests := []struct {
				path, role, detail string
				route              string
			}{
				{orgUsersPath(tm.org), typeOnly, wantRoleTypeDetail[d], RouteOrganizationUsers},
				{orgUsersPath(tm.org), nameOnly, wantRoleNameDetail[d], RouteOrganizationUsers},
				{orgUsersPath(tm.org), predefined(d, "ADMIN", true), wantRoleTypeDetail[d], RouteOrganizationUsers},
				{spaceUsersPath(tm.space), nameOnly, wantRoleNameDetail[d], RouteSpaceUsers},
				{spaceUsersPath(tm.space), customType, wantRoleTypeDetail[d], RouteSpaceUsers},
			}
			for i, tt := range tests {
				r := e.do("POST", tt.path, `{"user_id":"`+tm.member+`","role":`+tt.role+`}`)
				wantProblem(t, r, http.StatusUnprocessableEntity, CodeValidationError, "", tt.detail)
				if got := e.srv.RefusedForSpelling(); got != i+1 {
					t.Errorf("%s: RefusedForSpelling %d, want %d", tt.role, got, i+1)
				}
			}
			if got := e.srv.RefusedForSpellingAt("POST", RouteOrganizationUsers); got != 3 {
				t.Errorf("RefusedForSpellingAt organization users = %d, want 3", got)
			}
			if got := e.srv.RefusedForSpellingAt("POST", RouteSpaceUsers); got != 2 {
				t.Errorf("RefusedForSpellingAt space users = %d, want 2", got)
			}
			if e.srv.Refused() != 5 {
				t.Errorf("Refused %d, want 5", e.srv.Refused())
			}
			if got := e.srv.OrganizationMembers(tm.org)[tm.member]; got != (MemberRole{Type: "PREDEFINED", Name: "MEMBER"}) || len(e.srv.SpaceMembers(tm.space)) != 0 {
				t.Errorf("a refused add changed a role: %+v", got)
			}
			// A value in neither spelling is refused, but not for its spelling.
			r := e.do("POST", orgUsersPath(tm.org), `{"user_id":"`+tm.member+`","role":{"type":"`+word(d, "PREDEFINED", "predefined")+`","name":"Admin"}}`)
			wantProblem(t, r, 422, CodeValidationError, "", wantRoleNameDetail[d])
			if e.srv.RefusedForSpelling() != 5 {
				t.Errorf("an unknown value was counted as a spelling: %d", e.srv.RefusedForSpelling())
			}
			e.srv.ResetCounters()
			if e.srv.RefusedForSpelling() != 0 {
				t.Error("ResetCounters kept RefusedForSpelling")
			}
		})
	}
}

func TestCanonicalRoles(t *testing.T) {
	for _, p := range append(testRoleTypes, testRoleNames...) {
		if got := Canonical(p.published); got != p.today {
			t.Errorf("Canonical(%q) = %q, want %q", p.published, got, p.today)
		}
	}
	for _, v := range []string{"Admin", "READ-ONLY", "read_only"} {
		if got := Canonical(v); got != v {
			t.Errorf("Canonical(%q) = %q, want it unchanged", v, got)
		}
	}
}
