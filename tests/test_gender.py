"""Which people 'he' and 'she' can stand for, learnt from the article (sentences written for
the test; names chosen outside the given-name list unless the test is about it)."""

from __future__ import annotations

import re

import pytest
from helpers import corpus_of
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.gender import can_be_person, fits, given_names, same_name, word_sex
from kg.extract.mentions import named_mentions, read_sentences
from kg.extract.state import DocState, make_mention
from kg.ingest import make_document
from kg.model import EntityType, Mention
from kg.nlp import choose_model, parse_documents
from kg.patterns import find_slots


def _subjects(corpus, predicate: str) -> set[str]:
    return {f.subject.entity_id for f in corpus.facts if f.predicate == predicate}


def test_unlisted_names_are_unlisted():
    # The names below say nothing by themselves, so only the article can.
    assert {given_names().get(n) for n in ("ilmi", "tarvo", "sander", "koit", "kaja")} == {None}


def test_the_given_name_list_knows_common_names_and_leaves_out_family_names_written_first():
    assert given_names()["anna"] == "f"
    assert given_names()["tom"] == "m"
    assert "kim" not in given_names()  # 'Kim Jong Un'
    assert "lee" not in given_names()


@pytest.mark.parametrize(("text", "who"), [
    ("Tom Reyes met Anna Berg in Oslo. She praised the deal.", "person/anna-berg"),
    ("Anna Berg met Tom Reyes in Oslo. He praised the deal.", "person/tom-reyes"),
])
def test_a_given_name_keeps_she_from_a_man_and_he_from_a_woman(text, who):
    assert _subjects(corpus_of(text), "praised") == {who}


@pytest.mark.parametrize("first", [
    "Mrs Tarvo met Sander Koit in Oslo.",
    "Sander Koit met the actress Ilmi Tarvo in Oslo.",
    "Sander Koit met his wife, Ilmi Tarvo, in Oslo.",
])
def test_an_honorific_or_gendered_noun_says_who_she_is(first):
    corpus = corpus_of(f"{first} She praised the deal.")
    assert _subjects(corpus, "praised") == {"person/tarvo" if first.startswith("Mrs")
                                            else "person/ilmi-tarvo"}


def test_pronouns_that_can_only_mean_one_person_teach_her_sex():
    corpus = corpus_of("Ilmi Tarvo arrived in Oslo on Monday. She was tired. "
                       "Tarvo said she would rest. Tarvo met Sander Koit on Tuesday. "
                       "He praised the deal.")
    assert _subjects(corpus, "praised") == {"person/sander-koit"}


def test_one_pronoun_alone_does_not_decide():
    # A lone 'she' may be about someone the article does not name: Tarvo stays possible.
    corpus = corpus_of("Ilmi Tarvo arrived in Oslo on Monday. She was tired. "
                       "Tarvo met Sander Koit on Tuesday. He praised the deal.")
    assert _subjects(corpus, "praised") == {"person/ilmi-tarvo"}


def test_an_unknown_sex_still_resolves_to_the_nearest_subject():
    corpus = corpus_of("Ilmi Tarvo met Sander Koit in Oslo. She praised the deal.")
    assert _subjects(corpus, "praised") == {"person/ilmi-tarvo"}


def test_she_is_left_unresolved_when_only_a_man_is_named():
    corpus = corpus_of("Tom Reyes arrived in Oslo on Monday. She praised the deal.")
    assert "person/tom-reyes" not in _subjects(corpus, "praised")


def test_a_reported_she_is_not_a_male_speaker():
    corpus = corpus_of("Anna Berg met Tom Reyes on Monday. Reyes said she would sue Harbor "
                       "Foods.")
    assert _subjects(corpus, "sued") == {"person/anna-berg"}


def test_two_people_of_one_surname_keep_their_own_sex():
    corpus = corpus_of("Carl Webb met Anna Webb in Oslo. She praised the deal.")
    assert _subjects(corpus, "praised") == {"person/anna-webb"}


def test_gendered_words():
    assert word_sex("actress") == "f"
    assert word_sex("Mr.") == "m"
    assert word_sex("president") is None


def test_a_first_name_alone_is_the_person_with_that_first_name():
    # 'Anna' is the woman Anna Berg: 'he' is Tom Reyes even though Anna is the subject.
    corpus = corpus_of("Tom Reyes met Anna Berg on Monday. Later Anna met Lena Marsh. "
                       "He praised the deal.")
    assert _subjects(corpus, "praised") == {"person/tom-reyes"}


NAMES = st.lists(st.sampled_from(["Anna", "Berg", "Tom", "Reyes", "Webb", "Carl"]),
                 min_size=1, max_size=3).map(" ".join)


def _person(text: str) -> Mention:
    return Mention(doc_id="d", sentence_index=0, start=0, end=len(text), text=text,
                   type=EntityType.PERSON)


@given(NAMES, NAMES)
def test_same_name_is_symmetric_and_never_joins_two_full_names_that_differ(a, b):
    assert same_name(_person(a), _person(b)) == same_name(_person(b), _person(a))
    assert same_name(_person(a), _person(a))
    if " " in a and " " in b and a != b:
        assert not same_name(_person(a), _person(b))


def test_a_lone_given_name_says_her_sex():
    # 'Mira' has no full name in the article: her given name alone keeps 'he' from her.
    corpus = corpus_of("Koiv met Tom Reyes in Oslo. Mira said he praised the plan.")
    assert "person/mira" not in _subjects(corpus, "praised")


def _state_with_person(text: str, name: str) -> tuple[DocState, Mention]:
    """The state of a parsed text, with every ``name`` in it read as a person, as the small
    recogniser reads some brands and restaurants."""
    document = make_document(text, source="t.txt", date="2023-09-15")
    (_, doc), = parse_documents([document], choose_model())
    state = DocState(document=document, doc=doc, slots=find_slots(doc))
    list(read_sentences(state))
    list(named_mentions(state))
    person = None
    for start in (m.start() for m in re.finditer(re.escape(name), text)):
        span = doc.char_span(start, start + len(name))
        assert span is not None
        person = make_mention(state, span, EntityType.PERSON, ner_label="PERSON")
        for token in span:
            state.mention_at[token.i] = person
    assert person is not None
    return state, person


@pytest.mark.parametrize("text", [
    "Koiv praised the Delgado pipeline on Monday.",
    "According to a Delgado post, Koiv resigned on Monday.",
])
def test_a_name_written_as_a_things_is_no_he(text):
    state, named = _state_with_person(text, "Delgado")
    assert not can_be_person(state, named)
    assert not fits(state, "he", named)
    assert fits(state, "it", named)  # only person pronouns ask


def test_a_name_written_as_a_person_stays_one():
    state, named = _state_with_person("Koiv met Delgado in Oslo on Monday.", "Delgado")
    assert can_be_person(state, named)
    assert fits(state, "he", named)


def test_a_given_name_outweighs_a_name_written_as_a_things():
    # 'the Tom Reyes show' is his: the given name says Tom Reyes is a person.
    state, named = _state_with_person("Koiv praised the Tom Reyes show on Monday.", "Tom Reyes")
    assert can_be_person(state, named)


def test_whether_a_name_can_be_a_person_is_read_once_per_name_and_type():
    # Every mention of 'Delgado' gets the document's one answer, kept on the state: a
    # pronoun asked of any of them reads no mention again.
    state, named = _state_with_person(
        "Koiv praised the Delgado pipeline. Delgado later sued Koiv.", "Delgado")
    assert not can_be_person(state, named)
    assert state.person_names == {("Delgado", EntityType.PERSON): False}
    state.mention_at.clear()  # what is kept answers, not a new scan
    assert not can_be_person(state, named)
    other = make_mention(state, state.doc[0:1], EntityType.PERSON, ner_label="PERSON")
    assert can_be_person(state, other)  # 'Koiv' has an answer of its own
    assert set(state.person_names) == {("Delgado", EntityType.PERSON),
                                       ("Koiv", EntityType.PERSON)}


def test_a_kind_word_in_the_name_makes_it_no_person():
    state, named = _state_with_person("Koiv recorded an album at Ardo Studio.", "Ardo Studio")
    assert not can_be_person(state, named)
