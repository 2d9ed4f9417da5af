"""Telegraphic headlines whose verb the small tagger reads as a noun (kg.headline_verbs): the
verb is found by a parse with a stand-in verb, its fact is stated, and every word keeps its
characters. Headlines written for the test."""

from __future__ import annotations

import re

from kg.headline_verbs import verb_base
from kg.ingest import make_document
from kg.nlp import choose_model, load_pipeline, parse_documents


def _parse(text: str):  # -> Doc
    return load_pipeline(choose_model())(text)


def test_a_title_case_verb_read_as_a_noun_becomes_the_root():
    doc = _parse("Harbour Board Rules Against Ferry Operator")
    verb = doc[2]
    assert (verb.tag_, verb.dep_, verb.lemma_) == ("VBZ", "ROOT", "rule")
    assert [c.text for c in verb.lefts if c.dep_ == "nsubj"] == ["Board"]


def test_a_title_case_verb_parsed_as_a_compound_is_the_root_of_the_documents_headline():
    document = make_document("Ostrava Council Bans Lorries From Old Town\n\nThe council voted "
                             "on Monday.", source="t.txt", date="2023-01-01")
    [(_, doc)] = list(parse_documents([document], choose_model()))
    headline = next(iter(doc.sents))
    assert [(t.text, t.lemma_) for t in headline if t.dep_ == "ROOT"] == [("Bans", "ban")]
    assert [t.text for t in headline if t.dep_ in {"nsubj", "dobj"}] == ["Council", "Lorries"]


def test_a_verb_tagged_as_one_but_parsed_a_noun_modifier_becomes_the_root():
    doc = _parse("Villagers foil Velmar bank robbery")
    assert (doc[1].dep_, doc[0].dep_, doc[4].dep_) == ("ROOT", "nsubj", "dobj")


def test_a_heading_compound_is_left_a_noun_phrase():
    doc = _parse("Velmar council awards ceremony")
    assert not any(t.pos_ == "VERB" for t in doc), [(t.text, t.tag_) for t in doc]


def test_a_headline_with_its_own_verb_is_left_as_parsed():
    doc = _parse("Velmar mayor opened new bridge")
    assert [t.lemma_ for t in doc if t.dep_ == "ROOT"] == ["open"]
    assert all(t.tag_ != "VBZ" for t in doc)


def test_the_words_and_their_offsets_do_not_change():
    text = "Tarnow Port Authority Fines Shipping Firm Over Oil Spill"
    doc = _parse(text)
    assert doc.text == text
    assert [(t.idx, t.text) for t in doc] == [(m.start(), m.group())
                                              for m in re.finditer(r"\S+", text)]


def test_verb_base_needs_a_verb_wordnet_knows():
    assert verb_base("denounces", third_person=True) == "denounce"
    assert verb_base("carries", third_person=True) == "carry"
    assert verb_base("agreement", third_person=False) is None
