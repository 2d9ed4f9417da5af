"""Descriptions that stand for one named entity of their document.

A news article names a thing once and then describes it: 'serial killer Tom Reyes ... the
52-year-old killer', 'the folk band Silver Maple ... the folk trio', 'The Harbor Transit
Authority is a federal agency ... the federal agency'. Each person or organisation the
document describes with a common noun -- right before its name ('the journal Nature'), in
apposition ('Silver Maple, a folk band', 'the Velm Arts Council (VAC) -- the panel') or as the
complement of 'be' ('X is a federal agency') -- gets that noun, and the words before it, in a
table of the document. A later definite description ('the', 'this', 'that' and only describing
words) whose noun is that noun, a narrower one (data/kind_nouns.json) or one data/reference.json
counts as the same kind, and whose other words were all said of the name too, stands for the one
name so described ('the jazz trio' is not the folk band). Two different names so described
leave it a description: a guess between two is a wrong participant. Nothing crosses documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from kg.extract.gender import reference_words, same_name
from kg.extract.memo import per_document
from kg.extract.state import DocState
from kg.lexicon import narrower_kind_nouns, organisation_kinds, singular_definites
from kg.model import EntityType, Mention

# What sets a description apart from the name it describes: 'X, a band', 'X -- the body'.
SETTING_APART = frozenset({",", "\u2014", "\u2013", "--"})
PEOPLE_AND_BODIES = frozenset({EntityType.PERSON, EntityType.ORGANIZATION})
# What may stand between a description's article and its noun and still say which one:
# adjectives and nouns that describe ('the federal agency', 'the rock trio').
DESCRIBING = frozenset({"amod", "compound", "det"})


@dataclass(frozen=True)
class Described:
    """A common noun the document set beside a name: where, its lemma, the words that
    described it in turn ('rock' of 'the rock band Cream') and the name."""

    position: int
    noun: str
    modifiers: frozenset[str]
    mention: Mention


@cache
def same_kind_nouns() -> dict[str, frozenset[str]]:
    """'trio' -> {'band', 'group', ...}: nouns a description may use for a thing the document
    introduced with another noun of the same kind (reference.json 'same_kind_nouns')."""
    table: dict[str, set[str]] = {}
    for group in reference_words()["same_kind_nouns"]:  # type: ignore[union-attr]
        for noun in group:
            table.setdefault(noun, set()).update(group)
    return {noun: frozenset(nouns) for noun, nouns in table.items()}


@cache
def contrastive_modifiers() -> frozenset[str]:
    """'other', 'second', 'former', 'rival': words before a noun that make it another one
    than the one already described (reference.json 'contrastive_modifiers', with the tenure
    modifiers)."""
    words = reference_words()
    return frozenset(words["contrastive_modifiers"]) | \
        frozenset(words["tenure_modifiers"])  # type: ignore[arg-type]


def description_table(state: DocState) -> tuple[Described, ...]:
    """Every common noun the document set beside a name, in reading order; read once per
    document."""
    return per_document(state.doc, "descriptions.table", lambda: tuple(sorted(
        {*_beside_names(state), *_copula_complements(state)},
        key=lambda d: d.position)))


def _modifiers(noun: Token) -> frozenset[str]:
    return frozenset(c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"})


def _beside_names(state: DocState) -> Iterator[Described]:
    """'serial killer Tom Reyes', 'the journal Nature' (the noun right before the name) and
    'Blue Harbor, a folk band' / 'a folk band, Blue Harbor' (apposition)."""
    doc = state.doc
    for token in doc:
        if token.dep_ == "appos":
            pairs: tuple[tuple[Token, Token], ...] = ((token, token.head), (token.head, token))
        elif token.dep_ == "compound":
            pairs = ((token, token.head),)
        else:
            continue
        for noun, name in pairs:
            mention = state.mention_at.get(name.i)
            if noun.pos_ != "NOUN" or noun.i in state.mention_at or \
                    not _describable(mention, noun):
                continue
            if not _next_to_name(state, noun, mention):
                continue
            yield Described(noun.i, noun.lemma_.lower(), _modifiers(noun), mention)


def _describable(mention: Mention | None, noun: Token) -> bool:
    """Whether a name is one a later description may stand for: a person or an organisation
    the recogniser found, or a name the noun beside it calls an organisation ('the rock band
    Blue Harbor', whatever the recogniser called it). Places have their own descriptions ('the
    country', 'the city'), and works and products are told apart by their labels
    (kg/extract/reference.py): a 'series' after a named one is as often a second show the
    recogniser missed."""
    return mention is not None and mention.ner_label is not None and \
        mention.antecedent is None and (mention.type in PEOPLE_AND_BODIES or (
            mention.type is EntityType.THING and noun.lemma_.lower() in organisation_kinds()))


def _next_to_name(state: DocState, noun: Token, mention: Mention) -> bool:
    """Whether the noun stands right before the whole name ('the journal Nature', not
    'the case "Ruiz vs. Harbor Foods"', where the recogniser found only a part of the name) or
    the two are set apart by a comma alone ('Blue Harbor, a folk band', 'a folk band, Blue
    Harbor'): a name further off the parser hung on the noun says nothing of what it is."""
    doc, at = state.doc, state.mention_at
    if noun.i + 1 < len(doc) and at.get(noun.i + 1) is mention:
        return noun.i == 0 or at.get(noun.i - 1) is not mention
    if noun.i + 2 < len(doc) and doc[noun.i + 1].is_quote and at.get(noun.i + 2) is mention:
        end = noun.i + 2
        while end < len(doc) and at.get(end) is mention:
            end += 1
        return end < len(doc) and doc[end].is_quote  # 'the song "Blue Harbor"', all of it
    if any(c.dep_ == "conj" and c.i not in at for c in noun.children):
        return False  # 'in Velm, Ostland, a pickup truck and a van collided': a misread list
    edge = noun.left_edge.i
    if edge >= 2 and doc[edge - 1].text in SETTING_APART and \
            at.get(_before_initialism(state, edge - 2)) is mention:
        return True  # 'Blue Harbor, a folk band', 'the Velm Arts Council (VAC) -- the body'
    start = noun.i + 2
    while start < len(doc) and doc[start].dep_ == "det":
        start += 1  # 'a folk band, the Velm Players'
    return noun.i + 1 < len(doc) and doc[noun.i + 1].text == "," and \
        at.get(start) is mention


def _before_initialism(state: DocState, i: int) -> int:
    """Where the name ends that a bracketed short form follows ('the Velm Arts Council (VAC)'
    ends before '('), or ``i`` itself when no bracket closes there."""
    doc = state.doc
    if i < 0 or doc[i].text != ")":
        return i
    opening = next((j for j in range(i - 1, max(i - 5, -1), -1) if doc[j].text == "("), None)
    return i if opening is None else opening - 1


def _copula_complements(state: DocState) -> Iterator[Described]:
    """'The Harbor Transit Authority is a federal agency': the complement of an unnegated
    'be' whose subject is a name."""
    for token in state.doc:
        if token.dep_ != "attr" or token.pos_ != "NOUN" or token.head.lemma_ != "be" or \
                any(c.dep_ == "neg" for c in token.head.children):
            continue
        for subject in (c for c in token.head.children if c.dep_ == "nsubj"):
            mention = state.mention_at.get(subject.i)
            if _describable(mention, token):
                yield Described(token.i, token.lemma_.lower(), _modifiers(token), mention)


def is_definite_description(token: Token) -> bool:
    """'the killer', 'the federal agency', 'this rock trio': a singular common noun opened by
    a definite article or a singular demonstrative, with no words but describing ones. Not
    'the other agency', 'the former chairman' (another one than the one described), nor a
    noun with a phrase or clause that says which one itself."""
    if token.pos_ != "NOUN" or token.tag_ != "NN":
        return False
    children = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ in singular_definites() for c in children):
        return False
    return all(c.dep_ in DESCRIBING for c in children if c.i < token.i) and \
        not any(c.i > token.i and c.dep_ not in {"punct"} for c in children) and \
        not any(c.lower_ in contrastive_modifiers() or c.tag_ in {"JJS", "RBS"} or
                c.ent_type_ == "ORDINAL" for c in children)


def described_name(state: DocState, token: Token, own: list[Mention]) -> Mention | None:
    """The one name before ``token`` the document described with its noun or one of the same
    kind, and with every word the description adds ('the rock trio' after 'the rock band
    Blue Harbor'; 'the damaged tanker' says which one with a word of its own, and is left a
    description); an age says nothing of which ('the 52-year-old killer'). None when two
    different names fit, or when the name is in ``own`` (the subject of the description's
    own clause)."""
    if not is_definite_description(token):
        return None
    fitting = _fitting_nouns(token.lemma_.lower())
    wanted = {w for w in _modifiers(token) if not _age_word(w)}
    found = [d for d in description_table(state) if d.position < token.i and
             d.noun in fitting and d.mention.ner_label != "PROPN" and wanted <= d.modifiers
             and not any(same_name(d.mention, o) for o in own)]
    if found and all(same_name(d.mention, found[-1].mention) for d in found):
        return found[-1].mention
    return None


def _age_word(word: str) -> bool:
    """'52-year-old', or the 'old' a parser splits it to: an age says nothing of which one."""
    return word == "old" or word.endswith("-old")


def _fitting_nouns(lemma: str) -> frozenset[str]:
    return frozenset({lemma}) | narrower_kind_nouns().get(lemma, frozenset()) | \
        same_kind_nouns().get(lemma, frozenset())
