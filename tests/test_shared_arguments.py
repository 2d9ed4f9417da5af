"""Arguments coordinated verbs share though the parser gives them to one (kg.extract.verbal):
the harmful event after the last of two coordinated passives of harm did both. Sentences
written for the test."""

from __future__ import annotations

import pytest
from helpers import fact_rows


@pytest.mark.parametrize(("text", "cause", "verb", "harmed"), [
    ("Three miners were killed and two guards were injured in an explosion on Tuesday.",
     "explosion", "kill", "three miners"),
    ("Four soldiers were killed and nine were wounded in an ambush on Friday.",
     "ambush", "kill", "four soldiers"),
])
def test_coordinated_passives_of_harm_share_the_event_that_did_it(text, cause, verb, harmed):
    rows = fact_rows(text)
    assert (cause, verb, harmed, "asserted") in rows, rows


@pytest.mark.parametrize("text", [
    # The first verb has a phrase of its own: the event after the second is not its cause.
    "Three miners were killed in Narvik and two guards were injured in an explosion.",
    # Not a verb of harm: the flood did not rescue anyone.
    "Three miners were rescued and two guards were injured in the flood.",
])
def test_a_cause_is_not_shared_past_a_phrase_of_its_own_or_with_a_verb_of_no_harm(text):
    rows = fact_rows(text)
    assert any(o == "three miners" for _, _, o, _ in rows) or \
        any(s == "three miners" for s, _, _, _ in rows), rows
    assert not any(s in {"explosion", "flood"} and o == "three miners"
                   for s, _, o, _ in rows), rows


@pytest.mark.parametrize(("text", "companion", "verb", "obj"), [
    ("Ona Vick, along with Pavel Orlov, visited the Tarvik mine on Monday.", "Pavel Orlov",
     "visit", "Tarvik mine"),
    ("Brindle Motors, together with Harwick Freight, bought the Tarvik mine.",
     "Harwick Freight", "buy", "Tarvik mine"),
])
def test_a_companion_beside_the_subject_did_what_the_subject_did(text, companion, verb, obj):
    rows = fact_rows(text)
    assert (companion, verb, obj, "asserted") in rows, rows
    assert (text.split(",")[0], verb, obj, "asserted") in rows, rows


def test_a_companion_after_the_verb_is_not_a_doer():
    # 'along with' after the verb may go with the object: the guns, not a second seizer.
    rows = fact_rows("Ona Vick seized the rifles along with Pavel Orlov's ammunition.")
    assert not any(s == "Pavel Orlov" and v == "seize" for s, v, _, _ in rows), rows


@pytest.mark.parametrize(("text", "verb", "harmed"), [
    ("Six villagers were killed and injured in an avalanche near Tromsø.", "kill",
     "six villagers"),
    ("Six villagers were killed and injured in an avalanche near Tromsø.", "injure",
     "six villagers"),
])
def test_passives_of_harm_sharing_one_subject_share_the_event_that_did_it(text, verb, harmed):
    rows = fact_rows(text)
    assert ("avalanche", verb, harmed, "asserted") in rows, rows


def test_a_borrowed_cause_keeps_the_fact_of_the_harm_alone():
    rows = fact_rows("Three miners were killed and two guards were injured in an explosion.")
    assert ("three miners", "kill", None, "asserted") in rows, rows


@pytest.mark.parametrize(("text", "verb", "obj"), [
    # The parser tags 'protected' a past participle after 'sued': a second past tense still.
    ("Ona Vick sued and protected the corrupt officials.", "sue", "corrupt official"),
    ("The union sued and protected the striking miners.", "sue", "miner"),
])
def test_a_past_tense_shares_its_object_with_a_conjunct_tagged_as_a_participle(text, verb, obj):
    rows = fact_rows(text)
    assert any(v == verb and o == obj for _, v, o, _ in rows), rows


def test_a_participle_with_its_own_auxiliary_shares_no_object():
    # 'was sued' is a passive clause of its own: Pavel Orlov did not leave the guards.
    rows = fact_rows("Pavel Orlov left and was sued by the guards.")
    assert not any(v == "leave" and o == "guard" for _, v, o, _ in rows), rows


@pytest.mark.parametrize(("text", "doer", "verb", "obj"), [
    # The parser reads 'punching' as a noun and hangs 'throwing' on it.
    ("Ona Vick was pushing, punching, and throwing stones.", "Ona Vick", "throw", "stone"),
])
def test_a_gerund_after_one_read_as_a_noun_takes_the_first_verbs_subject(text, doer, verb, obj):
    rows = fact_rows(text)
    assert (doer, verb, obj, "asserted") in rows, rows


def test_gerunds_read_as_nouns_with_no_verb_before_lend_no_doer():
    # 'looting' and 'burning' are nouns of one subject phrase: nobody loots or burns here.
    rows = fact_rows("The shooting, looting and burning of shops alarmed Ona Vick.")
    assert not any(v in {"loot", "burn"} for _, v, _, _ in rows), rows
