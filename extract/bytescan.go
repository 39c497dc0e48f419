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
	lowerTo(&out, s)
	return out.String()
}

// lowerTo writes s to out with its ASCII capitals lowered.
func lowerTo(out *strings.Builder, s string) {
	var buf [512]byte
	for s != "" {
		n := copy(buf[:], s)
		lowerInPlace(buf[:n])
		out.Write(buf[:n])
		s = s[n:]
	}
}

// lowerInPlace lowers b's ASCII capitals.
func lowerInPlace(b []byte) {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		binary.LittleEndian.PutUint64(b[i:], lower64(binary.LittleEndian.Uint64(b[i:])))
	}
	for ; i < len(b); i++ {
		b[i] = lowerByte(b[i])
	}
}

// lower64 is x with the ASCII capitals among its eight bytes lowered.
func lower64(x uint64) uint64 {
	// Below 0x80 no byte carries into the next: each gets its high bit at
	// 'A' and up (ge), and at past 'Z' (gt).
	low := x &^ highBits
	ge, gt := low+eachByte*(0x80-'A'), low+eachByte*(0x80-'Z'-1)
	capitals := ge &^ gt &^ x & highBits
	return x | capitals>>2 // 0x80>>2 is 'a'-'A'
}

// lowerByte is c lowered if it is an ASCII capital.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// lowerKept is keptRun(s, 0), writing the run to dst with its ASCII
// capitals lowered as it reads it: a document's text is checked for
// bytes to normalize and lowered in one pass, each eight bytes loaded
// once and copied once (a pass to check and one to lower were 1.6% of
// extraction).
func lowerKept(dst *strings.Builder, s string) int {
	var buf [512]byte
	for i := 0; ; {
		// A stretch of s as long as buf at most, lowered into it.
		src := s[i:min(len(s), i+len(buf))]
		out := buf[:len(src)]
		k := 0
		for {
			for ; k+8 <= len(src); k += 8 {
				x := load64(src, k)
				if !allKept(x) {
					break
				}
				binary.LittleEndian.PutUint64(out[k:k+8], lower64(x))
			}
			// A newline, or a byte to change, within the next eight, or
			// fewer than eight left.
			end := min(k+8, len(src))
			for k < end && keptBytes[src[k]] {
				out[k] = lowerByte(src[k])
				k++
			}
			if k < end || k == len(src) {
				break
			}
		}
		dst.Write(out[:k])
		if i += k; k < len(src) || i == len(s) {
			return i
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
// a byte that is not, so the first such byte gets its high bit as if it
// were alone: one under the space or from 0xa0 up in below, one from DEL
// to 0x9f in above, a backtick in backtick.
func allKept(x uint64) bool {
	below := x - eachByte*0x20            // under the space, or 0xa0 and up
	above := x + eachByte*(0x80-0x7f)     // DEL and up
	tick := x ^ (eachByte * '`')          // zero where a backtick is
	backtick := (tick - eachByte) &^ tick // a zero byte
	return (below|above|backtick)&highBits == 0
}

// load64 is the eight bytes of s from i, the first lowest.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
