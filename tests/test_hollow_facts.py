"""kg.extract.facts.states_something: a doer alone with a verb that is about what it acts on
or where ('X won', 'X voted') is no fact; with an object or a place it is, and so are a verb
of happening and a patient alone. An object that is one bare shell noun ('rejected the
offer') makes no fact; with its complement it does. Sentences written for the test."""

from __future__ import annotations

import pytest
from helpers import fact_rows

from kg.extract.facts import shell_nouns, subject_alone_verbs


def lemmas_without_object(text: str) -> set[str]:
    return {lemma for _, lemma, obj, _ in fact_rows(text) if obj is None}


@pytest.mark.parametrize(("text", "lemma"), [
    ("Marta Olenska won on Sunday.", "win"),
    ("Senator Oskar Brindle voted on Tuesday.", "vote"),
    ("Ilse Varga served for a decade.", "serve"),
    ("The Corvane Group wanted to switch.", "switch"),
    ("Lena Dorsch and Pavel Ostrov met, and Dorsch won.", "win"),
])
def test_a_doer_alone_with_a_verb_about_its_object_is_no_fact(text, lemma):
    assert lemma not in lemmas_without_object(text)


def test_a_place_gives_the_verb_what_it_is_about():
    assert "win" in lemmas_without_object("Marta Olenska won in Dorrington on Sunday.")


def test_the_verb_with_its_object_stays():
    rows = fact_rows("Ilse Varga served in the Velmar Navy.")
    assert ("Ilse Varga", "serve", "Velmar Navy", "asserted") in rows


def test_a_verb_of_happening_and_a_patient_alone_stay():
    assert "resign" in lemmas_without_object("Tomas Reuel resigned on Monday.")
    assert "lower" in lemmas_without_object("Harald Penn was lowered.")


def test_the_data_joins_the_complement_verbs():
    verbs = subject_alone_verbs()
    assert {"win", "vote", "contribute"} <= verbs
    assert "resign" not in verbs and "die" not in verbs


@pytest.mark.parametrize("text", [
    "Oskar Brindle rejected the offer.",
    "The Corvane Group justified the claim.",
    "Marta Olenska criticised the move on Friday.",
])
def test_a_bare_shell_noun_object_is_no_fact(text):
    assert not [row for row in fact_rows(text) if row[2] is not None]


def test_a_shell_noun_with_its_complement_stays():
    rows = fact_rows("Oskar Brindle rejected the offer to buy the Harwick mine.")
    assert ("Oskar Brindle", "reject", "offer to buy the Harwick mine", "asserted") in rows


def test_a_bare_object_that_is_no_shell_noun_stays():
    rows = fact_rows("Marta Olenska suspended her campaign.")
    assert any(lemma == "suspend" and obj == "campaign" for _, lemma, obj, _ in rows)
    assert "campaign" not in shell_nouns() and "claim" in shell_nouns()
