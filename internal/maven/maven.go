// Package maven copies a Java program's jars from Maven Central into a
// folder with the machine's Maven, so that stancegraph can run the Java
// servers it needs (Neo4j, CoreNLP) without a tarball or Docker.
package maven

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Artifact is one Maven coordinate; its runtime dependencies come with it.
type Artifact struct {
	Group, Name, Version string
	// Classifier selects a side artifact, such as CoreNLP's "models" jar.
	Classifier string
}

// dependencyPlugin is pinned so that every machine copies jars the same way.
const dependencyPlugin = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies"

// Fetch copies the jars of arts into dir unless a complete copy of those
// artifacts is already there (a folder fetched for other artifacts is
// fetched again). The jars land in a temporary folder that is renamed into
// place, so an interrupted download never looks complete. what names the
// program in errors ("neo4j", "corenlp").
func Fetch(ctx context.Context, what, dir string, arts ...Artifact) error {
	if Complete(dir, arts...) {
		return nil
	}
	if _, err := exec.LookPath("mvn"); err != nil {
		return fmt.Errorf("%s: Maven (mvn) is needed to fetch the jars from Maven Central: %w", what, err)
	}
	tmp := dir + ".partial"
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("%s: clear %s: %w", what, tmp, err)
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return fmt.Errorf("%s: create %s: %w", what, tmp, err)
	}
	pomPath := filepath.Join(tmp, "pom.xml")
	if err := os.WriteFile(pomPath, []byte(pom(arts)), 0o644); err != nil {
		return fmt.Errorf("%s: write %s: %w", what, pomPath, err)
	}
	absTmp, err := filepath.Abs(tmp)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	cmd := exec.CommandContext(ctx, "mvn", "-B", "-q", "-f", pomPath, dependencyPlugin,
		"-DincludeScope=runtime", "-Dmdep.prependGroupId=true", "-DoutputDirectory="+absTmp)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s: fetch jars with Maven: %w\n%s", what, err, Tail(string(out), 30))
	}
	if err := os.Remove(pomPath); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := os.WriteFile(filepath.Join(tmp, ".complete"), []byte(pom(arts)), 0o644); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("%s: clear %s: %w", what, dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("%s: move jars into %s: %w", what, dir, err)
	}
	return nil
}

// Complete reports whether dir holds a finished fetch of exactly arts.
func Complete(dir string, arts ...Artifact) bool {
	b, err := os.ReadFile(filepath.Join(dir, ".complete"))
	return err == nil && string(b) == pom(arts)
}

// pom is a packaging-pom project whose only job is to depend on arts.
func pom(arts []Artifact) string {
	var b strings.Builder
	b.WriteString(`<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>stancegraph.local</groupId>
  <artifactId>fetch</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
`)
	for _, a := range arts {
		fmt.Fprintf(&b, "    <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>", a.Group, a.Name, a.Version)
		if a.Classifier != "" {
			fmt.Fprintf(&b, "<classifier>%s</classifier>", a.Classifier)
		}
		b.WriteString("</dependency>\n")
	}
	b.WriteString("  </dependencies>\n</project>\n")
	return b.String()
}

// Tail returns the last n lines of s, for error messages.
func Tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
