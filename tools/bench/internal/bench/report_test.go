package bench

import (
	"strings"
	"testing"
	"time"
)

// fakeResults are two Ns of both providers, with one wrong request count.
func fakeResults() *Results {
	r := &Results{
		Options: Options{Ns: []int{100, 500}, Runs: 3, Parallelism: 10, Latency: 50 * time.Millisecond, LatencyN: 100, LatencyParallelism: []int{10, 50}},
		Samples: map[Key][]Sample{},
		Latency: map[LatencyKey][]Sample{},
		Elapsed: time.Minute,
	}
	for _, n := range r.Options.Ns {
		for _, op := range Ops {
			for run := range 3 {
				wall := time.Duration(n) * 10 * time.Millisecond
				p := Sample{Wall: wall + time.Duration(run)*time.Millisecond, ProviderRSS: int64(n) << 16, Requests: op.Expected(n), Conns: 10}
				if n == 500 && op.Key == "update" {
					p.Requests = Counts{"GET": 1000, "PATCH": 500} // a read-after-write
				}
				r.Samples[Key{N: n, Kind: KindProvider, Op: op.Key}] = append(r.Samples[Key{N: n, Kind: KindProvider, Op: op.Key}], p)
				b := Sample{Wall: wall / 2, ProviderRSS: int64(n) << 15, Requests: Counts{}}
				r.Samples[Key{N: n, Kind: KindBaseline, Op: op.Key}] = append(r.Samples[Key{N: n, Kind: KindBaseline, Op: op.Key}], b)
			}
		}
	}
	for _, p := range r.Options.LatencyParallelism {
		r.Latency[LatencyKey{Parallelism: p, Kind: KindProvider}] = []Sample{{Wall: time.Second, Requests: Counts{"POST": 100}}}
		r.Latency[LatencyKey{Parallelism: p, Kind: KindBaseline}] = []Sample{{Wall: time.Second / 2}}
	}
	return r
}

func TestMarkdown(t *testing.T) {
	page := Report{Results: fakeResults(), Machine: Machine{CPUs: 2, Terraform: "1.16.4", Date: time.Now()}}.Markdown()
	for _, want := range []string{
		"---\npage_title: \"Benchmarks\"\nsubcategory: \"\"\ndescription: |-\n",
		"**Provider / baseline wall time at N=500**: apply (create) 2.00,",
		"| 500 | apply (update all) | 0 | 1000 | 500 | 0 | 0 | PATCH | 1.00 | 10 | **MISMATCH** (want GET=500 PATCH=500) |",
		"| 100 | apply (create) | 100 | 0 | 0 | 0 | 0 | POST | 1.00 | 10 | exact |",
		"apply (update all): **MISMATCH**",
		"N=1000 is opt-in",
		"- **Provider CPU per integration at N=500** (all its processes, framework included): apply (create) 0.0 ms,",
		"| 10 | 100 | 50ms | 1.00 | 0.50 | 0.50 |",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q\n%s", want, page)
		}
	}
}

func TestSummarize_median(t *testing.T) {
	s, ok := Summarize([]Sample{{Wall: 3}, {Wall: 1}, {Wall: 2}})
	if !ok || s.Wall != 2 {
		t.Errorf("median wall %v, want 2", s.Wall)
	}
	s, _ = Summarize([]Sample{{Wall: 4, Requests: Counts{"GET": 1}}, {Wall: 2, Requests: Counts{"GET": 2}}})
	if s.Wall != 3 || s.Exact {
		t.Errorf("even count: wall %v (want 3), exact %v (want false: the runs differ)", s.Wall, s.Exact)
	}
}
