"""A bare number as a counted participant (kg/extract/counts.py): 'the quake killed 14'."""

from __future__ import annotations

import pytest
from helpers import fact_rows


def _objects(text: str, lemma: str) -> set[str | None]:
    return {obj for _, fact_lemma, obj, _ in fact_rows(text) if fact_lemma == lemma}


@pytest.mark.parametrize(("text", "lemma", "wanted"), [
    ("A landslide in Velmora killed 14 on Tuesday.", "kill", "14 people"),
    ("The virus has infected 3,500 in the province of Tarsk since May.", "infect",
     "3,500 people"),
    ("Coastguards in Corvane rescued nine from the ferry on Sunday.", "rescue", "nine people"),
])
def test_a_bare_number_object_of_a_person_verb_counts_people(text, lemma, wanted):
    assert wanted in _objects(text, lemma)


def test_a_bare_number_left_dead_is_killed():
    assert "six people" in _objects("The typhoon left six dead in Corvane on Friday.", "kill")


def test_a_bare_passive_subject_of_a_harm_verb_counts_people():
    rows = fact_rows("At least eleven were wounded in the blast in Tarsk on Monday.")
    assert any(lemma == "wound" and "eleven people" in (subject, obj)
               for subject, lemma, obj, _ in rows)


@pytest.mark.parametrize("text", [
    "The Tarsk Lions won 3 against Corvane on Saturday.",
    "Velora Oil received 192 in the council vote on Friday.",
    "The flood killed 30% of the herds in Corvane.",
])
def test_a_number_after_other_verbs_or_a_share_is_no_people(text):
    assert not any(obj and obj.endswith("people") for _, _, obj, _ in fact_rows(text))


def test_a_headline_leaving_a_count_dead_is_killed():
    assert "two people" in _objects("Bus crash near Velm leaves two dead, three injured",
                                    "kill")


def test_a_number_with_a_determiner_refers_back_and_counts_no_new_people():
    rows = fact_rows("Twelve nurses fell ill. As of Monday, these three had recovered in Velm.")
    assert not any("three people" in (subject, obj) for subject, _, obj, _ in rows)
