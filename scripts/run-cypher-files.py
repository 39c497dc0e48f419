"""Runs each saved-query file with the official Neo4j Python driver, as an
analyst would run it by hand: the :param lines give the parameters (their
values are Cypher literals, so Neo4j evaluates them), the rest is the
query. Connects with NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD and
prints one JSON object: file name -> number of rows, or the error."""

import json
import os
import re
import sys

from neo4j import GraphDatabase

PARAM = re.compile(r"^:param\s+(\w+)\s*=>\s*(.+?);?\s*$")


def split(text):
    params, body = {}, []
    for line in text.splitlines():
        m = PARAM.match(line.strip())
        if m:
            params[m.group(1)] = m.group(2)
        elif not line.strip().startswith("//"):
            body.append(line)
    return params, "\n".join(body).strip().rstrip(";")


def main(paths):
    auth = (os.environ["NEO4J_USERNAME"], os.environ["NEO4J_PASSWORD"])
    out = {}
    with GraphDatabase.driver(os.environ["NEO4J_URI"], auth=auth) as driver:
        for path in paths:
            with open(path, encoding="utf-8") as f:
                literals, query = split(f.read())
            try:
                params = {}
                for name, literal in literals.items():
                    records, _, _ = driver.execute_query("RETURN " + literal + " AS v")
                    params[name] = records[0]["v"]
                records, _, _ = driver.execute_query(query, params)
                out[os.path.basename(path)] = len(records)
            except Exception as e:  # reported per file, as the test wants all of them
                out[os.path.basename(path)] = "error: " + str(e)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
