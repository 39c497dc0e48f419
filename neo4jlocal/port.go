package neo4jlocal

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"syscall"

	"github.com/prometheus/procfs"
)

// Holder is a process that listens on the instance's port.
type Holder struct {
	// PID is 0 when the process belongs to another user and cannot be seen.
	PID     int    `json:"pid"`
	Command string `json:"command"`
}

func (h Holder) String() string {
	if h.PID == 0 {
		return "a process this user cannot see (another user's)"
	}
	return fmt.Sprintf("pid %d (%s)", h.PID, h.Command)
}

// stranger returns the process other than own that holds the port, or nil
// when the port is free or own holds it. own is 0 when this instance is
// not running. Other failures to bind are left for Neo4j to report.
func (s *Server) stranger(own int) *Holder {
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(s.Port)))
	if err == nil {
		ln.Close()
		return nil
	}
	if !errors.Is(err, syscall.EADDRINUSE) {
		return nil
	}
	h := listener(s.Port)
	if own != 0 && h.PID == own {
		return nil
	}
	return &h
}

// listener finds the process listening on a TCP port from /proc: the
// socket's inode in /proc/net/tcp{,6}, then the process holding it.
func listener(port int) Holder {
	const listen = 0x0A // TCP_LISTEN in /proc/net/tcp
	proc, err := procfs.NewDefaultFS()
	if err != nil {
		return Holder{}
	}
	inodes := map[string]bool{}
	for _, table := range []func() (procfs.NetTCP, error){proc.NetTCP, proc.NetTCP6} {
		lines, err := table()
		if err != nil {
			continue
		}
		for _, l := range lines {
			if l.St == listen && l.LocalPort == uint64(port) {
				inodes[fmt.Sprintf("socket:[%d]", l.Inode)] = true
			}
		}
	}
	procs, err := proc.AllProcs()
	if err != nil {
		return Holder{}
	}
	for _, p := range procs {
		fds, err := p.FileDescriptorTargets()
		if err != nil {
			continue
		}
		for _, fd := range fds {
			if inodes[fd] {
				args, _ := p.CmdLine()
				return Holder{PID: p.PID, Command: strings.Join(args, " ")}
			}
		}
	}
	return Holder{}
}
