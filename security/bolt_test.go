package security

import (
	"context"
	"encoding/binary"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/gobwas/ws"
	"github.com/gobwas/ws/wsutil"
)

// boltOverWebSocket does what a script on any web page can: open a
// WebSocket to the Bolt port from a foreign Origin, shake hands for Bolt
// 4.4 and say HELLO with the given auth map (PackStream strings only).
// It returns whether the upgrade succeeded (101) and the server's reply.
func boltOverWebSocket(t *testing.T, addr string, auth [][2]string) (upgraded bool, reply string) {
	t.Helper()
	d := ws.Dialer{Header: ws.HandshakeHeaderHTTP(http.Header{"Origin": {"https://evil.example"}})}
	conn, _, _, err := d.Dial(context.Background(), "ws://"+addr)
	if err != nil {
		return false, "no WebSocket: " + err.Error()
	}
	defer conn.Close()
	magic := []byte{0x60, 0x60, 0xB0, 0x17, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	if err := wsutil.WriteClientBinary(conn, magic); err != nil {
		t.Fatal(err)
	}
	version, err := wsutil.ReadServerBinary(conn)
	if err != nil || len(version) != 4 {
		t.Fatalf("Bolt handshake over WebSocket: %v % x", err, version)
	}
	fields := append([][2]string{{"user_agent", "evil-page/1.0"}}, auth...)
	hello := []byte{0xB1, 0x01, 0xA0 | byte(len(fields))} // HELLO, a map of fields
	for _, kv := range fields {
		hello = append(append(hello, packString(kv[0])...), packString(kv[1])...)
	}
	chunk := binary.BigEndian.AppendUint16(nil, uint16(len(hello)))
	chunk = append(append(chunk, hello...), 0, 0)
	if err := wsutil.WriteClientBinary(conn, chunk); err != nil {
		t.Fatal(err)
	}
	answer, err := wsutil.ReadServerBinary(conn)
	if err != nil {
		return true, "connection closed: " + err.Error()
	}
	return true, summary(answer)
}

// packString encodes a short PackStream string.
func packString(s string) []byte {
	if len(s) < 16 {
		return append([]byte{0x80 | byte(len(s))}, s...)
	}
	return append([]byte{0xD0, byte(len(s))}, s...)
}

// summary names a Bolt reply: SUCCESS, or FAILURE with the codes found in
// it.
func summary(msg []byte) string {
	switch {
	case len(msg) > 3 && msg[3] == 0x70:
		return "SUCCESS"
	case len(msg) > 3 && msg[3] == 0x7F:
		text := string(msg)
		if i := strings.Index(text, "Neo.ClientError"); i >= 0 {
			code := text[i:]
			if j := strings.IndexFunc(code, func(r rune) bool { return r < ' ' || r > '~' }); j > 0 {
				code = code[:j]
			}
			return "FAILURE " + code
		}
		return "FAILURE"
	}
	return fmt.Sprintf("unexpected % x", msg)
}
