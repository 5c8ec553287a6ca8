package memapi

import (
	"encoding/gob"
	"fmt"
	"io"
)

// snapshot is what Save writes. Terraform starts a fresh provider process
// for each walk (plan, apply) and each command, so the baseline provider
// carries its store from one process to the next through a file: loaded once
// at start, saved once at exit, never per request.
type snapshot struct {
	Seq     uint64
	Records []record
}

// Save writes every integration to w.
func (a *API) Save(w io.Writer) error {
	a.mu.Lock()
	snap := snapshot{Seq: a.seq, Records: make([]record, 0, len(a.byID))}
	for _, rec := range a.byID {
		snap.Records = append(snap.Records, record{Seq: rec.Seq, In: clone(rec.In)})
	}
	a.mu.Unlock()
	if err := gob.NewEncoder(w).Encode(snap); err != nil {
		return fmt.Errorf("saving the in-memory store: %w", err)
	}
	return nil
}

// Load replaces the store with what Save wrote to r.
func (a *API) Load(r io.Reader) error {
	var snap snapshot
	if err := gob.NewDecoder(r).Decode(&snap); err != nil {
		return fmt.Errorf("loading the in-memory store: %w", err)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.seq = snap.Seq
	clear(a.byID)
	clear(a.names)
	for i := range snap.Records {
		rec := snap.Records[i]
		a.byID[rec.In.ID] = &rec
		a.names[rec.In.Name] = rec.In.ID
	}
	return nil
}
