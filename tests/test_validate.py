"""SHACL validation: good graphs conform, each kind of damage is caught and explained in words."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import SH

from kg import namespaces as ns
from kg.namespaces import ID, KG, NIF, PREFIXES, PROV, RDF, RDFS
from kg.rdf import union_graph
from kg.validate import (
    PartValidation,
    ValidationReport,
    _SpilledChunks,
    load_shapes,
    shapes_path,
    validate_graph,
)

DOC = ID["doc/00000000000000aa"]
RUN = ID["run/0000000000000001"]
SOFTWARE = ID["software/kg/test"]
PUTIN = ID["person/vladimir-putin"]
RIFLE = ID["thing/rifle"]
FACT = ID["fact/0000000000000001"]
EVIDENCE = ID["evidence/0000000000000001"]
QUOTE = "Putin gave Kim\na rifle."
SENTENCE = URIRef(f"{DOC}#char=0,{len(QUOTE)}")
TRIGGER = URIRef(f"{DOC}#char=6,10")
LABEL = "Vladimir Putin gave rifle"


def _nni(value: int) -> Literal:
    return Literal(value, datatype=ns.XSD.nonNegativeInteger)


def good_graph() -> Graph:
    """The smallest graph of the shape kg writes: one document, one fact, one reading."""
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    g.add((SOFTWARE, RDF.type, PROV.SoftwareAgent))
    g.add((RUN, RDF.type, PROV.Activity))
    g.add((RUN, KG.softwareVersion, Literal("0.1.0")))
    g.add((RUN, KG.nlpModel, Literal("en_core_web_sm 3.8.0")))
    g.add((RUN, PROV.wasAssociatedWith, SOFTWARE))
    g.add((DOC, RDF.type, ns.SCHEMA.NewsArticle))
    g.add((DOC, KG.sourceFile, Literal("gift.txt")))
    g.add((DOC, KG.sha256, Literal("ab" * 32)))
    g.add((DOC, NIF.isString, Literal(QUOTE)))
    for node, label, cls in ((PUTIN, "Vladimir Putin", ns.SCHEMA.Person),
                             (RIFLE, "rifle", ns.SCHEMA.Thing)):
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
    g.add((PUTIN, KG.gave, RIFLE))
    g.add((FACT, RDF.type, RDF.Statement))
    g.add((FACT, RDF.subject, PUTIN))
    g.add((FACT, RDF.predicate, KG.gave))
    g.add((FACT, RDF.object, RIFLE))
    g.add((FACT, RDFS.label, Literal(LABEL)))
    g.add((FACT, KG.evidence, EVIDENCE))
    g.add((FACT, KG.confidence, Literal("0.80", datatype=ns.XSD.decimal)))
    g.add((FACT, KG.supportCount, Literal(1)))
    g.add((EVIDENCE, RDF.type, KG.Evidence))
    g.add((EVIDENCE, PROV.wasDerivedFrom, DOC))
    g.add((EVIDENCE, PROV.wasGeneratedBy, RUN))
    g.add((EVIDENCE, KG.sentence, SENTENCE))
    g.add((EVIDENCE, KG.trigger, TRIGGER))
    g.add((EVIDENCE, KG.extractionRule, Literal("nsubj/dobj")))
    g.add((EVIDENCE, KG.confidence, Literal("0.80", datatype=ns.XSD.decimal)))
    g.add((EVIDENCE, KG.factuality, Literal("asserted")))
    for span, kind, begin, end in ((SENTENCE, NIF.Sentence, 0, len(QUOTE)),
                                   (TRIGGER, NIF.Phrase, 6, 10)):
        g.add((span, RDF.type, kind))
        g.add((span, NIF.beginIndex, _nni(begin)))
        g.add((span, NIF.endIndex, _nni(end)))
        g.add((span, NIF.anchorOf, Literal(QUOTE[begin:end])))
        g.add((span, NIF.referenceContext, DOC))
    g.add((TRIGGER, NIF.sentence, SENTENCE))
    return g


def _replace(g: Graph, node: URIRef, prop: URIRef, value: Literal | None) -> None:
    g.remove((node, prop, None))
    if value is not None:
        g.add((node, prop, value))


DAMAGE: dict[str, tuple[Callable[[Graph], None], URIRef, str, bool]] = {
    # name: (damage, focus node, path, whether a sentence can be quoted)
    "fact without evidence": (
        lambda g: _replace(g, FACT, KG.evidence, None), FACT, "kg:evidence", False),
    "fact with confidence 1.5": (
        lambda g: _replace(g, FACT, KG.confidence, Literal("1.5", datatype=ns.XSD.decimal)),
        FACT, "kg:confidence", True),
    "evidence with confidence -0.1": (
        lambda g: _replace(g, EVIDENCE, KG.confidence, Literal("-0.1", datatype=ns.XSD.decimal)),
        EVIDENCE, "kg:confidence", True),
    "evidence without a sentence": (
        lambda g: _replace(g, EVIDENCE, KG.sentence, None), EVIDENCE, "kg:sentence", False),
    "evidence without a rule": (
        lambda g: _replace(g, EVIDENCE, KG.extractionRule, None), EVIDENCE,
        "kg:extractionRule", True),
    "sentence with begin after end": (
        lambda g: _replace(g, SENTENCE, NIF.beginIndex, _nni(len(QUOTE) + 5)), SENTENCE,
        "nif:beginIndex", True),
    "trigger with begin equal to end": (
        lambda g: _replace(g, TRIGGER, NIF.beginIndex, _nni(10)), TRIGGER, "nif:beginIndex",
        True),
}


def test_hand_made_graph_conforms():
    report = validate_graph(good_graph())
    assert report.conforms, report.describe()
    assert report.violations == ()
    assert report.describe() == "conforms to the kg shapes"


def test_tiny_built_corpus_conforms(tiny_build):
    report = validate_graph(union_graph(tiny_build.dataset))
    assert report.conforms, report.describe()


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_fact_is_caught_and_named_with_its_sentence(case):
    damage, focus, path, quotable = DAMAGE[case]
    graph = good_graph()
    damage(graph)

    report = validate_graph(graph)

    assert not report.conforms
    pairs = [(v.focus, v.path) for v in report.violations]
    # Damaged offsets also break the quote check (path None), on the same span.
    assert (str(focus), path) in pairs
    assert {f for f, _ in pairs} == {str(focus)}
    assert len(pairs) == (2 if focus in (SENTENCE, TRIGGER) else 1)
    text = report.describe()
    assert f'"{LABEL}"' in text
    assert str(focus) in text
    one_line_quote = " ".join(QUOTE.split())
    if quotable:
        assert f'"{one_line_quote}" in gift.txt' in text
    else:
        assert one_line_quote not in text


def test_document_without_sha256_is_named_with_its_file():
    graph = good_graph()
    _replace(graph, DOC, KG.sha256, None)

    report = validate_graph(graph)

    assert not report.conforms
    [violation] = report.violations
    assert (violation.focus, violation.path) == (str(DOC), "kg:sha256")
    assert str(DOC) in violation.describe()
    assert "gift.txt" in violation.describe()
    assert "SHA-256" in violation.describe()


def test_malformed_sha256_is_caught():
    graph = good_graph()
    _replace(graph, DOC, KG.sha256, Literal("not-a-hash"))
    assert [v.path for v in validate_graph(graph).violations] == ["kg:sha256"]


def test_unlabelled_entity_is_caught():
    graph = good_graph()
    _replace(graph, PUTIN, RDFS.label, None)
    [violation] = validate_graph(graph).violations
    assert (violation.focus, violation.path) == (str(PUTIN), "rdfs:label")


def test_report_has_one_line_per_violation_in_a_stable_order():
    graph = good_graph()
    _replace(graph, FACT, KG.confidence, Literal("1.5", datatype=ns.XSD.decimal))
    _replace(graph, EVIDENCE, KG.extractionRule, None)
    _replace(graph, DOC, KG.sha256, None)

    report = validate_graph(graph)
    lines = report.describe().splitlines()

    assert lines[0] == "3 violation(s) of the kg shapes:"
    assert len(lines) == 4 and all(line.startswith("  - ") for line in lines[1:])
    assert [v.focus for v in report.violations] == sorted(v.focus for v in report.violations)
    assert validate_graph(graph) == report


def test_shapes_are_found_and_parse():
    assert (shapes_path() / "kg.shapes.ttl").is_file()
    assert len(load_shapes()) > 0


def test_a_quote_that_does_not_match_the_text_at_its_offsets_is_caught():
    g = good_graph()
    g.set((SENTENCE, NIF.anchorOf, Literal("Vladimir Putin sold a rifle.")))
    report = validate_graph(g)
    assert not report.conforms
    assert any("not the document text between its offsets" in v.message
               for v in report.violations)


def test_a_document_without_its_text_is_caught():
    g = good_graph()
    g.remove((DOC, NIF.isString, None))
    report = validate_graph(g)
    assert not report.conforms
    assert any(v.path == "nif:isString" for v in report.violations)


def test_the_quote_shape_for_other_engines_agrees_with_kgs_own_check():
    from pyshacl import validate

    from kg.validate import quote_violations, shapes_path

    shapes = Graph().parse(shapes_path() / "extra" / "quotes.ttl", format="turtle")
    good, bad = good_graph(), good_graph()
    bad.set((SENTENCE, NIF.anchorOf, Literal("Vladimir Putin sold a rifle.")))
    for graph, expected in ((good, True), (bad, False)):
        conforms = validate(graph, shacl_graph=shapes, advanced=True)[0]
        assert conforms is expected
        assert (not quote_violations(graph)) is expected


@pytest.mark.parametrize("lexical", ["NaN", "-Infinity", "sNaN"])
def test_a_decimal_that_is_not_a_number_is_a_violation_not_a_crash(lexical):
    """Python's Decimal reads "NaN", so rdflib calls the literal well-typed, and pyshacl's
    range check raised decimal.InvalidOperation on it (issue 13)."""
    graph = good_graph()
    graph.set((FACT, KG.confidence, Literal(lexical, datatype=ns.XSD.decimal)))

    report = validate_graph(graph)

    assert not report.conforms
    assert any(v.path == "kg:confidence" and "not a number" in v.message
               for v in report.violations)


@pytest.mark.parametrize(("prop", "literal"), [
    (KG.supportCount, Literal("many", datatype=ns.XSD.integer)),
    (KG.confidence, Literal("high")),
    (KG.confidence, Literal("1" * 5000, datatype=ns.XSD.integer)),
])
def test_ill_typed_numbers_are_violations(prop, literal):
    graph = good_graph()
    graph.set((FACT, prop, literal))

    report = validate_graph(graph)

    assert not report.conforms
    assert any(v.path == graph.namespace_manager.normalizeUri(prop) for v in report.violations)


def text_once_graph() -> Graph:
    """``good_graph`` as kg writes it now: the sentence is offsets into the document's text with
    no quote of its own; only the trigger quotes its word."""
    g = good_graph()
    g.remove((SENTENCE, NIF.anchorOf, None))
    return g


def test_a_sentence_without_a_quote_of_its_own_conforms_and_is_quoted_from_the_text():
    g = text_once_graph()
    _replace(g, FACT, KG.confidence, Literal("1.5", datatype=ns.XSD.decimal))
    report = validate_graph(g)
    [violation] = report.violations
    assert violation.path == "kg:confidence"
    assert violation.sentence == " ".join(QUOTE.split())  # sliced from nif:isString
    assert validate_graph(text_once_graph()).conforms


def test_sentence_offsets_beyond_the_text_are_caught_without_a_quote():
    g = text_once_graph()
    _replace(g, SENTENCE, NIF.endIndex, _nni(len(QUOTE) + 7))
    report = validate_graph(g)
    assert not report.conforms
    [violation] = report.violations
    assert violation.focus == str(SENTENCE)
    assert "outside the document text" in violation.message


def test_a_trigger_without_its_word_is_caught():
    g = text_once_graph()
    g.remove((TRIGGER, NIF.anchorOf, None))
    report = validate_graph(g)
    assert [(v.focus, v.path) for v in report.violations] == [(str(TRIGGER), "nif:anchorOf")]


def test_the_offsets_shape_for_other_engines_agrees_with_kgs_own_check():
    from pyshacl import validate

    from kg.validate import quote_violations

    shapes = Graph().parse(shapes_path() / "extra" / "quotes.ttl", format="turtle")
    good, bad = text_once_graph(), text_once_graph()
    _replace(bad, SENTENCE, NIF.endIndex, _nni(len(QUOTE) + 7))
    for graph, expected in ((good, True), (bad, False)):
        conforms = validate(graph, shacl_graph=shapes, advanced=True)[0]
        assert conforms is expected
        assert (not quote_violations(graph)) is expected


# --- parity: pyshacl-turbo (kg's engine) reports what pyshacl reports ---------------------------

MERGE = ID["merge/0000000000000001"]
OCCURRENCE = ID["fact/0000000000000002"]
MOSCOW = ID["place/moscow"]


def full_graph() -> Graph:
    """``text_once_graph`` plus a node of every other class the shapes target: a merge, an
    occurrence with a place and a time, a dated document."""
    g = text_once_graph()
    g.add((PUTIN, KG.merge, MERGE))
    g.add((MERGE, RDF.type, KG.Merge))
    g.add((MERGE, KG.alias, Literal("Putin")))
    g.add((MERGE, KG.mergedBecause, Literal("short-form")))
    g.add((MERGE, KG.mentionCount, Literal(2)))
    g.add((MOSCOW, RDF.type, ns.SCHEMA.Place))
    g.add((MOSCOW, RDFS.label, Literal("Moscow")))
    g.add((FACT, KG.place, MOSCOW))
    g.add((FACT, KG.time, Literal("2023-09-13", datatype=ns.XSD.date)))
    g.add((OCCURRENCE, RDF.type, KG.Occurrence))
    g.add((OCCURRENCE, RDF.predicate, KG.resigned))
    g.add((OCCURRENCE, KG.agent, PUTIN))
    g.add((OCCURRENCE, RDFS.label, Literal("Vladimir Putin resigned")))
    g.add((OCCURRENCE, KG.evidence, EVIDENCE))
    g.add((OCCURRENCE, KG.confidence, Literal("0.5", datatype=ns.XSD.decimal)))
    g.add((OCCURRENCE, KG.supportCount, Literal(1)))
    g.add((OCCURRENCE, KG.time, Literal("2023", datatype=ns.XSD.gYear)))
    g.add((DOC, ns.SCHEMA.datePublished, Literal("2023-09-15", datatype=ns.XSD.date)))
    return g


def _set(node: URIRef, prop: URIRef, value: object) -> Callable[[Graph], None]:
    return lambda g: _replace(g, node, prop, value)  # type: ignore[arg-type]


def _add(node: URIRef, prop: URIRef, value: object) -> Callable[[Graph], None]:
    return lambda g: g.add((node, prop, value))  # type: ignore[arg-type]


def _retype(node: URIRef, old: URIRef, new: URIRef) -> Callable[[Graph], None]:
    def damage(g: Graph) -> None:
        g.remove((node, RDF.type, old))
        g.add((node, RDF.type, new))
    return damage


XSD = ns.XSD
# One broken variant for each constraint of each shape in shapes/kg.shapes.ttl.
PARITY: dict[str, Callable[[Graph], None]] = {
    "entity label missing (minCount)": _set(PUTIN, RDFS.label, None),
    "entity two labels (maxCount)": _add(PUTIN, RDFS.label, Literal("Putin")),
    "entity label typed (datatype)": _set(PUTIN, RDFS.label, Literal("Putin", lang="en")),
    "entity label empty (minLength)": _set(PUTIN, RDFS.label, Literal("")),
    "entity merge not a Merge (class)": _set(PUTIN, KG.merge, MOSCOW),
    "merge alias missing": _set(MERGE, KG.alias, None),
    "merge reason not listed (in)": _set(MERGE, KG.mergedBecause, Literal("hunch")),
    "merge reason with language (in)": _set(MERGE, KG.mergedBecause,
                                            Literal("short-form", lang="en")),
    "merge count a string (datatype)": _set(MERGE, KG.mentionCount, Literal("2")),
    "thing label missing": _set(RIFLE, RDFS.label, None),
    "statement subject literal (nodeKind)": _set(FACT, RDF.subject, Literal("Putin")),
    "statement two predicates": _add(FACT, RDF.predicate, KG.sold),
    "statement object missing": _set(FACT, RDF.object, None),
    "statement label missing": _set(FACT, RDFS.label, None),
    "statement evidence not Evidence (class)": _set(FACT, KG.evidence, PUTIN),
    "statement confidence 1.5 (maxInclusive)": _set(FACT, KG.confidence,
                                                    Literal("1.5", datatype=XSD.decimal)),
    "statement confidence double (datatype)": _set(FACT, KG.confidence,
                                                   Literal(0.5, datatype=XSD.double)),
    "statement support 0 (minInclusive)": _set(FACT, KG.supportCount, Literal(0)),
    "statement recipient literal": _add(FACT, KG.recipient, Literal("Kim")),
    "statement place literal": _set(FACT, KG.place, Literal("Moscow")),
    "statement time string (or)": _set(FACT, KG.time, Literal("2023-09-13")),
    "occurrence with an object": _add(OCCURRENCE, RDF.object, RIFLE),
    "occurrence agent and theme (alternativePath)": _add(OCCURRENCE, KG.theme, RIFLE),
    "occurrence no participant": _set(OCCURRENCE, KG.agent, None),
    "occurrence no evidence": _set(OCCURRENCE, KG.evidence, None),
    "occurrence time gYear as int": _set(OCCURRENCE, KG.time, Literal(2023)),
    "evidence document not an article (class)": _set(EVIDENCE, PROV.wasDerivedFrom, PUTIN),
    "evidence sentence a Phrase (class)": _set(EVIDENCE, KG.sentence, TRIGGER),
    "evidence two rules": _add(EVIDENCE, KG.extractionRule, Literal("other")),
    "evidence confidence -0.1": _set(EVIDENCE, KG.confidence,
                                     Literal("-0.1", datatype=XSD.decimal)),
    "evidence factuality not listed": _set(EVIDENCE, KG.factuality, Literal("rumoured")),
    "evidence run not an Activity": _set(EVIDENCE, PROV.wasGeneratedBy, DOC),
    "span begin string (or)": _set(SENTENCE, NIF.beginIndex, Literal("0")),
    "span begin -3 (minInclusive)": _set(TRIGGER, NIF.beginIndex,
                                         Literal(-3, datatype=XSD.integer)),
    "span begin = end (lessThan)": _set(TRIGGER, NIF.beginIndex, _nni(10)),
    "span begin > end (lessThan)": _set(SENTENCE, NIF.beginIndex, _nni(len(QUOTE) + 5)),
    "span end missing": _set(SENTENCE, NIF.endIndex, None),
    "span two quotes (maxCount)": _add(TRIGGER, NIF.anchorOf, Literal("gave ")),
    "span empty quote (minLength)": _set(SENTENCE, NIF.anchorOf, Literal("")),
    "span context not an article": _set(SENTENCE, NIF.referenceContext, PUTIN),
    "trigger without its word (targetObjectsOf)": _set(TRIGGER, NIF.anchorOf, None),
    "document no source file": _set(DOC, KG.sourceFile, None),
    "document sha256 malformed (pattern)": _set(DOC, KG.sha256, Literal("not-a-hash")),
    "document two texts": _add(DOC, NIF.isString, Literal("other")),
    "document date a string (datatype)": _set(DOC, ns.SCHEMA.datePublished, Literal("2023")),
    "run no version": _set(RUN, KG.softwareVersion, None),
    "run no model": _set(RUN, KG.nlpModel, None),
    "run no software": _set(RUN, PROV.wasAssociatedWith, None),
    "everything at once": lambda g: [damage(g) for name, damage in sorted(PARITY.items())
                                     if name != "everything at once"],
}


def _report_details(engine: str, graph: Graph) -> tuple[bool, list[tuple[str, ...]]]:
    """An engine's raw report on kg's shapes, called as kg calls it: conforms, and every
    result as (focus, path, component, value, severity, message)."""
    if engine == "turbo":
        from pyshacl_turbo import validate
    else:
        from pyshacl import validate
    data = Graph()  # a context-aware store, as pyshacl needs
    data.addN((s, p, o, data) for s, p, o in graph)
    conforms, report, _ = validate(data, shacl_graph=load_shapes(), inference="none",
                                   advanced=True, allow_warnings=True)
    results = set(report.subjects(RDF.type, SH.ValidationResult)) | \
        set(report.objects(None, SH.result))
    return bool(conforms), sorted(
        tuple(str(report.value(r, prop)) for prop in (
            SH.focusNode, SH.resultPath, SH.sourceConstraintComponent, SH.value,
            SH.resultSeverity, SH.resultMessage))
        for r in results)


def test_the_full_graph_conforms_under_both_engines():
    for engine in ("turbo", "pyshacl"):
        report = validate_graph(full_graph(), engine=engine)
        assert report.conforms, report.describe()


@pytest.mark.parametrize("case", sorted(PARITY))
def test_turbo_reports_what_pyshacl_reports(case):
    graph = full_graph()
    PARITY[case](graph)
    turbo, pyshacl = _report_details("turbo", graph), _report_details("pyshacl", graph)
    assert turbo == pyshacl
    assert pyshacl[0] is False and pyshacl[1], "the damage must break a shape"
    assert validate_graph(graph) == validate_graph(graph, engine="pyshacl")


def test_turbo_agrees_with_pyshacl_on_the_seeds(seed_build):
    graph = union_graph(seed_build.dataset)
    assert _report_details("turbo", graph) == _report_details("pyshacl", graph)
    assert validate_graph(graph).conforms


# --- part by part: the report of a graph checked in its parts is the report of the whole ------

DOCUMENT_NODES = {DOC, EVIDENCE, SENTENCE, TRIGGER}


def _in_parts(graph: Graph) -> tuple[Graph, list[Graph]]:
    """Split a hand-made graph as kg.rdf.GraphParts splits kg's: the article, its evidence and
    spans, and the facts' evidence links and direct triples in the document's part."""
    corpus, document = Graph(), Graph()
    for s, p, o in graph:
        in_document = s in DOCUMENT_NODES or p == KG.evidence or p == KG.gave
        (document if in_document else corpus).add((s, p, o))
    return corpus, [document]


def _report_in_parts(corpus: Graph, documents: list[Graph]) -> ValidationReport:
    parts = PartValidation()  # it owns the graphs it is given
    parts.add_corpus(_copy(corpus))
    for document in documents:
        parts.add_document(_copy(document))
    return parts.report()


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    copy += graph
    return copy


@pytest.mark.parametrize("case", sorted(PARITY) + sorted(DAMAGE))
def test_checking_part_by_part_reports_what_checking_the_whole_reports(case):
    graph = full_graph()
    (PARITY[case] if case in PARITY else DAMAGE[case][0])(graph)
    whole = validate_graph(graph)
    assert not whole.conforms
    assert _report_in_parts(*_in_parts(graph)) == whole


def test_a_good_graph_checked_in_parts_conforms():
    assert _report_in_parts(*_in_parts(full_graph())) == validate_graph(full_graph())


def _seed_parts(dataset) -> tuple[Graph, list[Graph]]:
    corpus = Graph()
    corpus += dataset.default_graph
    documents = []
    for graph in dataset.graphs():
        if graph.identifier != DATASET_DEFAULT_GRAPH_ID and len(graph):
            part = Graph()
            part += graph
            documents.append(part)
    return corpus, documents


def _damage_seeds(corpus: Graph, documents: list[Graph]) -> None:
    """A fact without a label and with a confidence over 1, an evidence without its rule, a
    sentence whose offsets are reversed, a run without its version, an article without its
    file name: damage in every kind of part."""
    statement = sorted(corpus.subjects(RDF.type, RDF.Statement))[3]
    corpus.remove((statement, RDFS.label, None))
    corpus.set((statement, KG.confidence, Literal("1.5", datatype=ns.XSD.decimal)))
    corpus.remove((None, KG.softwareVersion, None))
    evidence = sorted(documents[1].subjects(RDF.type, KG.Evidence))[0]
    documents[1].remove((evidence, KG.extractionRule, None))
    sentence = sorted(documents[2].subjects(RDF.type, NIF.Sentence))[0]
    documents[2].set((sentence, NIF.beginIndex, _nni(10**6)))
    article = next(documents[0].subjects(RDF.type, ns.SCHEMA.NewsArticle))
    documents[0].remove((article, KG.sourceFile, None))


def test_the_seeds_checked_in_parts_report_what_the_whole_reports(seed_build):
    corpus, documents = _seed_parts(seed_build.dataset)
    assert _report_in_parts(corpus, documents) == validate_graph(union_graph(seed_build.dataset))
    _damage_seeds(corpus, documents)
    whole = Graph()  # bound to kg's prefixes, as union_graph's graph is
    for prefix, namespace in PREFIXES.items():
        whole.bind(prefix, namespace)
    for part in (corpus, *documents):
        whole += part
    expected = validate_graph(whole)
    assert len(expected.violations) >= 6
    assert any(v.sentence for v in expected.violations if "fact" in v.focus)
    assert _report_in_parts(corpus, documents) == expected


def test_a_part_checked_is_freed_when_dropped_without_the_cycle_collector():
    """A checked part (a corpus chunk, a document's part) must not stay in memory until
    Python's cycle collector runs: a build checks thousands of them."""
    corpus, documents = _in_parts(full_graph())
    parts = PartValidation()
    parts.add_corpus(_copy(corpus))
    document = Graph(store="SimpleMemory")  # as kg makes its parts (kg.rdf.GraphParts)
    document += documents[0]
    dropped = weakref.ref(document)
    gc.disable()
    try:
        parts.add_document(document)
        del document
        assert dropped() is None
    finally:
        gc.enable()


def test_a_violation_names_its_path_with_kg_prefixes_in_a_part_too():
    graph = full_graph()
    corpus, documents = _in_parts(graph)
    evidence = next(documents[0].subjects(RDF.type, KG.Evidence))
    documents[0].remove((evidence, KG.extractionRule, None))
    paths = {v.path for v in _report_in_parts(corpus, documents).violations}
    assert "kg:extractionRule" in paths


def test_every_merge_reason_kg_gives_is_one_the_shapes_accept():
    """The shapes list the merge reasons by name (sh:in); a reason added to the model but not
    to the shapes makes every graph that uses it fail validation."""
    from rdflib.collection import Collection

    from kg.model import MergeReason

    shapes = load_shapes()
    lists = [Collection(shapes, node) for _, _, node in shapes.triples((None, SH["in"], None))]
    accepted = [{str(item) for item in items} for items in lists]
    reasons = {reason.value for reason in MergeReason}
    assert any(reasons <= names for names in accepted), [reasons - names for names in accepted]


def test_only_a_decimal_that_is_not_a_number_is_picked_out() -> None:
    """The datatype is compared before the value (issue 14): a NaN decimal is still found,
    an integer, a string reading 'NaN' and a finite decimal are not."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import XSD

    from kg.validate import not_a_number_triples

    node, prop = URIRef("urn:test:fact"), URIRef("urn:test:confidence")
    graph = Graph()
    nan = Literal("NaN", datatype=XSD.decimal)
    graph.add((node, prop, nan))
    graph.add((node, prop, Literal("0.5", datatype=XSD.decimal)))
    graph.add((node, prop, Literal("NaN")))
    graph.add((node, prop, Literal(3)))
    graph.add((node, prop, Literal("INF", datatype=XSD.double)))
    assert not_a_number_triples(graph) == [(node, prop, nan)]


def _corpus_chunks(corpus: Graph) -> list[Graph]:
    """The corpus part in pieces as kg.rdf.GraphParts makes them: the run, the entities (each
    with its merges), the facts."""
    facts = set(corpus.subjects(RDF.type, RDF.Statement)) | {OCCURRENCE}
    chunks = [Graph(store="SimpleMemory") for _ in range(3)]
    for s, p, o in corpus:
        chunks[2 if s in facts else 0 if s in (RUN, SOFTWARE) else 1].add((s, p, o))
    return chunks


def test_every_corpus_chunk_given_is_checked_as_it_was_given():
    """The corpus chunks are kept (on disk) when added and checked at the end from what was
    kept: a broken statement in any chunk is reported, even when the chunk's graph is
    emptied by its maker once added (the chunks are not made again for the check)."""
    graph = full_graph()
    for damage in ("entity label missing (minCount)", "merge alias missing",
                   "statement label missing", "occurrence no participant"):
        PARITY[damage](graph)
    corpus, documents = _in_parts(graph)
    chunks = _corpus_chunks(corpus)
    assert all(len(chunk) for chunk in chunks)
    parts = PartValidation()
    for chunk in chunks:
        parts.add_corpus(chunk)
        chunk.remove((None, None, None))  # the maker reuses or drops it
    for document in documents:
        parts.add_document(_copy(document))
    report = parts.report()
    assert {PUTIN, MERGE, FACT, OCCURRENCE} <= {URIRef(v.focus) for v in report.violations}
    assert report == validate_graph(graph)


def test_spilled_chunks_read_back_in_order_and_added_to_after_a_reading():
    """A reading (whole or stopped early) leaves the kept chunks as they were: a chunk
    added after it comes last, and each reading gives every chunk, in the order added."""
    chunks = _SpilledChunks()
    made = []
    for number in range(3):
        chunk = Graph(store="SimpleMemory")
        chunk.add((ID[f"thing/t{number}"], RDFS.label, Literal(f"t{number}", lang="en")))
        made.append(chunk)
    chunks.add(made[0])
    chunks.add(made[1])
    next(iter(chunks))  # stopped after the first
    chunks.add(made[2])
    assert [list(chunk) for chunk in chunks] == [list(chunk) for chunk in made]
    assert [list(chunk) for chunk in chunks] == [list(chunk) for chunk in made]
