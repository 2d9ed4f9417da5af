"""Type voting: which kind of thing the mentions of one entity name.

The recogniser labels each mention on its own and is often wrong ('Sergei Lavrov' an
organisation, 'Rite Aid' a person), so its label is one vote among several: a kind word in the
name ('Harbor Foods Inc.', 'Atletico Madrid FC'), the offline gazetteer ('Kiev' is a city), a
title on a person ('Kremlin spokesman'), and the words around the mention ('the city of X',
'X-based'). The type with the most weight wins, whichever mention came first. Words and
weights are data (``kg/data/type_votes.json``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from kg.gazetteer import lookup, town
from kg.model import EntityType, Mention
from kg.relations import name_kind

PRIORITY = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE, EntityType.EVENT,
            EntityType.THING)


class _Weights(BaseModel):
    model_config = ConfigDict(frozen=True)

    recogniser: float
    guessed: float
    short_form: float
    kind_word: float
    gazetteer: dict[str, float]
    recogniser_on_place_name: dict[EntityType, float] = {}
    title: float
    context: float
    apposition: float = 0.0
    arabic_article: float = 0.0


class TypeVoteRules(BaseModel):
    """The weights and context words of ``type_votes.json``."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    weights: _Weights
    before: dict[EntityType, tuple[str, ...]]
    after: dict[EntityType, tuple[str, ...]]
    before_patterns: dict[EntityType, tuple[str, ...]] = {}
    apposition_nouns: dict[EntityType, tuple[str, ...]] = {}


@cache
def load_rules() -> TypeVoteRules:
    text = resources.files("kg").joinpath("data/type_votes.json").read_text("utf-8")
    return TypeVoteRules.model_validate(json.loads(text))


def mention_votes(mention: Mention, key: tuple[str, ...], text: str, *,
                  short_form: bool = False) -> Counter[EntityType]:
    """The votes one mention casts. ``key`` is its folded name, ``text`` the document's text
    (for the words around it); a ``short_form`` of a longer name casts no gazetteer or
    kind-word vote, since its words name the longer thing ('Jordan' of 'Michael Jordan'), and
    its recogniser label is worth only the ``short_form`` weight: the recogniser reads a lone
    surname as anything ('Rittenhouse' an organisation ten times over the one 'Kyle
    Rittenhouse' it read as a person), so the full name's mentions and the words around the
    short one decide."""
    rules = load_rules()
    weights = rules.weights
    votes: Counter[EntityType] = Counter()
    strong = mention.ner_label is not None and mention.ner_label != "PROPN"
    recogniser = weights.recogniser if strong else weights.guessed
    if not short_form:
        kind = name_kind(tuple(re.findall(r"[a-z]+", mention.text.lower())))
        if kind is not None:
            votes[kind] += weights.kind_word
        place = lookup(" ".join(key)) if key else None
        if place is None and _may_be_town(mention.text):
            place = town(mention.text)
        if place is not None:
            votes[EntityType.PLACE] += weights.gazetteer.get(place.kind, 0.0)
            recogniser = min(recogniser, weights.recogniser_on_place_name.get(mention.type,
                                                                              recogniser))
    votes[mention.type] += weights.short_form if short_form else recogniser
    if not short_form and ARABIC_ARTICLE.match(mention.text):
        votes[EntityType.ORGANIZATION] += weights.arabic_article
    if mention.title:
        votes[EntityType.PERSON] += weights.title
    for entity_type in _context_types(mention, text):
        votes[entity_type] += weights.context
    defined = apposition_type(text[mention.end:mention.end + 120])
    if defined is not None:
        votes[defined] += weights.apposition
    return votes


ARABIC_ARTICLE = re.compile(r"(?i)^a[lnrst][-‐‑](?=\w)\S+$")  # one word: 'al-Qaeda', 'Ash-Sham'


def _may_be_town(name: str) -> bool:
    """Whether to ask the small-town table (read on first use): a capitalised name of at
    most three words that no bigger place has; no initialism ('BADA' is no town 'Bada')."""
    words = name.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words)


@cache
def _apposition_patterns() -> tuple[tuple[EntityType, re.Pattern[str]], ...]:
    """', a cybersecurity firm,': an article, up to three modifiers (no preposition: 'a man
    of the party' is a man) and a kind noun that ends the apposition."""
    modifier = r"(?:(?!(?:of|at|in|for|from|with|to|by|on|and|or)\s)[\w'’-]+\s+)"
    end = r"(?=\s*(?:[,.;:)]|$)|\s+(?:that|which|based|in|of|from|with|founded|owned|" \
        r"headquartered|known|run|whose|dedicated|held|where|for)\b)"
    return tuple((entity_type, re.compile(
        rf"^\s*,\s+(?:a|an|the)\s+{modifier}{{0,3}}(?:{'|'.join(map(re.escape, nouns))}){end}",
        re.IGNORECASE)) for entity_type, nouns in load_rules().apposition_nouns.items())


def apposition_type(after: str) -> EntityType | None:
    """The kind of thing an apposition right after a name says it is ('UpGuard, a
    cybersecurity firm, found ...' -> organisation; 'Tavua, a town in Fiji' -> place);
    None when none is there. ``after``: the text right after the name."""
    for entity_type, pattern in _apposition_patterns():
        if pattern.search(after):
            return entity_type
    return None


def _context_types(mention: Mention, text: str) -> set[EntityType]:
    before = " ".join(text[max(0, mention.start - 40):mention.start].lower().split())
    after = text[mention.end:mention.end + 40].lower()
    found = set()
    rules = load_rules()
    for entity_type, words in rules.before.items():
        if any(re.search(rf"(?:^|\W){re.escape(w)}$", before) for w in words):
            found.add(entity_type)
    for entity_type, patterns in _before_patterns().items():
        if any(p.search(before) for p in patterns):
            found.add(entity_type)
    for entity_type, words in rules.after.items():
        if any(after.startswith(w) and not after[len(w):len(w) + 1].isalnum() for w in words):
            found.add(entity_type)
    return found


@cache
def _before_patterns() -> dict[EntityType, tuple[re.Pattern[str], ...]]:
    return {t: tuple(map(re.compile, ps)) for t, ps in load_rules().before_patterns.items()}


def winner(votes: Counter[EntityType]) -> EntityType:
    """The type with the most weight; ties go by ``PRIORITY`` (a person before the rest)."""
    if not votes:
        return EntityType.THING
    best = max(votes.values())
    return next(t for t in PRIORITY if abs(votes.get(t, 0.0) - best) < 1e-9)
