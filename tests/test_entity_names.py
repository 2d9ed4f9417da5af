"""Words that are never names, known aliases, time zones; and the names extraction drops."""

from __future__ import annotations

from helpers import corpus_of
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from kg.entity_names import (
    common_acronyms,
    family_names_first,
    fold,
    introduced_name,
    is_never_alone,
    known_name,
    never_alone,
    time_zones,
)
from kg.extract.mentions import _without_modifier
from kg.model import EntityType


def test_title_fragments_and_descriptors_are_never_names_alone():
    assert is_never_alone("State") and is_never_alone("COURT") and is_never_alone("LGBT")
    assert not is_never_alone("State Department")
    assert not is_never_alone("Oslo")


def test_known_aliases_match_capitals_as_written_and_long_forms_folded():
    assert known_name("U.N.") == known_name("UN") == "United Nations"
    assert known_name("WHO") == "World Health Organization"
    assert known_name("Who") is None  # a word, not the initialism
    assert known_name("united states of america") == "United States"
    assert known_name("United Nations") == "United Nations"
    assert known_name("Harbour Board") is None


def test_transliterations_and_long_forms_of_one_name_are_aliases():
    # straight and curly apostrophes, hyphen or space: one group, however it is spelt
    assert {known_name(n) for n in ("al-Qa'ida", "al-Qa’ida", "Al Qaeda", "al-Qaida")} == {
        "Al-Qaeda"}
    assert known_name("Vatican City") == known_name("Vatican") == "Vatican"


def test_time_zones_come_from_the_iana_database():
    assert {"UTC", "CEST", "IST", "EST"} <= time_zones()
    assert "NATO" not in time_zones()


def test_data_lists_are_folded_and_unique():
    assert all(word == fold(word) for word in never_alone())
    assert all(word == fold(word) and " " not in word for word in family_names_first())


@given(st.text(max_size=30))
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


def _named(corpus):
    return {(m.text, e.type) for e in corpus.entities for m in e.mentions
            if e.type in {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE}}


def test_title_fragments_time_zones_and_shouting_make_no_entity():
    corpus = corpus_of(
        "Secretary of State Mara Quinlan flew to Oslo. The plane landed at 7:38 pm CEST. "
        "The Court heard the case. Quinlan wrote: \"WE WON THE VOTE BY A LOT!\"")
    names = {text for text, _ in _named(corpus)}
    assert "Oslo" in names
    assert not names & {"State", "CEST", "Court", "LOT", "WON", "VOTE"}



def _entity(words, tags, start, end, label):
    doc = Doc(Vocab(), words=words, tags=tags)
    return Span(doc, start, end, label=label)


def test_a_role_modifier_read_into_a_name_is_dropped_and_initials_left_are_the_holder():
    ent = _entity(["Retired", "NATO", "officer", "Gavin", "Thorne"],
                  ["JJ", "NNP", "NN", "NNP", "NNP"], 0, 2, "PERSON")
    assert (_without_modifier(ent).text, _without_modifier(ent).label_) == ("NATO", "ORG")
    ent = _entity(["Former", "Harbour", "Mills", "chief"], ["JJ", "NNP", "NNP", "NN"], 0, 3,
                  "ORG")
    assert (_without_modifier(ent).text, _without_modifier(ent).label_) == ("Harbour Mills",
                                                                            "ORG")
    kept = _entity(["Supreme", "Court"], ["NNP", "NNP"], 0, 2, "ORG")  # a name's own word
    assert _without_modifier(kept).text == "Supreme Court"


def test_america_alone_is_the_united_states_but_a_longer_name_with_it_is_not():
    assert known_name("America") == "United States"
    assert known_name("Latin America") is None
    assert known_name("Bank of America") is None


def test_common_initialisms_are_listed_as_written():
    assert {"LNG", "CT"} <= common_acronyms()
    assert "DC" not in common_acronyms()  # the District of Columbia is a named place


def test_a_kind_noun_introduces_a_word_that_is_never_a_name_alone():
    assert introduced_name("On Monday the journal ") and introduced_name("aboard the ship ")
    assert not introduced_name("the Minister of ") and not introduced_name("journal ")


def test_a_word_never_alone_is_a_name_after_a_kind_noun_that_introduces_it():
    corpus = corpus_of("On Monday the journal Science printed a study by Orla Brennick. "
                       "The Court heard the case.")
    labels = {e.label for e in corpus.entities}
    assert "Science" in labels
    assert "Court" not in labels


def test_a_capital_inside_one_word_marks_a_brand_unless_a_surname_prefix_opens_it():
    from kg.entity_names import brand_shaped
    assert brand_shaped("QuillStack") and brand_shaped("OrbiTrade") and brand_shaped("VelmarX")
    # surname prefixes before the inner capital: people's names
    assert not brand_shaped("McTavish") and not brand_shaped("DeMarco")
    assert not brand_shaped("MacAskill") and not brand_shaped("VanHorne")
    # no small letters before the capital, or none after the first: no brand shape
    assert not brand_shaped("Brandvold") and not brand_shaped("NVLA") and not brand_shaped("eQuill")
