package bench

import (
	"net/http"
	"strconv"
)

// Op is one measured Terraform command of a run.
type Op struct {
	Key  string // short name, for logs
	Name string // as the report shows it
	// Own is the API method that is the operation itself; Terraform's
	// refresh before an update or a destroy adds one GET per resource.
	Own     string
	args    []string
	refresh bool // whether a refresh (one GET per resource) precedes the operation
}

// Ops are the four operations of a run, in order: create N integrations,
// plan with no change, update every integration, destroy them all.
var Ops = []Op{
	{Key: "create", Name: "apply (create)", Own: http.MethodPost, args: []string{"apply", "-auto-approve"}},
	{Key: "plan", Name: "plan (no change)", Own: http.MethodGet, args: []string{"plan", "-detailed-exitcode"}},
	{Key: "update", Name: "apply (update all)", Own: http.MethodPatch, args: []string{"apply", "-auto-approve", "-var", "generation=2"}, refresh: true},
	{Key: "destroy", Name: "destroy", Own: http.MethodDelete, args: []string{"destroy", "-auto-approve", "-var", "generation=2"}, refresh: true},
}

// Args are the command line of the operation at this parallelism.
func (op Op) Args(parallelism int) []string {
	args := append([]string{}, op.args...)
	return append(args, "-input=false", "-no-color", "-parallelism="+strconv.Itoa(parallelism))
}

// Expected is what a provider making one request per resource per
// operation sends for n resources: n of the operation's own method, plus n
// GETs of the refresh that precedes an update or a destroy, and nothing
// else.
func (op Op) Expected(n int) Counts {
	want := Counts{op.Own: n}
	if op.refresh {
		want[http.MethodGet] += n
	}
	return want
}

// Methods are the columns of the request tables, in order.
var Methods = []string{http.MethodPost, http.MethodGet, http.MethodPatch, http.MethodDelete, "LIST", "OTHER"}

// Equal reports whether c and d count the same, a missing key being 0.
func (c Counts) Equal(d Counts) bool {
	for k := range c {
		if c[k] != d[k] {
			return false
		}
	}
	for k := range d {
		if c[k] != d[k] {
			return false
		}
	}
	return true
}
