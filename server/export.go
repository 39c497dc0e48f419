package server

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/graph"
)

// exportFormat reads ?format=csv|json, which turns a response into a
// download.
func exportFormat(c *gin.Context) (string, bool) {
	switch f := c.Query("format"); f {
	case "csv", "json":
		return f, true
	}
	return "", false
}

func (s *Server) exportTable(c *gin.Context, format, name string, t export.Table) {
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"`, name, format))
	if format == "json" {
		c.JSON(http.StatusOK, t)
		return
	}
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Status(http.StatusOK)
	_ = export.CSV(c.Writer, t.Columns, t.Rows)
}

// writeGraphML answers with the subgraph as a GraphML download.
func writeGraphML(c *gin.Context, sg graph.Subgraph) {
	c.Header("Content-Disposition", `attachment; filename="stancegraph.graphml"`)
	c.Header("Content-Type", "application/graphml+xml; charset=utf-8")
	c.Status(http.StatusOK)
	_ = export.GraphML(c.Writer, sg)
}
