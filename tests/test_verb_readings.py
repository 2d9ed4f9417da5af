"""Which verbs state facts (kg.extract.verbal readings): speech verbs with a thing or a named
person as object. Sentences written for the test."""

from __future__ import annotations

import pytest
from helpers import corpus_of, fact_rows


def facts_of(text: str, lemma: str) -> list[tuple[str, str | None]]:
    return [(subject, obj) for subject, verb, obj, _ in fact_rows(text) if verb == lemma]


@pytest.mark.parametrize(("text", "lemma", "obj"), [
    ("Brindle Motors denied the accusation on Monday.", "deny", "accusation"),
    ("Senator Ona Vick cited Article 12 of the charter.", "cite", "Article 12"),
    ("Pavel Orlov wrote a letter to the council.", "write", "letter"),
    ("Marta Lind told Jonas Berg about the merger.", "tell", "Jonas Berg"),
])
def test_a_speech_verb_with_a_thing_or_person_as_object_states_a_fact(text, lemma, obj):
    assert any(o == obj for _, o in facts_of(text, lemma))


@pytest.mark.parametrize(("text", "lemma"), [
    ("Marta Lind told reporters about the merger.", "tell"),
    ('Marta Lind told the Daily Courier, "The merger is off."', "tell"),
    ("Brindle Motors denied that it had cut jobs.", "deny"),
    ("Marta Lind told Jonas Berg that the merger was off.", "tell"),
    ("Pavel Orlov said the plant would close.", "say"),
])
def test_speech_that_only_attributes_states_no_fact(text, lemma):
    assert facts_of(text, lemma) == []


def occurrences_of(text: str, predicate: str) -> list[tuple[str, str, str]]:
    corpus = corpus_of(text)
    labels = {e.entity_id: e.label for e in corpus.entities}
    return [(labels[f.subject.entity_id], f.subject.name.value, f.evidence.factuality.value)
            for f in corpus.facts if f.predicate == predicate and f.object is None]


def test_a_passive_infinitive_was_done_to_the_subject_of_the_verb_it_completes():
    assert ("Harbor Bridge", "theme", "expected") in occurrences_of(
        "The Harbor Bridge is to be completed by December 2031.", "completed")


def test_an_object_takes_the_passive_infinitive_not_the_subject():
    facts = occurrences_of("Judge Rosa Kemp ordered Dario Pell to be released.", "released")
    assert ("Rosa Kemp", "theme", "asserted") not in facts


def test_a_proclaimed_thing_in_the_passive_is_an_event():
    assert [label for label, _, _ in occurrences_of(
        "A state of emergency was declared in Norland on Friday.", "declare")]


def test_a_passive_that_carries_a_clause_is_still_attribution():
    assert not occurrences_of("It was announced that the Norland plant would close.",
                              "announce")


def test_a_participle_before_a_noun_is_a_passive_on_it():
    assert ("Ivo Stran", "theme", "asserted") in occurrences_of(
        "The newly elected mayor, Ivo Stran, visited Tarnov.", "elected")


def test_a_passive_conjunct_shares_the_subject_of_the_verb_before_it():
    corpus = corpus_of("Norland is under sanctions, and was condemned in a joint statement "
                       "by Estland on Friday.")
    labels = {e.entity_id: e.label for e in corpus.entities}
    assert ("Estland", "Norland") in [
        (labels[f.subject.entity_id], labels[f.object.entity_id])
        for f in corpus.facts if f.lemma == "condemn" and f.object is not None]


def test_a_passive_conjunct_with_a_subject_of_its_own_borrows_none():
    facts = occurrences_of("According to the police, at least a dozen people lost their "
                           "lives and scores more were injured.", "injured")
    assert not [label for label, _, _ in facts if "people" in label.lower()]


def test_a_passive_with_an_infinitive_was_still_done_to_its_subject():
    assert ("Brindle Corp", "theme", "asserted") in occurrences_of(
        "Brindle Corp was ordered to remove the post.", "order")


def test_a_passive_that_only_forecasts_states_nothing():
    assert not occurrences_of("Storm Kelda is forecast to reach Norland on Wednesday.",
                              "forecast")


def test_a_proposal_in_the_passive_and_its_failure_are_both_read():
    assert [f for _, _, f in occurrences_of(
        "A bill was proposed in 2016 but was not passed.", "pass")] == ["negated"]


@pytest.mark.parametrize(("text", "lemma", "subject", "obj"), [
    ("Both Vorland and Tarvik have alleged Orvell involvement in the raid.", "allege", "Vorland",
     "involvement"),
    ("The raid on the Darvel depot was claimed by the Kessel Front.", "claim", "Kessel Front",
     "raid"),
    ("The accusation was denied by Brindle Motors on Monday.", "deny", "Brindle Motors",
     "accusation"),
])
def test_a_speech_verb_with_a_thing_active_or_passive_states_a_fact(text, lemma, subject, obj):
    found = facts_of(text, lemma)
    assert any(s == subject and o is not None and obj in o.lower() for s, o in found), found


def test_a_passive_speech_verb_without_a_doer_states_no_fact():
    assert facts_of("The raid on the Darvel depot was claimed in a video.", "claim") == []
