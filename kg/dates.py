"""Normalise time expressions against the article's own date, never against the clock.

Using today's date would make the graph depend on when it was built; a relative expression
('on Wednesday') in an undated article stays un-normalised instead.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache, lru_cache

from kg.lexicon import time_words

_YEAR = re.compile(r"^(?:in |since |by |the year )?((?:1[89]|20|21)\d\d)s?$", re.I)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_YEAR = re.compile(r"^(?:in |since |by )?([a-z]+)\.? ((?:1[89]|20|21)\d\d)$", re.I)
_HAS_DAY = re.compile(r"\b(\d{1,2}(?:st|nd|rd|th)?|monday|tuesday|wednesday|thursday|friday|"
                      r"saturday|sunday|today|yesterday|tomorrow)\b", re.I)
_NAMES_DAY = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|"
                        r"wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow)",
                        re.I)
# A four-digit 24-hour clock time ('2053 Wednesday night, UTC', '1430 GMT on Monday'): not a
# year, though it looks like one; the time of day dates nothing beyond its day.
_CLOCK = re.compile(r"\b(?:[01]\d|2[0-3])[0-5]\d\b(?:\s*(?:h|hrs|hours|utc|gmt|local time)\b"
                    r"|(?=\s*(?:mon|tues|wednes|thurs|fri|satur|sun)day\b))", re.I)
_VAGUE = re.compile(r"\b(week|weeks|months|years|decade|century|ago|recent|several|few|next|"
                    r"later|earlier|season|spring|summer|autumn|fall|winter|era)\b", re.I)


_DURATION = re.compile(
    r"^(?:(?:the |a )?(?:span|course|period|space) of\s+)?"  # 'in the span of one week'
    r"(?:(?:a|an|the|some|few|a few|several|many|a couple of|couple of|dozens of|\d+|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|twelve|twenty)\s+)?"
    r"(?:more\s+|full\s+|long\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
    r"decades?)$", re.I)


def is_duration(text: str) -> bool:
    """Whether a date phrase is only a length of time ('a few weeks', 'three days'): in 'was
    killed a few weeks after she posted' or 'talked for three days' it measures an interval
    and says not when the event happened ('ago', 'last', 'this' anchor a phrase and make it a
    time)."""
    return _DURATION.match(" ".join(text.split()).strip(" ,.")) is not None


def is_bare_number(text: str) -> bool:
    """Whether a 'date' the tagger found is only a small number ('Marisol, aged 13', 'the most
    delegates, at 14'): no month or weekday makes it a day, so it is no time at all."""
    return re.fullmatch(r"(?:at |aged |age )?\d{1,2}(?:st|nd|rd|th)?",
                        " ".join(text.lower().split()).strip(" ,.")) is not None


_YEAR_IN = re.compile(r"\b(?:1[89]|20|21)\d\d\b")
_RELATIVE_YEAR = re.compile(r"(?:\bof\s+)?\b(this|last|next)\s+year\b", re.I)
_YEAR_STEP = {"this": 0, "last": -1, "next": 1}


def is_anchored(text: str) -> bool:
    """Whether a time phrase counts from another event of the story ('the same day', 'four
    years earlier', 'that night', 'the next day'), not from the article's date: without its
    anchor it says no time. A phrase that writes its year ('later in 2019') is not."""
    words = time_words()
    phrase = " ".join(text.lower().split()).strip(" ,.")
    if _YEAR_IN.search(phrase):
        return False
    return any(w in words.anchored_words for w in re.findall(r"[a-z]+", phrase)) or \
        any(phrase == o or phrase.startswith(o + " ") for o in words.anchored_openers)


_ISO_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b")  # its hyphens join no span


def is_range(text: str) -> bool:
    """Whether one date phrase spans two times ('March 15 to 17', 'December 5 and 6',
    'between 2003 and 2005', '2009-2017'): its start alone is not when the whole happened."""
    phrase = _ISO_DATE.sub(" date ", " ".join(text.lower().split()))
    if phrase.startswith("between "):
        return True
    tokens = re.findall(r"[a-z]+|\d+|[-\u2013\u2014]", phrase)
    joiners = [i for i, t in enumerate(tokens) if t in time_words().range_words]
    return any(0 < i < len(tokens) - 1 and (tokens[i - 1].isdigit() or tokens[i - 1] == "date")
               and (tokens[i + 1].isdigit() or tokens[i + 1] == "date"
                    or _month_number(tokens[i + 1]) is not None)
               for i in joiners)


_YEARS_AGO = re.compile(r"^(\w+) years? ago$", re.I)


def _count(word: str) -> int | None:
    """A written count: '3' or 'three' (``count_words``), else None."""
    return int(word) if word.isdigit() else time_words().count_words.get(word.lower())


def is_uncounted_ago(text: str) -> bool:
    """Whether a phrase counts back an unknown stretch ('years ago', 'some years ago', 'weeks
    ago'): it dates nothing; a counted one ('two years ago') is a year."""
    words = text.lower().split()
    return bool(words) and words[-1] == "ago" and not any(_count(w) for w in words[:-1])


def _years_ago(phrase: str, base_date: str | None) -> str | None:
    """'two years ago' in an article of 2019: '2017'; None for any other phrase."""
    match = _YEARS_AGO.match(phrase)
    if match is None or base_date is None or (count := _count(match.group(1))) is None:
        return None
    return str(datetime.fromisoformat(base_date).year - count)


def _day_of(phrase: str) -> str:
    """The day a phrase names without its part of the day or edge ('early yesterday morning'
    -> 'yesterday', 'Saturday afternoon' -> 'Saturday', 'tonight' -> 'today')."""
    words = time_words()
    lowered = phrase.lower()
    if lowered in words.day_part_days:
        return words.day_part_days[lowered]
    kept = phrase.split()
    while kept and kept[0].lower() in words.edge_words:
        kept = kept[1:]
    while len(kept) > 1 and kept[-1].lower() in words.day_parts:
        kept = kept[:-1]
    rest = " ".join(kept)
    return words.day_part_days.get(rest.lower(), rest)


def _with_year(phrase: str, base_date: str | None) -> str:
    """'this year', 'March of last year', 'March 20 last year' with the year written out,
    counted from the article's date; unchanged without one."""
    if base_date is None:
        return phrase
    year = datetime.fromisoformat(base_date).year
    return " ".join(_RELATIVE_YEAR.sub(
        lambda m: str(year + _YEAR_STEP[m.group(1).lower()]), phrase).split())


@lru_cache(maxsize=4096)  # a document's dates are asked for again by each verb and span
def normalize_time(text: str, base_date: str | None, *, ahead: bool = False,
                   nearest: bool = False) -> str | None:
    """ISO 8601 at the precision the text gives: '2019', '2000-07' or '2023-09-13'; else None.
    A date without its year or week is counted back from the article's date, or forward when
    ``ahead`` (what is still to happen: 'will meet on Monday', 'is to vote on March 10').
    So is a month without its year ('in August', 'late February'), or with ``nearest`` (an
    expectation told in the past: 'was to end in August') it is the nearer such month on
    either side; 'last month' is the one before the article's. 'This year', 'last year' and
    'two years ago' count from the article's year; a part of the day ('Saturday afternoon',
    'early yesterday') dates to the day. A span ('March 15 to 17', '2009-2017') has no one
    date: it is an ISO 8601 interval of its two ends ('2019-03-15/2019-03-17') when both can
    be dated, else None."""
    if nearest and not ahead and base_date is not None:
        return _nearer(normalize_time(text, base_date),
                       normalize_time(text, base_date, ahead=True), base_date)
    phrase = " ".join(text.replace("(", " ").replace(")", " ").split()).strip(" ,.")
    phrase = _CLOCK.sub("", phrase).strip(" ,.")
    if is_range(phrase):
        return _span(phrase, base_date, ahead)
    if years := _years_ago(phrase, base_date):
        return years
    phrase = _with_year(_day_of(phrase), base_date)
    if match := _YEAR.match(phrase):
        return match.group(1)
    if (match := _MONTH_YEAR.match(phrase)) and _month_number(match.group(1)):
        return f"{match.group(2)}-{_month_number(match.group(1)):02d}"
    if (month := _month_alone(phrase, base_date, ahead)) is not None:
        return month
    if _VAGUE.search(phrase) or not _HAS_DAY.search(phrase):
        return None
    has_year = re.search(r"\b(1[89]|20|21)\d\d\b", phrase) is not None
    if not has_year and (base_date is None or not _NAMES_DAY.search(phrase)):
        return None  # 'aged 13', 'the most delegates, at 14': a number, no day of a month
    if base_date and (weekday := _weekday(phrase)) is not None:
        # 'on Monday' in an article dated a Monday is that day, not a week before.
        base = datetime.fromisoformat(base_date).date()
        if ahead and not phrase.lower().startswith(("last", "past")):
            return (base + timedelta(days=(weekday - base.weekday()) % 7)).isoformat()
        back = (base.weekday() - weekday) % 7 or (7 if phrase.lower().startswith("last") else 0)
        return (base - timedelta(days=back)).isoformat()
    parsed = _parse(phrase, base_date, "future" if ahead else "past")
    return parsed.date().isoformat() if parsed else None


_MONTH_ALONE = re.compile(r"^(?:in |of )?([a-z]+)\.?$", re.I)
_RELATIVE_MONTH = re.compile(r"^(last|this|next) month$", re.I)


def _month_alone(phrase: str, base_date: str | None, ahead: bool) -> str | None:
    """'August' (its edge words already cut: 'late February') or 'last month' as a year and
    month: the latest such month up to the article's own, with ``ahead`` the next from it;
    None without an article date or for any other phrase."""
    if base_date is None:
        return None
    base = datetime.fromisoformat(base_date)
    if match := _RELATIVE_MONTH.match(phrase):
        index = base.year * 12 + base.month - 1 + _YEAR_STEP[match.group(1).lower()]
        return f"{index // 12}-{index % 12 + 1:02d}"
    match = _MONTH_ALONE.match(phrase)
    if match is None or match.group(1).lower() not in _MONTHS:
        return None  # a full month name only: 'Jan' or 'Sept' alone is no month here
    month = _MONTHS.index(match.group(1).lower()) + 1
    year = base.year + (month < base.month if ahead else -(month > base.month))
    return f"{year}-{month:02d}"


_SPAN_SPLIT = re.compile(r"\s*(?:\b(?:to|until|till|through|thru|and)\b|[-\u2013\u2014])\s*",
                         re.I)


def _span(phrase: str, base_date: str | None, ahead: bool) -> str | None:
    """'March 15 to 17', 'from 2009 to 2017', 'December 5 and 6' as an ISO 8601 interval
    ('2019-03-15/2019-03-17'): the start borrows the year the end writes ('July 13 to 17 of
    last year') and the end the month the start writes; None unless both ends date at one
    precision, the end not before the start."""
    words = _with_year(re.sub(r"^(?:from|between)\s+", "", phrase, flags=re.I), base_date)
    parts = [p.replace("\u2012", "-") for p in _SPAN_SPLIT.split(_ISO_DATE.sub(
        lambda m: m.group(0).replace("-", "\u2012"), words)) if p]
    if len(parts) != 2:
        return None
    first, last = parts
    if first.split()[-1].isdigit() and last.split()[0].strip(",").isdigit() and \
            _month_number(first.split()[0]) is not None and \
            _month_number(last.split()[0]) is None:
        last = f"{first.split()[0]} {last}"  # 'March 15 to 17': the 17th of March
    if (year := _YEAR_IN.search(last)) and not _YEAR_IN.search(first):
        first = f"{first} {year.group(0)}"
    if ahead:  # the start lies ahead of the article, the end ahead of the start
        start = normalize_time(first, base_date, ahead=True)
        end = normalize_time(last, _day_or(start, base_date), ahead=True)
    else:  # the end lies before the article, the start before the end
        end = normalize_time(last, base_date)
        start = normalize_time(first, _day_or(end, base_date))
    if start is None or end is None or len(start) != len(end) or end < start:
        return None
    return f"{start}/{end}"


def _nearer(past: str | None, future: str | None, base_date: str) -> str | None:
    """Of a date counted back and the same counted forward, the one nearer the article's date.
    News tells mostly what has happened, so the one ahead must be less than half as far
    ('was scheduled for March 10' in a September article stays the March behind it)."""
    if past is None or future is None or past == future:
        return past or future

    def distance(value: str) -> int:
        start = value.split("/")[0]
        day = start + "-01-01"[len(start) - 4:] if len(start) < 10 else start
        return abs((datetime.fromisoformat(day) - datetime.fromisoformat(base_date)).days)

    return future if 2 * distance(future) < distance(past) else past


def _day_or(date: str | None, base_date: str | None) -> str | None:
    """A day that one end of a span counts the other from, else the article's date."""
    return date if date is not None and len(date) == 10 else base_date


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday(phrase: str) -> int | None:
    """The weekday of a bare 'Monday' / 'on Monday' / 'last Monday', else None."""
    words = phrase.lower().split()
    if words and words[0] in {"on", "last", "this", "past"}:
        words = words[1:]
    return _WEEKDAYS.index(words[0]) if len(words) == 1 and words[0] in _WEEKDAYS else None


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    for number, name in enumerate(_MONTHS, start=1):
        if len(word) >= 3 and name.startswith(word[:3]) and (word == name or len(word) <= 4):
            return number
    return None


@cache
def _parse(phrase: str, base_date: str | None, prefer: str = "past") -> datetime | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False}
    if base_date:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base_date)
    else:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    try:
        return dateparser.parse(phrase, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
