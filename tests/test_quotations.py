"""Quoted stretches of a document and who speaks them (sentences written for the test)."""

from __future__ import annotations

from kg.extract.quotations import quotations
from kg.ingest import make_document
from kg.nlp import choose_model, parse_documents


def _quoted(text: str) -> list[tuple[str, str | None]]:
    """Each quotation of a text as (its words, the word that names its speaker)."""
    document = make_document(text, source="t.txt", date="2023-09-15")
    (_, doc), = parse_documents([document], choose_model())
    return [(doc[q.start:q.end].text.strip(" ,."), None if q.speaker is None else
             doc[q.speaker].text) for q in quotations(doc, document.body)]


def test_a_quote_split_by_its_speaker_is_two_stretches_of_one_speaker():
    assert _quoted('"I sold the mine," Carl Webb said, "and I bought a farm."') == [
        ("I sold the mine", "Webb"), ("and I bought a farm", "Webb")]


def test_a_paragraph_left_open_goes_on_in_the_next():
    text = 'Carl Webb said: "We will appeal.\n\n\u201cThe court erred in May.\u201d'
    assert [speaker for _, speaker in _quoted(text)] == ["Webb", "Webb"]


def test_a_quote_closed_before_the_paragraph_ends_lends_the_next_one_no_speaker():
    text = 'Carl Webb said: "We will appeal."\n\n\u201cThe court erred in May.\u201d'
    assert _quoted(text)[1] == ("The court erred in May", None)


def test_a_second_quote_of_a_paragraph_is_the_first_ones_speaker():
    text = '"Nobody called," Carl Webb said on Monday. "The court erred in May."'
    assert _quoted(text)[1] == ("The court erred in May", "Webb")


def test_a_comma_hands_over_to_a_quote_whatever_its_verb():
    assert _quoted('Lena Park reacted on the radio, "The court erred."') == [
        ("The court erred", "Park")]


def test_two_speakers_in_one_sentence_name_no_one():
    text = 'Carl Webb said "we lost" on Monday, and Lena Park said "we won".'
    assert [speaker for _, speaker in _quoted(text)] == [None, None]


def test_single_marks_are_apostrophes_not_quotations():
    assert _quoted("The players' union said its members' pay fell.") == []


def test_a_clause_after_a_quote_and_a_comma_names_its_speaker_whatever_its_verb():
    assert _quoted('"The court erred in May", Carl Webb continued.') == [
        ("The court erred in May", "Webb")]


def test_a_quotative_verb_of_the_sentence_names_the_speaker():
    # 'talked' is no speech verb of the relation vocabulary, but hands over to the quote.
    text = 'Lena Park talked about how the plan had been underestimated "up to now."'
    assert _quoted(text) == [("up to now", "Park")]
