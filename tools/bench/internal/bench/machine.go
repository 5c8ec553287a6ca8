package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Machine describes where a run happened, so that figures from different
// machines are not compared blindly.
type Machine struct {
	CPUs      int
	CPUModel  string
	Memory    string
	OS        string
	GoVersion string
	Terraform string
	// LoadAvg is the 1, 5 and 15 minute load when the run started: other
	// work on the machine slows every figure.
	LoadAvg string
	Date    time.Time
}

// DescribeMachine reads /proc (Linux) and asks terraform its version.
func DescribeMachine(ctx context.Context, terraform string) Machine {
	m := Machine{
		CPUs:      runtime.NumCPU(),
		CPUModel:  procField("/proc/cpuinfo", "model name"),
		OS:        runtime.GOOS + "/" + runtime.GOARCH,
		GoVersion: runtime.Version(),
		Terraform: terraformVersion(ctx, terraform),
		Date:      time.Now(),
	}
	if f := strings.Fields(procField("/proc/meminfo", "MemTotal")); len(f) > 0 { // "24000000 kB"
		if kb, err := strconv.ParseInt(f[0], 10, 64); err == nil {
			m.Memory = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
		}
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.OS += ", Linux " + strings.TrimSpace(string(b))
	}
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) >= 3 {
			m.LoadAvg = strings.Join(f[:3], " ")
		}
	}
	for _, p := range []*string{&m.CPUModel, &m.Memory, &m.Terraform, &m.LoadAvg} {
		if *p == "" {
			*p = "unknown"
		}
	}
	return m
}

// procField returns the value of the first "key : value" line of a /proc
// file.
func procField(path, key string) string {
	f, err := os.Open(path) //nolint:gosec // a fixed /proc path
	if err != nil {
		return ""
	}
	defer func() { _ = f.Close() }()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func terraformVersion(ctx context.Context, terraform string) string {
	cmd := exec.CommandContext(ctx, terraform, "version", "-json") //nolint:gosec // the terraform the user named
	cmd.Env = append(withoutPrefix(os.Environ(), "TF_"), "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	var v struct {
		Version  string `json:"terraform_version"`
		Platform string `json:"platform"`
	}
	if json.Unmarshal(out, &v) != nil || v.Version == "" {
		return ""
	}
	return v.Version + " (" + v.Platform + ")"
}

func withoutPrefix(env []string, prefix string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if !strings.HasPrefix(kv, prefix) {
			out = append(out, kv)
		}
	}
	return out
}
