package bench

import (
	"slices"
	"time"
)

// Summary is the median of an operation's samples over the runs, each
// figure taken on its own.
type Summary struct {
	Runs         int
	Wall         time.Duration
	ProviderCPU  time.Duration
	TerraformCPU time.Duration
	ProviderRSS  int64
	Procs        int
	Conns        int
	Requests     Counts
	// Exact reports whether every run made the same requests.
	Exact bool
}

// Summarize takes the medians of samples; ok is false when there are none.
func Summarize(samples []Sample) (Summary, bool) {
	if len(samples) == 0 {
		return Summary{}, false
	}
	pick := func(f func(Sample) int64) int64 {
		xs := make([]int64, len(samples))
		for i, s := range samples {
			xs[i] = f(s)
		}
		return median(xs)
	}
	sum := Summary{
		Runs:         len(samples),
		Wall:         time.Duration(pick(func(s Sample) int64 { return int64(s.Wall) })),
		ProviderCPU:  time.Duration(pick(func(s Sample) int64 { return int64(s.ProviderCPU) })),
		TerraformCPU: time.Duration(pick(func(s Sample) int64 { return int64(s.TerraformCPU) })),
		ProviderRSS:  pick(func(s Sample) int64 { return s.ProviderRSS }),
		Procs:        int(pick(func(s Sample) int64 { return int64(s.ProviderProcs) })),
		Conns:        int(pick(func(s Sample) int64 { return int64(s.Conns) })),
		Requests:     Counts{},
		Exact:        true,
	}
	for _, m := range Methods {
		if n := pick(func(s Sample) int64 { return int64(s.Requests[m]) }); n != 0 {
			sum.Requests[m] = int(n)
		}
	}
	for _, s := range samples[1:] {
		if !s.Requests.Equal(samples[0].Requests) {
			sum.Exact = false
		}
	}
	return sum, true
}

// median of xs, the mean of the middle two for an even count.
func median(xs []int64) int64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 0 {
		return (s[mid-1] + s[mid]) / 2
	}
	return s[mid]
}
