"""Minted IRIs are valid, deterministic and survive Turtle and N-Triples unchanged."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.term import _is_valid_uri

from kg.model import EntityType
from kg.namespaces import ID, PREFIXES, RDF, RDFS
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


STABILITY_ARTICLES = {
    "a.txt": "Putin arrived in Pyongyang on Tuesday. Putin thanked the crowd.",
    "b.txt": "Kestrel grew fast in 2020. Lena Marsh opened a bakery in Kestrel.",
    "c.txt": "Vladimir Putin met Kim Jong Un in Pyongyang. Putin praised Kim. The town of "
             "Kestrel sent a gift.",
    "d.txt": "Kim Jong Un attended the summit in Oslo. Lena Marsh gave Kim Jong Un a rifle.",
}


def _build(names):
    from helpers import corpus_of_documents

    from kg.ingest import make_document
    from kg.rdf import build_dataset, union_graph

    documents = [make_document(STABILITY_ARTICLES[n], source=n, date="2023-09-15")
                 for n in names]
    return union_graph(build_dataset(corpus_of_documents(*documents), "test-model"))


def _entity_iris(graph):
    from kg.namespaces import SCHEMA
    from kg.rdf import ENTITY_CLASSES

    classes = set(ENTITY_CLASSES.values()) - {SCHEMA.Thing}
    return {s for c in classes for s in graph.subjects(RDF.type, c)} | {
        s for s in graph.subjects(RDF.type, SCHEMA.Thing)}


def test_iris_of_a_first_build_survive_a_larger_build_and_order_does_not_matter():
    from kg.namespaces import OWL

    first = _build(["a.txt", "b.txt"])
    everything = _build(["a.txt", "b.txt", "c.txt", "d.txt"])
    one_go = _build(["d.txt", "c.txt", "b.txt", "a.txt"])
    assert set(everything) == set(one_go)
    entities = _entity_iris(everything)
    first_iris = _entity_iris(first)
    assert ID["person/putin"] in first_iris  # the first half never names him in full
    for iri in first_iris:
        target = iri if iri in entities else everything.value(iri, OWL.sameAs)
        assert target in entities, f"{iri} is gone from the larger build"
    assert everything.value(ID["person/putin"], OWL.sameAs) == ID["person/vladimir-putin"]


def test_a_redirect_never_points_at_two_entities_nor_shadows_an_entity():
    from kg.namespaces import OWL

    graph = _build(list(STABILITY_ARTICLES))
    entities = _entity_iris(graph)
    redirects = list(graph.subject_objects(OWL.sameAs))
    assert redirects
    sources = [s for s, _ in redirects]
    assert len(sources) == len(set(sources))
    assert not set(sources) & entities
    assert all(target in entities for _, target in redirects)


def test_kg_namespaces_give_rdflib_iris_and_the_same_object_for_a_name_asked_again():
    from rdflib import Namespace, URIRef

    from kg.namespaces import ID, KG, NIF, _term

    for ours, name in ((KG, "evidence"), (NIF, "beginIndex"), (ID, "doc/a1b2")):
        made = ours[name]
        assert type(made) is URIRef and made == Namespace(str(ours))[name]
        assert ours[name] is made
    assert KG.confidence is KG["confidence"] is KG.term("confidence")
    assert _term.cache_info().maxsize is not None  # bounded, however many ids are minted
