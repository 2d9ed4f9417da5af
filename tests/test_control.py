"""Who does an infinitive and whether it happened (data/control.json, read by
kg.extract.subjects and kg.factuality): the object of 'relied on' or 'paid for' does it, a
directive asks for it, a negated 'going to' or 'try to' says it did not happen, and a finite
sibling keeps its own tense. Sentences written for the test."""

from __future__ import annotations

import pytest
from helpers import fact_rows

from kg.factuality import judge_factuality
from kg.model import Factuality
from kg.relations import load_vocabulary


def rows_of(text: str, lemma: str) -> list[tuple[str, str | None, str]]:
    """(subject, object, factuality) of the facts of ``lemma`` in ``text``."""
    return [(subject, obj, factuality) for subject, verb, obj, factuality in fact_rows(text)
            if verb == lemma]


@pytest.mark.parametrize(("text", "lemma", "doer", "factuality"), [
    # The one relied on or paid does it, as often as the governing verb says.
    ("The Pell Harbour council relies on Kessel Air to carry its mail.", "carry",
     "Kessel Air", "asserted"),
    ("The Pell Harbour council has relied on Kessel Air to fly its clerks to Ostby.", "fly",
     "Kessel Air", "asserted"),
    ("The Pell Harbour council pays for Kessel Air to carry its mail.", "carry",
     "Kessel Air", "asserted"),
    # Still to come under a future governor, or when only waited for.
    ("The Pell Harbour council will rely on Kessel Air to carry its mail.", "carry",
     "Kessel Air", "expected"),
    ("Dara Voss waited for Jon Feld to sign the lease.", "sign", "Jon Feld", "expected"),
])
def test_the_object_of_a_controlling_preposition_does_the_infinitive(
        text, lemma, doer, factuality):
    found = rows_of(text, lemma)
    assert found and {(s, f) for s, _, f in found} == {(doer, factuality)}


def test_a_preposition_no_verb_controls_leaves_the_infinitive_to_the_subject():
    found = rows_of("Jon Feld worked for Kessel Air to pay his debts.", "pay")
    assert {s for s, _, _ in found} == {"Jon Feld"}


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A directive asks for the deed, as 'urged' does: a demand, not an expected act.
    ("Dara Voss told the Ostby guards to leave the mill.", "leave", Factuality.NORMATIVE),
    ("Dara Voss instructed the clerk to file the claim.", "file", Factuality.NORMATIVE),
    # An order stays expected.
    ("The Ostby court ordered Jon Feld to pay the fine.", "pay", Factuality.EXPECTED),
    # A negated 'going to', 'try to' or 'manage to' says the deed did not happen ...
    ("Jon Feld is not going to sell the mill.", "sell", Factuality.NEGATED),
    ("Jon Feld did not try to sell the mill.", "sell", Factuality.NEGATED),
    ("Jon Feld did not manage to sell the mill.", "sell", Factuality.NEGATED),
    # ... but a negated hesitation says nothing against it.
    ("Jon Feld did not hesitate to sell the mill.", "sell", Factuality.ASSERTED),
    # A finite sibling keeps its own tense: he did move.
    ("Jon Feld would have sold the mill but moved to Ostby instead.", "moved",
     Factuality.ASSERTED),
    ("Jon Feld will visit Ostby and meet Dara Voss.", "meet", Factuality.EXPECTED),
])
def test_directives_negated_governors_and_finite_siblings(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "lemma"), [
    ("Dara Voss urged the Ostby council to cut taxes but then raised fees herself.", "raise"),
    ("Jon Feld went to Ostby to visit the mill and met Dara Voss there.", "meet"),
])
def test_a_finite_sibling_of_an_infinitive_is_the_governors_sibling(text, lemma):
    """'urged X to cut taxes but then raised fees': the raising is the urger's, and done."""
    found = rows_of(text, lemma)
    assert found and all(f == "asserted" for _, _, f in found)
    assert ("Ostby council", "fee", "asserted") not in found
    if lemma == "raise":
        assert {s for s, _, _ in found} == {"Dara Voss"}


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # What was asked for or awaited keeps that reading whoever reports it ...
    ("The Ostby Herald reported that Jon Feld is expected to win the vote.", "win",
     Factuality.EXPECTED),
    ("The Ostby Herald reported that Dara Voss urged Jon Feld to sell the mill.", "sell",
     Factuality.NORMATIVE),
    # ... while a reported deed, or a wish laid on someone else, stays the claim.
    ("The Ostby Herald reported that Jon Feld sold the mill.", "sold", Factuality.REPORTED),
    ("Dara Voss said Jon Feld wants to sell the mill.", "sell", Factuality.REPORTED),
])
def test_a_claim_does_not_report_what_was_asked_for_or_awaited(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A past decision to call something off is the calling off ...
    ("The Ostby council decided to cancel the harvest fair.", "cancel", Factuality.ASSERTED),
    ("The Ostby council had voted to postpone the election.", "postpone",
     Factuality.ASSERTED),
    # ... but a decided deed of another kind, or a present or future one, is still to come.
    ("The Ostby council decided to close the mill.", "close", Factuality.EXPECTED),
    ("The Ostby council agrees to suspend the fair.", "suspend", Factuality.EXPECTED),
    ("The Ostby council will decide to cancel the fair.", "cancel", Factuality.EXPECTED),
])
def test_a_past_decision_to_call_something_off_is_done(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A bare verb coordinated with an infinitive is as sure as the infinitive.
    ("Jon Feld was not old enough to own or drive a tractor.", "drive", Factuality.NEGATED),
    ("Jon Feld is too young to own or drive a tractor.", "drive", Factuality.NEGATED),
])
def test_a_bare_sibling_of_an_infinitive_shares_its_reading(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "lemma", "row"), [
    # The governing act is stated with its infinitive, as sure as the governor itself.
    ("Dara Voss agreed to wear an electronic tag.", "agree to wear",
     ("Dara Voss", "electronic tag", "asserted")),
    ("The Pell Harbour council voted to leave the Norden Union.", "vote to leave",
     ("Pell Harbour council", "Norden Union", "asserted")),
    ("Jon Feld declined to comment.", "decline to comment", ("Jon Feld", None, "asserted")),
    ("Jon Feld did not agree to sell the farm.", "agree to sell",
     ("Jon Feld", "farm", "negated")),
    # A choice not to act was made: the negation belongs to the infinitive.
    ("Dara Voss chose not to sell the farm.", "choose not to sell",
     ("Dara Voss", "farm", "asserted")),
])
def test_a_recorded_governor_is_stated_with_its_infinitive(text, lemma, row):
    assert rows_of(text, lemma) == [row]


@pytest.mark.parametrize(("text", "lemma"), [
    # The infinitive's doer is the object, not the governor's subject: nobody agreed.
    ("Dara Voss urged Jon Feld to sell the farm.", "urge to sell"),
    # An aspectual or a wishing governor records no act of its own.
    ("Dara Voss began to repair the Ostby mill.", "begin to repair"),
    ("Dara Voss wanted to repair the Ostby mill.", "want to repair"),
])
def test_other_governors_state_no_act_with_the_infinitive(text, lemma):
    infinitive = lemma.split()[-1]
    assert not rows_of(text, lemma)
    assert rows_of(text, infinitive)  # the infinitive's own fact is still there


@pytest.mark.parametrize(("text", "lemma", "row"), [
    # The parser reads the object as the infinitive's subject; the governor still acts on it.
    ("The Ostby council allowed Kessel Air to build a hangar.", "allow",
     ("Ostby council", "Kessel Air", "asserted")),
    ("The Chinese government has allowed Norvia to keep its own courts.", "allow",
     ("Chinese government", "Norvia", "asserted")),
])
def test_a_controlling_verb_acts_on_the_subject_of_its_infinitive(text, lemma, row):
    assert rows_of(text, lemma) == [row]


def test_a_wish_does_not_act_on_the_subject_of_its_infinitive():
    # 'want' asks or lets no one act: Dara wanted nothing done to Jon Feld by her.
    assert not rows_of("Dara Voss wanted Jon Feld to leave the firm.", "want")
