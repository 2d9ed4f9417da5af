"""Minted IRIs are valid, deterministic and survive Turtle and N-Triples unchanged."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.term import _is_valid_uri

from kg.model import EntityType
from kg.namespaces import ID, PREFIXES, RDFS
from kg.rdf import document_iri, entity_iri, span_iri
from kg.resolve import mint_entity_id

DOC_IDS = st.text(alphabet="0123456789abcdef", min_size=16, max_size=16)
OFFSETS = st.integers(min_value=0, max_value=10**7)
LABELS = st.one_of(st.text(), st.sampled_from(
    ["Kim Jong-un", "Kim Jong Un", "kim jong un", "President Putin", "Putin's", "Élysée Palace",
     "北京", "", " ", "!!!", "a/b c#d", "<script>", '"quoted"', "O'Brien", "Z\u0301oe"]))
SLUG = re.compile(r"^(person|organization|place|thing|event|date)/[a-z0-9]+(-[a-z0-9]+)*$")


def _round_trips(iri: URIRef) -> None:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.add((iri, RDFS.label, Literal("x")))
    graph.add((ID["doc/0"], RDFS.seeAlso, iri))
    for fmt in ("turtle", "nt"):
        parsed = Graph().parse(data=graph.serialize(format=fmt), format=fmt)
        assert set(parsed) == set(graph), fmt


@settings(max_examples=200, deadline=None)
@given(doc_id=DOC_IDS, start=OFFSETS, length=st.integers(min_value=1, max_value=10**4))
def test_span_iri_is_valid_deterministic_and_round_trips(doc_id, start, length):
    end = start + length
    iri = span_iri(doc_id, start, end)

    assert iri == span_iri(doc_id, start, end)
    assert _is_valid_uri(str(iri))
    assert str(iri) == f"{document_iri(doc_id)}#char={start},{end}"
    assert re.fullmatch(r".*#char=(\d+),(\d+)", str(iri)).groups() == (str(start), str(end))
    _round_trips(iri)


@settings(max_examples=100, deadline=None)
@given(doc_id=DOC_IDS, a=OFFSETS, b=OFFSETS, c=OFFSETS, d=OFFSETS)
def test_different_spans_get_different_iris(doc_id, a, b, c, d):
    if (a, b) != (c, d):
        assert span_iri(doc_id, a, b) != span_iri(doc_id, c, d)


@settings(max_examples=300, deadline=None)
@given(entity_type=st.sampled_from(list(EntityType)), label=LABELS)
def test_entity_ids_are_readable_slugs_that_round_trip(entity_type, label):
    entity_id = mint_entity_id(entity_type, label)

    assert entity_id == mint_entity_id(entity_type, label)
    assert SLUG.match(entity_id), entity_id
    iri = entity_iri(entity_id)
    assert _is_valid_uri(str(iri))
    assert str(iri).startswith(str(ID))
    _round_trips(iri)


@settings(max_examples=100, deadline=None)
@given(label=LABELS)
def test_entity_types_never_share_an_id(label):
    ids = {mint_entity_id(t, label) for t in EntityType}
    assert len(ids) == len(EntityType)


def test_spelling_variants_of_one_name_share_an_id():
    ids = {mint_entity_id(EntityType.PERSON, name)
           for name in ("Kim Jong-un", "Kim Jong Un", "kim jong un", "KIM JONG-UN")}
    assert ids == {"person/kim-jong-un"}
