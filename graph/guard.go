package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/stancegraph/stancegraph/model"
)

// readOnlyProcedures are the procedures analysts' Cypher may call: they
// read the graph's shape or search its full-text index, nothing else.
func readOnlyProcedures() []string {
	return []string{"db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
		"db.index.fulltext.queryNodes", "db.index.fulltext.queryRelationships"}
}

// planStep is one operator of Neo4j's plan for a query.
type planStep struct {
	Operator string // e.g. "ProcedureCall", without the "@database" suffix
	Database string
	Details  string
	Children []planStep
}

func stepOf(p neo4j.Plan) planStep {
	op, db, _ := strings.Cut(p.Operator(), "@")
	details, _ := p.Arguments()["Details"].(string)
	st := planStep{Operator: op, Database: db, Details: details}
	for _, c := range p.Children() {
		st.Children = append(st.Children, stepOf(c))
	}
	return st
}

// CheckQuery asks Neo4j to plan query (EXPLAIN runs nothing) and refuses,
// with the reason, anything but a plain read of the graph.
func (s *Store) CheckQuery(ctx context.Context, query string, params map[string]any) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, s.explain(ctx, tx, query, params)
	})
	if err != nil {
		return s.translate(ctx, err, "plan query")
	}
	return nil
}

// explain plans query inside tx and judges the plan.
func (s *Store) explain(ctx context.Context, tx neo4j.ManagedTransaction, query string, params map[string]any) error {
	res, err := tx.Run(ctx, "EXPLAIN "+query, params)
	if err != nil {
		return err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return err
	}
	var root planStep
	if p := sum.Plan(); p != nil {
		root = stepOf(p)
	}
	if reason := judge(sum.StatementType(), s.db, root); reason != "" {
		return model.Errorf(model.Forbidden, "refused: %s", reason)
	}
	return nil
}

// judge says why a plan is not a plain read of database db, or "" when it
// is. The plan's operators name what the query would do; the statement
// type catches writes and schema changes they do not name.
func judge(typ neo4j.StatementType, db string, root planStep) string {
	if reason := judgeStep(db, root); reason != "" {
		return reason
	}
	switch typ {
	case neo4j.StatementTypeReadOnly:
		return ""
	case neo4j.StatementTypeReadWrite, neo4j.StatementTypeWriteOnly:
		return "the query writes to the graph; only reads are allowed here"
	case neo4j.StatementTypeSchemaWrite:
		return "the query changes the schema or administers the server; only reads are allowed here"
	}
	return "Neo4j could not say whether the query only reads"
}

func judgeStep(db string, st planStep) string {
	switch {
	case st.Operator == "LoadCSV":
		return "LOAD CSV is not allowed: it reads files and fetches URLs"
	case st.Operator == "AdministrationCommand":
		return "administration commands are not allowed"
	case strings.HasPrefix(st.Operator, "Show"), strings.HasPrefix(st.Operator, "Terminate"):
		return words(st.Operator) + " is not allowed: SHOW and TERMINATE commands concern the server, not the graph"
	case st.Operator == "ProcedureCall":
		name, _, _ := strings.Cut(st.Details, "(")
		if allowed := readOnlyProcedures(); !slices.Contains(allowed, strings.TrimSpace(name)) {
			return fmt.Sprintf("the procedure %s is not allowed; only %s may be called", strings.TrimSpace(name), strings.Join(allowed, ", "))
		}
	case st.Database != "" && st.Database != db:
		return fmt.Sprintf("the query uses the database %q; only %q may be read here", st.Database, db)
	}
	for _, c := range st.Children {
		if reason := judgeStep(db, c); reason != "" {
			return reason
		}
	}
	return ""
}

// words spells an operator as its command: ShowTransactions is "SHOW
// TRANSACTIONS".
func words(op string) string {
	var b strings.Builder
	for i, r := range op {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}
