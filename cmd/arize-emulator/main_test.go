package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while run writes to it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func noEnv(string) string { return "" }

func TestRunServesAndShutsDown(t *testing.T) {
	addrFile := filepath.Join(t.TempDir(), "addr")
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-addr-file", addrFile}, &stdout, &stderr,
			func(k string) string { return map[string]string{"ARIZE_API_KEY": "k"}[k] })
	}()

	var base string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if b, err := os.ReadFile(addrFile); err == nil {
			base = string(b)
			break
		}
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("addr file holds %q (stderr %s)", base, stderr.String())
	}
	if want := "arize-emulator listening on " + base + " (dialect today)\n"; stdout.String() != want {
		t.Errorf("stdout %q, want %q", stdout.String(), want)
	}

	req, _ := http.NewRequest("GET", base+"/v2/ai-integrations?space_name=prod", nil)
	req.Header.Set("Authorization", "Bearer k")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("list with the default spaces: %d %v", resp.StatusCode, body)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d, stderr %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no shutdown after cancel")
	}
	if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(addrFile), ".addr.*")); len(matches) != 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}

func TestRunRefusesBadFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  func(string) string
		want string
	}{
		{"no key", nil, noEnv, "API key is required"},
		{"public host", []string{"-api-key", "k", "-listen", "0.0.0.0:0"}, noEnv, "loopback"},
		{"empty host", []string{"-api-key", "k", "-listen", ":8080"}, noEnv, "loopback"},
		{"named host", []string{"-api-key", "k", "-listen", "example.com:80"}, noEnv, "loopback"},
		{"no port", []string{"-api-key", "k", "-listen", "127.0.0.1"}, noEnv, "-listen"},
		{"error rate", []string{"-api-key", "k", "-error-rate", "2"}, noEnv, "error-rate"},
		{"drop rate", []string{"-api-key", "k", "-drop-rate", "1.5"}, noEnv, "-drop-rate must be between 0 and 1"},
		{"drop after commit rate", []string{"-api-key", "k", "-drop-after-commit-rate", "-0.1"}, noEnv, "-drop-after-commit-rate must be"},
		{"NaN rate", []string{"-api-key", "k", "-drop-rate", "NaN"}, noEnv, "-drop-rate must be"},
		{"status not a number", []string{"-api-key", "k", "-statuses", "429,abc"}, noEnv, `"abc" is not a status`},
		{"status not an error", []string{"-api-key", "k", "-statuses", "200"}, noEnv, `"200" is not a status`},
		{"empty statuses", []string{"-api-key", "k", "-statuses", ""}, noEnv, "-statuses"},
		{"negative retry-after", []string{"-api-key", "k", "-retry-after", "-1s"}, noEnv, "-retry-after"},
		{"bad space", []string{"-api-key", "k", "-space", "nameless"}, noEnv, "id=name"},
		{"padded space id without a name", []string{"-api-key", "k", "-space", "U3BhY2U6MTIzNDU="}, noEnv, "id=name"},
		{"user without email", []string{"-api-key", "k", "-user", "VXNlcjo1OmVFZUU="}, noEnv, "want id=email"},
		{"user without id", []string{"-api-key", "k", "-user", "=erin@example.com"}, noEnv, "want id=email"},
		{"user role", []string{"-api-key", "k", "-user", "VXNlcjo1OmVFZUU==erin@example.com:OWNER"}, noEnv, `role "OWNER": want one of ADMIN, MEMBER, READ_ONLY, ANNOTATOR`},
		{"stray argument", []string{"-api-key", "k", "extra"}, noEnv, "unexpected"},
		{"unknown dialect", []string{"-api-key", "k", "-dialect", "feb2026"}, noEnv, `invalid value "feb2026" for flag -dialect: unknown dialect "feb2026": want today or published`},
		{"dialect casing", []string{"-api-key", "k", "-dialect", "Published"}, noEnv, `unknown dialect "Published"`},
		{"empty dialect", []string{"-api-key", "k", "-dialect", ""}, noEnv, "want today or published"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr syncBuffer
			if code := run(context.Background(), tt.args, &stdout, &stderr, tt.env); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr %q does not mention %q", stderr.String(), tt.want)
			}
			if stdout.String() != "" {
				t.Errorf("stdout %q", stdout.String())
			}
		})
	}
}

func TestCheckLoopback(t *testing.T) {
	for _, ok := range []string{"127.0.0.1:0", "127.1.2.3:80", "[::1]:0", "localhost:9999"} {
		if err := checkLoopback(ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"0.0.0.0:0", "[::]:0", "10.0.0.1:80", ":0", "localhost"} {
		if err := checkLoopback(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

// startRun runs the command with args until the returned stop is called,
// and returns the base URL, its stdout and stop, which reports the exit code
// and stderr.
func startRun(t *testing.T, args ...string) (base string, stdout *syncBuffer, stop func() (int, string)) {
	t.Helper()
	addrFile := filepath.Join(t.TempDir(), "addr")
	ctx, cancel := context.WithCancel(context.Background())
	var stderr syncBuffer
	stdout = &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"-api-key", "k", "-addr-file", addrFile}, args...), stdout, &stderr, noEnv)
	}()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if b, err := os.ReadFile(addrFile); err == nil {
			base = string(b)
			break
		}
	}
	if base == "" {
		cancel()
		t.Fatalf("not listening; stderr %s", stderr.String())
	}
	return base, stdout, func() (int, string) {
		cancel()
		select {
		case code := <-done:
			return code, stderr.String()
		case <-time.After(10 * time.Second):
			t.Fatal("no shutdown after cancel")
			return 0, ""
		}
	}
}

// send makes one request on a fresh connection.
func send(method, url, body string) (*http.Response, error) {
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer k")
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 5 * time.Second}
	resp, err := client.Do(req)
	if err == nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return resp, err
}

func TestRunFaultFlagsAndCounters(t *testing.T) {
	t.Run("statuses and retry-after", func(t *testing.T) {
		base, _, stop := startRun(t, "-error-rate", "1", "-statuses", "429", "-retry-after", "2500ms")
		for range 2 {
			resp, err := send("GET", base+"/v2/ai-integrations", "")
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "3" {
				t.Errorf("answer %d Retry-After %q, want 429 and 3", resp.StatusCode, resp.Header.Get("Retry-After"))
			}
		}
		code, stderr := stop()
		if code != 0 {
			t.Errorf("exit %d", code)
		}
		want := "arize-emulator: 2 requests\n  GET /v2/ai-integrations 2\n" +
			"arize-emulator: 0 refused writes (400 or 422 to POST or PATCH)\n" +
			"arize-emulator: 2 injected faults\n  429 2\n"
		if stderr != want {
			t.Errorf("stderr %q, want %q", stderr, want)
		}
	})
	t.Run("drop rate", func(t *testing.T) {
		base, _, stop := startRun(t, "-drop-rate", "1")
		if resp, err := send("GET", base+"/v2/ai-integrations", ""); err == nil {
			t.Errorf("answered %d, want the connection dropped", resp.StatusCode)
		}
		_, stderr := stop()
		if !strings.Contains(stderr, "  drop 1\n") {
			t.Errorf("stderr %q does not count the drop", stderr)
		}
	})
	t.Run("drop after commit rate", func(t *testing.T) {
		base, _, stop := startRun(t, "-drop-after-commit-rate", "1", "-latency", "1ms")
		if resp, err := send("POST", base+"/v2/ai-integrations", `{"name":"a","provider":"OPEN_AI"}`); err == nil {
			t.Errorf("answered %d, want the connection dropped", resp.StatusCode)
		}
		// The create was applied: the same name now clashes (a failed write is answered).
		resp, err := send("POST", base+"/v2/ai-integrations", `{"name":"a","provider":"OPEN_AI"}`)
		if err != nil || resp.StatusCode != http.StatusConflict {
			t.Errorf("second create: %v %v, want 409", err, resp)
		}
		_, stderr := stop()
		for _, want := range []string{"arize-emulator: 2 requests\n", "  POST /v2/ai-integrations 2\n",
			"arize-emulator: 3 injected faults\n", "  drop_after_commit 1\n", "  latency 2\n"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr %q lacks %q", stderr, want)
			}
		}
	})
}

func TestStatusesFlag(t *testing.T) {
	var f statusesFlag
	if err := f.Set(" 429, 500,503 "); err != nil || f.String() != "429,500,503" {
		t.Errorf("Set: %v %q", err, f.String())
	}
	if err := f.Set("429,,500"); err == nil {
		t.Error("empty element accepted")
	}
}

// sendBody makes one request and returns its status and body.
func sendBody(t *testing.T, method, url, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer k")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		t.Fatalf("%s %s: %d, body not JSON: %v", method, url, resp.StatusCode, err)
	}
	return resp.StatusCode, m
}

func TestRunDialect(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		dialect    string
		own, other string // a create body in the dialect's spelling and in the other's
		provider   string // the provider answered for own
		refusal    string // the detail answered for other
	}{
		{
			name: "default", dialect: "today",
			own:      `{"name":"a","provider":"AWS_BEDROCK","enable_default_models":true,"provider_metadata":{"kind":"AWS","role_arn":"r"}}`,
			other:    `{"name":"b","provider":"openAI"}`,
			provider: "AWS_BEDROCK", refusal: "provider must be one of OPEN_AI, AZURE_OPEN_AI, AWS_BEDROCK",
		},
		{
			name: "today", args: []string{"-dialect", "today"}, dialect: "today",
			own:      `{"name":"a","provider":"GEMINI","auth_type":"BEARER_TOKEN"}`,
			other:    `{"name":"b","provider":"GEMINI","auth_type":"bearer_token"}`,
			provider: "GEMINI", refusal: "auth_type must be one of DEFAULT, PROXY_WITH_HEADERS, BEARER_TOKEN",
		},
		{
			name: "published", args: []string{"-dialect", "published"}, dialect: "published",
			own:      `{"name":"a","provider":"awsBedrock","enable_default_models":true,"provider_metadata":{"role_arn":"r"}}`,
			other:    `{"name":"b","provider":"OPEN_AI"}`,
			provider: "awsBedrock", refusal: "provider must be one of openAI, azureOpenAI, awsBedrock",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, stdout, stop := startRun(t, tt.args...)
			if want := "arize-emulator listening on " + base + " (dialect " + tt.dialect + ")\n"; stdout.String() != want {
				t.Errorf("stdout %q, want %q", stdout.String(), want)
			}
			status, created := sendBody(t, "POST", base+"/v2/ai-integrations", tt.own)
			if status != http.StatusCreated || created["provider"] != tt.provider {
				t.Errorf("create in the dialect's spelling: %d %v", status, created)
			}
			if meta, ok := created["provider_metadata"].(map[string]any); ok && (meta["kind"] != nil) != (tt.dialect == "today") {
				t.Errorf("provider_metadata %v in dialect %s", created["provider_metadata"], tt.dialect)
			}
			status, problem := sendBody(t, "POST", base+"/v2/ai-integrations", tt.other)
			if detail, _ := problem["detail"].(string); status != http.StatusUnprocessableEntity || !strings.Contains(detail, tt.refusal) {
				t.Errorf("create in the other spelling: %d %v, want 422 mentioning %q", status, problem, tt.refusal)
			}
			code, stderr := stop()
			if code != 0 || !strings.Contains(stderr, "arize-emulator: 1 refused writes") {
				t.Errorf("exit %d, stderr %q", code, stderr)
			}
		})
	}
}

func TestCutID(t *testing.T) {
	for _, tt := range []struct {
		in, id, value string
		ok            bool
	}{
		{"U3BhY2U6MTIzNDU==production", "U3BhY2U6MTIzNDU=", "production", true},
		{"VXNlcjoyOmJCYkI==bob@example.com:MEMBER", "VXNlcjoyOmJCYkI=", "bob@example.com:MEMBER", true},
		{"abc=name=with=equals", "abc", "name=with=equals", true},
		{"U3BhY2U6Mzp4WXpX=dev", "U3BhY2U6Mzp4WXpX", "dev", true},
		{"nameless", "nameless", "", false},
	} {
		id, value, ok := cutID(tt.in)
		if id != tt.id || value != tt.value || ok != tt.ok {
			t.Errorf("cutID(%q) = %q %q %v, want %q %q %v", tt.in, id, value, ok, tt.id, tt.value, tt.ok)
		}
	}
}

// TestRunUsers checks the seeded users and -user: memberships can name
// them, and their account roles hold (dana is an annotator).
func TestRunUsers(t *testing.T) {
	base, _, stop := startRun(t, "-user", "VXNlcjo1OmVFZUU==erin@example.com:read-only",
		"-user", "VXNlcjoyOmJCYkI==robert@example.com:ANNOTATOR", "-space", "U3BhY2U6Mzp4WXpX=dev")
	status, org := sendBody(t, "POST", base+"/v2/organizations", `{"name":"demo"}`)
	if status != http.StatusCreated {
		t.Fatalf("create organization: %d %v", status, org)
	}
	users := base + "/v2/organizations/" + url.PathEscape(org["id"].(string)) + "/users"
	for _, tt := range []struct {
		user, role string
		status     int
	}{
		{"VXNlcjoxOmFBYUE=", "ADMIN", 200},     // alice
		{"VXNlcjozOmNDY0M=", "MEMBER", 200},    // carol
		{"VXNlcjo0OmREZEQ=", "ANNOTATOR", 200}, // dana
		{"VXNlcjo0OmREZEQ=", "MEMBER", 400},    // dana is an annotator
		{"VXNlcjo1OmVFZUU=", "READ_ONLY", 200}, // erin, from -user
		{"VXNlcjoyOmJCYkI=", "MEMBER", 400},    // bob, made an annotator by -user
		{"VXNlcjoyOmJCYkI=", "ANNOTATOR", 200},
		{"VXNlcjo5OmlJaUk=", "MEMBER", 404}, // nobody
	} {
		status, body := sendBody(t, "POST", users, `{"user_id":"`+tt.user+`","role":{"type":"PREDEFINED","name":"`+tt.role+`"}}`)
		if status != tt.status {
			t.Errorf("%s as %s: %d %v, want %d", tt.user, tt.role, status, body, tt.status)
		}
	}
	// -space replaces the demo spaces.
	if status, body := sendBody(t, "GET", base+"/v2/ai-integrations?space_name=dev", ""); status != http.StatusOK {
		t.Errorf("list in the -space space: %d %v", status, body)
	}
	if status, _ := sendBody(t, "GET", base+"/v2/ai-integrations?space_name=prod", ""); status != http.StatusNotFound {
		t.Errorf("list in a demo space: %d, want 404", status)
	}
	if code, stderr := stop(); code != 0 {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// TestRunSeedAccount checks -seed-account: the counts line before the
// listening line, the seeded account served beside the default users, and
// a seed that cannot be made (an email -user took) failing the start.
func TestRunSeedAccount(t *testing.T) {
	base, stdout, stop := startRun(t, "-seed-account")
	want := "arize-emulator seeded organizations=2 spaces=4 ai_integrations=10 evaluators=3 roles=2 " +
		"role_bindings=3 projects=3 project_restrictions=1 users=2 organization_members=2 space_members=2 " +
		"service_api_keys=2 user_api_keys=1\n" +
		"arize-emulator listening on " + base + " (dialect today)\n"
	if stdout.String() != want {
		t.Errorf("stdout %q, want %q", stdout.String(), want)
	}
	for _, tt := range []struct {
		path, key string
		n         int
	}{
		{"/v2/organizations?name=Platform", "organizations", 1},
		{"/v2/spaces", "spaces", 4},
		{"/v2/ai-integrations?limit=100", "ai_integrations", 10},
		{"/v2/users", "users", 6}, // the four default users and the two seeded
	} {
		status, body := sendBody(t, "GET", base+tt.path, "")
		if items, _ := body[tt.key].([]any); status != http.StatusOK || len(items) != tt.n {
			t.Errorf("GET %s: %d, %d %s, want %d", tt.path, status, len(items), tt.key, tt.n)
		}
	}
	if code, stderr := stop(); code != 0 {
		t.Errorf("exit %d: %s", code, stderr)
	}

	var out, errOut syncBuffer
	code := run(context.Background(), []string{"-api-key", "k", "-seed-account",
		"-user", "VXNlcjo1OmVFZUU==frank@example.com"}, &out, &errOut, noEnv)
	if code != 1 || !strings.Contains(errOut.String(), `-seed-account: seed user "frank@example.com"`) || out.String() != "" {
		t.Errorf("seed over a taken email: exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
}
