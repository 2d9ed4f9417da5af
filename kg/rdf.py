"""Turn a resolved corpus into an rdflib Dataset: entities, facts, and their provenance.

Every fact is written twice on purpose: as a direct triple between entities (so plain SPARQL
like ``?a kg:gave ?b`` works) and as an ``rdf:Statement`` carrying the other roles, the
confidence, how many documents support it and one ``kg:Evidence`` per reading, which points at
the NIF sentence (offsets into the document's text), the trigger word, the rule and the run. A
fact with one participant ('X resigned', 'X was arrested') is a ``kg:Occurrence``: the same node
with ``rdf:predicate`` and ``kg:agent`` or ``kg:theme``, but no direct triple. Each document's
evidence lives in a named graph named by the document, so TriG and N-Quads keep sources apart.
A document's text is written once (``nif:isString``); sentences and clauses are offsets into it
with no copy of their words (``span_quote`` reads them back), and only a trigger word carries
its quote (``nif:anchorOf``), which ``kg validate`` checks against the text.
IRIs are minted from content hashes and names only, never from time or order, and no blank
nodes are used, so the same input always gives the same bytes.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple, Protocol

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg import __version__
from kg.diskindex import DiskIndex
from kg.gazetteer import lookup
from kg.model import Document, Entity, EntityType, Fact, ResolvedCorpus, RoleName, Sentence
from kg.namespaces import (
    DCTERMS,
    ID,
    KG,
    KGV,
    NIF,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
)
from kg.parttriples import PartTriples
from kg.recordspool import FactSpool
from kg.relations import load_vocabulary

ENTITY_CLASSES = {
    EntityType.PERSON: SCHEMA.Person, EntityType.ORGANIZATION: SCHEMA.Organization,
    EntityType.PLACE: SCHEMA.Place, EntityType.THING: SCHEMA.Thing, EntityType.EVENT: SCHEMA.Event,
}
ROLE_PROPERTIES = {
    RoleName.RECIPIENT: KG.recipient, RoleName.DESTINATION: KG.destination,
    RoleName.ORIGIN: KG.origin, RoleName.COAGENT: KG.coagent, RoleName.PLACE: KG.place,
    RoleName.THEME: KG.theme, RoleName.AGENT: KG.agent, RoleName.ATTRIBUTE: KG.attribute,
    RoleName.TOPIC: KG.topic, RoleName.CONTENT: KG.content,
}
DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}

# The terms of rdflib's DefinedNamespaces (RDF, RDFS, PROV, OWL, SCHEMA, SKOS) that the
# per-entity, per-fact and per-reading writers use, looked up once: each ``RDF.type`` runs
# the namespace class's ``__getattr__`` and its membership test, a sixth of making a
# document's part (issue 14). kg's own namespaces (KG, NIF, ID) keep their terms already.
_TYPE, _SUBJECT, _PREDICATE, _OBJECT, _STATEMENT = \
    RDF.type, RDF.subject, RDF.predicate, RDF.object, RDF.Statement
_LABEL, _SUBPROPERTY = RDFS.label, RDFS.subPropertyOf
_OBJECT_PROPERTY, _SAME_AS = OWL.ObjectProperty, OWL.sameAs
_ENTITY, _DERIVED_FROM, _GENERATED_BY = PROV.Entity, PROV.wasDerivedFrom, PROV.wasGeneratedBy
_NAME, _JOB_TITLE, _ALT_LABEL = SCHEMA.name, SCHEMA.jobTitle, SKOS.altLabel
_NON_NEGATIVE, _DECIMAL = XSD.nonNegativeInteger, XSD.decimal  # most offsets are made once


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


# rdflib's Literal costs a parse of its value and datatype each time it is made (issue 14: a
# tenth of the graph's build); a literal is immutable, so one of the few values a count, an
# offset, a confidence or a rule name takes is made once and shared. Free text (labels,
# quotes, a document's text) is made afresh: a cache of it would only hold memory.
@lru_cache(maxsize=65536)
def offset_literal(value: int) -> Literal:
    """A character offset or a count as xsd:nonNegativeInteger."""
    return Literal(value, datatype=_NON_NEGATIVE)


@lru_cache(maxsize=4096)
def count_literal(value: int) -> Literal:
    """A count as a plain integer literal (xsd:integer)."""
    return Literal(value)


@lru_cache(maxsize=4096)
def name_literal(value: str) -> Literal:
    """A plain literal of a small vocabulary (a rule, a factuality, a lemma, a merge reason)."""
    return Literal(value)


@lru_cache(maxsize=4096)
def decimal_literal(value: float) -> Literal:
    """Two places of xsd:decimal in canonical form ('0.6', '1.0', not '0.60'): the form a JSON
    number reads back as, so the JSON-LD output holds a number and still round-trips."""
    text = f"{value:.2f}".rstrip("0")
    return Literal(text + "0" if text.endswith(".") else text, datatype=_DECIMAL)


def document_iri(doc_id: str) -> URIRef:
    return ID[f"doc/{doc_id}"]


def span_iri(doc_id: str, start: int, end: int) -> URIRef:
    """NIF 2.0 offset-based IRI (RFC 5147 style): the document IRI plus '#char=start,end'."""
    return URIRef(f"{document_iri(doc_id)}#char={start},{end}")


def entity_iri(entity_id: str) -> URIRef:
    return ID[entity_id]


def predicate_iri(predicate: str) -> URIRef:
    return KG[predicate] if predicate in load_vocabulary().predicates else KGV[predicate]


def fact_key(fact: Fact) -> tuple[str, ...]:
    """What makes two readings the same fact: who did what to whom, and for whom."""
    recipients = sorted({r.entity_id or "" for r in fact.roles if r.name is RoleName.RECIPIENT})
    role = (f"as:{fact.role_name}",) if fact.role_name else ()
    # A position said to be over ('former minister X') is not the same fact as one held now.
    role += ("ended",) if fact.position_ended else ()
    if fact.object is None:  # an occurrence: 'X resigned' is not 'X was dismissed'
        # ... and a role with no holder is that role: 'actor X' is not 'hunter X'.
        return (fact.subject.entity_id or "", fact.predicate, f"only:{fact.subject.name.value}",
                *role, *recipients)
    return (fact.subject.entity_id or "", fact.predicate, fact.object.entity_id or "", *role,
            *recipients)


def fact_iri(fact: Fact) -> URIRef:
    return ID[f"fact/{_digest(*fact_key(fact))}"]


def evidence_iri(fact: Fact) -> URIRef:
    e = fact.evidence
    digest = _digest(e.doc_id, e.trigger_start, e.rule, fact.subject.mention.start,
                     fact.object.mention.start if fact.object else "", *fact_key(fact))
    return ID[f"evidence/{digest}"]


def run_iri(corpus: ResolvedCorpus, model: str) -> URIRef:
    return ID[f"run/{_digest(__version__, model, *sorted(d.doc_id for d in corpus.documents))}"]


def build_dataset(corpus: ResolvedCorpus, model: str) -> Dataset:
    """The whole graph; ``model`` is recorded in the run's provenance ('en_core_web_sm 3.8.0')."""
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    parts = GraphParts(corpus, model)
    parts.add_corpus(dataset.default_graph)
    for document in corpus.documents:
        parts.add_document(dataset.graph(document_iri(document.doc_id)), document)
    return dataset


CHUNK_TRIPLES = 20_000
"""The triples a corpus chunk (``GraphParts.corpus_chunks``) grows to before the next begins:
enough that a build checks few chunks, few enough that checking one stays small (issue 14)."""


class GraphParts:
    """The graph of a resolved corpus in parts: the corpus part (the default graph: the run,
    entities, merged facts with their support and confidence) and one part per document (its
    named graph: the article, its text, the entities it mentions, its readings with their
    spans). A part is made on demand, so a caller can write and drop each document's part in
    turn instead of holding the whole graph (``kg.graphstream``); ``build_dataset`` puts every
    part in one Dataset. The parts together are exactly the Dataset's graphs."""

    def __init__(self, corpus: ResolvedCorpus, model: str) -> None:
        self.corpus, self.model = corpus, model
        self.run = run_iri(corpus, model)
        # Where each sentence is and whom each document mentions, read a document at a time
        # as its part is made: on disk, not in maps of the whole corpus (issue 14).
        self.by_document = _DocumentIndex(corpus.sentences)
        # Only the datelines' places are looked up by span: a map of every mention's span
        # grew with the corpus for those few lookups (issue 14).
        placed = {(d.doc_id, d.dateline.place_start, d.dateline.place_end)
                  for d in corpus.documents if d.dateline is not None}
        self.entity_at: dict[tuple[str, int, int], str] = {}
        # one pass: a streamed build's entities are on disk (kg.recordspool.EntitySpool)
        for entity in corpus.entities:
            self.by_document.add_label(entity.entity_id, entity.label)
            self.by_document.add_mentions(entity.entity_id,
                                          {mention.doc_id for mention in entity.mentions})
            for mention in entity.mentions:
                if (span := (mention.doc_id, mention.start, mention.end)) in placed:
                    self.entity_at[span] = entity.entity_id
        self.by_document.commit()
        self.labels = self.by_document.labels  # the merged facts' labels name their entities
        # a streamed build's facts are on disk (kg.recordspool.FactSpool), read a part at a time
        facts = corpus.facts
        self.facts: FactIndex = facts if isinstance(facts, FactSpool) else HeldFacts(facts)

    def add_corpus(self, graph: Graph) -> None:
        """The default graph's triples: the run, the entities and the merged facts."""
        for piece in self._corpus_pieces():
            piece.add(graph)

    def corpus_chunks(self, size: int = 500, triples: int | None = None
                      ) -> Iterator[PartTriples]:
        """The default graph in pieces, each a new set of plain triples
        (``kg.parttriples.PartTriples``: the write and the check read them as they are; an
        rdflib graph of the same adds is ``graph()``): the run, then the entities (with
        their merges), then the merged facts, at most ``size`` entities or facts to a piece
        and no more added to a piece once it has about ``triples`` triples; an entity's or a
        fact's triples are never in two pieces (a direct triple two facts state may be).
        Each call makes them anew.

        The bound on triples keeps a piece (and its check, ``kg.validate.PartValidation``)
        bounded when an entity or a fact grows with the corpus: an entity named in every
        article has a merge linked to each, and a fact read in every article has as many
        readings; 500 such entities made a piece that grew with the corpus. ``triples``:
        ``CHUNK_TRIPLES`` unless given."""
        triples = CHUNK_TRIPLES if triples is None else triples
        kind, graph, count, weight = "", PartTriples(), 0, 0
        for piece in self._corpus_pieces():
            if count and (piece.kind != kind or count >= size or weight >= triples):
                yield graph
                graph, count, weight = PartTriples(), 0, 0
            kind = piece.kind
            piece.add(graph)  # type: ignore[arg-type]  # the builders only add
            count, weight = count + 1, weight + piece.triples
        if count:
            yield graph

    def _corpus_pieces(self) -> Iterator[_Piece]:
        """The default graph's triples, one piece at a time: the run, one entity, one merged
        fact."""
        yield _Piece("run", len(self.corpus.documents),
                     lambda graph: _add_run(graph, self.run, self.corpus, self.model))
        for entity in self.corpus.entities:
            yield _Piece("entity", _entity_triples(entity),
                         lambda graph, entity=entity: _add_entity(graph, entity))
        declared: set[URIRef] = set()
        for node, facts in self.facts.statements():
            yield _Piece("fact", _statement_triples(facts),
                         lambda graph, node=node, facts=facts: _add_statement(
                             graph, node, facts, self.labels, declared))

    def add_document(self, graph: Graph, document: Document) -> None:
        """``document``'s named graph: the article, whom it mentions, and its readings."""
        _add_document(graph, document)
        _add_dateline(graph, document, self.entity_at)
        node = document_iri(document.doc_id)
        for entity_id in self.by_document.mentioned(document.doc_id):
            # Which articles mention whom: 'all articles that mention Marchenko' is one pattern.
            graph.add((node, SCHEMA.mentions, entity_iri(entity_id)))
        readings = self.facts.readings_of(document.doc_id)
        sentences = self.by_document.sentences(document.doc_id) if readings else {}
        spans: set[tuple[int, int, URIRef, str | None]] = set()
        for fact in readings:
            statement = fact_iri(fact)
            sentence = sentences[fact.evidence.sentence_index]
            _add_evidence(graph, statement, fact, sentence, self.run, spans)


class SentenceSpan(NamedTuple):
    """Where a sentence lies in its document's text: all its evidence needs of it."""

    start: int
    end: int


class _DocumentIndex:
    """The sentences' offsets and whom each document mentions, in a SQLite file
    (``kg.diskindex``) that the write workers, forked once it is filled, read a document at a
    time; and the entities' labels, which the corpus part reads a merged fact at a time. In
    dicts these grew with the corpus and stayed for the whole write step (issue 14)."""

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        self._index = DiskIndex(_DOCUMENT_TABLES, prefix="kg-parts-")
        self._index.add("INSERT OR REPLACE INTO sentences VALUES (?, ?, ?, ?)",
                        ((s.doc_id, s.index, s.start, s.end) for s in sentences))

    def add_label(self, entity_id: str, label: str) -> None:
        self._index.add("INSERT OR REPLACE INTO labels VALUES (?, ?)", ((entity_id, label),))

    def add_mentions(self, entity_id: str, doc_ids: Iterable[str]) -> None:
        self._index.add("INSERT OR IGNORE INTO mentioned VALUES (?, ?)",
                        ((doc_id, entity_id) for doc_id in doc_ids))

    def commit(self) -> None:
        self._index.commit()

    def mentioned(self, doc_id: str) -> list[str]:
        """The entities ``doc_id`` mentions, sorted as Python sorts their ids (SQLite's
        binary order of UTF-8 is code point order)."""
        return [entity_id for entity_id, in self._index.rows(
            "SELECT entity FROM mentioned WHERE document = ? ORDER BY entity", (doc_id,))]

    @property
    def labels(self) -> Mapping[str, str]:
        """Each entity's label by its id (the last given for an id, as a dict keeps it)."""
        return _EntityLabels(self._index)

    def sentences(self, doc_id: str) -> dict[int, SentenceSpan]:
        """``doc_id``'s sentences by their number."""
        return {index: SentenceSpan(start, end) for index, start, end in self._index.rows(
            "SELECT number, start, end_at FROM sentences WHERE document = ?", (doc_id,))}


class _EntityLabels(Mapping[str, str]):
    """The entities' labels on disk, read one at a time as the merged facts name them."""

    def __init__(self, index: DiskIndex) -> None:
        self._index = index

    def __getitem__(self, entity_id: str) -> str:
        found = self._index.rows("SELECT label FROM labels WHERE entity = ?", (entity_id,))
        if not found:
            raise KeyError(entity_id)
        return str(found[0][0])

    def __iter__(self) -> Iterator[str]:
        return (entity_id for entity_id, in self._index.rows(
            "SELECT entity FROM labels ORDER BY entity"))

    def __len__(self) -> int:
        return int(self._index.rows("SELECT count(*) FROM labels")[0][0])


_DOCUMENT_TABLES = """
CREATE TABLE labels (entity TEXT PRIMARY KEY, label TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sentences (document TEXT NOT NULL, number INTEGER NOT NULL, start INTEGER NOT NULL,
                        end_at INTEGER NOT NULL, PRIMARY KEY (document, number)) WITHOUT ROWID;
CREATE TABLE mentioned (document TEXT NOT NULL, entity TEXT NOT NULL,
                        PRIMARY KEY (document, entity)) WITHOUT ROWID;
"""


class FactIndex(Protocol):
    """A resolved corpus's facts as the graph's parts read them: the merged facts (``fact_iri``)
    with their readings, and one document's readings, both in the corpus's order."""

    def statements(self) -> Iterator[tuple[Any, list[Fact]]]: ...

    def readings_of(self, doc_id: str) -> list[Fact]: ...


class HeldFacts:
    """The ``FactIndex`` of facts held in memory."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        self._statements: dict[URIRef, list[Fact]] = defaultdict(list)
        self._readings: dict[str, list[Fact]] = defaultdict(list)
        for fact in facts:
            self._statements[fact_iri(fact)].append(fact)
            self._readings[fact.evidence.doc_id].append(fact)

    def statements(self) -> Iterator[tuple[URIRef, list[Fact]]]:
        yield from self._statements.items()

    def readings_of(self, doc_id: str) -> list[Fact]:
        return self._readings.get(doc_id, [])


@dataclass(frozen=True)
class _Piece:
    """Part of the corpus part that is never split between chunks: its kind ('run', 'entity'
    or 'fact'), about how many triples it adds (counted from the data: rdflib counts a
    graph's triples one by one) and what adds them."""

    kind: str
    triples: int
    add: Callable[[Graph], object]


def _entity_triples(entity: Entity) -> int:
    """About the triples ``_add_entity`` makes of ``entity``: a few of its own, one per
    alias, title and former key, and a merge's few plus one per document it comes from."""
    merged = {(m.alias, m.reason) for m in entity.merges}
    derived = {(m.alias, m.reason, m.doc_id) for m in entity.merges}
    return 6 + len(entity.aliases) + len(entity.titles) + len(entity.former_ids) + \
        5 * len(merged) + len(derived)


def _statement_triples(facts: list[Fact]) -> int:
    """About the triples ``_add_statement`` makes of one merged fact: a dozen of its own and
    its readings' roles and factualities."""
    return 12 + sum(len(fact.roles) + 1 for fact in facts)


def _add_run(graph: Graph, run: URIRef, corpus: ResolvedCorpus, model: str) -> None:
    software = ID[f"software/kg/{__version__}"]
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDF.type, SCHEMA.SoftwareApplication))
    graph.add((software, RDFS.label, Literal(f"kg {__version__}")))
    graph.add((software, SCHEMA.softwareVersion, Literal(__version__)))
    graph.add((run, RDF.type, PROV.Activity))
    graph.add((run, RDFS.label, Literal(f"kg build of {len(corpus.documents)} document(s)")))
    graph.add((run, PROV.wasAssociatedWith, software))
    graph.add((run, KG.softwareVersion, Literal(__version__)))
    graph.add((run, KG.nlpModel, Literal(model)))
    for document in corpus.documents:
        graph.add((run, PROV.used, document_iri(document.doc_id)))


def _add_entity(graph: Graph, entity: Entity) -> None:
    node = entity_iri(entity.entity_id)
    graph.add((node, _TYPE, ENTITY_CLASSES[entity.type]))
    graph.add((node, _LABEL, Literal(entity.label)))
    graph.add((node, _NAME, Literal(entity.label)))
    graph.add((node, KG.mentionCount, count_literal(len(entity.mentions))))
    for alias in entity.aliases:
        graph.add((node, _ALT_LABEL, Literal(alias)))
    for title in entity.titles:
        graph.add((node, _JOB_TITLE, Literal(title)))
    if entity.type is EntityType.PLACE:
        _add_geonames(graph, node, entity)
    _add_merges(graph, node, entity)
    for former in entity.former_ids:
        # A key a smaller corpus gave this entity ('person/sorokin' before 'Arkady Sorokin' was
        # read): links saved then still lead here.
        graph.add((entity_iri(former), _SAME_AS, node))


def _add_merges(graph: Graph, node: URIRef, entity: Entity) -> None:
    """One kg:Merge per alias and reason: why those mentions were taken to be this entity."""
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    for merge in entity.merges:
        grouped[(merge.alias, merge.reason.value)].append(merge.doc_id)
    for (alias, reason), doc_ids in sorted(grouped.items()):
        merge_node = ID[f"merge/{_digest(entity.entity_id, alias, reason)}"]
        graph.add((node, KG.merge, merge_node))
        graph.add((merge_node, _TYPE, KG.Merge))
        graph.add((merge_node, KG.alias, Literal(alias)))
        graph.add((merge_node, KG.mergedBecause, name_literal(reason)))
        graph.add((merge_node, KG.mentionCount, count_literal(len(doc_ids))))
        for doc_id in sorted(set(doc_ids)):
            graph.add((merge_node, _DERIVED_FROM, document_iri(doc_id)))


def _add_geonames(graph: Graph, node: URIRef, entity: Entity) -> None:
    """A place the offline gazetteer knows is linked to its GeoNames IRI (so kg's graph joins
    other graphs) with its ISO 3166-1 country code; names it does not know stay unlinked."""
    place = lookup(entity.label)
    if place is None or place.geonames_id is None:
        return
    graph.add((node, SCHEMA.sameAs, URIRef(f"https://sws.geonames.org/{place.geonames_id}/")))
    if place.country_code:
        graph.add((node, KG.countryCode, Literal(place.country_code)))


def _add_document(graph: Graph, document: Document) -> None:
    node = document_iri(document.doc_id)
    graph.add((node, RDF.type, SCHEMA.NewsArticle))
    graph.add((node, RDF.type, NIF.Context))
    graph.add((node, KG.sourceFile, Literal(document.source)))
    graph.add((node, DCTERMS.identifier, Literal(document.doc_id)))
    # The hash is of the original bytes (a web page's HTML, which the graph does not carry).
    sha256 = document.sha256 or hashlib.sha256(document.text.encode()).hexdigest()
    graph.add((node, KG.sha256, Literal(sha256)))
    graph.add((node, SCHEMA.encodingFormat, Literal(document.media_type)))
    graph.add((node, KG.charset, Literal(document.encoding)))
    graph.add((node, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    graph.add((node, NIF.endIndex, Literal(len(document.text), datatype=XSD.nonNegativeInteger)))
    # The text itself, so every quote can be checked against its offsets in the graph alone.
    graph.add((node, NIF.isString, Literal(document.text)))
    if document.title:
        graph.add((node, DCTERMS.title, Literal(document.title)))
        graph.add((node, SCHEMA.headline, Literal(document.title)))
    if document.date:
        graph.add((node, SCHEMA.datePublished, Literal(document.date, datatype=XSD.date)))
    if document.url:
        graph.add((node, SCHEMA.url, Literal(document.url, datatype=XSD.anyURI)))
    if document.author:
        graph.add((node, SCHEMA.author, Literal(document.author)))
    if document.site_name:
        graph.add((node, SCHEMA.publisher, Literal(document.site_name)))
    if document.language:
        graph.add((node, SCHEMA.inLanguage, Literal(document.language)))


def _add_dateline(graph: Graph, document: Document,
                  entity_at: dict[tuple[str, int, int], str]) -> None:
    """Where the story was filed (the dateline's place, as an entity) and the agency that
    stamped it, as the text names it: kg makes no organisation of a byline."""
    dateline = document.dateline
    if dateline is None:
        return
    node = document_iri(document.doc_id)
    place = entity_at.get((document.doc_id, dateline.place_start, dateline.place_end))
    if place is not None:
        graph.add((node, SCHEMA.locationCreated, entity_iri(place)))
    if dateline.agency:
        graph.add((node, SCHEMA.sourceOrganization, Literal(dateline.agency)))


def _add_span(graph: Graph, doc_id: str, start: int, end: int, kind: URIRef,
              quote: str | None = None,
              written: set[tuple[int, int, URIRef, str | None]] | None = None) -> URIRef:
    """A NIF offset string; ``quote`` (its words) only for a trigger, so the document's text
    is not written a second time sentence by sentence. ``written``: the spans of this
    document already in ``graph``, which are not added again (a sentence's span was added
    once for each of its readings: a tenth of a document part's triples added, each a
    no-op for the graph, which holds a triple once; issue 14)."""
    node = span_iri(doc_id, start, end)
    if written is not None:
        if (start, end, kind, quote) in written:
            return node
        written.add((start, end, kind, quote))
    graph.add((node, _TYPE, kind))
    graph.add((node, _TYPE, NIF.OffsetBasedString))
    graph.add((node, NIF.beginIndex, offset_literal(start)))
    graph.add((node, NIF.endIndex, offset_literal(end)))
    if quote is not None:
        graph.add((node, NIF.anchorOf, Literal(quote)))
    graph.add((node, NIF.referenceContext, document_iri(doc_id)))
    return node


def span_quote(graph: Graph, span: Node | None) -> str | None:
    """The words of a span: its ``nif:anchorOf`` if it has one, else its document's text
    (``nif:isString`` of its ``nif:referenceContext``) between its offsets. None when the
    graph lacks a part or the offsets do not fit the text."""
    if span is None:
        return None
    # The least of two quotes or texts (a violation of its own): the same whatever the order.
    quote = min(graph.objects(span, NIF.anchorOf), default=None)
    if quote is not None:
        return str(quote)
    document = graph.value(span, NIF.referenceContext)
    text = min(graph.objects(document, NIF.isString), default=None) \
        if document is not None else None
    begin, end = graph.value(span, NIF.beginIndex), graph.value(span, NIF.endIndex)
    if text is None or begin is None or end is None:
        return None
    try:
        begin_at, end_at = int(begin), int(end)
    except (TypeError, ValueError):
        return None
    if not 0 <= begin_at <= end_at <= len(str(text)):
        return None
    return str(text)[begin_at:end_at]


def _role_value(role_entity_id: str | None) -> URIRef | None:
    return entity_iri(role_entity_id) if role_entity_id else None


def _time_literals(value: str | None, text: str) -> Iterable[tuple[URIRef, Literal]]:
    if value and "/" not in value and len(value) in DATE_TYPES:  # '2010/..' is no gYearMonth
        yield KG.time, Literal(value, datatype=DATE_TYPES[len(value)])
    yield KG.timeText, Literal(text)


def _add_statement(graph: Graph, node: URIRef, facts: list[Fact],
                   labels: Mapping[str, str], declared: set[URIRef] | None = None) -> None:
    """The merged fact ``node`` (``labels``: the entities' by id); a predicate outside the
    vocabulary is declared with it unless it is in ``declared`` (those already declared in an
    earlier chunk), which it joins."""
    first = facts[0]
    subject = entity_iri(first.subject.entity_id or "")
    predicate = predicate_iri(first.predicate)
    if predicate.startswith(str(KGV)) and (declared is None or predicate not in declared):
        if declared is not None:
            declared.add(predicate)
        graph.add((predicate, _TYPE, _OBJECT_PROPERTY))
        graph.add((predicate, _SUBPROPERTY, KG.relatedTo))
        graph.add((predicate, _LABEL, Literal(first.predicate.replace("_", " "), lang="en")))
    spec = load_vocabulary().spec(first.lemma)
    if spec is not None and spec.action and spec.predicate == first.predicate:
        graph.add((node, _TYPE, SCHEMA[spec.action]))
    graph.add((node, _PREDICATE, predicate))
    graph.add((node, KG.verbLemma, name_literal(first.lemma)))
    subject_label = labels[first.subject.entity_id or ""]
    if first.object is None:
        # One participant and no object: no direct triple, the roles say who took part.
        graph.add((node, _TYPE, KG.Occurrence))
        graph.add((node, ROLE_PROPERTIES[first.subject.name], subject))
        label = f"{subject_label} {first.predicate}" if first.subject.name is RoleName.AGENT \
            else f"(someone) {first.predicate} {subject_label}"
    else:
        obj = entity_iri(first.object.entity_id or "")
        _add_direct_triple(graph, first)
        graph.add((node, _TYPE, _STATEMENT))
        graph.add((node, _SUBJECT, subject))
        graph.add((node, _OBJECT, obj))
        graph.add((node, KG.agent, subject))
        graph.add((node, KG.theme, obj))
        former = "former " if first.position_ended else ""
        role = f" (as {former}{first.role_name})" if first.role_name else ""
        label = f"{subject_label} {first.predicate} " \
                f"{labels[first.object.entity_id or '']}{role}"
    if first.role_name:
        graph.add((node, KG.roleName, Literal(first.role_name)))
    if first.position_ended:
        graph.add((node, KG.positionEnded, Literal(True)))
    graph.add((node, _LABEL, Literal(label)))
    for fact in facts:
        for role in fact.roles:
            if role.name is RoleName.TIME:
                for prop, literal in _time_literals(role.normalized, role.mention.text):
                    graph.add((node, prop, literal))
            elif (value := _role_value(role.entity_id)) is not None:
                graph.add((node, ROLE_PROPERTIES[role.name], value))
        graph.add((node, KG.factuality, name_literal(fact.evidence.factuality.value)))
    confidence = max(f.evidence.confidence for f in facts)
    graph.add((node, KG.confidence, decimal_literal(confidence)))
    graph.add((node, KG.supportCount, count_literal(len({f.evidence.doc_id for f in facts}))))


def _add_direct_triple(graph: Graph, fact: Fact) -> None:
    """'subject predicate object' between entities (both ways for a symmetric predicate);
    an occurrence has none."""
    if fact.object is None:
        return
    subject = entity_iri(fact.subject.entity_id or "")
    obj = entity_iri(fact.object.entity_id or "")
    predicate = predicate_iri(fact.predicate)
    graph.add((subject, predicate, obj))
    if fact.predicate in load_vocabulary().symmetric_predicates:
        graph.add((obj, predicate, subject))


def _add_evidence(graph: Graph, statement: URIRef, fact: Fact,
                  sentence: Sentence | SentenceSpan, run: URIRef,
                  spans: set[tuple[int, int, URIRef, str | None]] | None = None) -> None:
    """One reading's evidence; ``spans``: those already in ``graph`` (``_add_span``)."""
    e = fact.evidence
    node = evidence_iri(fact)
    _add_direct_triple(graph, fact)
    graph.add((statement, KG.evidence, node))
    graph.add((node, _TYPE, KG.Evidence))
    graph.add((node, _TYPE, _ENTITY))
    graph.add((node, _DERIVED_FROM, document_iri(e.doc_id)))
    graph.add((node, _GENERATED_BY, run))
    sentence_node = _add_span(graph, e.doc_id, sentence.start, sentence.end, NIF.Sentence,
                              written=spans)
    graph.add((node, KG.sentence, sentence_node))
    trigger = _add_span(graph, e.doc_id, e.trigger_start, e.trigger_end, NIF.Phrase,
                        quote=e.trigger, written=spans)
    graph.add((trigger, NIF.sentence, sentence_node))
    graph.add((node, KG.trigger, trigger))
    if e.clause_start is not None and e.clause_end is not None:
        clause = _add_span(graph, e.doc_id, e.clause_start, e.clause_end, NIF.Phrase,
                           written=spans)
        graph.add((clause, NIF.sentence, sentence_node))
        graph.add((node, KG.clause, clause))
    graph.add((node, KG.extractionRule, name_literal(e.rule)))
    graph.add((node, KG.confidence, decimal_literal(e.confidence)))
    graph.add((node, KG.factuality, name_literal(e.factuality.value)))
    if e.attributed_entity_id:
        graph.add((node, KG.attributedTo, entity_iri(e.attributed_entity_id)))


def union_graph(dataset: Dataset) -> Graph:
    """All quads as one graph, for single-graph formats (Turtle, JSON-LD, N-Triples) and
    SHACL. The graph is kept in rdflib's SimpleMemory store, which has no named graphs to
    book-keep: each distinct triple is read once from the dataset's store and added about
    three times faster than to the default store (the same triples either way)."""
    graph = Graph(store="SimpleMemory")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.addN((s, p, o, graph) for (s, p, o), _ in dataset.store.triples((None, None, None)))
    return graph
