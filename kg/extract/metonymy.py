"""Who acted when the words name a place or a deed: metonymy for the state.

News names a government by its seat and an act by its deed: 'Ottawa expelled the Norwegian
ambassador' is Canada's act, 'X was killed in a United States naval operation' and
'the US airstrike that killed X' the United States'. A reader writes the country, and a graph
queried for it should answer; a fact that keeps 'Ottawa' or 'US operation' as the doer does not.

Two readings, each a class of words in ``data/metonymy.json`` (``kg.lexicon.metonymy_words``):

- a capital (GeoNames' capital of a country, ``kg.gazetteer.capital_of``) that does an act of
  a state stands for its country. The written mention is kept: it refers to the country as a
  pronoun refers to its antecedent, the country's own mention elsewhere in the document, so
  the evidence still quotes 'Ottawa'. Only when the text is about states: the document (for
  diplomatic acts) or the sentence (for acts a city council does too, 'Madrid banned diesel
  cars') names another country. A city that is no capital, a capital that is the place of
  the act ('rain flooded Ottawa', 'talks in Ankara') or a capital whose country the document
  never names is left as written. A capital that a state's act is done to ('accused
  Ottawa of ...') is its country the same way.
- a deed noun ('airstrike', 'operation', 'raid') whose country adjective, country name or
  organisation name says who carried it out gives that one as the doer of what the deed did
  ('killed', 'destroyed'). The doer's mention is those words of the deed's phrase. Force
  nouns ('troops', 'government') and weapons ('a Japanese bomber') are doers in their own
  right, as both real-news sets' blind gold writes them, and stay.

The fact keeps its trigger and roles; its rule gains '+capital' or '+deed' on the side of the
participant read so ('nsubj+capital/dobj', 'nsubj/dobj+capital'), so its provenance says how
it was read.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.extract.facts import confidence_of
from kg.extract.state import DocState
from kg.extract.titles import demonym_mention
from kg.lexicon import argument_words, demonyms, initialisms, metonymy_words
from kg.model import EntityType, Fact, Mention, Role, RoleName

# Modifiers of a deed noun that can name who carried it out ('a US airstrike', 'the Turkish
# offensive', 'a United States operation', 'an Acme-led raid' is not read).
DOER_MODIFIERS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss"})
# Labels a capital's name is read with: the recogniser's place or body ('Moscow said' is
# sometimes an ORG), or a proper noun it left unlabelled at the start of a sentence. Not a
# person ('Washington' of a surname) nor a demonym.
CAPITAL_LABELS = frozenset({"GPE", "LOC", "ORG", "PROPN"})


def metonymic_reading(state: DocState, fact: Fact) -> Fact:
    """The fact with the state (or body) that acted as its doer, when its subject is a
    capital doing a state's act or a deed whose modifier names who did it, and with the
    state as its object when a capital is what a state's act was done to ('accused
    Ottawa'); else unchanged."""
    fact = _capital_object(state, fact)
    if fact.subject.name is not RoleName.AGENT or fact.subject.mention.is_pronoun:
        return fact
    words = metonymy_words()
    capital = _capital_for_country(state, fact, fact.subject.mention,
                                   (words.state_acts, words.civic_acts))
    if capital is not None:
        return _with_doer(fact, capital, "capital")
    doer = _deed_doer(state, fact)
    if doer is not None:
        return _with_doer(fact, doer, "deed")
    return fact


def _with_doer(fact: Fact, doer: Mention, how: str) -> Fact:
    """``fact`` with ``doer`` as its agent, the rule marked on its subject's side and the
    confidence read again from the new doer (kg.confidence signs read the subject's name)."""
    subject_rule, slash, rest = fact.evidence.rule.partition("/")
    return _rebuilt(fact.model_copy(update={"subject": Role(name=RoleName.AGENT, mention=doer)}),
                    f"{subject_rule}+{how}{slash}{rest}")


def _capital_object(state: DocState, fact: Fact) -> Fact:
    """``fact`` with a capital object read as its country when the act is one done to a
    state ('Norway accused Ottawa of ...'); the rule marked on its object's side."""
    if fact.object is None or fact.object.mention.is_pronoun:
        return fact
    country = _capital_for_country(state, fact, fact.object.mention,
                                   (metonymy_words().acts_on_states, frozenset()))
    if country is None:
        return fact
    return _rebuilt(fact.model_copy(update={"object": fact.object.model_copy(
        update={"mention": country})}), f"{fact.evidence.rule}+capital")


def _rebuilt(fact: Fact, rule: str) -> Fact:
    """``fact`` under its new rule, its confidence read again from its participants."""
    evidence = fact.evidence
    confidence = confidence_of(fact.predicate, fact.lemma, fact.subject.mention,
                               fact.object.mention if fact.object else None, rule,
                               evidence.sentence_text, evidence.factuality,
                               evidence.trigger_start, fact.roles)
    return fact.model_copy(update={
        "evidence": evidence.model_copy(update={"rule": rule, "confidence": confidence})})


def _acts(fact: Fact, words: frozenset[str]) -> bool:
    """Whether the fact's relation is one of ``words``, by predicate or by verb lemma."""
    return fact.predicate in words or fact.lemma in words


def _capital_for_country(state: DocState, fact: Fact, mention: Mention,
                         acts: tuple[frozenset[str], frozenset[str]]) -> Mention | None:
    """A capital's mention as a reference to its country's mention in the document, when
    the fact's act is one of ``acts`` (acts of states, then acts a city does too) and the
    text is about states: the document names another country (the sentence, for the
    second kind). None otherwise."""
    if mention.ner_label not in CAPITAL_LABELS or mention.type is EntityType.PERSON or \
            (country := gazetteer.capital_of(mention.text)) is None:
        return None
    state_acts, civic_acts = acts
    if _acts(fact, state_acts):
        scope = state.doc[:]
    elif _acts(fact, civic_acts):
        scope = _sentence_of(state, mention)
    else:
        return None
    if not any(other != country.name for other in _countries_named(state, scope)):
        return None
    named = _country_mention(state, country.name, mention.start)
    if named is None:
        return None
    return mention.model_copy(update={"antecedent": named, "is_pronoun": True})


def _sentence_of(state: DocState, mention: Mention) -> Span:
    span = state.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.sent if span is not None else state.doc[:0]


def _countries_named(state: DocState, scope: Span) -> Iterator[str]:
    """The countries a stretch of text names, by name or by demonym ('the Chilean envoy')."""
    for token in scope:
        mention = state.mention_at.get(token.i)
        place = gazetteer.lookup(mention.text) if mention is not None else None
        if place is not None and place.kind == "country":
            yield place.name
        elif mention is None or mention.ner_label == "NORP":
            country = demonyms().get(token.lower_) or initialisms().get(token.text)
            if country is not None:
                yield country


def _country_mention(state: DocState, country: str, near: int) -> Mention | None:
    """The document's own mention of the country by name: the last one before ``near``
    (a character offset), else the first after it."""
    named = [m for _, m, _ in state.places if not m.is_pronoun
             and (place := gazetteer.lookup(m.text)) is not None
             and place.kind == "country" and place.name == country]
    before = [m for m in named if m.start < near]
    if before:
        return before[-1]
    return next((m for m in named if m.start > near), None)


def _deed_doer(state: DocState, fact: Fact) -> Mention | None:
    """Who carried out the deed that is the fact's subject ('a Turkish airstrike killed X':
    Turkey), when the deed did one of the deed acts to an object."""
    subject = fact.subject.mention
    if fact.object is None or subject.ner_label is not None or \
            not _acts(fact, metonymy_words().deed_acts):
        return None
    span = state.doc.char_span(subject.start, subject.end, alignment_mode="expand")
    doers = deed_doers(state, span.root) if span is not None else []
    return doers[0] if doers else None


def deed_doers(state: DocState, deed: Token) -> list[Mention]:
    """Who carried out a deed its modifiers name ('a Turkish airstrike', 'killed in a U.S.
    naval operation', 'in a NATO raid'): the country or organisation did it, not
    the deed (arguments.json's ``party_deeds``, a deed someone carries out; an earthquake or
    a crash has none). Read for a deed that is a fact's subject and for one in a passive's
    'in'-phrase (kg.extract.subjects); a city's name before the noun is where it happened
    ('a Gaza strike')."""
    if deed.lemma_.lower() not in argument_words().party_deeds:
        return []
    modifiers = (c for c in deed.children if c.i < deed.i and c.dep_ in DOER_MODIFIERS)
    return [doer for m in modifiers if (doer := _named_doer(state, m, deed)) is not None]


def _named_doer(state: DocState, modifier: Token, deed: Token) -> Mention | None:
    """The country or organisation a deed's modifier names: an organisation's name, a
    country's name (not before a target noun: 'the Iraq invasion'), or a demonym or
    initialism ('Turkish', 'US')."""
    named = state.mention_at.get(modifier.i)
    if named is not None and named.ner_label != "NORP":
        if named.type is EntityType.ORGANIZATION:
            return named
        place = gazetteer.lookup(named.text)
        if place is not None and place.kind == "country" and \
                deed.lemma_.lower() not in metonymy_words().target_nouns:
            return named
        return None
    words = [t for t in modifier.subtree if t.i < deed.i]
    return demonym_mention(state, words) if words else None
