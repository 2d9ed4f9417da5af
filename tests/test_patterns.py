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


# Sentences written for these tests: every pattern's arcs, a verb with two subjects' worth of
# passive markers, a list, a date without a preposition and a clause inside a clause.
AGREEMENT_TEXTS = [
    "Orla Venn handed the ledger to the auditors on Tuesday and later became treasurer.",
    "The bridge was opened by the mayor of Dunmore, who had been elected by the council.",
    "Last week the union sent its members a letter, and the board remained chairman-less.",
    "The ferry company, which the harbour authority fined yesterday, will appeal the fine.",
    "Kestrel Mining told investors that profits rose sharply in March.",
]


@pytest.mark.parametrize("text", AGREEMENT_TEXTS)
def test_the_tree_reading_finds_what_the_dependency_matcher_finds(nlp, text):
    """find_slots reads the file's tree patterns by walking children; spaCy's
    DependencyMatcher, run on the same patterns, must find the very same slots."""
    from kg.patterns import _matched_slots, _tree_slots, tree_patterns

    doc = nlp(text)
    trees = tree_patterns()
    assert trees is not None
    assert _tree_slots(doc, trees) == _matched_slots(doc)
    assert _tree_slots(doc, trees)  # and finds something, so the sameness is not two empties


def test_a_pattern_the_tree_reading_cannot_read_leaves_it_to_the_matcher():
    from kg.patterns import _as_tree

    verb = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}}
    above = {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "argument",
             "RIGHT_ATTRS": {"DEP": "xcomp"}}
    numeric = {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "argument",
               "RIGHT_ATTRS": {"LIKE_NUM": True}}
    regex = {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "argument",
             "RIGHT_ATTRS": {"LOWER": {"REGEX": "^by"}}}
    child = {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "argument",
             "RIGHT_ATTRS": {"DEP": {"NOT_IN": ["punct"]}}}
    for node in (above, numeric, regex):
        assert _as_tree({"name": "x", "slot": "object", "pattern": [verb, node]}) is None
    tree = _as_tree({"name": "x", "slot": "object", "pattern": [verb, child]})
    assert tree is not None and tree.nodes[0].tests[0].wanted is False
