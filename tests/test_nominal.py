"""Facts said with event nouns and light verbs (kg/extract/nominal.py)."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from helpers import corpus_of, fact_rows, find, role
from helpers import labelled_triples as triples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.lexicon import canonical_role, derived_nouns
from kg.model import Factuality, RoleName
from kg.relations import load_vocabulary


@pytest.mark.parametrize(("text", "expected"), [
    ("Daniel Weber's visit to Lisbon lasted two days.", ("Daniel Weber", "visited", "Lisbon")),
    ("Owen Pryce made a surprise visit to Cardiff.", ("Owen Pryce", "visited", "Cardiff")),
    ("The assassination of Ivo Marek by Tomas Ferreira shocked the town.",
     ("Tomas Ferreira", "killed", "Ivo Marek")),
    ("Ivo Marek's assassin, Tomas Ferreira, fled.", ("Tomas Ferreira", "killed", "Ivo Marek")),
])
def test_event_nouns_give_the_verb_facts(text, expected):
    assert expected in triples(corpus_of(text))


def test_a_light_verb_gives_the_noun_fact_not_a_thing():
    corpus = corpus_of("Owen Pryce made a surprise visit to Cardiff.")
    assert not [t for t in triples(corpus) if t[2].endswith("visit")]


def test_a_planned_visit_is_expected():
    corpus = corpus_of("Marta Ruiz's planned visit to Lisbon was announced.")
    (visit,) = [f for f in corpus.facts if f.predicate == "visited"]
    assert visit.evidence.factuality is Factuality.EXPECTED


def test_a_verb_that_does_something_to_an_event_keeps_its_own_fact():
    corpus = corpus_of("Lena Marsh ended her campaign on Friday. Tom Reyes made a visit to Oslo.")
    assert find(corpus, "person/lena-marsh", "ended", "thing/campaign")
    assert not [f for f in corpus.facts if f.subject.entity_id == "person/tom-reyes"
                and f.object is not None
                and (f.object.entity_id or "").startswith("thing/visit")]


def test_a_cancelled_visit_is_no_visit():
    corpus = corpus_of("Tom Reyes cancelled his visit to Oslo.")
    assert not [f for f in corpus.facts if f.predicate == "visited"]


def test_a_possessive_event_noun_that_names_one_participant_is_an_occurrence():
    corpus = corpus_of("Lena Park's resignation surprised the board.",
                       "Tomas Berg was a senator. The party announced his death on Monday.")
    resigned = [f for f in corpus.facts if f.predicate == "resigned"]
    assert [(f.subject.entity_id, f.object) for f in resigned] == [("person/lena-park", None)]
    died = [f for f in corpus.facts if f.predicate == "died"]
    # Whoever announces a death did not die, and is not the one who died.
    assert [(f.subject.entity_id, f.object) for f in died] == [("person/tomas-berg", None)]


def test_the_possessive_of_a_patient_noun_is_the_doer_when_an_of_phrase_names_the_patient():
    corpus = corpus_of("Lena Park's arrest of Tomas Berg surprised everyone.",
                       "Nils Holm's arrest came on Monday.")
    assert find(corpus, "person/lena-park", "arrested", "person/tomas-berg")
    (held,) = [f for f in corpus.facts if f.predicate == "arrested" and f.object is None]
    assert held.subject.entity_id == "person/nils-holm"
    assert held.subject.name is RoleName.THEME


def _killings(text: str) -> set[tuple[str, str, str]]:
    corpus = corpus_of(text)
    labels = {e.entity_id: e.label for e in corpus.entities}
    return {(labels[f.subject.entity_id or ""], labels[f.object.entity_id or ""],
             f.evidence.factuality.value) for f in corpus.facts
            if f.predicate == "killed" and f.object is not None}


@pytest.mark.parametrize(("text", "expected"), [
    ("Police charged Marco Bell with killing Anna Ruiz.",
     ("Marco Bell", "Anna Ruiz", "reported")),
    ("Marco Bell was convicted of killing Anna Ruiz in 2019.",
     ("Marco Bell", "Anna Ruiz", "asserted")),
    ("In 1969, Sami Haddad was sentenced to death for the assassination of Rob Kenner.",
     ("Sami Haddad", "Rob Kenner", "asserted")),
    ("James Raye, suspected of the assassination of Martin Kingsley, was caught in London.",
     ("James Raye", "Martin Kingsley", "reported")),
])
def test_whom_the_courts_hold_to_a_deed_did_it_as_far_as_they_say(text, expected):
    assert expected in _killings(text)


def test_the_police_who_charge_are_not_the_doers_and_a_time_clause_is_no_charge():
    assert not {k for k in _killings("Police charged Marco Bell with killing Anna Ruiz.")
                if k[0] == "police"}
    corpus = corpus_of("Marco Bell was arrested after fleeing the scene.")
    assert not [f for f in corpus.facts if "accused" in f.evidence.rule]


def test_a_support_verb_states_the_event_its_noun_cannot():
    corpus = corpus_of("The Green Party held primary elections in Vermont on Tuesday.",
                       "Ana Silva gave an award to Tom Reyes in Lyon.")
    (held,) = [f for f in corpus.facts if f.evidence.rule.endswith("support-election")]
    assert (held.subject.entity_id, held.predicate) == ("organization/green-party", "held")
    assert held.object is not None and held.object.entity_id.startswith("thing/")
    assert {r.name for r in held.roles} == {RoleName.PLACE, RoleName.TIME}
    assert role(held, "place") == ["place/vermont"]
    (gave,) = [f for f in corpus.facts if f.evidence.rule.endswith("support-award")]
    assert gave.subject.entity_id == "person/ana-silva"
    assert role(gave, "recipient") == ["person/tom-reyes"]


def test_a_light_verbs_dative_names_the_nouns_object():
    corpus = corpus_of("Ana Silva gave a speech to the Rotary Club in Lyon.")
    assert ("Ana Silva", "addressed", "Rotary Club") in triples(corpus)


def test_a_support_verb_with_a_noun_that_names_its_participants_says_nothing_more():
    corpus = corpus_of("Owen Pryce held talks with Marta Ruiz in Lisbon.")
    assert not [f for f in corpus.facts if "support-" in f.evidence.rule]


def test_a_visit_timing_a_clause_is_made_by_the_clause_subject():
    corpus = corpus_of("Ana Silva received the prize during a visit to Lisbon.",
                       "After talks with Owen Pryce, Marta Ruiz said a deal was close.")
    assert ("Ana Silva", "visited", "Lisbon") in triples(corpus)
    talks = {t for t in triples(corpus) if t[1] == "discussed"}
    assert talks in ({("Marta Ruiz", "discussed", "Owen Pryce")},
                     {("Owen Pryce", "discussed", "Marta Ruiz")})


def test_a_deed_timing_a_clause_is_not_the_clause_subjects():
    corpus = corpus_of("Police arrested Tom Reyes after the attack on the embassy in Rome.")
    assert not [f for f in corpus.facts if f.predicate == "attacked"]


def test_a_planned_clause_makes_its_visit_expected():
    corpus = corpus_of("Ana Silva will meet Tom Reyes ahead of a trip to Lisbon.")
    # (The parser reads the name at the start of this sentence as 'Silva' alone.)
    assert [t for t in triples(corpus) if t[1:] == ("visited", "Lisbon")
            and t[0].endswith("Silva")]
    (visit,) = [f for f in corpus.facts if f.predicate == "visited"]
    assert visit.evidence.factuality is Factuality.EXPECTED


def test_a_by_phrase_hung_on_the_victims_name_still_names_the_doer():
    corpus = corpus_of("The killing of Ivo Marek by Tomas Ferreira in 1990 shocked the town.")
    assert ("Tomas Ferreira", "killed", "Ivo Marek") in triples(corpus)


def test_an_of_phrase_names_the_one_who_dies_resigns_or_visits():
    corpus = corpus_of("The death of Tomas Berg shocked the town.",
                       "The resignation of Lena Park surprised the board.",
                       "The visit of Pope Leo to Iraq drew crowds.")
    assert [f.subject.entity_id for f in corpus.facts if f.predicate == "died"
            and f.object is None] == ["person/tomas-berg"]
    assert [f.subject.entity_id for f in corpus.facts if f.predicate == "resigned"
            and f.object is None] == ["person/lena-park"]
    assert ("Pope Leo", "visited", "Iraq") in triples(corpus)


def test_a_meeting_of_three_is_three_meetings():
    corpus = corpus_of("The meeting of Spain, Portugal and France on 3 March 2019 ended.")
    met = {frozenset((f.subject.entity_id, f.object.entity_id)) for f in corpus.facts
           if f.predicate == "met" and f.object is not None}
    assert met == {frozenset(p) for p in (("place/spain", "place/portugal"),
                                          ("place/spain", "place/france"),
                                          ("place/portugal", "place/france"))}


def test_talks_between_two_are_between_them():
    corpus = corpus_of("Talks between Spain and Portugal ended on Monday.")
    talks = [(f.subject.entity_id, f.object.entity_id if f.object else None)
             for f in corpus.facts if f.lemma == "talk"]
    assert sorted(talks) == [("place/spain", "place/portugal")]


def test_an_alleged_death_is_reported_and_a_pending_exit_expected():
    corpus = corpus_of("The alleged death of Tomas Berg was in the news.",
                       "Crowds protested the pending exit of Ruritania from the Union.")
    (died,) = [f for f in corpus.facts if f.predicate == "died"]
    assert died.evidence.factuality is Factuality.REPORTED
    (left,) = [f for f in corpus.facts if f.lemma == "leave"]
    assert left.evidence.factuality is Factuality.EXPECTED


def test_a_cardiac_arrest_is_no_arrest():
    corpus = corpus_of("Tom Reyes suffered a cardiac arrest on Monday.",
                       "Ana Silva had a heart attack in Lisbon.")
    assert not [f for f in corpus.facts if f.predicate in {"arrested", "attacked"}]


def test_a_bare_support_verb_or_an_unnamed_participant_says_nothing_more():
    corpus = corpus_of("The two leaders had a tour of a rocket launch site.",
                       "Tom Reyes held talks with officials.")
    assert not [f for f in corpus.facts if "support-" in f.evidence.rule]


COUNTRIES = ("Spain", "Portugal", "France", "Italy", "Greece", "Norway")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=4, unique=True))
def test_a_meeting_of_many_is_one_fact_per_pair(parties):
    names = ", ".join(parties[:-1]) + " and " + parties[-1]
    corpus = corpus_of(f"The meeting of {names} on 3 March 2019 ended without a deal.")
    met = {frozenset((f.subject.entity_id, f.object.entity_id)) for f in corpus.facts
           if f.predicate == "met" and f.object is not None}
    assert len(met) == len(parties) * (len(parties) - 1) // 2
    assert all(len(pair) == 2 for pair in met)


def test_who_is_counted_among_the_dead_died():
    corpus = corpus_of("Tomas Brandt was, according to the coast guard, among the dead.")
    (fact,) = [f for f in corpus.facts if f.lemma == "die"]
    assert fact.subject.entity_id == "person/tomas-brandt"
    assert fact.object is None


def test_who_is_counted_among_the_injured_had_it_done_to_them():
    corpus = corpus_of("Among the injured were Lena Marsh and Jan Kowalski.")
    injured = {f.subject.entity_id: f.subject.name.value for f in corpus.facts
               if f.lemma == "injure"}
    assert injured == {"person/lena-marsh": "theme", "person/jan-kowalski": "theme"}


# Nouns derived from the verb lexicon (kg/data/derived_nouns.json via kg.lexicon).

@pytest.mark.parametrize(("text", "expected"), [
    # an agent noun WordNet links to its verb, not written by hand
    ("Martin Keller was an early adopter of the Velqor engine.",
     ("Martin Keller", "adopt", "Velqor engine")),
    # a joint prefix leaves the doer's deed the same
    ("Daniel Morgan was a co-inventor of the Velqor engine.",
     ("Daniel Morgan", "invent", "Velqor engine")),
    # a deed noun derived from its verb: 'of' brings what is done, 'by' who does it
    ("The expropriation of Brightline Mining by Ostmark Holdings angered investors.",
     ("Ostmark Holdings", "expropriate", "Brightline Mining")),
    # a deed of saying (WordNet's noun.communication): 'of' brings what is said of
    ("Ostmark Holdings' denouncement of Velqor Bank surprised analysts.",
     ("Ostmark Holdings", "denounce", "Velqor Bank")),
    ("The commendation of Martin Keller by Ostmark Holdings came on Monday.",
     ("Ostmark Holdings", "commend", "Martin Keller")),
])
def test_nouns_derived_from_the_verb_lexicon_give_the_verb_facts(text, expected):
    corpus = corpus_of(text)
    labels = {e.entity_id: e.label for e in corpus.entities}
    got = {(labels[f.subject.entity_id], f.lemma,
            labels.get(f.object.entity_id) if f.object else None) for f in corpus.facts}
    assert expected in got


def test_a_derived_noun_of_a_one_participant_verb_takes_of_as_who_it_befalls():
    corpus = corpus_of("The participation of Martin Keller in the Velqor trial surprised everyone.")
    (fact,) = [f for f in corpus.facts if f.lemma == "participate"]
    assert fact.subject.entity_id == "person/martin-keller"


def test_an_event_someone_calls_for_has_not_happened():
    corpus = corpus_of("Unions called for the resignation of Susan Porter.",
                       "Protesters demanded the withdrawal of Ostmark Holdings from the "
                       "Velqor deal.")
    facts = [f for f in corpus.facts if f.predicate in {"resigned", "withdrew"}]
    assert {f.predicate for f in facts} == {"resigned", "withdrew"}
    assert {f.evidence.factuality for f in facts} == {Factuality.NORMATIVE}


def test_an_announced_event_noun_stays_asserted():
    corpus = corpus_of("The party announced the resignation of Susan Porter.")
    (fact,) = [f for f in corpus.facts if f.predicate == "resigned"]
    assert fact.evidence.factuality is Factuality.ASSERTED


def test_a_preposition_of_the_verb_frame_gives_its_role_on_the_noun():
    corpus = corpus_of("Ostmark Holdings' sale of Brightline Mining to Velqor Bank closed.")
    (sale,) = [f for f in corpus.facts if f.predicate == "sold"]
    assert role(sale, RoleName.RECIPIENT.value) == ["organization/velqor-bank"]


def _endings_make(verb: str, noun: str, endings: list[list[str]]) -> bool:
    return any(verb.endswith(cut) and verb[:len(verb) - len(cut)] + add == noun
               for cut, add in endings) or noun in {verb + verb[-1] + "ing",
                                                    verb + verb[-1] + "er"}


_MORPHOLOGY = json.loads(resources.files("kg").joinpath("data/noun_morphology.json")
                         .read_text("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_every_derived_noun_is_its_verb_with_an_ending_of_the_table(data):
    derived = derived_nouns()
    vocab = load_vocabulary()
    kind, endings, irregular = data.draw(st.sampled_from([
        ("events", "event_endings", "irregular_events"),
        ("agents", "agent_endings", "irregular_agents")]))
    noun, verb = data.draw(st.sampled_from(sorted(getattr(derived, kind).items())))
    assert verb in vocab.relations
    assert noun != verb  # a noun spelt as its verb is written by hand or not at all
    assert _MORPHOLOGY[irregular].get(noun) == verb or \
        _endings_make(verb, noun, _MORPHOLOGY[endings])
    if kind == "agents" and noun not in _MORPHOLOGY[irregular]:
        assert canonical_role(noun) is None  # positions stay titles ('director of X')


@pytest.mark.parametrize(("text", "expected"), [
    ("A Norwegian raid on the Velqor Bank office angered investors.",
     ("Norway", "raided", "Velqor Bank office")),
    ("An EU ban on Ostmark Holdings was announced.",
     ("European Union", "banned", "Ostmark Holdings")),
    ("The British withdrawal from the European Union was completed.",
     ("United Kingdom", "withdrew", "European Union")),
])
def test_a_nationality_or_organisation_before_a_deed_noun_is_its_doer(text, expected):
    assert expected in triples(corpus_of(text))


def test_a_nationality_before_an_event_of_one_participant_is_no_doer():
    corpus = corpus_of("Norwegian deaths rose sharply in March.")
    assert not [f for f in corpus.facts if f.predicate == "died"]


def test_a_request_verb_asks_for_nothing_the_noun_only_times():
    corpus = corpus_of("Daniel Weber, in his first television interview, called Tom Reyes a hero.")
    facts = [f for f in corpus.facts if f.evidence.rule.endswith("noun-interview")]
    assert facts
    assert {f.evidence.factuality for f in facts} == {Factuality.ASSERTED}


def _factuality_of(corpus, predicate: str) -> set[Factuality]:
    return {f.evidence.factuality for f in corpus.facts if f.predicate == predicate}


@pytest.mark.parametrize(("text", "predicate", "expected"), [
    ("Kirsten Dahl planned a visit to Tromsø.", "visited", Factuality.EXPECTED),
    ("Kirsten Dahl scheduled talks with Edvin Rask.", "discussed", Factuality.EXPECTED),
    ("The risk of an invasion of Velmar by Norland is high.", "attacked", Factuality.POSSIBLE),
    ("Kirsten Dahl warned of an attack on Ruritania by Ostmark.", "attacked",
     Factuality.POSSIBLE),
    ("The attempted assassination of Ivo Marek by Tomas Ferreira failed.", "killed",
     Factuality.NEGATED),
])
def test_an_event_noun_meant_feared_or_foiled_is_not_said_to_have_happened(
        text, predicate, expected):
    assert _factuality_of(corpus_of(text), predicate) == {expected}


def test_an_event_noun_a_plain_light_verb_carries_stays_asserted():
    corpus = corpus_of("Ostmark carried out an attack on Ruritania.")
    assert _factuality_of(corpus, "attacked") == {Factuality.ASSERTED}


def test_counted_votes_are_no_voting():
    corpus = corpus_of("Kirsten Dahl gave Edvin Rask six electoral votes.",
                       "Ruritania's votes went to Edvin Rask.")
    assert not [f for f in corpus.facts if f.predicate == "voted"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenner assassin Sami Haddad died in prison.", ("Sami Haddad", "killed", "Kenner")),
    ("Velqor founder Anna Ruiz spoke in Lyon.", ("Anna Ruiz", "founded", "Velqor")),
])
def test_an_agent_noun_set_as_a_title_before_a_name_makes_that_person_the_doer(text, expected):
    assert expected in triples(corpus_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Sami Haddad is serving a life sentence for the assassination of Rob Kenner.",
     ("Sami Haddad", "Rob Kenner", "asserted")),
    ("Sami Haddad received a ten-year sentence for the killing of Rob Kenner.",
     ("Sami Haddad", "Rob Kenner", "asserted")),
    ("Sami Haddad was indicted on a charge of murder in the assassination of Rob Kenner.",
     ("Sami Haddad", "Rob Kenner", "reported")),
    ("Sami Haddad, the only suspect in Kenner's assassination, fled.",
     ("Sami Haddad", "Kenner", "reported")),
    ("Sami Haddad is a suspect in the murder of Edda Brun.",
     ("Sami Haddad", "Edda Brun", "reported")),
])
def test_who_bears_a_penalty_or_a_suspicion_for_a_deed_did_it_as_far_as_it_says(text, expected):
    assert expected in _killings(text)


def test_a_sentence_that_is_no_penalty_holds_no_one_to_a_deed():
    assert not _killings("Edda Brun wrote a sentence about the murder of Rob Kenner.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Sami Haddad was convicted of first-degree murder in the death of Rob Kenner.",
     ("Sami Haddad", "Rob Kenner", "asserted")),
    ("Sami Haddad was charged with manslaughter in the death of Rob Kenner.",
     ("Sami Haddad", "Rob Kenner", "reported")),
])
def test_a_death_the_courts_hold_someone_to_is_his_killing(text, expected):
    assert expected in _killings(text)


def test_a_death_no_one_is_held_to_is_no_killing():
    assert not _killings("Edda Brun mourned the death of Rob Kenner.")
    assert not _killings("Police arrested Sami Haddad after the death of Rob Kenner.")


def test_a_possessive_on_the_name_after_an_agent_noun_title_is_what_was_done_to():
    corpus = corpus_of("In another scene, Senator Rob Kenner's assassin Sami Haddad climbs "
                       "the stairs.")
    assert ("Sami Haddad", "killed", "Rob Kenner") in triples(corpus)


def test_counted_deaths_a_place_has_are_no_death_of_the_place():
    corpus = corpus_of("Ruritania had 500 deaths from the flu.",
                       "Edda Brun made her return to Ruritania.")
    assert not [f for f in corpus.facts if f.predicate == "died"]
    assert ("Edda Brun", "traveledTo", "Ruritania") in triples(corpus)


def test_an_organisations_possessive_on_a_nomination_is_who_nominates():
    corpus = corpus_of("Ola Lind won the Velqor Party's nomination for the seat.",
                       "Ola Lind's nomination surprised the Velqor Party.")
    nominated = {f.subject.entity_id for f in corpus.facts if f.predicate == "nominated"}
    assert nominated == {"person/ola-lind"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Kessler Bank came under investigation by the Harbor Safety Board.",
     ("Harbor Safety Board", "investigated", "Kessler Bank")),
    ("Tarvik came under attack from Delmont on Tuesday.", ("Delmont", "attacked", "Tarvik")),
    ("The port fell under the occupation of Norway.", ("Norway", "occupied", "port")),
])
def test_what_comes_under_an_event_undergoes_it(text, expected):
    assert expected in triples(corpus_of(text))


def test_one_placed_under_arrest_was_arrested_by_no_one_named():
    assert ("Daniel Weber", "arrested", "") in triples(
        corpus_of("Daniel Weber was placed under arrest in Lisbon."))


def test_working_under_a_contract_undergoes_nothing():
    corpus = corpus_of("Marta Ruiz works under contract with Kessler Bank.")
    assert not [t for t in triples(corpus) if t[1] == "agreed"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Orion Fund came to Marta Ruiz's defense on Monday.",
     ("Orion Fund", "defended", "Marta Ruiz")),
    ("Daniel Weber went to Marta Ruiz's rescue.", ("Daniel Weber", "rescued", "Marta Ruiz")),
])
def test_who_comes_to_someones_defense_defends_them(text, expected):
    assert expected in triples(corpus_of(text))


def test_going_to_someones_trial_tries_no_one():
    corpus = corpus_of("Daniel Weber went to Marta Ruiz's trial.")
    assert not [t for t in triples(corpus) if t[0] == "Daniel Weber" and t[2] == "Marta Ruiz"]


def test_an_event_one_only_may_come_under_is_as_sure_as_the_verb():
    corpus = corpus_of("Tarvik did not come under attack from Delmont.")
    (attack,) = [f for f in corpus.facts if f.predicate == "attacked"]
    assert attack.evidence.factuality is Factuality.NEGATED


@pytest.mark.parametrize(("text", "expected"), [
    ("Kessler Bank was the target of an investigation by the Harbor Safety Board.",
     ("Harbor Safety Board", "investigated", "Kessler Bank")),
    ("Tarvik was the subject of a visit by Marta Ruiz.", ("Marta Ruiz", "visited", "Tarvik")),
])
def test_the_target_of_an_event_undergoes_it(text, expected):
    assert expected in triples(corpus_of(text))


@pytest.mark.parametrize(("text", "broker"), [
    ("Ana Duarte arranged a meeting between Pedro Lins and Marta Cruz.", "Ana Duarte"),
    ("The Hendrix Foundation brokered talks between Norland and Vessia.", "Hendrix Foundation"),
])
def test_who_arranges_an_event_between_two_parties_takes_no_part(text, broker):
    corpus = triples(corpus_of(text))
    assert not [t for t in corpus if broker in (t[0], t[2]) and t[1] in {"met", "discussed"}]
    assert [t for t in corpus if t[1] in {"met", "discussed"}]  # the two parties still do


@pytest.mark.parametrize(("text", "expected"), [
    ("Pedro Lins voiced support for Marta Cruz.", ("Pedro Lins", "supported", "Marta Cruz")),
    ("The Vessia Council expressed support for the Norland Compact on Friday.",
     ("Vessia Council", "supported", "Norland Compact")),
])
def test_a_voiced_stance_is_held(text, expected):
    found = triples(corpus_of(text))
    assert expected in found
    assert not [t for t in found if t[1] in {"voice", "express"}]


def test_a_noun_object_of_another_kind_keeps_the_verbs_own_name():
    found = triples(corpus_of("Daniel Weber's return to public life surprised his friends."))
    assert ("Daniel Weber", "return", "public life") in found
    assert not [t for t in found if t[1] == "traveledTo"]
    assert ("Daniel Weber", "traveledTo", "Lisbon") in triples(
        corpus_of("Daniel Weber's return to Lisbon surprised his friends."))


@pytest.mark.parametrize(("text", "expected"), [
    ("The Vessia army's intervention in Norland ended in May.",
     ("Vessia army", "intervene", "Norland")),
    ("The removal of Pedro Lins by the Vessia Council angered his friends.",
     ("Vessia Council", "remove", "Pedro Lins")),
])
def test_a_listed_noun_of_an_untyped_verb_keeps_the_verbs_name(text, expected):
    assert expected in triples(corpus_of(text))


def test_a_candidate_leads_nothing():
    found = triples(corpus_of("Pedro Lins is a leading candidate for the Vessia Party's "
                              "nomination."))
    assert not [t for t in found if t[1] == "led"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The rebels sought to create a conflict between Spain and Portugal.", Factuality.POSSIBLE),
    ("Nothing would please the rebels more than to create a conflict between Spain and "
     "Portugal.", None),
])
def test_an_event_noun_is_no_surer_than_the_verb_bringing_it_about(text, expected):
    (fought,) = [f for f in corpus_of(text).facts if f.predicate == "fought"]
    assert fought.evidence.factuality is not Factuality.ASSERTED
    assert expected is None or fought.evidence.factuality is expected


def test_an_event_noun_brought_about_by_a_plain_verb_stays_asserted():
    corpus = corpus_of("The rebels created a conflict between Spain and Portugal.")
    (fought,) = [f for f in corpus.facts if f.predicate == "fought"]
    assert fought.evidence.factuality is Factuality.ASSERTED


def test_a_noun_mostly_a_thing_is_a_deed_with_a_named_doer_and_a_named_object():
    corpus = corpus_of("Acme Corp's management of Globex Bank ended in 2019.")
    assert ("Acme Corp", "led", "Globex Bank") in triples(corpus)


@pytest.mark.parametrize("text", [
    "Its management of Globex Bank ended in 2019.",
    "The management of Globex Bank met on Monday.",
    "Acme Corp's management said the bank was late.",
])
def test_a_noun_mostly_a_thing_without_both_named_sides_is_no_deed(text):
    assert not [f for f in corpus_of(text).facts if f.predicate == "led"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Lena Park's depiction of the old harbour won praise.",
     ("Lena Park", "depict", "harbour")),
    ("Norway's withholding of the fishing quota angered the trawlers.",
     ("Norway", "withhold", "fishing quota")),
])
def test_a_deed_noun_of_an_untyped_verb_with_a_named_doer_and_an_of_object_is_its_deed(
        text, expected):
    assert expected in triples(corpus_of(text))


@pytest.mark.parametrize(("text", "verb"), [
    ("The recycling of plastic bottles grew last year.", "recycle"),
    ("Offshore drilling near Tromso angered the fishermen.", "drill"),
    ("Lena Park's depiction won praise.", "depict"),
])
def test_a_deed_noun_of_an_untyped_verb_without_both_participants_is_no_deed(text, verb):
    assert not [f for f in corpus_of(text).facts if f.lemma == verb]


@pytest.mark.parametrize(("text", "predicate", "expected"), [
    ("Orion Labs' 2016 acquisition of Vexa Corp angered investors.", "bought", "2016"),
    ("The 2019 assassination of Ivo Marek by Tomas Ferreira shocked the town.", "killed",
     "2019"),
])
def test_a_date_written_before_an_event_noun_is_its_time(text, predicate, expected):
    (fact,) = [f for f in corpus_of(text).facts if f.predicate == predicate]
    assert role(fact, "time") == [expected]


def test_a_place_written_before_an_event_noun_is_where_it_happened():
    corpus = corpus_of("The Lisbon talks between Spain and Portugal ended.")
    (talks,) = [f for f in corpus.facts if f.predicate == "discussed"]
    assert role(talks, "place") == ["place/lisbon"]
    assert ("Spain", "discussed", "Lisbon") not in triples(corpus)


def test_a_place_written_before_a_journey_noun_is_where_it_goes():
    corpus = corpus_of("During her Oslo trip, Lena Park met Tom Hale.")
    assert ("Lena Park", "visited", "Oslo") in triples(corpus)


def test_a_deed_that_left_its_victims_dead_killed_them():
    rows = fact_rows("A gas explosion in Lyon left three workers dead on Monday.")
    assert ("gas explosion", "kill", "three workers", "asserted") in rows


def test_leaving_someone_alone_or_dead_elsewhere_is_no_killing():
    rows = fact_rows("The storm left three workers stranded on the island. "
                     "Mara Olsen left the dead bird on the porch.")
    assert not [r for r in rows if r[1] == "kill"]


def test_a_charge_list_says_whom_it_charges_with_what():
    rows = fact_rows("Tomas Varga's charges include arson and fraud.")
    assert ("Tomas Varga", "charge with", "arson", "asserted") in rows
    assert ("Tomas Varga", "charge with", "fraud", "asserted") in rows
    rows = fact_rows("The charges against Tomas Varga involved bribery.")
    assert ("Tomas Varga", "charge with", "bribery", "asserted") in rows


def test_a_charge_list_takes_each_charge_by_its_own_head():
    rows = fact_rows("Tomas Varga's charges include arson and witness tampering.")
    assert not [r for r in rows if r[1] == "charge with" and r[2] == "witness"]


def test_support_that_came_from_someone_is_theirs():
    corpus = corpus_of("Support for the Velmar Party came from Senator Jane Ruiz.")
    assert ("Jane Ruiz", "supported", "Velmar Party") in triples(corpus)
    corpus = corpus_of("The money for the Velmar Party came from Jane Ruiz.")
    assert not [t for t in triples(corpus) if t[1] == "supported"]


def test_an_awaited_event_is_still_to_come():
    rows = fact_rows("The treaty awaits ratification by the Velmar Senate.")
    assert ("Velmar Senate", "ratify", "treaty", "expected") in rows
    assert not [r for r in rows if r[1] == "ratify" and r[3] == "asserted"]


def test_a_contract_with_someone_is_contracting_with_them_not_bare_agreeing():
    rows = fact_rows("Orbitex's contract with Velmar Aerospace is worth two billion dollars.")
    assert ("Orbitex", "contract", "Velmar Aerospace", "asserted") in rows
    assert not [r for r in rows if r[1] == "agree"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Tomas Ferreira's killer was Ivo Marek, a farmer.",
     ("Ivo Marek", "killed", "Tomas Ferreira")),
    ("The founder of Orvane Labs is Lena Park.", ("Lena Park", "founded", "Orvane Labs")),
])
def test_an_agent_noun_named_by_the_copula_complement_gives_its_doer(text, expected):
    # the copula the other way round from 'Z is the founder of X'
    assert expected in triples(corpus_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("The Velmar Games were a celebration of Tomas Ferreira.",
     ("Velmar Games", "celebrated", "Tomas Ferreira")),
    ("The Orvane Festival, a celebration of Lena Park, opened in Porto.",
     ("Orvane Festival", "celebrated", "Lena Park")),
])
def test_an_event_noun_a_name_is_said_to_be_takes_the_name_as_doer(text, expected):
    assert expected in triples(corpus_of(text))


def test_an_event_noun_said_of_a_pronoun_or_a_day_names_no_doer():
    corpus = corpus_of("It was a celebration of Tomas Ferreira. Monday, a celebration of Lena "
                       "Park, was quiet.")
    assert not [f for f in corpus.facts if f.predicate == "celebrated"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Rescuers said one of the dead was Oskar Lindqvist.", {"person/oskar-lindqvist"}),
    ("Oskar Lindqvist was one of the dead.", {"person/oskar-lindqvist"}),
    ("The dead included Oskar Lindqvist and Jan Kowalski.",
     {"person/oskar-lindqvist", "person/jan-kowalski"}),
    ("The deceased were identified as Oskar Lindqvist and Jan Kowalski.",
     {"person/oskar-lindqvist", "person/jan-kowalski"}),
])
def test_who_a_casualty_report_counts_among_the_dead_died(text, expected):
    corpus = corpus_of(text)
    assert {f.subject.entity_id for f in corpus.facts if f.lemma == "die"} == expected


def test_who_is_counted_one_of_the_injured_had_it_done_to_them():
    corpus = corpus_of("Two of the injured were Lena Marsh and Jan Kowalski.")
    injured = {f.subject.entity_id: f.subject.name.value for f in corpus.facts
               if f.lemma == "injure"}
    assert injured == {"person/lena-marsh": "theme", "person/jan-kowalski": "theme"}


def test_a_fate_group_counted_without_names_or_only_buried_says_no_one_died():
    corpus = corpus_of("The dead included two children. The dead were buried near Halden "
                       "by Oskar Lindqvist.")
    assert not [f for f in corpus.facts if f.lemma == "die"]


def test_a_places_election_is_held_there_no_one_elects_the_place():
    corpus = corpus_of("Vermont will hold its special election in May. "
                       "Ohio's election drew few voters.")
    assert not [f for f in corpus.facts if f.lemma == "elect"]
    berg = corpus_of("Since her election in 2014, Lena Marsh has led the council.")
    assert [f.subject.entity_id for f in berg.facts if f.lemma == "elect"] == \
        ["person/lena-marsh"]


def test_who_acts_in_support_or_in_protest_does_the_deed_of_the_stance():
    corpus = corpus_of("Hundreds of nurses marched in support of Senator Tom Hale. "
                       "Nurses in Halden went on strike in protest against the Velmar Health "
                       "Board.")
    predicates = {(f.predicate, f.object.entity_id) for f in corpus.facts
                  if f.evidence.rule.startswith("noun-stance") and f.object is not None}
    assert predicates == {("supported", "person/tom-hale"),
                          ("protested", "organization/velmar-health-board")}


def test_a_stance_noun_with_its_own_determiner_or_on_a_noun_is_no_stance():
    corpus = corpus_of("The rise in support of Senator Tom Hale surprised Lena Marsh. "
                       "Lena Marsh spoke in the support group of Tom Hale.")
    assert not [f for f in corpus.facts if f.evidence.rule.startswith("noun-stance")]


def test_a_role_as_a_named_person_is_the_part_played_a_role_as_a_post_is_not():
    corpus = corpus_of("Lena Marsh's role as Anna Keller in Dark Harbor made her famous. "
                       "Tom Hale took over Jan Kowalski's role as the committee's acting chair.")
    played = {(f.subject.entity_id, f.object.entity_id) for f in corpus.facts
              if f.lemma == "play" and f.object is not None}
    assert played == {("person/lena-marsh", "person/anna-keller")}


@pytest.mark.parametrize(("text", "doer", "predicate", "announcer"), [
    ("The Daily Courier announced the purchase of Brightline Mining by Ostmark Holdings.",
     "Ostmark Holdings", "bought", "Daily Courier"),
    ("Velqor Bank announced Susan Porter's visit to Lisbon.",
     "Susan Porter", "visited", "Velqor Bank"),
])
def test_a_light_verbs_subject_is_no_doer_when_the_noun_names_its_own(text, doer, predicate,
                                                                      announcer):
    # the one who announces a purchase by Z or Porter's visit neither bought nor visited
    corpus = corpus_of(text)
    labels = {e.entity_id: e.label for e in corpus.entities}
    doers = {labels[f.subject.entity_id] for f in corpus.facts if f.predicate == predicate}
    assert doers == {doer}
    assert announcer not in doers


def test_following_tagged_as_a_verb_still_times_its_clause():
    # the small model tags 'following' a verb with 'talks' as its object; it is the
    # preposition of 'after talks with Y, X said'
    corpus = corpus_of("Ostmark Holdings said following talks with Velqor Bank that the deal "
                       "was off.")
    labels = {e.entity_id: e.label for e in corpus.entities}
    talks = [f for f in corpus.facts if f.evidence.rule.endswith("noun-talk")]
    assert [(labels[f.subject.entity_id], labels[f.object.entity_id]) for f in talks] == \
        [("Ostmark Holdings", "Velqor Bank")]
    assert talks[0].evidence.factuality is Factuality.ASSERTED
