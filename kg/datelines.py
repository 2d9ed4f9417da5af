"""Datelines and date stamps: 'MODESTO, Calif. (AP) — ' before the story, and 'Published: 12
March 2024' or 'Last updated: ...' lines around it.

News opens with where (and sometimes when, and through which agency) a story was filed. Left in
the text, that stamp is glued to the first sentence and the parser reads the city as its
subject; read here, it is blanked from the body (same length, so offsets still index the file)
and kept on the Document, so the lede parses alone and the place still reaches the graph.

Only a shape prose does not take is read as a dateline: a place in capitals ('SEOUL') or one
the gazetteer knows ('Berlin'), then optionally a region, a date and an agency, then a dash or
colon, or the end of the line after the agency ('KELSO, Scotland (PA)' on a line of its own, as
some wires print it). 'However, ...' and 'Yesterday, ...' have no dash and name no place, so
they stay prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from kg.dates import normalize_time
from kg.gazetteer import can_contain, lookup, region_countries
from kg.lexicon import data_file, source_lines, state_abbreviations
from kg.model import Dateline

HEAD_CHARS = 1500  # a dateline opens the story: look no further than the first lines
HEAD_LINES = 8

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
         rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|{_DAY}[ \t]+{_MONTH},?[ \t]+\d{{4}}"
         rf"|{_MONTH}[ \t]+{_DAY}(?:,?[ \t]+\d{{4}})?)")
_CAPS_WORD = r"[A-Z][A-Z'’.\-]*"
_TITLE_WORD = r"[A-Z][a-z'’\-]+\.?"
_REGION_WORD = r"[A-Z][A-Za-z'’.\-]*"
_DATELINE = re.compile(
    rf"[ \t]*(?P<place>{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,3}}"
    rf"|{_TITLE_WORD}(?:[ \t]+{_TITLE_WORD}){{0,2}})"
    rf"(?:,[ \t]+(?P<region>{_REGION_WORD}(?:[ \t]+{_REGION_WORD}){{0,2}}))?"
    rf"(?:,[ \t]+(?P<date>{_DATE}))?"
    rf"(?:[ \t]*\((?P<agency>[A-Z][^()\n]{{0,38}})\))?"
    rf"[ \t]*(?P<sep>—|–|--|:|-(?=\s|$)|(?<=\))(?=[ \t]*$))")
_TIME = (r"(?:,?[ \t]+(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?"
         r"(?:[ \t]+(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|JST|KST))?)?")
_STAMP = re.compile(rf"(?im)^[ \t]*(?P<word>[a-z][a-z ]{{1,24}}?)[ \t]*:?[ \t]*"
                    rf"(?P<date>{_DATE}){_TIME}")


@dataclass(frozen=True)
class DateStamp:
    """A 'Published: 12 March 2024' line: where it is (to blank it) and what it says."""

    start: int
    end: int
    date: str | None
    published: bool


@cache
def _words() -> dict[str, frozenset[str]]:
    data = data_file("datelines.json")
    return {key: frozenset(value) for key, value in data.items() if not key.startswith("_")}


def read_dateline(body: str) -> Dateline | None:
    """The dateline opening the story, if one of its first lines starts with one.

    Reading stops at the first paragraph of prose: a stamp further down ('NEW YORK — ' in a
    round-up) opens a section, not the article."""
    for start, line in _head_lines(body):
        match = _DATELINE.match(body, start, start + len(line))
        dateline = _dateline(match) if match else None
        if dateline is not None:
            return dateline
        if _is_prose(line):
            return None
    return None


def _head_lines(body: str) -> Iterator[tuple[int, str]]:
    offset, seen = 0, 0
    for line in body[:HEAD_CHARS].split("\n"):
        if line.strip():
            yield offset, line
            seen += 1
            if seen == HEAD_LINES:
                return
        offset += len(line) + 1


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 8 and line.rstrip()[-1:] in {".", "!", "?", "\"", "”"}


def _dateline(match: re.Match[str]) -> Dateline | None:
    place = match.group("place").rstrip()
    region, date, agency = match.group("region"), match.group("date"), match.group("agency")
    capitals = place.upper() == place and sum(c.isalpha() for c in place) >= 2
    if place.lower().replace(".", "") in _words()["not_places"]:
        return None
    found = lookup(place)
    known = found is not None
    region_name = _region_name(region) if region else None
    if not capitals and not (known or region_name):
        return None  # 'However', 'Yesterday': no place the gazetteer knows
    if match.group("sep") == ":" and not ((known and capitals) or region_name or date or agency):
        return None  # 'Note:' and headings with a colon; a city in capitals may stand alone
    return Dateline(
        start=match.start("place"), end=match.end("sep"),
        place=found.name if found else (place.title() if capitals else place),
        place_start=match.start("place"), place_end=match.start("place") + len(place),
        region=region_name,
        region_start=match.start("region") if region_name else None,
        region_end=match.end("region") if region_name else None,
        date=_iso_date(date), agency=" ".join(agency.split()) if agency else None)


def _region_name(region: str) -> str | None:
    """'Calif.' -> 'California', 'Italy' -> 'Italy'; None for what contains no town."""
    folded = region.lower()
    if folded in state_abbreviations():
        return state_abbreviations()[folded]
    found = lookup(region)
    if found is not None and can_contain(region):
        return found.name
    # 'STOCKTON-ON-TEES, England', 'KINGSTON, Ontario': a nation or province of a country
    # (ISO 3166-2), which the city gazetteer does not hold as a container
    return " ".join(region.split()) if region_countries(region) else None


def _iso_date(text: str | None) -> str | None:
    """A full date only: 'Oct. 19' without a year is no publication date."""
    value = normalize_time(text, None) if text else None
    return value if value is not None and len(value) == 10 else None


def read_stamps(body: str) -> tuple[DateStamp, ...]:
    """Every 'Published: ...' / 'Last updated: ...' / 'date 2024-06-19' at a line start."""
    words = _words()
    stamps: list[DateStamp] = []
    for match in _STAMP.finditer(body):
        word = " ".join(match.group("word").lower().split())
        if word in words["published_stamps"] or word in words["updated_stamps"]:
            stamps.append(DateStamp(match.start("word"), match.end(),
                                    _iso_date(match.group("date")),
                                    published=word in words["published_stamps"]))
    return tuple(stamps)


def stamp_date(stamps: Iterable[DateStamp], *, published: bool) -> str | None:
    """The first dated stamp of the kind asked for."""
    return next((s.date for s in stamps if s.published is published and s.date), None)


def blank_spans(body: str, spans: Iterable[tuple[int, int]]) -> str:
    """Spaces for every character but line breaks in each span; the length never changes."""
    chars = list(body)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def is_citation_line(words: Sequence[str]) -> bool:
    """Whether a line's words are the citation of a monitored report ('LD0311120294 Moscow
    Interfax in English 1120 GMT 3 Nov 94', or only 'Paris AFP'), not a Title Case headline.

    Why: such a line has the capitals of a headline, and names read only in headlines are
    dropped as the recogniser's misreadings; but a citation line's city and outlet are names
    the line states (kg.extract.datelines reads the outlet's base from it). A report number
    (places.json source_lines.report_number) makes a line a citation wherever it stands (a
    headline may share the line; read as prose, the line gives only the outlet's base:
    kg.extract.places); without one, the line must be a city the gazetteer knows and an
    outlet's name and nothing else ('Paris AFP', 'Oslo Radio Fjord Network'), as
    kg.extract.datelines reads it."""
    words = [w for w in words if w.strip()]
    number = re.compile(source_lines()["report_number"])
    if any(number.match(w) for w in words):
        return True
    for size in (3, 2, 1):
        city, outlet = words[:size], words[size:]
        place = lookup(" ".join(city)) if len(words) > size else None
        if place is not None and place.kind == "city":
            return all(w[:1].isupper() and w.lower() not in set(source_lines()["stop_words"])
                       for w in outlet) and _outlet_name(outlet) and \
                lookup(" ".join(outlet)) is None
    return False


def _outlet_name(words: Sequence[str]) -> bool:
    """'AFP', 'Radio Fjord Network': in capitals, or ending in an outlet word."""
    letters = "".join(c for w in words for c in w if c.isalpha())
    return (len(letters) >= 2 and letters.isupper()) or \
        words[-1].lower() in source_lines()["outlet_words"]
