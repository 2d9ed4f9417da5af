"""The sense a verb has here picks its predicate (kg/extract/verbal.py, data/relations.json):
the head noun of its object ('passed the bar exam' is no approval) and whether it has an
object at all ('the truce began' launched nothing)."""

from __future__ import annotations

import pytest
from helpers import corpus_of, fact_rows

from kg.relations import head_noun, load_vocabulary


def predicates(text: str, lemma: str) -> set[str]:
    return {f.predicate for f in corpus_of(text).facts if f.lemma == lemma}


@pytest.mark.parametrize(("text", "lemma", "misread"), [
    ("Dr. Anna Kovac passed the state bar exam in 1998.", "pass", "approved"),
    ("The Meridian Bank posted a loss of 5 million dollars in May.", "post", "published"),
    ("Coach Ivan Brandt ran a marathon in Oslo on Sunday.", "run", "led"),
    ("The Harlow Corporation adopted a puppy from the shelter.", "adopt", "approved"),
])
def test_an_object_of_another_sense_keeps_the_verbs_own_name(text, lemma, misread):
    found = predicates(text, lemma)
    assert found, text
    assert misread not in found
    assert lemma in found


@pytest.mark.parametrize(("text", "lemma", "predicate"), [
    ("The Senate passed the farm bill on Tuesday.", "pass", "approved"),
    ("The Meridian Bank posted the report on its website.", "post", "published"),
    ("Helga Norquist ran the Brightwater Company for a decade.", "run", "led"),
])
def test_an_object_of_the_relations_own_sense_keeps_the_relation(text, lemma, predicate):
    assert predicate in predicates(text, lemma)


def test_a_verb_whose_relation_needs_an_object_keeps_its_own_name_alone():
    assert predicates("The Harlow ceasefire began on Monday.", "begin") == {"begin"}
    assert predicates("The Varnish Army began an offensive on Tuesday.", "begin") == \
        {"launched"}


def test_an_early_adopter_of_a_technology_approved_nothing():
    corpus = corpus_of("Nora Lind was an early adopter of the sonar technology.")
    assert not [f for f in corpus.facts if f.predicate == "approved"]
    assert [f for f in corpus.facts if f.lemma == "adopt"]


def test_every_other_sense_is_written_as_a_lower_case_head_noun():
    for lemma, spec in load_vocabulary().relations.items():
        for noun in spec.other_sense_objects:
            assert noun == noun.lower() and " " not in noun, (lemma, noun)
            assert head_noun(noun) == noun, (lemma, noun)


@pytest.mark.parametrize("text", [
    "The Harlow ministry called the agreement illegitimate.",
    "Senator Ida Vey called the merger a disgrace.",
    'The Harlow ministry rejected the ruling, calling the treaties "lawful and binding".',
])
def test_a_label_given_with_an_object_complement_is_no_event(text):
    assert not predicates(text, "call")


def test_calling_someone_is_still_an_event():
    assert predicates("Tom Reyes called the police on Monday.", "call") == {"called"}


@pytest.mark.parametrize("text", [
    "The Ostrava Clinic joined the Brno Hospital in returning to normal operation on Friday.",
    "The Ostrava Clinic reopened on Friday, joining the Brno Hospital in returning to normal "
    "operation.",
])
def test_joining_others_in_a_deed_joins_none_of_them(text):
    assert not predicates(text, "join")


def test_joining_a_party_is_still_joining():
    assert predicates("Tom Reyes joined the Harlow Party in 1990.", "join") == {"joined"}


@pytest.mark.parametrize(("text", "lemma", "misread"), [
    ("Singer Tomas Raleigh found success in Lisbon after the tour.", "find", "discovered"),
    ("The Corvane Agency's two rocket launches ran about 4 million dollars.", "run", "led"),
    ("A powerful earthquake struck the Valdora coast on Monday.", "strike", "attacked"),
])
def test_an_object_or_doer_of_a_refused_class_keeps_the_verbs_own_name(text, lemma, misread):
    """A class of head noun (data/noun_classes.json), not a listed word: an event found, a
    sum run, a quake striking."""
    assert misread not in predicates(text, lemma)


@pytest.mark.parametrize("text", [
    "Governor Elsa Brandt made a decision about the Harlow bridge.",
    "The Corvane Agency made an attempt to reach the summit.",
])
def test_a_light_make_with_a_deed_noun_produces_nothing(text):
    """'made a decision' is no making of a thing; the blind gold keeps such a deed under the
    verb's own name ('made legal challenges'), so the fact stays as 'make'."""
    assert predicates(text, "make") == {"make"}


@pytest.mark.parametrize(("text", "lemma", "predicate"), [
    ("The Harlow Works made ten thousand bicycles in 1990.", "make", "produced"),
    ("Detective Ana Ruiz found a knife in the Harlow river.", "find", "discovered"),
    ("Gunmen struck the Harlow barracks at dawn.", "strike", "attacked"),
])
def test_a_concrete_object_or_doer_keeps_the_relation(text, lemma, predicate):
    assert predicate in predicates(text, lemma)


def test_every_refused_class_is_a_class_of_the_noun_data():
    from kg.lexicon import noun_classes
    known = set(noun_classes().values())
    for lemma, spec in load_vocabulary().relations.items():
        for name in (*spec.other_sense_classes, *spec.other_sense_subject_classes):
            assert name in known, (lemma, name)


@pytest.mark.parametrize(("text", "lemma", "other"), [
    ("Minister Oskar Lenn found fault with the Varnish budget plan.", "find fault",
     "Varnish budget plan"),
    ("The Brenner Group made peace with the Harlow union in May.", "make peace",
     "Harlow union"),
    ("Coach Ivan Brandt kept pace with the Ostrava team all season.", "keep pace",
     "Ostrava team"),
])
def test_a_verb_and_noun_wordnet_lists_as_an_idiom_is_read_as_the_idiom(text, lemma, other):
    """WordNet's multiword verbs (data/verb_phrases.json): the noun is part of the verb, not
    its object ('found fault' discovered nothing), and the idiom's object comes after a
    preposition that names a participant."""
    rows = fact_rows(text)
    assert [r for r in rows if r[1] == lemma and r[2] == other], rows
    assert not [r for r in rows if r[1] == lemma.split()[0]], rows


@pytest.mark.parametrize("text", [
    "Mayor Edda Vahl took heart after the Harlow vote.",
    "The Brenner Group's offer made sense in the end.",
])
def test_an_idiom_with_no_participant_states_no_fact(text):
    """'took heart' took nothing and says no event kg can name with its subject alone."""
    rows = fact_rows(text)
    assert not [r for r in rows if r[1].split()[0] in {"take", "make"}], rows


def test_hand_written_idioms_win_over_wordnets():
    idioms = load_vocabulary().verb_idioms
    assert idioms["take part"].verb == "participate"
    assert not idioms["take part"].needs_object
    assert idioms["find fault"].verb == "find fault" and idioms["find fault"].needs_object
    assert "with" in idioms["find fault"].object and "in" not in idioms["find fault"].object


@pytest.mark.parametrize(("text", "lemma", "misread"), [
    ("The flood left three Varnish villages empty.", "leave", "departed"),
    ("The cyclone left two fishermen dead near Harlow.", "leave", "departed"),
])
def test_an_object_complement_marks_a_verbs_other_sense(text, lemma, misread):
    """WordNet's frames: the sense of 'leave' that takes 'something Adjective' is not the
    departing one (data/verb_phrases.json's complement_senses)."""
    found = predicates(text, lemma)
    assert found == {lemma}, found


def test_leaving_a_place_without_a_complement_still_departs():
    assert predicates("Senator Ida Vey left Harlow on Friday.", "leave") == {"departed"}


def test_a_declaration_with_a_complement_is_still_one():
    """A verb of saying takes what is said as its complement, in the same sense."""
    text = "The Harlow health agency declared the outbreak an epidemic on Monday."
    assert "declare" not in predicates(text, "declare")
