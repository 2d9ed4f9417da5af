"""Institutions: bodies of state a text names by their country, not by a name of their own.

'The Danish government', 'Norway's foreign ministry', 'the government of Peru': no capital
letter makes them a name to the recogniser, so a fact whose doer they are gets a vague thing
as its subject, and a later 'the government' finds no organisation to stand for. Each such
phrase is an organisation mention here, written as the article writes it; it joins the
document's organisations, so 'the government' later in the article is the same one
(``kg.extract.reference``), and it is based in its country (``kg.extract.places`` reads the
nationality word). The head nouns are data (``data/institutions.json``).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.extract.state import SUBJECT_DEPS, DocState, make_mention
from kg.lexicon import demonyms, initialisms, institution_nouns, unspecific_determiners
from kg.model import EntityType, Mention

__all__ = ["institution_mentions"]

# Only places own an institution here: 'the Reyes administration' would take a lone 'Reyes'
# elsewhere in the article for its short form and merge the person into the organisation.
_OWNERS = {EntityType.PLACE}
_MODIFIER_DEPS = {"amod", "compound"}


def institution_mentions(state: DocState) -> list[Mention]:
    """An organisation mention for every institution noun the text ties to a country or
    another place, registered in ``state`` like a recognised name. A noun already part of a
    name ('US Army') or modifying another noun ('government spokesman') is left alone; one
    that is another way to write a name of the document stands for that name."""
    found: list[Mention] = []
    recognised = [m for _, m, _ in state.organisations]
    for token in state.doc:  # the lemma of 'media' is 'medium'
        if token.pos_ not in {"NOUN", "PROPN"} or \
                not {token.lemma_.lower(), token.lower_} & institution_nouns() or \
                token.i in state.mention_at or \
                token.dep_ == "compound" or _indefinite(token):
            continue
        span = _owned_span(state, token)
        if span is None or _apposed_name(state, token):
            continue  # 'Ostland's parliament, the Legislative Assembly': the name says which
        named = _named_alike(recognised, span, token)
        mention = make_mention(state, span, EntityType.ORGANIZATION, ner_label="ORG",
                               antecedent=named)
        for word in span:
            state.mention_at.setdefault(word.i, mention)
        if named is not None:
            continue  # read as the named one, like a pronoun: no second organisation
        bisect.insort(state.organisations, (span.start, mention, token.dep_ in SUBJECT_DEPS),
                      key=lambda item: item[0])
        found.append(mention)
    return found


def _indefinite(noun: Token) -> bool:
    """'a Danish court', 'any Chilean embassy': some body of that kind, not one the
    article names, and no organisation for a later 'the court' to mean."""
    return any(c.dep_ == "det" and c.lower_ in unspecific_determiners() for c in noun.children)


def _apposed_name(state: DocState, noun: Token) -> bool:
    """A name set beside the noun ('its parliament, the Ostmoot') is what the phrase means."""
    return any(c.dep_ == "appos" and c.i in state.mention_at for c in noun.children)


def _named_alike(recognised: list[Mention], span: Span, noun: Token) -> Mention | None:
    """The one organisation the recogniser named whose name has the same noun and the same
    country ('UK Parliament' for 'the British parliament'): the phrase is another way to
    write it, not a second parliament that would make 'the parliament' ambiguous."""
    owners = _countries([t.text for t in span if t.i != noun.i])
    alike = {m.text: m for m in recognised if
             noun.lower_ in m.text.lower().split() and _countries(m.text.split()) & owners}
    return next(iter(alike.values())) if len(alike) == 1 else None


def _countries(words: list[str]) -> set[str]:
    """The countries words name by demonym, initialism or name ('British', 'UK', 'Peru')."""
    found: set[str] = set()
    for i, word in enumerate(words):
        pair = f"{words[i - 1]} {word}".lower() if i else ""
        country = demonyms().get(word.lower()) or demonyms().get(pair) or \
            initialisms().get(word)
        place = gazetteer.lookup(word) if country is None and word[:1].isupper() else None
        if country is None and place is not None and place.kind == "country":
            country = place.name
        if country is not None:
            found.add(country.lower())
    return found


def _owned_span(state: DocState, noun: Token) -> Span | None:
    """The words naming the institution with its owner: from a nationality adjective or a
    named place modifying it, or a possessive place ('Norway's'), to the noun;
    else the noun (with its own modifiers) up to a place after 'of'. None with no owner."""
    modifiers = sorted((c for c in noun.children if c.i < noun.i and
                        (c.dep_ in _MODIFIER_DEPS or c.dep_ == "poss")), key=lambda c: c.i)
    if modifiers and _owns(state, modifiers[0]) and _contiguous(modifiers, noun):
        return noun.doc[modifiers[0].left_edge.i:noun.i + 1]
    if any(c.dep_ == "poss" for c in modifiers):
        return None  # 'his government', 'the company's campaign'
    end = _place_after_of(state, noun)
    if end is None:
        return None
    start = noun.i
    while start > noun.sent.start and noun.doc[start - 1].dep_ in _MODIFIER_DEPS and \
            noun.doc[start - 1].head.i in range(start, noun.i + 1) and \
            noun.doc[start - 1].text[:1].isupper() == noun.text[:1].isupper():
        start -= 1  # 'Foreign Ministry of Peru', 'the federal government of Brazil'
    return noun.doc[start:end]


def _owns(state: DocState, modifier: Token) -> bool:
    """A nationality adjective ('Danish'), a country initialism ('US'), or a place the
    recogniser named ('Norway's foreign ministry', 'the Kansas legislature')."""
    before = modifier.doc[modifier.i - 1].lower_ if modifier.i > 0 else ""
    if modifier.dep_ != "poss" and modifier.text[:1].isupper() and (
            modifier.lower_ in demonyms() or modifier.text in initialisms() or
            f"{before} {modifier.lower_}" in demonyms()):
        return True
    return _known_place(state.mention_at.get(modifier.i))


def _known_place(named: Mention | None) -> bool:
    """A place the gazetteer knows: 'a court of a Member State' is owned by no place."""
    return named is not None and named.type in _OWNERS and \
        gazetteer.lookup(named.text) is not None


def _contiguous(modifiers: list[Token], noun: Token) -> bool:
    """The modifiers fill every word from the owner to the noun ('Norway's foreign ministry'):
    no stray word or punctuation the phrase would swallow."""
    covered: set[int] = set()
    for modifier in modifiers:
        covered.update(range(modifier.left_edge.i, modifier.right_edge.i + 1))
    return covered >= set(range(modifiers[0].left_edge.i, noun.i))


def _place_after_of(state: DocState, noun: Token) -> int | None:
    """The end (token index) of a named place right after '<noun> of': 'the government of
    Chile'. None when what follows 'of' is no place."""
    after = noun.i + 1
    doc = noun.doc
    if after + 1 >= len(doc) or doc[after].lower_ != "of" or doc[after].head.i != noun.i:
        return None
    place = state.mention_at.get(after + 1)
    if place is None or not _known_place(place):
        return None
    end = after + 1
    while end < len(doc) and state.mention_at.get(end) is place:
        end += 1
    return end
