package bench

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// The shim stands in for the provider binary in the dev_overrides folder, so
// that the driver learns what each provider process cost. Terraform starts it
// as it would the provider; it starts the real binary as its child with the
// same arguments, standard streams and environment (so the go-plugin
// handshake passes straight through), waits, and appends the child's rusage
// to a file.
const (
	// EnvShimTarget is the provider binary to run; its presence selects
	// shim mode.
	EnvShimTarget = "ARIZE_BENCH_SHIM_TARGET"
	// EnvShimUsage is the file each provider process's usage is appended to.
	EnvShimUsage = "ARIZE_BENCH_SHIM_USAGE"
)

// ShimRequested reports whether this process was started as the shim.
func ShimRequested() bool { return os.Getenv(EnvShimTarget) != "" }

// Usage is what one provider process cost.
type Usage struct {
	PID    int
	CPU    time.Duration // user + system
	MaxRSS int64         // bytes
	Exit   int
}

// RunShim runs the target provider and returns the exit code to leave with.
func RunShim() int {
	return runShim(os.Getenv(EnvShimTarget), os.Args[1:], os.Getenv(EnvShimUsage))
}

func runShim(target string, args []string, usagePath string) int {
	cmd := exec.Command(target, args...) //nolint:gosec // the driver names the binary
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	// The child must not be a shim itself (the target may be this binary in
	// its serve mode).
	cmd.Env = withoutVar(os.Environ(), EnvShimTarget)

	// Terraform signals the process it started, which is this one: pass
	// the signals on. go-plugin's server ignores SIGINT, as it should.
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "arize-bench shim: %v\n", err)
		return 1
	}
	done := make(chan struct{})
	go func() {
		for {
			select {
			case s := <-sigs:
				_ = cmd.Process.Signal(s)
			case <-done:
				return
			}
		}
	}()
	err := cmd.Wait()
	close(done)

	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		fmt.Fprintf(os.Stderr, "arize-bench shim: %v\n", err)
		code = 1
	}
	if usagePath != "" && cmd.ProcessState != nil {
		if werr := appendUsage(usagePath, usageOf(cmd.ProcessState, code)); werr != nil {
			fmt.Fprintf(os.Stderr, "arize-bench shim: %v\n", werr)
		}
	}
	if code < 0 {
		code = 1 // killed by a signal
	}
	return code
}

func usageOf(ps *os.ProcessState, code int) Usage {
	u := Usage{PID: ps.Pid(), CPU: ps.UserTime() + ps.SystemTime(), Exit: code}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		u.MaxRSS = ru.Maxrss * 1024 // Linux reports kilobytes
	}
	return u
}

// appendUsage writes one line with a single write on an O_APPEND file, so
// the lines of provider processes that end together do not interleave.
func appendUsage(path string, u Usage) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600) //nolint:gosec // the driver names the file
	if err != nil {
		return err
	}
	line := fmt.Sprintf("pid=%d cpu_ns=%d maxrss_bytes=%d exit=%d\n", u.PID, u.CPU.Nanoseconds(), u.MaxRSS, u.Exit)
	if _, err := f.WriteString(line); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}

// ReadUsage reads the lines the shims appended; a missing file means no
// provider process ran.
func ReadUsage(path string) ([]Usage, error) {
	b, err := os.ReadFile(path) //nolint:gosec // the driver names the file
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Usage
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if line == "" {
			continue
		}
		var u Usage
		var cpu int64
		if _, err := fmt.Sscanf(line, "pid=%d cpu_ns=%d maxrss_bytes=%d exit=%d", &u.PID, &cpu, &u.MaxRSS, &u.Exit); err != nil {
			return nil, fmt.Errorf("%s: bad line %q: %w", path, line, err)
		}
		u.CPU = time.Duration(cpu)
		out = append(out, u)
	}
	return out, nil
}

func withoutVar(env []string, name string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}
