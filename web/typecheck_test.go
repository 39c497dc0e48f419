package web

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTypeCheckFollowsOpenAPI: the page's code is type-checked against the
// shapes server/openapi.json gives (make test runs `npm run check`), and
// the check fails when the page reads a field the API does not send: here
// actor_id on answer rows and doc_title on evidence, both dropped from a
// copy of the document.
func TestTypeCheckFollowsOpenAPI(t *testing.T) {
	bin := filepath.Join("node_modules", ".bin")
	for _, tool := range []string{"tsc", "openapi-typescript"} {
		if _, err := os.Stat(filepath.Join(bin, tool)); err != nil {
			t.Fatalf("%s is not installed: run make web (%v)", tool, err)
		}
	}
	b, err := os.ReadFile(filepath.Join("..", "server", "openapi.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec map[string]any
	if err := json.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	schemas := spec["components"].(map[string]any)["schemas"].(map[string]any)
	check := func(t *testing.T, spec map[string]any) (string, error) {
		dir := t.TempDir()
		b, err := json.Marshal(spec)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "openapi.json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		gen := exec.Command(filepath.Join(bin, "openapi-typescript"), filepath.Join(dir, "openapi.json"), "--output", filepath.Join(dir, "openapi.d.ts"))
		if out, err := gen.CombinedOutput(); err != nil {
			t.Fatalf("openapi-typescript: %v\n%s", err, out)
		}
		web, err := filepath.Abs(".")
		if err != nil {
			t.Fatal(err)
		}
		conf := map[string]any{
			"extends":         filepath.Join(web, "tsconfig.json"),
			"compilerOptions": map[string]any{"paths": map[string]any{"openapi-types": []string{filepath.Join(dir, "openapi.d.ts")}}},
			"include":         []string{filepath.Join(web, "src", "**", "*.js"), filepath.Join(web, "src", "*.d.ts")},
		}
		cb, err := json.Marshal(conf)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "tsconfig.json"), cb, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(filepath.Join(bin, "tsc"), "-p", filepath.Join(dir, "tsconfig.json")).CombinedOutput()
		return string(out), err
	}
	if out, err := check(t, spec); err != nil {
		t.Fatalf("the page does not type-check against openapi.json: %v\n%s", err, out)
	}
	drop := func(schema, field string) {
		delete(schemas[schema].(map[string]any)["properties"].(map[string]any), field)
	}
	drop("AnswerRow", "actor_id")
	drop("Evidence", "doc_title")
	out, err := check(t, spec)
	if err == nil {
		t.Fatal("the type check passed with actor_id and doc_title gone from the API")
	}
	for _, want := range []string{"Property 'actor_id' does not exist", "Property 'doc_title' does not exist"} {
		if !strings.Contains(out, want) {
			t.Errorf("the type check does not report %q:\n%s", want, out)
		}
	}
}
