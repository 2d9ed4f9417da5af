"""What a verb makes, names or calls its object (kg.extract.verb_roles): the fact's attribute
role, from an object predicative ('declared the virus a pandemic'), an 'as' phrase after a verb
of naming or choosing ('elected X as its treasurer'), carried into RDF as kg:attribute, read
back by ``kg facts`` and checked by the shapes. Sentences written for the test."""

from __future__ import annotations

import pytest
from helpers import corpus_of
from rdflib import Literal

from kg.facts import list_facts
from kg.model import Fact, ResolvedCorpus, RoleName
from kg.namespaces import KG, RDF
from kg.rdf import build_dataset, union_graph


def _facts(corpus: ResolvedCorpus, lemma: str) -> list[Fact]:
    return [f for f in corpus.facts if f.lemma == lemma]


def _attributes(corpus: ResolvedCorpus, fact: Fact) -> list[str]:
    labels = {e.entity_id: e.label for e in corpus.entities}
    return [labels.get(r.entity_id or "", r.mention.text) for r in fact.roles
            if r.name is RoleName.ATTRIBUTE]


@pytest.mark.parametrize(("text", "lemma", "attribute"), [
    # 'as' after a verb of electing, confirming, naming
    ("The union elected Dara Quill as its treasurer.", "elect", "treasurer"),
    ("The Norland Senate confirmed Ivo Brandt as its new auditor.", "confirm", "new auditor"),
    # the parser's verbless clause: 'declared [the virus a pandemic]'
    ("The Norland Health Council declared the Vexa virus a pandemic on Friday.", "declare",
     "pandemic"),
    # an 'appositive' with no comma after a complex-transitive verb
    ("The Global Sports Federation declared Tarek Haddad the winner.", "declare", "winner"),
    # the parser hangs the verb's 'as' on its object
    ("The Norland Health Council classified the spread of Vexa fever as an epidemic.",
     "classify", "epidemic"),
])
def test_what_the_object_is_made_or_named_is_the_attribute(text, lemma, attribute):
    corpus = corpus_of(text)
    facts = _facts(corpus, lemma)
    assert facts, [f.lemma for f in corpus.facts]
    assert attribute in _attributes(corpus, facts[0])


def test_a_small_clause_subject_is_the_object():
    corpus = corpus_of("The Norland Health Council declared the Vexa virus a pandemic on Friday.")
    labels = {e.entity_id: e.label for e in corpus.entities}
    (fact,) = _facts(corpus, "declare")
    assert fact.object is not None and labels[fact.object.entity_id or ""] == "Vexa virus"


def test_an_as_phrase_after_a_verb_of_electing_is_no_destination():
    corpus = corpus_of("The union elected Dara Quill as its treasurer.")
    (fact,) = _facts(corpus, "elect")
    assert not [r for r in fact.roles if r.name is RoleName.DESTINATION]


def test_a_label_survives_when_the_verb_takes_another_sense():
    # 'named the militias as terrorists' appoints nobody, but says what they were called
    corpus = corpus_of("The minister named the militias as terrorists.")
    (fact,) = _facts(corpus, "name")
    assert fact.predicate != "appointed"
    assert _attributes(corpus, fact) == ["terrorist"]


def test_as_part_of_is_a_connective_not_an_attribute():
    corpus = corpus_of("The union elected Dara Quill as part of a wider reshuffle.")
    (fact,) = _facts(corpus, "elect")
    assert _attributes(corpus, fact) == []


def test_a_comma_appositive_is_no_attribute():
    corpus = corpus_of("The Global Sports Federation declared Tarek Haddad, the winner, a cheat.")
    assert all("winner" not in _attributes(corpus, f) for f in _facts(corpus, "declare"))


def test_the_attribute_is_written_read_back_and_conforms():
    from kg.pipeline import validate

    corpus = corpus_of("The union elected Dara Quill as its treasurer.")
    dataset = build_dataset(corpus, "test-model 1.0")
    graph = union_graph(dataset)
    (statement,) = graph.subjects(RDF.predicate, KG.elected)
    (attribute,) = graph.objects(statement, KG.attribute)
    assert str(attribute).endswith("treasurer")
    (row,) = [r for r in list_facts(dataset) if r.predicate == "elected"]
    assert row.roles.get("attribute") == ["treasurer"]
    assert validate(dataset).conforms


def test_an_attribute_that_is_no_entity_violates_the_shapes():
    from kg.pipeline import validate

    corpus = corpus_of("The union elected Dara Quill as its treasurer.")
    graph = union_graph(build_dataset(corpus, "test-model 1.0"))
    (statement,) = graph.subjects(RDF.predicate, KG.elected)
    graph.set((statement, KG.attribute, Literal("treasurer")))
    assert not validate(graph).conforms


def test_a_name_read_as_the_titles_compound_is_the_object():
    # the small parser reads 'Dara Quill president of the council' as one noun phrase
    corpus = corpus_of("The assembly elected Dara Quill president of the council.")
    labels = {e.entity_id: e.label for e in corpus.entities}
    (fact,) = _facts(corpus, "elect")
    assert fact.object is not None and labels[fact.object.entity_id or ""] == "Dara Quill"
    assert _attributes(corpus, fact) == ["president"]


def test_an_as_that_opens_a_clause_gives_no_attribute():
    # a headline's 'as X invades' the parser hangs on the object as two 'as' objects
    corpus = corpus_of("Rebels announce truce with Vesta's army as Norland invades")
    facts = _facts(corpus, "announce")
    assert facts and all(_attributes(corpus, f) == [] for f in facts)


def test_the_attribute_is_the_phrase_without_quotes_article_or_what_follows_a_comma():
    corpus = corpus_of("The Norland Foreign Office described Ivo Brandt last year as an "
                       "\"emerging\" figure in the Al-Noor Front, a rebel group.")
    (fact,) = _facts(corpus, "describe")
    assert _attributes(corpus, fact) == ["emerging figure in the Al-Noor Front"]
