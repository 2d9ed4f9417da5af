"""Headlines with a source or topic before a colon (kg.headline_colon): the label is not a
participant of the news after it. Headlines written for the test."""

from __future__ import annotations

from kg.ingest import make_document
from kg.nlp import choose_model, parse_documents


def _headline_sentences(headline: str) -> list:  # -> [Span]
    document = make_document(headline + "\n\nThe report goes on with more detail.",
                             source="t.txt", date="2023-01-01")
    [(_, doc)] = list(parse_documents([document], choose_model()))
    return [s for s in doc.sents if s.start_char < len(headline)]


def test_a_label_before_a_colon_is_not_the_subject_of_the_news():
    label, news = _headline_sentences("Ostland: rebels seize airport")
    assert label.text.strip() == "Ostland:"
    verb = next(t for t in news if t.text == "seize")
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["rebels"]


def test_a_source_before_a_colon_is_not_the_head_of_the_news():
    label, news = _headline_sentences("Coastguard: fisherman rescued by crew off Korvin")
    assert label.root.text == "Coastguard"
    assert "fisherman" in [t.text for t in news]
    assert all(t.head.i >= news.start for t in news)


def test_the_words_and_their_offsets_do_not_change():
    headline = "Velmar: Mayor Dana Reyes opens harbour bridge"
    sentences = _headline_sentences(headline)
    words = [t for s in sentences for t in s if not t.is_space]
    assert "".join(t.text_with_ws for t in words).strip() == headline
    assert all(headline[t.idx:t.idx + len(t.text)] == t.text for t in words)


def test_a_statement_with_a_colon_is_left_as_parsed():
    [sentence] = _headline_sentences("The mayor said: we will rebuild the bridge.")
    assert sum(t.dep_ == "ROOT" for t in sentence) == 1


def test_a_title_with_a_verbless_subtitle_is_left_as_parsed():
    [sentence] = _headline_sentences("Harbour Knights: The Broken Oath")
    assert sum(t.dep_ == "ROOT" for t in sentence) == 1


def test_the_facts_of_the_news_leave_the_label_out():
    from helpers import corpus_of

    corpus = corpus_of("Velmar: rebels seize airport\n\nThe fighting went on.")
    subjects = {f.subject.entity_id for f in corpus.facts if f.subject is not None}
    objects = {f.object.entity_id for f in corpus.facts if f.object is not None}
    assert not any("velmar" in e for e in subjects | objects)
    assert any("rebel" in e for e in subjects)
