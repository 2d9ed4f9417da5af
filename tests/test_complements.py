"""The complements that make a fact say something (kg.extract.complements and
kg.extract.verb_roles with data/preposition_roles.json): what a verb of asking, letting,
ordering or sending asks its object to do (the content role), and what an act is about (the
topic role of an 'about'-phrase), carried into RDF, read back by ``kg facts`` and checked by
the shapes. Sentences written for the test."""

from __future__ import annotations

import pytest
from helpers import corpus_of

from kg.facts import list_facts
from kg.model import Fact, ResolvedCorpus, RoleName
from kg.namespaces import KG, RDF
from kg.rdf import build_dataset, union_graph


def _facts(corpus: ResolvedCorpus, lemma: str) -> list[Fact]:
    return [f for f in corpus.facts if f.lemma == lemma]


def _role(corpus: ResolvedCorpus, fact: Fact, name: RoleName) -> list[str]:
    labels = {e.entity_id: e.label for e in corpus.entities}
    return [labels.get(r.entity_id or "", r.mention.text) for r in fact.roles if r.name is name]


@pytest.mark.parametrize(("text", "lemma", "content"), [
    ("Governor Piet Olan ordered the police to close the bridge.", "order",
     "to close the bridge"),
    # 'not' belongs to what is asked
    ("The Velora Party urged its members not to vote for the tax.", "urge",
     "not to vote for the tax"),
    # the parser reads the object as the infinitive's subject: 'allowed [Lena Ruiz to appeal]'
    ("The court allowed Lena Ruiz to appeal the verdict on Monday.", "allow",
     "to appeal the verdict"),
    # a purpose after a verb of sending
    ("Ostland sent its foreign minister to attend the summit in Brevik.", "send",
     "to attend the summit in Brevik"),
    # a verb of preventing and its 'from'-gerund
    ("The storm prevented two ferries from docking at Brevik.", "prevent", "from docking"),
    ("The court barred Jon Presk from running for mayor.", "bar", "from running for mayor"),
])
def test_what_the_object_is_asked_to_do_is_the_content(text, lemma, content):
    corpus = corpus_of(text)
    facts = _facts(corpus, lemma)
    assert facts, [f.lemma for f in corpus.facts]
    assert all(_role(corpus, f, RoleName.CONTENT) == [content] for f in facts), \
        [_role(corpus, f, RoleName.CONTENT) for f in facts]


@pytest.mark.parametrize(("text", "lemma"), [
    # the infinitive is the subject's own plan, no object is asked anything
    ("Jon Presk agreed to sell the farm.", "agree to sell"),
    # an infinitive of purpose after any other verb
    ("Tilda Varn bought a van to deliver the bread.", "buy"),
])
def test_an_infinitive_without_an_asked_object_is_no_content(text, lemma):
    corpus = corpus_of(text)
    facts = _facts(corpus, lemma)
    assert facts, [f.lemma for f in corpus.facts]
    assert all(not _role(corpus, f, RoleName.CONTENT) for f in facts)


@pytest.mark.parametrize(("text", "lemma", "topic"), [
    ("Police questioned Jon Presk on Monday about the fire.", "question", "fire"),
    # 'about' is one of 'ask's object prepositions, yet beside a direct object it is the topic
    ("Tilda Varn had asked the governor repeatedly about the budget.", "ask", "budget"),
    ("Jon Presk complained to the council about the noise.", "complain to", "noise"),
])
def test_what_an_about_phrase_names_is_the_topic(text, lemma, topic):
    corpus = corpus_of(text)
    facts = _facts(corpus, lemma)
    assert facts, [f.lemma for f in corpus.facts]
    assert all(_role(corpus, f, RoleName.TOPIC) == [topic] for f in facts)


def test_an_about_phrase_that_is_the_object_is_no_topic_too():
    # with no direct object the 'about'-phrase is what was spoken of: the object, not both
    corpus = corpus_of("Tilda Varn spoke about her childhood.")
    facts = _facts(corpus, "speak")
    assert facts and all(not _role(corpus, f, RoleName.TOPIC) for f in facts)


def test_content_and_topic_are_written_read_back_and_conform():
    from kg.pipeline import validate

    corpus = corpus_of("Governor Piet Olan ordered the police to close the bridge. "
                       "Police questioned Jon Presk on Monday about the fire.")
    dataset = build_dataset(corpus, "test-model 1.0")
    graph = union_graph(dataset)
    (ordered,) = graph.subjects(RDF.predicate, KG.ordered)
    assert len(list(graph.objects(ordered, KG.content))) == 1
    rows = list_facts(dataset)
    assert any(r.roles.get("content") == ["to close the bridge"] for r in rows)
    assert any(r.roles.get("topic") == ["fire"] for r in rows)
    assert validate(dataset).conforms


@pytest.mark.parametrize(("text", "lemma", "place"), [
    ("Jon Presk was kept in solitary confinement for a year.", "keep", "solitary confinement"),
    ("Police detained Jon Presk in a military prison.", "detain", "military prison"),
])
def test_where_a_verb_of_keeping_keeps_its_object_is_the_place(text, lemma, place):
    corpus = corpus_of(text)
    facts = _facts(corpus, lemma)
    assert facts, [f.lemma for f in corpus.facts]
    assert all(place in _role(corpus, f, RoleName.PLACE) for f in facts)


def test_a_person_something_is_placed_in_is_no_place():
    corpus = corpus_of("Tilda Varn thanked the voters for the trust they placed in her.")
    assert all(not _role(corpus, f, RoleName.PLACE) for f in _facts(corpus, "place"))


@pytest.mark.parametrize(("text", "lemma", "topic"), [
    ("The Velora Council criticised Mayor Jon Presk over the harbour tax.", "criticise",
     "harbour tax"),
])
def test_what_an_over_phrase_names_is_the_topic(text, lemma, topic):
    corpus = corpus_of(text)
    facts = _facts(corpus, lemma)
    assert facts, [f.lemma for f in corpus.facts]
    assert all(_role(corpus, f, RoleName.TOPIC) == [topic] for f in facts)


def test_a_number_after_over_is_no_topic():
    corpus = corpus_of("Tilda Varn won over 60 percent of the vote in Brevik.")
    assert all(not _role(corpus, f, RoleName.TOPIC) for f in corpus.facts)


def test_what_an_idioms_noun_is_about_is_the_topic():
    # 'reach an agreement' is 'agree'; the agreement's 'about'-phrase says on what
    corpus = corpus_of("Tilda Varn and the Velora Council could not reach an agreement about "
                       "the harbour tax.")
    facts = _facts(corpus, "agree")
    assert facts, [f.lemma for f in corpus.facts]
    assert all(_role(corpus, f, RoleName.TOPIC) == ["harbour tax"] for f in facts)
