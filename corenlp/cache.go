package corenlp

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/stancegraph/stancegraph/syntax"
)

// cache keeps the parses of each batch of sentences in a file named by the
// hash of the CoreNLP version, the annotators and the sentences. A nil
// cache keeps nothing. A file that cannot be read or written is treated as
// a miss: the cache only saves time.
type cache struct {
	dir string
	key string
}

func (c *cache) path(texts []string) string {
	h := sha256.New()
	h.Write([]byte(c.key))
	for _, t := range texts {
		h.Write([]byte{0})
		h.Write([]byte(t))
	}
	sum := hex.EncodeToString(h.Sum(nil))
	return filepath.Join(c.dir, sum[:2], sum+".json")
}

func (c *cache) get(texts []string) ([]syntax.Sentence, bool) {
	if c == nil {
		return nil, false
	}
	b, err := os.ReadFile(c.path(texts))
	if err != nil {
		return nil, false
	}
	var out []syntax.Sentence
	if json.Unmarshal(b, &out) != nil || len(out) != len(texts) {
		return nil, false
	}
	for i := range out {
		if out[i].Text != texts[i] {
			return nil, false
		}
	}
	return out, true
}

func (c *cache) put(texts []string, out []syntax.Sentence) {
	if c == nil {
		return
	}
	p := c.path(texts)
	b, err := json.Marshal(out)
	if err != nil || os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), p) != nil {
		_ = os.Remove(tmp.Name())
	}
}
