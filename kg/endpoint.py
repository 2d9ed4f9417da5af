"""Ask a SPARQL endpoint the user names: the same answers as ``kg query`` on a file, from a
store (Oxigraph, Virtuoso, Fuseki, GraphDB) over the SPARQL 1.1 Protocol.

The endpoint comes from the command line, never from a graph or an article, so this is the
one place kg sends a query out. kg's prefixes are declared for the query as for a file; SELECT
and ASK come back as SPARQL JSON results, CONSTRUCT and DESCRIBE as Turtle. A server that does
not answer within ``timeout`` seconds per read, an HTTP error or an answer kg cannot read is
one ``StoreError`` line.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery

from kg.errors import GraphError, StoreError
from kg.namespaces import PREFIXES
from kg.query import GraphResult, QueryResult
from kg.store import explain_http_error

GRAPH_QUERIES = {"ConstructQuery", "DescribeQuery"}


def query_endpoint(url: str, sparql: str, *, timeout: float = 30.0
                   ) -> QueryResult | GraphResult:
    """Run ``sparql`` (kg's prefixes predeclared) on the endpoint at ``url``."""
    if urllib.parse.urlsplit(url).scheme not in {"http", "https"}:
        raise StoreError(f"{url}: the endpoint must be an http(s) URL")
    text = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + sparql
    try:
        kind = prepareQuery(text).algebra.name
    except Exception as err:  # rdflib raises pyparsing's errors and others on bad SPARQL
        raise GraphError(f"not a SPARQL query: {' '.join(str(err).split())[:200]}") from None
    graph_answer = kind in GRAPH_QUERIES
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode({"query": text}).encode(),
        headers={"Accept": "text/turtle" if graph_answer else "application/sparql-results+json",
                 "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as err:
        raise StoreError(f"{url}: {err.code} {err.reason}{explain_http_error(err)}") from None
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise StoreError(f"{url}: cannot be reached ({reason})") from None
    return _graph_answer(url, body) if graph_answer else _rows(url, body)


def _rows(url: str, body: bytes) -> QueryResult:
    try:
        answer = json.loads(body)
        if "boolean" in answer:
            return QueryResult(("ask",), ((str(bool(answer["boolean"])).lower(),),))
        columns = tuple(answer["head"]["vars"])
        rows = tuple(tuple(row.get(c, {}).get("value", "") for c in columns)
                     for row in answer["results"]["bindings"])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise StoreError(f"{url}: the answer is not SPARQL JSON results") from None
    return QueryResult(columns, rows)


def _graph_answer(url: str, body: bytes) -> GraphResult:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    try:
        graph.parse(data=body.decode("utf-8"), format="turtle")
    except Exception:  # rdflib's parsers raise many kinds of errors on bad input
        raise StoreError(f"{url}: the answer is not Turtle") from None
    return GraphResult(graph.serialize(format="turtle"), len(graph))
