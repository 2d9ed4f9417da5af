"""The facts of a kg graph as typed rows for people and spreadsheets: the API behind ``kg facts``.

A fact node (an ``rdf:Statement``, or a ``kg:Occurrence`` with one participant) becomes one
:class:`FactRow`: subject, predicate and object as labels and IRIs, its other roles, support,
confidence and factuality as separate typed fields, so JSON keeps numbers as numbers and lists as
lists, and a spreadsheet gets one column per field. :func:`list_readings` gives one
:class:`ReadingRow` per piece of evidence instead, with the file, the offsets that slice it and
the quote. Rows are read by walking the graph with rdflib rather than by SPARQL: grouping the
multi-valued roles is plain Python, and the walk stays fast on large graphs.

An occurrence ('X resigned', 'X was arrested') has no ``rdf:subject``/``rdf:object``: its agent is
shown as the subject and its theme as the object, so 'X was arrested' reads as
``(none) arrested X`` and 'X resigned' as ``X resigned (none)``.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Literal as Kind
from typing import TypeVar

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import GraphError, NoSuchEntity
from kg.namespaces import KG, NIF, PROV, RDF, RDFS, SCHEMA, SKOS
from kg.rdf import span_quote, union_graph

# Roles besides subject and object, in the order they are shown; entity-valued unless noted.
ROLES: dict[str, URIRef] = {
    "recipient": KG.recipient, "place": KG.place, "destination": KG.destination,
    "origin": KG.origin, "coagent": KG.coagent, "attribute": KG.attribute,
    "topic": KG.topic, "content": KG.content, "time": KG.time,
    "role": KG.roleName, "ended": KG.positionEnded,
}
# Every property whose value is an entity taking part in a fact: what --entity looks through.
PARTICIPANTS = (RDF.subject, RDF.object, KG.agent, KG.theme, KG.recipient, KG.place,
                KG.destination, KG.origin, KG.coagent, KG.attribute, KG.topic, KG.content)
NAME_PROPERTIES = (RDFS.label, SKOS.altLabel, SCHEMA.name)

Number = TypeVar("Number", int, float)
Keep = Callable[[Graph, URIRef], bool]


class FactRow(BaseModel):
    """One fact, each part its own typed field. Field order is the column order."""

    model_config = ConfigDict(frozen=True)

    subject: str | None
    predicate: str
    object: str | None
    roles: dict[str, list[str]]
    support: int
    confidence: float
    factuality: list[str]
    readings: int
    kind: Kind["statement", "occurrence"]
    subject_iri: str | None
    predicate_iri: str
    object_iri: str | None
    fact_iri: str


class ReadingRow(BaseModel):
    """One piece of evidence of a fact: ``text[begin:end]`` of ``file`` (decoded as the graph's
    ``nif:isString``) is the quote, which is shown with its runs of whitespace (line breaks of a
    hard-wrapped file) made single spaces."""

    model_config = ConfigDict(frozen=True)

    subject: str | None
    predicate: str
    object: str | None
    file: str
    begin: int
    end: int
    quote: str
    rule: str
    confidence: float
    factuality: str
    attributed_to: str | None
    fact_iri: str
    evidence_iri: str


def list_facts(graph: Graph | Dataset, *, entity: str | None = None, min_support: int = 1,
               min_confidence: float = 0.0) -> list[FactRow]:
    """Each fact of the graph once, most supported and most confident first.

    ``entity`` keeps the facts in which an entity plays any role (subject, object, recipient,
    place, ...) whose name or alias contains it as whole words, in any case and with or without
    accents and hyphens ('arkady', 'Pak Song-chol', 'sorokin'); a name that matches no entity
    raises :class:`NoSuchEntity` with the nearest names. ``min_support`` and ``min_confidence``
    keep facts read in at least that many documents and at least that likely to be right."""
    graph = _readable(graph)
    keep = _entity_filter(graph, entity)
    rows = [row for node in _fact_nodes(graph) if keep(graph, node)
            for row in [_fact_row(graph, node)]
            if row.support >= min_support and row.confidence >= min_confidence]
    rows.sort(key=lambda r: (-r.support, -r.confidence, r.subject or "", r.predicate,
                             r.object or "", r.fact_iri))
    return rows


def list_readings(graph: Graph | Dataset, *, entity: str | None = None, min_support: int = 1,
                  min_confidence: float = 0.0) -> list[ReadingRow]:
    """One row per piece of evidence of the facts :func:`list_facts` keeps (same filters, same
    fact order), each fact's readings by file and offset. ``min_confidence`` applies to each
    reading's own confidence, so every row shown meets it."""
    graph = _readable(graph)
    rows: list[ReadingRow] = []
    for fact in list_facts(graph, entity=entity, min_support=min_support):
        readings = [_reading_row(graph, fact, node)
                    for node in graph.objects(URIRef(fact.fact_iri), KG.evidence)]
        readings.sort(key=lambda r: (r.file, r.begin, r.end, r.evidence_iri))
        rows += [r for r in readings if r.confidence >= min_confidence]
    return rows


def find_entities(graph: Graph | Dataset, name: str) -> set[URIRef]:
    """The entities taking part in facts whose label, name or alias contains ``name`` as whole
    words (case, accents and hyphens folded). None is an error that suggests near names."""
    graph = _readable(graph)
    wanted = _words(name)
    if not wanted:
        raise NoSuchEntity("--entity needs a name")
    names = _entity_names(graph)
    found = {entity for entity, labels in names.items()
             if any(_contains(_words(label), wanted) for label in labels)}
    if not found:
        raise NoSuchEntity(_no_entity_message(name, names))
    # A description that mentions the name ('summit with Sorokin') is not the entity: it
    # answers only when no person, organisation, place or event has that name.
    named = {e for e in found if (e, RDF.type, SCHEMA.Thing) not in graph}
    return named or found


def to_json(rows: Sequence[BaseModel]) -> str:
    """A JSON array of objects: numbers as numbers, lists as lists, absent parts as null."""
    return json.dumps([row.model_dump(mode="json") for row in rows], indent=2,
                      ensure_ascii=False) + "\n"


def to_csv(rows: Sequence[BaseModel], model: type[BaseModel]) -> str:
    """CSV with one column per field (the header even when there are no rows); a list is joined
    with '; ', roles read 'recipient: Pak Song Chol; time: 2023-09-13'."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(model.model_fields)
    writer.writerows([cell_text(value) for value in row.model_dump().values()] for row in rows)
    return out.getvalue()


def cell_text(value: object, separator: str = "; ") -> str:
    """A field as text for a CSV cell (one line) or a table cell (``separator`` a line break, so
    each role or value wraps on its own)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return separator.join(f"{key}: {item}" for key, items in value.items() for item in items)
    if isinstance(value, list):
        return separator.join(str(item) for item in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# --- reading the graph ------------------------------------------------------------------------


def _readable(graph: Graph | Dataset) -> Graph | Dataset:
    """A Dataset whose default graph is not the union would hide the named graphs' triples."""
    if isinstance(graph, Dataset) and not graph.default_union:
        return union_graph(graph)
    return graph


def _fact_nodes(graph: Graph) -> Iterator[URIRef]:
    seen: set[Node] = set()
    for kind in (RDF.Statement, KG.Occurrence):
        for node in graph.subjects(RDF.type, kind):
            if isinstance(node, URIRef) and node not in seen:
                seen.add(node)
                yield node


def _fact_row(graph: Graph, node: URIRef) -> FactRow:
    occurrence = (node, RDF.type, KG.Occurrence) in graph
    subject = graph.value(node, KG.agent if occurrence else RDF.subject)
    obj = graph.value(node, KG.theme if occurrence else RDF.object)
    predicate = graph.value(node, RDF.predicate)
    if predicate is None:
        raise GraphError(f"<{node}>: a fact with no rdf:predicate")
    roles = {name: sorted({_label(graph, value) for value in graph.objects(node, prop)})
             for name, prop in ROLES.items()}
    return FactRow(
        subject=_label(graph, subject) if subject is not None else None,
        predicate=_label(graph, predicate),
        object=_label(graph, obj) if obj is not None else None,
        roles={name: values for name, values in roles.items() if values},
        support=_number(graph, node, KG.supportCount, int),
        confidence=_number(graph, node, KG.confidence, float),
        factuality=sorted({str(v) for v in graph.objects(node, KG.factuality)}),
        readings=len(set(graph.objects(node, KG.evidence))),
        kind="occurrence" if occurrence else "statement",
        subject_iri=_iri(subject), predicate_iri=str(predicate), object_iri=_iri(obj),
        fact_iri=str(node),
    )


def _reading_row(graph: Graph, fact: FactRow, node: Node) -> ReadingRow:
    span = graph.value(node, KG.clause) or graph.value(node, KG.sentence)
    document = graph.value(node, PROV.wasDerivedFrom)
    if span is None or document is None:
        raise GraphError(f"<{node}>: evidence with no sentence or no document")
    speaker = graph.value(node, KG.attributedTo)
    return ReadingRow(
        subject=fact.subject, predicate=fact.predicate, object=fact.object,
        file=str(graph.value(document, KG.sourceFile) or document),
        begin=_number(graph, span, NIF.beginIndex, int),
        end=_number(graph, span, NIF.endIndex, int),
        quote=" ".join((span_quote(graph, span) or "").split()),
        rule=str(graph.value(node, KG.extractionRule) or ""),
        confidence=_number(graph, node, KG.confidence, float),
        factuality="; ".join(sorted(str(v) for v in graph.objects(node, KG.factuality))),
        attributed_to=_label(graph, speaker) if speaker is not None else None,
        fact_iri=fact.fact_iri, evidence_iri=str(node),
    )


def _number(graph: Graph, node: Node, prop: URIRef, kind: type[Number]) -> Number:
    """A numeric literal as a Python number; an ill-typed one ('NaN' support) is a GraphError
    naming the node, never a traceback."""
    value = graph.value(node, prop)
    number = value.toPython() if isinstance(value, Literal) else None
    if isinstance(number, bool) or not isinstance(number, int | float | Decimal):
        raise GraphError(f"<{node}>: {graph.namespace_manager.normalizeUri(prop)} is "
                         f"{'missing' if value is None else repr(str(value))}, not a number")
    result = kind(number)
    if result != result:  # NaN
        raise GraphError(f"<{node}>: {graph.namespace_manager.normalizeUri(prop)} is not a number")
    return result


def _label(graph: Graph, node: Node) -> str:
    """A node's rdfs:label (or schema:name); a literal as itself; else the IRI's local name."""
    if isinstance(node, Literal):
        return str(node)
    for prop in (RDFS.label, SCHEMA.name):
        label = graph.value(node, prop)
        if label is not None:
            return str(label)
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def _iri(node: Node | None) -> str | None:
    return str(node) if isinstance(node, URIRef) else None


# --- finding entities by name -----------------------------------------------------------------


def _entity_filter(graph: Graph, name: str | None) -> Keep:
    if not name:
        return lambda _graph, _node: True
    entities = find_entities(graph, name)
    return lambda graph, node: any(value in entities for prop in PARTICIPANTS
                                   for value in graph.objects(node, prop))


def _entity_names(graph: Graph) -> dict[URIRef, set[str]]:
    """Every entity that takes part in a fact, with its label, names and aliases."""
    names: dict[URIRef, set[str]] = {}
    for node in _fact_nodes(graph):
        for prop in PARTICIPANTS:
            for entity in graph.objects(node, prop):
                if isinstance(entity, URIRef) and entity not in names:
                    names[entity] = {str(label) for p in NAME_PROPERTIES
                                     for label in graph.objects(entity, p)}
    return names


def _words(text: str) -> tuple[str, ...]:
    """Words folded for matching: case, accents, hyphens and dots do not count."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return tuple("".join(c if c.isalnum() else " " for c in plain).split())


def _contains(words: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    size = len(wanted)
    return any(words[i:i + size] == wanted for i in range(len(words) - size + 1))


def _no_entity_message(name: str, names: dict[URIRef, set[str]]) -> str:
    choices: dict[str, str] = {}  # one spelling per folded name: not 'Marchenko' and 'marchenko'
    for label in sorted({label for labels in names.values() for label in labels}):
        choices.setdefault(_folded(label), label)
    near = process.extract(name, list(choices.values()), scorer=fuzz.WRatio, processor=_folded,
                           limit=3, score_cutoff=70)
    message = f"no entity named {name!r}"
    if near:
        return message + "; did you mean " + ", ".join(repr(c) for c, *_ in near) + "?"
    return message + " (kg entities GRAPH lists them)"


def _folded(text: str) -> str:
    return " ".join(_words(text))


__all__ = ["FactRow", "ReadingRow", "cell_text", "find_entities", "list_facts",
           "list_readings", "to_csv", "to_json"]
