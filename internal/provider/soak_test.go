package provider

import (
	"fmt"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// soakCount is how many integrations the soak test manages at once.
const soakCount = 100

// soakConfig declares soakCount integrations of several kinds.
func soakConfig(endpoint string) string {
	return cliConfig(fmt.Sprintf("endpoint = %q\n  max_retries = 12", endpoint), fmt.Sprintf(`
locals {
  kinds = ["OPEN_AI", "ANTHROPIC", "CUSTOM", "GEMINI"]
}

resource "arize_ai_integration" "soak" {
  count       = %d
  name        = format("soak-%%03d", count.index)
  ai_provider = local.kinds[count.index %% 4]
  base_url    = count.index %% 4 == 2 ? "https://llm-${count.index}.example.com/v1" : null
  model_names = ["model-${count.index}", "shared"]
  headers     = count.index %% 5 == 0 ? { "X-Index" = tostring(count.index) } : null
  scopings    = count.index %% 3 == 0 ? [{ organization_id = "org-${count.index %% 7}" }] : []
}
`, soakCount))
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
	w.write("main.tf", soakConfig(srv.URL))
	report := func(phase string, started time.Time) {
		t.Logf("%-8s %6.1fs  requests: %v", phase, time.Since(started).Seconds(), sortedCounts(emu.Requests()))
		t.Logf("%-8s          injected: %v", "", sortedCounts(emu.Injected()))
		emu.ResetCounters()
	}

	start := time.Now()
	w.run(nil, "apply", "-no-color", "-auto-approve", "-parallelism=20")
	report("apply", start)
	checkSoakStore(t, emu)

	start = time.Now()
	if out, err := w.tryRun(nil, "plan", "-no-color", "-detailed-exitcode", "-parallelism=20"); err != nil {
		t.Errorf("the plan after apply is not empty (%v):\n%s", err, out)
	}
	report("plan", start)

	start = time.Now()
	w.run(nil, "destroy", "-no-color", "-auto-approve", "-parallelism=20")
	report("destroy", start)
	if n := emu.Len(); n != 0 {
		t.Errorf("destroy left %d integrations", n)
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
