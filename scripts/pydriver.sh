#!/usr/bin/env bash
# Installs the official Neo4j Python driver, pinned, from PyPI into
# .venv-neo4j (Python and its venv module from Debian if missing). The
# tests drive the shipped .cypher files through it, as an analyst's own
# Python would. Prints the venv's python.
set -euo pipefail
cd "$(dirname "$0")/.."

version=5.28.2
venv=.venv-neo4j
if ! "$venv/bin/python" -c "import neo4j, sys; sys.exit(neo4j.__version__ != '$version')" 2>/dev/null; then
  python3 -c 'import ensurepip, venv' 2>/dev/null || scripts/deps.sh python3 python3-venv >&2
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "neo4j==$version" >&2
fi
echo "$PWD/$venv/bin/python"
