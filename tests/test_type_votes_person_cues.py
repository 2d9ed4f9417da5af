"""Person cues right after a one-word name the recogniser and the gazetteer read as a place or
an organisation: a 'who' clause, an age, a kinship possessive and a role apposition."""

from __future__ import annotations

from collections import Counter

from kg.model import EntityType, Mention
from kg.resolve import name_key
from kg.type_votes import apposition_type, mention_votes, role_apposition, winner


def _winner(name: str, doc_text: str, label: str = "ORG",
            entity_type: EntityType = EntityType.ORGANIZATION) -> EntityType:
    start = doc_text.index(name)
    mention = Mention(doc_id="d", sentence_index=0, start=start, end=start + len(name),
                      text=name, type=entity_type, ner_label=label)
    votes: Counter[EntityType] = mention_votes(mention, name_key(name), doc_text)
    return winner(votes)


def test_the_town_outvotes_an_organisation_label_with_no_person_cue():
    assert _winner("Chester", "The bakery in Chester closed in May.") is EntityType.PLACE


def test_a_who_clause_after_a_name_makes_it_a_person():
    assert _winner("Chester", "Chester, who ran the bakery for years, retired in May.") \
        is EntityType.PERSON


def test_a_who_clause_after_a_place_a_preposition_opens_says_nothing_of_the_place():
    text = "The farmers of Chester, who lost their crops, met on Monday."
    assert _winner("Chester", text) is EntityType.PLACE
    assert _winner("Chester", "Chester, whose mills closed, is quiet now.") is EntityType.PLACE


def test_an_age_set_off_by_commas_makes_a_name_a_person():
    assert _winner("Chester", "Chester, 54, joined the board on Friday.") is EntityType.PERSON
    assert _winner("Chester", "Chester, 1,200 miles away, was quiet.") is EntityType.PLACE


def test_a_kinship_noun_after_a_possessive_makes_a_name_a_person():
    assert _winner("Chester", "Chester's daughter opened the shop.") is EntityType.PERSON
    assert _winner("Chester", "Chester's harbour opened again.") is EntityType.PLACE


def test_a_role_apposition_makes_a_name_a_person_but_not_a_role_a_country_may_have():
    assert role_apposition(", a retired police officer, said")
    assert role_apposition(", the 16th president, was")
    assert _winner("Chester", "The prize, said Chester, a retired police officer, was late.") \
        is EntityType.PERSON
    assert not role_apposition(", the host, won")
    assert not role_apposition(", a software developer, said")
    assert apposition_type(", a software developer, said") is EntityType.ORGANIZATION
    assert _winner("Norway", "Norway, the host, won the final.", "GPE", EntityType.PLACE) \
        is EntityType.PLACE


def test_a_person_cue_after_a_place_a_preposition_or_a_comma_opens_is_about_someone_else():
    text = "Ana Reyes, born in Chester, a noted painter, died on Friday."
    assert _winner("Chester", text) is EntityType.PLACE
    text = "Ana Reyes, born in Leeds, Chester, who painted barns, died on Friday."
    assert _winner("Chester", text) is EntityType.PLACE
