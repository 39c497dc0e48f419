package server

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/gin-gonic/gin"

	"github.com/stancegraph/stancegraph/model"
)

// statusOf maps error codes to HTTP status: the one place that does.
func statusOf(code model.Code) int {
	switch code {
	case model.Invalid:
		return http.StatusBadRequest
	case model.NotFound:
		return http.StatusNotFound
	case model.Conflict:
		return http.StatusConflict
	case model.Forbidden:
		return http.StatusForbidden
	case model.TooLarge:
		return http.StatusRequestEntityTooLarge
	case model.Unavailable:
		return http.StatusServiceUnavailable
	case model.Timeout:
		return http.StatusGatewayTimeout
	case model.Misdirected:
		return http.StatusMisdirectedRequest
	case model.Busy:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON every error response carries.
type errorBody struct {
	Error string     `json:"error"`
	Code  model.Code `json:"code"`
}

// fail answers with the status and JSON body for err. Server-side failures
// (5xx) are logged with their cause; client errors are not, since they are
// the client's to read.
func fail(c *gin.Context, log *slog.Logger, err error) {
	code := model.ErrorCode(err)
	status := statusOf(code)
	if status >= 500 {
		log.Error("request failed", "method", c.Request.Method, "path", c.FullPath(), "status", status, "err", err)
	}
	c.AbortWithStatusJSON(status, errorBody{Error: model.ErrorMessage(err), Code: code})
}

// recovered answers a request whose handler panicked as any other
// internal failure, logging the panic with its stack.
func (s *Server) recovered(c *gin.Context, v any) {
	fail(c, s.log, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
}

func asMaxBytes(err error, target **http.MaxBytesError) bool {
	return errors.As(err, target)
}
