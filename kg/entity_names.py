"""What names are, beyond the recogniser: words that are never an entity alone, other names
of one thing (initialisms and long forms), and time-zone abbreviations.

The words and aliases are data (``kg/data/entity_names.json``); the time zones come from the
IANA database that ``zoneinfo`` reads (the ``tzdata`` package), so a new abbreviation needs
no edit here.
"""

from __future__ import annotations

import re
import unicodedata
import zoneinfo
from datetime import datetime
from functools import cache

from kg.lexicon import data_file


@cache
def _data() -> dict[str, object]:
    return data_file("entity_names.json")


def fold(text: str) -> str:
    """Case, accents, dots and hyphens folded away: 'U.N.' -> 'u n', 'Song-chol' -> 'song chol'."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9+]+", ascii_))


@cache
def never_alone() -> frozenset[str]:
    """Folded words that are no entity by themselves ('State', 'Court', 'LGBT')."""
    return frozenset(fold(w) for w in _data()["never_alone"])  # type: ignore[union-attr]


def is_never_alone(name: str) -> bool:
    """Whether a whole name is one of the words that never name a thing alone."""
    return fold(name) in never_alone()


@cache
def _introducer() -> re.Pattern[str]:
    words: list[str] = _data()["name_introducers"]  # type: ignore[assignment]
    kinds = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?i)\b(?:the|a|an)\s+(?:{kinds})\s+$")


def introduced_name(before: str) -> bool:
    """Whether the text right ``before`` a word introduces it as a name by its kind ('the
    journal ' before 'Science'): then even a word that is never a name alone is one."""
    return _introducer().search(before[-40:]) is not None


def known_aliases() -> dict[str, tuple[str, ...]]:
    """Each name the alias data keys a thing by, with its other names as written."""
    return {name: tuple(aliases)
            for name, aliases in _data()["aliases"].items()}  # type: ignore[union-attr]


@cache
def _alias_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(exact, folded): aliases written in capitals match as written ('WHO', 'U.N.'), others
    after folding; each to the name kg keys the thing by."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for name, aliases in _data()["aliases"].items():  # type: ignore[union-attr]
        folded[fold(name)] = name
        for alias in aliases:
            if alias.replace(".", "").isupper():
                exact[alias] = name
            else:
                folded[fold(alias)] = name
    return exact, folded


def known_name(text: str) -> str | None:
    """The name a known alias stands for ('ISIS' -> 'Islamic State'), the name itself for the
    name, or None when the data does not know it."""
    exact, folded = _alias_tables()
    return exact.get(text.strip()) or folded.get(fold(text))


@cache
def time_zones() -> frozenset[str]:
    """Abbreviations of the IANA time zones in winter and summer ('IST', 'CEST', 'UTC')."""
    names = set()
    for zone in zoneinfo.available_timezones():
        try:
            info = zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            continue
        for month in (1, 7):
            abbreviation = datetime(2020, month, 1, tzinfo=info).tzname()
            if abbreviation and abbreviation.isalpha():
                names.add(abbreviation)
    return frozenset(names)


@cache
def family_names_first() -> frozenset[str]:
    """Family names East Asian names write first ('Pak', 'Xi', 'Nguyen'), folded."""
    return frozenset(fold(w) for w in _data()["family_names_first"])  # type: ignore[union-attr]


@cache
def ship_prefixes() -> frozenset[str]:
    """Prefixes of a vessel's name as written ('USS', 'H.M.S.')."""
    return frozenset(_data()["ship_prefixes"])  # type: ignore[arg-type]


@cache
def name_part_titles() -> frozenset[str]:
    """Titles written as part of a person's name ('Pope' of 'Pope Clement'), lower case: a
    role word before a name is cut off it, these are not."""
    return frozenset(_data()["name_part_titles"])  # type: ignore[arg-type]


_INNER_CAPITAL = re.compile(r"^([A-Z][a-z]+)[A-Z][A-Za-z]*$")


def brand_shaped(word: str) -> bool:
    """'SpaceX', 'YouTube': one word with a capital after small letters inside it, which a
    person's name has only after a surname prefix ('McArthur', 'DeWine';
    ``surname_inner_capital_prefixes``)."""
    shape = _INNER_CAPITAL.match(word)
    return shape is not None and shape.group(1).lower() not in _surname_prefixes()


@cache
def _surname_prefixes() -> frozenset[str]:
    return frozenset(_data()["surname_inner_capital_prefixes"])  # type: ignore[arg-type]


@cache
def title_prefixes(when: str) -> frozenset[str]:
    """Titles written before a person's name, folded, that name keys drop ``when``: 'any'
    ('president': before any name, and alone a title), 'honorific' ('mr': before any name,
    alone nothing), 'full_name' ('representative': only before a full name)."""
    prefixes: dict[str, str] = _data()["title_prefixes"]  # type: ignore[assignment]
    if when not in set(prefixes.values()):
        raise ValueError(f"no title prefixes are dropped {when!r}")
    return frozenset(word for word, flag in prefixes.items() if flag == when)


@cache
def dummy_it() -> re.Pattern[str]:
    """What follows a dummy 'it' that stands for no thing ('it is commonplace for ...'),
    matched right after the 'it'; words from ``dummy_it`` in the data."""
    words: dict[str, list[str]] = _data()["dummy_it"]  # type: ignore[assignment]

    def one_of(key: str) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words[key])

    return re.compile(rf"^\s+(?:{one_of('verbs')})(?:\s+(?:{one_of('adverbs')}))*"
                      rf"\s+(?:{one_of('predicates')})\s+(?:{one_of('complements')})\b")


@cache
def award_words() -> frozenset[str]:
    """Words that make a name an award ('medal', 'prize'), lower case."""
    return frozenset(_data()["award_words"])  # type: ignore[arg-type]


@cache
def chair_words() -> dict[str, frozenset[str]]:
    """Words of an endowed chair, by the preposition after them: 'before_of' ('Professor of
    Engineering') and 'before_in' ('Chair in Global Politics')."""
    return {k: frozenset(v) for k, v in _data()["chair_words"].items()}  # type: ignore[union-attr]


@cache
def name_particles() -> frozenset[str]:
    """Small words inside a person's name ('Di' of 'Paolo Di Venti'), lower case."""
    return frozenset(_data()["name_particles"])  # type: ignore[arg-type]


@cache
def opening_words() -> frozenset[str]:
    """Prepositions and adverbs read into the start of a name ('Unlike' of 'Unlike
    Senators'), lower case."""
    return frozenset(_data()["opening_words"])  # type: ignore[arg-type]


@cache
def title_phrase_ends() -> frozenset[str]:
    """Words that close an honorific phrase after 'of' ('Honour' of 'Guests of Honour'),
    lower case."""
    return frozenset(_data()["title_phrase_ends"])  # type: ignore[arg-type]


@cache
def work_kinds() -> frozenset[str]:
    """Nouns for a kind of creative work that introduce its title ('documentary' of 'the
    documentary Echoes of Mr. Valdane'), lower case."""
    return frozenset(_data()["work_kinds"])  # type: ignore[arg-type]


@cache
def work_title_links() -> frozenset[str]:
    """Small words a title keeps between its capitalised words ('of' of 'Echoes of Mr.
    Valdane'), lower case."""
    return frozenset(_data()["work_title_links"])  # type: ignore[arg-type]


@cache
def organisation_connectors() -> dict[str, str]:
    """Folded words ('for the') that join two halves of one organisation's name, each with
    when: 'any', or 'after_of' (only after a first half holding 'of' or 'for')."""
    return dict(_data()["organisation_connectors"])  # type: ignore[arg-type]


@cache
def connector_heads() -> frozenset[str]:
    """Folded kind words ('state') that head an organisation's name only before one of
    ``organisation_connectors`` ('Islamic State' 'of Varnia')."""
    return frozenset(_data()["connector_heads"])  # type: ignore[arg-type]


@cache
def name_complement_heads() -> frozenset[str]:
    """Heads whose complement is part of an organisation's name ('Select Committee on
    Harbour Safety', 'Commission for Racial Equality'), lower case."""
    return frozenset(_data()["name_complement_heads"])  # type: ignore[arg-type]


@cache
def place_heads() -> frozenset[str]:
    """Words before 'of' in a place's own name ('Republic of Ireland'), lower case."""
    return frozenset(_data()["place_heads"])  # type: ignore[arg-type]


@cache
def outlet_words() -> frozenset[str]:
    """Words after an outlet's initials that name its news arm ('NBC News'), folded."""
    return frozenset(fold(w) for w in _data()["outlet_words"])  # type: ignore[union-attr]


@cache
def common_acronyms() -> frozenset[str]:
    """Initialisms of common things ('LNG', 'CT'), as written: a concept, not a named entity."""
    return frozenset(_data()["common_acronyms"])  # type: ignore[arg-type]
