package graph_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/internal/neo4jtest"
	"github.com/stancegraph/stancegraph/model"
)

// TestReadTogetherSharesOneTransaction: inside ReadTogether a store's
// reads, by either path, run in one transaction, also when ReadTogether
// is nested; outside it each read has its own, and so does another
// store's read inside it. An error inside comes back as it was.
func TestReadTogetherSharesOneTransaction(t *testing.T) {
	st, other := neo4jtest.Open(t), neo4jtest.Open(t)
	ctx := context.Background()
	const marker = "read-together-marker"
	ids := func(ctx context.Context) (string, string) {
		t.Helper()
		a, b, err := st.TransactionIDs(ctx, marker)
		if err != nil {
			t.Fatal(err)
		}
		return a, b
	}
	if a, b := ids(ctx); a == b {
		t.Errorf("two reads outside ReadTogether ran in one transaction, %s", a)
	}
	var outer, inner, nested, foreign string
	err := st.ReadTogether(ctx, 10*time.Second, func(ctx context.Context) error {
		outer, inner = ids(ctx)
		return st.ReadTogether(ctx, time.Second, func(ctx context.Context) error {
			nested, _ = ids(ctx)
			var err error
			foreign, _, err = other.TransactionIDs(ctx, marker)
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if outer == "" || inner != outer || nested != outer {
		t.Errorf("reads inside ReadTogether ran in transactions %q, %q and %q (nested), want one", outer, inner, nested)
	}
	if foreign == outer {
		t.Errorf("another store's read joined this store's transaction %s", outer)
	}
	refused := model.Errorf(model.NotFound, "no such actor")
	if err := st.ReadTogether(ctx, 10*time.Second, func(context.Context) error { return refused }); !errors.Is(err, refused) {
		t.Errorf("ReadTogether returned %v, want the error fn gave", err)
	}
}
