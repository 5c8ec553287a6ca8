package memapi

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// LoadFile loads the store from path; a missing file is an empty store.
func (a *API) LoadFile(path string) error {
	f, err := os.Open(path) //nolint:gosec // the benchmark names its own file
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	return a.Load(f)
}

// SaveFile writes the store to path through a temporary file and a rename,
// so a process killed half-way leaves the previous store, not a torn one.
func (a *API) SaveFile(path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".memapi-*")
	if err != nil {
		return err
	}
	defer func() { _ = os.Remove(tmp.Name()) }()
	if err := a.Save(tmp); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
