"""The diagnosis of missed events (benchmarks/event_misses.py): which cause a miss is given.
Sentences written for the test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from event_misses import gold_verb, quote_span, verb_cause

from kg.nlp import choose_model, load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(choose_model())


def verb_of(nlp, text: str, lemma: str):
    return next(t for t in nlp(text) if t.lemma_.lower() == lemma)


def test_the_gold_verb_is_the_first_word_of_an_event_relation():
    assert gold_verb("[event] Ona Vick --call on--> Harwick council") == "call"
    assert gold_verb("[event]  --arrest--> Pavel Orlov") == "arrest"
    assert gold_verb("[role] Ona Vick --mayor--> Harwick") is None


def test_a_quote_is_found_across_line_breaks():
    body = "Late on Monday the Harwick ferry\nturned back with engine trouble."
    start, _ = quote_span(body, "the Harwick ferry turned back with engine trouble")
    assert body[start:].startswith("the Harwick ferry")
    assert quote_span(body, "no such words anywhere here") is None


@pytest.mark.parametrize(("text", "lemma", "cause"), [
    ("Ona Vick was arrested in Harwick.", "arrest", "no fact: passive or participle"),
    ("Ona Vick secured 39 of the seats.", "secure", "no fact: bare number as object"),
    ("Ona Vick declined to comment.", "decline", "no fact: clause complement only"),
    ("Nurses treated the wounded miners.", "treat", "no fact: subject and object"),
    ("Ona Vick said the plan had failed.", "say", "no fact: skipped or speech verb"),
])
def test_a_verb_with_no_fact_is_given_the_cause_its_parse_shows(nlp, text, lemma, cause):
    assert verb_cause(verb_of(nlp, text, lemma)) == cause


def test_a_verb_with_no_subject_names_the_dependency_it_hangs_by(nlp):
    verb = verb_of(nlp, "Ona Vick hoped to visit Harwick.", "visit")
    assert verb_cause(verb) == "no fact: no subject of its own (xcomp)"
