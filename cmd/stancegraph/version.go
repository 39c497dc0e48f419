package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version says which build this is, from what the Go toolchain recorded
// in the binary: the module version ("(devel)" for a build from a
// checkout) and the commit, its time and whether the tree had changes.
func version() string {
	v, commit, when, dirty := "(unknown)", "unknown", "", ""
	if info, ok := debug.ReadBuildInfo(); ok {
		v = info.Main.Version
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.time":
				when = ", " + s.Value
			case "vcs.modified":
				if s.Value == "true" {
					dirty = " with uncommitted changes"
				}
			}
		}
	}
	return fmt.Sprintf("stancegraph %s (commit %s%s%s, %s)", v, commit, dirty, when, runtime.Version())
}

// userAgent is how stancegraph names itself to the sites it reads.
func userAgent() string {
	v := "devel"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	return "stancegraph/" + v + " (news stance extraction; fetches one page at a time)"
}

func newVersionCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version and commit this binary was built from",
		Args:  args(cobra.NoArgs),
		// No configuration needed to say what this is.
		PersistentPreRunE: func(*cobra.Command, []string) error { return nil },
		Run: func(*cobra.Command, []string) {
			fmt.Fprintln(a.stdout, version())
		},
	}
}
