package extract

import (
	"encoding/binary"
	"strings"
)

// Eight bytes at a time: a document is lower-cased and checked for
// characters to normalize once each, and a test of every byte (a branch
// at every capital) cost more than the rest of reading it.

const (
	eachByte = 0x0101010101010101 // one in each byte
	highBits = 0x8080808080808080 // each byte's high bit
)

// asciiLower lower-cases ASCII letters only, so byte offsets stay valid.
// The text is lowered a stretch at a time in a buffer of its own and
// copied once into the result: []byte(s) and back took two copies of
// every document, a quarter of the bytes extraction allocated.
func asciiLower(s string) string {
	var out strings.Builder
	out.Grow(len(s))
	var buf [512]byte
	for s != "" {
		n := copy(buf[:], s)
		lowerInPlace(buf[:n])
		out.Write(buf[:n])
		s = s[n:]
	}
	return out.String()
}

// lowerInPlace lowers b's ASCII capitals.
func lowerInPlace(b []byte) {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		// Below 0x80 no byte carries into the next: each gets its high
		// bit at 'A' and up (ge), and at past 'Z' (gt).
		low := x &^ highBits
		ge, gt := low+eachByte*(0x80-'A'), low+eachByte*(0x80-'Z'-1)
		capitals := ge &^ gt &^ x & highBits
		binary.LittleEndian.PutUint64(b[i:], x|capitals>>2) // 0x80>>2 is 'a'-'A'
	}
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}

// keptRun is where the run of bytes normalize keeps (keptBytes) that
// starts at i ends.
func keptRun(s string, i int) int {
	for {
		for i+8 <= len(s) && allKept(load64(s, i)) {
			i += 8
		}
		// A newline, or a byte to change, within the next eight.
		end := min(i+8, len(s))
		for i < end && keptBytes[s[i]] {
			i++
		}
		if i < end || i == len(s) {
			return i
		}
	}
}

// allKept reports whether the eight bytes of x are all printable ASCII
// other than the backtick. A borrow or carry between bytes starts only at
// a byte that is not: under the space, 0xff, or a backtick (zero in
// tick).
func allKept(x uint64) bool {
	below := (x - eachByte*0x20) &^ x       // a byte under the space
	above := (x + eachByte*(0x7f-0x7e)) | x // a byte over the tilde
	tick := x ^ (eachByte * '`')            // zero where a backtick is
	backtick := (tick - eachByte) &^ tick   // a zero byte
	return (below|above|backtick)&highBits == 0
}

// load64 is the eight bytes of s from i, the first lowest.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
