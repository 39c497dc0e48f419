package extract

import (
	"encoding/binary"
	"math/rand/v2"
	"reflect"
	"strings"
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

// TestAllKeptByteByByte: every byte at every place among kept ones, and
// every pair side by side (where a borrow or carry would pass from one to
// the other), as the bytes' own tests tell.
func TestAllKeptByteByByte(t *testing.T) {
	kept := func(b ...byte) bool {
		for _, c := range b {
			if !keptBytes[c] || c == '\n' {
				return false
			}
		}
		return true
	}
	for c := range 256 {
		for at := range 8 {
			w := []byte("a~ @Z0_.")
			w[at] = byte(c)
			if got := allKept(binary.LittleEndian.Uint64(w)); got != kept(w...) {
				t.Errorf("allKept(%q) = %v", w, got)
			}
		}
		for d := range 256 {
			w := []byte("~~~  ~~~")
			w[3], w[4] = byte(c), byte(d)
			if got := allKept(binary.LittleEndian.Uint64(w)); got != kept(w...) {
				t.Errorf("allKept(%q) = %v", w, got)
			}
		}
	}
}

// TestLowerKept: on the text from every offset, keptRun's end, and the run as
// asciiLower lowers it, with something already written before it.
func TestLowerKept(t *testing.T) {
	for _, s := range scanTexts() {
		for i := 0; i <= len(s); i++ {
			var b strings.Builder
			b.WriteString("X")
			end := i + lowerKept(&b, s[i:])
			if want := keptRun(s, i); end != want {
				t.Errorf("lowerKept(%q, %d) = %d, keptRun's %d", s, i, end, want)
				continue
			}
			if want := "X" + asciiLower(s[i:end]); b.String() != want {
				t.Errorf("lowerKept(%q, %d) wrote %q, want %q", s, i, b.String(), want)
			}
		}
	}
}

// TestReadTextInOnePass: a document's text normalized, and lower-cased
// in the same pass up to its first byte to normalize, is what normalize
// and asciiLower make of it apart:
// texts with nothing to normalize, with bytes to change at their start,
// middle and end, past the stretch lowerKept fills, with capitals outside
// ASCII and with bytes that are not UTF-8.
func TestReadTextInOnePass(t *testing.T) {
	texts := append(scanTexts(),
		"", "ZÜRICH Said NO", "\u201cWe Will Not Sign,\u201d the MINISTER said\u2014twice.",
		"Tabs\tAND\rreturns\u00a0HERE `Quoted` \u2212 End\u2019", "\u2018Q", "Q\u2019",
		strings.Repeat("The Envoy Met Officials. ", 40)+"\u201cNo,\u201d SHE SAID \xff\xfe AGAIN\x7f"+strings.Repeat(" Later ON", 70))
	for _, s := range texts {
		n := normalize(s)
		got, want := readText(Document{Text: s}), docText{n: n, lower: asciiLower(n.text)}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("readText(%q) = %+v, want %+v", s, got, want)
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
