"""A capital or a deed that stands for the state that acted (kg/extract/metonymy.py,
data/metonymy.json), in sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import corpus_of

from kg.model import Fact, ResolvedCorpus


def facts_of(corpus: ResolvedCorpus, lemma: str) -> list[tuple[str, str, Fact]]:
    """(subject label, object label, fact) of each fact of the verb."""
    labels = {e.entity_id: e.label for e in corpus.entities}
    return [(labels[f.subject.entity_id or ""],
             labels.get(f.object.entity_id or "", "") if f.object else "", f)
            for f in corpus.facts if f.lemma == lemma]


def test_a_capital_doing_a_states_act_is_its_country_and_keeps_its_words():
    corpus = corpus_of("Canada and Norway argue over fishing rights. "
                       "Ottawa expelled the Norwegian envoy on Monday.")
    [(subject, obj, fact)] = facts_of(corpus, "expel")
    assert (subject, obj) == ("Canada", "Norwegian envoy")
    assert fact.subject.mention.text == "Ottawa"  # the evidence still quotes what was written
    assert fact.evidence.rule == "nsubj+capital/dobj"


def test_a_capital_whose_act_an_event_noun_names_is_its_country():
    corpus = corpus_of("Canada and Norway quarrel over fishing. "
                       "Ottawa's expulsion of the Norwegian envoy came on Monday.")
    [(subject, obj, fact)] = facts_of(corpus, "expel")
    assert (subject, obj) == ("Canada", "Norwegian envoy")
    assert "+capital/" in fact.evidence.rule


def test_a_capital_what_a_states_act_is_done_to_is_its_country():
    corpus = corpus_of("Canada and Norway signed a fishing pact in May. "
                       "Ottawa later accused Oslo of breaking the pact.")
    [(subject, obj, _)] = facts_of(corpus, "accuse")
    assert (subject, obj) == ("Canada", "Norway")


@pytest.mark.parametrize("text", [
    # the country is never named: nothing to refer to
    "Ottawa expelled the Norwegian envoy on Monday.",
    # a city that is no capital
    "Spain and Morocco quarrel over fishing. Barcelona expelled the Moroccan envoy on Monday.",
])
def test_no_country_for_a_capital_alone_or_a_city_that_is_no_capital(text):
    [(subject, _, _)] = facts_of(corpus_of(text), "expel")
    assert subject in {"Ottawa", "Barcelona"}


def test_a_civic_act_needs_another_country_in_its_sentence():
    # a city council bans too: a sentence about one city is about the city
    home = corpus_of("Spain has many old cities. Madrid banned diesel cars from its centre on "
                     "Monday.")
    assert [s for s, _, _ in facts_of(home, "ban")] == ["Madrid"]
    abroad = corpus_of("Madrid banned imports of Moroccan tomatoes on Monday, a week after "
                       "Spain raised its tariffs.")
    assert [s for s, _, _ in facts_of(abroad, "ban")] == ["Spain"]


@pytest.mark.parametrize(("text", "doer"), [
    ("Two fishermen were killed by a Turkish airstrike on Friday.", "Turkey"),
    ("The smuggler was killed in a United States counter-narcotics operation near the "
     "border.", "United States"),
    ("A Norwegian drone strike killed three pirates off the coast.", "Norway"),
])
def test_whoever_carried_out_a_deed_did_what_it_did(text, doer):
    [(subject, _, fact)] = facts_of(corpus_of(text), "kill")
    assert subject == doer
    # read as the deed's doer: as the subject's deed (metonymy) or, in a passive's
    # 'in'-phrase, by kg.extract.subjects through the same deed_doers
    assert "+deed/" in fact.evidence.rule or fact.evidence.rule.startswith("agent-prenominal-in")


def test_a_force_noun_stays_the_doer():
    # troops act themselves; the blind gold keeps 'US troops', 'the Iraqi government'
    [(subject, _, _)] = facts_of(corpus_of("Turkish troops captured the border town on "
                                           "Friday."), "capture")
    assert subject != "Turkey"
