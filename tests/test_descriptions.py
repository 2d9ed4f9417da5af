"""A definite description stands for the one name its document described with that noun
(kg/extract/descriptions.py): sentences written for the test. Each rule has its refusal: with
two names so described, or words that make it another one, it stays a description."""

from __future__ import annotations

from helpers import fact_rows


def _subjects(text: str, lemma: str) -> set[str]:
    return {subject for subject, verb, _, _ in fact_rows(text) if verb == lemma}


def test_a_described_killer_is_the_one_named_with_that_noun_before():
    text = ("Serial killer Tom Reyes admitted eight murders in Velm. The 52-year-old killer "
            "had kept a ring of one victim.")
    assert _subjects(text, "keep") == {"Tom Reyes"}


def test_a_trio_is_the_band_the_document_named():
    text = ("In 1980, Dana Ruiz, Lena Park and Omar Haddad formed the folk band Silver Maple. "
            "The folk trio was a huge success, selling millions of records.")
    assert _subjects(text, "sell") == {"Silver Maple"}


def test_a_noun_said_of_a_name_with_be_describes_it():
    text = ("The Harbor Transit Authority is a federal agency. On Monday the federal agency "
            "announced a plan to close two stations.")
    assert _subjects(text, "announce") == {"Harbor Transit Authority"}


def test_two_names_so_described_leave_the_description_alone():
    # (a sentence between: one named alone in the sentence just before is the one a reader
    # takes, kg/extract/reference.py's rule for 'the agency')
    text = ("The Harbor Transit Authority is a federal agency. The Velm Water Office is also a "
            "federal agency. Both were set up in 1990. On Monday the federal agency announced "
            "a plan to close two stations.")
    assert not _subjects(text, "announce") & {"Harbor Transit Authority", "Velm Water Office"}


def test_another_one_of_the_kind_is_not_the_one_described():
    text = ("The Harbor Transit Authority is a federal agency. On Monday the other agency "
            "announced a plan to close two stations.")
    assert "Harbor Transit Authority" not in _subjects(text, "announce")


def test_a_word_the_name_was_not_given_makes_another_one():
    text = ("The Ostlandic producer Helios Gas signed a deal in May. The Ruritanian producer "
            "sold a field.")
    assert "Helios Gas" not in _subjects(text, "sell")


def test_one_of_a_group_named_in_apposition_is_that_name():
    text = ("Ostland had been allied with three militias. One of these militias, the Velm "
            "Liberation Front, opposed the withdrawal.")
    assert _subjects(text, "oppose") == {"Velm Liberation Front"}


def test_a_noun_before_the_organisation_noun_names_a_narrower_kind():
    text = ("Nevada held no caucus, and the Nevada Republican Party met in May. The state "
            "party endorsed Tom Reyes.")
    assert "Nevada Republican Party" not in _subjects(text, "endorse")


def test_a_headline_agency_is_the_one_administration_its_lead_names():
    text = ("Ostlandic federal agency announces plans to close two stations\n2020-11-26\n\n"
            "On Monday, the Harbor Transit Administration sent a letter to the city council.")
    assert _subjects(text, "announce") == {"Harbor Transit Administration"}


def test_a_headline_agency_over_a_lead_naming_two_stays_a_description():
    text = ("Ostlandic federal agency announces plans to close two stations\n2020-11-26\n\n"
            "On Monday, the Harbor Transit Administration and the Velm Water Administration "
            "sent a letter to the city council.")
    assert not _subjects(text, "announce") & {"Harbor Transit Administration",
                                             "Velm Water Administration"}


def test_a_title_of_a_place_glued_to_a_name_is_that_person():
    # The parser reads 'Texas Tom Reyes' as one name under 'of': the governor is Tom Reyes.
    assert _subjects("Today, Governor of Texas Tom Reyes signed the bill.", "sign") == \
        {"Tom Reyes"}


def test_a_title_of_a_person_is_not_that_person():
    assert "Tom Reyes" not in _subjects("The lawyer of Tom Reyes signed the bill.", "sign")


def _objects(text: str, lemma: str) -> set[str | None]:
    return {obj for _, verb, obj, _ in fact_rows(text) if verb == lemma}


def test_a_headline_measure_is_the_act_its_lead_names_with_the_same_verb():
    text = ("Governor of Velm signs state anti-abortion measure\n2019-05-16\n\nOn Wednesday in "
            "the state of Velm, Governor Dana Ruiz signed the Velm Human Life Protection Act, "
            "outlawing most abortions in the state.")
    assert _objects(text, "sign") == {"Velm Human Life Protection Act"}


def test_a_headline_measure_over_a_lead_signing_no_law_stays_a_description():
    text = ("Governor of Velm signs state anti-abortion measure\n2019-05-16\n\nOn Wednesday in "
            "the state of Velm, Governor Dana Ruiz signed a letter to Tom Reyes.")
    assert any(o is not None and o.endswith("measure") for o in _objects(text, "sign"))


def test_a_noun_set_off_by_a_dash_after_a_name_and_its_short_form_describes_it():
    text = ("On Thursday, the Velm Arts Council (VAC) — the supreme panel on matters of public "
            "art — ruled on the case. The panel issued a statement.")
    assert _subjects(text, "issue") == {"Velm Arts Council"}


def test_a_word_of_its_own_before_the_noun_leaves_it_a_description():
    text = ("In 1980, Dana Ruiz, Lena Park and Omar Haddad formed the folk band Silver Maple. "
            "The jazz trio was a huge success, selling millions of records.")
    assert "Silver Maple" not in _subjects(text, "sell")
