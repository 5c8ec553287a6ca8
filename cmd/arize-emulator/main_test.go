package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
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
	if want := "arize-emulator listening on " + base + "\n"; stdout.String() != want {
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
		{"stray argument", []string{"-api-key", "k", "extra"}, noEnv, "unexpected"},
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
// and returns the base URL and stop, which reports the exit code and stderr.
func startRun(t *testing.T, args ...string) (base string, stop func() (int, string)) {
	t.Helper()
	addrFile := filepath.Join(t.TempDir(), "addr")
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"-api-key", "k", "-addr-file", addrFile}, args...), &stdout, &stderr, noEnv)
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
	return base, func() (int, string) {
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
		base, stop := startRun(t, "-error-rate", "1", "-statuses", "429", "-retry-after", "2500ms")
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
		want := "arize-emulator: 2 requests\n  GET /v2/ai-integrations 2\narize-emulator: 2 injected faults\n  429 2\n"
		if stderr != want {
			t.Errorf("stderr %q, want %q", stderr, want)
		}
	})
	t.Run("drop rate", func(t *testing.T) {
		base, stop := startRun(t, "-drop-rate", "1")
		if resp, err := send("GET", base+"/v2/ai-integrations", ""); err == nil {
			t.Errorf("answered %d, want the connection dropped", resp.StatusCode)
		}
		_, stderr := stop()
		if !strings.Contains(stderr, "  drop 1\n") {
			t.Errorf("stderr %q does not count the drop", stderr)
		}
	})
	t.Run("drop after commit rate", func(t *testing.T) {
		base, stop := startRun(t, "-drop-after-commit-rate", "1", "-latency", "1ms")
		if resp, err := send("POST", base+"/v2/ai-integrations", `{"name":"a","provider":"openAI"}`); err == nil {
			t.Errorf("answered %d, want the connection dropped", resp.StatusCode)
		}
		// The create was applied: the same name now clashes (a failed write is answered).
		resp, err := send("POST", base+"/v2/ai-integrations", `{"name":"a","provider":"openAI"}`)
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
