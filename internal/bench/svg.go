package bench

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Series is one line of the chart: y seconds at each x = N.
type Series struct {
	Name  string
	Color string
	Dash  string // SVG stroke-dasharray, "" for a solid line
	X     []int
	Y     []float64
}

// ApplySeries are the chart's two lines: the median apply (create) wall
// time of the provider and of the baseline at each N.
func (r *Results) ApplySeries() []Series {
	// The baseline is dashed: where the two lines coincide, both show.
	out := []Series{{Name: "provider", Color: "#c2410c"}, {Name: "baseline (no I/O)", Color: "#2563eb", Dash: "6 4"}}
	for i, kind := range []string{KindProvider, KindBaseline} {
		for _, n := range r.Options.Ns {
			if sum, ok := Summarize(r.Samples[Key{N: n, Kind: kind, Op: Ops[0].Key}]); ok {
				out[i].X = append(out[i].X, n)
				out[i].Y = append(out[i].Y, sum.Wall.Seconds())
			}
		}
	}
	return out
}

// Chart geometry, in SVG user units.
const (
	chartW, chartH                     = 640, 380
	marginL, marginR, marginT, marginB = 64, 24, 40, 56
)

// SVG draws a small line chart of apply (create) time against N, with a
// logarithmic N axis when N spans more than a decade (10 to 1000 would
// otherwise crowd the small N into one corner).
func SVG(title string, series []Series) string {
	var xs []int
	maxY := 0.0
	for _, s := range series {
		xs = append(xs, s.X...)
		for _, y := range s.Y {
			maxY = math.Max(maxY, y)
		}
	}
	slices.Sort(xs)
	xs = slices.Compact(xs)
	if len(xs) == 0 {
		xs = []int{1}
	}
	minX, maxX := float64(xs[0]), float64(xs[len(xs)-1])
	logX := minX > 0 && maxX/minX > 10
	pos := func(v float64) float64 { return v }
	if logX {
		pos = math.Log10
	}
	x0, x1 := pos(minX), pos(maxX)
	if x1 == x0 {
		x0, x1 = x0-1, x1+1
	}
	yTop := niceCeil(maxY)
	plotW, plotH := float64(chartW-marginL-marginR), float64(chartH-marginT-marginB)
	// The points keep clear of the axes by pad on either side.
	const pad = 20.0
	px := func(n int) float64 { return float64(marginL) + pad + (pos(float64(n))-x0)/(x1-x0)*(plotW-2*pad) }
	py := func(y float64) float64 { return float64(marginT) + plotH - y/yTop*plotH }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", chartW, chartH, chartW, chartH)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", chartW, chartH)
	fmt.Fprintf(&b, `<text x="%d" y="22" font-size="14" font-weight="bold">%s</text>`+"\n", marginL, escape(title))
	// Horizontal grid lines and y labels.
	for i := 0; i <= 4; i++ {
		y := yTop * float64(i) / 4
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#e5e7eb"/>`+"\n", marginL, py(y), chartW-marginR, py(y))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end">%s</text>`+"\n", marginL-6, py(y)+4, trimFloat(y))
	}
	// X ticks at every measured N.
	for _, n := range xs {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#9ca3af"/>`+"\n", px(n), chartH-marginB, px(n), chartH-marginB+5)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%d</text>`+"\n", px(n), chartH-marginB+18, n)
	}
	// Axes and their labels.
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#374151"/>`+"\n", marginL, chartH-marginB, chartW-marginR, chartH-marginB)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#374151"/>`+"\n", marginL, marginT, marginL, chartH-marginB)
	xLabel := "integrations (N)"
	if logX {
		xLabel += ", log scale"
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n", float64(marginL)+plotW/2, chartH-14, xLabel)
	fmt.Fprintf(&b, `<text transform="translate(18 %.1f) rotate(-90)" text-anchor="middle">apply (create) wall time, s</text>`+"\n", float64(marginT)+plotH/2)
	// The series, and a legend.
	for i, s := range series {
		var pts []string
		for j := range s.X {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", px(s.X[j]), py(s.Y[j])))
		}
		if len(pts) > 0 {
			fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2"%s points="%s"/>`+"\n", s.Color, dash(s.Dash), strings.Join(pts, " "))
		}
		for j := range s.X {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s, N=%d: %.2f s</title></circle>`+"\n",
				px(s.X[j]), py(s.Y[j]), s.Color, escape(s.Name), s.X[j], s.Y[j])
		}
		ly := marginT + 8 + 18*i
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"%s/>`+"\n", marginL+12, ly, marginL+36, ly, s.Color, dash(s.Dash))
		fmt.Fprintf(&b, `<text x="%d" y="%d">%s</text>`+"\n", marginL+42, ly+4, escape(s.Name))
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// niceCeil rounds v up to a round number (1, 1.2, 1.6, 2, 2.4, 3, 4, 6 or 8
// times a power of ten: each divides by the four grid steps into short
// labels), so the y axis is labelled roundly without wasting height.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 1.2, 1.6, 2, 2.4, 3, 4, 6, 8, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

func trimFloat(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

func dash(d string) string {
	if d == "" {
		return ""
	}
	return fmt.Sprintf(` stroke-dasharray="%s"`, d)
}
