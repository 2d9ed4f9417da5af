"""Answers kept on a parsed document (kg.extract.memo) and the lookups built on them."""

from __future__ import annotations

from kg.extract.frames import verb_lemma
from kg.extract.memo import per_document, per_token
from kg.extract.places import _first_possessors
from kg.extract.state import nonblank_sents


def test_per_document_works_an_answer_out_once_and_keeps_it_on_that_doc(nlp):
    first, second = nlp("Rain fell on Ostby."), nlp("Rain fell on Ostby.")
    calls: list[int] = []

    def work() -> int:
        calls.append(1)
        return len(calls)

    assert per_document(first, "test-answer", work) == 1
    assert per_document(first, "test-answer", work) == 1
    assert per_document(second, "test-answer", work) == 2  # another Doc: its own answer
    assert len(calls) == 2


def test_per_token_answers_each_token_once_and_each_token_its_own(nlp):
    doc = nlp("The Tarvik council closed the old bridge.")
    seen: list[int] = []

    @per_token
    def position_word(token):
        seen.append(token.i)
        return f"{token.i}:{token.lower_}"

    answers = [position_word(t) for t in doc] + [position_word(t) for t in doc]
    assert answers[:len(doc)] == answers[len(doc):]
    assert answers[3] == "3:closed"
    assert seen == list(range(len(doc)))


def test_verb_lemma_remembered_is_the_verb_lemma_with_its_particle(nlp):
    doc = nlp("The mayor of Lenhaven stepped down after the vote.")
    verb = next(t for t in doc if t.lower_ == "stepped")
    assert verb_lemma(verb) == "step down"
    assert verb_lemma(doc[verb.i]) == "step down"


def test_nonblank_sents_skips_blank_sentences_and_keeps_reading_order(nlp):
    doc = nlp("Ferries stopped at noon.\n\n\nThe harbour reopened on Friday.")
    texts = [s.text.strip() for s in nonblank_sents(doc)]
    assert texts == [s.text.strip() for s in doc.sents if s.text.strip()]
    assert texts[0].startswith("Ferries") and texts[-1].endswith("Friday.")
    assert [s.text for s in nonblank_sents(doc)] == [s.text for s in nonblank_sents(doc)]


def test_first_possessors_are_each_nouns_first_poss_child(nlp):
    doc = nlp("Marta Lind sold her brother's boat and his old house.")
    found = _first_possessors(doc)
    expected = {t.i: next(c.i for c in t.children if c.dep_ == "poss")
                for t in doc if any(c.dep_ == "poss" for c in t.children)}
    assert found == expected and found  # the parse gives at least one possessor
