"""Institutions named by their country: 'the Moldovan government', 'Norway's foreign
ministry', 'the government of Bolivia' are organisations (kg.extract.institutions)."""

from __future__ import annotations

import pytest
from helpers import corpus_of, fact_rows

from kg.model import EntityType


@pytest.mark.parametrize(("text", "label"), [
    ("The Estonian parliament approved the fishing quota on Tuesday.", "Estonian parliament"),
    ("The Peruvian army arrested the mayor of Cusco.", "Peruvian army"),
    ("The government of Bolivia closed the border crossing.", "government of Bolivia"),
    ("Chilean state media reported the fire at the port.", "Chilean state media"),
])
def test_a_body_named_by_its_country_is_an_organisation(text: str, label: str) -> None:
    corpus = corpus_of(text)
    types = {e.label: e.type for e in corpus.entities}
    assert types.get(label) is EntityType.ORGANIZATION


def test_a_possessive_country_owns_its_ministry_and_the_ministry_acts() -> None:
    rows = fact_rows("Norway's foreign ministry summoned the Danish ambassador on Friday.")
    assert ("Norway's foreign ministry", "summon", "Danish ambassador", "asserted") in rows


def test_the_government_later_is_the_one_named_by_its_country() -> None:
    rows = fact_rows("The Moldovan government banned rallies on Monday. "
                     "On Thursday the government lifted the ban.")
    assert any(row[:2] == ("Moldovan government", "lift") for row in rows)


def test_the_institution_is_based_in_its_country() -> None:
    rows = fact_rows("The Uruguayan navy rescued twelve fishermen.")
    assert ("Uruguayan navy", "basedIn", "Uruguay", "asserted") in rows


@pytest.mark.parametrize("text", [
    "Critics accused the Obama administration of hiding the report.",
    "His government collapsed after the vote.",
    "A government spokesman denied the claim.",
    "The ruling lets a Danish court fine the website.",
])
def test_no_institution_without_a_place_owning_it(text: str) -> None:
    corpus = corpus_of(text)
    assert not any(e.type is EntityType.ORGANIZATION and
                   set(e.label.lower().split()) & {"administration", "government", "court"}
                   for e in corpus.entities)


def test_a_body_written_both_ways_is_the_organisation_named() -> None:
    corpus = corpus_of("The Kenya Parliament met on Monday. On Tuesday the Kenyan parliament "
                       "rejected the sugar levy.")
    labels = {e.label for e in corpus.entities}
    assert "Kenyan parliament" not in labels
    rows = fact_rows("The Kenya Parliament met on Monday. On Tuesday the Kenyan parliament "
                     "rejected the sugar levy.")
    assert any(row[:2] == ("Kenya Parliament", "reject") for row in rows)


def test_a_name_set_beside_the_body_is_what_it_means() -> None:
    labels = {e.label for e in corpus_of(
        "Estonia's parliament, the Riigikogu, passed the forestry law.").entities}
    assert "Estonia's parliament" not in labels
