package bench

import (
	"bufio"
	"context"
	"fmt"
	"os/exec"
	"strings"
)

// GoBenchPackages hold the Go benchmarks of the client and the emulator.
var GoBenchPackages = []string{"./internal/arize/", "./internal/emulator/"}

// GoBenchmarks runs the Go benchmarks (no tests) with -benchmem in root and
// returns their result lines, with the goos/cpu header once.
func GoBenchmarks(ctx context.Context, root string) (string, error) {
	args := append([]string{"test", "-run", "^$", "-bench", ".", "-benchmem", "-count", "1"}, GoBenchPackages...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, out)
	}
	var b strings.Builder
	seen := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "Benchmark"), strings.HasPrefix(line, "pkg:"):
		case strings.HasPrefix(line, "goos:"), strings.HasPrefix(line, "goarch:"), strings.HasPrefix(line, "cpu:"):
			if seen[line] {
				continue
			}
			seen[line] = true
		default:
			continue
		}
		b.WriteString(line + "\n")
	}
	return b.String(), nil
}
