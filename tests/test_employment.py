"""Employment verbs give an 'employee' position (kg/extract/employment.py)."""

from __future__ import annotations

import pytest
from helpers import corpus_of, object_id

from kg.model import ResolvedCorpus


def positions(corpus: ResolvedCorpus) -> set[tuple[str, str, str | None, str]]:
    """(person, holder, role, factuality) of every position fact."""
    labels = {e.entity_id: e.label for e in corpus.entities}
    return {(labels[f.subject.entity_id or ""], labels.get(object_id(f) or "", ""), f.role_name,
             f.evidence.factuality.value)
            for f in corpus.facts if f.predicate == "affiliatedWith"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Tomas Berg works for Harbor Foods.", ("Tomas Berg", "Harbor Foods")),
    ("Lena Marsh, who worked at the Lumen Bank, retired.", ("Lena Marsh", "Lumen Bank")),
    ("Greta Holm was hired by Orbital Labs in May.", ("Greta Holm", "Orbital Labs")),
    ("Orbital Labs employs Rosa Lind.", ("Rosa Lind", "Orbital Labs")),
])
def test_an_employment_verb_states_an_employee(text, expected):
    assert (*expected, "employee", "asserted") in positions(corpus_of(text))


def test_a_role_given_with_as_is_the_position_not_employee():
    found = positions(corpus_of("Greta Holm works at Harbor Foods as a chemist."))
    assert ("Greta Holm", "Harbor Foods", "chemist", "asserted") in found
    assert not [p for p in found if p[2] == "employee"]


@pytest.mark.parametrize("text", [
    "Mira Dahl worked in Oslo.",
    "Ivo Marek works with the Daily Clarion on the survey.",
])
def test_a_place_or_a_partner_is_no_employer(text):
    assert not [p for p in positions(corpus_of(text)) if p[2] == "employee"]


def test_a_denied_job_is_not_asserted():
    found = positions(corpus_of("Ivo Marek does not work for the Daily Clarion."))
    assert not [p for p in found if p[2] == "employee" and p[3] == "asserted"]


def test_playing_for_a_team_is_a_player():
    found = positions(corpus_of("Karl Nyberg played for the Harbor City Sharks for six years."))
    assert ("Karl Nyberg", "Harbor City Sharks", "player", "asserted") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Anna Berg, who held the post of chair of the Lumen Water Committee, resigned.",
     ("Anna Berg", "Lumen Water Committee", "chair", "asserted")),
    ("Tom Reyes held the post of treasurer at Harbor Foods.",
     ("Tom Reyes", "Harbor Foods", "treasurer", "asserted")),
])
def test_holding_the_post_of_a_role_is_that_role(text, expected):
    assert expected in positions(corpus_of(text))


def test_a_post_with_no_role_named_is_no_position():
    assert not positions(corpus_of("Tom Reyes held a post in the city."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Peter Rusk served in the Velmar Harbor Guard for a decade.",
     ("Peter Rusk", "Velmar Harbor Guard")),
    ("Tom Corr and Jim Dale were later in the band Harbor Lights.",
     ("Jim Dale", "Harbor Lights")),
])
def test_being_or_serving_in_an_organisation_is_membership(text, expected):
    assert (*expected, "member", "asserted") in positions(corpus_of(text))


@pytest.mark.parametrize("text", [
    "Peter Rusk served in Iraq for a decade.",
    "Peter Rusk was in Paris on Monday.",
])
def test_being_or_serving_in_a_place_is_no_membership(text):
    assert not [p for p in positions(corpus_of(text)) if p[2] == "member"]
