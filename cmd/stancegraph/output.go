package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/export"
)

// Output formats of every command that prints data (-o/--output).
const (
	outTable = "table"
	outJSON  = "json"
	outCSV   = "csv"
)

// addOutputFlag gives cmd the one -o/--output flag, table by default, and
// returns where its value lands.
func addOutputFlag(cmd *cobra.Command) *string {
	out := new(string)
	cmd.Flags().StringVarP(out, "output", "o", outTable, "output format: table, json or csv")
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions([]string{outTable, outJSON, outCSV}, cobra.ShellCompDirectiveNoFileComp))
	return out
}

// checkOutput refuses an unknown -o value as a usage error.
func checkOutput(format string) error {
	switch format {
	case outTable, outJSON, outCSV:
		return nil
	}
	return usagef("-o/--output %q: use table, json or csv", format)
}

// printRows prints a table of columns and rows as a padded table, CSV with
// a header (as the API's downloads: formulas defused), or, for json, v
// (the command's whole result, as the API answers it) as indented JSON.
func printRows(w io.Writer, format string, columns []string, rows [][]any, v any) error {
	switch format {
	case outJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	case outCSV:
		return export.CSV(w, columns, rows)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(columns, "\t")))
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, x := range r {
			cells[i] = strings.ReplaceAll(cellText(x), "\t", " ")
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// cellText is a value as one cell: text as is, nothing for null, the rest
// as JSON (lists, maps, numbers).
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
