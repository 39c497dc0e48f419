package ingest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/stancegraph/stancegraph/graph"
)

// Loader puts import files into an empty database (neo4j-admin's offline
// import, for the local server) and has the graph ready to read when it
// returns.
type Loader func(ctx context.Context, files graph.ImportFiles) error

// Bulk is the first load of an empty graph: documents are read and
// extracted as always, written as import files instead of transactions,
// and loaded in one pass, which pays for indexes and the store once
// instead of once per transaction. The graph is the one transactions
// would write. It is worth it only for a large corpus: the load stops and
// restarts the server.
type Bulk struct {
	// From is the fewest documents worth a bulk load.
	From int
	// Dir holds the import files while they are written and loaded;
	// they are removed after.
	Dir  string
	Load Loader
}

// firstLoad writes the files through import files. A run that stops
// early (Neo4j gone, interrupted) loads nothing; files that fail are
// reported as in run, and the rest are loaded.
func (o Options) firstLoad(ctx context.Context, files []article, sum Summary, start time.Time) (Summary, error) {
	dir, err := os.MkdirTemp(o.Bulk.Dir, "bulk-")
	if err != nil {
		return sum, fmt.Errorf("bulk load: %w", err)
	}
	defer os.RemoveAll(dir)
	b, err := graph.NewBulk(dir)
	if err != nil {
		return sum, err
	}
	o.Store = bulkStore{Store: o.Store, bulk: b}
	sum, runErr := o.run(ctx, files, sum, start)
	imports, closeErr := b.Close()
	switch {
	case runErr != nil:
		return sum, runErr
	case closeErr != nil:
		return sum, closeErr
	case sum.Documents == 0:
		return sum, nil
	}
	// The importer replaces the database: anything written since the
	// run began (a query saved meanwhile) would be lost.
	if empty, err := o.Store.Empty(ctx); err != nil || !empty {
		return unloaded(sum), cmp.Or(err, errors.New("bulk load: the graph is no longer empty (something was written while the articles were read); nothing was loaded, run the ingest again"))
	}
	if err := o.Bulk.Load(ctx, imports); err != nil {
		return unloaded(sum), fmt.Errorf("bulk load of %d documents: %w", sum.Documents, err)
	}
	sum.Bulk = true
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// unloaded is a summary whose documents were read but, the load having
// failed, not written.
func unloaded(sum Summary) Summary {
	sum.Documents, sum.Claims, sum.Actors = 0, 0, 0
	return sum
}

// bulkStore reads from the graph and writes to the import files.
type bulkStore struct {
	Store
	bulk *graph.Bulk
}

func (s bulkStore) WriteDocuments(ctx context.Context, ins []graph.DocumentInput, batch int) error {
	return s.bulk.WriteDocuments(ctx, ins, batch)
}
