"""Run SPARQL over a graph file or a Dataset and return plain rows for printing or export."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, Literal
from rdflib.term import Node

from kg.errors import GraphError
from kg.namespaces import PREFIXES

GRAPH_FORMATS = {".ttl": "turtle", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig",
                 ".nq": "nquads", ".nt": "nt", ".n3": "n3", ".rdf": "xml", ".xml": "xml"}


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


def load_graph(path: str | Path) -> Dataset:
    """Parse any RDF file kg writes (format from the suffix) into a Dataset."""
    path = Path(path)
    if not path.is_file():
        raise GraphError(f"{path}: no such graph file")
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(f"{path}: unknown RDF suffix; use one of {', '.join(GRAPH_FORMATS)}")
    dataset = Dataset(default_union=True)
    try:
        dataset.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many unrelated types for bad syntax
        raise GraphError(f"{path}: cannot parse as {fmt}: {_reason(err)}") from None
    return dataset


def run_query(graph: Graph | Dataset, sparql: str,
              bindings: dict[str, Node] | None = None) -> QueryResult:
    """SELECT and ASK queries; kg's prefixes are predeclared so queries stay short.
    ``bindings`` pre-binds variables, so user text never has to be spliced into a query."""
    try:
        result = graph.query(sparql, initNs=dict(PREFIXES), initBindings=bindings or {})
    except Exception as err:  # pyparsing and rdflib errors carry the useful message
        raise GraphError(f"bad SPARQL: {_reason(err)}") from None
    if result.type not in ("SELECT", "ASK"):
        raise GraphError("only SELECT and ASK queries are supported")
    try:  # rdflib evaluates lazily: a bad regex or an unreachable SERVICE fails only here
        if result.type == "ASK":
            return QueryResult(("ask",), ((str(bool(result.askAnswer)).lower(),),))
        columns = tuple(str(v) for v in result.vars or ())
        rows = tuple(tuple(_text(row[i]) for i in range(len(columns))) for row in result)
    except Exception as err:
        raise GraphError(f"query failed: {_reason(err)}") from None
    return QueryResult(columns, rows)


FACTS_QUERY = """
SELECT ?statement ?fact ?support ?confidence ?said ?where ?recipient ?when ?place ?other
WHERE {
    VALUES ?factClass { rdf:Statement kg:Occurrence }
    ?statement a ?factClass ; rdfs:label ?fact ; kg:supportCount ?support ;
               kg:confidence ?confidence ; kg:evidence ?reading .
    ?reading kg:factuality ?said ; kg:sentence ?sentence ;
             prov:wasDerivedFrom/kg:sourceFile ?file .
    ?sentence nif:anchorOf ?sentenceText ; nif:beginIndex ?begin ; nif:endIndex ?end .
    OPTIONAL { ?reading kg:clause ?clause .
               ?clause nif:anchorOf ?clauseText ; nif:beginIndex ?clauseBegin ;
                       nif:endIndex ?clauseEnd }
    BIND (CONCAT(?file, ":", STR(COALESCE(?clauseBegin, ?begin)), "-",
                 STR(COALESCE(?clauseEnd, ?end)), " \u201c",
                 COALESCE(?clauseText, ?sentenceText), "\u201d") AS ?where)
    OPTIONAL { ?statement kg:recipient/rdfs:label ?recipient }
    OPTIONAL { ?statement kg:time ?when }
    OPTIONAL { ?statement kg:place/rdfs:label ?place }
    OPTIONAL { VALUES ?role { kg:destination kg:origin kg:coagent }
               ?statement ?role ?otherEntity . ?otherEntity rdfs:label ?otherName .
               BIND (CONCAT(STRAFTER(STR(?role), "#"), "=", ?otherName) AS ?other) }
    FILTER (?support >= ?minSupport)
    FILTER (!BOUND(?name) || EXISTS {
        ?statement ?role ?entity .
        ?entity rdfs:label|skos:altLabel ?alias .
        FILTER (LCASE(STR(?alias)) = LCASE(STR(?name)))
    })
}
"""
FACT_COLUMNS = ("fact", "recipient", "time", "place", "other", "support", "confidence",
                "factuality", "evidence")


def list_facts(graph: Graph | Dataset, *, entity: str | None = None,
               min_support: int = 1) -> QueryResult:
    """The facts of a kg graph as a table a person can read: each fact once, with its roles,
    support, confidence, factuality and where to check it (the first reading's
    file:begin-end and quote). ``entity`` keeps facts in which an entity with that name or
    alias (any case) plays a role: subject, object, recipient, place... Rows are grouped here
    rather than with SPARQL aggregates, for stable output whatever the engine."""
    bindings: dict[str, Node] = {"minSupport": Literal(min_support)}
    if entity:
        bindings["name"] = Literal(entity)
    rows = run_query(graph, FACTS_QUERY, bindings)
    grouped: dict[str, dict[str, set[str]]] = {}
    for row in rows.rows:
        record = dict(zip(rows.columns, row, strict=True))
        facts = grouped.setdefault(record["statement"], {c: set() for c in FACT_COLUMNS})
        for column in ("fact", "support", "confidence"):
            facts[column].add(record[column])
        for column, source in (("recipient", "recipient"), ("time", "when"),
                               ("place", "place"), ("other", "other"), ("factuality", "said"),
                               ("evidence", "where")):
            if record[source]:
                facts[column].add(record[source])

    def cell(values: set[str], column: str) -> str:
        return min(values, key=_evidence_order) if column == "evidence" else "; ".join(
            sorted(values))

    table = [tuple(cell(facts[c], c) for c in FACT_COLUMNS) for facts in grouped.values()]
    support, confidence = FACT_COLUMNS.index("support"), FACT_COLUMNS.index("confidence")
    table.sort(key=lambda r: (-int(r[support] or 0), -float(r[confidence] or 0), r[0]))
    return QueryResult(FACT_COLUMNS, tuple(table))


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
ENTITY_COLUMNS = ("name", "type", "aliases", "links", "mentions", "documents", "merged because",
                  "iri")


def list_entities(graph: Graph | Dataset, *, kind: str | None = None) -> QueryResult:
    """The named entities of a kg graph as a table: name, type, aliases, linked IRIs
    (GeoNames), how often they are mentioned, the documents that mention them, the merge
    evidence ('Putin: short-form (3)': which alias joined by which rule, how many times) and
    the IRI;
    ``kind`` keeps one type (person, organization, place, event). Most mentioned first."""
    bindings: dict[str, Node] = {"kind": Literal(kind)} if kind else {}
    rows = run_query(graph, ENTITIES_QUERY, bindings)
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
    merges = run_query(graph, MERGES_QUERY)
    for entity_iri, alias, reason, count in merges.rows:
        if entity_iri in grouped:
            grouped[entity_iri]["merged because"].add(f"{alias}: {reason} ({count})")
    table = [tuple("; ".join(sorted(e[c])) for c in ENTITY_COLUMNS) for e in grouped.values()]
    mentions = ENTITY_COLUMNS.index("mentions")
    table.sort(key=lambda r: (-int(r[mentions] or 0), r[0]))
    return QueryResult(ENTITY_COLUMNS, tuple(table))


def _evidence_order(where: str) -> tuple[str, int]:
    """'file.txt:414-543 “quote”' sorts by file, then by offset as a number."""
    location = where.split(" ", 1)[0]
    file, _, span = location.rpartition(":")
    return file, int(span.split("-")[0]) if span.split("-")[0].isdigit() else 0


def _reason(err: Exception) -> str:
    """The first lines of an error as one line: rdflib puts the reason on the second line."""
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    return " ".join(lines[:2]) or type(err).__name__


def _text(node: Node | None) -> str:
    return "" if node is None else str(node)
