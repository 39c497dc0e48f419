package graph

import (
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestJudge holds the rules to plans shaped as Neo4j 5.26 gives them; the
// same queries are planned by the real server in guard_neo4j_test.go.
func TestJudge(t *testing.T) {
	read, schema := neo4j.StatementTypeReadOnly, neo4j.StatementTypeSchemaWrite
	step := func(op, details string, children ...planStep) planStep {
		return planStep{Operator: op, Database: "neo4j", Details: details, Children: children}
	}
	results := func(child planStep) planStep { return step("ProduceResults", "", child) }
	tests := []struct {
		name string
		typ  neo4j.StatementType
		plan planStep
		want string // "" for allowed, else a part of the reason
	}{
		{"a read", read, results(step("AllNodesScan", "n")), ""},
		{"an allowed procedure", read, results(step("ProcedureCall", "db.labels() :: (label :: STRING)")), ""},
		{"full-text search", read, results(step("ProcedureCall", "db.index.fulltext.queryNodes($a, $b) :: (node :: NODE)")), ""},
		{"a write", neo4j.StatementTypeReadWrite, results(step("Create", "(n)")), "writes"},
		{"a write only", neo4j.StatementTypeWriteOnly, results(step("EmptyResult", "", step("Delete", "n"))), "writes"},
		{"LOAD CSV", read, results(step("LoadCSV", "r")), "LOAD CSV"},
		{"LOAD CSV under a read", read, results(step("Projection", "", step("Apply", "", step("LoadCSV", "r")))), "LOAD CSV"},
		{"SHOW TRANSACTIONS", read, results(step("ShowTransactions", "allTransactions")), "SHOW TRANSACTIONS"},
		{"TERMINATE TRANSACTIONS", read, results(step("TerminateTransactions", "")), "TERMINATE TRANSACTIONS"},
		{"SHOW SETTINGS", read, results(step("ShowSettings", "")), "SHOW SETTINGS"},
		{"dbms.queryJmx", schema, results(step("ProcedureCall", "dbms.queryJmx($s) :: (name :: STRING)")), "dbms.queryJmx is not allowed"},
		{"an allowed then a refused procedure", schema, results(step("ProcedureCall", "dbms.queryJmx($s) :: (name :: STRING)",
			step("ProcedureCall", "db.labels() :: (label :: STRING)"))), "dbms.queryJmx"},
		{"db.clearQueryCaches", schema, results(step("ProcedureCall", "db.clearQueryCaches() :: (value :: STRING)")), "db.clearQueryCaches"},
		{"an administration command", schema, planStep{Operator: "AdministrationCommand", Database: "system"}, "administration"},
		{"USE system", schema, planStep{Operator: "dbms.components", Database: "system"}, `database "system"`},
		{"a schema change with no telling operator", schema, results(step("CreateIndex", "")), "schema"},
		{"an unknown statement type", neo4j.StatementTypeUnknown, results(step("AllNodesScan", "n")), "could not say"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := judge(tt.typ, "neo4j", tt.plan)
			if (got == "") != (tt.want == "") || !strings.Contains(got, tt.want) {
				t.Fatalf("judge = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]string{"ShowTransactions": "SHOW TRANSACTIONS", "TerminateTransactions": "TERMINATE TRANSACTIONS", "ShowSettings": "SHOW SETTINGS"} {
		if got := words(in); got != want {
			t.Errorf("words(%q) = %q, want %q", in, got, want)
		}
	}
}
