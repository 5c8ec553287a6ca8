package main

import (
	"bytes"
	"context"
	"encoding/json"
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
