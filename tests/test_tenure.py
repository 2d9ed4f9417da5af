"""A position the text says is over is marked ended (kg/extract/tenure.py), written as
kg:positionEnded and shown by ``kg facts``."""

from __future__ import annotations

import pytest
from helpers import corpus_of
from rdflib import Graph, Literal

from kg.export import serialize
from kg.facts import list_facts
from kg.model import ResolvedCorpus
from kg.namespaces import KG, RDF, RDFS, XSD
from kg.rdf import build_dataset, union_graph


def positions(corpus: ResolvedCorpus) -> set[tuple[str, str | None, bool]]:
    """(person, role, ended) of every position fact."""
    labels = {e.entity_id: e.label for e in corpus.entities}
    return {(labels[f.subject.entity_id or ""], f.role_name, f.position_ended)
            for f in corpus.facts if f.predicate == "affiliatedWith"}


@pytest.mark.parametrize(("text", "person", "role"), [
    ("Former Quarrow Mills chief executive Ilan Bessa opened a bakery.", "Ilan Bessa",
     "chief executive"),
    ("Ilan Bessa, a former chairman of Quarrow Mills, opened a bakery.", "Ilan Bessa", "chair"),
    ("Ilan Bessa, an ex-chairman of Quarrow Mills, opened a bakery.", "Ilan Bessa", "chair"),
    ("Odile Ferrant, the then-mayor of Vessby, signed the lease.", "Odile Ferrant", "mayor"),
    ("Ilan Bessa, who was chairman of Quarrow Mills until 2019, opened a bakery.",
     "Ilan Bessa", "chair"),
    ("Ilan Bessa was formerly the chairman of Quarrow Mills.", "Ilan Bessa", "chair"),
    ("Oren Tal once served as mayor of Tampere.", "Oren Tal", "mayor"),
    ("Oren Tal worked as a draftsman before he joined the navy.", "Oren Tal", "draftsman"),
    ("Oren Tal served as mayor of Tampere for six years.", "Oren Tal", "mayor"),
    ("Lena Park, formerly a professor at Halden University, won the seat.", "Lena Park",
     "professor"),
    ("Tom Reyes, previously the chief executive of Brindle Motors, retired.", "Tom Reyes",
     "chief executive"),
    ("Oren Tal, the former archbishop and cardinal, spoke.", "Oren Tal", "cardinal"),
    ("Former Velmar Bank chairman and chief executive Oren Tal spoke.", "Oren Tal",
     "chief executive"),
])
def test_a_position_said_to_be_over_is_marked_ended(text, person, role):
    assert (person, role, True) in positions(corpus_of(text))


@pytest.mark.parametrize(("text", "person", "role"), [
    ("Quarrow Mills chairman Ilan Bessa opened a bakery.", "Ilan Bessa", "chair"),
    ("Ilan Bessa, the outgoing chairman of Quarrow Mills, opened a bakery.", "Ilan Bessa",
     "chair"),
    ("Ilan Bessa is the chairman of Quarrow Mills.", "Ilan Bessa", "chair"),
    ("Oren Tal serves as mayor of Tampere.", "Oren Tal", "mayor"),
    ("Oren Tal has served as mayor of Tampere since 2019.", "Oren Tal", "mayor"),
    ("Retired army officer and wine expert Oren Tal opened a cafe.", "Oren Tal", "expert"),
])
def test_a_position_held_now_is_not_marked_ended(text, person, role):
    assert (person, role, False) in positions(corpus_of(text))


@pytest.mark.parametrize(("text", "person", "role"), [
    ("The late founder of Quarrow Mills, Ilan Bessa, left the firm to his nephew.",
     "Ilan Bessa", "founder"),
    ("Quarrow Mills was built by its late founder Ilan Bessa in a barn.", "Ilan Bessa",
     "founder"),
])
def test_a_lasting_role_is_not_ended_by_a_death(text, person, role):
    """'late' says the founder died; what was founded stays theirs, unlike a late chairman's
    chair."""
    found = {(p, r, ended) for p, r, ended in positions(corpus_of(text)) if p == person}
    assert (person, role, False) in found and (person, role, True) not in found


def test_a_former_role_before_a_possessive_belongs_to_the_possessor():
    corpus = corpus_of("Former minister Odile Ferrant's spokesman Ilan Bessa spoke on Monday.")
    assert all(not ended for person, _, ended in positions(corpus) if person == "Ilan Bessa")


def test_an_ended_position_is_its_own_statement_in_rdf_valid_and_round_tripped():
    from kg.pipeline import validate

    corpus = corpus_of("Ilan Bessa, a former chairman of Quarrow Mills, opened a bakery.",
                       "Quarrow Mills chairman Ilan Bessa closed a bakery.")
    dataset = build_dataset(corpus, "test-model 1.0")
    graph = union_graph(dataset)
    statements = set(graph.subjects(RDF.predicate, KG.affiliatedWith))
    ended = {s for s in statements if (s, KG.positionEnded, Literal(True)) in graph}
    assert len(ended) == 1 and len(statements) == 2
    (node,) = ended
    assert graph.value(node, KG.positionEnded).datatype == XSD.boolean
    assert "(as former chair)" in str(graph.value(node, RDFS.label))
    assert validate(dataset).conforms
    back = Graph().parse(data=serialize(dataset, "turtle", graph), format="turtle")
    assert (node, KG.positionEnded, Literal(True)) in back


def test_an_ended_position_that_is_not_a_boolean_violates_the_shapes():
    from kg.pipeline import validate

    dataset = build_dataset(corpus_of("Ilan Bessa, a former chairman of Quarrow Mills, spoke."),
                            "test-model 1.0")
    graph = union_graph(dataset)
    (node,) = graph.subjects(KG.positionEnded, Literal(True))
    graph.set((node, KG.positionEnded, Literal("yes")))
    assert not validate(graph).conforms


def test_kg_facts_shows_an_ended_position():
    dataset = build_dataset(corpus_of("Ilan Bessa, a former chairman of Quarrow Mills, spoke."),
                            "test-model 1.0")
    rows = [r for r in list_facts(dataset) if r.predicate_iri == str(KG.affiliatedWith)]
    assert rows and rows[0].roles.get("ended") == ["true"]


@pytest.mark.parametrize(("text", "person", "role"), [
    ("Vessby mayor Odile Ferrant met the council. Ferrant resigned on Friday.",
     "Odile Ferrant", "mayor"),
    ("Quarrow Mills chairman Ilan Bessa spoke. On Monday Bessa stepped down as chairman.",
     "Ilan Bessa", "chair"),
    ("The board fired Quarrow Mills chairman Ilan Bessa on Monday.", "Ilan Bessa", "chair"),
    ("Quarrow Mills chairman Ilan Bessa was replaced by Oren Tal in May.", "Ilan Bessa",
     "chair"),
    ("The governor accepted Vessby mayor Odile Ferrant's resignation on Friday.",
     "Odile Ferrant", "mayor"),
])
def test_a_position_the_article_says_was_left_is_marked_ended(text, person, role):
    """The same article tells that the holder resigned, stepped down, was fired or was
    replaced: the post is over, though the sentence that gives it says nothing of that."""
    assert (person, role, True) in positions(corpus_of(text))


@pytest.mark.parametrize(("text", "person", "role"), [
    ("Vessby mayor Odile Ferrant met the council. Ferrant will resign in August.",
     "Odile Ferrant", "mayor"),
    ("Vessby mayor Odile Ferrant met the council. Ferrant refused to resign.",
     "Odile Ferrant", "mayor"),
    ("Vessby mayor Odile Ferrant met the council. Ferrant did not resign.",
     "Odile Ferrant", "mayor"),
    ("Quarrow Mills chairman Ilan Bessa spoke. Oren Tal resigned on Friday.",
     "Ilan Bessa", "chair"),
    ("Quarrow Mills chairman Ilan Bessa spoke. Bessa resigned as treasurer of the club.",
     "Ilan Bessa", "chair"),
])
def test_a_leaving_not_real_or_not_of_that_post_ends_nothing(text, person, role):
    """A resignation announced for later, refused or denied, someone else's, or from
    another post leaves the post held."""
    assert (person, role, False) in positions(corpus_of(text))


def test_a_profession_is_not_ended_by_leaving_a_post():
    """'lawyer' is what the person is, not a post; resigning from the council keeps it."""
    corpus = corpus_of("Lawyer Odile Ferrant joined the council. Ferrant resigned in May.")
    assert ("Odile Ferrant", "lawyer", True) not in positions(corpus)


def test_a_refused_resignation_ends_nothing():
    """'filed his resignation' and then 'declined X's offer to resign': X stays in post."""
    corpus = corpus_of("Vessby mayor Odile Ferrant filed her resignation on Monday. The council "
                       "declined Ferrant's offer to resign.")
    assert ("Odile Ferrant", "mayor", False) in positions(corpus)


def test_a_leaving_ends_no_kinship_and_no_post_of_a_namesake():
    """'Tom Reyes retired' says nothing of Mia Reyes: a wife is not an office, and a
    relative who shares the surname is not the person who left."""
    corpus = corpus_of("Tom Reyes retired in March. Ann Lutz said his wife Mia Reyes was pleased.")
    assert ("Mia Reyes", "wife", True) not in positions(corpus)


def test_a_namesake_keeps_her_post_when_another_of_the_name_resigns():
    """Two people of one surname: the one who resigned leaves, the other keeps her post."""
    corpus = corpus_of("Vessby mayor Odile Ferrant met Halden judge Pia Ferrant. "
                       "Odile Ferrant resigned on Friday.")
    assert ("Pia Ferrant", "judge", False) in positions(corpus)


@pytest.mark.parametrize("person", ["Ilan Bessa", "Oren Tal"])
def test_a_leaving_by_coordinated_subjects_ends_each_post(person):
    """'A and B resigned': each of them left, not only the first."""
    corpus = corpus_of("Quarrow Mills chairman Ilan Bessa met Vessby mayor Oren Tal. "
                       "Bessa and Tal resigned on Monday.")
    assert any(p == person and ended for p, _, ended in positions(corpus))


def test_a_kinship_is_never_ended_by_its_holder_leaving():
    """'wife' is no office: Mia Reyes leaving a post leaves her still a wife, while
    the mayor who left is no longer mayor."""
    from kg.extract.tenure import _ended_if_left
    corpus = corpus_of("Halden mayor Tom Reyes and his wife Mia Reyes arrived.")
    left: dict[str, set[str | None]] = {"mia reyes": {None}, "tom reyes": {None}}
    ended = {(f.role_name, _ended_if_left(f, left).position_ended)
             for f in corpus.facts if f.predicate == "affiliatedWith"}
    assert ended == {("mayor", True), ("wife", False)}
