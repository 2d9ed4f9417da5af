"""One self-contained HTML page a person reads instead of Turtle: counts, a picture of who is
linked to whom, every fact with its quotes highlighted, the entities and the SHACL result.

The page is built from the graph alone (a file kg wrote, or the Dataset of a build), so any
graph kg can load gets a report. The view is gathered into pydantic records here and laid out
by a Jinja2 template (kg/templates/report.html.j2) that inlines its CSS, its script and the
Cytoscape.js graph library (kg/templates/vendor/): the page opens from disk with no network.
Text goes through Jinja2's autoescaping; the graph's data travels as JSON the script reads.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, ConfigDict
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from kg import __version__
from kg.export import write_atomic
from kg.namespaces import DCTERMS, KG, NIF, PROV, RDF, RDFS, SCHEMA, SKOS
from kg.rdf import span_quote, union_graph
from kg.validate import ValidationReport, validate_graph

ENTITY_TYPES = {SCHEMA.Person: "Person", SCHEMA.Organization: "Organization",
                SCHEMA.Place: "Place", SCHEMA.Event: "Event", SCHEMA.Thing: "Thing"}
COUNT_NAMES = {"Person": "people", "Organization": "organisations", "Place": "places",
               "Event": "events", "Thing": "things"}
# The picture shows who and where: things ('rifle') and events stay in the table.
PICTURED_TYPES = ("Person", "Organization", "Place")
PICTURE_LIMIT = 120
# Merge reasons of a mention that refers to an entity without naming it ('he', 'the company',
# 'the North Korean dictator'): highlighted in a quote where the entity is not named.
REFERENCE_REASONS = frozenset({"pronoun", "head-word", "title-description"})
# Roles besides subject and object, in the order a reader asks about them.
ROLES = (("recipient", KG.recipient), ("coagent", KG.coagent), ("destination", KG.destination),
         ("origin", KG.origin), ("place", KG.place), ("as", KG.attribute),
         ("about", KG.topic), ("to", KG.content))


# A Cytoscape.js element: {"data": {"id": ..., "label": ..., ...}}.
Element = dict[str, dict[str, str | int | float]]


class _View(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Segment(_View):
    """A run of a quote: plain text, or a highlighted entity name, reference to an entity
    ('he', 'the company': ``refers_to`` names the entity) or trigger word."""

    text: str
    kind: Literal["text", "entity", "reference", "trigger"] = "text"
    refers_to: str | None = None


class Reading(_View):
    """One piece of evidence: the sentence as segments, and where to find it."""

    source: str
    url: str | None
    title: str | None
    begin: int
    end: int
    segments: tuple[Segment, ...]
    rule: str
    confidence: float
    factuality: str
    attributed_to: str | None


class FactRow(_View):
    iri: str
    label: str
    subject: str
    predicate: str
    object: str | None
    roles: tuple[tuple[str, str], ...]
    confidence: float
    support: int
    factuality: tuple[str, ...]
    readings: tuple[Reading, ...]


class EntityRow(_View):
    iri: str
    label: str
    type: str
    aliases: tuple[str, ...]
    titles: tuple[str, ...]
    mentions: int
    links: tuple[str, ...]


class DocumentRow(_View):
    source: str
    title: str | None
    date: str | None
    url: str | None


class Report(_View):
    """Everything the page shows, in the order it shows it."""

    counts: tuple[tuple[str, int], ...]
    documents: tuple[DocumentRow, ...]
    facts: tuple[FactRow, ...]
    entities: tuple[EntityRow, ...]
    elements: tuple[Element, ...]
    linked: int
    validated: bool
    conforms: bool
    violations: tuple[str, ...]


def build_report(graph: Graph | Dataset, validation: ValidationReport | None = None, *,
                 validate: bool = True, picture_limit: int = PICTURE_LIMIT) -> Report:
    """Gather the page's content from a kg graph. ``validation`` is the SHACL result when the
    caller already has it (``kg build`` does); otherwise the graph is validated here, unless
    ``validate`` is false (then the page says it was not validated). The picture shows at
    most ``picture_limit`` names, the best linked."""
    data = union_graph(graph) if isinstance(graph, Dataset) else graph
    if validation is None and validate:
        validation = validate_graph(data)
    entities = _entities(data)
    by_iri = {e.iri: e for e in entities}
    facts = _facts(data, by_iri, _references(data))
    documents = _documents(data)
    elements, linked = _elements(data, facts, by_iri, picture_limit)
    types = Counter(e.type for e in entities)
    counts = (("documents", len(documents)), ("facts", len(facts)),
              ("readings", sum(len(f.readings) for f in facts)),
              *((COUNT_NAMES[kind], types[kind]) for kind in ENTITY_TYPES.values()),
              ("triples", len(data)))
    return Report(
        counts=counts, documents=documents, facts=facts, entities=entities,
        elements=elements, linked=linked,
        validated=validation is not None,
        conforms=validation is not None and validation.conforms,
        violations=tuple(v.describe() for v in validation.violations) if validation else (),
    )


def render_report(report: Report) -> str:
    """The page as one HTML string, scripts and styles inlined."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report, version=__version__,
        elements_json=_script_json(list(report.elements)),
        style=_asset("report.css"), script=_asset("report.js"),
        cytoscape=_asset("vendor/cytoscape.min.js"),
    )


def write_report(graph: Graph | Dataset, path: str | Path,
                 validation: ValidationReport | None = None, *, validate: bool = True) -> Report:
    """Build and write the report atomically (a failed run leaves the old page)."""
    report = build_report(graph, validation, validate=validate)
    write_atomic(Path(path), render_report(report))
    return report


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("kg", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), trim_blocks=True,
                       lstrip_blocks=True, keep_trailing_newline=True)


@cache
def _asset(name: str) -> str:
    return resources.files("kg").joinpath(f"templates/{name}").read_text("utf-8")


def _script_json(value: object) -> str:
    """JSON safe inside <script>: no '<' can close the element early."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


def _text(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _sorted_text(nodes: Iterable[Node]) -> tuple[str, ...]:
    return tuple(sorted({str(n) for n in nodes}))


def _local_name(iri: Node) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _entities(data: Graph) -> tuple[EntityRow, ...]:
    rows = []
    for cls, kind in ENTITY_TYPES.items():
        for node in set(data.subjects(RDF.type, cls)):
            count = data.value(node, KG.mentionCount)
            rows.append(EntityRow(
                iri=str(node), label=_text(data.value(node, RDFS.label)) or _local_name(node),
                type=kind, aliases=_sorted_text(data.objects(node, SKOS.altLabel)),
                titles=_sorted_text(data.objects(node, SCHEMA.jobTitle)),
                mentions=int(count) if count is not None else 0,
                links=_sorted_text(data.objects(node, SCHEMA.sameAs))))
    rows.sort(key=lambda e: (-e.mentions, e.label, e.iri))
    return tuple(rows)


def _documents(data: Graph) -> tuple[DocumentRow, ...]:
    rows = [DocumentRow(source=_text(data.value(doc, KG.sourceFile)) or str(doc),
                        title=_text(data.value(doc, DCTERMS.title)),
                        date=_text(data.value(doc, SCHEMA.datePublished)),
                        url=_text(data.value(doc, SCHEMA.url)))
            for doc in set(data.subjects(RDF.type, SCHEMA.NewsArticle))]
    return tuple(sorted(rows, key=lambda d: d.source))


def _fact_nodes(data: Graph) -> list[Node]:
    return sorted(set(data.subjects(RDF.type, RDF.Statement))
                  | set(data.subjects(RDF.type, KG.Occurrence)))


def _label_of(node: Node | None, entities: dict[str, EntityRow]) -> str | None:
    if node is None:
        return None
    entity = entities.get(str(node))
    return entity.label if entity is not None else _local_name(node)


def _predicate_name(data: Graph, predicate: Node | None) -> str:
    if predicate is None:
        return ""
    label = data.value(predicate, RDFS.label)
    # kg:verb/ predicates carry the verb ('shake'); ontology terms are read by their local name.
    return str(label) if label is not None and str(predicate).startswith(
        "https://w3id.org/kg-news/verb/") else _local_name(predicate)


References = dict[tuple[str, str], frozenset[str]]


def _references(data: Graph) -> References:
    """(entity IRI, document IRI) -> the words that document refers to the entity by without
    naming it, from the merge evidence (kg:Merge with a pronoun, head-word or title reason)."""
    found: dict[tuple[str, str], set[str]] = {}
    for entity, merge in data.subject_objects(KG.merge):
        if str(data.value(merge, KG.mergedBecause)) not in REFERENCE_REASONS:
            continue
        alias = data.value(merge, KG.alias)
        for document in data.objects(merge, PROV.wasDerivedFrom):
            if alias is not None:
                found.setdefault((str(entity), str(document)), set()).add(str(alias))
    return {key: frozenset(words) for key, words in found.items()}


def _facts(data: Graph, entities: dict[str, EntityRow],
           references: References | None = None) -> tuple[FactRow, ...]:
    rows = []
    for node in _fact_nodes(data):
        subject = data.value(node, RDF.subject) or data.value(node, KG.agent) \
            or data.value(node, KG.theme)
        obj = data.value(node, RDF.object)
        roles = [(name, label) for name, prop in ROLES
                 for label in sorted({_label_of(v, entities) or "" for v in
                                      data.objects(node, prop)})]
        # A normalised date where there is one, else the words the article used ('October').
        times = _sorted_text(data.objects(node, KG.time)) or \
            _sorted_text(data.objects(node, KG.timeText))
        roles += [("time", t) for t in times]
        participants = [p for p in (subject, obj, *(v for _, prop in ROLES
                                                    for v in data.objects(node, prop))) if p]
        readings = sorted((_reading(data, e, participants, entities, references or {})
                           for e in set(data.objects(node, KG.evidence))),
                          # Two triggers in one sentence are two readings: the rule and
                          # the text break the tie, so the page is the same on every run.
                          key=lambda r: (r.source, r.begin, r.end, r.rule, r.model_dump_json()))
        confidence = data.value(node, KG.confidence)
        support = data.value(node, KG.supportCount)
        rows.append(FactRow(
            iri=str(node), label=_text(data.value(node, RDFS.label)) or _local_name(node),
            subject=_label_of(subject, entities) or "",
            predicate=_predicate_name(data, data.value(node, RDF.predicate)),
            object=_label_of(obj, entities), roles=tuple(roles),
            confidence=float(confidence) if confidence is not None else 0.0,
            support=int(support) if support is not None else 0,
            factuality=_sorted_text(data.objects(node, KG.factuality)),
            readings=tuple(readings)))
    rows.sort(key=lambda f: (-f.support, -f.confidence, f.label, f.iri))
    return tuple(rows)


def _reading(data: Graph, evidence: Node, participants: list[Node],
             entities: dict[str, EntityRow], references: References) -> Reading:
    document = data.value(evidence, PROV.wasDerivedFrom)
    sentence = data.value(evidence, KG.sentence)
    trigger = data.value(evidence, KG.trigger)
    text = span_quote(data, sentence) or ""
    begin = int(data.value(sentence, NIF.beginIndex) or 0)
    end = int(data.value(sentence, NIF.endIndex) or begin + len(text))
    speaker = data.value(evidence, KG.attributedTo)
    marks: list[tuple[int, int, str] | tuple[int, int, str, str]] = []
    if trigger is not None:
        start = int(data.value(trigger, NIF.beginIndex) or 0) - begin
        stop = int(data.value(trigger, NIF.endIndex) or 0) - begin
        if 0 <= start < stop <= len(text):
            marks.append((start, stop, "trigger"))
    named = [*participants, *([speaker] if speaker else [])]
    names = [name for p in named for name in _names(entities.get(str(p)))]
    marks += name_spans(text, names)
    for participant in named:  # one not named in the sentence is referred to: 'he', 'the firm'
        entity = entities.get(str(participant))
        if entity is not None and not name_spans(text, _names(entity)):
            words = references.get((str(participant), str(document)), frozenset())
            marks += reference_spans(text, words, entity.label)
    confidence = data.value(evidence, KG.confidence)
    return Reading(
        source=_text(data.value(document, KG.sourceFile)) or str(document),
        url=_text(data.value(document, SCHEMA.url)),
        title=_text(data.value(document, DCTERMS.title)), begin=begin, end=end,
        segments=segment(text, marks), rule=_text(data.value(evidence, KG.extractionRule)) or "",
        confidence=float(confidence) if confidence is not None else 0.0,
        factuality=_text(data.value(evidence, KG.factuality)) or "",
        attributed_to=_label_of(speaker, entities))


def _names(entity: EntityRow | None) -> tuple[str, ...]:
    return () if entity is None else (entity.label, *entity.aliases)


def name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int, str]]:
    """Where any of ``names`` occurs in ``text`` as whole words (any case, a plural or
    possessive ending allowed), longest names first. The graph keeps no offsets for entity
    mentions, so a name is found again in its quote (references, 'he met', by
    ``reference_spans``)."""
    found = []
    for name in sorted({n.strip() for n in names if len(n.strip()) > 1}, key=len, reverse=True):
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?:'s|’s|s|es)?(?!\w)", re.IGNORECASE)
        found += [(m.start(), m.end(), "entity") for m in pattern.finditer(text)]
    return found


def reference_spans(text: str, words: Iterable[str],
                    entity: str) -> list[tuple[int, int, str, str]]:
    """Where any of ``words`` ('he', 'the company') occurs in ``text`` as whole words, in any
    case, marked as a reference to ``entity``."""
    found = []
    for word in sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True):
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        found += [(m.start(), m.end(), "reference", entity) for m in pattern.finditer(text)]
    return found


def segment(text: str, marks: Iterable[tuple[int, int, str] | tuple[int, int, str, str]]
            ) -> tuple[Segment, ...]:
    """Cut ``text`` into plain and marked runs; a mark that overlaps an earlier one (in the
    order given) is dropped, so segments never overlap and join back to ``text``. A fourth
    item in a mark is the entity a reference refers to."""
    taken: list[tuple[int, int, str, str | None]] = []
    for start, end, kind, *refers_to in marks:
        if 0 <= start < end <= len(text) and all(end <= s or start >= e for s, e, *_ in taken):
            taken.append((start, end, kind, refers_to[0] if refers_to else None))
    segments, position = [], 0
    for start, end, kind, target in sorted(taken, key=lambda mark: mark[:2]):
        if start > position:
            segments.append(Segment(text=text[position:start]))
        segments.append(Segment(text=text[start:end], kind=kind,  # type: ignore[arg-type]
                                refers_to=target))
        position = end
    if position < len(text) or not segments:
        segments.append(Segment(text=text[position:]))
    return tuple(segments)


def _elements(data: Graph, facts: tuple[FactRow, ...], entities: dict[str, EntityRow],
              limit: int) -> tuple[tuple[Element, ...], int]:
    """Cytoscape.js elements: people, organisations and places as nodes, each fact as edges
    from its subject to every other pictured participant (object, recipient, place...),
    ``support`` for the edge's thickness. At most ``limit`` nodes, the most supported: a
    picture of hundreds of names is unreadable and slow to lay out. Also returns how many
    names facts link in all."""
    pictured = {iri for iri, e in entities.items() if e.type in PICTURED_TYPES}
    nodes: set[str] = set()
    edges: list[dict[str, str | int | float]] = []
    for fact in facts:
        node = URIRef(fact.iri)
        subject = data.value(node, RDF.subject) or data.value(node, KG.agent)
        if subject is None or str(subject) not in pictured:
            continue
        targets = [("object", data.value(node, RDF.object))] + [
            (name, value) for name, prop in ROLES for value in data.objects(node, prop)]
        for role, target in targets:
            if target is None or str(target) not in pictured or target == subject:
                continue
            label = fact.predicate if role == "object" else \
                f"{fact.predicate} {fact.object or ''} ({role})".replace("  ", " ")
            nodes.update((str(subject), str(target)))
            edges.append({"id": f"{fact.iri}|{role}|{target}", "source": str(subject),
                          "target": str(target), "label": label, "fact": fact.label,
                          "support": fact.support, "confidence": fact.confidence})
    linked = len(nodes)
    if len(nodes) > limit:  # the best-supported links; the rest stay in the table
        weight: Counter[str] = Counter()
        for edge in edges:
            weight.update({str(edge["source"]): int(edge["support"]),
                           str(edge["target"]): int(edge["support"])})
        nodes = set(sorted(nodes, key=lambda iri: (-weight[iri], entities[iri].label, iri))
                    [:limit])
        edges = [e for e in edges if e["source"] in nodes and e["target"] in nodes]
        nodes = {str(e["source"]) for e in edges} | {str(e["target"]) for e in edges}
    node_elements = [{"data": {"id": iri, "label": entities[iri].label,
                               "type": entities[iri].type, "mentions": entities[iri].mentions}}
                     for iri in sorted(nodes)]
    edge_elements = [{"data": edge} for edge in sorted(edges, key=lambda e: str(e["id"]))]
    return tuple(node_elements + edge_elements), linked
