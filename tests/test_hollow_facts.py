"""kg.extract.facts.states_something: a doer alone with a verb that is about what it acts on
or where ('X won', 'X voted') is no fact; with an object or a place it is, and so are a verb
of happening and a patient alone. Sentences written for the test."""

from __future__ import annotations

import pytest
from helpers import fact_rows

from kg.extract.facts import subject_alone_verbs


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
