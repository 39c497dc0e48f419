package syntax

import "testing"

// TestRelBit: a relation and its forms with a case marker share a bit, so
// that no edge a question asks for is passed over; the relations the
// extractor asks for most have bits of their own.
func TestRelBit(t *testing.T) {
	for _, base := range []string{"nsubj", "obj", "obl", "nmod", "cc", "x", "", "conj", "acl", "compound"} {
		if relBit(base) != relBit(base+":pass") || relBit(base) != relBit(base+":of") {
			t.Errorf("%q: its forms with a case marker have another bit", base)
		}
		if relBit(base) != relBit(Base(base+":poss")) {
			t.Errorf("%q: the base of a marked form has another bit", base)
		}
	}
	for _, pair := range [][2]string{{"obj", "obl"}, {"nsubj", "csubj"}, {"nmod", "amod"}, {"conj", "compound"},
		{"cc", "ccomp"}, {"xcomp", "ccomp"}, {"aux", "acl"}, {"det", "dep"}, {"appos", "advmod"}, {"case", "cop"}} {
		if relBit(pair[0]) == relBit(pair[1]) {
			t.Errorf("%q and %q share a bit: every question about one reads the other", pair[0], pair[1])
		}
	}
	if relMask(nil) != ^uint64(0) {
		t.Error("no relations asked for must ask for every bit")
	}
}
