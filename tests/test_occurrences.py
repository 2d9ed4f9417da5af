"""Facts with one participant: 'X resigned', 'X was arrested'. Sentences written for the test."""

from __future__ import annotations

import pytest
from helpers import corpus_of, find, role

from kg.facts import list_facts
from kg.model import Factuality, RoleName
from kg.namespaces import KG, RDF
from kg.rdf import build_dataset, union_graph
from kg.validate import validate_graph


def occurrences(corpus, predicate):
    return [f for f in corpus.facts if f.object is None and f.predicate == predicate]


def test_an_intransitive_event_is_a_fact_with_its_time_and_place():
    corpus = corpus_of("Deputy minister Jan Kowalski resigned in Krakow on Tuesday.")
    (fact,) = occurrences(corpus, "resigned")
    assert fact.subject.entity_id == "person/jan-kowalski"
    assert fact.subject.name is RoleName.AGENT
    assert role(fact, "time") == ["2023-09-12"]
    assert role(fact, "place") == ["place/krakow"]


def test_an_agentless_passive_keeps_who_it_was_done_to():
    corpus = corpus_of("Tomas Brandt was arrested on Monday.")
    (fact,) = occurrences(corpus, "arrested")
    assert fact.subject.entity_id == "person/tomas-brandt"
    assert fact.subject.name is RoleName.THEME


def test_a_passive_with_its_agent_stays_a_binary_fact():
    corpus = corpus_of("Tomas Brandt was arrested by Interpol on Monday.")
    assert not occurrences(corpus, "arrested")
    assert any(f.object is not None and f.predicate == "arrested" for f in corpus.facts)


def test_speech_and_verbs_that_need_an_object_are_not_occurrences():
    corpus = corpus_of("Lena Marsh said the plant would close. Lena Marsh gave generously.")
    assert not [f for f in corpus.facts if f.object is None and f.predicate in {"said", "gave"}]


def test_a_wish_to_resign_is_expected_not_asserted():
    corpus = corpus_of("Lena Marsh plans to resign.")
    (fact,) = occurrences(corpus, "resigned")
    assert fact.evidence.factuality is Factuality.EXPECTED


def test_an_occurrence_in_rdf_has_no_direct_triple_and_conforms():
    corpus = corpus_of("Deputy minister Jan Kowalski resigned on Tuesday.")
    dataset = build_dataset(corpus, "test-model 1.0")
    graph = union_graph(dataset)
    # Two occurrences: the resignation and the role held with no holder stated ('minister').
    nodes = set(graph.subjects(RDF.type, KG.Occurrence))
    (node,) = [n for n in nodes if (n, RDF.predicate, KG.resigned) in graph]
    (role,) = [n for n in nodes if (n, RDF.predicate, KG.affiliatedWith) in graph]
    assert not list(graph.objects(role, RDF.object))
    person = next(graph.objects(node, KG.agent))
    assert (node, RDF.predicate, KG.resigned) in graph
    assert not list(graph.objects(node, RDF.object))
    assert not list(graph.triples((person, KG.resigned, None)))
    assert validate_graph(graph).conforms
    (row,) = [r for r in list_facts(graph) if r.predicate == "resigned"]
    assert (row.kind, row.subject, row.object) == ("occurrence", "Jan Kowalski", None)


def test_a_participle_on_a_noun_is_a_passive():
    corpus = corpus_of("The survey, funded by the Harlow Trust, mapped the reef. "
                       "A man arrested in 1990 escaped.")
    assert find(corpus, "organization/harlow-trust", "funded", "thing/survey")
    (arrest,) = [f for f in corpus.facts if f.object is None and f.subject.entity_id ==
                 "thing/man" and f.subject.name is RoleName.THEME]
    assert arrest.predicate == "arrested"
    assert role(arrest, "time") == ["1990"]


def test_a_second_passive_verb_shares_the_patient():
    corpus = corpus_of("Lena Marsh was arrested and charged on Friday.")
    for predicate in ("arrested", "charged"):
        (fact,) = occurrences(corpus, predicate)
        assert fact.subject.entity_id == "person/lena-marsh"


def test_a_relative_pronoun_object_is_the_noun_it_hangs_on():
    corpus = corpus_of("The plan, which Harlow Council rejected, was sent on Monday.")
    (rejection,) = find(corpus, "organization/harlow-council", "rejected", "thing/plan")
    assert rejection.evidence.factuality is Factuality.ASSERTED


def test_a_particle_parsed_as_an_adverb_still_makes_the_phrasal_verb():
    corpus = corpus_of("Grace Okafor stepped down on Friday.")
    (fact,) = occurrences(corpus, "resigned")
    assert fact.subject.entity_id == "person/grace-okafor"


def test_a_broader_predicate_needs_an_object():
    corpus = corpus_of("Flags were lowered on Monday. Tom Reyes was named after his uncle.")
    assert not [f for f in corpus.facts if f.object is None and f.predicate in {"cut",
                                                                                 "appointed"}]


def test_a_lone_definite_subject_that_names_nothing_is_dropped():
    corpus = corpus_of("The pipeline ended in Otranto. Officials said the researcher resigned. "
                       "A factory in Amur closed. Police arrested Tom Reyes.")
    subjects = {f.subject.entity_id for f in corpus.facts}
    assert "thing/pipeline" not in subjects and "thing/researcher" not in subjects
    assert find(corpus, "thing/police", "arrested", "person/tom-reyes")


def test_how_many_is_part_of_the_description():
    corpus = corpus_of("At least 42 people died in the attack on Monday.")
    assert {f.subject.entity_id for f in corpus.facts if f.predicate == "died"} == \
        {"thing/at-least-42-people"}


def test_a_definite_description_with_a_name_in_it_is_a_subject():
    corpus = corpus_of("The Ruritanian dictator met Tom Reyes on Monday. "
                       "The Harlow flood destroyed the old bridge.")
    assert [f for f in corpus.facts if f.predicate == "met"]
    assert find(corpus, "thing/harlow-flood", "destroyed", "thing/bridge")


def base(entity_id):
    """An entity id without the per-article part descriptions carry."""
    return "/".join((entity_id or "").split("/")[:2])


def test_an_agentless_passive_outside_the_vocabulary_is_still_an_occurrence():
    corpus = corpus_of("A primary election was held in Dunmore on Tuesday. "
                       "The Harlow footbridge was rebuilt in 1977.")
    (held,) = occurrences(corpus, "hold")
    assert held.subject.name is RoleName.THEME
    assert base(held.subject.entity_id) == "thing/primary-election"
    (rebuilt,) = occurrences(corpus, "rebuild")
    assert role(rebuilt, "time") == ["1977"]


def test_states_and_reports_in_the_passive_are_not_events():
    corpus = corpus_of("The Harlow footbridge is located in Dunmore. "
                       "The Harlow plan was considered risky. Tom Reyes is expected to win.")
    assert not [f for f in corpus.facts if f.object is None and f.predicate in
                {"locate", "consider", "expect"}]


def test_a_bare_number_stands_for_what_the_sentence_counted():
    corpus = corpus_of("At least 17 people died in Dunmore and 35 were rescued. "
                       "149 of the survivors were hospitalized.")
    rescued = [f for f in occurrences(corpus, "rescued") + occurrences(corpus, "rescue")]
    assert [base(f.subject.entity_id) for f in rescued] == ["thing/35-people"]
    (hospital,) = occurrences(corpus, "hospitalize")
    assert base(hospital.subject.entity_id) == "thing/149-survivors"


def test_an_idiom_means_its_verb():
    corpus = corpus_of("At least 81 people lost their lives in Dunmore. "
                       "The Harlow Brigade claimed responsibility for the bombing. "
                       "Tom Reyes took part in the Dunmore Marathon.")
    (died,) = occurrences(corpus, "died")
    assert base(died.subject.entity_id) == "thing/at-least-81-people"
    assert not [f for f in corpus.facts if f.predicate in {"lost", "lose"}]
    (claim,) = [f for f in corpus.facts if f.lemma == "claim responsibility"]
    assert claim.subject.entity_id == "organization/harlow-brigade"
    assert claim.object is not None and base(claim.object.entity_id) == "thing/bombing"
    (part,) = [f for f in corpus.facts if f.lemma == "participate"]
    assert part.object is not None and "marathon" in (part.object.entity_id or "")


def test_an_idiom_said_through_a_preposition_means_its_verb():
    corpus = corpus_of("The Lisbon Treaty came into force on 3 May 2021. "
                       "The Harlow Workers Union went on strike in Lisbon. "
                       "Tom Reyes came to power in a coup in 1999.")
    (force,) = occurrences(corpus, "take_effect")
    assert force.subject.entity_id.endswith("lisbon-treaty")
    assert role(force, "time") == ["2021-05-03"]
    assert not [f for f in corpus.facts if f.lemma.startswith("come")]
    (strike,) = occurrences(corpus, "go_on_strike")
    assert strike.subject.entity_id == "organization/harlow-workers-union"
    assert role(strike, "place") == ["place/lisbon"]
    (power,) = [f for f in corpus.facts if f.lemma == "take power"]
    assert power.subject.entity_id == "person/tom-reyes" and power.object is None


def test_a_light_verb_idiom_names_the_verb_a_reader_would_use():
    corpus = corpus_of("Rebels set fire to the Harlow Museum. Lisbon played host to the "
                       "Harlow Games.")
    assert [f.object.entity_id for f in corpus.facts if f.lemma == "set fire"] == [
        "organization/harlow-museum"]
    (hosted,) = [f for f in corpus.facts if f.predicate == "hosted"]
    assert hosted.subject.entity_id == "place/lisbon"


def test_whom_one_speaks_to_is_the_audience_not_the_topic():
    corpus = corpus_of("Mara Lindqvist spoke to the Dunmore Economic Club on Tuesday. "
                       "Tom Reyes spoke to the Harlow Gazette about the merger.")
    discussed = [f for f in corpus.facts if f.predicate == "discussed"]
    assert [f.object.entity_id.split("/")[1] for f in discussed if f.object] == ["merger"]
    assert not [f for f in discussed if f.subject.entity_id == "person/mara-lindqvist"]
    (merger,) = discussed
    assert role(merger, "recipient") == ["organization/harlow-gazette"]


def test_striking_a_balance_is_no_attack():
    corpus = corpus_of("The Harlow Council seeks to strike a balance between growth and "
                       "safety.")
    assert not [f for f in corpus.facts if f.predicate == "attacked"]
    assert [f for f in corpus.facts if f.lemma == "strike balance"]


def test_becoming_something_is_a_fact_about_what_they_became():
    corpus = corpus_of("Lena Marsh became mayor of Dunmore in 2005.")
    (became,) = [f for f in corpus.facts if f.lemma == "become"]
    assert became.subject.entity_id == "person/lena-marsh"
    assert became.object is not None and "mayor" in (became.object.entity_id or "")


def test_an_infinitive_on_a_noun_is_done_by_the_clause_subject_and_not_yet_done():
    corpus = corpus_of("Lena Marsh joined the race to replace Tom Reyes. "
                       "Tom Reyes's plan to visit Dunmore was announced on Monday.")
    (replace,) = find(corpus, "person/lena-marsh", "replaced", "person/tom-reyes")
    assert replace.evidence.factuality is Factuality.EXPECTED
    (visit,) = [f for f in corpus.facts if f.lemma == "visit"
                and f.subject.entity_id == "person/tom-reyes"]
    assert visit.evidence.factuality is Factuality.EXPECTED


def test_a_named_subject_with_nothing_else_still_did_something():
    corpus = corpus_of("Lena Marsh wept on Monday. 128 vaccination teams participated. "
                       "The campaign started on Monday.")
    (wept,) = occurrences(corpus, "weep")
    assert wept.subject.entity_id == "person/lena-marsh"
    assert role(wept, "time") == ["2023-09-11"]
    assert [base(f.subject.entity_id) for f in occurrences(corpus, "participate")] == \
        ["thing/128-vaccination-teams"]
    # 'start' states an event with one participant (occurrence_verbs, since 7a04b2b): the
    # campaign started, under the verb's own word; nothing 'launched' it.
    assert [base(f.subject.entity_id) for f in occurrences(corpus, "start")] == ["thing/campaign"]
    assert not occurrences(corpus, "launched")


def test_a_verb_of_the_vocabulary_alone_is_its_own_word_not_its_relation():
    # 'won' alone is 'win', not the relation's 'won'. (This test used 'contributed', which
    # alone is no fact since complement_verbs: the judges found 12 of 15 such facts vague;
    # tests/test_verb_objects.py checks that. Then 'won.' with nothing else, which is no
    # fact since kg.extract.facts.states_something: 6 of 6 judged vague; a place keeps it,
    # tests/test_hollow_facts.py.)
    corpus = corpus_of("Lena Marsh and Tom Reyes won in Carrow.")
    assert {f.predicate for f in corpus.facts if f.object is None} == {"win"}


def test_a_gerund_after_a_plan_noun_is_done_by_the_signers_and_only_planned():
    corpus = corpus_of("Harlow Gas Ltd. signed an agreement on selling gas to Dunmore Power.")
    (sale,) = [f for f in corpus.facts if f.lemma == "sell"]
    assert "harlow-gas" in (sale.subject.entity_id or "")
    assert sale.evidence.factuality is Factuality.EXPECTED


def test_he_far_from_any_name_is_the_person_the_article_is_about():
    corpus = corpus_of(
        "Walter Brandt, the oceanographer, died on Friday. Brandt was 101. "
        "Brandt studied waves at the Harlow Institute. Colleagues praised the work. "
        "The institute said the funeral would be private. The family asked for privacy. "
        "He also researched tides.")
    (study,) = [f for f in corpus.facts if f.lemma == "research"]
    assert study.subject.entity_id == "person/walter-brandt"


def test_who_was_sentenced_to_pay_pays_not_the_judge():
    corpus = corpus_of("Tom Reyes was sentenced by Judge Lena Marsh to 73 months in prison "
                       "and to pay restitution to Harlow Bank.")
    (paid,) = [f for f in corpus.facts if f.lemma == "pay"]
    assert paid.subject.entity_id == "person/tom-reyes"


@pytest.mark.parametrize(("text", "lemma"), [
    ("The bid for early elections failed on Monday.", "fail"),
    ("A cargo ship capsized near Tala.", "capsize"),
])
def test_a_verb_of_happening_makes_a_fact_with_a_description_subject(text, lemma):
    corpus = corpus_of(text)
    facts = [f for f in corpus.facts if f.lemma == lemma]
    assert facts and all(f.object is None for f in facts)


@pytest.mark.parametrize(("text", "lemma"), [
    ("Altogether, twelve Liberals defected.", "defect"),
    ("Four Brindles capsized near Tala.", "capsize"),
    ("Many Tarvists defected.", "defect"),
])
def test_a_verb_of_happening_makes_a_fact_with_a_name_the_tagger_alone_found(text, lemma):
    # a capitalised word no entity type was given to (the mention's label 'PROPN') acts
    # as a description may: it is no weaker a participant than 'the bid'
    corpus = corpus_of(text)
    facts = [f for f in corpus.facts if f.lemma == lemma]
    assert facts and all(f.object is None for f in facts)


def test_a_state_verb_makes_no_fact_with_a_name_the_tagger_alone_found():
    corpus = corpus_of("Altogether, twelve Liberals remained.")
    assert not [f for f in corpus.facts if f.lemma == "remain"]


def test_a_state_verb_makes_no_fact_with_a_description_subject():
    corpus = corpus_of("The bid for early elections remained on the table.")
    assert not [f for f in corpus.facts if f.lemma == "remain"]


def test_event_verbs_are_happenings_not_states_speech_or_thought():
    from kg.lexicon import event_verbs
    verbs = event_verbs()
    assert len(verbs) > 1000
    assert {"crash", "sink", "dissipate", "collapse", "fail", "erupt", "resign"} <= verbs
    assert not verbs & {"say", "think", "remain", "seem", "hope", "believe", "know"}


def test_a_length_of_time_is_not_the_time_of_the_event():
    corpus = corpus_of("Lena Park was attacked a few weeks after she posted the photos. "
                       "Tom Reyes was arrested on Monday.")
    times = [r for f in corpus.facts for r in f.roles if r.name is RoleName.TIME]
    assert times, "the dated arrest keeps its time"
    assert not [r for r in times if "week" in (r.mention.text or "").lower()]


@pytest.mark.parametrize("text", [
    "Three attacks took place in Dunmore last month.",
    "Suicide bombings took place in Dunmore last week.",
])
def test_what_took_place_is_an_occurrence_even_unnamed(text):
    """'take place' is 'happen': the thing that took place is the fact, named or not."""
    corpus = corpus_of(text)
    (fact,) = [f for f in corpus.facts if f.lemma == "take place"]
    assert fact.object is None
    assert role(fact, "place") == ["place/dunmore"]


@pytest.mark.parametrize(("text", "lemma"), [
    ("A cargo truck caught fire near Dunmore on Monday.", "catch fire"),
    ("The new harbour fees came into force in May.", "take effect"),
    ("Ferry workers went on strike in Dunmore.", "go on strike"),
    ("The two gunmen went into hiding after the robbery.", "go into hiding"),
])
def test_an_idiom_without_object_that_tells_what_happened_is_an_occurrence(text, lemma):
    """'caught fire', 'came into force', 'went on strike' say what happened to their
    subject, as 'burned' or 'resigned' do, whether or not it has a name."""
    (fact,) = [f for f in corpus_of(text).facts if f.lemma == lemma]
    assert fact.object is None
