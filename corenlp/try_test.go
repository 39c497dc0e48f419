package corenlp

import (
	"context"
	"fmt"
	"testing"
	"time"
)

func TestTry(t *testing.T) {
	p, err := Start(context.Background(), Options{Home: "/tmp/corenlp-home", Version: "4.5.10", Java: "java", Heap: "2g", Workers: 1, StartTimeout: 3 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	start := time.Now()
	out, err := p.Parse(context.Background(), []string{"Erdoğan’s “objection” was clear, said Maroš Šefčovič.", "Iran and Turkey lashed out at the UAE over the deal, even as much of the world welcomed the move."})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(time.Since(start))
	for _, s := range out {
		for _, tk := range s.Tokens {
			fmt.Printf("%q/%s/%s ", s.Text[tk.Start:tk.End], tk.POS, tk.NER)
		}
		fmt.Println()
		for _, e := range s.Edges {
			h := "ROOT"
			if e.Head >= 0 {
				h = s.Tokens[e.Head].Text
			}
			fmt.Printf("%s(%s,%s) ", e.Rel, h, s.Tokens[e.Dep].Text)
		}
		fmt.Println()
	}
}
