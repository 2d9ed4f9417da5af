"""Run SPARQL over a graph file or a Dataset and return plain rows for printing or export."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph
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


def run_query(graph: Graph | Dataset, sparql: str) -> QueryResult:
    """SELECT and ASK queries; kg's prefixes are predeclared so queries stay short."""
    try:
        result = graph.query(sparql, initNs=dict(PREFIXES))
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


def _reason(err: Exception) -> str:
    """The first lines of an error as one line: rdflib puts the reason on the second line."""
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    return " ".join(lines[:2]) or type(err).__name__


def _text(node: Node | None) -> str:
    return "" if node is None else str(node)
