package main

import (
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/stancegraph/stancegraph/config"
)

func newConfigCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration (file, environment and flags merged; secrets masked)",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			enc := yaml.NewEncoder(a.stdout)
			enc.SetIndent(2)
			if err := enc.Encode(configView(a.cfg.Masked())); err != nil {
				return err
			}
			return enc.Close()
		},
	}
}

// configView renders the configuration under the same keys config.yaml
// uses.
func configView(c config.Config) map[string]any {
	return map[string]any{
		"neo4j": map[string]any{"uri": c.Neo4j.URI, "effective_uri": c.BoltURI(), "user": c.Neo4j.User,
			"password": c.Neo4j.Password, "database": c.Neo4j.Database, "timeout": c.Neo4j.Timeout.String(),
			"max_connections": c.Neo4j.MaxConnections},
		"local": map[string]any{"home": c.Local.Home, "version": c.Local.Version, "port": c.Local.Port,
			"heap": c.Local.Heap, "pagecache": c.Local.PageCache, "java": c.Local.Java,
			"start_timeout": c.Local.StartTimeout.String()},
		"server": map[string]any{"addr": c.Server.Addr, "hosts": c.Server.Hosts, "token": c.Server.Token,
			"tls_cert": c.Server.TLSCert, "tls_key": c.Server.TLSKey,
			"query_timeout": c.Server.QueryTimeout.String(), "row_cap": c.Server.RowCap, "byte_cap": c.Server.ByteCap, "large_pages": c.Server.LargePages},
		"ingest": map[string]any{"max_bytes": c.Ingest.MaxBytes, "batch_size": c.Ingest.BatchSize, "workers": c.Ingest.Workers,
			"writers": c.Ingest.Writers, "docs_per_transaction": c.Ingest.DocsPerTransaction,
			"bulk_from": c.Ingest.BulkFrom},
		"fetch": map[string]any{"user_agent": c.Fetch.UserAgent, "timeout": c.Fetch.Timeout.String(), "delay": c.Fetch.Delay.String(),
			"max_redirects": c.Fetch.MaxRedirects},
		"extract": map[string]any{"gazetteers": c.Extract.Gazetteers, "cues": c.Extract.Cues},
		"queries": map[string]any{"folder": c.Queries.Folder},
		"nlp": map[string]any{"parser": c.NLP.Parser, "home": c.NLP.Home, "version": c.NLP.Version, "java": c.NLP.Java,
			"heap": c.NLP.Heap, "workers": c.NLP.Workers, "start_timeout": c.NLP.StartTimeout.String(), "cache": c.NLP.Cache},
		"topics": c.Model(),
		"log":    map[string]any{"level": c.Log.Level, "format": c.Log.Format},
	}
}
