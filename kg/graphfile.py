"""Read a graph file a user hands to kg (validate, query, facts, entities, load) as data only.

A graph file is untrusted input. rdflib, left to itself, treats parts of it as requests:
JSON-LD ``@context`` / ``@import`` IRIs are fetched (over HTTP, or ``file:`` from disk), RDF/XML
entity declarations are expanded, and its Turtle reader copies a long multi-line literal once
per line (minutes for a 10 MB literal). Every kg command reads graph files through
``load_graph`` here, which:

- resolves JSON-LD contexts before rdflib sees them: inline contexts stay, kg's own context
  IRI (``KG_CONTEXT_IRI``) becomes the bundled ``kg/data/context.jsonld``, any other IRI is a
  one-line error and is never dereferenced (rdflib 7 has no document-loader hook, so the
  document is handed to rdflib as already-resolved Python data);
- parses RDF/XML with defusedxml's expat reader (no DTD entities, no external entities);
- parses Turtle, TriG and N3 with a string reader that is linear in the literal's length;
- turns every parser failure, including too-deep nesting and running out of memory, into one
  ``GraphError`` line, and keeps rdflib's per-literal warnings ("Failed to convert Literal
  lexical form") off stderr: ill-typed values are the shapes' to report.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import ConjunctiveGraph, Dataset, plugin
from rdflib.parser import InputSource, Parser
from rdflib.plugins.parsers.notation3 import RDFSink, SinkParser, TurtleParser
from rdflib.plugins.parsers.rdfxml import RDFXMLHandler, RDFXMLParser
from rdflib.plugins.parsers.trig import TrigParser, TrigSinkParser

from kg.errors import GraphError
from kg.graphstore import is_store, read_dataset
from kg.journal import roll_forward
from kg.lexicon import data_file
from kg.outputset import read_through

KG_CONTEXT_IRI = "https://w3id.org/kg-news/context.jsonld"
"""The IRI a JSON-LD file may name as ``@context`` (or ``@import``) to mean kg's own context;
it is read from the package, never fetched."""

GRAPH_FORMATS = {".ttl": "turtle", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig",
                 ".nq": "nquads", ".nt": "nt", ".n3": "n3", ".rdf": "xml", ".xml": "xml"}

_PARSERS = {"turtle": "kg-turtle", "trig": "kg-trig", "n3": "kg-n3", "xml": "kg-xml"}
"""rdflib format -> kg's hardened parser, registered under kg's own names so other users of
rdflib in the same process keep rdflib's parsers."""


def load_graph(path: str | Path) -> Dataset:
    """Parse any RDF file kg writes (format from the suffix) into a Dataset, as data only:
    nothing named in the file is fetched or opened. A kg graph store folder (``kg build
    --store``) is read from its database."""
    path = Path(path)
    roll_forward(path.parent)  # a set of outputs a killed kg build left half-renamed
    if path.is_dir():
        if is_store(path):
            return read_dataset(path)
        raise GraphError(f"{path}: no such graph file (a folder, and not a kg graph store)")
    if not path.is_file():
        raise GraphError(f"{path}: no such graph file")
    source = read_through(path)  # one generation of an output set, whatever commits meanwhile
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(f"{path}: unknown RDF suffix; use one of {', '.join(GRAPH_FORMATS)}")
    dataset = Dataset(default_union=True)
    try:
        with quiet_literal_warnings():
            if fmt == "json-ld":
                document = resolve_contexts(_read_json(source))
                dataset.parse(data=document, format="json-ld", publicID=path.resolve().as_uri())
            else:
                _register_parsers()
                dataset.parse(source, format=_PARSERS.get(fmt, fmt),
                              publicID=Path(os.path.abspath(path)).as_uri())
    except GraphError as err:
        raise GraphError(f"{path}: {err}") from None
    except RecursionError:
        raise GraphError(f"{path}: cannot parse as {fmt}: nested too deeply") from None
    except MemoryError:
        raise GraphError(f"{path}: cannot parse as {fmt}: out of memory") from None
    except Exception as err:  # rdflib raises many unrelated types for bad syntax
        raise GraphError(f"{path}: cannot parse as {fmt}: {one_line(err)}") from None
    return dataset


def one_line(err: BaseException) -> str:
    """The first lines of an error as one line: rdflib puts the reason on the second line."""
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    return " ".join(lines[:2]) or type(err).__name__


class _DropLiteralWarnings(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Failed to convert Literal")


@contextmanager
def quiet_literal_warnings() -> Iterator[None]:
    """While inside, rdflib's warning (with a traceback) for each ill-typed literal
    (``"NaN"^^xsd:decimal``, ``"abc"^^xsd:integer``) is dropped: the literal is kept as text
    and SHACL validation reports it as a violation, in kg's words."""
    logger, drop = logging.getLogger("rdflib.term"), _DropLiteralWarnings()
    logger.addFilter(drop)
    try:
        yield
    finally:
        logger.removeFilter(drop)


# --- JSON-LD ---------------------------------------------------------------------------------


@cache
def bundled_context() -> dict[str, Any]:
    """kg's context, as shipped in the package (the one kg writes inline into its JSON-LD)."""
    return data_file("context.jsonld")["@context"]


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_bytes())
    except (ValueError, UnicodeDecodeError) as err:
        raise GraphError(f"cannot parse as json-ld: {one_line(err)}") from None
    if isinstance(data, list):  # a top-level array is a graph with no context
        return {"@graph": data}
    if not isinstance(data, dict):
        raise GraphError("cannot parse as json-ld: not a JSON object or array")
    return data


def resolve_contexts(document: dict[str, Any]) -> dict[str, Any]:
    """Replace every ``@context`` and ``@import`` reference in ``document`` (at any depth,
    scoped contexts included) by its content, so rdflib never dereferences one: kg's IRI
    becomes the bundled context, an inline context stays, any other reference is a
    ``GraphError`` naming it. Walks with an explicit stack: a deep file cannot overflow it."""
    stack: list[Any] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            if "@context" in node:
                node["@context"] = _context_value(node["@context"])
            if "@import" in node:
                imported = _context_value(node.pop("@import"))
                node.update({k: v for k, v in imported.items() if k not in node})
            stack.extend(node.values())
    return document


def _context_value(value: Any) -> Any:
    if isinstance(value, str):
        if value == KG_CONTEXT_IRI:
            return copy.deepcopy(bundled_context())
        raise GraphError(f"JSON-LD context {value[:200]!r} is not fetched: kg reads only inline "
                         f"contexts and its own ({KG_CONTEXT_IRI})")
    if isinstance(value, list):
        return [_context_value(item) for item in value]
    return value


# --- Turtle, TriG, N3: a long-string reader linear in the literal's length --------------------

_LONG_BODY = {
    # A long string's body: anything but a backslash or the closing delimiter, escapes, and
    # one or two delimiter characters not starting the end. Possessive, so a file with no
    # closing delimiter fails in linear time instead of backtracking.
    q: re.compile(rf"((?:[^{q}\\]++|\\[\s\S]|{q}(?!{q}{q})|{q}{q}(?!{q}))*+)({q}{{0,2}}){q}{q}{q}")
    for q in ('"', "'")
}
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([abfrtvn\\\"'])|([\s\S]?))")
_ESCAPED = dict(zip("abfrtvn\\\"'", "\a\b\f\r\t\v\n\\\"'", strict=True))


class _LinearStrings:
    """Mixin for rdflib's N3-family sink parsers: triple-quoted strings are read with one
    regular-expression match instead of rdflib's per-line string concatenation (quadratic:
    minutes for a 10 MB literal). Short strings go to rdflib's own reader."""

    def strconst(self, argstr: str, i: int, delim: str) -> tuple[int, str]:
        if len(delim) != 3:
            return super().strconst(argstr, i, delim)  # type: ignore[misc]
        match = _LONG_BODY[delim[0]].match(argstr, i)
        if match is None:
            self.BadSyntax(argstr, i, "unterminated string literal")  # type: ignore[attr-defined]
        body, tail = match.group(1), match.group(2)
        for newline in ("\n", "\r"):
            self.lines += body.count(newline)  # type: ignore[attr-defined]
        last = max(body.rfind("\n"), body.rfind("\r"))
        if last >= 0:
            self.startOfLine = i + last + 1
        return match.end(), _unescape(self, argstr, i, body) + tail


def _unescape(parser: Any, argstr: str, start: int, body: str) -> str:
    if "\\" not in body:
        return body

    def replace(match: re.Match[str]) -> str:
        four, eight, simple, other = match.groups()
        if simple:
            return _ESCAPED[simple]
        if four or eight:
            code = int(four or eight, 16)
            if code <= 0x10FFFF:
                return chr(code)
        parser.BadSyntax(argstr, start + match.start(), "bad escape")
        return other or ""

    return _ESCAPE.sub(replace, body)


class _LinearSinkParser(_LinearStrings, SinkParser):  # type: ignore[misc]
    pass


class _LinearTrigSinkParser(_LinearStrings, TrigSinkParser):  # type: ignore[misc]
    pass


class _KgTurtleParser(TurtleParser):
    """rdflib's TurtleParser.parse with the linear long-string reader (the body is rdflib's:
    it names its SinkParser inline, so there is nothing smaller to override)."""

    def parse(self, source: InputSource, graph: Any, encoding: str | None = "utf-8",
              turtle: bool = True) -> None:
        if encoding not in (None, "utf-8"):
            raise GraphError(f"Turtle is always UTF-8, not {encoding}")
        reader = _LinearSinkParser(RDFSink(graph), turtle=turtle, baseURI=graph.absolutize(
            source.getPublicId() or source.getSystemId() or ""))
        reader.loadStream(source.getCharacterStream() or source.getByteStream())
        for prefix, namespace in reader._bindings.items():
            graph.bind(prefix, namespace)


class _KgN3Parser(_KgTurtleParser):
    """rdflib's N3Parser.parse (N3 formulae need a dataset over the same store) on the
    linear reader."""

    def parse(self, source: InputSource, graph: Any, encoding: str | None = "utf-8",
              turtle: bool = False) -> None:
        if not getattr(graph.store, "formula_aware", False):
            raise GraphError("N3 needs a formula-aware store")
        dataset = Dataset(store=graph.store)
        dataset.default_graph = graph
        dataset.namespace_manager = graph.namespace_manager
        super().parse(source, dataset, encoding, turtle=False)


class _KgTrigParser(TrigParser):
    """rdflib's TrigParser.parse on the linear reader."""

    def parse(self, source: InputSource, graph: Any, encoding: str = "utf-8") -> None:
        if encoding not in (None, "utf-8"):
            raise GraphError(f"TriG is always UTF-8, not {encoding}")
        with warnings.catch_warnings():  # rdflib's TrigParser sinks into one, as here
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset = ConjunctiveGraph(store=graph.store, identifier=graph.identifier)
            dataset.default_context = graph
        dataset.namespace_manager = graph.namespace_manager
        reader = _LinearTrigSinkParser(RDFSink(dataset), turtle=True, baseURI=dataset.absolutize(
            source.getPublicId() or source.getSystemId() or ""))
        reader.loadStream(source.getCharacterStream() or source.getByteStream())
        for prefix, namespace in reader._bindings.items():
            dataset.bind(prefix, namespace)


class _KgXMLParser(RDFXMLParser):
    """rdflib's RDF/XML parser on defusedxml's expat reader: a DTD may be present, but entity
    declarations ("billion laughs") and external entities are refused, not expanded."""

    def parse(self, source: InputSource, sink: Any, **args: Any) -> None:
        from xml.sax import handler

        from defusedxml import DefusedXmlException
        from defusedxml.sax import make_parser

        reader = make_parser()
        reader.setFeature(handler.feature_namespaces, 1)
        content = RDFXMLHandler(sink)
        content.setDocumentLocator(source)  # type: ignore[arg-type]
        content.preserve_bnode_ids = args.get("preserve_bnode_ids")  # type: ignore[attr-defined]
        reader.setContentHandler(content)
        try:
            reader.parse(source)
        except DefusedXmlException as err:
            raise GraphError(f"cannot parse as xml: refused {type(err).__name__}: "
                             f"entities are not expanded ({one_line(err)})") from None


@cache
def _register_parsers() -> None:
    for name, cls in (("kg-turtle", "_KgTurtleParser"), ("kg-trig", "_KgTrigParser"),
                      ("kg-n3", "_KgN3Parser"), ("kg-xml", "_KgXMLParser")):
        plugin.register(name, Parser, __name__, cls)


