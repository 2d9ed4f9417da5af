"""Roles and titles become affiliatedWith facts with a role name (kg/extract/titles.py)."""

from __future__ import annotations

import pytest
from helpers import corpus_of, labelled_triples, object_id

from kg.model import Fact, ResolvedCorpus


def positions(corpus: ResolvedCorpus) -> set[tuple[str, str, str | None]]:
    labels = {e.entity_id: e.label for e in corpus.entities}
    return {(labels[f.subject.entity_id or ""], labels[object_id(f) or ""], f.role_name)
            for f in corpus.facts if f.predicate == "affiliatedWith"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Harbor Foods CEO Lena Marsh opened a plant.", ("Lena Marsh", "Harbor Foods",
                                                     "chief executive")),
    ("Norwegian Prime Minister Eirik Dahl visited the port.", ("Eirik Dahl", "Norway",
                                                               "prime minister")),
    ("Montana Gov. Carl Webb signed the bill.", ("Carl Webb", "Montana", "governor")),
    ("Peru's foreign minister Ana Quispe met the envoy.", ("Ana Quispe", "Peru",
                                                          "foreign minister")),
    ("Tomas Ferreira, the chief executive of Lumen Bank, resigned.",
     ("Tomas Ferreira", "Lumen Bank", "chief executive")),
    ("Greta Holm, executive director of the Baltic Water Trust, spoke.",
     ("Greta Holm", "Baltic Water Trust", "executive director")),
    ("The spokesperson of the Danube Commission, Ivo Marek, declined to comment.",
     ("Ivo Marek", "Danube Commission", "spokesperson")),
    ("Rosa Lind is the mayor of Tampere.", ("Rosa Lind", "Tampere", "mayor")),
])
def test_a_title_is_a_fact_linking_person_and_holder(text, expected):
    assert expected in positions(corpus_of(text))


def test_the_role_fact_carries_evidence_on_the_role_words():
    corpus = corpus_of("Harbor Foods CEO Lena Marsh opened a plant.")
    (fact,) = [f for f in corpus.facts if f.predicate == "affiliatedWith"]
    assert isinstance(fact, Fact)
    assert fact.evidence.trigger == "CEO"
    assert fact.evidence.rule == "title-before-name"
    assert 0 < fact.evidence.confidence <= 1


def test_a_profession_with_a_demonym_is_a_nationality_not_a_position():
    corpus = corpus_of("The Chilean painter Rocio Vera opened a gallery.")
    assert not positions(corpus)
    assert ("Rocio Vera", "cameFrom", "Chile") in labelled_triples(corpus)


def test_no_role_word_no_position():
    assert not positions(corpus_of("Lena Marsh opened a plant in Harbor Town."))


def test_a_person_of_an_organisation_is_a_member():
    corpus = corpus_of("Lena Marsh of Harbor Foods Inc. opened a plant.")
    assert ("Lena Marsh", "Harbor Foods Inc.", "member") in positions(corpus) or \
        ("Lena Marsh", "Harbor Foods", "member") in positions(corpus)


def test_an_initialism_before_a_title_is_its_holder():
    found = positions(corpus_of("US President Carl Webb signed the bill."))
    assert {("Carl Webb", "US", "president"), ("Carl Webb", "United States", "president")} & found
