package arize

import (
	"strings"
	"testing"
)

func TestParseEndpoint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    string // the URL as String() renders it; "" for an error
		errPart string // a part of the error, when one is expected
	}{
		{in: "https://api.arize.com", want: "https://api.arize.com"},
		{in: "https://api.arize.com/", want: "https://api.arize.com"},
		{in: "https://api.arize.com///", want: "https://api.arize.com"},
		{in: "https://api.eu-west-1a.arize.com", want: "https://api.eu-west-1a.arize.com"},
		{in: "https://gateway.example.com:8443/arize/", want: "https://gateway.example.com:8443/arize"},
		{in: "HTTPS://API.ARIZE.COM", want: "https://API.ARIZE.COM"},
		{in: "http://localhost:8080", want: "http://localhost:8080"},
		{in: "http://LocalHost:8080/", want: "http://LocalHost:8080"},
		{in: "http://127.0.0.1:49152", want: "http://127.0.0.1:49152"},
		{in: "http://127.10.20.30", want: "http://127.10.20.30"},
		{in: "http://[::1]:9000", want: "http://[::1]:9000"},

		{in: "http://api.arize.com", errPart: "plain http"},
		{in: "http://10.0.0.1:8080", errPart: "plain http"},
		{in: "http://192.168.1.2", errPart: "plain http"},
		{in: "http://localhost.evil.com", errPart: "plain http"},
		{in: "http://127.0.0.1.nip.io", errPart: "plain http"},
		{in: "http://[::2]", errPart: "plain http"},
		{in: "http://0.0.0.0:80", errPart: "plain http"},
		{in: "api.arize.com", errPart: "absolute https"},
		{in: "//api.arize.com", errPart: "absolute https"},
		{in: "ftp://api.arize.com", errPart: "absolute https"},
		{in: "ws://localhost", errPart: "absolute https"},
		{in: "https://", errPart: "absolute https"},
		{in: "https:///path", errPart: "absolute https"},
		{in: "", errPart: "absolute https"},
		{in: "https://user:pass@api.arize.com", errPart: "credentials"},
		{in: "https://user@api.arize.com", errPart: "credentials"},
		{in: "http://user:pass@localhost", errPart: "credentials"},
		{in: "https://api.arize.com?region=eu", errPart: "query"},
		{in: "https://api.arize.com/#frag", errPart: "fragment"},
		{in: "https://api.arize.com/%zz", errPart: "not a URL"},
		{in: "https://exa mple.com", errPart: "not a URL"},
	}
	for _, tt := range tests {
		got, err := ParseEndpoint(tt.in)
		if tt.errPart != "" {
			if err == nil {
				t.Errorf("ParseEndpoint(%q) = %v, want an error", tt.in, got)
			} else if !strings.Contains(err.Error(), tt.errPart) {
				t.Errorf("ParseEndpoint(%q) error %q does not mention %q", tt.in, err, tt.errPart)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseEndpoint(%q): %v", tt.in, err)
			continue
		}
		if got.String() != tt.want {
			t.Errorf("ParseEndpoint(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.HasSuffix(got.Path, "/") {
			t.Errorf("ParseEndpoint(%q) keeps a trailing slash: %q", tt.in, got.Path)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	t.Parallel()
	tests := map[string]bool{
		"localhost":        true,
		"LOCALHOST":        true,
		"127.0.0.1":        true,
		"127.0.0.2":        true,
		"127.255.255.254":  true,
		"::1":              true,
		"0:0:0:0:0:0:0:1":  true,
		"::ffff:127.0.0.1": true,
		"":                 false,
		"[::1]":            false, // Hostname() strips brackets before this is called
		"localhost.":       false,
		"localhost.evil":   false,
		"mylocalhost":      false,
		"10.0.0.1":         false,
		"0.0.0.0":          false,
		"::":               false,
		"128.0.0.1":        false,
		"api.arize.com":    false,
		"127.0.0.1.nip.io": false,
	}
	for host, want := range tests {
		if got := IsLoopback(host); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestNewRefusesBadConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		cfg     Config
		errPart string
	}{
		{"no key", Config{Endpoint: "https://api.arize.com"}, "API key"},
		{"no key, no endpoint", Config{}, "API key"},
		{"plain http", Config{APIKey: testKey, Endpoint: "http://api.arize.com"}, "plain http"},
		{"no scheme", Config{APIKey: testKey, Endpoint: "api.arize.com"}, "absolute https"},
		{"query", Config{APIKey: testKey, Endpoint: "https://api.arize.com?key=1"}, "query"},
		{"key in the endpoint's user", Config{APIKey: testKey, Endpoint: "https://u@api.arize.com"}, "credentials"},
	}
	for _, tt := range tests {
		c, err := New(tt.cfg)
		if err == nil || c != nil {
			t.Errorf("%s: New = %v, %v; want an error", tt.name, c, err)
			continue
		}
		if !strings.Contains(err.Error(), tt.errPart) {
			t.Errorf("%s: error %q does not mention %q", tt.name, err, tt.errPart)
		}
		if strings.Contains(err.Error(), testKey) {
			t.Errorf("%s: error %q carries the key", tt.name, err)
		}
	}
}

func TestNewAcceptsGoodConfig(t *testing.T) {
	t.Parallel()
	for _, endpoint := range []string{"", "https://api.arize.com/", "https://api.us-east-1b.arize.com", "http://127.0.0.1:1"} {
		c, err := New(Config{APIKey: testKey, Endpoint: endpoint})
		if err != nil || c == nil {
			t.Errorf("New(%q): %v", endpoint, err)
			continue
		}
		want := strings.TrimSuffix(endpoint, "/")
		if endpoint == "" {
			want = DefaultEndpoint
		}
		if c.base.String() != want {
			t.Errorf("New(%q) base %s, want %s", endpoint, c.base, want)
		}
	}
}
