package provider

import (
	"fmt"
	"maps"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-version"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// soakCount is how many integrations the soak test manages at once, beside
// soakOrgs organizations of soakSpacesPerOrg spaces each.
const (
	soakCount        = 100
	soakOrgs         = 10
	soakSpacesPerOrg = 2
	// soakJudges LLM judges, one in each organization's first space, each
	// calling an OPEN_AI integration of the soak.
	soakJudges = soakOrgs
	// soakPeople users and as many custom roles; one role binding on each
	// space, to a user and a role chosen by the space's index.
	soakPeople = 10
	// soakSpaces spaces, each with one binding and one project; a
	// restriction on every other project.
	soakSpaces   = soakOrgs * soakSpacesPerOrg
	soakBindings = soakSpaces
)

// soakConfig declares soakCount integrations of several kinds, organizations
// and spaces to scope some of them to, LLM judges calling judgeModel, users,
// custom roles, and bindings of those roles on the spaces, the role of
// space i's binding being role (i + roleShift) mod soakPeople, projects and
// restrictions, and a service key on each space, rotated when roleShift
// changes.
func soakConfig(endpoint, judgeModel string, roleShift int) string {
	return cliConfig(fmt.Sprintf("endpoint = %q\n  max_retries = 12", endpoint), fmt.Sprintf(`
locals {
  kinds = ["OPEN_AI", "ANTHROPIC", "CUSTOM", "GEMINI"]
}

resource "arize_ai_integration" "soak" {
  count       = %[1]d
  name        = format("soak-%%03d", count.index)
  ai_provider = local.kinds[count.index %% 4]
  base_url    = count.index %% 4 == 2 ? "https://llm-${count.index}.example.com/v1" : null
  model_names = ["model-${count.index}", "shared"]
  headers     = count.index %% 5 == 0 ? { "X-Index" = tostring(count.index) } : null
  scopings    = count.index %% 3 == 0 ? [{ organization_id = arize_organization.soak[count.index %% %[2]d].id }] : []
}

resource "arize_organization" "soak" {
  count               = %[2]d
  name                = format("soak-org-%%02d", count.index)
  description         = "soak organization ${count.index}"
  deletion_protection = false
}

resource "arize_space" "soak" {
  count               = %[2]d * %[3]d
  organization_id     = arize_organization.soak[floor(count.index / %[3]d)].id
  name                = format("soak-space-%%02d", count.index %% %[3]d)
  is_private          = count.index %% 2 == 1
  deletion_protection = false
}

resource "arize_evaluator" "soak" {
  count    = %[4]d
  space_id = arize_space.soak[count.index * %[3]d].id
  type     = "TEMPLATE"
  name     = format("soak-judge-%%02d", count.index)
  template = {
    eval_column_name       = "correctness"
    template               = "Is {output} correct for {input}?"
    classification_choices = { correct = 1, incorrect = 0 }
    llm_config = {
      ai_integration_id = arize_ai_integration.soak[count.index * 4].id
      model_name        = %[5]q
    }
  }
}

resource "arize_user" "soak" {
  count               = %[6]d
  email               = format("soak-user-%%02d@example.com", count.index)
  name                = format("Soak user %%02d", count.index)
  role                = "MEMBER"
  # A create resent blindly would be a 409 for an active (NONE) user, and an
  # adopted invitation, with its warning, for an invited one.
  invite_mode         = count.index %% 2 == 0 ? "NONE" : "EMAIL_LINK"
  deletion_protection = false
}

resource "arize_role" "soak" {
  count       = %[6]d
  name        = format("soak-role-%%02d", count.index)
  permissions = ["PROJECT_READ", count.index %% 2 == 0 ? "DATASET_READ" : "PROMPT_READ"]
}

resource "arize_project" "soak" {
  count               = %[7]d
  space_id            = arize_space.soak[count.index].id
  name                = format("soak-project-%%02d", count.index)
  deletion_protection = false
}

resource "arize_project_restriction" "soak" {
  count      = %[7]d / 2
  project_id = arize_project.soak[count.index * 2].id
}

resource "arize_service_api_key" "soak" {
  count       = %[7]d
  name        = format("soak-key-%%02d", count.index)
  description = "soak key ${count.index}"
  organizations = [{
    organization_id = arize_organization.soak[floor(count.index / %[3]d)].id
    spaces          = [{ space_id = arize_space.soak[count.index].id, role = "READ_ONLY" }]
  }]
  rotation = "%[8]d"
}

resource "arize_role_binding" "soak" {
  count         = %[7]d
  user_id       = arize_user.soak[count.index %% %[6]d].id
  resource_type = "SPACE"
  resource_id   = arize_space.soak[count.index].id
  role_id       = arize_role.soak[(count.index + %[8]d) %% %[6]d].id
}
`, soakCount, soakOrgs, soakSpacesPerOrg, soakJudges, judgeModel, soakPeople, soakBindings, roleShift))
}

// TestSoak_faultyAPI applies, re-plans and destroys soakCount integrations
// with -parallelism=20 while 30% of requests fail with 429 or 5xx, and a
// further 5% of successful writes lose their answer after the server made
// the change (the case where a blind retry would duplicate). It checks that
// nothing is duplicated, lost or left behind, and prints the counts it saw.
func TestSoak_faultyAPI(t *testing.T) {
	emu := newTestEmulator(t, emulator.Options{APIKey: testAccAPIKey, Spaces: testAccSpaces})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	faults := emulator.Faults{
		ErrorRate: 0.3, Statuses: []int{429, 500, 502, 503, 504}, RetryAfter: time.Second,
		DropAfterCommitRate: 0.05,
		Seed:                20261129,
	}
	emu.SetFaults(faults)

	w := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	w.write("main.tf", soakConfig(srv.URL, "model-0", 0))
	report := func(phase string, started time.Time) {
		t.Logf("%-8s %6.1fs  requests: %v", phase, time.Since(started).Seconds(), sortedCounts(emu.Requests()))
		t.Logf("%-8s          injected: %v", "", sortedCounts(emu.Injected()))
		emu.ResetCounters()
	}

	start := time.Now()
	applied := w.run(nil, "apply", "-no-color", "-auto-approve", "-parallelism=20")
	report("apply", start)
	if strings.Contains(applied, "Adopted a pending invitation") {
		t.Errorf("a user's create was sent again and adopted its own invitation:\n%s", applied)
	}
	checkSoakStore(t, emu)
	checkSoakStructure(t, emu)
	checkSoakAccess(t, emu, 0)
	checkSoakProjects(t, emu)
	keys := checkSoakKeys(t, emu, nil)

	start = time.Now()
	if out, err := w.tryRun(nil, "plan", "-no-color", "-detailed-exitcode", "-parallelism=20"); err != nil {
		t.Errorf("the plan after apply is not empty (%v):\n%s", err, out)
	}
	report("plan", start)
	checkSoakJudges(t, emu, 1)

	// Adoption under the same faults: the guide's query over the whole
	// account finds every object, once, with nothing but reads.
	start = time.Now()
	checkSoakQuery(t, emu, srv.URL)
	report("query", start)

	// A new model for every judge: one new version each, and another role
	// for every binding, in place, whatever the faults.
	w.write("main.tf", soakConfig(srv.URL, "shared", 1))
	start = time.Now()
	w.run(nil, "apply", "-no-color", "-auto-approve", "-parallelism=20")
	report("versions", start)
	checkSoakJudges(t, emu, 2)
	checkSoakAccess(t, emu, 1)
	checkSoakKeys(t, emu, keys)
	if out, err := w.tryRun(nil, "plan", "-no-color", "-detailed-exitcode", "-parallelism=20"); err != nil {
		t.Errorf("the plan after the new versions is not empty (%v):\n%s", err, out)
	}
	emu.ResetCounters()

	start = time.Now()
	w.run(nil, "destroy", "-no-color", "-auto-approve", "-parallelism=20")
	report("destroy", start)
	if n := emu.Len(); n != 0 {
		t.Errorf("destroy left %d integrations", n)
	}
	if n := len(emu.Evaluators()); n != 0 {
		t.Errorf("destroy left %d evaluators", n)
	}
	if orgs, spaces := emu.Organizations(), emu.Spaces(); len(orgs) != 0 || len(spaces) != 0 {
		t.Errorf("destroy left %d organizations and %d spaces", len(orgs), len(spaces))
	}
	for _, k := range emu.APIKeys() {
		if k.Status != "REVOKED" {
			t.Errorf("destroy left the key %s (%s) %s", k.Name, k.ID, k.Status)
		}
	}
	if projects, restrictions := len(emu.Projects()), len(emu.Restrictions()); projects != 0 || restrictions != 0 {
		t.Errorf("destroy left %d projects and %d restrictions", projects, restrictions)
	}
	if users, roles, bindings := exampleObjectCounts["arize_user"](emu), exampleObjectCounts["arize_role"](emu), len(emu.RoleBindings()); users != len(testAccUsers) || roles != 0 || bindings != 0 {
		t.Errorf("destroy left %d users (want the %d seeded), %d custom roles and %d bindings", users, len(testAccUsers), roles, bindings)
	}
}

// checkSoakStructure checks the emulator holds exactly the configured
// organizations and spaces, once each, each space in its organization.
func checkSoakStructure(t *testing.T, emu *emulator.Server) {
	t.Helper()
	orgs := map[string]string{} // id -> name
	for _, o := range emu.Organizations() {
		if _, dup := orgs[o.ID]; dup || slices.Contains(slices.Collect(maps.Values(orgs)), o.Name) {
			t.Errorf("duplicate organization %q", o.Name)
		}
		orgs[o.ID] = o.Name
	}
	if len(orgs) != soakOrgs {
		t.Errorf("the emulator holds %d organizations, want exactly %d", len(orgs), soakOrgs)
	}
	perOrg := map[string][]string{} // organization name -> its space names
	for _, sp := range emu.Spaces() {
		org := orgs[emu.SpaceOrganization(sp.ID)]
		perOrg[org] = append(perOrg[org], sp.Name)
	}
	for i := range soakOrgs {
		got := perOrg[fmt.Sprintf("soak-org-%02d", i)]
		sort.Strings(got)
		if want := []string{"soak-space-00", "soak-space-01"}; !slices.Equal(got, want) {
			t.Errorf("soak-org-%02d holds spaces %q, want %q", i, got, want)
		}
	}
}

// checkSoakStore checks the emulator holds exactly the configured
// integrations, once each.
func checkSoakStore(t *testing.T, emu *emulator.Server) {
	t.Helper()
	stored := emu.List()
	if len(stored) != soakCount {
		t.Fatalf("the emulator holds %d integrations, want exactly %d", len(stored), soakCount)
	}
	kinds := []string{"OPEN_AI", "ANTHROPIC", "CUSTOM", "GEMINI"}
	seen := map[string]bool{}
	for _, rec := range stored {
		var i int
		if _, err := fmt.Sscanf(rec.Name, "soak-%03d", &i); err != nil || seen[rec.Name] {
			t.Errorf("unexpected or duplicate integration %q", rec.Name)
			continue
		}
		seen[rec.Name] = true
		wantURL := ""
		if i%4 == 2 {
			wantURL = fmt.Sprintf("https://llm-%d.example.com/v1", i)
		}
		ok := emulator.Canonical(rec.Provider) == kinds[i%4] && rec.BaseURL == wantURL &&
			slices.Equal(rec.ModelNames, []string{fmt.Sprintf("model-%d", i), "shared"}) &&
			(i%5 == 0) == (rec.Headers["X-Index"] == fmt.Sprint(i)) &&
			(i%3 == 0) == (len(rec.Scopings) == 1)
		if !ok {
			t.Errorf("%s is not as configured: %+v", rec.Name, rec)
		}
	}
}

func sortedCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s=%d", k, m[k])
	}
	return strings.Join(parts, " ")
}

// checkSoakJudges checks the emulator holds exactly the configured judges,
// once each, each with exactly versions versions: no create and no version
// POST made twice.
func checkSoakJudges(t *testing.T, emu *emulator.Server, versions int) {
	t.Helper()
	judges := emu.Evaluators()
	if len(judges) != soakJudges {
		t.Errorf("the emulator holds %d evaluators, want exactly %d", len(judges), soakJudges)
	}
	seen := map[string]bool{}
	for _, j := range judges {
		if seen[j.Name] {
			t.Errorf("duplicate evaluator %q", j.Name)
		}
		seen[j.Name] = true
		if n := len(emu.EvaluatorVersions(j.ID)); n != versions {
			t.Errorf("%s has %d versions, want %d", j.Name, n, versions)
		}
	}
}

// checkSoakAccess checks the emulator holds exactly the configured users,
// custom roles and bindings, once each: no create of unknown outcome made
// twice, and each binding with the role (space index + roleShift) mod
// soakPeople.
func checkSoakAccess(t *testing.T, emu *emulator.Server, roleShift int) {
	t.Helper()
	users := map[string]string{} // id -> email
	for _, u := range emu.Users() {
		if strings.HasPrefix(u.Email, "soak-user-") {
			if slices.Contains(slices.Collect(maps.Values(users)), u.Email) {
				t.Errorf("duplicate user %q", u.Email)
			}
			users[u.ID] = u.Email
		}
	}
	if len(users) != soakPeople {
		t.Errorf("the emulator holds %d soak users, want exactly %d", len(users), soakPeople)
	}
	roles := map[string]string{} // id -> name
	for _, r := range emu.Roles() {
		if r.IsPredefined {
			continue
		}
		if slices.Contains(slices.Collect(maps.Values(roles)), r.Name) {
			t.Errorf("duplicate role %q", r.Name)
		}
		roles[r.ID] = r.Name
	}
	if len(roles) != soakPeople {
		t.Errorf("the emulator holds %d custom roles, want exactly %d", len(roles), soakPeople)
	}
	// Space i is soak-org-(i/2)'s soak-space-(i%2).
	spaceIndex := map[string]int{}
	orgNames := map[string]string{}
	for _, o := range emu.Organizations() {
		orgNames[o.ID] = o.Name
	}
	for _, sp := range emu.Spaces() {
		var org, n int
		if _, err := fmt.Sscanf(orgNames[emu.SpaceOrganization(sp.ID)]+" "+sp.Name, "soak-org-%02d soak-space-%02d", &org, &n); err == nil {
			spaceIndex[sp.ID] = org*soakSpacesPerOrg + n
		}
	}
	bindings := emu.RoleBindings()
	if len(bindings) != soakBindings {
		t.Errorf("the emulator holds %d role bindings, want exactly %d", len(bindings), soakBindings)
	}
	for _, b := range bindings {
		i, ok := spaceIndex[b.ResourceID]
		wantUser := fmt.Sprintf("soak-user-%02d@example.com", i%soakPeople)
		wantRole := fmt.Sprintf("soak-role-%02d", (i+roleShift)%soakPeople)
		if !ok || users[b.UserID] != wantUser || roles[b.RoleID] != wantRole {
			t.Errorf("binding %s on space %d grants %q to %q, want %q to %q", b.ID, i, roles[b.RoleID], users[b.UserID], wantRole, wantUser)
		}
	}
}

// checkSoakProjects checks the emulator holds one project in each space,
// named after the space's index, once, and a restriction on every other
// one.
func checkSoakProjects(t *testing.T, emu *emulator.Server) {
	t.Helper()
	projects := emu.Projects()
	if len(projects) != soakSpaces {
		t.Errorf("the emulator holds %d projects, want exactly %d", len(projects), soakSpaces)
	}
	names := map[string]string{} // id -> name
	for _, p := range projects {
		if slices.Contains(slices.Collect(maps.Values(names)), p.Name) {
			t.Errorf("duplicate project %q", p.Name)
		}
		names[p.ID] = p.Name
	}
	restrictions := emu.Restrictions()
	if len(restrictions) != soakSpaces/2 {
		t.Errorf("the emulator holds %d restrictions, want exactly %d", len(restrictions), soakSpaces/2)
	}
	for _, r := range restrictions {
		var i int
		if _, err := fmt.Sscanf(names[r.ResourceID], "soak-project-%02d", &i); err != nil || i%2 != 0 {
			t.Errorf("a restriction on %q (%s), want one on each even soak project", names[r.ResourceID], r.ResourceID)
		}
	}
}

// checkSoakKeys checks the emulator holds exactly one active service key per
// soak space, once each: no key minted twice under faults. Given the keys
// of an earlier check (name -> key), each must have kept its ID and been
// given a new secret (rotated in place, its redacted form changed). It
// returns the keys by name.
func checkSoakKeys(t *testing.T, emu *emulator.Server, before map[string]emulator.APIKey) map[string]emulator.APIKey {
	t.Helper()
	byName := map[string]emulator.APIKey{}
	for _, k := range emu.APIKeys() {
		if k.Status == "REVOKED" {
			continue
		}
		if _, dup := byName[k.Name]; dup {
			t.Errorf("duplicate active key %q", k.Name)
		}
		byName[k.Name] = k
	}
	if len(byName) != soakSpaces {
		t.Errorf("the emulator holds %d active keys, want exactly %d", len(byName), soakSpaces)
	}
	if n := len(emu.APIKeys()); n != soakSpaces {
		t.Errorf("the emulator minted %d keys in all, want exactly %d", n, soakSpaces)
	}
	for name, old := range before {
		now, ok := byName[name]
		switch {
		case !ok:
			t.Errorf("the key %s is gone after the rotation", name)
		case now.ID != old.ID:
			t.Errorf("the key %s changed its ID from %s to %s on rotation", name, old.ID, now.ID)
		case now.RedactedKey == old.RedactedKey:
			t.Errorf("the key %s kept its secret (%s) through the rotation", name, now.RedactedKey)
		}
	}
	return byName
}

// checkSoakQuery runs the guide's whole-account query file (Terraform 1.14
// and later) against the faulty emulator, in a root module of its own, and
// checks that the generated file imports exactly what the emulator holds,
// and that the query sent nothing but GETs.
func checkSoakQuery(t *testing.T, emu *emulator.Server, endpoint string) {
	t.Helper()
	q := newCLIWorkdir(t, EnvAPIKey+"="+testAccAPIKey)
	have, err := version.NewVersion(q.cliVersion())
	if err != nil {
		t.Fatal(err)
	}
	if have.LessThan(version.Must(version.NewVersion(queryVersion))) {
		t.Logf("query   skipped: Terraform CLI %s has no terraform query", have)
		return
	}
	q.write("main.tf", cliConfig(fmt.Sprintf("endpoint = %q\n  max_retries = 12", endpoint), ""))
	q.write("account.tfquery.hcl", guideQuery(t, "account.tfquery.hcl"))
	emu.ResetCounters()
	q.run(nil, "query", "-no-color", "-generate-config-out=adopted.tf")
	got := generatedImports(t, q.read("adopted.tf"))
	expectSameObjects(t, "the soak account", got, selectObjects(accountInventory(emu), func(accountObject) bool { return true }))
	if len(got) < 100 {
		t.Errorf("the query found %d objects, fewer than the soak's integrations alone", len(got))
	}
	for key, n := range emu.Requests() {
		if !strings.HasPrefix(key, "GET ") && n > 0 {
			t.Errorf("the query sent %d write request(s) %s", n, key)
		}
	}
}
