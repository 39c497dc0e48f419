package model

import (
	"errors"
	"fmt"
)

// Code classifies an error so that each layer can react to it without
// knowing where it came from; server maps codes to HTTP status in one place.
type Code string

// The error codes stancegraph uses.
const (
	Invalid     Code = "invalid"
	NotFound    Code = "not_found"
	Conflict    Code = "conflict"
	Unavailable Code = "unavailable"
	Timeout     Code = "timeout"
	TooLarge    Code = "too_large"
	Forbidden   Code = "forbidden"
	Misdirected Code = "misdirected"
	// Busy: the server's share of some work is taken; ask again later.
	Busy     Code = "busy"
	Internal Code = "internal"
)

// Error is an error with a code and a message safe to show a user.
type Error struct {
	Code    Code
	Message string
	Err     error // the underlying cause, if any; not shown to users
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error with a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap attaches a code and message to a cause.
func Wrap(code Code, err error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, Internal
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// ErrorMessage returns the user-facing message of the first *Error in err's
// chain, or a generic text for errors that carry none.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
