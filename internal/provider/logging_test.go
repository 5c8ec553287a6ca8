package provider

import (
	"os"
	"strings"
	"testing"
)

func TestQuietLogsUnlessAsked(t *testing.T) {
	quieted := []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"}
	clearLogEnv := func(t *testing.T) {
		for _, kv := range os.Environ() {
			if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "TF_LOG") {
				t.Setenv(name, "")
			}
		}
		for _, name := range quieted {
			t.Setenv(name, "")
		}
	}
	t.Run("nothing asked: off", func(t *testing.T) {
		clearLogEnv(t)
		QuietLogsUnlessAsked()
		for _, name := range quieted {
			if got := os.Getenv(name); got != "OFF" {
				t.Errorf("%s = %q, want OFF", name, got)
			}
		}
	})
	for _, asked := range []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_PROVIDER_ARIZE", "TF_LOG_SDK_FRAMEWORK"} {
		t.Run(asked+" asked: untouched", func(t *testing.T) {
			clearLogEnv(t)
			t.Setenv(asked, "DEBUG")
			QuietLogsUnlessAsked()
			for _, name := range quieted {
				if got := os.Getenv(name); got == "OFF" {
					t.Errorf("%s turned off although %s asks for logs", name, asked)
				}
			}
		})
	}
}
