"""kg.parttriples: a part made as plain triples answers as an rdflib graph of the same adds,
and is checked with the report the graph gives (issue 14)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from kg.graphstream import StreamedGraph, _corpus_quads
from kg.namespaces import NIF
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
