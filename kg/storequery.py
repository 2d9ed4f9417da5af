"""SPARQL on a graph store (``kg query STORE``), in Oxigraph's own engine: the graph is not
copied into memory, so a query on a large store costs what the query needs."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.deadline import call_with_deadline
from kg.errors import GraphError
from kg.graphfile import one_line
from kg.graphstore import from_oxigraph, open_store, restored
from kg.namespaces import PREFIXES
from kg.query import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, GraphResult, QueryResult, prepare_query


def query_store(path: str | Path, sparql: str, *, timeout: float | None = DEFAULT_TIMEOUT,
                memory_mb: int | None = DEFAULT_MEMORY_MB) -> QueryResult | GraphResult:
    """Run a query in the store's own engine (Oxigraph), over the union of its graphs, with
    kg's prefixes: no copy of the graph in memory. It answers as ``kg.query.run_query`` does
    on the same graph in a file: the same refusals (SERVICE, FROM) and the same cells (a
    literal's lexical form, an IRI as text; row order only where the query orders); the
    deadline and memory ceiling hold the same way (``kg.deadline``)."""
    prepare_query(sparql)  # kg's refusals and syntax errors, before the store is touched
    opened = open_store(path)
    types = opened.manifest.datatypes

    def evaluate() -> QueryResult | GraphResult:
        with opened.database() as store:
            try:
                answer = store.query(sparql, prefixes={p: str(ns) for p, ns in PREFIXES.items()},
                                     use_default_graph_as_union=True)
                if isinstance(answer, ox.QueryBoolean):
                    return QueryResult(("ask",), ((str(bool(answer)).lower(),),))
                if isinstance(answer, ox.QuerySolutions):
                    columns = tuple(v.value for v in answer.variables)
                    rows = tuple(tuple("" if row[i] is None else str(from_oxigraph(row[i]))
                                       for i in range(len(columns))) for row in answer)
                    return QueryResult(columns, rows)
                graph = Graph()
                for prefix, namespace in PREFIXES.items():
                    graph.bind(prefix, namespace)
                for triple in answer:
                    quad = restored(ox.Quad(triple.subject, triple.predicate, triple.object),
                                    types)
                    graph.add((from_oxigraph(quad.subject), from_oxigraph(quad.predicate),
                               from_oxigraph(quad.object)))
                return GraphResult(graph.serialize(format="turtle"), len(graph))
            except (SyntaxError, OSError, ValueError) as err:
                raise GraphError(f"query failed: {one_line(err)}") from None

    if timeout is None:
        return evaluate()
    return call_with_deadline(evaluate, timeout=timeout, memory_mb=memory_mb, what="query")
