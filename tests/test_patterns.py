"""The declarative verb-argument patterns (data/patterns.json) and the slots they find."""

from __future__ import annotations

import pytest

from kg.patterns import find_slots, load_patterns

SLOTS = {"subject", "object", "recipient", "prep", "time"}


def test_every_pattern_is_named_once_and_fills_a_known_slot_from_an_argument_node():
    names = [entry["name"] for entry in load_patterns()]
    assert len(names) == len(set(names))
    for entry in load_patterns():
        assert entry["slot"] in SLOTS
        ids = [node["RIGHT_ID"] for node in entry["pattern"]]
        assert ids[0] == "verb" and "argument" in ids


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin gave Kim a rifle.", {("nsubj", "Putin"), ("dative", "Kim"), ("dobj", "rifle")}),
    ("Putin gave a rifle to Kim.", {("nsubj", "Putin"), ("dobj", "rifle"), ("dative-to", "Kim")}),
    ("The rifle was given by Putin.", {("agent", "Putin"), ("nsubjpass", "rifle"),
                                       ("prep", "by")}),
])
def test_slots_of_the_main_verb(nlp, text, expected):
    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_ == "give")
    found = {(s.name, doc[s.argument].text) for s in find_slots(doc)[verb.i]}
    assert found == expected
