"""Passives with no 'by'-phrase: which say something happened, and what. Sentences written for
the test."""

from __future__ import annotations

from helpers import corpus_of, fact_rows

from kg.model import RoleName


def test_a_birth_with_neither_time_nor_place_is_no_fact():
    rows = fact_rows("When Mayor Ann Cole was born, her father was away at sea.")
    assert not [r for r in rows if r[1] == "bear"]


def test_a_birth_with_a_place_or_a_time_stays_a_fact():
    rows = fact_rows("Mayor Ann Cole was born in Lyon in 1961.")
    assert ("Ann Cole", "bear", None, "asserted") in rows


def test_a_present_passive_of_a_bare_plural_is_a_rule_not_an_event():
    rows = fact_rows("Members of the city council are elected for four-year terms.")
    assert not [r for r in rows if r[1] == "elect"]


def test_a_past_passive_of_a_counted_group_is_an_event():
    rows = fact_rows("Two members of the city council were arrested in Lyon on Sunday.")
    assert [r for r in rows if r[1] == "arrest"]


def test_a_passive_complement_makes_the_idiom_not_the_bare_verb():
    rows = fact_rows("Mayor Daniel Ruiz was taken ill on Monday.")
    assert ("Daniel Ruiz", "fall ill", None, "asserted") in rows
    assert not [r for r in rows if r[1] == "take"]


def test_a_passive_idiom_says_whom_its_agent_did_it_to():
    rows = fact_rows("Two suspects were taken into custody by police on Friday.")
    assert [r for r in rows if r[0] == "police" and r[1] == "arrest" and r[2] is not None]
    assert not [r for r in rows if r[1] == "arrest" and r[2] is None]


def test_an_agentless_passive_idiom_keeps_who_it_was_done_to():
    corpus = corpus_of("Mayor Jane Holt was taken into custody on Tuesday.")
    (fact,) = [f for f in corpus.facts if f.lemma == "arrest"]
    assert fact.subject.entity_id == "person/jane-holt"
    assert fact.subject.name is RoleName.THEME
    assert fact.object is None


def test_a_raising_passive_with_an_infinitive_is_no_bare_fact():
    rows = fact_rows("Farmer Tom Reyes fell sick and was suspected to have the flu. "
                     "Senator Ann Cole was projected on Monday to have won the race.")
    assert not [r for r in rows if r[1] in {"suspect", "project"}]


def test_a_suspicion_of_an_offence_stays_a_fact():
    rows = fact_rows("Farmer Tom Reyes was suspected of arson.")
    assert [r for r in rows if r[1] == "suspect of" and r[2] == "arson"]


def test_a_participle_after_a_comma_is_done_to_the_clause_subject():
    rows = fact_rows("Mayor Jo Lind resumed the office of governor, being voted into the "
                     "position by the incoming 52nd Congress.")
    assert ("Congress", "vote", "Jo Lind", "asserted") in rows
    assert not [r for r in rows if r[0] == "Congress" and r[2] == "position"]


def test_a_verdict_passive_names_the_event_with_its_adjective():
    rows = fact_rows("Ines Hollander was found guilty of forgery on Thursday. "
                     "Ravi Solberg was pronounced dead at the clinic.")
    assert ("Ines Hollander", "find guilty", "forgery", "asserted") in rows
    assert ("Ravi Solberg", "pronounce dead", None, "asserted") in rows


def test_a_bare_participle_after_a_verdict_verb_is_its_complement():
    rows = fact_rows("Olaf Brandt, 52, was quickly reported missing.")
    assert ("Olaf Brandt", "report missing", None, "asserted") in rows


def test_a_verdict_coordinated_with_a_passive_shares_its_patient():
    rows = fact_rows("Ada Menon was detained and found guilty of smuggling.")
    assert ("Ada Menon", "find guilty", "smuggling", "asserted") in rows


def test_an_opinion_passive_with_an_adjective_is_no_verdict():
    rows = fact_rows("Councillor Bo Jensen was considered unfit for the post.")
    assert not [r for r in rows if r[1].startswith("consider ")]


def test_a_passive_whose_unnamed_cause_is_dropped_keeps_its_patient():
    rows = fact_rows("A tour bus left the road near Velden. "
                     "Nine tourists were hurt in the crash on Saturday.")
    assert [r for r in rows if r[1] == "hurt" and r[0] == "nine tourists"]


def test_a_headline_verdict_without_its_auxiliary_is_the_event():
    rows = fact_rows("Ines Hollander found guilty of forgery\n\n"
                     "Ines Hollander, 38, was sentenced in Lyon on Friday.")
    assert ("Ines Hollander", "find guilty", "forgery", "asserted") in rows


def test_a_link_verb_with_an_adjective_is_no_verdict():
    rows = fact_rows("Ravi Solberg's injuries proved fatal\n\n"
                     "Ravi Solberg, 40, fell in Lyon on Friday.")
    assert not [r for r in rows if r[1].startswith("prove ")]


def _theme_facts(text: str, lemma: str) -> list[tuple[str, str, str | None]]:
    """(subject, subject role, object) of the facts with a lemma, by entity labels."""
    corpus = corpus_of(text)
    labels = {e.entity_id: e.label for e in corpus.entities}
    return [(labels[f.subject.entity_id], f.subject.name.value,
             labels[f.object.entity_id] if f.object else None)
            for f in corpus.facts if f.lemma == lemma]


def test_a_bare_past_participle_clause_is_done_to_the_clause_subject():
    facts = _theme_facts("Tom Reyes appeared in court in Lyon, charged with theft.", "charge")
    assert ("Tom Reyes", RoleName.THEME.value, None) in facts
    assert not [f for f in facts if f[1] == RoleName.AGENT.value]
    with_object = _theme_facts("Tom Reyes appeared in court in Lyon, charged with theft.",
                               "charge with")
    assert with_object and all(f[1] == RoleName.THEME.value for f in with_object)


def test_a_fronted_past_participle_is_done_to_the_subject_after_it():
    facts = _theme_facts("Elected in 2014, Ana Sopo served two terms as mayor.", "elect")
    assert facts == [("Ana Sopo", RoleName.THEME.value, None)]


def test_a_past_participle_clause_with_by_takes_its_doer_from_the_phrase():
    rows = fact_rows("Marta Lind left the hotel in Oslo, accompanied by her lawyer Sven Dahl.")
    assert ("Sven Dahl", "accompany", "Marta Lind", "asserted") in rows


def test_a_past_participle_clause_after_a_passive_shares_its_patient():
    facts = _theme_facts("Piet Wols was arrested in Lyon on Friday, accused of fraud.",
                         "accuse of")
    assert facts and all(f[0] == "Piet Wols" and f[1] == RoleName.THEME.value for f in facts)


def test_a_perfect_participle_clause_is_still_done_by_the_subject():
    rows = fact_rows("Having won the vote in May, Ana Sopo visited Lyon.")
    assert not [r for r in rows if r[1] == "win" and r[0] != "Ana Sopo"]


def test_an_infinitive_after_a_bare_raising_participle_is_the_patients_deed():
    rows = fact_rows("Although known to have lived his last years in Spain, Tom Reyes died in "
                     "Oslo.")
    assert ("Tom Reyes", "live", "Spain", "asserted") in rows


def test_a_nationality_before_a_deed_in_a_passive_names_its_doer():
    rows = fact_rows("Omar Sadik was killed in a French counterterrorism operation in Mali.")
    assert ("France", "kill", "Omar Sadik", "asserted") in rows
    assert not [r for r in rows if r[1] == "kill" and "operation" in r[0]]


def test_a_country_or_an_organisation_before_a_deed_names_its_doer():
    rows = fact_rows("Ten villagers were killed in a NATO airstrike near Herat.")
    assert [r for r in rows if r[0] == "NATO" and r[1] == "kill"]


def test_a_city_or_a_nationality_before_a_disaster_names_no_doer():
    rows = fact_rows("Four people were injured in a Gaza airstrike. Five people were killed in "
                     "a Chilean earthquake.")
    assert not [r for r in rows if r[0] in {"Gaza", "Chile"}]


def test_the_owner_of_a_proposed_thing_proposed_it():
    rows = fact_rows("Voters rejected Prime Minister Ana Sopo's proposed tax deal on Monday.")
    assert [r for r in rows if r[0] == "Ana Sopo" and r[1] == "propose" and r[2] is not None]


def test_the_owner_of_an_injured_person_did_not_injure_him():
    rows = fact_rows("Lena Marsh's injured son Ali Khan was taken to a hospital in Oslo.")
    assert not [r for r in rows if r[0] == "Lena Marsh" and r[1] == "injure"]


def test_a_by_phrase_that_measures_is_no_doer():
    rows = fact_rows("The Darvel budget was cut by 12 percent on Monday. The Orvell bill was "
                     "passed by 40 votes.")
    assert not [r for r in rows if r[0].startswith(("12", "40"))], rows
    assert any(r[1] == "cut" and "budget" in r[0] for r in rows), rows


def test_a_passive_extended_by_a_span_of_time_is_agentless():
    rows = fact_rows("Mayor Ann Cole declared a curfew on Monday. On Friday the Darvel curfew was "
                     "extended by two weeks.")
    assert any(r[1] == "extend" and "curfew" in r[0] for r in rows), rows


def test_a_stative_passive_states_the_relation_its_preposition_names():
    rows = fact_rows("The new Velmar drama is based on a 1998 novel by Ann Cole.")
    assert [r for r in rows if r[1] == "base on" and r[0] == "Velmar drama"
            and r[2] is not None and "novel" in r[2]]
    assert not [r for r in rows if r[1] == "base"]


def test_a_stative_passive_of_a_named_person_keeps_its_object():
    rows = fact_rows("Police said Tom Reyes was involved in the robbery of the Lyon bank.")
    assert [r for r in rows if r[0] == "Tom Reyes" and r[1] == "involve in"
            and r[2] is not None and "robbery" in r[2]]


def test_a_stative_passive_alone_is_still_no_fact():
    rows = fact_rows("Mayor Tom Reyes was involved, the Lyon police said on Monday.")
    assert not [r for r in rows if r[1].startswith("involve")]


def test_a_reduced_relative_of_a_stative_verb_relates_its_noun():
    rows = fact_rows("Doctors found cancers tied to the Velmar chemical plant.")
    assert [r for r in rows if r[1] == "tie to" and r[2] == "Velmar chemical plant"]


def test_a_passive_infinitive_on_a_noun_is_done_to_that_noun():
    rows = fact_rows("Governor Ann Cole announced a new water plan, to be unveiled at the "
                     "Lyon summit next week.")
    assert [r for r in rows if r[1] == "unveil" and r[0] == "water plan"
            and r[3] == "expected"]


def test_a_passive_infinitive_after_likely_is_done_to_the_subject():
    rows = fact_rows("The Velmar Times reports that more subpoenas are likely to be issued "
                     "in the coming week.")
    assert [r for r in rows if r[1] == "issue" and "subpoena" in r[0] and r[3] != "asserted"]


def test_a_reported_passive_is_done_to_what_the_parser_made_the_speakers_object():
    # The parser reads 'classes' and 'bridges' as the speech verb's objects, leaving the
    # passive without a subject.
    rows = fact_rows("Mayor Lena Ortiz announced classes for all pupils, public and private, "
                     "would be suspended, while Governor Tom Reyes also suspended two exams.")
    assert [r for r in rows if r[1] == "suspend" and "class" in r[0] and r[2] is None]
    assert not [r for r in rows if r[1] == "suspend" and r[0] == "Lena Ortiz"]
    rows = fact_rows("The Velmar Herald reported two bridges in Lyon and the Harbor Bridge in "
                     "Nantes were damaged following the storm.")
    assert [r for r in rows if r[1] == "damage" and "bridge" in r[0]]


def test_a_present_passive_in_the_condition_of_a_rule_is_no_event():
    rows = fact_rows("Deputy Mayor Lena Ortiz automatically assumes the office if Mayor Tom "
                     "Reyes is killed or incapacitated.")
    assert not [r for r in rows if r[1] in {"kill", "incapacitate"}]


def test_a_passive_gerund_on_a_generic_rule_is_no_event():
    rows = fact_rows("Under the Velmar charter, judges are removed from office after being "
                     "impeached for, and convicted of, bribery.")
    assert not [r for r in rows if r[1].startswith(("convict", "impeach"))]


def test_a_condition_of_a_future_act_keeps_its_passive():
    rows = fact_rows("Mayor Tom Reyes will resign if he is convicted of fraud.")
    assert [r for r in rows if r[0] == "Tom Reyes" and r[1].startswith("convict")]


def test_made_up_of_is_said_in_the_active():
    rows = fact_rows("The Velmar Alliance is made up of the Green Party and the Farmers Union.")
    assert ("Green Party", "make up", "Velmar Alliance", "asserted") in rows
    assert not [r for r in rows if r[0] == "Velmar Alliance" and r[1].startswith("make up")]


def test_a_stative_passive_with_its_object_names_no_one_done_to():
    # 'were engaged in a dispute': Carrow and Velmar engaged in it; nobody engaged them.
    rows = fact_rows("Carrow and Velmar were engaged in a bitter trade dispute.")
    assert ("Carrow", "engage in", "bitter trade dispute", "asserted") in rows
    assert not [r for r in rows if r[1] == "engage" and r[2] is None]
