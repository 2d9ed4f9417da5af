"""SPARQL on a kg graph store folder, answered by Oxigraph instead of rdflib.

``kg query STORE SPARQL`` used to read the whole store into an rdflib Dataset and evaluate in
Python: minutes and gigabytes for a store of a thousand articles. Here Oxigraph evaluates.

The answers must be those of the rdflib path (``kg.query.run_query`` on ``load_graph``): the
default graph is the **set union** of every graph (a triple in three graphs matches once) and
``GRAPH ?g`` ranges over the named graphs (the documents). Oxigraph's own union default graph
(``use_default_graph_as_union``, or a dataset spec listing every graph) is a bag: a direct
triple ('X kg:gave Y') is in the default graph and in each document that states it, and
matches once per graph, so counts come out too high. So the query runs on an in-memory
Oxigraph dataset made from the store for it: every named graph as it is, and a default graph
holding each triple of any graph once (Oxigraph's store is a set). Making it is one pass over
the store in Rust-backed objects, far cheaper than the rdflib copy it replaces, and the
evaluation is Oxigraph's.

The trust rules are kg's usual ones (``kg.query``): SERVICE and FROM / FROM NAMED are refused
before anything runs, and evaluation runs in a child process stopped at the deadline or the
memory ceiling (``kg.deadline``).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.deadline import call_with_deadline
from kg.errors import GraphError
from kg.graphstore import from_oxigraph, open_store, restored
from kg.journal import roll_forward
from kg.namespaces import PREFIXES
from kg.query import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, GraphResult, QueryResult, prepare_query


def union_dataset(path: str | Path) -> tuple[ox.Store, dict[str, str]]:
    """An in-memory Oxigraph store with the store's named graphs and, as its default graph,
    the set union of all its graphs; and the manifest's integer datatypes (predicate ->
    datatype) for turning terms back into kg's own."""
    roll_forward(Path(path).parent)  # a set of outputs a killed kg build left half-renamed
    opened = open_store(path)
    datatypes = dict(opened.manifest.datatypes)
    union = ox.Store()
    with opened.database() as store:
        union.bulk_extend(store)
        union.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in store
                          if not isinstance(q.graph_name, ox.DefaultGraph))
    return union, datatypes


def query_store(path: str | Path, sparql: str, *, timeout: float | None = DEFAULT_TIMEOUT,
                memory_mb: int | None = DEFAULT_MEMORY_MB) -> QueryResult | GraphResult:
    """SELECT and ASK give rows, CONSTRUCT and DESCRIBE a graph as Turtle, as
    ``kg.query.run_query`` gives them for the same store read into rdflib; kg's prefixes are
    predeclared. Evaluation stops after ``timeout`` seconds or ``memory_mb`` MB beyond the
    dataset (``timeout=None``: in this process, unbounded)."""
    prepare_query(sparql)  # bad SPARQL, SERVICE or FROM: refused before the store is read
    union, datatypes = union_dataset(path)

    def evaluate() -> QueryResult | GraphResult:
        return _evaluate(union, sparql, datatypes)

    if timeout is None:
        return evaluate()
    return call_with_deadline(evaluate, timeout=timeout, memory_mb=memory_mb, what="query")


def _evaluate(union: ox.Store, sparql: str, datatypes: dict[str, str]
              ) -> QueryResult | GraphResult:
    try:
        answer = union.query(sparql, prefixes={p: str(n) for p, n in PREFIXES.items()})
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult(("ask",), ((str(bool(answer)).lower(),),))
        if isinstance(answer, ox.QueryTriples):
            graph = Graph()
            for prefix, namespace in PREFIXES.items():
                graph.bind(prefix, namespace)
            for triple in answer:
                t = restored(ox.Quad(triple.subject, triple.predicate, triple.object),
                             datatypes)
                graph.add((from_oxigraph(t.subject), from_oxigraph(t.predicate),
                           from_oxigraph(t.object)))
            return GraphResult(graph.serialize(format="turtle"), len(graph))
        columns = tuple(v.value for v in answer.variables)
        rows = tuple(tuple(_text(solution[i]) for i in range(len(columns)))
                     for solution in answer)
    except (MemoryError, RecursionError):
        raise
    except (SyntaxError, OSError, ValueError, TypeError) as err:
        raise GraphError(f"query failed: {' '.join(str(err).split())}") from None
    return QueryResult(columns, rows)


def _text(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    """A cell as the rdflib path prints it: the IRI, the blank node's id or the literal's
    lexical form; empty when unbound."""
    return "" if term is None else term.value
