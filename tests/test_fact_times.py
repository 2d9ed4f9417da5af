"""The time on a fact: at most one, its own clause's, never a span's end alone, a report's
date, or a time counted from another event of the story (kg.extract.verb_roles.add_time,
kg.dates). Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import corpus_of

from kg.model import Fact, ResolvedCorpus


def times_of(corpus: ResolvedCorpus, lemma: str) -> list[list[str | None]]:
    """The normalised times of every fact of ``lemma`` (the words when none)."""
    facts: list[Fact] = [f for f in corpus.facts if f.lemma == lemma]
    assert facts, [f.lemma for f in corpus.facts]
    return [[r.normalized or r.mention.text for r in f.roles if r.name.value == "time"]
            for f in facts]


@pytest.mark.parametrize("text", ["Greta Holm led the orchestra from 1994 to 2002.",
                                  "Greta Holm led the orchestra from 1994 until 2002."])
def test_a_span_of_years_gives_no_single_year(text):
    times = times_of(corpus_of(text, date="2021-05-04"), "lead")
    assert not {t for found in times for t in found} & {"1994", "2002"}, times


def test_a_time_counted_from_another_event_is_no_time():
    corpus = corpus_of("Six years earlier, Tomas Brandt founded the cooperative.",
                       date="2021-05-04")
    assert times_of(corpus, "found") == [[]]


def test_the_same_day_is_no_time():
    corpus = corpus_of("Tomas Brandt resigned the same day.", date="2021-05-04")
    assert times_of(corpus, "resign") == [[]]


def test_a_reports_date_is_not_the_reported_events():
    corpus = corpus_of("According to a report on Monday by the Ledger, two thieves stole the "
                       "paintings.", date="2021-05-04")
    assert times_of(corpus, "steal") == [[]]


def test_a_part_of_the_day_dates_the_event_to_its_day():
    corpus = corpus_of("Greta Holm resigned on Saturday afternoon.", date="2021-05-04")
    assert times_of(corpus, "resign") == [["2021-05-01"]]


def test_two_objects_with_a_time_each_share_neither():
    corpus = corpus_of("The ministry reported a 40% vaccination rate on April 2, and the last "
                       "flu death during the outbreak on April 20.", date="2021-05-04")
    times = times_of(corpus, "report")
    assert times == [[], []], times  # each date is one object's: neither is both


@pytest.mark.parametrize("when", ["this evening", "yesterday"])
def test_a_quoted_day_is_not_counted_from_the_article(when):
    corpus = corpus_of(f'The mayor wrote "we mourn Anna Reyes, who died {when}."',
                       date="2021-05-04")
    times = {t for found in times_of(corpus, "die") for t in found}
    assert not times & {"2021-05-04", "2021-05-03"}, times  # the speaker's day, not known


def test_a_fact_has_one_time_its_nearest():
    corpus = corpus_of("On Sunday, the state of emergency begun on August 2 over a flu "
                       "outbreak ended in Velmora.", date="2021-05-04")
    assert times_of(corpus, "begin") == [["2020-08-02"]]  # not also Sunday, the ending's


def test_a_span_in_one_phrase_keeps_both_ends_undated():
    corpus = corpus_of("From June 3 to 9, the city of Velmora hosted the regatta.",
                       date="2021-05-04")
    times = [t for found in times_of(corpus, "host") for t in found]
    assert all(t.endswith("9") and "3" in t for t in times), times  # never '2021-06-03'


def test_years_ago_without_a_count_is_no_time():
    corpus = corpus_of("Tomas Brandt was convicted of fraud years ago.", date="2021-05-04")
    assert times_of(corpus, "convict") == [[]]


def test_a_counted_years_ago_is_the_year():
    corpus = corpus_of("Tomas Brandt was convicted of fraud two years ago.", date="2021-05-04")
    assert times_of(corpus, "convict") == [["2019"]]


@pytest.mark.parametrize("prep", ["through", "until", "by"])
def test_where_an_event_stops_or_is_due_is_not_when_it_happened(prep):
    corpus = corpus_of(f"The council funded the harbour museum {prep} November.",
                       date="2021-05-04")
    assert times_of(corpus, "fund") == [[]]


def test_a_span_cut_in_two_by_the_parser_is_one_interval():
    corpus = corpus_of("Greta Holm led the orchestra from 1994 until 2002.", date="2021-05-04")
    assert times_of(corpus, "lead") == [["1994/2002"]]


def test_a_date_between_a_named_subject_and_its_verb_is_the_verbs():
    corpus = corpus_of("Norwegian charity Nord-Aid on Sunday renamed its ship.",
                       date="2021-05-04")
    assert times_of(corpus, "rename") == [["2021-05-02"]]


@pytest.mark.parametrize(("text", "lemma", "expected"), [
    ("In August, Greta Holm signed the lease.", "sign", "2020-08"),
    ("Greta Holm signed the lease in late March.", "sign", "2021-03"),
])
def test_a_month_without_its_year_is_the_latest_before_the_article(text, lemma, expected):
    assert times_of(corpus_of(text, date="2021-05-04"), lemma) == [[expected]]


def test_a_month_expected_back_then_is_the_nearer_one():
    corpus = corpus_of("Greta Holm's lease was to end in August.", date="2021-06-04")
    times = [t for found in times_of(corpus, "end") for t in found]
    assert times == ["2021-08"], times  # not August of last year


def test_an_age_read_as_a_date_is_no_time():
    corpus = corpus_of("Tomas Brandt secured the most seats, at 14, followed by Greta Holm, "
                       "with 12.", date="2021-05-04")
    times = [t for found in times_of(corpus, "secure") for t in found]
    assert times == [], times


def test_a_named_stretch_of_time_is_no_time():
    corpus = corpus_of("In the span of one week, three storms flooded the harbour of Velmora.",
                       date="2021-05-04")
    assert times_of(corpus, "flood") == [[]]


@pytest.mark.parametrize(("text", "lemma", "expected"), [
    ("The Velmora ferry resumes its service on October 9.", "resume", "2021-10-09"),
    ("Greta Holm signs the lease on Monday.", "sign", "2021-10-04"),
])
def test_a_date_told_in_the_present_is_the_nearer_one(text, lemma, expected):
    """The present tells a scheduled event (a week ahead) or a headline's recent one alike:
    the nearer such date, not always the one a year back."""
    assert times_of(corpus_of(text, date="2021-10-05"), lemma) == [[expected]]
