"""The word lists extraction reads, as data: role words, demonyms, event nouns, US state
abbreviations. Each file in ``kg/data`` is loaded once and shared; none names a person or an
organisation, only general words and the places a demonym stands for."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field


def _data(name: str) -> dict[str, object]:
    return json.loads(resources.files("kg").joinpath(f"data/{name}").read_text("utf-8"))


@cache
def roles() -> dict[str, str]:
    """Role word (lower case, as written: 'gov.', 'foreign minister') -> canonical role."""
    return {k.lower(): v for k, v in _data("roles.json")["roles"].items()}  # type: ignore[union-attr]


@cache
def role_modifiers() -> frozenset[str]:
    """Words before a role that name no organisation: 'former', 'acting', 'deputy'."""
    return frozenset(_data("roles.json").get("_modifiers", ()))  # type: ignore[arg-type]


@cache
def professions() -> frozenset[str]:
    """Canonical roles that say what someone does ('singer'), not a position held for a body."""
    return frozenset(_data("roles.json").get("_professions", ()))  # type: ignore[arg-type]


@cache
def constituency_roles() -> frozenset[str]:
    """Canonical roles held for a place: 'Senator X of Nebraska' is Nebraska's senator."""
    return frozenset(_data("roles.json").get("_constituency_roles", ()))  # type: ignore[arg-type]


@cache
def kinship_roles() -> frozenset[str]:
    """Canonical roles that relate a person to another person ('wife', 'son', 'running mate');
    without a person to hold them they say nothing worth a fact."""
    return frozenset(_data("roles.json").get("_kinship", ()))  # type: ignore[arg-type]


@cache
def parties() -> dict[str, str]:
    """Capitalised party words as written ('Conservative', 'GOP') -> the party's usual name."""
    return dict(_data("roles.json").get("_parties", {}))  # type: ignore[call-overload]


@cache
def party_offices() -> frozenset[str]:
    """Roles held for a party itself: 'Labour leader X' leads the party, where 'Labour MP X'
    only belongs to it."""
    return frozenset(_data("roles.json").get("_party_offices", ()))  # type: ignore[arg-type]


@cache
def organisation_kinds() -> frozenset[str]:
    """Common nouns that say a name beside them is an organisation: 'the Rollei company',
    'victim group Safe Harbor', 'the law firm of X'."""
    return frozenset(_data("roles.json").get("_organisation_kinds", ()))  # type: ignore[arg-type]


@cache
def longest_role() -> int:
    return max(len(k.split()) for k in roles())


@cache
def dropped_prefixes() -> tuple[str, ...]:
    """Prefixes glued to a role that leave it the same role: 'then-manager', 'ex-minister'."""
    return tuple(_data("roles.json").get("_dropped_prefixes", ()))  # type: ignore[arg-type]


def canonical_role(words: str) -> str | None:
    """'Gov.' -> 'governor', 'spokeswoman' -> 'spokesperson', 'then-manager' -> 'manager';
    None if not a role."""
    folded = " ".join(words.lower().split())
    if not folded:
        return None
    for prefix in dropped_prefixes():
        if folded.startswith(prefix) and len(folded) > len(prefix):
            return canonical_role(folded.removeprefix(prefix))
    return roles().get(folded) or roles().get(folded.replace(".", "")) or roles().get(
        folded.removesuffix("s"))


@cache
def demonyms() -> dict[str, str]:
    """'russian' -> 'Russia', 'north korean' -> 'North Korea', 'texan' -> 'Texas'."""
    return {k.lower(): v for k, v in _data("demonyms.json")["demonyms"].items()}  # type: ignore[union-attr]


@cache
def initialisms() -> dict[str, str]:
    """'US' -> 'United States', 'UK' -> 'United Kingdom'; keys as written (case matters)."""
    return dict(_data("demonyms.json").get("initialisms", {}))  # type: ignore[call-overload]


class EventNoun(BaseModel):
    """How an event noun takes its participants: 'visit' + 'to X' is what is visited."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    verb: str
    object: tuple[str, ...] = ()
    agent: tuple[str, ...] = ("by",)


class EventNouns(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    nouns: dict[str, EventNoun]
    agent_nouns: dict[str, EventNoun] = {}
    light_verbs: frozenset[str] = frozenset()
    support_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Light verbs that say nothing but the noun's event ('made a visit', 'held talks'): "
        "their own fact with the event noun as object is dropped. Others ('ended the "
        "campaign', 'signed the deal') keep it and lend the noun their subject."))
    patient_possessive: frozenset[str] = frozenset()


@cache
def event_nouns() -> EventNouns:
    return EventNouns.model_validate(_data("nominal_events.json"))


@cache
def state_abbreviations() -> dict[str, str]:
    """AP-style and postal abbreviations of US states: 'calif.' -> 'California'."""
    return {k.lower(): v for k, v in _data("places.json")["us_state_abbreviations"].items()}  # type: ignore[union-attr]
