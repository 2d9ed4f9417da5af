"""The participants a verb's prepositional phrases give (kg.extract.verb_roles with
data/preposition_roles.json): a phrase the verb governs fills a role by its preposition and its
participant's kind when the verb's relation entry names none, never one inside the object's own
phrase or another clause's; a start ('since 2010') is an open interval, not the event's date;
a noun of office keeps its 'to' ('the ambassador to Ruritania'). Sentences written for the
test."""

from __future__ import annotations

import pytest
from helpers import corpus_of
from rdflib import XSD

from kg.model import Fact, ResolvedCorpus
from kg.rdf import _time_literals


def labels(corpus: ResolvedCorpus) -> dict[str, str]:
    return {e.entity_id: e.label for e in corpus.entities}


def facts_of(corpus: ResolvedCorpus, lemma: str) -> list[Fact]:
    return [f for f in corpus.facts if f.lemma == lemma]


def roles_of(corpus: ResolvedCorpus, fact: Fact) -> set[tuple[str, str]]:
    names = labels(corpus)
    return {(r.name.value, names.get(r.entity_id or "", r.mention.text)) for r in fact.roles}


@pytest.mark.parametrize(("text", "lemma", "role"), [
    ("The Orvell Gazette called the election for Tomas Brek.", "call",
     ("recipient", "Tomas Brek")),
    ("The Dayton Guild inducted Mara Quill into the Ohio Hall of Fame in 2004.", "induct",
     ("destination", "Ohio Hall of Fame")),
])
def test_a_governed_phrase_fills_the_role_its_preposition_gives(text, lemma, role):
    corpus = corpus_of(text)
    facts = facts_of(corpus, lemma)
    assert facts and all(role in roles_of(corpus, f) for f in facts), \
        [roles_of(corpus, f) for f in facts]


@pytest.mark.parametrize(("text", "lemma"), [
    ("Tomas Brek lost to Mara Quill in the final.", "lose to"),
    ("Tomas Brek was charged with fraud on Monday.", "charge"),
])
def test_a_winner_or_a_described_thing_is_no_party(text, lemma):
    corpus = corpus_of(text)
    facts = facts_of(corpus, lemma)
    assert facts
    assert not any(name in {"recipient", "coagent"} for f in facts
                   for name, _ in roles_of(corpus, f))


def test_a_phrase_after_the_objects_own_clause_is_that_clauses():
    corpus = corpus_of("The Orvell Gazette released a summary of a call made by Tomas Brek "
                       "late last July to Mara Quill.")
    released = facts_of(corpus, "release")
    assert released
    assert not any(name == "recipient" for f in released for name, _ in roles_of(corpus, f))


@pytest.mark.parametrize(("text", "lemma", "normalized"), [
    ("Mara Quill has lived in Dayton since 2010.", "live", "2010/.."),
    ("Tomas Brek has led the Orvell Company since March 2018.", "lead", "2018-03/.."),
    ("Tomas Brek has been detained since Wednesday (Sept 13).", "detain", "2023-09-13/.."),
    ("Tomas Brek led the Orvell Company from 2009 to 2017.", "lead", "2009/2017"),
    ("Tomas Brek joined the Orvell Company in 2009.", "join", "2009"),
])
def test_a_start_is_an_open_interval_not_the_events_date(text, lemma, normalized):
    corpus = corpus_of(text)
    times = {r.normalized for f in facts_of(corpus, lemma) for r in f.roles
             if r.name.value == "time"}
    assert times == {normalized}, times


def test_an_open_interval_is_written_as_text_not_as_a_month():
    literals = list(_time_literals("2010/..", "2010"))
    assert all(lit.datatype != XSD.gYearMonth for _, lit in literals)
    assert [str(lit) for _, lit in literals] == ["2010"]


def test_a_noun_of_office_keeps_its_to_phrase_in_the_object():
    corpus = corpus_of("Dayton expelled the Fredonian ambassador to Ruritania.")
    names = labels(corpus)
    objects = {names[f.object.entity_id] for f in facts_of(corpus, "expel") if f.object}
    assert objects == {"Fredonian ambassador to Ruritania"}, objects


def test_a_place_four_phrases_down_is_not_the_verbs():
    # 'in Tarnow' places the store, four phrases below 'sentenced' (for, on, in, of ... in).
    corpus = corpus_of("Oskar Brandt was sentenced to life in prison for his conviction on "
                       "murder charges in the 1979 slaying of Mira Kowal, a clerk in his "
                       "hardware store in Tarnow, Pa.")
    sentenced = facts_of(corpus, "sentence") + facts_of(corpus, "sentence to")
    assert sentenced, [f.lemma for f in corpus.facts]
    assert all(("place", "Tarnow") not in roles_of(corpus, f) for f in sentenced)


def test_a_place_three_phrases_down_still_places_the_event():
    corpus = corpus_of("Lina Ostrova crashed upon landing at the airport in Tarnow.")
    crashed = [f for f in corpus.facts if f.lemma.startswith("crash")]
    assert crashed and ("place", "Tarnow") in roles_of(corpus, crashed[0])
