"""Verbs that share their participants (kg.extract.verbal): coordinated verbs with one object
written after the last of them, and verbs of trying, managing and failing whose infinitive is
the event. Sentences and names written for the test."""

from __future__ import annotations

import pytest
from helpers import fact_rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def facts_of(text: str) -> list[tuple[str, str, str | None, str]]:
    """(subject, lemma, object, factuality) of every fact of a text."""
    return fact_rows(text)


@pytest.mark.parametrize(("text", "subject", "lemma", "obj"), [
    ("Brindle Motors sued and defeated Ostra Foods.", "Brindle Motors", "sue", "Ostra Foods"),
    ("Police arrested and charged Tomas Vell on Friday.", "police", "arrest", "Tomas Vell"),
    ("Ona Vick interviewed and hired Jonas Berg in 1998.", "Ona Vick", "interview",
     "Jonas Berg"),
])
def test_coordinated_verbs_share_the_object_written_after_the_last(text, subject, lemma, obj):
    assert (subject, lemma, obj, "asserted") in facts_of(text)


@pytest.mark.parametrize(("text", "lemma"), [
    # The first verb has a phrase of its own: it does not take the later verb's object.
    ("Tomas Vell returned to Norhaven and sold the Velmar Hotel.", "return to"),
    ("Tomas Vell returned to Norhaven and sold the Velmar Hotel.", "return"),
    # A verb that takes no object is not given one.
    ("Tomas Vell smiled and thanked Ona Vick.", "smile"),
    # A verb that states an event alone ('arrive') is not given an object either.
    ("Police arrived and shot Tomas Vell.", "arrive"),
    # 'or' offers alternatives: neither is said to have happened to the object.
    ("Brindle Motors may sue or buy Ostra Foods.", "sue"),
    # A participle after a comma is no coordination: the blast killed no hotel.
    ("A bomb exploded outside the Velmar Hotel, killing Jonas Berg.", "explode"),
])
def test_a_verb_with_words_of_its_own_or_no_object_keeps_to_them(text, lemma):
    assert not any(lem == lemma and obj in {"Velmar Hotel", "Ona Vick", "Jonas Berg",
                                            "Tomas Vell", "Ostra Foods"}
                   for _, lem, obj, _ in facts_of(text))


def test_a_later_clause_with_its_own_subject_shares_nothing():
    facts = facts_of("Tomas Vell resigned and Ona Vick bought the Velmar Hotel.")
    assert not any(s == "Tomas Vell" and o == "Velmar Hotel" for s, _, o, _ in facts)


SUBJECTS = ["Brindle Motors", "Ostra Foods", "Harlow Mining"]
OBJECTS = ["Tamsin Group", "Pellworth Bank", "Corvane Logistics"]
PAIRS = [("sued", "sue"), ("acquired", "acquire"), ("attacked", "attack")]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SUBJECTS), st.sampled_from(OBJECTS), st.sampled_from(PAIRS),
       st.sampled_from(PAIRS))
def test_each_coordinated_verb_of_the_vocabulary_takes_the_shared_object(subject, obj, first,
                                                                          second):
    if first == second:
        return
    facts = facts_of(f"{subject} {first[0]} and {second[0]} {obj} last year.")
    for _, lemma in (first, second):
        assert any(lem == lemma and o == obj for _, lem, o, _ in facts), (lemma, facts)


@pytest.mark.parametrize(("text", "lemma", "obj", "factuality"), [
    ("Brindle Motors managed to buy Ostra Foods.", "buy", "Ostra Foods", "asserted"),
    ("Ona Vick failed to beat Jonas Berg in the final.", "beat", "Jonas Berg", "negated"),
    ("Ona Vick decided to sue Ostra Foods.", "sue", "Ostra Foods", "expected"),
    ("Ona Vick agreed to buy Ostra Foods.", "buy", "Ostra Foods", "expected"),
    ("Ona Vick began to attack Jonas Berg.", "attack", "Jonas Berg", "asserted"),
])
def test_the_infinitive_after_a_catenative_is_the_event_with_its_factuality(
        text, lemma, obj, factuality):
    """The catenative's subject does the infinitive; 'managed' says it happened, 'failed'
    that it did not, 'decided' and 'agreed' that it is to come."""
    assert any(lem == lemma and o == obj and f == factuality
               for _, lem, o, f in facts_of(text))


@pytest.mark.parametrize(("text", "lemma"), [
    ("Robert Vell was shot and killed by Tomas Berg in 1968.", "shoot"),
    ("Robert Vell was shot and killed by Tomas Berg in 1968.", "kill"),
    ("Ona Vick was arrested and charged by Norland police.", "arrest"),
    ("Ona Vick was arrested and charged by Norland police.", "charge"),
])
def test_coordinated_passives_share_their_subject_and_their_by_phrase(text, lemma):
    """'X was shot and killed by Y': Y shot X and Y killed X."""
    agent = "Tomas Berg" if "Tomas" in text else "Norland police"
    patient = "Robert Vell" if "Robert" in text else "Ona Vick"
    assert any(s == agent and lem == lemma and o == patient for s, lem, o, _ in facts_of(text))


def test_a_first_passive_with_its_own_by_phrase_lends_it_to_nothing_after():
    facts = facts_of("Robert Vell was shot by Tomas Berg and died in a hospital.")
    assert any(s == "Tomas Berg" and lem == "shoot" and o == "Robert Vell"
               for s, lem, o, _ in facts)
    assert not any(lem == "die" and o is not None for _, lem, o, _ in facts)


def test_passives_joined_by_or_under_a_negation_share_no_by_phrase():
    facts = facts_of("The Norland Act was not affected or changed by Judge Ona Vick.")
    assert not any(lem == "affect" and s == "Ona Vick" for s, lem, _, _ in facts)


def test_a_participle_the_vocabulary_does_not_know_states_a_fact_with_a_named_doer():
    """Verbs outside the relation vocabulary keep their own name as predicate."""
    facts = facts_of("The Harbor plan, first advocated by Senator Ona Vick, was dropped.")
    assert ("Ona Vick", "advocate", "Harbor plan", "asserted") in facts


@pytest.mark.parametrize("text", [
    # A state or a report, not a deed of the one named.
    "The scale used by the Norland Weather Office has five levels.",
    # No named doer: who is meant is not said.
    "The Harbor plan, first advocated by some senators, was dropped.",
])
def test_an_unknown_participle_without_a_named_doer_or_of_a_state_states_nothing(text):
    assert not any(lem in {"use", "advocate"} and o is not None
                   for _, lem, o, _ in facts_of(text))
