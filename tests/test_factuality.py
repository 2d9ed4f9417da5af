"""Factuality judged from a verb and the verbs that govern it, on sentences parsed for the test."""

from __future__ import annotations

import pytest
from helpers import corpus_of, fact_rows

from kg.factuality import governors, judge_factuality
from kg.model import Factuality
from kg.relations import load_vocabulary


@pytest.mark.parametrize(("text", "verb", "expected"), [
    ("Putin visited China.", "visited", Factuality.ASSERTED),
    ("Putin did not visit China.", "visit", Factuality.NEGATED),
    ("Moscow denied that Putin visited China.", "visited", Factuality.DENIED),
    ("Putin will visit China.", "visit", Factuality.EXPECTED),
    ("Putin might visit China.", "visit", Factuality.POSSIBLE),
    ("Prosecutors allege that Putin visited China.", "visited", Factuality.REPORTED),
    ("Moscow denied the report and said that Putin visited China.", "visited",
     Factuality.ASSERTED),
])
def test_judge_factuality(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


def test_governors_climb_through_reported_speech(nlp):
    doc = nlp("Peskov said that Putin would visit Pyongyang.")
    visit = next(t for t in doc if t.text == "visit")
    assert [t.text for t in governors(visit)] == ["said"]


@pytest.mark.parametrize("text", [
    "According to local media, the Harlow Council suspended Tom Reyes.",
    "By reports, Tom Reyes bought the house.",
    "Sources said Tom Reyes had resigned.",
])
def test_what_the_writer_passes_on_is_reported(text):
    corpus = corpus_of(text)
    assert corpus.facts
    assert {f.evidence.factuality for f in corpus.facts if f.subject.entity_id ==
            "person/tom-reyes" or (f.object and f.object.entity_id == "person/tom-reyes")} == \
        {Factuality.REPORTED}


def test_a_named_source_is_attribution_not_hearsay():
    corpus = corpus_of("Tom Reyes won the runoff on Sunday, according to results from the "
                       "electoral commission.")
    assert {f.evidence.factuality for f in corpus.facts if f.predicate == "won"} == \
        {Factuality.ASSERTED}


@pytest.mark.parametrize(("text", "expected"), [
    # Asked of someone: what the asker says ought to happen (blind judges marked 'expected'
    # wrong for 'were called to join' and for a demand to halt).
    ("Lena Marsh urged Tom Reyes to sell the farm.", Factuality.NORMATIVE),
    ("Lena Marsh called on Tom Reyes to sell the farm.", Factuality.NORMATIVE),
    ("Tom Reyes was asked to sell the farm.", Factuality.NORMATIVE),
    # an obligation is what someone requires, not a plan (a blind judge called 'Facebook
    # must remove posts' read as expected wrong: 'obligation, not a planned event')
    ("Tom Reyes must sell the farm.", Factuality.NORMATIVE),
])
def test_a_demand_or_obligation_is_not_asserted(text, expected):
    corpus = corpus_of(text)
    (sale,) = [f for f in corpus.facts if f.predicate == "sold"]
    assert sale.evidence.factuality is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Tom Reyes received no reply from Harlow Bank.", Factuality.NEGATED),
    # A counterfactual says it did not happen (a blind judge marked 'possible' wrong).
    ("Without the vaccine, Tom Reyes would have visited Oslo.", Factuality.NEGATED),
])
def test_no_object_and_counterfactuals_are_not_asserted(text, expected):
    corpus = corpus_of(text)
    assert corpus.facts
    assert {f.evidence.factuality for f in corpus.facts
            if f.subject.entity_id == "person/tom-reyes"} == {expected}


def test_a_condition_and_what_hangs_on_it_are_only_possible():
    corpus = corpus_of("If Lena Park defeated Tomas Berg, the team would advance.",
                       "Nils Holm will resign unless Ines Duarte apologises.",
                       "Officials asked whether Ana Silva met Paul Becker.",
                       "Ana Silva met Paul Becker after the talks.")
    said = {(f.subject.entity_id, f.predicate): f.evidence.factuality for f in corpus.facts}
    assert said[("person/lena-park", "defeated")] is Factuality.POSSIBLE
    assert said[("person/nils-holm", "resigned")] is Factuality.POSSIBLE
    met = [f.evidence.factuality for f in corpus.facts if f.predicate == "met"]
    assert sorted(met) == sorted([Factuality.POSSIBLE, Factuality.ASSERTED])


def test_a_clause_beside_a_plan_verb_is_not_planned():
    corpus = corpus_of("Even though Tom Reyes confessed to the theft, his partners were tried.")
    (confession,) = [f for f in corpus.facts if f.lemma.startswith("confess")]
    assert confession.evidence.factuality is Factuality.ASSERTED


def test_the_first_to_do_something_did_it():
    corpus = corpus_of("Lena Marsh was the first woman to win the Harlow Prize. "
                       "Lena Marsh signed a plan to win the Dunmore Prize.")
    facts = {f.object.entity_id: f for f in corpus.facts
             if f.lemma == "win" and f.object is not None}
    assert facts["thing/harlow-prize"].evidence.factuality is Factuality.ASSERTED
    assert facts["thing/dunmore-prize"].evidence.factuality is Factuality.EXPECTED


@pytest.mark.parametrize("text", [
    "The Harlow council voted to sell the Brenna farm.",
    "Tom Reyes agreed to sell the Brenna farm.",
    "Tom Reyes decided to sell the Brenna farm.",
])
def test_what_a_subject_decided_or_agreed_to_do_is_a_plan(text):
    corpus = corpus_of(text)
    (sale,) = [f for f in corpus.facts if f.predicate == "sold"]
    assert sale.evidence.factuality is Factuality.EXPECTED


@pytest.mark.parametrize(("text", "lemma", "factuality"), [
    ("Tom Reyes had to leave Oslo.", "leave", Factuality.EXPECTED),  # an obligation
    # a letter of intent on selling is no sale yet
    ("Tom Reyes signed a letter of intent on selling the farm to Lena Marsh.", "sell",
     Factuality.EXPECTED),
    ("The Harlow Jazz were to play the Brenna Hawks on Friday.", "play", Factuality.EXPECTED),
    # 'unlikely' leans to no: a blind judge found 'possible' misstated it
    ("Tom Reyes is unlikely to visit Oslo.", "visit", Factuality.NEGATED),
    ("Lena Marsh called it unlikely that Tom Reyes would buy the farm.", "buy",
     Factuality.NEGATED),
    ("It is unlikely that Tom Reyes will buy the farm.", "buy", Factuality.NEGATED),
    ("It is unclear whether Tom Reyes will buy the farm.", "buy", Factuality.POSSIBLE),
    ("Tom Reyes appeared to be wearing a wig.", "wear", Factuality.POSSIBLE),
    ("The law allowed Tom Reyes to buy the farm.", "buy", Factuality.POSSIBLE),  # let, not done
    ("Lena Marsh forced Tom Reyes to sell the farm.", "sell", Factuality.ASSERTED),  # done
    # a verb that asks for an infinitive reports a clause as it is
    ("Lena Marsh told reporters that Tom Reyes sold the farm.", "sell", Factuality.ASSERTED),
    # 'appear' with a place is no hedge of what hangs on it; 'had' with an object no duty
    ("Tom Reyes appeared in court on Monday, charged with theft.", "charge with",
     Factuality.ASSERTED),
    ("Tom Reyes had lunch in Oslo before visiting Lena Marsh.", "visit", Factuality.ASSERTED),
])
def test_obligation_permission_and_doubt_are_not_asserted(text, lemma, factuality):
    corpus = corpus_of(text)
    found = {f.evidence.factuality for f in corpus.facts if f.lemma == lemma}
    assert found == {factuality}


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A counterfactual did not happen, nor did what it would have let happen.
    ("The council passed a law that would have allowed the mayor to expel the tenants.",
     "expel", Factuality.NEGATED),
    ("The bill would have let the police arrest the protesters.", "arrest", Factuality.NEGATED),
    ("Tom Reyes should have resigned.", "resigned", Factuality.NEGATED),
    # What ought to happen is neither done nor expected.
    ("The board should fire the manager.", "fire", Factuality.NORMATIVE),
    ("Lena Marsh said the council should sell the farm.", "sell", Factuality.NORMATIVE),
    ("It is a role that banks should play in lending.", "play", Factuality.NORMATIVE),
    ("Tom Reyes ought to resign.", "resign", Factuality.NORMATIVE),
    ("Lena Marsh could ask Tom Reyes to sell the farm.", "sell", Factuality.POSSIBLE),
    # A purpose after the act's object has not happened yet; a means's use has.
    ("Tom Reyes started a company to turn the design into a product.", "turn",
     Factuality.EXPECTED),
    ("Tom Reyes used a drone to film the match.", "film", Factuality.ASSERTED),
    ("Lena Marsh forced Tom Reyes to sell the farm.", "sell", Factuality.ASSERTED),
    ("Tom Reyes started to sell the farm.", "sell", Factuality.ASSERTED),
])
def test_counterfactual_normative_and_purpose_clauses(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "lemma", "factuality"), [
    # sentenced or ordered to do it: not done, also when the parser coordinates the
    # infinitive with the sentence ('to two years and to pay')
    ("Tom Reyes was sentenced by a judge to two years in prison and to pay a fine to the "
     "city of Harlow.", "pay", Factuality.EXPECTED),
    ("A judge sentenced Tom Reyes to pay a fine to Lena Marsh.", "pay", Factuality.EXPECTED),
    ("The court ordered Tom Reyes to pay damages to Lena Marsh.", "pay", Factuality.EXPECTED),
    # a named claim is reported, whatever it says of the future
    ("Lena Marsh claimed that the Velmar army attacked Tarn.", "attack", Factuality.REPORTED),
    ("Lena Marsh claimed the Velmar tax is only to protect Tarn farmers.", "protect",
     Factuality.REPORTED),
    ("The Harlow Gazette reported that Tom Reyes had sold the farm.", "sell",
     Factuality.REPORTED),
    ("According to Lena Marsh, Tom Reyes sold the farm.", "sell", Factuality.REPORTED),
    ("According to officials, Tom Reyes sold the farm.", "sell", Factuality.REPORTED),
    # what a purpose completes is not done either
    ("Lena Marsh flew to Tarn to help Tom Reyes buy the Brenna farm.", "buy",
     Factuality.EXPECTED),
    ("The Velmar army went to Tarn to seize and hold the Brenna airport.", "hold",
     Factuality.EXPECTED),
    # 'said' stays attribution of what the writer states
    ("Lena Marsh said that Tom Reyes sold the farm.", "sell", Factuality.ASSERTED),
])
def test_orders_claims_and_purposes_are_not_asserted(text, lemma, factuality):
    corpus = corpus_of(text)
    found = {f.evidence.factuality for f in corpus.facts if f.lemma == lemma}
    assert found == {factuality}


def test_a_claim_names_its_claimant():
    corpus = corpus_of("Lena Marsh claimed that the Velmar army attacked Tarn.")
    (attack,) = [f for f in corpus.facts if f.lemma == "attack"]
    assert attack.evidence.attributed_entity_id == "person/lena-marsh"


def test_factuality_is_judged_once_per_verb(nlp):
    doc = nlp("Tom Reyes will visit Oslo on Monday.")
    visit = next(t for t in doc if t.text == "visit")
    vocab = load_vocabulary()
    assert judge_factuality(visit, vocab) is Factuality.EXPECTED
    doc.user_data[("kg.factuality", id(vocab))][visit.i] = Factuality.NEGATED
    assert judge_factuality(visit, vocab) is Factuality.NEGATED  # the cached judgement


def test_a_phrase_under_a_claim_verb_is_not_the_claim():
    corpus = corpus_of("In a study released by the Harlow Institute on Monday, scientists "
                       "report that frogs grow spikes.")
    releases = [f for f in corpus.facts if f.lemma == "release"]
    assert releases
    assert {f.evidence.factuality for f in releases} == {Factuality.ASSERTED}


@pytest.mark.parametrize(("text", "lemma", "factuality"), [
    # a finding or a ruling that something happened holds it happened, never plans it
    ("The jury determined that Tom Reyes had lied to investigators.", "lie to",
     Factuality.ASSERTED),
    ("A judge found that Tom Reyes had lied to investigators.", "lie to", Factuality.ASSERTED),
    ("The panel concluded that Tom Reyes had sold the farm.", "sell", Factuality.ASSERTED),
    # ... and its clause keeps its own auxiliaries
    ("The jury determined that Tom Reyes will pay the fine.", "pay", Factuality.EXPECTED),
    # a plan verb's finite clause about the future, or any 'said' clause, stays expected
    ("Lena Marsh said that Tom Reyes will visit Oslo.", "visit", Factuality.EXPECTED),
    ("Lena Marsh decided that Tom Reyes would visit Oslo.", "visit", Factuality.EXPECTED),
    ("Lena Marsh agreed to sell the farm.", "sell", Factuality.EXPECTED),
    # a right or a capacity is possible, not done; denied, it will not be done
    ("Tom Reyes is eligible to appeal the ruling.", "appeal", Factuality.POSSIBLE),
    ("Tom Reyes is entitled to claim the farm.", "claim", Factuality.POSSIBLE),
    ("Tom Reyes is free to leave Oslo.", "leave", Factuality.POSSIBLE),
    ("Tom Reyes is qualified to teach chemistry.", "teach", Factuality.POSSIBLE),
    ("Tom Reyes is not eligible to appeal the ruling.", "appeal", Factuality.NEGATED),
    # permission is not the act; a capacity used in the past is ('was able to escape')
    ("Lena Marsh holds a licence allowing Tom Reyes to buy the farm.", "buy",
     Factuality.POSSIBLE),
    ("Tom Reyes was able to escape.", "escape", Factuality.ASSERTED),
    # ... whoever reports the permission; a report of a forced act stays a report
    ("Tom Reyes held a licence allowing him to buy rifles, the Harlow Gazette reported.",
     "buy", Factuality.POSSIBLE),
    ("The Harlow Gazette reported that the council allowed Tom Reyes to buy the farm.", "buy",
     Factuality.POSSIBLE),
    ("The Harlow Gazette reported that the council forced Tom Reyes to sell the farm.", "sell",
     Factuality.REPORTED),
    ("The law could allow Tom Reyes to buy the farm.", "buy", Factuality.POSSIBLE),
    # an adjective that is no right leaves its clause alone
    ("Tom Reyes was happy to sell the farm.", "sell", Factuality.ASSERTED),
])
def test_findings_are_held_and_rights_are_possible(text, lemma, factuality):
    corpus = corpus_of(text)
    found = {f.evidence.factuality for f in corpus.facts if f.lemma == lemma}
    assert found == {factuality}


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A question asks whether it happened; it does not say so.
    ("Did Tom Reyes sell the farm?", "sell", Factuality.POSSIBLE),
    ("Tom Reyes sold the farm.", "sold", Factuality.ASSERTED),
    # A capacity now is no act; in the past it is ('was able to sell' says he sold).
    ("Tom Reyes is able to sell the farm.", "sell", Factuality.POSSIBLE),
    ("Tom Reyes was able to sell the farm.", "sell", Factuality.ASSERTED),
    # What someone is set on or weighing is not done.
    ("Tom Reyes is determined to sell the farm.", "sell", Factuality.EXPECTED),
    # A hope is a wish, not a plan: blind judges called 'would be happy if X were to
    # reconsider' and 'wanted to stay' read as 'expected' wrong (2 of 2 judged rows).
    ("Tom Reyes hopes to sell the farm.", "sell", Factuality.POSSIBLE),
    ("Tom Reyes is considering selling the farm.", "selling", Factuality.POSSIBLE),
    # A claim nobody made: the negation of the speech verb leaves it open.
    ("Lena Marsh did not say that Tom Reyes sold the farm.", "sold", Factuality.POSSIBLE),
    ("Lena Marsh said that Tom Reyes sold the farm.", "sold", Factuality.ASSERTED),
    # A condition makes a modal act possible, not a past one it stands beside.
    ("Tom Reyes will resign if the board objects.", "resign", Factuality.POSSIBLE),
    ("Lena Marsh predicted a failure if the talks collapsed.", "predicted",
     Factuality.ASSERTED),
    # A degree on the adjective: 'too young to' and 'not old enough to' say it did not
    # happen, 'old enough to' only that it could.
    ("Tom Reyes was too young to buy the farm.", "buy", Factuality.NEGATED),
    ("Tom Reyes was not old enough to buy the farm.", "buy", Factuality.NEGATED),
    ("Tom Reyes was old enough to buy the farm.", "buy", Factuality.POSSIBLE),
])
def test_questions_capacities_plans_and_unsaid_claims(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A wish, an attempt or a fear says nothing of the outcome.
    ("Mara Quint would like to buy the Ostby mill.", "buy", Factuality.POSSIBLE),
    ("Mara Quint is trying to buy the Ostby mill.", "buy", Factuality.POSSIBLE),
    ("Mara Quint sought to buy the Ostby mill.", "buy", Factuality.POSSIBLE),
    ("Many farmers fear to return to Ostby.", "return", Factuality.POSSIBLE),
    ("The farmers are afraid to return to Ostby.", "return", Factuality.POSSIBLE),
    # What a condition on the clause an infinitive completes hangs on is only possible.
    ("Mara Quint would be glad if Jon Feld were to sell the mill.", "sell",
     Factuality.POSSIBLE),
    # Managing to do it, or a past act beside a wish, is done.
    ("Mara Quint managed to buy the Ostby mill.", "buy", Factuality.ASSERTED),
    ("Mara Quint bought the Ostby mill, hoping for a profit.", "bought", Factuality.ASSERTED),
])
def test_wishes_attempts_and_fears_are_only_possible(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A bare imperative 'let' says what ought to happen.
    ("Let the council approve the budget.", "approve", Factuality.NORMATIVE),
    # A present-tense clause under 'when', 'once', 'until' is to come or habitual.
    ("Guards search the workers when they leave the mill.", "leave", Factuality.EXPECTED),
    ("The vote will be held once the council approves the budget.", "approves",
     Factuality.EXPECTED),
    ("Jon Feld left the mill when the shift ended.", "ended", Factuality.ASSERTED),
    # A plan then carried out ('and did') happened.
    ("The Ostby council decided to close the mill and did.", "close", Factuality.ASSERTED),
    ("The Ostby council decided to close the mill.", "close", Factuality.EXPECTED),
    # What is rare, or what usually happens, is no act done; a past habit is.
    ("Such floods are rarely recorded.", "recorded", Factuality.POSSIBLE),
    ("The Ostby council usually approves the budget in March.", "approves",
     Factuality.POSSIBLE),
    ("Jon Feld often visited the mill.", "visited", Factuality.ASSERTED),
    # 'It is time for X to' calls for it; what a thing points to is passed on.
    ("It is time for the Ostby council to approve the budget.", "approve",
     Factuality.NORMATIVE),
    ("Early counts indicate that Jon Feld won the vote.", "won", Factuality.REPORTED),
    ("Jon Feld took time to visit the mill.", "visit", Factuality.EXPECTED),
])
def test_hortatives_future_clauses_carried_out_plans_and_generics(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "lemma", "expected"), [
    # A planned, arranged or announced deed is still to come; someone else's announced
    # deed, or one paid or held, happened.
    ("Jon Feld planned a visit to Ostby.", "visit", Factuality.EXPECTED),
    ("Mara Quint arranged a meeting with Jon Feld.", "meet", Factuality.EXPECTED),
    ("The Ostby government announced a full withdrawal from Harlow.", "withdraw",
     Factuality.EXPECTED),
    ("Jon Feld paid a visit to Ostby.", "visit", Factuality.ASSERTED),
    ("The Ostby council announced the resignation of Jon Feld.", "resign", Factuality.ASSERTED),
    ("Jon Feld announced his resignation in 1995.", "resign", Factuality.ASSERTED),
])
def test_what_a_light_verb_plans_or_attempts_is_not_done(text, lemma, expected):
    corpus = corpus_of(text)
    found = {f.evidence.factuality for f in corpus.facts if f.lemma == lemma}
    assert found == {expected}


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A passive forecast verb: its infinitive is expected; with a perfect infinitive it is
    # someone's estimate of what has happened. The active verb and a plain past stay as read.
    ("Velmar Bank is projected to buy Quarrow Mills.", "buy", Factuality.EXPECTED),
    ("The storm was forecast to reach Ostby on Wednesday.", "reach", Factuality.EXPECTED),
    ("Velmar Bank is supposed to pay the fine.", "pay", Factuality.EXPECTED),
    ("Ilan Bessa is tipped to lead Velmar Bank.", "lead", Factuality.EXPECTED),
    ("Ilan Bessa was projected to have won the race.", "won", Factuality.REPORTED),
    ("Velmar Bank bought Quarrow Mills, as analysts predicted.", "bought",
     Factuality.ASSERTED),
    ("Ilan Bessa was projected to win but lost the race.", "lost", Factuality.ASSERTED),
])
def test_what_a_forecast_names_is_expected_or_estimated(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A past payment for someone else to do a thing made it happen (blind judges called the
    # attending read as 'expected' wrong); a payment to come, or one's own purpose, did not.
    ("The actor Lena Marsh, who paid for Tom Reyes to attend the academy, praised him.",
     "attend", Factuality.ASSERTED),
    ("Lena Marsh will pay for Tom Reyes to attend the academy.", "attend",
     Factuality.EXPECTED),
    ("Lena Marsh flew to Oslo to attend the fair.", "attend", Factuality.EXPECTED),
    # A method stated in the simple present: what it is for has not happened yet; a past
    # use did it ('used a tractor to plough the field').
    ("The Harlow Party uses ballots to choose its leader.", "choose", Factuality.EXPECTED),
    ("Tom Reyes used a tractor to plough the field.", "plough", Factuality.ASSERTED),
    # A choice between acts in the simple present is a rule, not an act done.
    ("Council members are either re-elected or replaced.", "replaced", Factuality.POSSIBLE),
    ("Council members were replaced.", "replaced", Factuality.ASSERTED),
    # A base-form clause under a verb of asking or proposing ought to happen.
    ("The council recommended that residents avoid the market.", "avoid",
     Factuality.NORMATIVE),
    ("Tom Reyes asked that Lena Marsh sell the farm.", "sell", Factuality.NORMATIVE),
    ("Lena Marsh proposed that Tom Reyes lead the party.", "lead", Factuality.NORMATIVE),
    ("Lena Marsh said that Tom Reyes leads the party.", "leads", Factuality.ASSERTED),
])
def test_purposes_rules_and_proposals(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


def test_a_present_clause_under_suggest_is_no_proposal(nlp):
    doc = nlp("Studies suggest that birds migrate at night.")
    token = next(t for t in doc if t.text == "migrate")
    assert judge_factuality(token, load_vocabulary()) is not Factuality.NORMATIVE


def test_a_recommended_event_noun_is_not_done():
    rows = fact_rows("The premier recommended the withdrawal of the soldiers from Harlow.")
    assert [r[3] for r in rows if r[1] == "withdraw"] == ["normative"]


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # What was to come and was put off or called off did not happen as planned.
    ("The match between the two clubs, which was to be played on Tuesday, was postponed.",
     "played", Factuality.NEGATED),
    ("The Harlow club was to play the Oslo club on Tuesday, but the match was postponed.",
     "play", Factuality.NEGATED),
    # An act done on what is called off keeps its reading; and an unrelated plan its own.
    ("The council cancelled the contract, which was signed in 2010.", "signed",
     Factuality.ASSERTED),
    ("The Harlow club will play the Oslo club, and the other match was postponed.", "play",
     Factuality.EXPECTED),
])
def test_what_is_called_off_did_not_happen(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A request met: the relative clause says the resignation was handed over.
    ("Tom Reyes asked Lena Marsh for her resignation, which was given to him this morning.",
     ["asserted"]),
    ("Tom Reyes asked Lena Marsh for her resignation, which she did not give.", ["normative"]),
])
def test_a_request_met_is_done(text, expected):
    assert [r[3] for r in fact_rows(text) if r[1] == "resign"] == expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # An attempt a speaker lays on someone else is the speaker's accusation, passed on.
    ('Lena Marsh said, "Tom Reyes is trying to steal the election."', "steal",
     Factuality.REPORTED),
    ('Lena Marsh added, "Tom Reyes is trying to use the council to seize power."', "seize",
     Factuality.REPORTED),
    ('Lena Marsh added, "Tom Reyes is trying to seize the council — this is a dangerous '
     'way to govern."', "seize", Factuality.REPORTED),
    # One's own attempt, or an attempt told by the writer, stays open.
    ("Tom Reyes said he was trying to sell the farm.", "sell", Factuality.POSSIBLE),
    ("Tom Reyes is trying to sell the farm.", "sell", Factuality.POSSIBLE),
])
def test_an_attempt_laid_on_another_is_reported(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "lemma", "factuality"), [
    # a permission, like a right, makes the act possible; it is no plan
    ("The ruling permitted the Corvane mill to reopen in spring.", "reopen", Factuality.POSSIBLE),
    ("The court's decision enabled the Corvane mill to hire forty workers.", "hire",
     Factuality.POSSIBLE),
    # a wish laid on someone else by a speaker is the speaker's claim, passed on; one's own
    # wish stays an open possibility
    ("Lena Marsh said Tom Reyes wants to sell the farm.", "sell", Factuality.REPORTED),
    ("Tom Reyes said he wants to sell the farm.", "sell", Factuality.POSSIBLE),
    # ... also when the parser hangs the speech verb under the quote
    ("Lena Marsh told the crowd, \"Tom Reyes wants to sell the farm.\"", "sell",
     Factuality.REPORTED),
    ("\"Tom Reyes is trying to sell the farm,\" Lena Marsh said.", "sell", Factuality.REPORTED),
    ("\"I want to sell the farm,\" Tom Reyes said.", "sell", Factuality.POSSIBLE),
    # a relative clause describes its noun and is taken as true whatever the clause around
    # the noun plans, fears or doubts; its own modal still counts
    ("The flood may have damaged the bridge that Tom Reyes built.", "build",
     Factuality.ASSERTED),
    ("Lena Marsh will visit the farm that Tom Reyes bought.", "buy", Factuality.ASSERTED),
    ("Lena Marsh hopes to buy the farm that Tom Reyes built.", "build", Factuality.ASSERTED),
    ("Lena Marsh visited the farm that Tom Reyes will buy.", "buy", Factuality.EXPECTED),
])
def test_permissions_wishes_and_descriptions(text, lemma, factuality):
    corpus = corpus_of(text)
    found = {f.evidence.factuality for f in corpus.facts if f.lemma == lemma}
    assert found == {factuality}


@pytest.mark.parametrize(("text", "lemma", "factuality"), [
    # a past-perfect condition beside a counterfactual is contrary to fact: the text says
    # the opposite happened, however the parser hangs the two clauses
    ("Tom Reyes would have lost the farm had Lena Marsh not paid the debt.", "pay",
     Factuality.ASSERTED),
    ("Tom Reyes would have lost the farm if Lena Marsh had not paid the debt.", "pay",
     Factuality.ASSERTED),
    ("Lena Marsh said Tom Reyes would have drowned had he not been wearing a life jacket.",
     "wear", Factuality.ASSERTED),
    ("If Lena Marsh had paid the debt, Tom Reyes would have kept the farm.", "pay",
     Factuality.NEGATED),
    # ... and the counterfactual itself did not happen, condition or not
    ("If Lena Marsh had paid the debt, Tom Reyes would have kept the farm.", "keep",
     Factuality.NEGATED),
    ("Tom Reyes would have lost the farm if Lena Marsh had not paid the debt.", "lose",
     Factuality.NEGATED),
    # an open condition stays open
    ("If Lena Marsh pays the debt, Tom Reyes could keep the farm.", "pay", Factuality.POSSIBLE),
    ("Lena Marsh had paid the debt before Tom Reyes sold the farm.", "pay", Factuality.ASSERTED),
])
def test_unreal_conditions_say_the_opposite_happened(text, lemma, factuality):
    corpus = corpus_of(text)
    found = {f.evidence.factuality for f in corpus.facts if f.lemma == lemma}
    assert found == {factuality}


@pytest.mark.parametrize(("text", "lemma", "expected"), [
    # 'has yet to' says it has not happened so far; 'is looking to' is a plan, as 'aims
    # to' is; a reward for tips leading to an arrest is no arrest; a counterfactual
    # negated with 'without' says the deed was done; the best person to do a thing has
    # not done it, while the first one to do it has.
    ("Orla Venn has yet to concede the race.", "concede", Factuality.NEGATED),
    ("The Brenna mayor is yet to visit Dunmore.", "visit", Factuality.NEGATED),
    ("Velmar Bank is looking to buy Quarrow Mills.", "buy", Factuality.EXPECTED),
    ("Tomas Pell escaped in May. The police offered a reward for information leading to "
     "his arrest.", "arrest", Factuality.POSSIBLE),
    ("Tomas Pell escaped in May. A raid leading to his arrest was carried out in June.",
     "arrest", Factuality.ASSERTED),
    ("The Harlow fort would not have been captured without the Dunmore militia.",
     "capture", Factuality.ASSERTED),
    ("The Harlow fort would not have been captured.", "capture", Factuality.NEGATED),
    ("Orla Venn said that Tomas Pell is the best person to help her win the vote and then "
     "to run Velmar Bank.", "run", Factuality.POSSIBLE),
    ("Orla Venn was the first woman to run Velmar Bank.", "run", Factuality.ASSERTED),
])
def test_pending_sought_owed_and_fitting_deeds(text, lemma, expected):
    corpus = corpus_of(text)
    found = {f.evidence.factuality for f in corpus.facts if f.lemma == lemma}
    assert found == {expected}


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A clause before a semicolon or a colon is a sentence of its own, whatever the parser
    # hangs it on; a clause before a comma is still what the speaker after it says.
    ("Velmar Bank moved its board meetings to June; they were first planned for May.",
     "moved", Factuality.ASSERTED),
    ('Orla Venn spoke to reporters after the vote: "I really urge the mayor to please '
     'step down."', "spoke", Factuality.ASSERTED),
    ("Orla Venn will resign, Tomas Pell said.", "resign", Factuality.EXPECTED),
    ("Orla Venn resigned, the paper reported.", "resigned", Factuality.REPORTED),
])
def test_a_clause_across_a_semicolon_or_colon_stands_alone(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A plan in a relative clause on whoever, or wherever, then puts it off did not happen
    # as planned; a plan on a noun nothing calls off stays expected.
    ("Dunmore, which was also scheduled to hold a council election, delayed its vote.",
     "hold", Factuality.NEGATED),
    ("In Dunmore, which was planning to hold its council election on Friday, the mayor "
     "postponed it.", "hold", Factuality.NEGATED),
    ("Dunmore, which was scheduled to hold a council election, hired more clerks.",
     "hold", Factuality.EXPECTED),
])
def test_a_plan_its_holder_puts_off_did_not_happen(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A rank tells the deed happened only as far as the clause that holds it does: a
    # condition, a future or a report on that clause reaches the infinitive.
    ("If elected, Orla Venn would be the first woman to run Velmar Bank.",
     Factuality.POSSIBLE),
    ("The Brenna Courier reported that Orla Venn was the first woman to run Velmar Bank.",
     Factuality.REPORTED),
    ("Orla Venn became the first woman to run Velmar Bank.", Factuality.ASSERTED),
])
def test_a_deed_after_a_rank_is_as_sure_as_the_ranks_clause(text, expected):
    corpus = corpus_of(text)
    found = {f.evidence.factuality for f in corpus.facts if f.lemma == "run"}
    assert found == {expected}


def test_a_pledged_deed_is_still_to_come():
    rows = [(s, f) for s, lemma, _, f in
            fact_rows("Veloria blamed Ostby for the attack, committing to send more troops "
                      "to Harwick.") if lemma == "send"]
    assert rows == [("Veloria", "expected")]


@pytest.mark.parametrize(("text", "lemma", "expected"), [
    # A participle is said of its noun or its subject: the dismissal or the rejection above
    # it denies the noun, not what the participle's clause tries or says.
    ("A federal judge dismissed a Kessel Air lawsuit attempting to prevent the state of "
     "Ostby from certifying the sale.", "prevent", Factuality.POSSIBLE),
    ("The Ostby council rejected the Kessel Air bid, saying Kessel Air would close the mill.",
     "close", Factuality.EXPECTED),
])
def test_a_denial_does_not_reach_through_a_participle(text, lemma, expected):
    corpus = corpus_of(text)
    found = {f.evidence.factuality for f in corpus.facts if f.lemma == lemma}
    assert found == {expected}
@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A guess is passed on, as a claim is; a plain telling is left as it was.
    ("The geologists speculated that the flood damaged the Ostby dam.", "damaged",
     Factuality.REPORTED),
    ("Two biologists theorised that the eels crossed the lake.", "crossed",
     Factuality.REPORTED),
    # A guess with its own modal is as the modal says; what it presupposes is not guessed.
    ("The geologists speculated the flood may have damaged the dam.", "damaged",
     Factuality.POSSIBLE),
    ("The geologists speculated the flood damaged the dam that Jon Feld built.", "built",
     Factuality.ASSERTED),
])
def test_a_conjecture_is_passed_on(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A rule of a kind in the simple present says what happens whenever it applies.
    ("Every mayor appoints a deputy.", "appoints", Factuality.POSSIBLE),
    ("Members of the Ostby council are elected for four-year terms.", "elected",
     Factuality.POSSIBLE),
    ("Council members are removed from office after being convicted of fraud.",
     "convicted", Factuality.POSSIBLE),
    ("Any clerk who is caught stealing is dismissed.", "caught", Factuality.POSSIBLE),
    ("The charter says that judges are removed after being tried for, and convicted of, "
     "fraud.", "convicted", Factuality.POSSIBLE),
    # A named time, a past tense, a headline, a someone or an active bare plural: as before.
    ("Members of the Ostby council were elected in May.", "elected", Factuality.ASSERTED),
    ("Members of the Ostby council are elected in May this year.", "elected",
     Factuality.ASSERTED),
    ("Farmers protest new grain tax in Harlow", "protest", Factuality.ASSERTED),
    ("The guards are paid in cash.", "paid", Factuality.ASSERTED),
    ("Farmers hold a majority on the Ostby council.", "hold", Factuality.ASSERTED),
    ("A man who lives in Ostby was arrested.", "lives", Factuality.ASSERTED),
    ("A farmer from Ostby, Jon Feld is accused of theft.", "accused", Factuality.ASSERTED),
])
def test_a_rule_of_a_kind_is_no_deed_done(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A view is its holder's, passed on like a claim (a judge called the content of 'those who
    # think X' read as asserted wrong); not thinking it claims nothing.
    ("Those who think the rebellion has been crushed will soon see.", "crushed",
     Factuality.REPORTED),
    ("Many residents believe the mayor sold the land.", "sold", Factuality.REPORTED),
    ("Lena Marsh does not think the mayor sold the land.", "sold", Factuality.POSSIBLE),
    # The content of a noun of claim is its holder's account; a relative clause on the noun
    # describes the claim and keeps its own reading.
    ("Reyes repeated his claim that he had built the bridge and sold the mill.", "built",
     Factuality.REPORTED),
    ("Reyes repeated his claim that he had built the bridge and sold the mill.", "sold",
     Factuality.REPORTED),
    ("The claim that he made was false.", "made", Factuality.ASSERTED),
    ("The statement released by the council praised Reyes.", "released", Factuality.ASSERTED),
    # Disputing a clause denies it, as rejecting a view does.
    ("The union disputed that the mill had closed.", "closed", Factuality.DENIED),
    ("Officials rejected the view that the dam had failed.", "failed", Factuality.DENIED),
    # A ranked subject tells what happened, even when the parser makes its infinitive the
    # root (blind judges called such an impeachment read as expected wrong four times).
    ("Reyes, the fourth Mayor to be removed by the Council, is to face a hearing in the Court.",
     "removed", Factuality.ASSERTED),
    ("Reyes, the fourth Mayor to be removed by the Council, is to face a hearing in the Court.",
     "face", Factuality.EXPECTED),
])
def test_views_claims_and_ranks(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A finite adverbial clause carries its own tense: what it says happened did, whatever
    # the verb it hangs on plans; a condition or a present time clause stays what it was.
    ("The council will close the school because the roof collapsed.", "collapsed",
     Factuality.ASSERTED),
    ("The club will sell the stadium after it lost the cup final.", "lost",
     Factuality.ASSERTED),
    ("The council will close the school because the roof has collapsed.", "collapsed",
     Factuality.ASSERTED),
    ("The council will close the school because the roof was damaged.", "damaged",
     Factuality.ASSERTED),
    ("The club will sell the stadium after it lost the cup final.", "sell",
     Factuality.EXPECTED),
    ("Reyes will resign if the board rejects the plan.", "rejects", Factuality.POSSIBLE),
    ("The club will sell the stadium when it moves to the coast.", "moves",
     Factuality.EXPECTED),
])
def test_an_adverbial_clause_keeps_its_own_tense(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # An adverb of possibility on the verb says it may be so, as 'may' does.
    ("The storm possibly destroyed the bridge.", "destroyed", Factuality.POSSIBLE),
    ("Reyes will probably win the runoff.", "win", Factuality.POSSIBLE),
    ("The firm built new kilns, potentially cutting the cost of bricks.", "cutting",
     Factuality.POSSIBLE),
    ("The firm built new kilns, potentially cutting the cost of bricks.", "built",
     Factuality.ASSERTED),
    ("Reyes, perhaps the best known mayor, sold the farm.", "sold", Factuality.ASSERTED),
])
def test_an_adverb_of_possibility(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A plot is a plan: what was plotted is not told as done; the plotting itself is.
    ("The two clerks plotted to rob the county treasury.", "rob", Factuality.EXPECTED),
    ("A ring of smugglers conspired to bribe the harbour master.", "bribe",
     Factuality.EXPECTED),
    ("The two clerks plotted to rob the county treasury.", "plotted", Factuality.ASSERTED),
])
def test_what_was_plotted_is_still_to_come(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A deed laid on someone by an accuser, the police or a plaintiff is alleged, passed on;
    # a verdict states it; an acquittal or a plea of not guilty denies it.
    ("The prosecutor accused the caretaker of poisoning the horses.", "poisoning",
     Factuality.REPORTED),
    ("The caretaker was arrested for poisoning the horses.", "poisoning",
     Factuality.REPORTED),
    ("The newspaper was sued for defaming the harbour master.", "defaming",
     Factuality.REPORTED),
    ("The farmers blamed the mill for polluting the river.", "polluting",
     Factuality.REPORTED),
    ("The caretaker was convicted of poisoning the horses.", "poisoning",
     Factuality.ASSERTED),
    ("The caretaker was acquitted of poisoning the horses.", "poisoning",
     Factuality.DENIED),
    ("The caretaker pleaded not guilty to poisoning the horses.", "poisoning",
     Factuality.DENIED),
    ("The caretaker pleaded guilty to poisoning the horses.", "poisoning",
     Factuality.ASSERTED),
    # a preposition on the object of any other verb governs nothing
    ("The mayor thanked the caretaker for feeding the horses.", "feeding",
     Factuality.ASSERTED),
    ("The mayor cleared the way for building the bridge.", "building", Factuality.ASSERTED),
])
def test_a_charge_is_alleged_and_an_acquittal_denies(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # What is said of someone in the passive is hearsay; what is known is not.
    ("The caretaker is said to have poisoned the horses.", "poisoned", Factuality.REPORTED),
    ("The smugglers are believed to have bribed the harbour master.", "bribed",
     Factuality.REPORTED),
    ("The caretaker is known to have fed the horses.", "fed", Factuality.ASSERTED),
    # The content of a claim noun: equated with it by a copula, or right after it with no
    # 'that'.
    ("The complaint against the caretaker is that he poisoned the horses.", "poisoned",
     Factuality.REPORTED),
    ("The accusation against the caretaker is that he poisoned the horses.", "poisoned",
     Factuality.REPORTED),
    ("The inquiry followed allegations the caretaker had poisoned the horses.", "poisoned",
     Factuality.REPORTED),
    ("The inquiry followed claims the smugglers tried to bribe the harbour master.", "bribe",
     Factuality.REPORTED),
    ("The harbour master faces allegations of taking bribes from the smugglers.", "taking",
     Factuality.REPORTED),
    # a claim noun in a phrase of the clause itself governs nothing
    ("Despite the allegations the ferry company grew quickly.", "grew", Factuality.ASSERTED),
])
def test_hearsay_and_the_content_of_a_claim_are_reported(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


def test_a_reported_recommendation_stays_a_recommendation(nlp):
    doc = nlp("The radio reported the inspector recommended the ferry company close the pier.")
    close = next(t for t in doc if t.text == "close")
    assert judge_factuality(close, load_vocabulary()) is Factuality.NORMATIVE


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # An infinitive on a noun of attempt is tried, its outcome unsaid; on a failed one it
    # did not happen; on a plan it is still to come.
    ("The miners made an attempt to reach the trapped crew.", "reach", Factuality.POSSIBLE),
    ("The miners made a failed attempt to reach the trapped crew.", "reach",
     Factuality.NEGATED),
    ("The thwarted plot to rob the county treasury shocked the town.", "rob",
     Factuality.NEGATED),
    ("The miners announced a plan to reach the trapped crew.", "reach", Factuality.EXPECTED),
])
def test_an_attempt_noun_leaves_its_outcome_unsaid(nlp, text, verb, expected):
    doc = nlp(text)
    token = [t for t in doc if t.text == verb][-1]
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A negated forecast in the passive or as an adjective says it will not happen.
    ("The storm is not expected to reach the coast.", "reach", Factuality.NEGATED),
    ("The ferry is not scheduled to sail on Sunday.", "sail", Factuality.NEGATED),
    ("The storm is not likely to reach the coast.", "reach", Factuality.NEGATED),
    ("The storm is expected to reach the coast.", "reach", Factuality.EXPECTED),
])
def test_a_negated_forecast_says_it_will_not_happen(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


def test_not_expecting_a_deed_says_nothing_against_it(nlp):
    doc = nlp("The miners did not expect to reach the trapped crew so soon.")
    reach = next(t for t in doc if t.text == "reach")
    assert judge_factuality(reach, load_vocabulary()) is not Factuality.NEGATED


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # A plan under deliberation may or may not be adopted; one announced is still to come.
    ("The assembly voted on a motion to dissolve the harbour board.", "dissolve",
     Factuality.POSSIBLE),
    ("The council discussed the idea of selling the old mill.", "selling",
     Factuality.POSSIBLE),
    ("The council announced a plan to sell the old mill.", "sell", Factuality.EXPECTED),
    ("The council discussed its decision to sell the old mill.", "sell",
     Factuality.EXPECTED),
])
def test_a_plan_under_deliberation_is_only_possible(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "predicate"), [
    ("The statement said Ostby police had arrested Tom Reyes.", "arrested"),
    ("The report found that Kessel Air had bought the Harlow mill.", "bought"),
    ("A study by the Ostby council showed that Kessel Air closed the mill in 2010.", "closed"),
    ("Kessel Air, the report said, had bought the Harlow mill.", "bought"),
])
def test_what_a_document_says_is_reported(text, predicate):
    corpus = corpus_of(text)
    assert {f.evidence.factuality for f in corpus.facts if f.predicate == predicate} == \
        {Factuality.REPORTED}, fact_rows(text)


@pytest.mark.parametrize(("text", "predicate", "factuality"), [
    # a person's word is left as stated (judged right as asserted)
    ("Lena Marsh said Tom Reyes had bought the house.", "bought", Factuality.ASSERTED),
    # only an asserted reading turns reported: a plan stays a plan
    ("The statement said Kessel Air would buy the Harlow mill.", "bought", Factuality.EXPECTED),
    # the climb stops at a relative clause: the writer's deeds are not the report's
    ("The man who wrote the report said Tom Reyes bought the house.", "bought",
     Factuality.ASSERTED),
])
def test_a_document_leaves_other_readings_alone(text, predicate, factuality):
    corpus = corpus_of(text)
    assert {f.evidence.factuality for f in corpus.facts if f.predicate == predicate} == \
        {factuality}, fact_rows(text)


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # a demand on someone else, however the parser hangs it, is not a deed nor a plan
    ("The union called for Tom Reyes to resign.", "resign", Factuality.NORMATIVE),
    ("The union pushed for the council to approve the budget.", "approve",
     Factuality.NORMATIVE),
    ("Tom Reyes lobbied the council to close the library.", "close", Factuality.NORMATIVE),
    ("Tom Reyes petitioned the council to close the library.", "close", Factuality.NORMATIVE),
    ("Tom Reyes faces calls to resign.", "resign", Factuality.NORMATIVE),
    ("Tom Reyes has been under pressure to resign.", "resign", Factuality.NORMATIVE),
    # ... but the subject's own infinitive, or one after a thing, is a plan or a purpose
    ("Tom Reyes lobbied to stay in the union.", "stay", Factuality.EXPECTED),
    ("Tom Reyes called a meeting to discuss the budget.", "discuss", Factuality.EXPECTED),
    ("Tom Reyes pressed the button to open the door.", "open", Factuality.EXPECTED),
    # a demand its addressee meets is no longer only asked for
    ("The board will heed the demand of the tenants to repair the roof.", "repair",
     Factuality.EXPECTED),
])
def test_a_demand_on_another_is_normative(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # on the point of it, or going to: still to come
    ("Tom Reyes is going to sell the farm.", "sell", Factuality.EXPECTED),
    ("Tom Reyes is about to sell the farm.", "sell", Factuality.EXPECTED),
    ("Tom Reyes is poised to buy the Orrin Mill.", "buy", Factuality.EXPECTED),
    # a present clause of time the parser hangs on the subject speaks of what is to come
    ("Tom Reyes and Lena Marsh, when they leave, plan to sell the farm.", "leave",
     Factuality.EXPECTED),
    # ... not a past one, nor a plain motion verb's purpose read as a plan of going
    ("Tom Reyes, when he arrived, sold the farm.", "arrived", Factuality.ASSERTED),
    ("Tom Reyes was forced to approve the budget.", "approve", Factuality.ASSERTED),
])
def test_what_is_about_to_happen_is_expected(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # an offer waits on an answer, a threat on a condition: neither is a plan
    ("Tom Reyes offered to sell the farm.", "sell", Factuality.POSSIBLE),
    ("Tom Reyes has offered to resign.", "resign", Factuality.POSSIBLE),
    ("Tom Reyes threatened to sue the council.", "sue", Factuality.POSSIBLE),
    # ... while the offer itself was made, and an agreement is still a plan
    ("Tom Reyes offered the council a loan.", "offered", Factuality.ASSERTED),
    ("Tom Reyes agreed to sell the farm.", "sell", Factuality.EXPECTED),
])
def test_what_is_offered_or_threatened_may_come(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # prevented, barred or stopped from doing it: it did not happen
    ("Tom Reyes was prevented from selling the farm.", "selling", Factuality.NEGATED),
    ("Tom Reyes stopped the council from closing the library.", "closing",
     Factuality.NEGATED),
    ("Tom Reyes was barred from leaving Kestrel.", "leaving", Factuality.NEGATED),
    # no plan, no intention: none to come
    ("Tom Reyes has no plans to resign.", "resign", Factuality.NEGATED),
    ("Tom Reyes has no intention of resigning.", "resigning", Factuality.NEGATED),
    ("Tom Reyes dropped plans to sell the farm.", "sell", Factuality.NEGATED),
    # persuaded to resign: he did
    ("Tom Reyes was persuaded to resign.", "resign", Factuality.ASSERTED),
    # ... but a plan with no 'no' stays a plan, and a gerund after another 'from' stands
    ("Tom Reyes has plans to resign.", "resign", Factuality.EXPECTED),
    ("Tom Reyes profited from selling the farm.", "selling", Factuality.ASSERTED),
])
def test_what_was_prevented_or_ruled_out_did_not_happen(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # a trial or an arrest for a deed lays it on someone, as a charge does
    ("Tom Reyes faces trial for stealing the painting.", "stealing", Factuality.REPORTED),
    ("Tom Reyes was released after his arrest for stealing the painting.", "stealing",
     Factuality.REPORTED),
    # ... until a verdict or a plea upholds the charge
    ("Tom Reyes was convicted on charges of stealing the painting.", "stealing",
     Factuality.ASSERTED),
    ("Tom Reyes pleaded guilty to charges of stealing the painting.", "stealing",
     Factuality.ASSERTED),
    # criticism for a deed does not put it in doubt
    ("Tom Reyes faced criticism for closing the library.", "closing", Factuality.ASSERTED),
])
def test_a_charge_is_reported_until_upheld(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # a bid lost or ended came to nothing
    ("Tom Reyes lost his bid to become mayor.", "become", Factuality.NEGATED),
    ("Tom Reyes ended his bid to buy the Orrin Mill.", "buy", Factuality.NEGATED),
    # a bid launched, or one not abandoned, is still only tried
    ("Tom Reyes launched a bid to buy the Orrin Mill.", "buy", Factuality.POSSIBLE),
    ("Tom Reyes did not abandon his bid to buy the Orrin Mill.", "buy", Factuality.POSSIBLE),
])
def test_a_lost_bid_came_to_nothing(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # a bare sibling of an infinitive the tagger reads as a present shares the infinitive
    ("Tom Reyes wants to cancel the sale and argue about the price for years.", "argue",
     Factuality.POSSIBLE),
    # ... but a present with its own subject is its own clause
    ("They want to sell the farm and they live in Kestrel.", "live", Factuality.ASSERTED),
])
def test_a_sibling_read_as_present_shares_the_infinitive(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # a permission refused: the act did not happen
    ("The council did not allow Tom Reyes to sell the farm.", "sell", Factuality.NEGATED),
    ("Tom Reyes didn't let the council close the library.", "close", Factuality.NEGATED),
    # a permission given is only possible; an imperative 'let' a call
    ("The council allowed Tom Reyes to sell the farm.", "sell", Factuality.POSSIBLE),
    ("Let the council decide the matter.", "decide", Factuality.NORMATIVE),
])
def test_a_refused_permission_is_negated(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # what a court or a rule requires, in the present, is normative like 'must'
    ("A court ruled that Harlow Bank has to repay Lena Marsh.", "repay", Factuality.NORMATIVE),
    ("The Harlow council needs to repair the bridge.", "repair", Factuality.NORMATIVE),
    # ... a past obligation and one still to come stay plans
    ("Tom Reyes had to leave Oslo.", "leave", Factuality.EXPECTED),
    ("Tom Reyes will have to pay a fine.", "pay", Factuality.EXPECTED),
    # 'must have' with a participle infers what probably happened
    ("Tom Reyes must have robbed Harlow Bank.", "robbed", Factuality.POSSIBLE),
])
def test_an_obligation_is_normative_and_an_inference_possible(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # a negation inside a condition is supposed, not denied
    ("Lena Marsh said the mayor should resign if she cannot run the Harlow council.", "run",
     Factuality.POSSIBLE),
    ("Tom Reyes will sell the farm unless the bank does not lend him the money.", "lend",
     Factuality.POSSIBLE),
    # ... also through a sibling and a noun's infinitive inside the condition
    ("Tom Reyes will resign if the council meets and has no plan to repair the bridge.",
     "repair", Factuality.POSSIBLE),
    # a condition without 'if', its verb or auxiliary before its subject, is as open
    ("Should the bank lend him the money, Tom Reyes will sell the farm.", "lend",
     Factuality.POSSIBLE),
    ("Should the bank lend him the money, Tom Reyes will sell the farm.", "sell",
     Factuality.POSSIBLE),
    ("Were the bank to lend him the money, Tom Reyes would sell the farm.", "lend",
     Factuality.POSSIBLE),
    ("Tom Reyes said the bank should lend him the money.", "lend", Factuality.NORMATIVE),
    # ... outside one it denies
    ("The bank did not lend Tom Reyes the money.", "lend", Factuality.NEGATED),
    ("The council has no plan to repair the bridge.", "repair", Factuality.NEGATED),
])
def test_a_negated_condition_is_possible(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


def test_what_a_proposal_would_do_is_possible():
    rows = fact_rows("The Harlow council proposed a bill that would close the Brenna mill. "
                     "The Harlow council will close the Dunmore mill.")
    said = {(obj, fact) for _, lemma, obj, fact in rows if lemma == "close"}
    assert said == {("Brenna mill", "possible"), ("Dunmore mill", "expected")}


def test_a_participle_describing_a_noun_is_not_what_is_urged():
    rows = fact_rows("Lena Marsh urged the council to free the prisoners held by Tom Reyes.")
    said = {(subject, lemma): fact for subject, lemma, _, fact in rows}
    assert said[("Tom Reyes", "hold")] == "asserted"
    assert said[("council", "free")] == "normative"


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # a plan called off by its own maker, or whose occasion is put off, did not happen
    ("Tom Reyes planned to visit Oslo, but cancelled the trip.", "visit", Factuality.NEGATED),
    ("Tom Reyes was due to testify on Monday, but the hearing was postponed.", "testify",
     Factuality.NEGATED),
    # ... nor did one whose subject carries the calling off
    ("The visit, since called off, was to include talks with the mayor.", "include",
     Factuality.NEGATED),
    ("The match, which was later postponed, was to be played on Friday.", "played",
     Factuality.NEGATED),
    # ... or whose maker withdraws or loses
    ("Tom Reyes was expected to win the race, but lost.", "win", Factuality.NEGATED),
    ("Tom Reyes was to sign the deal but pulled out.", "sign", Factuality.NEGATED),
    # ... or one told with a past 'be' and a perfect infinitive (unfulfilled)
    ("Tom Reyes was to have visited Oslo on Monday.", "visited", Factuality.NEGATED),
    # a plan with nothing against it stays a plan
    ("Tom Reyes was to visit Oslo on Monday.", "visit", Factuality.EXPECTED),
    ("Tom Reyes planned to visit Oslo, and booked the trip.", "visit", Factuality.EXPECTED),
    ("Tom Reyes hoped to sell the farm, but the bank refused.", "sell", Factuality.POSSIBLE),
])
def test_a_plan_called_off_did_not_happen(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # a past adverbial clause tells what happened, whatever the plan it hangs on
    ("Tom Reyes had planned to meet Lena Marsh before the storm hit Oslo.", "hit",
     Factuality.ASSERTED),
    # ... and is as sure as the report it is part of
    ("Lena Marsh alleged that the bank failed because Tom Reyes stole the money.", "stole",
     Factuality.REPORTED),
    # ... while a condition stays one
    ("Tom Reyes would resign if the court ruled against him.", "ruled", Factuality.POSSIBLE),
])
def test_a_past_adverbial_clause_is_no_part_of_the_plan(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


def test_a_planned_visit_called_off_is_negated():
    called_off = fact_rows("Lena Marsh met Tom Reyes during his planned visit to Oslo, which "
                           "was cancelled.")
    still_on = fact_rows("Lena Marsh discussed the planned visit of Tom Reyes to Oslo.")
    assert [fact for _, lemma, _, fact in called_off if lemma == "visit"] == ["negated"]
    assert [fact for _, lemma, _, fact in still_on if lemma == "visit"] == ["expected"]


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # what someone argues, maintains or boasts is their claim, passed on
    ("Tom Reyes argued that Harlow Bank had cheated him.", "cheated", Factuality.REPORTED),
    ("Tom Reyes maintained that he had repaid the loan.", "repaid", Factuality.REPORTED),
    ("Tom Reyes boasted that he had bought the club.", "bought", Factuality.REPORTED),
    # ... what someone says or confirms stays the writer's
    ("Tom Reyes said that he had repaid the loan.", "repaid", Factuality.ASSERTED),
    ("Tom Reyes confirmed that he had repaid the loan.", "repaid", Factuality.ASSERTED),
])
def test_an_argued_clause_is_reported(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # a subject or an object that names no one denies the act
    ("Tom Reyes visited neither Oslo nor Kestrel.", "visited", Factuality.NEGATED),
    ("Neither Tom Reyes nor Lena Marsh attended the Harlow summit.", "attended",
     Factuality.NEGATED),
    ("No member of the Harlow council attended the summit.", "attended", Factuality.NEGATED),
    ("Nobody met Tom Reyes at the station.", "met", Factuality.NEGATED),
    # ... a named one does not
    ("Tom Reyes visited both Oslo and Kestrel.", "visited", Factuality.ASSERTED),
])
def test_an_argument_naming_no_one_negates(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


def test_an_attempt_laid_on_someone_else_is_reported_with_its_deed():
    laid = fact_rows("Lena Marsh said Tom Reyes is trying to buy the Harlow council.")
    own = fact_rows("Tom Reyes said he was trying to buy the Brenna farm.")
    assert {(lemma, fact) for _, lemma, _, fact in laid} == \
        {("buy", "reported"), ("try to buy", "reported")}
    assert {(lemma, fact) for _, lemma, _, fact in own} == \
        {("buy", "possible"), ("try to buy", "asserted")}


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # an impeachment lays the deed on someone, as an indictment does
    ("In 1998, Tom Reyes was impeached for lying to the council and obstructing its inquiry.",
     "obstructing", Factuality.REPORTED),
    # ... a conviction finds it
    ("Tom Reyes was convicted of lying to the council.", "lying", Factuality.ASSERTED),
])
def test_an_impeachment_lays_the_deed(nlp, text, verb, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert judge_factuality(token, load_vocabulary()) is expected


def test_a_clause_hung_on_a_quote_across_a_colon_is_not_what_the_quote_asks(nlp):
    # the parser hangs 'voiced' on the quoted 'let' across the colon inside its own words
    doc = nlp("Lena Marsh has publicly voiced support for the inquiry, telling the Harlow Post: "
              "\"I'm a fan of oversight, so let's let the council get to work.\"")
    voiced = next(t for t in doc if t.text == "voiced")
    assert judge_factuality(voiced, load_vocabulary()) is Factuality.ASSERTED
