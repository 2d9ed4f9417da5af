"""Doers a verb takes from another verb of its sentence (kg.extract.subjects): an active verb
coordinated with a passive one, and a text issued in an 'in' phrase of a clause with a
subject. Sentences and names written for the test."""

from __future__ import annotations

import pytest
from helpers import fact_rows


def facts_of(text: str) -> list[tuple[str, str, str | None, str]]:
    """(subject, lemma, object, factuality) of every fact of a text."""
    return fact_rows(text)


@pytest.mark.parametrize(("text", "subject", "lemma"), [
    ("Tomas Vell was elected mayor of Norhaven in 2005 and served two terms.", "Tomas Vell",
     "serve"),
    ("Ona Vick was arrested by police and later escaped.", "Ona Vick", "escape"),
    ("Tomas Vell was praised by Ona Vick and thanked her.", "Tomas Vell", "thank"),
])
def test_an_active_verb_after_a_passive_one_shares_its_subject(text, subject, lemma):
    facts = facts_of(text)
    assert any(s == subject and lem == lemma and fact == "asserted"
               for s, lem, _, fact in facts), facts


def test_the_passive_agent_does_not_do_the_coordinated_verb():
    facts = facts_of("Tomas Vell was praised by Ona Vick and thanked her.")
    assert not any(s == "Ona Vick" and lem == "thank" for s, lem, _, _ in facts), facts


def test_a_coordinated_participle_stays_passive():
    # 'charged' shares the auxiliary: Ona Vick was charged, she charged no one.
    facts = facts_of("Ona Vick was arrested and charged with fraud.")
    assert not any(s == "Ona Vick" and lem == "charge" and o is not None
                   for s, lem, o, _ in facts), facts


def test_a_verb_in_another_tense_is_not_read_as_coordinated_with_the_passive():
    # 'submit' belongs to 'agreed to wear', not to 'had been released': no fact says he did.
    facts = facts_of("Tomas Vell had been released on the condition that he agreed to wear "
                     "a tag, submit to curfews and report weekly.")
    assert not any(lem.startswith("submit") and fact == "asserted"
                   for _, lem, _, fact in facts), facts


@pytest.mark.parametrize("text", [
    "In a statement issued on Monday, Pellworth Bank confirmed the sale of its Norhaven branch.",
    "In a press release issued on Friday, Pellworth Bank denied the report.",
])
def test_a_text_issued_in_the_clause_is_issued_by_its_subject(text):
    facts = facts_of(text)
    assert any(s == "Pellworth Bank" and lem in {"issue", "release"}
               for s, lem, _, _ in facts), facts


@pytest.mark.parametrize("text", [
    # The interviewer's outlet airs an interview; its speaker does not.
    "In an interview aired on Sunday, Tomas Vell said he would sell the Velmar Hotel.",
    # The report's author is not the subject of the clause.
    "According to a report published on Monday, Tomas Vell sold the Velmar Hotel.",
])
def test_no_issuer_for_a_text_its_speaker_does_not_put_out(text):
    facts = facts_of(text)
    assert not any(s == "Tomas Vell" and lem in {"air", "publish"}
                   for s, lem, _, _ in facts), facts


def test_a_named_agent_issues_the_text_not_the_subject():
    facts = facts_of("In a statement issued by Pellworth Bank, Ona Vick was praised.")
    assert any(s == "Pellworth Bank" and lem == "issue" for s, lem, _, _ in facts), facts
    assert not any(s == "Ona Vick" and lem == "issue" for s, lem, _, _ in facts), facts


@pytest.mark.parametrize(("text", "subject", "lemma", "obj"), [
    ("Tomas Vell passed the bar exam in 1976 and went on to found Pellworth Bank.",
     "Tomas Vell", "found", "Pellworth Bank"),
    ("Ona Vick went on to win the Norhaven Open.", "Ona Vick", "win", "Norhaven Open"),
    ("Harlow Mining came to dominate the copper market.", "Harlow Mining", "dominate",
     "copper market"),
])
def test_an_infinitive_after_a_raising_verb_is_what_happened(text, subject, lemma, obj):
    # 'went on to', 'came to': the infinitive happened (asserted), done by the raising verb's
    # subject, even when that subject is shared with an earlier verb.
    assert (subject, lemma, obj, "asserted") in facts_of(text)


def test_an_infinitive_after_a_journey_stays_a_purpose():
    facts = facts_of("Ona Vick went to Norhaven to buy the Velmar Hotel.")
    assert ("Ona Vick", "buy", "Velmar Hotel", "asserted") not in facts, facts


@pytest.mark.parametrize(("text", "subject", "lemma", "obj"), [
    ("Tomas Vell was the lone gunman who killed Ona Vick.", "Tomas Vell", "kill", "Ona Vick"),
    ("Tomas Vell was among the senators who voted against the Norhaven Treaty.", "Tomas Vell",
     "vote against", "Norhaven Treaty"),
    ("Tomas Vell was among the Representatives who voted against the Norhaven Treaty.",
     "Tomas Vell", "vote against", "Norhaven Treaty"),
])
def test_a_relative_clause_on_a_predicate_noun_is_the_subjects_deed(text, subject, lemma, obj):
    assert (subject, lemma, obj, "asserted") in facts_of(text)


@pytest.mark.parametrize("text", [
    "Tomas Vell was not the man who killed Ona Vick.",
    "Tomas Vell is the son of the man who founded Harlow Mining.",
])
def test_no_deed_for_a_denied_or_another_predicate_noun(text):
    assert not any(s == "Tomas Vell" and lem in {"kill", "found"}
                   for s, lem, _, _ in facts_of(text))


@pytest.mark.parametrize("text", [
    "In 1964, a jury in Norhaven found Tomas Vell guilty of murdering Ona Vick.",
    "Tomas Vell was found guilty of murdering Ona Vick.",
    "Tomas Vell is guilty of murdering Ona Vick.",
])
def test_the_one_held_guilty_did_the_deed_not_the_jury(text):
    facts = facts_of(text)
    assert ("Tomas Vell", "murder", "Ona Vick", "asserted") in facts, facts
    assert not any(s == "jury" and lem == "murder" for s, lem, _, _ in facts), facts


@pytest.mark.parametrize("text", [
    "A jury found Tomas Vell not guilty of murdering Ona Vick.",
    "Tomas Vell was not found guilty of murdering Ona Vick.",
])
def test_a_verdict_of_not_guilty_asserts_no_deed(text):
    assert not any(lem == "murder" and fact == "asserted" for _, lem, _, fact in facts_of(text))


def test_a_person_named_after_the_coordinated_verb_keeps_it_passive():
    # 'christened Mary Ona Vick' shares 'was' with 'born': nobody says she christened anyone.
    facts = facts_of("Ona Vick was born in Norhaven in 1950 and christened Mary Ona Vick.")
    assert not any(s == "Ona Vick" and lem == "christen" for s, lem, _, _ in facts), facts


@pytest.mark.parametrize(("text", "patient", "lemma"), [
    ("Maren Holt died on Monday after being diagnosed with leukemia in 2015.", "Maren Holt",
     "diagnose"),
    ("Tomas Vell served two terms after first being elected in 1998.", "Tomas Vell", "elect"),
    ("Having been elected in 1998, Tomas Vell served two terms.", "Tomas Vell", "elect"),
    ("Ona Vick resigned from the board before being charged with fraud.", "Ona Vick", "charge"),
])
def test_a_passive_gerund_was_done_to_the_subject_of_its_clause(text, patient, lemma):
    """'died after being diagnosed': the one diagnosed is who died (an agentless passive)."""
    facts = facts_of(text)
    assert (patient, lemma, None, "asserted") in facts, facts


def test_a_passive_gerund_with_by_is_a_fact_between_the_doer_and_the_subject():
    facts = facts_of("Ona Vick was freed after being questioned by Norhaven Police.")
    assert ("Norhaven Police", "question", "Ona Vick", "asserted") in facts, facts


def test_no_passive_gerund_fact_after_without():
    """'left without being charged': she was not charged."""
    facts = facts_of("Ona Vick left Norhaven without being charged.")
    assert not any(lem == "charge" for _, lem, _, _ in facts), facts


def test_a_passive_gerund_is_as_sure_as_the_clause_it_qualifies():
    """'will resign after being charged': the charge is to come too, not asserted."""
    facts = facts_of("Tomas Vell will resign after being charged with fraud.")
    assert ("Tomas Vell", "charge", None, "expected") in facts, facts


@pytest.mark.parametrize(("text", "doer", "lemma"), [
    # The parser hangs these infinitives as adverbial or relative clauses, not complements.
    ("Marta Velez sent three engineers to inspect the Harwick dam.", "three engineers",
     "inspect"),
    ("Harwick officials expected the new tunnel to ease traffic in Tarvik.", "tunnel", "ease"),
])
def test_the_object_of_a_verb_of_sending_or_expecting_does_the_infinitive(text, doer, lemma):
    facts = facts_of(text)
    assert [s for s, lem, _, _ in facts if lem == lemma] == [doer], facts


def test_the_one_who_envisions_an_object_doing_something_does_not_do_it():
    facts = facts_of("Marta Velez envisioned the bridge to link the two towns.")
    assert not [s for s, lem, _, _ in facts if lem == "link" and s == "Marta Velez"], facts


def test_a_headlines_participle_was_done_to_the_headlines_subject():
    # The parser hangs 'arrested' on 'student', the last noun before it; the mother is who
    # the headline says was arrested.
    facts = facts_of("Mother of missing Harwick student arrested in Porto\n\n"
                     "Police gave no details on Monday.")
    arrested = [s for s, lem, _, _ in facts if lem == "arrest"]
    assert arrested and all(s.startswith("mother") for s in arrested), facts


def test_a_headlines_participle_after_an_apposition_was_done_to_the_subject():
    facts = facts_of("Mother of Harwick student, Tarvik teacher arrested in Porto\n\n"
                     "Police gave no details on Monday.")
    assert not [s for s, lem, _, _ in facts if lem == "arrest" and "teacher" in s], facts


def test_a_participle_in_a_sentence_keeps_the_noun_it_hangs_on():
    facts = facts_of("Ona Vick, the mother of the Harwick student arrested in Porto, spoke.")
    assert not [s for s, lem, _, _ in facts if lem == "arrest" and s.startswith("mother")], facts


def test_an_infinitive_after_an_aside_is_not_the_asides_subjects_deed():
    # The parser hangs 'to replace' on 'took', the verb inside the dashes; the sentence
    # says what new mayors commonly do, not what Ona Vick did.
    facts = facts_of("It is common for new mayors \u2014 Ona Vick took office in May \u2014 "
                     "to replace the police chief.")
    assert not [f for f in facts if f[0] == "Ona Vick" and f[1] == "replace"], facts


def test_an_infinitive_after_an_aside_inside_the_clause_keeps_its_subject():
    facts = facts_of("Ona Vick took office in May \u2014 after a long campaign \u2014 to "
                     "replace the police chief.")
    assert [f for f in facts if f[0] == "Ona Vick" and f[1] == "replace"], facts


def test_an_infinitive_after_an_extraposed_it_borrows_no_doer():
    # 'It' stands for the protecting; it does not refer back to the firm.
    facts = facts_of("Brindle Motors opened a plant in Porto. It is vital to protect the jobs "
                     "there, Ona Vick said.")
    assert not [f for f in facts if f[1] == "protect" and f[0] == "Brindle Motors"], facts


def test_whose_duty_it_is_names_who_does_the_infinitive():
    facts = facts_of("Brindle Motors signed a deal with the Harwick council, whose duty it is "
                     "to maintain the roads.")
    assert [f[0] for f in facts if f[1] == "maintain"] == ["Harwick council"], facts


def test_a_referring_it_still_does_the_infinitive():
    facts = facts_of("Brindle Motors grew fast. It began to export cars in 2010.")
    assert [f[0] for f in facts if f[1] == "export"] == ["Brindle Motors"], facts


def test_a_participle_after_a_relative_clause_borrows_no_subject():
    # 'approving' may go on with 'which Mayor Haas rejected': she approved the rally, or
    # the union did; grammar does not say which, so the union is not made its doer.
    facts = facts_of("The Corvan Union sent the council a plan for the march, which Mayor "
                     "Tilde Haas rejected, approving only a rally in Brook Park.")
    assert not [f for f in facts if f[1] == "approve" and f[0] == "Corvan Union"], facts


def test_a_participle_with_no_relative_clause_before_it_still_borrows():
    facts = facts_of("Lena Park sent the council a plan, approving a rally in Brook Park.")
    assert [f for f in facts if f[1] == "approve" and f[0] == "Lena Park"], facts


def test_a_gerund_for_the_purpose_of_an_object_is_not_the_subjects_deed():
    # The funding is for the restoring; the trust that announced it restored nothing.
    facts = facts_of("The Harlow Trust announced funding for restoring the chapel.")
    assert not [f for f in facts if f[1] == "restore"], facts


@pytest.mark.parametrize("text", [
    "The Veloria Front, which claimed responsibility for bombing the station, issued a "
    "statement.",
    "Tom Reyes showed no remorse for robbing Lena Park.",
])
def test_a_gerund_for_a_deed_one_answers_for_is_the_subjects(text):
    facts = facts_of(text)
    assert [f for f in facts if f[1] in {"bomb", "rob"} and f[0] in {"Veloria Front", "Tom Reyes"}
            and f[3] == "asserted"], facts


def test_a_bare_description_with_a_doerless_participle_states_no_event():
    # Nobody registered the user: 'registered' only says where the account is.
    facts = facts_of("In 2019, a Harlow user registered from Norway shared a video.")
    assert not [f for f in facts if f[1] == "register"], facts
    assert [f for f in facts if f[1] == "share"], facts


def test_a_verb_after_a_comma_and_a_that_clause_borrows_no_subject_from_it():
    # 'mentioned' goes on with the mayor's clause, not the council's, though the parser
    # hangs it on 'approve'; which of the two, grammar does not say.
    facts = facts_of("Mayor Ona Vick noted that the Harwick council did not approve the "
                     "budget, and mentioned a possible appeal to the Brisk Court.")
    assert not [f for f in facts if f[1] == "mention" and f[0] == "Harwick council"], facts


def test_a_verb_after_a_subordinate_clause_with_its_own_subject_borrows_none():
    facts = facts_of("Harwick, a mill town of 3,400, claims Tomas Vell as a native son "
                     "although he was born in Dunmore, which had the nearest hospital, and "
                     "grew up mainly in Porto.")
    assert not [f for f in facts if f[1] == "grow up" and f[0] == "Harwick"], facts


@pytest.mark.parametrize(("text", "subject", "lemma"), [
    ("Ona Vick said that Tomas Vell had lied and broke the deal.", "Tomas Vell", "break"),
    ("Ona Vick visited Dunmore, which has a large port, and met Tomas Vell.", "Ona Vick",
     "meet"),
])
def test_a_coordinated_verb_still_shares_its_clauses_subject(text, subject, lemma):
    facts = facts_of(text)
    assert [f for f in facts if f[1] == lemma and f[0] == subject], facts


def test_a_participle_of_a_relation_after_a_clause_borrows_no_subject():
    # What corresponds with the low rate is the risk the clause names, not the trust.
    facts = facts_of("The Harlow Trust listed children under five as having the highest "
                     "risk, corresponding with the low rate of vaccination.")
    assert not [f for f in facts if f[1] == "correspond with"], facts
    assert [f for f in facts if f[1] == "list" and f[0] == "Harlow Trust"], facts


@pytest.mark.parametrize("text", [
    "The purpose of the trip was to inspect the Velmar dam and buying turbines from Ostrava.",
    "The goal of the Corvane Fund is to buy the Halder mill.",
])
def test_an_aim_equated_with_an_infinitive_does_not_do_it(text):
    facts = facts_of(text)
    assert not any(s and s.lower().split()[0] in {"purpose", "goal"} for s, _, _, _ in facts), \
        facts


def test_a_subject_that_is_no_aim_still_does_the_infinitive_after_a_copula():
    # 'Ona Vick was to inspect the dam': a plan of hers, not an aim equated with it
    facts = facts_of("Ona Vick was to inspect the Velmar dam in May.")
    assert any(s == "Ona Vick" and lem == "inspect" for s, lem, _, _ in facts), facts
