"""Roles and titles as facts: who holds which position where.

'Kremlin spokesman Dmitry Peskov', 'Russian President Vladimir Putin', 'Germany's foreign
minister X', 'X, the chief executive of Y', 'the chief executive of Y, X', 'X is the mayor of Y'
each give ``X affiliatedWith Y`` with the role name ('spokesperson', 'president'), evidence and
a confidence like any fact. Role words and demonyms ('Russian' -> Russia) come from the
lexicons in ``kg/data`` (roles.json, demonyms.json), never from code.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.facts import make_fact
from kg.extract.state import DocState, make_mention, mention_spans
from kg.lexicon import canonical_role, demonyms, longest_role, professions, role_modifiers
from kg.model import EntityType, Fact, Mention, Sentence

AFFILIATED = "affiliatedWith"
PREMODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "det", "npadvmod", "nummod", "punct"}
ORG_PREPS = {"of", "at", "for", "with", "in"}
COPULAS = {"be", "become", "remain"}
NAMING_VERBS = {"name", "appoint", "elect", "make", "promote", "hire", "nominate", "install",
                "reelect", "re-elect", "choose", "select"}
HOLDER_TYPES = {EntityType.ORGANIZATION, EntityType.PLACE}


def title_facts(state: DocState, sentence: Sentence, sent: Span) -> Iterator[Fact]:
    for span, person in mention_spans(state, sent, EntityType.PERSON):
        yield from _before_name(state, sentence, span, person)
        yield from _member_of(state, sentence, span, person)
        for role_head in _appositives(state, span):
            yield from _role_noun_facts(state, sentence, role_head, person, "title-appositive")
    for verb in sent:
        if verb.lemma_.lower() in COPULAS | NAMING_VERBS and verb.pos_ in {"AUX", "VERB"}:
            yield from _copula(state, sentence, verb)


def _premodifiers(span: Span) -> list[Token]:
    """The words before a name that modify it: 'Germany 's foreign minister' before 'X'."""
    doc, left = span.doc, span.start
    while left > span.sent.start:
        token = doc[left - 1]
        inside = left <= token.head.i < span.end
        possessive_mark = token.dep_ == "case" and token.head.i == left - 2
        if not (possessive_mark or (inside and token.dep_ in PREMODIFIER_DEPS)):
            break
        left -= 1
    return [t for t in doc[left:span.start] if t.dep_ != "det"]


def _role_at_end(tokens: list[Token]) -> tuple[int, str] | None:
    """The longest role phrase ending the token list: (its length, its canonical name)."""
    for size in range(min(longest_role(), len(tokens)), 0, -1):
        words = " ".join(t.lower_ for t in tokens[-size:])
        role = canonical_role(words)
        if role is not None:
            return size, role
    return None


def _before_name(state: DocState, sentence: Sentence, span: Span,
                 person: Mention) -> Iterator[Fact]:
    tokens = _premodifiers(span)
    found = _role_at_end(tokens)
    if found is None:
        return
    size, role = found
    trigger = span.doc[tokens[-size].i:tokens[-1].i + 1]
    holder = _holder_in(state, tokens[:-size], role)
    if holder is None:
        return
    yield _position(state, sentence, trigger, person, holder, role, "title-before-name")


def _position(state: DocState, sentence: Sentence, trigger: Span, person: Mention,
              holder: tuple[Mention, bool], role: str, rule: str) -> Fact:
    """The position fact; 'the American singer X' says where X is from, not whom X serves."""
    mention, strength = holder
    if mention.ner_label == "NORP" and role in professions():
        return make_fact(state, sentence, trigger, predicate="cameFrom", lemma="from",
                         subject=person, obj=mention, rule=f"{rule}-nationality", roles=(),
                         confidence=0.8)
    return make_fact(state, sentence, trigger, predicate=AFFILIATED, lemma=trigger.text.lower(),
                     subject=person, obj=mention, rule=rule, roles=(),
                     confidence=0.85 if strength else 0.75, role_name=role)


# Upper-case initialisms that, before a role word, name a country ('US President X').
INITIALISMS = {"US": "United States", "USA": "United States", "UK": "United Kingdom",
               "EU": "European Union", "UN": "United Nations", "UAE": "United Arab Emirates"}
PORTFOLIO_ROLES = ("minister", "secretary", "commissioner")


def _holder_in(state: DocState, tokens: list[Token], role: str = "") -> tuple[Mention, bool] | None:
    """The organisation or country among the words before a role: a name the recogniser found
    (strong), a demonym ('Russian' -> Russia) or an unrecognised proper noun ('Kremlin')."""
    words = [t for t in tokens if t.lower_ not in role_modifiers() and t.dep_ != "case"
             and not t.is_punct]
    if not words:
        return None
    for token in reversed(words):
        mention = state.mention_at.get(token.i)
        if mention is not None and mention.type is not EntityType.DATE:
            return mention, True
    demonym = demonym_mention(state, words)
    if demonym is not None:
        return demonym, True
    proper = [t for t in words if t.pos_ == "PROPN"]
    if role.endswith(PORTFOLIO_ROLES):
        return None  # 'Natural Resources Minister X': a portfolio, not an organisation
    if proper and proper == words[-len(proper):]:
        span = words[0].doc[proper[0].i:proper[-1].i + 1]
        return make_mention(state, span, EntityType.ORGANIZATION, ner_label="PROPN"), False
    return None


def demonym_mention(state: DocState, words: list[Token]) -> Mention | None:
    """'Russian', 'North Korean', 'U.S.' as a mention of the place they name."""
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        phrase = words[-size:]
        key = " ".join(t.lower_ for t in phrase)
        place = demonyms().get(key) or (INITIALISMS.get(phrase[0].text) if size == 1 else None)
        if place is not None:
            span = phrase[0].doc[phrase[0].i:phrase[-1].i + 1]
            mention = make_mention(state, span, EntityType.PLACE, ner_label="NORP")
            return mention.model_copy(update={"text": place})
    return None


def _member_of(state: DocState, sentence: Sentence, span: Span,
               person: Mention) -> Iterator[Fact]:
    """'Nick Hawco of USC', 'Jane Roe from the Red Cross': a member of that organisation."""
    for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            holder = state.mention_at.get(pobj.i)
            if holder is not None and holder.type is EntityType.ORGANIZATION:
                yield make_fact(state, sentence, span.doc[prep.i:prep.i + 1],
                                predicate=AFFILIATED, lemma=prep.lower_, subject=person,
                                obj=holder, rule=f"person-{prep.lower_}-organisation", roles=(),
                                confidence=0.7, role_name="member")


def _appositives(state: DocState, span: Span) -> Iterator[Token]:
    """Role nouns set beside a name: 'X, the chief executive of Y' and 'the chief executive
    of Y, X'."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"} and \
                child.i not in state.mention_at:
            yield child
    if root.dep_ == "appos" and root.head.pos_ in {"NOUN", "PROPN"} and \
            root.head.i not in state.mention_at:
        yield root.head


def _role_noun_facts(state: DocState, sentence: Sentence, head: Token, person: Mention,
                     rule: str) -> Iterator[Fact]:
    """A role noun with its holder: 'chief executive of Y', 'Y's foreign minister',
    'the Russian president'."""
    lefts = [t for t in head.doc[head.left_edge.i:head.i + 1] if t.dep_ != "det"]
    found = _role_at_end(lefts)
    if found is None:
        return
    size, role = found
    trigger = head.doc[lefts[-size].i:head.i + 1]
    holder = None
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ORG_PREPS):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            mention = state.mention_at.get(pobj.i)
            if mention is not None and mention.type in HOLDER_TYPES | {EntityType.PERSON}:
                holder = (mention, True)
    if holder is None:
        holder = _holder_in(state, lefts[:-size], role)
    if holder is None:
        return
    yield _position(state, sentence, trigger, person, holder, role, rule)


def _copula(state: DocState, sentence: Sentence, verb: Token) -> Iterator[Fact]:
    """'X is the mayor of Y', 'X became Y's prime minister', 'X was named CEO of Y',
    'X serves as chair of Y'."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    roles = [c for c in verb.children if c.dep_ in {"attr", "oprd"}]
    if verb.lemma_.lower() in NAMING_VERBS and not any(c.dep_ == "nsubjpass" for c in subjects):
        return  # 'X named Y CEO' would need the object; only the passive is read here
    for subject in subjects:
        person = state.mention_at.get(subject.i)
        if person is None or person.type is not EntityType.PERSON:
            continue
        for role_head in roles:
            yield from _role_noun_facts(state, sentence, role_head, person, "title-copula")
