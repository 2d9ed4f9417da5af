"""Dates normalised against the article's date, at the precision the text gives."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.dates import is_anchored, is_range, is_uncounted_ago, normalize_time


@pytest.mark.parametrize(("text", "base", "expected"), [
    ("Wednesday", "2023-09-15", "2023-09-13"),
    ("on Monday", "2024-03-04", "2024-03-04"),       # the article's own weekday is that day
    ("last Friday", "2023-09-15", "2023-09-08"),     # ... unless it says 'last'
    ("Sunday", "2023-09-15", "2023-09-10"),
    ("Thursday (Sept 14)", "2023-10-01", "2023-09-14"),
    ("July 2000", None, "2000-07"),
    ("2019", None, "2019"),
    ("1 October 2023", None, "2023-10-01"),
    ("Wednesday", None, None),                       # never guessed from the clock
    ("last week", "2023-09-15", None),
    ("the 1950s", "2023-09-15", None),
])
def test_normalize_time(text, base, expected):
    assert normalize_time(text, base) == expected


@pytest.mark.parametrize(("text", "base", "expected"), [
    ("Monday", "2023-09-15", "2023-09-18"),          # 'will meet on Monday': the next one
    ("on Friday", "2023-09-15", "2023-09-15"),       # the article's own weekday is that day
    ("last Friday", "2023-09-15", "2023-09-08"),     # 'last' still goes back
    ("March 10", "2020-03-02", "2020-03-10"),        # 'is to vote on March 10'
    ("March 10", "2020-03-20", "2021-03-10"),
    ("1 October 2023", None, "2023-10-01"),          # a full date is as written
])
def test_a_date_still_to_come_is_counted_forward(text, base, expected):
    assert normalize_time(text, base, ahead=True) == expected


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
       st.sampled_from(_DAYS), st.booleans())
def test_a_weekday_lies_within_the_week_on_its_side_of_the_article(base, day, ahead):
    found = date.fromisoformat(normalize_time(day, base.isoformat(), ahead=ahead) or "")
    assert found.strftime("%A") == day
    assert 0 <= ((found - base).days if ahead else (base - found).days) <= 6


@pytest.mark.parametrize("text", ["a few weeks", "three days", "several months", "two years",
                                  "hours"])
def test_a_length_of_time_is_a_duration(text):
    from kg.dates import is_duration

    assert is_duration(text)


@pytest.mark.parametrize("text", ["a few weeks ago", "last week", "this year", "Monday",
                                  "March 3", "2019", "the next day", "this morning"])
def test_a_time_anchored_in_the_calendar_is_no_duration(text):
    from kg.dates import is_duration

    assert not is_duration(text)


@pytest.mark.parametrize(("text", "base", "expected"), [
    ("this year", "2021-05-04", "2021"),
    ("Last year", "2021-05-04", "2020"),
    ("March of this year", "2021-05-04", "2021-03"),
    ("June 8 last year", "2021-05-04", "2020-06-08"),
    ("Saturday afternoon", "2021-05-04", "2021-05-01"),   # 2021-05-04 is a Tuesday
    ("early yesterday morning", "2021-05-04", "2021-05-03"),
    ("this evening", "2021-05-04", "2021-05-04"),
    ("last night", "2021-05-04", "2021-05-03"),
    ("this year", None, None),                            # never from the clock
])
def test_a_year_or_a_part_of_the_day_is_counted_from_the_article(text, base, expected):
    assert normalize_time(text, base) == expected


@pytest.mark.parametrize(("text", "interval"), [
    ("June 3 to 9", "2020-06-03/2020-06-09"), ("October 4 and 5", "2020-10-04/2020-10-05"),
    ("between 1994 and 1998", "1994/1998"), ("1994-1998", "1994/1998"),
    ("from May 2 until June 9", "2020-05-02/2020-06-09")])
def test_a_span_is_no_one_date(text, interval):
    """Neither end alone: the interval of both (ISO 8601 'start/end'), never a single date."""
    assert is_range(text)
    assert normalize_time(text, "2021-05-04") == interval


@pytest.mark.parametrize(("text", "base", "ahead", "interval"), [
    ("April 11 to 14 of last year", "2022-02-01", False, "2021-04-11/2021-04-14"),
    ("December 29 to January 2", "2023-01-20", False, "2022-12-29/2023-01-02"),
    ("May 20 and 21", "2023-05-02", True, "2023-05-20/2023-05-21"),
    ("August 3 to 5, 2011", "2023-05-02", False, "2011-08-03/2011-08-05"),
    ("2017 to 2009", "2023-07-01", False, None),      # an end before its start: no interval
])
def test_a_spans_ends_share_what_one_of_them_writes(text, base, ahead, interval):
    """The start takes the year the end writes, the end the month the start writes; the end
    of a past span lies before the article, its start before its end."""
    assert normalize_time(text, base, ahead=ahead) == interval


@pytest.mark.parametrize(("text", "base", "ahead", "expected"), [
    ("August", "2020-06-10", False, "2019-08"),       # 'met in August': the last August
    ("August", "2020-06-10", True, "2020-08"),        # 'will meet in August': the next one
    ("in June", "2020-06-10", False, "2020-06"),      # the article's own month is this one
    ("late February", "2019-05-20", False, "2019-02"),
    ("early November", "2019-05-20", True, "2019-11"),
    ("last month", "2019-01-05", False, "2018-12"),
    ("next month", "2019-12-05", True, "2020-01"),
    ("Sept", "2019-12-05", False, None),              # an abbreviation alone is no month here
    ("August", None, False, None),                    # never guessed from the clock
])
def test_a_month_without_its_year_is_counted_from_the_article(text, base, ahead, expected):
    assert normalize_time(text, base, ahead=ahead) == expected


@pytest.mark.parametrize("text", ["June 3", "1994", "Saturday afternoon", "the 1990s"])
def test_a_single_date_is_no_span(text):
    assert not is_range(text)


@pytest.mark.parametrize(("text", "anchored"), [
    ("the same day", True), ("six years earlier", True), ("that night", True),
    ("the next day", True), ("later in the week", True), ("the following month", True),
    ("Tuesday", False), ("last year", False), ("later in 2016", False), ("this morning", False),
])
def test_a_time_counted_from_another_event_is_anchored(text, anchored):
    assert is_anchored(text) is anchored


@pytest.mark.parametrize(("text", "expected"), [
    ("two years ago", "2019"), ("a year ago", "2020"), ("12 years ago", "2009"),
    ("some years ago", None), ("three weeks ago", None),
])
def test_a_counted_number_of_years_ago_is_a_year(text, expected):
    assert normalize_time(text, "2021-05-04") == expected


@pytest.mark.parametrize(("text", "uncounted"), [
    ("years ago", True), ("some years ago", True), ("weeks ago", True),
    ("two years ago", False), ("last year", False),
])
def test_an_uncounted_stretch_ago_dates_nothing(text, uncounted):
    assert is_uncounted_ago(text) is uncounted


@pytest.mark.parametrize(("text", "spans"), [
    ("2024-06-19", False),
    ("1998-1-5", False),
    ("2009-2017", True),
    ("from 2024-06-19 to 2024-06-21", True),
])
def test_an_iso_dates_hyphens_join_no_span(text, spans):
    """'2024-06-19' is one day, not 2024 to June; two ISO dates joined by 'to' are a span."""
    assert is_range(text) is spans


@pytest.mark.parametrize(("text", "base", "expected"), [
    ("August", "2020-06-10", "2020-08"),     # 'was to end in August': two months on
    ("December", "2020-01-20", "2019-12"),   # ... or one month back
    ("June", "2020-06-10", "2020-06"),
    ("October 9", "2019-10-03", "2019-10-09"),   # a day: six days on, not a year back
    ("Saturday", "2019-10-03", "2019-10-05"),
    ("last Friday", "2019-10-03", "2019-09-27"),  # 'last' still goes back
    ("March 10", "2023-09-15", "2023-03-10"),    # about as far either way: the one behind
])
def test_a_month_expected_back_then_is_the_nearer_one(text, base, expected):
    assert normalize_time(text, base, nearest=True) == expected


@pytest.mark.parametrize("text", ["13", "at 14", "aged 9", "the 5th"])
def test_a_number_without_a_month_is_no_day(text):
    """'his daughter, aged 13', 'the most seats, at 14': the tagger's DATE is a number."""
    assert normalize_time(text, "2021-05-04") is None


@pytest.mark.parametrize(("text", "expected"), [("13", True), ("at 14", True),
                                                ("March 14", False), ("1994", False)])
def test_a_bare_number_is_told_from_a_date(text, expected):
    from kg.dates import is_bare_number
    assert is_bare_number(text) is expected


@pytest.mark.parametrize("text", ["span of one week", "the course of three days",
                                  "a period of two years"])
def test_a_stretch_named_as_such_is_a_duration(text):
    """'In the span of one week, three storms hit the coast': how long, not when."""
    from kg.dates import is_duration
    assert is_duration(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("2140 Tuesday night, UTC", "2021-06-08"),   # 21:40 on the Tuesday before the article
    ("0615 GMT on Tuesday", "2021-06-08"),
    ("1830 hours Tuesday", "2021-06-08"),
    ("in 2140", "2140"),                          # a year alone stays a year
    ("June 8, 2021", "2021-06-08"),
])
def test_a_four_digit_clock_time_is_not_a_year(text, expected):
    """'The tremor was felt at 5:40 a.m. (2140 Tuesday night, UTC)': the UTC clock reading
    is a time of day, not the year 2140."""
    assert normalize_time(text, "2021-06-10") == expected
