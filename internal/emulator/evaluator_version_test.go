package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"testing"
	"time"
)

// evaluatorPage is a page of GET /v2/evaluators.
type evaluatorPage struct {
	Evaluators []map[string]any `json:"evaluators"`
	Pagination struct {
		HasMore    bool    `json:"has_more"`
		NextCursor *string `json:"next_cursor"`
	} `json:"pagination"`
}

func (e *env) listEvaluators(query string) evaluatorPage {
	e.t.Helper()
	r := e.do("GET", evaluators+query, "")
	if r.status != http.StatusOK {
		e.t.Fatalf("list %q: %d %s", query, r.status, r.body)
	}
	var p evaluatorPage
	if err := json.Unmarshal(r.body, &p); err != nil {
		e.t.Fatal(err)
	}
	return p
}

func evaluatorNames(p evaluatorPage) []string {
	names := []string{}
	for _, ev := range p.Evaluators {
		names = append(names, ev["name"].(string))
	}
	return names
}

// versionPage is a page of GET /v2/evaluators/{id}/versions.
type versionListPage struct {
	EvaluatorVersions []map[string]any `json:"evaluator_versions"`
	Pagination        struct {
		HasMore    bool    `json:"has_more"`
		NextCursor *string `json:"next_cursor"`
	} `json:"pagination"`
}

func (e *env) listVersions(id, query string) versionListPage {
	e.t.Helper()
	r := e.do("GET", versionsPath(id)+query, "")
	if r.status != http.StatusOK {
		e.t.Fatalf("versions %q: %d %s", query, r.status, r.body)
	}
	var p versionListPage
	if err := json.Unmarshal(r.body, &p); err != nil {
		e.t.Fatal(err)
	}
	return p
}

// appendVersion POSTs a version and fails the test unless it answers 201.
func (e *env) appendVersion(id string, members map[string]any) map[string]any {
	e.t.Helper()
	r := e.do("POST", versionsPath(id), body(e.t, members))
	if r.status != http.StatusCreated {
		e.t.Fatalf("append version: %d %s", r.status, r.body)
	}
	return r.json(e.t)
}

func TestEvaluatorVersionsAreAppendOnly(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	created := e.createEvaluator(createBody(t, w.space, "judge", "TEMPLATE", judgeConfig(w.integration)))
	id := created["id"].(string)
	first := asMap(created["version"])

	e.clock.Advance(time.Second)
	config := judgeConfig(w.integration)
	config["direction"] = "MINIMIZE"
	r := e.do("POST", versionsPath(id), body(t, map[string]any{"commit_message": "minimize", "template_config": config}))
	if r.status != http.StatusCreated {
		t.Fatalf("append: %d %s", r.status, r.body)
	}
	second := r.json(t)
	if relaySeq(t, "EvaluatorVersion", second["id"].(string)) != "2" || second["evaluator_id"] != id || second["commit_message"] != "minimize" ||
		second["type"] != "TEMPLATE" || second["created_at"] != "2026-02-13T21:27:20.055Z" || !commitHashOK(second["commit_hash"].(string)) {
		t.Errorf("second version %v", second)
	}
	if loc := r.header.Get("Location"); loc != versionPath(second["id"].(string)) {
		t.Errorf("Location %q", loc)
	}
	if got := asMap(second["template_config"])["direction"]; got != "MINIMIZE" {
		t.Errorf("direction %v", got)
	}
	// It is the latest at once, and the evaluator's updated_at moved.
	got := e.do("GET", evaluatorPath(id), "").json(t)
	if !reflect.DeepEqual(got["version"], second) {
		t.Errorf("GET answers version %v, want the new one", got["version"])
	}
	if got["updated_at"] != "2026-02-13T21:27:20.055Z" || got["created_at"] != created["created_at"] {
		t.Errorf("timestamps %v %v", got["created_at"], got["updated_at"])
	}
	// An identical configuration still makes a new version.
	third := e.appendVersion(id, map[string]any{"commit_message": "minimize", "template_config": config})
	if third["id"] == second["id"] || third["commit_hash"] == second["commit_hash"] ||
		!reflect.DeepEqual(third["template_config"], second["template_config"]) {
		t.Errorf("identical configuration: %v", third)
	}
	// Earlier versions are unchanged and can still be read.
	got = e.do("GET", evaluatorPath(id), "").json(t)
	if got["updated_at"] != "2026-02-13T21:27:20.056Z" {
		t.Errorf("updated_at %v: it moves forward on each version, even on a frozen clock", got["updated_at"])
	}
	for _, v := range []map[string]any{first, second} {
		if g := e.do("GET", versionPath(v["id"].(string)), ""); g.status != 200 || !reflect.DeepEqual(g.json(t), v) {
			t.Errorf("GET version: %d %s", g.status, g.body)
		}
		old := e.do("GET", evaluatorPath(id)+"?version_id="+url.QueryEscape(v["id"].(string)), "").json(t)
		if !reflect.DeepEqual(old["version"], v) || old["updated_at"] != got["updated_at"] {
			t.Errorf("?version_id: %v", old)
		}
	}
	if n := len(e.srv.EvaluatorVersions(id)); n != 3 {
		t.Errorf("%d versions, want 3", n)
	}
	// Versions list newest first.
	p := e.listVersions(id, "")
	var ids []any
	for _, v := range p.EvaluatorVersions {
		ids = append(ids, v["id"])
	}
	if want := []any{third["id"], second["id"], first["id"]}; !reflect.DeepEqual(ids, want) || p.Pagination.HasMore {
		t.Errorf("versions %v, want %v", ids, want)
	}
}

func TestEvaluatorVersionPaging(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	id := e.createJudge(w, "judge")
	other := e.createJudge(w, "other")
	for range 4 {
		e.appendVersion(id, map[string]any{"commit_message": "m", "template_config": judgeConfig(w.integration)})
	}
	all := e.srv.EvaluatorVersions(id) // oldest first
	var seen []string
	cursor := ""
	for pages := 0; ; pages++ {
		q := "?limit=2"
		if cursor != "" {
			q += "&cursor=" + url.QueryEscape(cursor)
		}
		p := e.listVersions(id, q)
		for _, v := range p.EvaluatorVersions {
			seen = append(seen, v["id"].(string))
		}
		if pages == 0 {
			// A version made between two pages is newer than the cursor: the
			// pages still neither skip nor repeat one.
			e.appendVersion(id, map[string]any{"commit_message": "late", "template_config": judgeConfig(w.integration)})
			wantProblem(t, e.do("GET", versionsPath(other)+"?cursor="+url.QueryEscape(*p.Pagination.NextCursor), ""),
				400, CodeInvalidRequest, "", "cursor")
		}
		if !p.Pagination.HasMore {
			if p.Pagination.NextCursor != nil {
				t.Error("next_cursor without has_more")
			}
			break
		}
		cursor = *p.Pagination.NextCursor
	}
	var want []string
	for i := len(all) - 1; i >= 0; i-- {
		want = append(want, all[i].ID)
	}
	if !reflect.DeepEqual(seen, want) {
		t.Errorf("paged %v\nwant %v", seen, want)
	}
	for _, q := range []string{"?limit=0", "?limit=101", "?cursor=nope", "?name=x"} {
		wantProblem(t, e.do("GET", versionsPath(id)+q, ""), 400, CodeInvalidRequest, "", "")
	}
}

func TestEvaluatorVersionErrors(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	id := e.createJudge(w, "judge")
	codeID := e.createEvaluator(createBody(t, w.space, "code", "CODE", managedConfig()))["id"].(string)
	good := judgeConfig(w.integration)
	missing := judgeConfig("TGxtSW50ZWdyYXRpb246OTk6YUJjRA==")
	tests := []struct {
		name, path, body string
		status           int
		code             string
		detail           string
	}{
		{"type is not a member", versionsPath(id), body(t, map[string]any{"commit_message": "m", "type": "TEMPLATE", "template_config": good}), 400, CodeInvalidRequest, `unknown field "type"`},
		{"version is not a member", versionsPath(id), body(t, map[string]any{"version": map[string]any{}}), 400, CodeInvalidRequest, `unknown field "version"`},
		{"config type", versionsPath(id), `{"commit_message":"m","template_config":[]}`, 400, CodeInvalidRequest, "template_config must be an object"},
		{"not JSON", versionsPath(id), `{`, 400, CodeInvalidRequest, "not valid JSON"},
		{"commit_message missing", versionsPath(id), body(t, map[string]any{"template_config": good}), 422, CodeValidationError, "commit_message is required"},
		{"no configuration", versionsPath(id), `{"commit_message":"m"}`, 422, CodeValidationError, "template_config is required for type TEMPLATE"},
		{"code for a TEMPLATE evaluator", versionsPath(id), body(t, map[string]any{"commit_message": "m", "code_config": managedConfig()}), 422, CodeValidationError, "code_config does not match type TEMPLATE"},
		{"template for a CODE evaluator", versionsPath(codeID), body(t, map[string]any{"commit_message": "m", "template_config": good}), 422, CodeValidationError, "template_config does not match type CODE"},
		{"same validation as create", versionsPath(id), body(t, map[string]any{"commit_message": "m", "template_config": map[string]any{"name": "x"}}), 422, CodeValidationError, "template_config.template is required"},
		{"unknown integration", versionsPath(id), body(t, map[string]any{"commit_message": "m", "template_config": missing}), 422, CodeValidationError,
			`template_config.llm_config.ai_integration_id: AI integration "TGxtSW50ZWdyYXRpb246OTk6YUJjRA==" not found`},
		{"unknown evaluator", versionsPath("RXZhbHVhdG9yOjk6YWJjZA=="), `{}`, 404, CodeNotFound, `evaluator "RXZhbHVhdG9yOjk6YWJjZA==" not found`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, e.do("POST", tt.path, tt.body), tt.status, tt.code, tt.path, tt.detail)
		})
	}
	if len(e.srv.EvaluatorVersions(id)) != 1 || len(e.srv.EvaluatorVersions(codeID)) != 1 {
		t.Error("a refused version was made")
	}
	// The version reads.
	v := e.srv.EvaluatorVersions(id)[0].ID
	otherV := e.srv.EvaluatorVersions(codeID)[0].ID
	wantProblem(t, e.do("GET", evaluatorPath(id)+"?version_id="+url.QueryEscape(otherV), ""), 404, CodeNotFound, "", "no such version of evaluator")
	wantProblem(t, e.do("GET", evaluatorPath(id)+"?version_id=nope", ""), 404, CodeNotFound, "", "no such version")
	wantProblem(t, e.do("GET", evaluatorPath(id)+"?version=1", ""), 400, CodeInvalidRequest, "", `"version"`)
	wantProblem(t, e.do("GET", versionPath("RXZhbHVhdG9yVmVyc2lvbjo5OmFiY2Q="), ""), 404, CodeNotFound, "", "evaluator version")
	wantProblem(t, e.do("GET", versionsPath("RXZhbHVhdG9yOjk6YWJjZA=="), ""), 404, CodeNotFound, "", "not found")
	if r := e.do("GET", evaluatorPath(id)+"?version_id="+url.QueryEscape(v), ""); r.status != 200 {
		t.Errorf("?version_id of its own version: %d %s", r.status, r.body)
	}
}

func TestEvaluatorList(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	staging := e.createSpace(w.org, "Staging EU")
	private := e.createSpace(w.org, "private")
	inStaging := evalWorld{space: staging, integration: w.integration}
	e.createJudge(w, "Hallucination")
	e.createJudge(inStaging, "hallucination v2")
	e.createJudge(w, "Tone")
	e.createJudge(evalWorld{space: private, integration: w.integration}, "secret")
	e.srv.ForbidSpace(private, true)

	all := e.listEvaluators("")
	if got := evaluatorNames(all); !reflect.DeepEqual(got, []string{"Hallucination", "hallucination v2", "Tone"}) || all.Pagination.HasMore {
		t.Errorf("list %v (creation order, the forbidden space's left out)", got)
	}
	for _, ev := range all.Evaluators {
		if _, ok := ev["version"]; ok {
			t.Errorf("a list item carries a version: %v", ev)
		}
	}
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"?name=HALLU", []string{"Hallucination", "hallucination v2"}},
		{"?space_id=" + url.QueryEscape(w.space), []string{"Hallucination", "Tone"}},
		{"?space_name=staging", []string{"hallucination v2"}},
		{"?space_name=A&name=tone", []string{"Tone"}}, // "space" and "Staging EU" both contain a
		{"?space_id=" + url.QueryEscape(w.space) + "&name=zzz", []string{}},
	} {
		if got := evaluatorNames(e.listEvaluators(tt.query)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.query, got, tt.want)
		}
	}
	wantProblem(t, e.do("GET", evaluators+"?space_id=U3BhY2U6OTk6YWJjZA==", ""), 404, CodeNotFound, evaluators, "space_id")
	wantProblem(t, e.do("GET", evaluators+"?space_name=nowhere", ""), 404, CodeNotFound, evaluators, "space_name")
	wantProblem(t, e.do("GET", evaluators+"?space_name=private", ""), 404, CodeNotFound, evaluators, "space_name")
	wantProblem(t, e.do("GET", evaluators+"?org_id=x", ""), 400, CodeInvalidRequest, evaluators, `"org_id"`)

	// Pages in creation order with stable cursors: a delete between pages
	// neither skips nor repeats anything.
	p1 := e.listEvaluators("?limit=2")
	if got := evaluatorNames(p1); !reflect.DeepEqual(got, []string{"Hallucination", "hallucination v2"}) || !p1.Pagination.HasMore {
		t.Fatalf("page 1 %v", got)
	}
	e.srv.RemoveEvaluator(p1.Evaluators[1]["id"].(string))
	p2 := e.listEvaluators("?limit=2&cursor=" + url.QueryEscape(*p1.Pagination.NextCursor))
	if got := evaluatorNames(p2); !reflect.DeepEqual(got, []string{"Tone"}) || p2.Pagination.HasMore {
		t.Errorf("page 2 %v", got)
	}
	wantProblem(t, e.do("GET", evaluators+"?limit=2&name=t&cursor="+url.QueryEscape(*p1.Pagination.NextCursor), ""), 400, CodeInvalidRequest, evaluators, "cursor")
}

// TestEvaluatorCascades: deleting a space or an organization deletes its
// evaluators with their versions; deleting an AI integration one
// references keeps it, the reference dangling.
func TestEvaluatorCascades(t *testing.T) {
	e := newEnv(t)
	w := newEvalWorld(e)
	other := e.createSpace(w.org, "other")
	inSpace := e.createJudge(w, "judge")
	inOther := e.createJudge(evalWorld{space: other, integration: w.integration}, "judge")
	secondOrg := e.createOrg("second")
	keep := e.createJudge(evalWorld{space: e.createSpace(secondOrg, "s"), integration: w.integration}, "kept")
	if r := e.do("DELETE", spacePath(w.space), ""); r.status != 204 {
		t.Fatalf("DELETE space: %d", r.status)
	}
	if _, ok := e.srv.Evaluator(inSpace); ok || len(e.srv.EvaluatorVersions(inSpace)) != 0 {
		t.Error("the space's evaluator survived its space")
	}
	if _, ok := e.srv.Evaluator(inOther); !ok {
		t.Error("another space's evaluator went with it")
	}
	if r := e.do("DELETE", orgPath(w.org), ""); r.status != 204 {
		t.Fatalf("DELETE organization: %d", r.status)
	}
	wantProblem(t, e.do("GET", evaluatorPath(inOther), ""), 404, CodeNotFound, "", "not found")
	if got := e.srv.Evaluators(); len(got) != 1 || got[0].ID != keep {
		t.Errorf("left %+v", got)
	}

	// The integration it calls is deleted: the evaluator stays, and reads
	// the id it was made with.
	if r := e.do("DELETE", itemPath(w.integration), ""); r.status != 204 {
		t.Fatalf("DELETE integration: %d", r.status)
	}
	r := e.do("GET", evaluatorPath(keep), "")
	if r.status != 200 {
		t.Fatalf("GET: %d %s", r.status, r.body)
	}
	llm := asMap(asMap(asMap(r.json(t)["version"])["template_config"])["llm_config"])
	if llm["ai_integration_id"] != w.integration {
		t.Errorf("ai_integration_id %v, want the dangling %s", llm["ai_integration_id"], w.integration)
	}
	// A new version cannot name it any more.
	wantProblem(t, e.do("POST", versionsPath(keep), body(t, map[string]any{"commit_message": "m", "template_config": judgeConfig(w.integration)})),
		422, CodeValidationError, "", "ai_integration_id")
	// The hooks cascade alike.
	sp, _ := e.srv.PutSpace(secondOrg, "hooked", "", false)
	hooked := e.createJudge(evalWorld{space: sp.ID, integration: e.createNamed("again")}, "h")
	e.srv.RemoveOrganization(secondOrg)
	if _, ok := e.srv.Evaluator(hooked); ok || len(e.srv.Evaluators()) != 0 {
		t.Error("RemoveOrganization kept evaluators")
	}
}
