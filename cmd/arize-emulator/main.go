// Command arize-emulator serves the in-memory Arize API of internal/emulator
// (AI integrations, organizations, spaces and their members, evaluators and
// their versions) on a loopback port, for demos and for running the provider
// by hand without an Arize account.
//
// Usage:
//
//	ARIZE_API_KEY=test arize-emulator -addr-file /tmp/arize.addr
//
// It prints "arize-emulator listening on http://127.0.0.1:PORT (dialect
// today)" and serves until SIGINT or SIGTERM, then prints the request
// counters, the number of writes it refused (400 or 422 to POST or PATCH)
// and the counters of injected faults to stderr.
//
// The emulator speaks one spelling of the API at a time. -dialect today (the
// default) is the July 2026 spelling every Arize SDK sends: OPEN_AI,
// AWS_BEDROCK, DEFAULT, ... and a required provider_metadata.kind.
// -dialect published is the spelling of the published create page (February
// 2026): openAI, awsBedrock, default, ... and no kind (and the evaluators'
// enums of before July 2026: template, maximize, span, ExactMatch, ...). Which one the real
// server accepts cannot be known from outside, so the provider must work
// against both:
//
//	arize-emulator -dialect published
//
// The account has users from the start, served by /v2/users like those made
// there, for organization and space memberships and role bindings to name.
// Their ids are fixed:
//
//	VXNlcjoxOmFBYUE=  User:1:aAaA  alice@example.com  ADMIN
//	VXNlcjoyOmJCYkI=  User:2:bBbB  bob@example.com    MEMBER
//	VXNlcjozOmNDY0M=  User:3:cCcC  carol@example.com  MEMBER
//	VXNlcjo0OmREZEQ=  User:4:dDdD  dana@example.com   ANNOTATOR
//
// -user adds one more (or replaces one by its id), with the account role
// ADMIN, MEMBER (the default), READ_ONLY or ANNOTATOR:
//
//	arize-emulator -user VXNlcjo1OmVFZUU==erin@example.com:READ_ONLY
//
// (the id is VXNlcjo1OmVFZUU=, User:5:eEeE: in id=value flags the '='
// padding of an id is kept, and the last '=' of the first run of them
// separates it from the value).
//
// -space id=name, repeatable, names the spaces known to the AI integration
// list's space_id and space_name filters besides those made through
// /v2/spaces (without it, two demo spaces); they are not served by
// /v2/spaces.
//
// -seed-account fills the emulator with a realistic hand-built account (two
// organizations, "Platform" and "Research", four spaces, ten AI
// integrations, evaluators, custom roles and bindings, projects, two more
// users and their memberships; see emulator.Server.SeedAccount), for trying
// out adoption with terraform query, and prints one line of the counts per
// kind, "arize-emulator seeded organizations=2 spaces=4 ...", before the
// listening line.
//
// Faults for trying out retries by hand:
//
//	arize-emulator -error-rate 0.2 -statuses 429,500,503 -retry-after 2s \
//	    -drop-rate 0.05 -drop-after-commit-rate 0.05 -seed 7
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// defaultSpaces seed the space_id and space_name list filters; the first id
// is the example of CONTRACT.md.
var defaultSpaces = map[string]string{
	"U3BhY2U6MTIzNDU=": "production", // Space:12345
	"U3BhY2U6Njc4OTA=": "staging",    // Space:67890
}

// defaultUsers are the account's users; see the package comment.
var defaultUsers = []emulator.User{
	{ID: "VXNlcjoxOmFBYUE=", Email: "alice@example.com", Name: "Alice", Role: "ADMIN"},   // User:1:aAaA
	{ID: "VXNlcjoyOmJCYkI=", Email: "bob@example.com", Name: "Bob", Role: "MEMBER"},      // User:2:bBbB
	{ID: "VXNlcjozOmNDY0M=", Email: "carol@example.com", Name: "Carol", Role: "MEMBER"},  // User:3:cCcC
	{ID: "VXNlcjo0OmREZEQ=", Email: "dana@example.com", Name: "Dana", Role: "ANNOTATOR"}, // User:4:dDdD
}

// accountRoles are the values -user takes, in today's spelling (the
// published one is taken too).
var accountRoles = []string{"ADMIN", "MEMBER", "READ_ONLY", "ANNOTATOR"}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}

// spacesFlag collects repeated -space id=name flags.
type spacesFlag map[string]string

func (f spacesFlag) String() string { return fmt.Sprint(map[string]string(f)) }

func (f spacesFlag) Set(v string) error {
	id, name, ok := cutID(v)
	if !ok || id == "" || name == "" {
		return errors.New("want id=name")
	}
	f[id] = name
	return nil
}

// cutID splits an id=value flag. Relay ids are base64 and may end in '='
// padding ("VXNlcjoxOmFBYUE="), so the separator is the last '=' of the
// first run of them: "VXNlcjoxOmFBYUE==alice" is the id VXNlcjoxOmFBYUE=
// and the value alice.
func cutID(v string) (id, value string, ok bool) {
	i := strings.Index(v, "=")
	if i < 0 {
		return v, "", false
	}
	for i+1 < len(v) && v[i+1] == '=' {
		i++
	}
	return v[:i], v[i+1:], true
}

// usersFlag collects repeated -user id=email[:role] flags.
type usersFlag []emulator.User

func (f *usersFlag) String() string { return fmt.Sprint(len(*f), " users") }

func (f *usersFlag) Set(v string) error {
	id, rest, ok := cutID(v)
	email, role, _ := strings.Cut(rest, ":")
	if !ok || id == "" || email == "" {
		return errors.New("want id=email or id=email:role")
	}
	if role == "" {
		role = "MEMBER"
	}
	role = emulator.Canonical(role)
	if !slices.Contains(accountRoles, role) {
		return fmt.Errorf("role %q: want one of %s", role, strings.Join(accountRoles, ", "))
	}
	name, _, _ := strings.Cut(email, "@")
	*f = append(*f, emulator.User{ID: id, Email: email, Name: name, Role: role})
	return nil
}

// run is main without the process: it returns the exit status, so tests can
// drive it with their own context and arguments.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("arize-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", "127.0.0.1:0", "loopback `host:port` to listen on")
	apiKey := fs.String("api-key", getenv("ARIZE_API_KEY"), "bearer `key` clients must send (default $ARIZE_API_KEY)")
	addrFile := fs.String("addr-file", "", "write the base URL to this `path` once listening")
	latency := fs.Duration("latency", 0, "latency added to every response")
	errorRate := fs.Float64("error-rate", 0, "share (0..1) of requests answered with one of -statuses instead of served")
	statuses := statusesFlag{http.StatusServiceUnavailable}
	fs.Var(&statuses, "statuses", "comma-separated `list` of the statuses (400..599) -error-rate answers with")
	retryAfter := fs.Duration("retry-after", time.Second, "Retry-After sent with injected 429 and 503 answers, rounded up to whole seconds")
	dropRate := fs.Float64("drop-rate", 0, "share (0..1) of requests whose connection is closed without an answer, before they are served")
	dropAfterCommitRate := fs.Float64("drop-after-commit-rate", 0, "share (0..1) of successful writes (POST, PATCH, DELETE) applied and then dropped without an answer")
	seed := fs.Int64("seed", 1, "seed of the fault injection random source")
	explicitNull := fs.Bool("explicit-null-scopings", false, `answer account-wide scopings as [{"organization_id":null,"space_id":null}] instead of [{}]`)
	spaces := spacesFlag{}
	fs.Var(spaces, "space", "known space `id=name` for the AI integration list filters, repeatable (default: two demo spaces)")
	seedAccount := fs.Bool("seed-account", false, "seed a realistic account (organizations, spaces, integrations, evaluators, roles, projects, users); see emulator.Server.SeedAccount")
	var users usersFlag
	fs.Var(&users, "user", "one more user `id=email[:role]` (role ADMIN, MEMBER, READ_ONLY or ANNOTATOR; default MEMBER), repeatable; an id of a default user replaces it")
	dialect := emulator.DialectToday
	fs.Func("dialect", "API `spelling` to speak: today (OPEN_AI, DEFAULT, provider_metadata.kind; the default) "+
		"or published (openAI, default, no kind: the February 2026 create page)", func(v string) error {
		d, err := emulator.ParseDialect(v)
		if err == nil {
			dialect = d
		}
		return err
	})
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "arize-emulator: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if *apiKey == "" {
		fmt.Fprintln(stderr, "arize-emulator: an API key is required: -api-key or ARIZE_API_KEY")
		return 2
	}
	for _, rate := range []struct {
		name  string
		value float64
	}{{"error-rate", *errorRate}, {"drop-rate", *dropRate}, {"drop-after-commit-rate", *dropAfterCommitRate}} {
		if !(rate.value >= 0 && rate.value <= 1) {
			fmt.Fprintf(stderr, "arize-emulator: -%s must be between 0 and 1\n", rate.name)
			return 2
		}
	}
	if *retryAfter < 0 {
		fmt.Fprintln(stderr, "arize-emulator: -retry-after must not be negative")
		return 2
	}
	if err := checkLoopback(*listen); err != nil {
		fmt.Fprintf(stderr, "arize-emulator: %v\n", err)
		return 2
	}
	if len(spaces) == 0 {
		spaces = defaultSpaces
	}

	srv := emulator.New(emulator.Options{
		APIKey:               *apiKey,
		Spaces:               spaces,
		Users:                append(slices.Clone(defaultUsers), users...),
		ExplicitNullScopings: *explicitNull,
		Dialect:              dialect,
	})
	srv.SetFaults(emulator.Faults{
		ErrorRate:           *errorRate,
		Statuses:            statuses,
		RetryAfter:          *retryAfter,
		Latency:             *latency,
		Seed:                *seed,
		DropRate:            *dropRate,
		DropAfterCommitRate: *dropAfterCommitRate,
	})
	if *seedAccount {
		seeded, err := srv.SeedAccount()
		if err != nil {
			fmt.Fprintf(stderr, "arize-emulator: -seed-account: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "arize-emulator seeded %s\n", seeded.Summary())
	}

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintf(stderr, "arize-emulator: %v\n", err)
		return 1
	}
	baseURL := "http://" + ln.Addr().String()
	if *addrFile != "" {
		if err := writeFileAtomic(*addrFile, baseURL); err != nil {
			ln.Close()
			fmt.Fprintf(stderr, "arize-emulator: %v\n", err)
			return 1
		}
	}
	fmt.Fprintf(stdout, "arize-emulator listening on %s (dialect %s)\n", baseURL, srv.Dialect())

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served:
		fmt.Fprintf(stderr, "arize-emulator: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = hs.Shutdown(shutdownCtx)
	printCounters(stderr, srv)
	if err != nil {
		fmt.Fprintf(stderr, "arize-emulator: shutdown: %v\n", err)
		return 1
	}
	return 0
}

// printCounters writes the request counters, the number of refused writes
// and the injected-fault counters, one sorted "key count" line each, for the
// record of a demo or a soak run.
func printCounters(w io.Writer, srv *emulator.Server) {
	fmt.Fprintf(w, "arize-emulator: %d requests\n", srv.Total())
	printCounts(w, srv.Requests())
	fmt.Fprintf(w, "arize-emulator: %d refused writes (400 or 422 to POST or PATCH)\n", srv.Refused())
	injected := srv.Injected()
	total := 0
	for _, n := range injected {
		total += n
	}
	fmt.Fprintf(w, "arize-emulator: %d injected faults\n", total)
	printCounts(w, injected)
}

func printCounts(w io.Writer, counts map[string]int) {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %s %d\n", k, counts[k])
	}
}

// statusesFlag is the comma-separated -statuses list.
type statusesFlag []int

func (f *statusesFlag) String() string {
	parts := make([]string, len(*f))
	for i, s := range *f {
		parts[i] = strconv.Itoa(s)
	}
	return strings.Join(parts, ",")
}

func (f *statusesFlag) Set(v string) error {
	var out []int
	for part := range strings.SplitSeq(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 400 || n > 599 {
			return fmt.Errorf("%q is not a status from 400 to 599", strings.TrimSpace(part))
		}
		out = append(out, n)
	}
	*f = out
	return nil
}

// checkLoopback refuses any host but a loopback one: the emulator accepts a
// test key and must never be reachable from another machine.
func checkLoopback(hostport string) error {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		return fmt.Errorf("-listen %q: %w", hostport, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("-listen %q: only a loopback host (127.0.0.1, ::1, localhost) is allowed", hostport)
}

// writeFileAtomic writes through a temporary file in the same directory and
// renames it, so a reader polling for the file never sees it half written.
func writeFileAtomic(path, content string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.WriteString(content); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
