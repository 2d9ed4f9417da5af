"""Dates normalised against the article's date, at the precision the text gives."""

from __future__ import annotations

import pytest

from kg.dates import normalize_time


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
