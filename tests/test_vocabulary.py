"""The relation vocabulary and the ontology agree, and the ontology is well-formed."""

from __future__ import annotations

from importlib import resources

from rdflib import Graph, Literal

from kg.namespaces import KG, RDFS
from kg.relations import load_vocabulary


def _ontology() -> Graph:
    text = resources.files("kg").joinpath("data/ontology.ttl").read_text("utf-8")
    return Graph().parse(data=text, format="turtle")


def test_every_predicate_the_extractor_can_emit_is_declared_with_a_label():
    ontology = _ontology()
    for lemma, spec in load_vocabulary().relations.items():
        labels = list(ontology.objects(KG[spec.predicate], RDFS.label))
        assert labels, f"kg:{spec.predicate} (from '{lemma}') is not in ontology.ttl"
        assert all(isinstance(label, Literal) and str(label) for label in labels)


def test_every_ontology_term_has_a_label():
    ontology = _ontology()
    terms = {s for s in ontology.subjects() if str(s).startswith(str(KG))}
    assert terms
    assert not [t for t in terms if (t, RDFS.label, None) not in ontology]


def test_symmetric_predicates_are_known_predicates():
    vocabulary = load_vocabulary()
    predicates = {spec.predicate for spec in vocabulary.relations.values()}
    assert vocabulary.symmetric_predicates <= predicates


def test_structural_predicates_are_declared_with_a_label():
    ontology = _ontology()
    for predicate in load_vocabulary().structural_predicates:
        assert list(ontology.objects(KG[predicate], RDFS.label)), predicate
