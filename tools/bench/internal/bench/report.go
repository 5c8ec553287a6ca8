package bench

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Report is what the markdown page is made from.
type Report struct {
	Results *Results
	Machine Machine
	GoBench string // go test -bench output; "" when not run
}

// ratioN is the N at which the provider/baseline ratio is the headline.
const ratioN = 500

// Markdown renders the page: front matter for the docs site, the headline
// figures, the method, the machine, and the tables.
func (rp Report) Markdown() string {
	r, m := rp.Results, rp.Machine
	var b strings.Builder
	b.WriteString("---\npage_title: \"Benchmarks\"\nsubcategory: \"\"\ndescription: |-\n" +
		"  What the Arize provider adds to Terraform's own cost, how many API requests it makes, and how its memory grows with the number of integrations.\n---\n\n")
	b.WriteString("# Benchmarks\n\n")
	fmt.Fprintf(&b, "Written by `make bench` (`tools/bench`) on %s; do not edit by hand. "+
		"Figures are the median of %s on the machine described below, and are measurements, not targets: "+
		"they vary from machine to machine and with what else the machine is doing.\n\n",
		m.Date.UTC().Format("2006-01-02 15:04 MST"), r.runsText())

	b.WriteString("## Headline figures\n\n")
	rp.headline(&b)

	b.WriteString("\n## Method\n\n")
	fmt.Fprintf(&b, "- The pinned Terraform CLI runs in a fresh working directory for each N, each provider and each run, "+
		"against the emulator of `internal/emulator` served in the benchmark's own process on a loopback port, "+
		"so its request counters are read directly. Every command runs with `-parallelism=%d`.\n", r.Options.Parallelism)
	b.WriteString("- The configuration is one `arize_ai_integration` block with `count = N` and a realistic mix: four " +
		"`ai_provider`s, `base_url` on a quarter, three `model_names` on all, `headers` on a fifth, a write-only " +
		"`api_key` on half, `scopings` on a third.\n")
	b.WriteString("- The operations, in order: `apply` that creates N integrations; `plan` with no change " +
		"(`-detailed-exitcode` must exit 0); `apply` of a change to `model_names` of every integration; `destroy`. " +
		"A plan, an update and a destroy first refresh every resource, which is one GET each.\n")
	b.WriteString("- **provider** is the provider built from `main.go` as released. **baseline** is " +
		"`tools/bench/cmd/baseline-provider`, which lives in the benchmark's module: the shipped provider's " +
		"schema, validation and plan modifiers for `arize_ai_integration`, with create, read, update and delete " +
		"done in memory (the state is the plan with the computed values filled in): no client, no HTTP, no JSON, " +
		"no conversion of an API answer. **ratio** is provider / baseline wall time: what the API client, JSON, " +
		"the conversions and the loopback round trips add to what both share, Terraform core's cost and the " +
		"framework's.\n")
	b.WriteString("- Terraform finds the provider through `dev_overrides` pointing at a shim (the benchmark binary " +
		"itself) that starts the provider binary as its child, passes the plugin handshake through, and records " +
		"the child's rusage. **provider CPU** is the user+system time of every provider process a command " +
		"started, summed (Terraform starts several per command: one per walk, and for the schema); " +
		"**peak RSS** is the largest of them. **Terraform CPU** is the terraform process's own, from its rusage " +
		"less its providers' (it includes the shim's few milliseconds per provider process).\n")
	b.WriteString("- **connections** counts the TCP connections the emulator accepted during a command: with " +
		"keep-alive it stays near the parallelism for each provider process, not one per request.\n")
	if len(r.Options.Env) > 0 {
		fmt.Fprintf(&b, "- **Experiment**: every command ran with `%s` added to its environment; these are not the default figures.\n", strings.Join(r.Options.Env, " "))
	}
	b.WriteString("- Wall time is the whole command as a user sees it; on a 2-core machine the provider and " +
		"Terraform compete for the same CPUs, so CPU times are the steadier figures.\n")

	b.WriteString("\n## Machine\n\n")
	b.WriteString("| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| CPU | %s, %d logical CPUs |\n", m.CPUModel, m.CPUs)
	fmt.Fprintf(&b, "| memory | %s |\n", m.Memory)
	fmt.Fprintf(&b, "| OS | %s |\n", m.OS)
	fmt.Fprintf(&b, "| Go | %s |\n", m.GoVersion)
	fmt.Fprintf(&b, "| Terraform | %s |\n", m.Terraform)
	fmt.Fprintf(&b, "| load average at start (1, 5, 15 min) | %s |\n", m.LoadAvg)
	fmt.Fprintf(&b, "| date | %s |\n", m.Date.UTC().Format(time.RFC3339))
	fmt.Fprintf(&b, "| duration of the run | %s |\n", r.Elapsed.Round(time.Second))

	b.WriteString("\n## Time and memory\n\n")
	fmt.Fprintf(&b, "Median of %s. Seconds; MiB.\n\n", r.runsText())
	b.WriteString(rp.TimeTable())

	b.WriteString("\n## API requests\n\n")
	b.WriteString("Requests the emulator served during each command of the provider's runs, by method (LIST is a GET " +
		"of the collection). **own** is the operation's own method; **per resource** is its count divided by N, " +
		"1.00 when the provider makes exactly one request per resource. The refresh GETs of a plan, an update or a " +
		"destroy are Terraform's: one per resource, no more. The baseline served none, as it must.\n\n")
	b.WriteString(rp.RequestTable())

	if len(r.Latency) > 0 {
		b.WriteString("\n## Latency and parallelism\n\n")
		fmt.Fprintf(&b, "`apply` creating %d integrations while the emulator adds %s to every request. "+
			"**floor** is N × latency / parallelism, the least any provider could take; the baseline calls no API and "+
			"shows Terraform's own time at that parallelism.\n\n", r.Options.LatencyN, r.Options.Latency)
		b.WriteString(rp.LatencyTable())
	}

	if rp.GoBench != "" {
		b.WriteString("\n## Go benchmarks\n\n")
		b.WriteString("`go test -run '^$' -bench . -benchmem` of the client's encoding and decoding (`internal/arize`) " +
			"and of the emulator's create, get and list (`internal/emulator`):\n\n")
		b.WriteString("```text\n" + strings.TrimRight(rp.GoBench, "\n") + "\n```\n")
	}

	b.WriteString("\n## Reproducing\n\n")
	b.WriteString("```sh\nmake bench                                   # N = 10, 100, 500\n" +
		"BENCH_N=10,100,500,1000 make bench          # adds N = 1000: one run, some minutes (BENCH_LARGE_RUNS=3 for three)\n" +
		"cd tools/bench && go run . -help            # every option\n" +
		"cd tools/bench && go run . -root ../.. -terraform ../../.cache/bin/terraform -n 500 -runs 1 -profile /tmp/prof -out ''  # CPU and heap profiles of each provider process\n```\n")
	return b.String()
}

// headline writes the figures the issue asks for.
func (rp Report) headline(b *strings.Builder) {
	r := rp.Results
	if len(r.Problems) > 0 {
		fmt.Fprintf(b, "**%d problem(s) found**, see the tables:\n\n", len(r.Problems))
		for _, p := range r.Problems {
			fmt.Fprintf(b, "- %s\n", strings.SplitN(p, "\n", 2)[0])
		}
		b.WriteString("\n")
	}

	// Requests per resource per operation, over every N.
	var parts []string
	for _, op := range Ops {
		exact := true
		for _, n := range r.Options.Ns {
			sum, ok := Summarize(r.Samples[Key{N: n, Kind: KindProvider, Op: op.Key}])
			if ok && (!sum.Exact || !sum.Requests.Equal(op.Expected(n))) {
				exact = false
			}
		}
		verdict := "1 " + op.Own
		if op.refresh {
			verdict += " (+ 1 GET of Terraform's refresh)"
		}
		if !exact {
			verdict = "**MISMATCH**, see below"
		}
		parts = append(parts, fmt.Sprintf("%s: %s", op.Name, verdict))
	}
	fmt.Fprintf(b, "- **API requests per resource per operation**, at every N (%s): %s.\n", joinInts(r.Options.Ns), strings.Join(parts, "; "))

	// The provider/baseline ratio.
	n := ratioN
	if !slices.Contains(r.Options.Ns, n) && len(r.Options.Ns) > 0 {
		n = slices.Max(r.Options.Ns)
	}
	parts = parts[:0]
	for _, op := range Ops {
		if ratio, ok := r.ratio(n, op.Key); ok {
			parts = append(parts, fmt.Sprintf("%s %.2f", op.Name, ratio))
		}
	}
	if len(parts) > 0 {
		fmt.Fprintf(b, "- **Provider / baseline wall time at N=%d**: %s.", n, strings.Join(parts, ", "))
		if spread := r.maxSpread(n); spread > 0 {
			fmt.Fprintf(b, " The wall times of one command vary by up to %.0f%% from run to run here (max − min over the median), "+
				"so a ratio that close to 1 is noise.", spread*100)
		}
		b.WriteString("\n")
	}

	// The provider's CPU per integration, which shows whether its own work
	// grows linearly, and Terraform core's share of the CPU.
	if len(r.Options.Ns) > 0 {
		big := slices.Max(r.Options.Ns)
		parts = parts[:0]
		for _, op := range Ops {
			if sum, ok := Summarize(r.Samples[Key{N: big, Kind: KindProvider, Op: op.Key}]); ok {
				parts = append(parts, fmt.Sprintf("%s %.1f ms", op.Name, sum.ProviderCPU.Seconds()*1000/float64(big)))
			}
		}
		fmt.Fprintf(b, "- **Provider CPU per integration at N=%d** (all its processes, framework included): %s.", big, strings.Join(parts, ", "))
		if sum, ok := Summarize(r.Samples[Key{N: big, Kind: KindProvider, Op: "update"}]); ok && sum.ProviderCPU+sum.TerraformCPU > 0 {
			fmt.Fprintf(b, " Terraform core's own CPU is %.0f%% of the CPU of the update at that N.",
				100*sum.TerraformCPU.Seconds()/(sum.TerraformCPU+sum.ProviderCPU).Seconds())
		}
		b.WriteString("\n")
	}

	// Peak RSS and its growth.
	rss := map[int]int64{}
	for _, n := range r.Options.Ns {
		rss[n] = r.peakRSS(n, KindProvider)
	}
	var rssParts []string
	for _, n := range r.Options.Ns {
		rssParts = append(rssParts, fmt.Sprintf("%s MiB at N=%d", mib(rss[n]), n))
	}
	if len(rssParts) > 0 {
		big := slices.Max(r.Options.Ns)
		base := r.peakRSS(big, KindBaseline)
		fmt.Fprintf(b, "- **Provider peak RSS** (largest provider process of any operation): %s; the baseline's is %s MiB at N=%d",
			strings.Join(rssParts, ", "), mib(base), big)
		if float64(rss[big]) <= 1.15*float64(base) {
			b.WriteString(", so what grows with N is the framework's, and Terraform's way of calling it (many requests in flight at once), not the API client's")
		} else {
			b.WriteString(": the provider holds markedly more than the baseline, which points at the API client")
		}
		b.WriteString(".\n")
	}
	from, to := 100, 1000
	if !slices.Contains(r.Options.Ns, to) {
		b.WriteString("- **Peak RSS growth N=100 → N=1000**: not measured, N=1000 is opt-in (`BENCH_N=10,100,500,1000 make bench`).")
		if slices.Contains(r.Options.Ns, from) && len(r.Options.Ns) > 0 && slices.Max(r.Options.Ns) > from {
			to = slices.Max(r.Options.Ns)
			fmt.Fprintf(b, " From N=%d to N=%d: %s.", from, to, growth(rss[from], rss[to], to-from))
		}
		b.WriteString("\n")
	} else if slices.Contains(r.Options.Ns, from) {
		fmt.Fprintf(b, "- **Peak RSS growth N=%d → N=%d**: %s.\n", from, to, growth(rss[from], rss[to], to-from))
	}

	// Latency.
	if len(r.Latency) > 0 {
		parts = parts[:0]
		for _, p := range r.Options.LatencyParallelism {
			if sum, ok := Summarize(r.Latency[LatencyKey{Parallelism: p, Kind: KindProvider}]); ok {
				floor := time.Duration(r.Options.LatencyN) * r.Options.Latency / time.Duration(p)
				parts = append(parts, fmt.Sprintf("%.2f s at -parallelism=%d (floor %.2f s)", sum.Wall.Seconds(), p, floor.Seconds()))
			}
		}
		fmt.Fprintf(b, "- **Apply of %d with %s API latency**: %s.\n", r.Options.LatencyN, r.Options.Latency, strings.Join(parts, ", "))
	}
}

// runsText says how many runs the medians are of.
func (r *Results) runsText() string {
	text := plural(r.Options.Runs, "run")
	for _, n := range r.Options.Ns {
		if k := r.Options.RunsAt(n); k != r.Options.Runs {
			text += fmt.Sprintf(" (%s at N=%d)", plural(k, "run"), n)
		}
	}
	return text
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func growth(from, to int64, dn int) string {
	d := to - from
	return fmt.Sprintf("%+.1f MiB (%s MiB → %s MiB), %+.1f KiB per added integration", float64(d)/(1<<20), mib(from), mib(to), float64(d)/1024/float64(dn))
}

// maxSpread is the largest (max - min) / median wall time of any command of
// either provider at n, over its runs.
func (r *Results) maxSpread(n int) float64 {
	var worst float64
	for _, op := range Ops {
		for _, kind := range []string{KindProvider, KindBaseline} {
			samples := r.Samples[Key{N: n, Kind: kind, Op: op.Key}]
			sum, ok := Summarize(samples)
			if !ok || len(samples) < 2 || sum.Wall <= 0 {
				continue
			}
			lo, hi := samples[0].Wall, samples[0].Wall
			for _, s := range samples[1:] {
				lo, hi = min(lo, s.Wall), max(hi, s.Wall)
			}
			worst = max(worst, float64(hi-lo)/float64(sum.Wall))
		}
	}
	return worst
}

// ratio is provider / baseline median wall time of an operation at n.
func (r *Results) ratio(n int, op string) (float64, bool) {
	p, ok1 := Summarize(r.Samples[Key{N: n, Kind: KindProvider, Op: op}])
	bl, ok2 := Summarize(r.Samples[Key{N: n, Kind: KindBaseline, Op: op}])
	if !ok1 || !ok2 || bl.Wall <= 0 {
		return 0, false
	}
	return p.Wall.Seconds() / bl.Wall.Seconds(), true
}

// peakRSS is the largest median peak RSS of kind's operations at n.
func (r *Results) peakRSS(n int, kind string) int64 {
	var peak int64
	for _, op := range Ops {
		if sum, ok := Summarize(r.Samples[Key{N: n, Kind: kind, Op: op.Key}]); ok {
			peak = max(peak, sum.ProviderRSS)
		}
	}
	return peak
}

// TimeTable is the wall time, CPU and memory of both providers.
func (rp Report) TimeTable() string {
	r := rp.Results
	var b strings.Builder
	b.WriteString("| N | operation | provider s | baseline s | ratio | provider CPU s | baseline CPU s | Terraform CPU s | provider peak RSS MiB | baseline peak RSS MiB | provider processes |\n")
	b.WriteString("|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, n := range r.Options.Ns {
		for _, op := range Ops {
			p, ok := Summarize(r.Samples[Key{N: n, Kind: KindProvider, Op: op.Key}])
			if !ok {
				continue
			}
			bl, _ := Summarize(r.Samples[Key{N: n, Kind: KindBaseline, Op: op.Key}])
			ratio := "–"
			if v, ok := r.ratio(n, op.Key); ok {
				ratio = fmt.Sprintf("%.2f", v)
			}
			fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |\n", n, op.Name,
				sec(p.Wall), sec(bl.Wall), ratio, sec(p.ProviderCPU), sec(bl.ProviderCPU), sec(p.TerraformCPU),
				mib(p.ProviderRSS), mib(bl.ProviderRSS), p.Procs)
		}
	}
	return b.String()
}

// RequestTable is the provider's requests by method, checked against N.
func (rp Report) RequestTable() string {
	r := rp.Results
	var b strings.Builder
	b.WriteString("| N | operation | POST | GET | PATCH | DELETE | LIST | own | per resource | connections | check |\n")
	b.WriteString("|--:|---|--:|--:|--:|--:|--:|---|--:|--:|---|\n")
	for _, n := range r.Options.Ns {
		for _, op := range Ops {
			p, ok := Summarize(r.Samples[Key{N: n, Kind: KindProvider, Op: op.Key}])
			if !ok {
				continue
			}
			check := "exact"
			if want := op.Expected(n); !p.Exact || !p.Requests.Equal(want) {
				check = "**MISMATCH** (want " + FormatCounts(want) + ")"
			}
			fmt.Fprintf(&b, "| %d | %s | %d | %d | %d | %d | %d | %s | %.2f | %d | %s |\n", n, op.Name,
				p.Requests["POST"], p.Requests["GET"], p.Requests["PATCH"], p.Requests["DELETE"], p.Requests["LIST"],
				op.Own, float64(p.Requests[op.Own])/float64(n), p.Conns, check)
		}
	}
	return b.String()
}

// LatencyTable is the apply time with added API latency.
func (rp Report) LatencyTable() string {
	r := rp.Results
	var b strings.Builder
	b.WriteString("| -parallelism | N | latency | provider s | floor s | baseline s | provider CPU s | connections | POST |\n")
	b.WriteString("|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, p := range r.Options.LatencyParallelism {
		pr, ok := Summarize(r.Latency[LatencyKey{Parallelism: p, Kind: KindProvider}])
		if !ok {
			continue
		}
		bl, _ := Summarize(r.Latency[LatencyKey{Parallelism: p, Kind: KindBaseline}])
		floor := time.Duration(r.Options.LatencyN) * r.Options.Latency / time.Duration(p)
		fmt.Fprintf(&b, "| %d | %d | %s | %s | %s | %s | %s | %d | %d |\n", p, r.Options.LatencyN, r.Options.Latency,
			sec(pr.Wall), sec(floor), sec(bl.Wall), sec(pr.ProviderCPU), pr.Conns, pr.Requests["POST"])
	}
	return b.String()
}

func sec(d time.Duration) string { return fmt.Sprintf("%.2f", d.Seconds()) }

func mib(b int64) string { return fmt.Sprintf("%.1f", float64(b)/(1<<20)) }

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}
