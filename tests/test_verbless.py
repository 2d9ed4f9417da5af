"""Sentences the small tagger leaves without a verb (kg.extract.verbless): a finite verb
spelt like a noun ('awards', 'lead') is read as one, in a whole sentence or in a clause
before a semicolon, and a heading with no final period is left alone. Sentences written for
the test."""

from __future__ import annotations

from helpers import fact_rows

from kg.extract.verbless import mend_verbless_sentences
from kg.nlp import choose_model, load_pipeline


def test_a_verb_tagged_a_noun_in_a_verbless_sentence_states_its_fact():
    rows = fact_rows("The Velmar Party awards seats proportionally.")
    assert ("Velmar Party", "award", "seat", "asserted") in rows, rows


def test_a_verbless_clause_before_a_semicolon_states_its_fact():
    rows = fact_rows("Dara Quill's photograph lead to public calls for an inquiry; since then, "
                     "the Orvell council has met twice.")
    assert any(verb == "lead to" and obj is not None and "call" in obj
               for _, verb, obj, _ in rows), rows


def test_a_heading_without_a_final_period_is_left_a_noun_phrase():
    doc = load_pipeline(choose_model())("Velmar council awards ceremony")
    before = [(t.dep_, t.head.i, t.pos_) for t in doc]
    mend_verbless_sentences(doc)
    assert [(t.dep_, t.head.i, t.pos_) for t in doc] == before


def test_a_sentence_with_its_own_verb_is_left_as_parsed():
    doc = load_pipeline(choose_model())("The Velmar Party won twelve seats.")
    before = [(t.dep_, t.head.i, t.pos_) for t in doc]
    mend_verbless_sentences(doc)
    assert [(t.dep_, t.head.i, t.pos_) for t in doc] == before


def test_a_past_tense_read_as_a_participle_on_a_verbless_statement_states_its_fact():
    # the tagger reads 'reunited' as a participle on 'band', the sentence's only noun head
    rows = fact_rows("The Orvell band reunited in 2011 for several Velmar and Darvel concerts.")
    assert any(subject == "Orvell band" and verb.startswith("reunite")
               for subject, verb, _, _ in rows), rows


def test_a_past_tense_after_an_apposition_is_the_statements_verb():
    rows = fact_rows("Quill, a life-long sailor and former boxer, suffered from heart problems "
                     "for years.")
    assert ("Quill", "suffer from", "heart problem", "asserted") in rows, rows


def test_a_participle_with_an_object_of_its_own_is_its_subjects_finite_verb():
    rows = fact_rows("Members of the crew confronted Tomas Ardent; one sailor sprayed Ardent with "
                     "a fire hose, others struck him with oars.")
    assert any(verb == "spray" and obj == "Tomas Ardent" for _, verb, obj, _ in rows), rows
    assert not any(subject == "sailor" and verb == "strike" for subject, verb, _, _ in rows), rows


def test_a_participle_with_a_doer_stays_a_participle():
    doc = load_pipeline(choose_model())("Photo taken by Dara Quill. Data collected by the "
                                        "Orvell Survey show a rise.")
    before = [(t.dep_, t.head.i, t.tag_) for t in doc]
    mend_verbless_sentences(doc)
    assert [(t.dep_, t.head.i, t.tag_) for t in doc] == before


def test_of_two_participles_on_a_statements_noun_the_last_is_its_verb():
    rows = fact_rows("The Harwick Bridge, destroyed in the flood, reopened in May.")
    assert any(subject == "Harwick Bridge" and verb == "reopen" for subject, verb, _, _ in rows), \
        rows
