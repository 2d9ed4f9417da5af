"""Run SPARQL over a graph file or a Dataset and return plain rows (or Turtle) for printing or
export. Queries are data: one that would reach out (SERVICE, FROM) is refused before it runs,
and evaluation is stopped at a deadline (kg.deadline)."""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass

from pyparsing import ParseResults
from rdflib import Dataset, Graph, Literal
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier, Node

from kg.deadline import call_with_deadline
from kg.errors import GraphError
from kg.graphfile import GRAPH_FORMATS, load_graph, one_line, quiet_literal_warnings
from kg.namespaces import PREFIXES


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return out.getvalue()

    def to_json(self) -> str:
        return json.dumps([dict(zip(self.columns, row, strict=True)) for row in self.rows],
                          indent=2, ensure_ascii=False) + "\n"


DEFAULT_TIMEOUT = 30.0
"""Seconds a query may run (``kg query --timeout``); a cartesian product stops here."""
DEFAULT_MEMORY_MB = 1024
"""Memory a query may take beyond the loaded graph before it is stopped."""


@dataclass(frozen=True)
class GraphResult:
    """The answer to CONSTRUCT or DESCRIBE: a graph, as Turtle."""

    turtle: str
    triples: int


def prepare_query(sparql: str) -> Query:
    """Parse a SPARQL query (kg's prefixes predeclared) and refuse, before anything runs, any
    part that would make rdflib reach out: SERVICE (a request to another endpoint) and
    FROM / FROM NAMED (rdflib fetches or opens the IRI), anywhere in the query (sub-queries,
    EXISTS, CONSTRUCT). Updates are not queries and fail to parse."""
    try:
        query = translateQuery(parseQuery(sparql), initNs=dict(PREFIXES))
    except Exception as err:  # pyparsing and rdflib errors carry the useful message
        raise GraphError(f"bad SPARQL: {_reason(err)}") from None
    refuse_reaching_out(query)
    return query


def refuse_reaching_out(query: Query) -> None:
    """A ``GraphError`` if the query's algebra holds a SERVICE pattern or a dataset clause."""
    stack: list[object] = [query.algebra]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                raise GraphError(f"SERVICE {_n3(dict.get(node, 'term'))} refused: kg answers from "
                                 "the graph file only and sends no requests")
            if dict.get(node, "datasetClause"):
                clause = node["datasetClause"][0]
                kind, iri = ("FROM NAMED", clause.named) if dict.get(clause, "named") is not None \
                    else ("FROM", clause.default)
                raise GraphError(f"{kind} {_n3(iri)} refused: kg answers from the graph file "
                                 "only and reads no other graph")
            stack.extend(node.values())
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple, ParseResults)):
            stack.extend(node)


def run_query(graph: Graph | Dataset, sparql: str, bindings: dict[str, Node] | None = None,
              *, timeout: float | None = DEFAULT_TIMEOUT,
              memory_mb: int | None = DEFAULT_MEMORY_MB) -> QueryResult | GraphResult:
    """SELECT and ASK give rows, CONSTRUCT and DESCRIBE a graph as Turtle; kg's prefixes are
    predeclared so queries stay short. ``bindings`` pre-binds variables, so user text never
    has to be spliced into a query. Evaluation runs in a worker stopped after ``timeout``
    seconds or ``memory_mb`` MB (``timeout=None``: in this process, unbounded)."""
    query = prepare_query(sparql)

    def evaluate() -> QueryResult | GraphResult:
        with quiet_literal_warnings():
            return _evaluate(graph, query, bindings or {})

    if timeout is None:
        return evaluate()
    return call_with_deadline(evaluate, timeout=timeout, memory_mb=memory_mb, what="query")


def select_rows(graph: Graph | Dataset, sparql: str,
                bindings: dict[str, Node] | None = None) -> QueryResult:
    """kg's own SELECT queries (facts, entities): in process, no deadline."""
    result = run_query(graph, sparql, bindings, timeout=None)
    assert isinstance(result, QueryResult)
    return result


def _evaluate(graph: Graph | Dataset, query: Query,
              bindings: dict[str, Node]) -> QueryResult | GraphResult:
    try:  # rdflib evaluates lazily: a bad regex fails only while rows are read
        result = graph.query(query, initBindings=bindings)
        if result.type == "ASK":
            return QueryResult(("ask",), ((str(bool(result.askAnswer)).lower(),),))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            answer = Graph()
            for prefix, namespace in PREFIXES.items():
                answer.bind(prefix, namespace)
            for triple in result:
                answer.add(triple)
            return GraphResult(answer.serialize(format="turtle"), len(answer))
        columns = tuple(str(v) for v in result.vars or ())
        rows = tuple(tuple(_text(row[i]) for i in range(len(columns))) for row in result)
    except (MemoryError, RecursionError):
        raise
    except Exception as err:
        raise GraphError(f"query failed: {_reason(err)}") from None
    return QueryResult(columns, rows)


def _n3(node: object) -> str:
    return node.n3() if isinstance(node, Identifier) else str(node)


ENTITIES_QUERY = """
SELECT ?entity ?name ?type ?alias ?link ?mentions ?file
WHERE {
    VALUES ?class { schema:Person schema:Organization schema:Place schema:Event }
    ?entity a ?class ; rdfs:label ?name ; kg:mentionCount ?mentions .
    BIND (STRAFTER(STR(?class), "https://schema.org/") AS ?type)
    OPTIONAL { ?entity skos:altLabel ?alias }
    OPTIONAL { ?entity schema:sameAs ?link }
    OPTIONAL { ?document schema:mentions ?entity ; kg:sourceFile ?file }
    FILTER (!BOUND(?kind) || LCASE(?type) = LCASE(STR(?kind)))
}
"""
MERGES_QUERY = """
SELECT ?entity ?alias ?reason ?count
WHERE {
    VALUES ?class { schema:Person schema:Organization schema:Place schema:Event }
    ?entity a ?class ; kg:merge ?merge .
    ?merge kg:alias ?alias ; kg:mergedBecause ?reason ; kg:mentionCount ?count .
}
"""
MERGE_ROWS_QUERY = """
SELECT ?entity ?name ?type ?alias ?reason ?count ?file
WHERE {
    VALUES ?class { schema:Person schema:Organization schema:Place schema:Event }
    ?entity a ?class ; rdfs:label ?name ; kg:merge ?merge .
    BIND (STRAFTER(STR(?class), "https://schema.org/") AS ?type)
    ?merge kg:alias ?alias ; kg:mergedBecause ?reason ; kg:mentionCount ?count .
    OPTIONAL { ?merge prov:wasDerivedFrom ?document . ?document kg:sourceFile ?file }
    FILTER (!BOUND(?kind) || LCASE(?type) = LCASE(STR(?kind)))
}
"""
MERGE_COLUMNS = ("name", "type", "alias", "merged because", "mentions", "documents", "iri")
ENTITY_COLUMNS = ("name", "type", "aliases", "links", "mentions", "documents", "merged because",
                  "iri")


def list_entities(graph: Graph | Dataset, *, kind: str | None = None) -> QueryResult:
    """The named entities of a kg graph as a table: name, type, aliases, linked IRIs
    (GeoNames), how often they are mentioned, the documents that mention them, the merge
    evidence ('Sorokin: short-form (3)': which alias joined by which rule, how many times) and
    the IRI;
    ``kind`` keeps one type (person, organization, place, event). Most mentioned first."""
    bindings: dict[str, Node] = {"kind": Literal(kind)} if kind else {}
    rows = select_rows(graph, ENTITIES_QUERY, bindings)
    grouped: dict[str, dict[str, set[str]]] = {}
    for row in rows.rows:
        record = dict(zip(rows.columns, row, strict=True))
        entity = grouped.setdefault(record["entity"], {c: set() for c in ENTITY_COLUMNS})
        entity["iri"].add(record["entity"])
        for column, source in (("name", "name"), ("type", "type"), ("aliases", "alias"),
                               ("links", "link"), ("mentions", "mentions"),
                               ("documents", "file")):
            if record[source]:
                entity[column].add(record[source])
    merges = select_rows(graph, MERGES_QUERY)  # in process: callers set the deadline
    for entity_iri, alias, reason, count in merges.rows:
        if entity_iri in grouped:
            grouped[entity_iri]["merged because"].add(f"{alias}: {reason} ({count})")
    table = [tuple("; ".join(sorted(e[c])) for c in ENTITY_COLUMNS) for e in grouped.values()]
    mentions = ENTITY_COLUMNS.index("mentions")
    table.sort(key=lambda r: (-_number(r[mentions]), r[0]))
    return QueryResult(ENTITY_COLUMNS, tuple(table))


def list_merges(graph: Graph | Dataset, *, kind: str | None = None) -> QueryResult:
    """Every merge of the named entities, one row per alias and reason: the entity, the
    alias that joined it, why (kg:mergedBecause), how many mentions and in which documents.
    A wrong one is undone with ``kg build --keep-apart NAME ALIAS``. Entities in name order,
    their own name first."""
    bindings: dict[str, Node] = {"kind": Literal(kind)} if kind else {}
    rows = select_rows(graph, MERGE_ROWS_QUERY, bindings)
    grouped: dict[tuple[str, str, str], dict[str, object]] = {}
    for row in rows.rows:
        record = dict(zip(rows.columns, row, strict=True))
        merge = grouped.setdefault((record["entity"], record["alias"], record["reason"]), {
            "name": record["name"], "type": record["type"], "count": record["count"],
            "files": set()})
        if record["file"]:
            merge["files"].add(record["file"])  # type: ignore[attr-defined]
    table = sorted(((str(m["name"]), str(m["type"]), alias, reason, str(m["count"]),
                     "; ".join(sorted(m["files"])), entity)  # type: ignore[call-overload]
                    for (entity, alias, reason), m in grouped.items()),
                   key=lambda r: (r[0].lower(), r[6], r[2] != r[0], r[2], r[3]))
    return QueryResult(MERGE_COLUMNS, tuple(table))


def _number(text: str) -> float:
    """A cell as a number for sorting; text that is not one (an ill-typed literal in a graph
    file, "many", "NaN") sorts as 0 instead of failing: the shapes report it."""
    try:
        value = float(text.split(";")[0]) if text else 0.0
    except ValueError:
        return 0.0
    return value if math.isfinite(value) else 0.0


_reason = one_line

__all__ = ["DEFAULT_TIMEOUT", "GRAPH_FORMATS", "GraphResult", "QueryResult", "list_entities",
           "list_merges", "load_graph", "prepare_query", "run_query", "select_rows"]


def _text(node: Node | None) -> str:
    return "" if node is None else str(node)
