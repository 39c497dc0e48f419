package server

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func (s *Server) index(c *gin.Context) {
	c.Header("Content-Type", "text/html; charset=utf-8")
	c.Status(http.StatusOK)
	if err := s.pages.ExecuteTemplate(c.Writer, "index.html", map[string]string{"Topic": s.topic}); err != nil {
		s.log.Error("render index", "err", err)
	}
}
