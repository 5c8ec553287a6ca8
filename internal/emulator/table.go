package emulator

import "slices"

// table holds one family's stored objects (organizations, spaces) by id and
// in creation order. Each row keeps its creation sequence number, which
// orders the list and anchors cursors, as record does for integrations, so
// pages stay stable while other rows are created or deleted. T must be a
// plain value (no slices, maps or pointers): rows are handed out by copy.
//
// A table is not safe for concurrent use; the Server's lock guards it.
type table[T any] struct {
	seq   uint64
	byID  map[string]*row[T]
	order []*row[T]
}

type row[T any] struct {
	seq uint64
	id  string
	v   T
}

func newTable[T any]() table[T] {
	return table[T]{byID: map[string]*row[T]{}}
}

// next reserves the sequence number of the next row, for its id.
func (t *table[T]) next() uint64 {
	t.seq++
	return t.seq
}

// add stores v under id with the sequence number next returned.
func (t *table[T]) add(seq uint64, id string, v T) {
	r := &row[T]{seq: seq, id: id, v: v}
	t.byID[id] = r
	t.order = append(t.order, r)
}

// get returns a copy of the row with this id.
func (t *table[T]) get(id string) (T, bool) {
	r, ok := t.byID[id]
	if !ok {
		var zero T
		return zero, false
	}
	return r.v, true
}

// set replaces the value of an existing row, keeping its place.
func (t *table[T]) set(id string, v T) {
	if r, ok := t.byID[id]; ok {
		r.v = v
	}
}

// remove deletes the row with this id and reports whether it existed.
func (t *table[T]) remove(id string) bool {
	r, ok := t.byID[id]
	if !ok {
		return false
	}
	delete(t.byID, id)
	t.order = slices.DeleteFunc(t.order, func(o *row[T]) bool { return o == r })
	return true
}

// all returns copies of every row's value in creation order, never nil.
func (t *table[T]) all() []T {
	out := make([]T, 0, len(t.order))
	for _, r := range t.order {
		out = append(out, r.v)
	}
	return out
}

// page returns up to limit values created after sequence number after that
// satisfy match, in creation order, with the sequence number of the last
// one returned and whether more matches follow.
func (t *table[T]) page(after uint64, limit int, match func(*T) bool) (items []T, last uint64, more bool) {
	for _, r := range t.order {
		if r.seq <= after || !match(&r.v) {
			continue
		}
		if len(items) == limit {
			return items, last, true
		}
		items = append(items, r.v)
		last = r.seq
	}
	return items, last, false
}
