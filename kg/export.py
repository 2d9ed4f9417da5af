"""Serialise a Dataset to a file, atomically and deterministically.

Writers are a registry keyed by format name, so a new format is one entry. Output goes to a
temporary file in the target folder and is renamed over the target only when complete: a failed
run leaves the previous file intact. Single-graph formats get the union of all named graphs.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import KgError, OutputError
from kg.namespaces import PREFIXES
from kg.rdf import union_graph

FORMAT_SUFFIXES = {"turtle": ".ttl", "json-ld": ".jsonld", "trig": ".trig", "nquads": ".nq",
                   "nt": ".nt"}
SUFFIX_FORMATS = {v: k for k, v in FORMAT_SUFFIXES.items()} | {".json": "json-ld", ".n3": "turtle"}


@cache
def jsonld_context() -> dict[str, object]:
    text = resources.files("kg").joinpath("data/context.jsonld").read_text("utf-8")
    return json.loads(text)["@context"]


def _turtle(dataset: Dataset) -> str:
    return union_graph(dataset).serialize(format="turtle")


def _ntriples(dataset: Dataset) -> str:
    return "".join(sorted(union_graph(dataset).serialize(format="nt").splitlines(keepends=True)))


def _nquads(dataset: Dataset) -> str:
    return "".join(sorted(dataset.serialize(format="nquads").splitlines(keepends=True)))


def _trig(dataset: Dataset) -> str:
    """rdflib's TriG writer orders graphs by store internals, which vary between runs; so each
    graph is written with the (deterministic) Turtle writer and wrapped, in IRI order. The body is
    not indented: a line break inside a long string literal is part of the literal."""
    lines = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())] + [""]
    graphs = sorted(dataset.graphs(), key=lambda g: (g.identifier != DATASET_DEFAULT_GRAPH_ID,
                                                     str(g.identifier)))
    for graph in graphs:
        if len(graph) == 0:
            continue
        copy = Graph()
        for prefix, namespace in PREFIXES.items():
            copy.bind(prefix, namespace)
        for triple in graph:
            copy.add(triple)
        body = [ln for ln in copy.serialize(format="turtle").splitlines()
                if not ln.startswith("@prefix")]
        name = "" if graph.identifier == DATASET_DEFAULT_GRAPH_ID else f"<{graph.identifier}> "
        lines.append(name + "{")
        lines += body
        lines.append("}")
        lines.append("")
    return "\n".join(lines)


def _jsonld(dataset: Dataset) -> str:
    """Compact JSON-LD with kg's readable context; nodes sorted by @id for stable bytes."""
    data = json.loads(union_graph(dataset).serialize(format="json-ld", context=jsonld_context(),
                                                      auto_compact=True))
    nodes = data.get("@graph", [data] if "@id" in data else [])
    nodes = [_sorted_values(_native_numbers(node)) for node in nodes]
    nodes.sort(key=lambda node: str(node.get("@id", "")))
    return json.dumps({"@context": jsonld_context(), "@graph": nodes}, indent=2,
                      ensure_ascii=False, sort_keys=False) + "\n"


NUMERIC_TYPES = {f"xsd:{name}" for name in ("decimal", "double", "float", "integer", "int",
                                             "long", "nonNegativeInteger", "positiveInteger")}


@cache
def numeric_terms() -> frozenset[str]:
    """The context's terms coerced to a numeric datatype: their values are written as JSON
    numbers."""
    return frozenset(term for term, definition in jsonld_context().items()
                     if isinstance(definition, dict) and definition.get("@type") in NUMERIC_TYPES)


def _native_numbers(node: dict[str, object]) -> dict[str, object]:
    """'"confidence": "0.6"' -> '"confidence": 0.6' for numeric terms. A JSON number with the
    term's coercion reads back as the literal whose lexical form is the number as Python prints
    it, so a value is converted only when that is exactly its lexical form ('0.6', '12'), and
    the graph read back from the JSON-LD is the same graph."""
    terms = numeric_terms()
    return {key: _number(value) if key in terms else value for key, value in node.items()}


def _number(value: object) -> object:
    if isinstance(value, list):
        return [_number(item) for item in value]
    if not isinstance(value, str):
        return value
    for kind in (int, float):
        try:
            number = kind(value)
        except ValueError:
            continue
        if repr(number) == value:
            return number
    return value


def _sorted_values(node: object) -> object:
    if isinstance(node, dict):
        return {key: _sorted_values(node[key]) for key in sorted(node)}
    if isinstance(node, list):
        items = [_sorted_values(item) for item in node]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return node


WRITERS: dict[str, Callable[[Dataset], str]] = {
    "turtle": _turtle, "json-ld": _jsonld, "trig": _trig, "nquads": _nquads, "nt": _ntriples,
}


def serialize(dataset: Dataset, fmt: str) -> str:
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise KgError(f"unknown format {fmt!r}; choose one of {', '.join(WRITERS)}") from None
    return writer(dataset)


def format_for(path: Path, fmt: str | None) -> str:
    if fmt:
        return fmt
    try:
        return SUFFIX_FORMATS[path.suffix.lower()]
    except KeyError:
        raise KgError(f"{path}: cannot tell the format from the suffix; pass --format") from None


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary sibling and rename, so readers never see half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(f"{path}: cannot write here ({err.strerror or err})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except OSError as err:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({err.strerror or err})") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_outputs(dataset: Dataset, targets: dict[Path, str],
                  pages: dict[Path, str] | None = None) -> None:
    """Serialise every target first, then rename them all: all outputs or none change.
    ``pages`` are files already rendered (the HTML report), renamed along with the graph."""
    rendered = {path: serialize(dataset, fmt) for path, fmt in targets.items()} | (pages or {})
    for path, text in rendered.items():
        write_atomic(path, text)
