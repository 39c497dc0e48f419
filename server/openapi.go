package server

import (
	_ "embed"

	"github.com/gin-gonic/gin"
)

//go:embed openapi.json
var openapiJSON []byte

func (s *Server) openapi(c *gin.Context) {
	c.Data(200, "application/json; charset=utf-8", openapiJSON)
}
