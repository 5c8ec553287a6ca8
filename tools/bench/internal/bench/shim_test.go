package bench

import (
	"path/filepath"
	"testing"
	"time"
)

func TestShim_passesExitCodeAndRecordsUsage(t *testing.T) {
	usage := filepath.Join(t.TempDir(), "usage.txt")
	// Burn a little CPU so the recorded time is not zero.
	if code := runShim("/bin/sh", []string{"-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; exit 3"}, usage); code != 3 {
		t.Errorf("exit code %d, want the child's 3", code)
	}
	if code := runShim("/bin/sh", []string{"-c", "exit 0"}, usage); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	got, err := ReadUsage(usage)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d usage lines, want one per child: %+v", len(got), got)
	}
	if got[0].Exit != 3 || got[1].Exit != 0 || got[0].PID <= 0 {
		t.Errorf("usage %+v", got)
	}
	if got[0].CPU <= 0 || got[0].CPU > time.Minute || got[0].MaxRSS < 1<<10 {
		t.Errorf("implausible usage %+v", got[0])
	}
}

func TestShim_missingTarget(t *testing.T) {
	if code := runShim(filepath.Join(t.TempDir(), "absent"), nil, ""); code == 0 {
		t.Error("a missing provider binary exited 0")
	}
}

func TestReadUsage_missingFileIsNoProcess(t *testing.T) {
	got, err := ReadUsage(filepath.Join(t.TempDir(), "none"))
	if err != nil || got != nil {
		t.Errorf("ReadUsage of a missing file = %v, %v; want nothing", got, err)
	}
}
