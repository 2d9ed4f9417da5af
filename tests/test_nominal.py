"""Facts said with event nouns and light verbs (kg/extract/nominal.py)."""

from __future__ import annotations

import pytest
from helpers import corpus_of
from helpers import labelled_triples as triples

from kg.model import Factuality


@pytest.mark.parametrize(("text", "expected"), [
    ("Daniel Weber's visit to Lisbon lasted two days.", ("Daniel Weber", "visited", "Lisbon")),
    ("Owen Pryce made a surprise visit to Cardiff.", ("Owen Pryce", "visited", "Cardiff")),
    ("The assassination of Ivo Marek by Tomas Ferreira shocked the town.",
     ("Tomas Ferreira", "killed", "Ivo Marek")),
    ("Ivo Marek's assassin, Tomas Ferreira, fled.", ("Tomas Ferreira", "killed", "Ivo Marek")),
])
def test_event_nouns_give_the_verb_facts(text, expected):
    assert expected in triples(corpus_of(text))


def test_a_light_verb_gives_the_noun_fact_not_a_thing():
    corpus = corpus_of("Owen Pryce made a surprise visit to Cardiff.")
    assert not [t for t in triples(corpus) if t[2].endswith("visit")]


def test_a_planned_visit_is_expected():
    corpus = corpus_of("Marta Ruiz's planned visit to Lisbon was announced.")
    (visit,) = [f for f in corpus.facts if f.predicate == "visited"]
    assert visit.evidence.factuality is Factuality.EXPECTED
