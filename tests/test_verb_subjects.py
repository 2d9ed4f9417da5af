"""Who a verb's fact is about (kg.extract.subjects): a bare generic noun ('Researchers',
'Others', 'Police') as the subject names nobody and makes no fact; a determiner or a
modifier keeps it. Sentences written for the test."""

from __future__ import annotations

import pytest
from helpers import fact_rows


def subjects_of(text: str, lemma: str) -> list[str]:
    return [subject for subject, verb, _, _ in fact_rows(text) if verb == lemma]


@pytest.mark.parametrize(("text", "lemma"), [
    ("Researchers examined the Tarvik glacier samples in March.", "examine"),
    ("Others attacked Ona Vick outside the Harwick station.", "attack"),
    ("Volunteers and neighbours rescued Ona Vick.", "rescue"),
])
def test_a_bare_generic_subject_makes_no_fact(text, lemma):
    assert subjects_of(text, lemma) == [], fact_rows(text)


@pytest.mark.parametrize(("text", "lemma", "subject"), [
    ("The Brindle Motors researchers examined the Tarvik samples.", "examine", "researcher"),
    ("Two firefighters rescued Ona Vick.", "rescue", "firefighter"),
    ("Pavel Orlov examined the Tarvik samples.", "examine", "Pavel Orlov"),
    ("Police arrested Ona Vick outside the Harwick station.", "arrest", "police"),
    ("Firefighters rescued Ona Vick from the Harwick mill.", "rescue", "firefighter"),
])
def test_a_described_or_named_subject_still_makes_the_fact(text, lemma, subject):
    assert any(subject.lower() in s.lower() for s in subjects_of(text, lemma)), \
        fact_rows(text)


def test_a_surname_the_tagger_takes_for_a_noun_is_still_a_subject():
    text = "Tom Hollings moved to Harwick. Hollings passed the state bar exam in 1998."
    # The small model tags the second 'Hollings' a plural noun; it is still a doer.
    assert subjects_of(text, "pass"), fact_rows(text)


@pytest.mark.parametrize(("text", "cause", "verb", "harmed"), [
    ("About 2,000 villagers were killed in a border war in 1994.", "border war", "kill",
     "about 2,000 villagers"),
    ("Six protesters were injured in the violence on Sunday.", "violence", "injure",
     "six protesters"),
    ("Marta Olsen was killed in a military operation near Tromsø.", "military operation",
     "kill", "Marta Olsen"),
])
def test_a_war_violence_or_an_operation_does_the_harm_a_passive_says_happened_in_it(
        text, cause, verb, harmed):
    assert (cause, verb, harmed, "asserted") in fact_rows(text), fact_rows(text)
