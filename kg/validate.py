"""Check a graph against the SHACL shapes and explain each violation in words.

pyshacl-turbo does the checking (pyshacl on request); this module adds what a reader needs to
act on a violation: the fact's label and the sentence it was read from (sliced from its
document's text), looked up in the data graph itself.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD, NamespaceManager
from rdflib.term import Node
from rdflib.util import from_n3

from kg.diskindex import DiskIndex
from kg.graphfile import quiet_literal_warnings
from kg.namespaces import KG, NIF, PREFIXES, PROV, SCHEMA
from kg.parttriples import PartTriples
from kg.rdf import span_quote

if TYPE_CHECKING:
    from pyshacl_turbo import CompiledShapes


@dataclass(frozen=True)
class Violation:
    focus: str
    label: str
    path: str | None
    message: str
    sentence: str | None
    source: str | None

    def describe(self) -> str:
        where = f' (from "{self.sentence}" in {self.source})' if self.sentence else \
            f" (in {self.source})" if self.source else ""
        path = f" [{self.path}]" if self.path else ""
        return f"{self.label}{path}: {self.message}{where}"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]

    def describe(self) -> str:
        if self.conforms:
            return "conforms to the kg shapes"
        lines = [f"{len(self.violations)} violation(s) of the kg shapes:"]
        lines += [f"  - {v.describe()}" for v in self.violations]
        return "\n".join(lines)


def shapes_path() -> Path:
    """The shapes shipped in the wheel (kg/shapes), or the repository's shapes/ folder."""
    packaged = Path(str(resources.files("kg"))) / "shapes"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "shapes"


@cache
def load_shapes() -> Graph:
    graph = Graph()
    for file in sorted(shapes_path().glob("*.ttl")):
        graph.parse(file, format="turtle")
    return graph


ENGINES = ("turbo", "pyshacl")


def validate_graph(data: Graph, engine: str = "turbo") -> ValidationReport:
    """Check ``data`` against kg's shapes. The engine is pyshacl-turbo (a Rust SHACL engine
    with pyshacl's API), which gives the same report as pyshacl on kg's shapes
    (tests/test_validate.py checks every shape and a broken variant of each constraint with
    both) and validates a million triples in about half a minute of CPU where pyshacl needs
    minutes; ``engine="pyshacl"`` runs pyshacl itself."""
    if engine not in ENGINES:
        raise ValueError(f"unknown SHACL engine {engine!r}; one of {', '.join(ENGINES)}")
    return _check(data, engine)


def _check(data: Graph, engine: str = "turbo",
           keep: Callable[[str], bool] | None = None) -> ValidationReport:
    """Validate ``data``, keeping only the violations whose focus node ``keep`` accepts
    (default: all)."""
    not_numbers = not_a_number_triples(data)
    checked = data
    # pyshacl cannot compare NaN decimals (decimal.InvalidOperation): check without them; and
    # it needs a context-aware store, which kg's union graph (SimpleMemory) is not.
    if not_numbers or (engine == "pyshacl" and not data.store.context_aware):
        checked = Graph()
        skipped = set(not_numbers)
        checked.addN((s, p, o, checked) for s, p, o in data if (s, p, o) not in skipped)
    conforms, results = _run_engine(checked, engine)
    kept = [r for r in _results(results)
            if keep is None or keep(str(results.value(r, SH.focusNode)))]
    found = [_explain(data, results, r) for r in kept]
    found += quote_violations(data)
    found += [_not_a_number(data, triple) for triple in not_numbers]
    if keep is not None:
        found = [v for v in found if keep(v.focus)]
        conforms = not found
    violations = sorted(found, key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(conforms=bool(conforms) and not violations,
                            violations=tuple(violations))


_EVIDENCE_STAND_IN = URIRef("urn:kg:check:evidence")
"""The one kg:Evidence the corpus chunks' final check links for every evidence node that is
one (``PartValidation.report``)."""


class PartValidation:
    """Validate a graph part by part, with the report validating the whole gives.

    The parts are ``kg.rdf.GraphParts``': the corpus part (the default graph, in chunks that
    share no triple) and one part per document (its named graph), so a build never holds the
    whole graph to check it. The shapes reach across parts in a few places only, and each part
    is given that context: a document's evidence names the run (``sh:class prov:Activity``: the
    run's type is added) and a violation is explained with its fact's label (the labels of the
    facts it supports are added); a fact needs its evidence (``sh:minCount``, ``sh:class
    kg:Evidence``: each corpus chunk gets its facts' ``kg:evidence`` links and their evidence
    nodes' types, collected while the documents are checked). A part reports only focus nodes
    it owns (the corpus part: the subjects of the default graph; a document part: the others),
    so the context added to a part is never reported twice. A fact's violation quotes the
    sentence of its first evidence, collected while the documents go by.

    Use: ``add_corpus`` each corpus chunk, then ``add_document`` each document part, then
    ``report``, which checks the corpus chunks last: the ones ``add_corpus`` was given, kept
    on disk meanwhile (``_SpilledChunks``), so they are made once and never all in memory.
    """

    def __init__(self, engine: str = "turbo") -> None:
        self.engine = engine
        self.chunks = _SpilledChunks()
        self.runs: list[tuple[Node, Node, Node]] = []
        # on disk: they grow with the corpus part, and the forked workers read them
        self.context = CorpusContext()
        self.links = _EvidenceLinks()  # on disk: they grow with every reading
        self.violations: list[Violation] = []

    def _owned(self, focus: str) -> bool:
        return self.context.owns(focus)

    def add_corpus(self, chunk: Graph | PartTriples) -> None:
        """Note what the document parts need from a corpus chunk and keep it for ``report``
        to check: the chunk as it is now (later changes to it are not seen). A chunk of
        plain triples (``kg.rdf.GraphParts.corpus_chunks``) is checked without an rdflib
        graph unless it has a violation to explain."""
        self.chunks.add(chunk)
        self.context.add(chunk)
        self.runs += [(run, RDF.type, PROV.Activity)
                      for run in chunk.subjects(RDF.type, PROV.Activity)]

    def add_document(self, part: Graph) -> None:
        """Check one document's part (or several documents' parts in one graph) and keep what
        the corpus part needs from it. The part is this object's from then on: the context is
        added to it rather than to a copy, so pass a graph you no longer need."""
        self.add_checked(self.check_document(part))

    def check_document(self, part: Graph) -> CheckedPart:
        """``add_document``'s work on one part, changing nothing here: what ``add_checked``
        keeps. A forked worker that inherited this object (its corpus context) runs it, so
        document parts are checked in parallel (``kg.graphstream``)."""
        links = list(part.triples((None, KG.evidence, None)))
        typed = {evidence for _, _, evidence in links
                 if (evidence, RDF.type, KG.Evidence) in part}
        quotes: dict[Node, tuple[Node, str, str | None]] = {}
        for statement, _, evidence in links:
            _note_quote(quotes, part, statement, evidence)
        checked = _bound(part)
        checked.addN((s, p, o, checked) for s, p, o in self.runs)
        for statement in {s for s, _, _ in links}:
            checked.addN((statement, RDFS.label, label, checked)
                         for label in self.context.labels_of(statement))
        report = _check(checked, self.engine, keep=lambda focus: not self._owned(focus))
        return CheckedPart(links=tuple((s, e) for s, _, e in links), typed=frozenset(typed),
                           quotes=quotes, violations=report.violations)

    def check_triples(self, part: PartTriples) -> CheckedPart:
        """``check_document`` on a part made as plain triples, with the same result, without
        an rdflib graph when the part holds no violation: the engine is given the triples
        directly and the quote and number checks read the same list. A part the engine, the
        quotes or the numbers find fault with is checked again as a graph by
        ``check_document``, whose report explains each violation (issue 14)."""
        links = part.with_predicate(KG.evidence)
        typed = {evidence for _, _, evidence in links
                 if (evidence, RDF.type, KG.Evidence) in part}
        quotes: dict[Node, tuple[Node, str, str | None]] = {}
        for statement, _, evidence in links:
            _note_quote(quotes, part, statement, evidence)
        context = [*self.runs]
        for statement in {s for s, _, _ in links}:
            context += [(statement, RDFS.label, label)
                        for label in self.context.labels_of(statement)]
        if not _holds(part, context, self.engine, keep=lambda focus: not self._owned(focus)):
            return self.check_document(part.graph())
        return CheckedPart(links=tuple((s, e) for s, _, e in links), typed=frozenset(typed),
                           quotes=quotes, violations=())

    def add_checked(self, checked: CheckedPart) -> None:
        """Keep what the corpus part needs from a checked document part, and its violations
        (in document order, as ``add_document`` takes the parts)."""
        self.links.add(checked)
        self.violations += checked.violations

    def report(self) -> ValidationReport:
        """The report on the whole: every document part's violations and the corpus part's."""
        found: list[Violation] = []
        for chunk in self.chunks:
            found += self._chunk_violations(chunk)
        violations = sorted([*self.violations, *found],
                            key=lambda v: (v.focus, v.path or "", v.message))
        return ValidationReport(conforms=not violations, violations=tuple(violations))

    def _chunk_violations(self, chunk: Graph | PartTriples) -> list[Violation]:
        """A kept corpus chunk's violations, checked with its facts' evidence links. A chunk
        of plain triples the engine, the numbers and the quotes find nothing in is done
        without a graph (``_holds``); one with a fault is made a graph and checked as a
        graph chunk is, so the report is the same either way (issue 14)."""
        links: list[tuple[Node, Node, Node]] = []
        for statement in set(chunk.subjects(unique=True)):
            for evidence, typed in self.links.evidence_of(statement):
                # A fact needs one link or more, each to a kg:Evidence: the evidence it
                # links that is one stands in as one node (typed, not owned: the engine
                # reports it alone as a focus without its own triples, and it is
                # dropped), the others are checked as they are. Linking every typed
                # evidence made a report of each as a focus, one line per missing
                # property: most of the memory and time of this check at 1,000 articles.
                links.append((statement, KG.evidence,
                              _EVIDENCE_STAND_IN if typed else evidence))
        links.append((_EVIDENCE_STAND_IN, RDF.type, KG.Evidence))
        if isinstance(chunk, PartTriples):
            if _holds(chunk, links, self.engine, keep=self._owned):
                return []
            chunk = chunk.graph()
        checked = _bound(chunk)
        for triple in links:
            checked.add(triple)
        return [self._quoted(v) for v in _check(checked, self.engine, keep=self._owned).violations]

    def _quoted(self, violation: Violation) -> Violation:
        if violation.sentence is not None or (noted := self.links.quote_of(
                URIRef(violation.focus))) is None:
            return violation
        quote, source = noted
        return replace(violation, sentence=" ".join(quote.split()), source=source)


class _SpilledChunks:
    """The corpus chunks, in the order added, pickled one after another into an anonymous
    temporary file until the final check reads them back one at a time (issue 14). Made
    twice, once to be written and once again to be checked, they cost about 30% of the
    write; held, they would grow with the corpus. A graph pickles as its store's indices
    (rdflib's SimpleMemory: nested dicts, each term once per chunk), which unpickle without
    the node checks of ``Graph.add`` and in the same order, so the check sees the triples it
    would have seen in a chunk made again; a chunk of plain triples (a build's) pickles as
    its triples in order and is made again from them. A worker forked later inherits the
    file but never touches it."""

    def __init__(self) -> None:
        # open for this object's life: unlinked already, the file goes when it is closed
        self._file = tempfile.TemporaryFile(prefix="kg-chunks-")  # noqa: SIM115

    def add(self, chunk: Graph | PartTriples) -> None:
        self._file.seek(0, os.SEEK_END)  # after a reading, whole or abandoned
        pickle.dump(chunk, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[Graph | PartTriples]:
        """The chunks added, each a new graph (or plain triples); the file is read from its
        start each time."""
        self._file.flush()
        end = os.fstat(self._file.fileno()).st_size
        offset = 0
        while offset < end:
            self._file.seek(offset)
            chunk = pickle.load(self._file)
            offset = self._file.tell()
            yield chunk


class CorpusContext:
    """What a document part's check needs from the corpus part, in a SQLite file
    (``kg.diskindex``) the forked workers read: which nodes the corpus part owns (the
    subjects of the default graph, as strings: a focus it owns is its to report) and every
    labelled node's labels (a violation is explained with its fact's label). In a set and a
    dict they grew with the corpus part and every worker held a copy (issue 14). Each chunk
    added is committed, so a worker forked after it reads it."""

    def __init__(self) -> None:
        self._index = DiskIndex(_CONTEXT_TABLES, prefix="kg-context-")

    def add(self, chunk: Graph | PartTriples) -> None:
        self._index.add("INSERT OR IGNORE INTO owned VALUES (?)",
                        ((str(node),) for node in chunk.subjects(unique=True)))
        self._index.add("INSERT INTO labels VALUES (?, ?, ?, ?)",
                        ((node.n3(), *_label_columns(label))
                         for node, label in chunk.subject_objects(RDFS.label)))
        self._index.commit()

    def owns(self, focus: str) -> bool:
        return bool(self._index.rows("SELECT 1 FROM owned WHERE node = ?", (focus,)))

    def labels_of(self, node: Node) -> list[Node]:
        """``node``'s labels in the order the chunks gave them."""
        return [_label_node(*row) for row in self._index.rows(
            "SELECT value, language, datatype FROM labels WHERE node = ? ORDER BY rowid",
            (node.n3(),))]


def _label_columns(label: Node) -> tuple[str, str | None, str | None]:
    """A label as its text, language and datatype (a literal, rebuilt exactly by
    ``_label_node``); another node as its N3, with neither (datatype '' marks it)."""
    if isinstance(label, Literal):
        datatype = str(label.datatype) if label.datatype is not None else None
        return str(label), label.language, datatype
    return label.n3(), None, ""


def _label_node(value: str, language: str | None, datatype: str | None) -> Node:
    if datatype == "":
        return from_n3(value)
    return Literal(value, lang=language, datatype=URIRef(datatype) if datatype else None)


_CONTEXT_TABLES = """
CREATE TABLE owned (node TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE labels (node TEXT NOT NULL, value TEXT NOT NULL, language TEXT, datatype TEXT);
CREATE INDEX labels_of ON labels (node);
"""


class _EvidenceLinks:
    """What the corpus part's check needs from the document parts, kept in a SQLite file in
    a private temporary folder (issue 14: held in dicts, it grew with every reading of the
    corpus, ~30 MB at 1,000 articles): each fact's evidence links, which evidence nodes are
    typed kg:Evidence (in any part), and the quote a fact's violation would use (the sentence
    of its first evidence, in IRI order, with one). Nodes are kept in N3 (``Node.n3``)."""

    def __init__(self) -> None:
        self._index = DiskIndex(_LINK_TABLES, prefix="kg-checks-")

    def add(self, checked: CheckedPart) -> None:
        self._index.add("INSERT INTO links VALUES (?, ?)",
                        ((s.n3(), e.n3()) for s, e in checked.links))
        self._index.add("INSERT OR IGNORE INTO typed VALUES (?)",
                        ((e.n3(),) for e in checked.typed))
        self._index.add(
            "INSERT INTO quotes VALUES (?, ?, ?, ?) ON CONFLICT (statement) DO UPDATE SET "
            "evidence = excluded.evidence, quote = excluded.quote, source = excluded.source "
            "WHERE excluded.evidence < quotes.evidence",
            ((s.n3(), str(e), quote, source) for s, (e, quote, source) in checked.quotes.items()))

    def evidence_of(self, statement: Node) -> list[tuple[Node, bool]]:
        """The evidence ``statement`` links to, in the order linked, each with whether it is
        typed kg:Evidence."""
        rows = self._index.rows(
            "SELECT links.evidence, typed.evidence IS NOT NULL FROM links LEFT JOIN typed "
            "ON typed.evidence = links.evidence WHERE statement = ? ORDER BY links.rowid",
            (statement.n3(),))
        return [(from_n3(evidence), bool(typed)) for evidence, typed in rows]

    def quote_of(self, statement: Node) -> tuple[str, str | None] | None:
        rows = self._index.rows("SELECT quote, source FROM quotes WHERE statement = ?",
                                (statement.n3(),))
        return (rows[0][0], rows[0][1]) if rows else None


# Evidence compared as ``str(node)`` (UTF-8 bytes sort as Python sorts the strings).
_LINK_TABLES = """
CREATE TABLE links (statement TEXT NOT NULL, evidence TEXT NOT NULL);
CREATE INDEX links_of ON links (statement);
CREATE TABLE typed (evidence TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE quotes (statement TEXT PRIMARY KEY, evidence TEXT NOT NULL, quote TEXT NOT NULL,
                     source TEXT) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class CheckedPart:
    """What checking one document part gives the corpus part's check: its facts' evidence
    links, which evidence nodes are typed kg:Evidence, the quote each fact's violation would
    use (the sentence of its first evidence here with one) and the part's own violations."""

    links: tuple[tuple[Node, Node], ...]
    typed: frozenset[Node]
    quotes: dict[Node, tuple[Node, str, str | None]]
    violations: tuple[Violation, ...]


def _note_quote(quotes: dict[Node, tuple[Node, str, str | None]], part: Graph, statement: Node,
                evidence: Node) -> None:
    """The sentence a violation of ``statement`` quotes: that of its first evidence (in IRI
    order) with a quotable sentence, as ``_sentence_behind`` finds it in the whole."""
    best = quotes.get(statement)
    if best is not None and str(best[0]) <= str(evidence):
        return
    quote = span_quote(part, part.value(evidence, KG.sentence))
    if quote is not None:
        source = _source_file(part, part.value(evidence, PROV.wasDerivedFrom))
        quotes[statement] = (evidence, quote, source)


def _holds(part: PartTriples, context: list[tuple[Node, Node, Node]], engine: str,
           keep: Callable[[str], bool]) -> bool:
    """Whether ``part`` with ``context`` added has nothing to report: no number that is not
    one, no quote or offsets at odds with its text, and no result of the engine's on a focus
    node ``keep`` accepts (pyshacl-turbo's, given the triples as its own input; any other
    engine is not asked: False)."""
    if engine != "turbo" or not_a_number_triples(part) or _misquoted_spans(part):
        return False
    from pyshacl_turbo.rdf import Input
    from pyshacl_turbo.term_input import _TermBatch
    nodes: dict[str, Node] = {}
    batch = _TermBatch(nodes)
    for s, p, o in part:
        batch.append(s, p, o)
    for triple in dict.fromkeys(context):
        if triple not in part:
            batch.append(*triple)
    data = Input((batch.records, batch.quads), "terms", None, nodes,
                 dict(_kg_namespaces().namespaces()))
    _, results = _run_engine(data, engine)
    return not any(keep(str(results.value(result, SH.focusNode)))
                   for result in _results(results))


def _bound(graph: Graph) -> Graph:
    """``graph`` with kg's prefixes (a violation's path reads 'kg:evidence'), given by one
    namespace manager shared by every part checked. A graph's own manager refers back to
    the graph, a cycle only Python's cycle collector frees: every part checked stayed in
    memory until it ran, a few chunks of the corpus part at a time (tens of MB at 1,000
    articles). The shared one refers to none of them, so a part is freed when dropped."""
    graph.namespace_manager = _kg_namespaces()
    return graph


def _run_engine(data: Graph, engine: str) -> tuple[bool, Graph]:
    """The engine's verdict on ``data`` and its report graph."""
    with quiet_literal_warnings():
        if engine == "turbo":
            # what pyshacl_turbo.validate does, less compiling the shapes again each call
            conforms, results, _ = _compiled_shapes().validate(
                data, allow_warnings=True, _normalize_report_literals=True)
        else:
            from pyshacl import validate
            conforms, results, _ = validate(data, shacl_graph=load_shapes(), inference="none",
                                            advanced=True, allow_warnings=True)
    return bool(conforms), results


@cache
def _compiled_shapes() -> CompiledShapes:
    """kg's shapes compiled for pyshacl-turbo once in a process. Its ``validate`` compiles
    the shapes graph on every call (they are read into its terms and made canonical: ~1 ms,
    more than checking a small part), and a build checks a part per document and per corpus
    chunk (issue 14). Not made before a fork: each worker compiles its own."""
    from pyshacl_turbo import compile_shapes
    return compile_shapes(load_shapes(), advanced=True)


@cache
def _kg_namespaces() -> NamespaceManager:
    """rdflib's usual prefixes and kg's, bound as a graph of kg's own would bind them."""
    holder = Graph()
    for prefix, namespace in PREFIXES.items():
        holder.bind(prefix, namespace)
    return holder.namespace_manager


def _results(report: Graph) -> list[Node]:
    """The report's validation results, found by type and as objects of sh:result."""
    return sorted(set(report.subjects(RDF.type, SH.ValidationResult)) |
                  set(report.objects(None, SH.result)), key=str)


def not_a_number_triples(data: Graph) -> list[tuple[Node, Node, Node]]:
    """Triples whose object is an xsd:decimal rdflib read as NaN or infinity ("NaN" is not
    in xsd:decimal's lexical space, but Python's Decimal accepts it)."""
    # Only an xsd:decimal literal reads as a Decimal: its datatype is compared first, so the
    # value of every other literal (a date, a document's text) is not looked at (issue 14).
    decimal = XSD.decimal  # rdflib's namespace lookup once, not once per literal
    return sorted(triple for triple in data if isinstance(triple[2], Literal)
                  and triple[2].datatype == decimal
                  and isinstance(triple[2].value, Decimal) and not triple[2].value.is_finite())


def _not_a_number(data: Graph, triple: tuple[Node, Node, Node]) -> Violation:
    focus, path, value = triple
    sentence, source = _sentence_behind(data, focus)
    return Violation(focus=str(focus), label=_label(data, focus), path=_short(data, path),
                     message=f'"{value}" is not a number (xsd:decimal).',
                     sentence=" ".join(sentence.split()) if sentence else None, source=source)


QUOTE_MESSAGE = "The quote (nif:anchorOf) is not the document text between its offsets."
OFFSETS_MESSAGE = "The offsets lie outside the document text (nif:isString)."


def quote_violations(data: Graph) -> list[Violation]:
    """Every span's offsets must lie in its document's text, and a span's quote, where it has
    one, must be that text between them. These are the rules in shapes/extra/quotes.ttl,
    checked here in one pass: as SHACL-SPARQL constraints pyshacl runs one query per span,
    which takes minutes on a few hundred articles."""
    return [_span_violation(data, span, message) for span, message in _misquoted_spans(data)]


def _misquoted_spans(data: Graph | PartTriples) -> list[tuple[Node, str]]:
    """``quote_violations``' spans and messages, unexplained (a ``PartTriples`` can tell
    whether there are any; explaining one needs a graph)."""
    # A node with two texts or quotes (a shape violation of its own) is checked with the least
    # of them, so the report is the same whatever order the store gives them in.
    texts: dict[Node, str] = {}
    for doc, text in data.subject_objects(NIF.isString):
        texts[doc] = min(texts.get(doc, str(text)), str(text))
    found: list[tuple[Node, str]] = []
    for span, document in data.subject_objects(NIF.referenceContext):
        begin, end = data.value(span, NIF.beginIndex), data.value(span, NIF.endIndex)
        if document not in texts or begin is None or end is None:
            continue  # missing parts are the shapes' to report
        try:
            begin_at, end_at = int(begin), int(end)
        except (TypeError, ValueError):
            continue
        text, quote = texts[document], min(data.objects(span, NIF.anchorOf), default=None)
        if quote is not None:
            if text[begin_at:end_at] != str(quote):
                found.append((span, QUOTE_MESSAGE))
        elif 0 <= begin_at < end_at and end_at > len(text):
            # (negative or reversed offsets are the shapes' to report)
            found.append((span, OFFSETS_MESSAGE))
    return found


def _span_violation(data: Graph, span: Node, message: str) -> Violation:
    sentence, source = _sentence_behind(data, span)
    return Violation(focus=str(span), label=_label(data, span), path=None, message=message,
                     sentence=" ".join(sentence.split()) if sentence else None, source=source)


def _explain(data: Graph, results: Graph, result: Node) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    message = results.value(result, SH.resultMessage)
    sentence, source = _sentence_behind(data, focus)
    return Violation(
        focus=str(focus), label=_label(data, focus), path=_short(data, path),
        message=str(message) if message else "violates a shape",
        sentence=" ".join(sentence.split()) if sentence else None, source=source,
    )


def _label(data: Graph, focus: Node | None) -> str:
    """The focus node's own label, else the label of the fact it is evidence (or a span) of."""
    # The least of two labels (a violation of its own): the same whatever the store's order.
    label = min(data.objects(focus, RDFS.label), default=None) if focus is not None else None
    if label is not None:
        return f'"{label}" <{focus}>'
    facts = sorted(str(fact_label) for fact in _facts_behind(data, focus)
                   if (fact_label := min(data.objects(fact, RDFS.label), default=None))
                   is not None)
    return f'<{focus}> (of fact "{facts[0]}")' if facts else f"<{focus}>"


def _facts_behind(data: Graph, focus: Node | None) -> list[Node]:
    """Statements whose evidence is ``focus`` or points at ``focus`` as sentence or trigger."""
    if focus is None:
        return []
    evidence = {focus} | set(data.subjects(KG.sentence, focus)) | \
        set(data.subjects(KG.trigger, focus))
    return sorted({fact for item in evidence for fact in data.subjects(KG.evidence, item)})


def _sentence_behind(data: Graph, focus: Node | None) -> tuple[str | None, str | None]:
    """Follow statement -> evidence -> sentence, or evidence -> sentence, to a quote; a span
    (sentence or trigger) quotes its own sentence."""
    if focus is None:
        return None, None
    if (focus, RDF.type, SCHEMA.NewsArticle) in data:
        return None, _source_file(data, focus)
    if (focus, RDF.type, NIF.Sentence) in data or (focus, RDF.type, NIF.Phrase) in data:
        sentence = focus if (focus, RDF.type, NIF.Sentence) in data else \
            data.value(focus, NIF.sentence)
        return span_quote(data, sentence), \
            _source_file(data, data.value(focus, NIF.referenceContext))
    evidence = [focus] if (focus, RDF.type, KG.Evidence) in data else \
        sorted(data.objects(focus, KG.evidence))
    for item in evidence:
        quote = span_quote(data, data.value(item, KG.sentence))
        if quote is not None:
            return quote, _source_file(data, data.value(item, PROV.wasDerivedFrom))
    return None, None


def _source_file(data: Graph, document: Node | None) -> str | None:
    source = data.value(document, KG.sourceFile) if document is not None else None
    return str(source) if source is not None else None


def _short(data: Graph, node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        try:
            return data.namespace_manager.normalizeUri(node)
        except (ValueError, KeyError):
            return str(node)
    return str(node)
