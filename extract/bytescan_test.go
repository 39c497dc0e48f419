package extract

import (
	"math/rand/v2"
	"testing"
)

// scanTexts are texts of every length up to 40, and a few longer than the
// stretch asciiLower lowers at a time, whose bytes are drawn from those
// next to each bound the scans test: the space and the bytes under it
// (newline, tab), the tilde, DEL, the backtick, the capitals' ends, and
// bytes of UTF-8 characters.
func scanTexts() []string {
	picks := []byte{' ', 0x1f, '\n', '\t', 0, '~', 0x7f, '`', '_', 'a', '@', 'A', 'Z', '[', 'z', 0xc3, 0x9c, 0xe2, 0x80, 0xff, '.'}
	r := rand.New(rand.NewPCG(7, 11))
	var out []string
	for _, n := range append(lengths(40), 511, 512, 513, 1500) {
		for range 50 {
			b := make([]byte, n)
			for i := range b {
				b[i] = picks[r.IntN(len(picks))]
			}
			out = append(out, string(b))
		}
	}
	return append(out, "Peru's ENVOY said the Tarvo ACCORD was \"fair\" and `final` - Ünal.")
}

// TestASCIILowerEightAtATime: the same text as lowering each ASCII
// capital alone.
func TestASCIILowerEightAtATime(t *testing.T) {
	for _, s := range scanTexts() {
		want := []byte(s)
		for i, c := range want {
			if 'A' <= c && c <= 'Z' {
				want[i] = c + 'a' - 'A'
			}
		}
		if got := asciiLower(s); got != string(want) {
			t.Errorf("asciiLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestKeptRunEightAtATime: from every offset, the end of the run of kept
// bytes a test of each byte finds.
func TestKeptRunEightAtATime(t *testing.T) {
	for _, s := range scanTexts() {
		for i := 0; i <= len(s); i++ {
			want := i
			for want < len(s) && keptBytes[s[want]] {
				want++
			}
			if got := keptRun(s, i); got != want {
				t.Errorf("keptRun(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

// lengths is 0 to n.
func lengths(n int) []int {
	out := make([]int, n+1)
	for i := range out {
		out[i] = i
	}
	return out
}
