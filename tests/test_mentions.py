"""Mentions (kg/extract/mentions.py): names cut, glued or split by the recogniser.

Most tests build a spaCy ``Doc`` by hand with the tags and labels a model could give, so the
rule is shown whatever a model reads; the last ones run the real pipeline.
"""

from __future__ import annotations

import pytest
import spacy
from helpers import corpus_of
from spacy.tokens import Doc, Span

from kg.extract import extract_document
from kg.extract.mentions import (
    _currency,
    _numbered_place,
    _split_entity,
    _title_of,
    _trim_entity,
    _with_surname,
)
from kg.ingest import make_document
from kg.nlp import choose_model, parse_documents


def _doc(words, pos, deps, heads, ents, spaces=None):
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, pos=pos, deps=deps,
               heads=heads, ents=ents)


def test_a_surname_left_out_of_a_persons_name_joins_it():
    doc = _doc(["by", "Judge", "Ada", "Moreno", "Quint", "today"],
               ["ADP", "PROPN", "PROPN", "PROPN", "PROPN", "NOUN"],
               ["prep", "compound", "compound", "compound", "pobj", "npadvmod"],
               [0, 4, 4, 4, 0, 0], ["O", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert _with_surname(doc.ents[0]).text == "Ada Moreno Quint"


def test_a_proper_noun_after_a_name_that_it_does_not_modify_stays_out():
    # 'Ada Moreno Tuesday ...': the next word is no head of the name (nor is a word of
    # another name, nor after a line break).
    doc = _doc(["Ada", "Moreno", "Quint", "spoke"], ["PROPN", "PROPN", "PROPN", "VERB"],
               ["compound", "nsubj", "npadvmod", "ROOT"], [1, 3, 3, 3],
               ["B-PERSON", "I-PERSON", "O", "O"])
    assert _with_surname(doc.ents[0]).text == "Ada Moreno"
    doc = _doc(["Ada", "Moreno", "Quint", "spoke"], ["PROPN", "PROPN", "PROPN", "VERB"],
               ["compound", "compound", "nsubj", "ROOT"], [2, 2, 3, 3],
               ["B-PERSON", "I-PERSON", "O", "O"], spaces=[True, False, True, False])
    assert _with_surname(doc.ents[0]).text == "Ada Moreno"


def test_a_hyphenated_given_name_is_not_split_at_a_verb_like_half():
    doc = _doc(["Kai", "-", "Sing", "Lam", "said"], ["PROPN", "PUNCT", "PROPN", "PROPN", "VERB"],
               ["compound", "punct", "compound", "nsubj", "ROOT"], [3, 3, 3, 4, 4],
               ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"],
               spaces=[False, False, True, True, False])
    assert [s.text for s in _split_entity(doc.ents[0])] == ["Kai-Sing Lam"]


def test_a_headline_verb_inside_a_persons_name_still_splits_it():
    doc = _doc(["Ivo", "Kent", "Sings", "Anthem"], ["PROPN", "PROPN", "PROPN", "PROPN"],
               ["compound", "compound", "compound", "ROOT"], [1, 3, 3, 3],
               ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON"])
    assert [s.text for s in _split_entity(doc.ents[0])] == ["Ivo Kent", "Anthem"]


def _org(words):
    pos = ["CCONJ" if w == "and" else "ADP" if w == "of" else "PROPN" for w in words]
    return _doc(words, pos, ["compound"] * (len(words) - 1) + ["ROOT"],
                [len(words) - 1] * len(words),
                ["B-ORG"] + ["I-ORG"] * (len(words) - 1)).ents[0]


def test_and_inside_a_committees_or_facultys_name_does_not_split_it():
    assert [s.text for s in _split_entity(_org(["House", "Energy", "and", "Commerce",
                                                "Committee"]))] == [
        "House Energy and Commerce Committee"]
    assert [s.text for s in _split_entity(_org(["Faculty", "of", "Law", "and",
                                                "Economics"]))] == [
        "Faculty of Law and Economics"]


def test_and_between_two_names_a_headline_glued_still_splits_them():
    assert [s.text for s in _split_entity(_org(["Harbor", "Foods", "and", "Delmar"]))] == [
        "Harbor Foods", "Delmar"]


def test_and_between_two_modifiers_of_a_later_head_does_not_split_the_name():
    # 'Jazz and Blues Hall of Glory': the parser hangs 'Jazz' on 'Hall', 'Blues' on 'Jazz'.
    words = ["the", "Jazz", "and", "Blues", "Hall", "of", "Glory"]
    doc = _doc(words, ["DET", "PROPN", "CCONJ", "PROPN", "PROPN", "ADP", "PROPN"],
               ["det", "nmod", "cc", "conj", "pobj", "prep", "pobj"], [4, 4, 1, 1, 4, 4, 5],
               ["B-ORG"] + ["I-ORG"] * 6)
    assert [s.text for s in _split_entity(doc.ents[0])] == ["the Jazz and Blues Hall of Glory"]


def test_and_before_the_head_itself_or_inside_a_persons_name_still_splits():
    # 'Kim and Putin Summit' in a headline: 'Putin' is no modifier of a word after it.
    words = ["Tova", "and", "Ilse", "Brandt"]
    pos = ["PROPN", "CCONJ", "PROPN", "PROPN"]
    doc = _doc(words, pos, ["nmod", "cc", "conj", "ROOT"], [3, 0, 0, 3],
               ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON"])
    assert [s.text for s in _split_entity(doc.ents[0])] == ["Tova", "Ilse Brandt"]


def test_an_ampersand_inside_a_firm_splits_only_in_a_headline():
    body = ["Staff", "at", "Harlow", "Lodge", "&", "Tavern", "found", "him", "on", "Monday",
            "after", "the", "storm", "had", "passed", "."]
    pos = ["NOUN", "ADP", "PROPN", "PROPN", "CCONJ", "PROPN", "VERB", "PRON", "ADP", "PROPN",
           "ADP", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    ents = ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"] + ["O"] * 10
    doc = _doc(body, pos, ["dep"] * len(body), [6] * len(body), ents)
    assert [s.text for s in _split_entity(doc.ents[0])] == ["Harlow Lodge & Tavern"]
    title = ["Harlow", "&", "Tavern", "Hold", "Summit", "In", "Oslo"]
    doc = _doc(title, ["PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "ADP", "PROPN"],
               ["dep"] * 7, [3] * 7, ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-GPE"])
    assert [s.text for s in _split_entity(doc.ents[0])] == ["Harlow", "Tavern"]


def test_a_region_after_a_title_of_is_a_place_and_the_rest_the_person():
    corpus = corpus_of("The speakers included First Minister of Scotland Moira Dunbar "
                       "and Tom Berg.")
    labels = {(e.label, e.type.value) for e in corpus.entities}
    assert ("Moira Dunbar", "Person") in labels
    assert not any("Scotland Moira" in label for label, _ in labels)


def test_span_helper_keeps_the_label():
    doc = _doc(["Ada", "Moreno", "Quint"], ["PROPN"] * 3, ["compound", "compound", "ROOT"],
               [2, 2, 2], ["B-PERSON", "I-PERSON", "O"])
    span = _with_surname(doc.ents[0])
    assert isinstance(span, Span) and span.label_ == "PERSON"



def test_an_adjective_before_a_name_is_no_title_but_the_noun_is():
    words = ["to", "his", "official", "Chirper", "account"]
    doc = Doc(spacy.blank("en").vocab, words=words,
              pos=["ADP", "PRON", "ADJ", "PROPN", "NOUN"],
              deps=["prep", "poss", "amod", "compound", "pobj"], heads=[0, 4, 3, 4, 0],
              lemmas=["to", "his", "official", "Chirper", "account"],
              ents=["O", "O", "O", "B-PERSON", "O"])
    assert _title_of(doc.ents[0]) is None
    words = ["senior", "official", "Ada", "Lind", "said"]
    doc = Doc(spacy.blank("en").vocab, words=words,
              pos=["ADJ", "NOUN", "PROPN", "PROPN", "VERB"],
              deps=["amod", "compound", "compound", "nsubj", "ROOT"], heads=[1, 3, 3, 4, 4],
              lemmas=["senior", "official", "Ada", "Lind", "say"],
              ents=["O", "O", "B-PERSON", "I-PERSON", "O"])
    assert _title_of(doc.ents[0]) == "senior official"


@pytest.mark.parametrize(("line", "headline"), [
    ("Coastal Ferry Workers Reject Latest Pay Offer", True),
    ("Cedar Bluff Test Center, Spartanburg, S.C.;", False),
    ("Cedar Bluff Test Center, Spartanburg, South Carolina,", False),
    ("KB1203110094 Lisbon Radio Tejo Network in Portuguese 1200 GMT", False),
])
def test_a_list_item_or_a_citation_line_is_no_headline(line, headline):
    sentences, _ = _sentences_of(line)
    assert any(s.headline for s in sentences) is headline


def test_the_places_of_a_list_item_ending_in_a_semicolon_are_kept():
    corpus = corpus_of("Cedar Bluff Test Center, Spartanburg, S.C.;")
    labels = {e.entity_id: e.label for e in corpus.entities}
    assert ("Spartanburg", "locatedIn", "South Carolina") in {
        (labels[f.subject.entity_id], f.predicate, labels[f.object.entity_id])
        for f in corpus.facts if f.object is not None}


def _sentences_of(text: str):
    document = make_document(text, source="t.txt", date="2023-09-15")
    (_, doc), = parse_documents([document], choose_model())
    result = extract_document(document, doc)
    return result.sentences, result


def test_a_dotted_country_initialism_standing_alone_is_a_place():
    corpus = corpus_of("Officials in the U.S. said the talks would resume.")
    assert "United States" in {e.label for e in corpus.entities}


def test_a_dotted_initialism_before_a_noun_is_no_name_of_its_own():
    _, result = _sentences_of("The U.S. ambassador, Rhea Stanton, left on Monday.")
    assert "United States" not in {m.text for m in result.mentions}
    _, result = _sentences_of("Rhea Stanton moved to the U.S. in 2010.")
    assert "United States" in {m.text for m in result.mentions}


def test_a_guest_of_honour_is_named_without_the_honorific():
    _, result = _sentences_of("Guests of Honour Helen and Mark Dorsey held a session on puppetry.")
    texts = {m.text for m in result.mentions}
    assert not any(t.startswith("Honour") for t in texts)
    assert "Mark Dorsey" in texts


def test_a_full_stop_after_a_surname_ends_the_sentence_not_the_name():
    doc = _doc(["met", "Ada", "Moreno", "."], ["VERB", "PROPN", "PROPN", "PUNCT"],
               ["ROOT", "compound", "dobj", "punct"], [0, 2, 0, 0],
               ["O", "B-PERSON", "I-PERSON", "I-PERSON"], spaces=[True, True, False, False])
    assert _trim_entity(doc.ents[0]).text == "Ada Moreno"


def test_a_full_stop_after_an_abbreviation_stays_in_the_name():
    doc = _doc(["joined", "Tellis", "Ltd", "."], ["VERB", "PROPN", "PROPN", "PUNCT"],
               ["ROOT", "compound", "dobj", "punct"], [0, 2, 0, 2],
               ["O", "B-ORG", "I-ORG", "I-ORG"], spaces=[True, True, False, False])
    assert _trim_entity(doc.ents[0]).text == "Tellis Ltd."


def test_a_dollar_written_with_its_country_letters_is_a_currency():
    doc = _doc(["got", "C$", "500", "and", "NZ$"], ["VERB", "SYM", "NUM", "CCONJ", "SYM"],
               ["ROOT", "nmod", "dobj", "cc", "conj"], [0, 2, 0, 2, 2],
               ["O", "O", "B-MONEY", "O", "O"])
    assert _currency(doc[1]) and _currency(doc[4]) and not _currency(doc[2])


def test_a_sum_in_a_countrys_dollars_keeps_its_currency():
    corpus = corpus_of("The winning crew received C$25,000 and a trophy in Sarnia.")
    labels = {e.label for e in corpus.entities}
    assert "25,000" not in labels


def test_a_places_kind_word_and_a_number_name_a_place():
    doc = Doc(spacy.blank("en").vocab, words=["in", "Region", "14", "and", "Article", "5"])
    assert _numbered_place(doc[1:3])
    assert not _numbered_place(doc[4:6])  # a law's article, no place
    assert not _numbered_place(doc[1:2])  # no number
