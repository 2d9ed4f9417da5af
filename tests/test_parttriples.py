"""kg.parttriples: a part made as plain triples answers as an rdflib graph of the same adds,
and is checked with the report the graph gives (issue 14)."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.graphstream import StreamedGraph, _corpus_quads
from kg.namespaces import KG, NIF
from kg.parttriples import PartTriples
from kg.rdf import GraphParts
from kg.validate import PartValidation

TERMS = [URIRef(f"urn:test:{name}") for name in ("pond", "heron", "reed", "mud")]
VALUES = [*TERMS, Literal("still water"), Literal(7)]
triples = st.tuples(st.sampled_from(TERMS), st.sampled_from(TERMS[:3]), st.sampled_from(VALUES))


@given(st.lists(triples, max_size=30), st.lists(triples, max_size=5))
def test_lookups_answer_as_a_simplememory_graph_of_the_same_adds(added, removed):
    part, graph = PartTriples(), Graph(store="SimpleMemory")
    for triple in added:
        part.add(triple)
        graph.add(triple)
    for s, p, _ in removed:
        part.remove((s, p, None))
        graph.remove((s, p, None))
    assert len(part) == len(graph) and set(part) == set(graph)
    for s in TERMS:
        for p in TERMS:
            assert list(part.objects(s, p)) == list(graph.objects(s, p))
            assert part.value(s, p) == graph.value(s, p)
    for p in TERMS:
        assert list(part.subject_objects(p)) == list(graph.subject_objects(p))
        assert part.with_predicate(p) == list(graph.triples((None, p, None)))
    assert set(part.graph()) == set(graph)
    for p in TERMS:
        for o in VALUES:
            assert list(part.subjects(p, o)) == list(graph.subjects(p, o))
    assert list(part.subjects(unique=True)) == list(graph.subjects(unique=True))


@given(st.lists(triples, max_size=30))
def test_a_part_pickled_comes_back_with_its_triples_in_order_and_its_lookups(added):
    """A corpus chunk waits on disk for the final check: unpickled, it is the same triples in
    the same order, and its lookups answer as before."""
    part = PartTriples()
    for triple in added:
        part.add(triple)
    again = pickle.loads(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
    assert list(again) == list(part)
    for p in TERMS:
        assert list(again.subject_objects(p)) == list(part.subject_objects(p))
        for s in TERMS:
            assert list(again.objects(s, p)) == list(part.objects(s, p))


def _document_parts(seed_build) -> tuple[PartValidation, list[PartTriples]]:
    parts = GraphParts(seed_build.corpus, seed_build.model)
    validation = PartValidation()
    for _ in _corpus_quads(parts, validation, StreamedGraph()):
        pass
    made = []
    for document in seed_build.corpus.documents:
        part = PartTriples()
        parts.add_document(part, document)
        made.append(part)
    return validation, made


def _misquoted(part: PartTriples) -> PartTriples:
    """``part`` with one trigger's quote replaced by words its text does not hold there."""
    span, quote = next(part.subject_objects(NIF.anchorOf))
    part.remove((span, NIF.anchorOf, None))
    part.add((span, NIF.anchorOf, Literal(f"{quote} not so")))
    return part


@pytest.mark.parametrize("damaged", [False, True])
def test_checking_plain_triples_gives_what_checking_the_graph_gives(seed_build, damaged):
    validation, made = _document_parts(seed_build)
    if damaged:
        made = [_misquoted(part) for part in made]
    for part in made:
        assert validation.check_triples(part) == validation.check_document(part.graph())
    found = [v for part in made for v in validation.check_triples(part).violations]
    assert bool(found) == damaged


@pytest.mark.parametrize("damaged", [False, True])
def test_corpus_chunks_as_plain_triples_report_what_their_graphs_report(seed_build, damaged):
    """The corpus part's chunks are plain triples: checked at the end with their facts'
    evidence links, they give the report the same chunks as rdflib graphs give, with a
    label taken away or not."""
    parts = GraphParts(seed_build.corpus, seed_build.model)
    chunks = list(parts.corpus_chunks())
    assert all(isinstance(chunk, PartTriples) for chunk in chunks)
    if damaged:  # a merged fact without its label
        fact = next(chunks[-1].subjects(RDF.type, KG.Occurrence), None) or \
            next(s for s, _ in chunks[-1].subject_objects(KG.confidence))
        chunks[-1].remove((fact, RDFS.label, None))
    reports = []
    for as_graph in (False, True):
        validation = PartValidation()
        for chunk in chunks:
            validation.add_corpus(chunk.graph() if as_graph else chunk)
        for document in seed_build.corpus.documents:
            part = PartTriples()
            parts.add_document(part, document)
            validation.add_checked(validation.check_triples(part))
        reports.append(validation.report())
    assert reports[0] == reports[1]
    assert reports[0].conforms != damaged
