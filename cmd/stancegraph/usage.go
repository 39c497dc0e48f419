package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"
)

// usageError is a command line the program cannot run as written: an
// unknown command or flag, a missing or extra argument, a bad flag value.
// It exits with code 2, other failures with 1.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// isUsage reports whether err is a usage error.
func isUsage(err error) bool {
	var u usageError
	return errors.As(err, &u)
}

// args makes a cobra argument check's complaint a usage error.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return usageError{err}
		}
		return nil
	}
}
