"""Roles and titles as facts: who holds which position where.

'Kremlin spokesman Dmitry Marchenko', 'Russian President Arkady Sorokin', 'Germany's foreign
minister X', 'X, the chief executive of Y', 'the chief executive of Y, X', 'X is the mayor of Y'
each give ``X affiliatedWith Y`` with the role name ('spokesperson', 'president'), evidence and
a confidence like any fact. Role words and demonyms ('Russian' -> Russia) come from the
lexicons in ``kg/data`` (roles.json, demonyms.json), never from code.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.facts import confidence_of, make_fact
from kg.extract.gender import fits
from kg.extract.name_bounds import is_fragment
from kg.extract.reference import _described_organisation as described_organisation
from kg.extract.reference import referent
from kg.extract.state import RELATIVE_PRONOUNS, DocState, make_mention, mention_spans
from kg.extract.tenure import with_tenure
from kg.factuality import judge_factuality
from kg.gazetteer import lookup
from kg.lexicon import (
    canonical_role,
    constituency_roles,
    counterpart_nouns,
    demonyms,
    employment_words,
    field_roles,
    hedging_modifiers,
    initialisms,
    kinship_roles,
    longest_role,
    not_roles,
    organisation_kinds,
    parties,
    party_letters,
    party_offices,
    person_service_roles,
    place_of_nouns,
    place_words,
    professions,
    rank_modifiers,
    role_modifiers,
    served_with_to,
    state_abbreviations,
    state_sectors,
    tenure_words,
)
from kg.model import EntityType, Fact, Factuality, Mention, Sentence
from kg.relations import load_vocabulary

AFFILIATED = "affiliatedWith"
PREMODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "det", "npadvmod", "nummod", "punct"}
ORG_PREPS = {"of", "at", "for", "with", "in"}
COPULAS = {"be", "become", "remain"}
NAMING_VERBS = {"name", "appoint", "elect", "make", "promote", "hire", "nominate", "install",
                "reelect", "re-elect", "choose", "select"}
# 'served as the chair of X', 'works at Y as a chef', 'joined Z as finance chief'.
AS_VERBS = {"serve", "act", "work", "join", "remain", "stay", "return", "continue"}
# The verbs _read_positions reads a role after, joined once: it asks of every word.
_COPULA_LIKE = frozenset(COPULAS | NAMING_VERBS | AS_VERBS)
HOLDER_TYPES = {EntityType.ORGANIZATION, EntityType.PLACE}
# 'a chef named X', 'a student called Y': the noun is X's description, as an appositive is.
NAMING_PARTICIPLES = {"name", "call"}


def title_facts(state: DocState, sentence: Sentence, sent: Span) -> Iterator[Fact]:
    """Every position stated in a sentence; a role with no holder ('actor X') is kept as a fact
    with one participant only when no other reading of the sentence names its holder."""
    facts = _distinct(_positions(state, sent, sentence))
    held = {(f.subject.mention.start, f.role_name) for f in facts if f.object is not None}
    titled = {(f.subject.mention.start, f.object.mention.start) for f in facts
              if f.object is not None and f.role_name != "member"}
    for fact in facts:
        if fact.role_name in kinship_roles() and (
                fact.object is None or fact.object.mention.type is not EntityType.PERSON):
            continue  # 'Brother X', 'the widow X': a relation to no one named
        if fact.object is None and (fact.subject.mention.start, fact.role_name) in held:
            continue  # 'actor X' said again with its holder
        if fact.object is not None and fact.role_name == "member" and \
                (fact.subject.mention.start, fact.object.mention.start) in titled:
            continue  # 'Professor X of Lumen University': the professorship says more
        yield with_tenure(fact, state.doc.char_span(fact.evidence.trigger_start,
                                                    fact.evidence.trigger_end,
                                                    alignment_mode="expand"))


def _distinct(facts: Iterable[Fact]) -> list[Fact]:
    """Each position once: two readings of one phrase ('Former bishop and cardinal X', read
    from the parse and by word order) can find the same title."""
    seen: set[tuple[int, str | None, int | None]] = set()
    kept = []
    for fact in facts:
        key = (fact.subject.mention.start, fact.role_name,
               fact.object.mention.start if fact.object is not None else None)
        if fact.predicate == AFFILIATED and key in seen:
            continue
        seen.add(key)
        kept.append(fact)
    return kept


def _positions(state: DocState, sent: Span, sentence: Sentence) -> Iterator[Fact]:
    for fact in _read_positions(state, sent, sentence):
        yield from _respective(state, sentence, fact)


def _respective(state: DocState, sentence: Sentence, fact: Fact) -> Iterator[Fact]:
    """'A and B, the foreign ministers of Denmark and Sweden (respectively)', 'Danish and
    Swedish ministers A and B': a plural title with as many holders as names pairs them in
    order; with another count no holder can be told, and the title is kept without one."""
    trigger = state.doc.char_span(fact.evidence.trigger_start, fact.evidence.trigger_end,
                                  alignment_mode="expand")
    name = state.doc.char_span(fact.subject.mention.start, fact.subject.mention.end,
                               alignment_mode="expand")
    noun = next((t for t in reversed(trigger) if t.tag_ in PLURAL_TAGS), None) \
        if trigger is not None and fact.object is not None and fact.role_name else None
    holders = _coordinated_holders(state, noun) if noun is not None else []
    if len(holders) < 2 or name is None:
        yield fact
        return
    names = _listed_names(state, name.root)
    holder = holders[names.index(name.root)] if len(names) == len(holders) else None
    if holder is not None and holder.start == fact.object.mention.start:
        yield fact
        return
    yield from _position(state, sentence, trigger, fact.subject.mention, holder,
                         fact.role_name, fact.evidence.rule.removesuffix("-no-holder"))


def _coordinated_holders(state: DocState, noun: Token) -> list[Mention]:
    """The countries or organisations a plural title is held for, in order: its demonyms
    ('Danish and Swedish ministers') or the names after its 'of' ('ministers of A and B')."""
    found = [demonym_mention(state, [t]) for t in _demonyms_before(noun)]
    if len(found) > 1:
        return [m for m in found if m is not None]
    pobj = next((c for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for c in p.children if c.dep_ == "pobj"), None)
    chain: list[Mention] = []
    while pobj is not None and pobj.i in state.mention_at and \
            state.mention_at[pobj.i].type in HOLDER_TYPES:
        chain.append(state.mention_at[pobj.i])
        pobj = next((c for c in pobj.children if c.dep_ == "conj"), None)
    return chain


def _listed_names(state: DocState, name: Token) -> list[Token]:
    """The names coordinated with a name, in order ('A, B and C'), the name among them."""
    first = name
    while first.dep_ == "conj" and _is_name(state, first.head):
        first = first.head
    names = [first]
    while (after := next((c for c in names[-1].children if c.dep_ == "conj"
                          and _is_name(state, c)), None)) is not None:
        names.append(after)
    return names if name in names else [name]


def _read_positions(state: DocState, sent: Span, sentence: Sentence) -> Iterator[Fact]:
    for span, person in mention_spans(state, sent, EntityType.PERSON):
        # first, so that its reading of 'former A and B X' is the one kept of a title found twice
        yield from _titles_joined_before_name(state, sentence, span, person)
        yield from _before_name(state, sentence, span, person)
        yield from _coordinated_before_name(state, sentence, span, person)
        yield from _plural_title_of_conjunct(state, sentence, span, person)
        yield from _party_state_tag(state, sentence, span, person)
        yield from _title_of_before_name(state, sentence, span, person)
        yield from _member_of(state, sentence, span, person)
        yield from _own_party(state, sentence, span, person)
        yield from _party_beside_name(state, sentence, span, person)
        yield from _counterpart_facts(state, sentence, span, person)
        yield from _fronted_as(state, sentence, span, person)
        for role_head in _appositives(state, span):
            if role_head.lower_ in counterpart_nouns():
                continue  # read by _counterpart_facts
            yield from role_noun_facts(state, sentence, role_head, person, "title-appositive",
                                        _staffing_subject(state, role_head),
                                        seat=_seat_after_name(state, span, role_head))
            yield from _shared_possessor_facts(state, sentence, role_head, person)
            yield from _earlier_roles(state, sentence, role_head, person)
            if span.root.dep_ != "conj" and not _joined_to_person(state, span.root):
                yield from _coordinated_roles(state, sentence, role_head, person)
    for verb in sent:
        if verb.lemma_.lower() in _COPULA_LIKE and \
                verb.pos_ in {"AUX", "VERB"}:
            yield from _copula(state, sentence, verb)


def _shared_possessor_facts(state: DocState, sentence: Sentence, head: Token,
                            person: Mention) -> Iterator[Fact]:
    """"A and B's mother, C": English sets one possessive after a pair for what the pair
    shares (the group genitive), so C is A's mother as well as B's. The small parser hangs
    the possessive on the pair ('A' with 'B' its conjunct), where the holder read before is
    only the name nearest the noun, or reads the kinship noun as a conjunct of A ('A and
    [B's mother]'), which would leave C's kin unsaid with a name set beside the noun; either
    way each name of the pair is a holder. Only kinship words, and only named people."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None:
        return
    if head.dep_ == "conj" and head.head.i < owner.i < head.i and \
            any(c.dep_ == "cc" and c.lower_ == "and" for c in head.head.children):
        pair = [head.head, owner]
    elif any(c.dep_ == "conj" for c in owner.children):
        pair = _listed_names(state, owner)
    else:
        return
    holders = [state.mention_at.get(t.i) for t in pair]
    read = _role_noun(state, head)
    if len(pair) < 2 or read is None or read[1] not in kinship_roles() or \
            any(m is None or m.type is not EntityType.PERSON for m in holders):
        return
    for holder in holders:
        if holder is not None and holder is not read[2] and not _same_person(holder, person):
            yield from _position(state, sentence, read[0], person, holder, read[1],
                                 "title-appositive")


def _staffing_subject(state: DocState, role_head: Token) -> Mention | None:
    """The organisation that takes on the people a role noun's names are: 'Velmar hired two
    engineers, A and B', 'the agency named an astronaut, C'. The role noun is the object of
    a staffing verb (kg/data/employment.json) whose subject is an organisation, named or
    described ('the agency'); the role has no holder of its own words, so the subject is
    it. None in any other shape, or when the subject is a person ('she hired two lawyers'
    says whom she retained, not where they work)."""
    verb = role_head.head
    staffing = frozenset(employment_words()["staffing_verbs"])  # type: ignore[arg-type]
    if role_head.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in staffing:
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        mention = copula_subject(state, verb, subject)
        if mention is not None and mention.type in HOLDER_TYPES and \
                (mention.antecedent or mention).type is EntityType.ORGANIZATION:
            return mention
    return None


def _counterpart_facts(state: DocState, sentence: Sentence, span: Span,
                       person: Mention) -> Iterator[Fact]:
    """'X and his Greek, Cypriot and French counterparts, A, B and C': each name holds the
    possessor's office ('foreign minister X') for the country its demonym names, paired in
    order when there are as many countries as names (the 'respectively' reading), or the
    one country for all. Nothing when the possessor's office or the countries are unknown."""
    found = _counterpart_of(state, span)
    if found is None:
        return
    noun, names = found
    role = _possessor_role(state, noun)
    holders = [demonym_mention(state, [t]) for t in _demonyms_before(noun)]
    if role is None or span.root not in names or not holders or None in holders or \
            len(holders) not in {1, len(names)}:
        return
    holder = holders[names.index(span.root) if len(holders) > 1 else 0]
    trigger = noun.doc[noun.left_edge.i:noun.i + 1]
    yield from _position(state, sentence, trigger, person, holder, role, "title-counterpart")


def _fronted_as(state: DocState, sentence: Sentence, span: Span,
                person: Mention) -> Iterator[Fact]:
    """'As mayor of Tampere, X opened the bridge': a role given with 'as' before the clause
    is the subject's, held while the verb's deed was done ('served as' and 'joined as' are
    read with their verbs)."""
    root = span.root
    if root.dep_ not in SUBJECT_DEPS or root.head.lemma_.lower() in AS_VERBS:
        return
    for prep in (c for c in root.head.children if c.dep_ == "prep" and c.lower_ == "as"
                 and c.i < span.start):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"
                     and c.i not in state.mention_at):
            yield from role_noun_facts(state, sentence, noun, person, "title-as-fronted")


def _counterpart_of(state: DocState, span: Span) -> tuple[Token, list[Token]] | None:
    """The counterpart noun set beside a name, and the names beside it in order: 'A, his
    Greek counterpart', 'his Greek and French counterparts, A and B', and 'X and his
    counterparts, A and B' as the small parser reads it, with A beside X and the noun a
    conjunct of X."""
    root = span.root
    own = next((c for c in root.children if c.dep_ == "appos" and
                c.lower_ in counterpart_nouns()), None)
    if own is not None:
        return own, [root]
    first = root
    while first.dep_ == "conj" and _is_name(state, first.head):
        first = first.head
    listed = _counterpart_before_comma(first)
    if listed is not None:
        return listed, _names_from(state, first)  # 'his counterparts, A, B and C'
    if first.dep_ != "appos":
        return None
    head = first.head
    noun = head if head.lower_ in counterpart_nouns() else next(
        (c for c in head.children if c.dep_ == "conj" and c.lower_ in counterpart_nouns()
         and c.i < first.i), None) if _is_person(state, head) else None
    if noun is None:
        return None
    return noun, _names_from(state, first)


def _counterpart_before_comma(first: Token) -> Token | None:
    """The counterpart noun a list of names follows after a comma, read by word order ('his
    Danish and Irish counterparts, A and B'): the small parser makes A a conjunct of the
    noun, or a modifier of the verb, as often as its appositive. Only the comma sets the
    names beside the noun: 'his counterparts and A' are more people."""
    doc, at = first.doc, first.left_edge.i - 1
    if at < 1 or doc[at].text != "," or doc[at - 1].lower_ not in counterpart_nouns():
        return None
    return doc[at - 1]


def _names_from(state: DocState, first: Token) -> list[Token]:
    """A name and the names coordinated after it, in order ('A, B and C')."""
    names = [first]
    while (after := next((c for c in names[-1].children if c.dep_ == "conj"
                          and _is_name(state, c)), None)) is not None:
        names.append(after)
    return names


def _is_person(state: DocState, token: Token) -> bool:
    return token.i in state.mention_at and state.mention_at[token.i].type is EntityType.PERSON


def _is_name(state: DocState, token: Token) -> bool:
    """A name in a list of people: the recogniser may type one of them otherwise ('A, B and
    C' with B taken for an organisation), and it still holds its place in the order."""
    return token.i in state.mention_at and state.mention_at[token.i].type is not EntityType.DATE


def _possessor_role(state: DocState, noun: Token) -> str | None:
    """The office of the person whose counterpart a noun names ('his', 'X's'), read from the
    title before that person's name ('Egyptian foreign minister X' -> 'foreign minister')."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) or next(
        (c for word in noun.lefts for c in word.children if c.dep_ == "poss"
         and c.i < word.i), None)  # 'his Danish, ... counterparts' with 'his' on 'Danish'
    if owner is None:
        return None
    found = referent(state, owner, possessive=True) if owner.pos_ == "PRON" else \
        state.mention_at.get(owner.i)
    named = found.antecedent or found if found is not None else None
    if named is None or named.type is not EntityType.PERSON:
        return None
    name = noun.doc.char_span(named.start, named.end, alignment_mode="expand")
    if name is None:
        return None
    read = _role_at_end(state, _premodifiers(name))
    return read[1] if read is not None and read[1] not in _professions_and_kin() \
        else None


# How the parser hangs a demonym on the noun it modifies: the first of a list ('Danish,
# Polish and Irish counterparts') is often an 'nmod'.
DEMONYM_DEPS = frozenset({"amod", "nmod"})


def _demonyms_before(noun: Token) -> list[Token]:
    """The demonyms modifying a noun, in order, with their conjuncts ('Greek, Cypriot and
    French counterparts'); a word not a demonym ends none of them, it is left out."""
    words: list[Token] = []
    for amod in (c for c in noun.children if c.dep_ in DEMONYM_DEPS and c.i < noun.i):
        words.extend(t for t in amod.subtree if t.dep_ in {*DEMONYM_DEPS, "conj"}
                     and t.i < noun.i)
    return [t for t in sorted(words, key=lambda t: t.i) if t.lower_ in demonyms()]


def _joined_to_person(state: DocState, name: Token) -> bool:
    """Whether another person is a conjunct of the name ('A and B'): their titles are not
    shared. A title the parser made a conjunct ('X, the chair and spokesperson') is none."""
    return any(c.dep_ == "conj" and (c.i not in state.mention_at or
                                     state.mention_at[c.i].type is EntityType.PERSON)
               and not _apposed_conjunct(state, name, c) for c in name.children)


def _premodifiers(span: Span) -> list[Token]:
    """The words before a name that modify it: 'Germany 's foreign minister' before 'X'."""
    doc, left, root = span.doc, span.start, span.root
    while left > span.sent.start:
        token = doc[left - 1]
        inside = left <= token.head.i < span.end
        possessive_mark = token.dep_ == "case" and token.head.i == left - 2
        # 'His widow Mia Kest spoke': the small parser makes 'widow' a second subject.
        split = left == span.start and token.pos_ == "NOUN" and token.dep_ == root.dep_ and \
            token.head.i == root.head.i and root.dep_ != "ROOT"
        if not (possessive_mark or split or (inside and token.dep_ in PREMODIFIER_DEPS)):
            break
        left -= 1
    return [t for t in doc[left:span.start] if t.dep_ != "det"]


def _role_at_end(state: DocState, tokens: list[Token]) -> tuple[int, str] | None:
    """The longest role phrase ending the token list: (its length in tokens, its canonical
    name). Hyphenated roles are read as written ('Secretary-General', 'President-elect'), and
    a portfolio the lexicon does not list takes the plain words before it ('economic
    development minister', 'Court Commissioner')."""
    # A hyphen is its own token: allow a few more tokens than the longest role has words.
    for size in range(min(longest_role() + 4, len(tokens)), 0, -1):
        words = tokens[-size:]
        role = _role_named(words)
        if role is not None:
            found = _with_portfolio(state, tokens, size - _named_body(state, words, role), role)
            return _with_rank(tokens, *found)
    return None


def _with_rank(tokens: list[Token], size: int, role: str) -> tuple[int, str]:
    """'deputy' + 'director': a rank word right before a role makes it another, lower
    office, so it stays in the role's name (a deputy director is not the director)."""
    if size < len(tokens) and tokens[-size - 1].lower_ in rank_modifiers() and \
            tokens[-size - 1].i == tokens[-size].i - 1:
        return size + 1, f"{tokens[-size - 1].lower_} {role}"
    return size, role


def _role_named(words: Iterable[Token]) -> str | None:
    """The role some words name, read as written ('Secretary-General': the hyphen is a token
    of its own) or word by word ('secretary of state')."""
    words = list(words)
    return canonical_role("".join(t.text_with_ws for t in words)) or canonical_role(
        " ".join(t.lower_ for t in words))


def _named_body(state: DocState, words: list[Token], role: str) -> int:
    """How many leading words of a role phrase name the body it serves: 'Senate' in 'Senate
    Majority Leader' is the holder, not part of the role, when the recogniser named it."""
    for cut in range(len(words) - 1, 0, -1):
        body = {id(state.mention_at.get(t.i)) for t in words[:cut]}
        first = state.mention_at.get(words[0].i)
        if first is None or first.type is not EntityType.ORGANIZATION or len(body) != 1:
            continue
        if canonical_role(" ".join(t.lower_ for t in words[cut:])) == role:
            return cut
    return 0


PORTFOLIO_ROLES = ("minister", "secretary", "commissioner")
PORTFOLIO_POS = {"NOUN", "PROPN", "ADJ"}
LONGEST_PORTFOLIO = 3


def _with_portfolio(state: DocState, tokens: list[Token], size: int,
                    role: str) -> tuple[int, str]:
    """'economic development' + 'minister': the plain words before a portfolio role are its
    portfolio; a name, a demonym, an initialism or a modifier ('former') ends it."""
    if not role.endswith(PORTFOLIO_ROLES):
        return size, role
    extra: list[Token] = []
    for token in reversed(tokens[:-size]):
        if len(extra) == LONGEST_PORTFOLIO or token.pos_ not in PORTFOLIO_POS or \
                token.i in state.mention_at or token.lower_ in role_modifiers() or \
                token.lower_ in demonyms() or token.text in initialisms() or \
                token.dep_ in {"poss", "case"}:
            break
        extra.insert(0, token)
    if not extra:
        return size, role
    return size + len(extra), " ".join([*(t.lower_ for t in extra), role])


def _adjacent_words(state: DocState, span: Span) -> list[Token]:
    """The capitalised words right before a name, by word order: when the parser breaks
    'County Fire Department Capt. Hugh Madlock' into pieces, the role still ends the run."""
    doc, left = span.doc, span.start
    while left > span.sent.start and span.start - left < longest_role() + 5:
        token = doc[left - 1]
        abbreviation = token.text == "." and left - 2 >= span.sent.start and \
            doc[left - 2].is_alpha and not doc[left - 2].whitespace_
        if not (abbreviation or (token.pos_ in TITLE_WORD_POS and token.text[:1].isupper()
                                 and (token.i not in state.mention_at or
                                      state.mention_at[token.i].type in HOLDER_TYPES))):
            break
        left -= 1
    return list(doc[left:span.start])


NAME_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _role_run_before(state: DocState, span: Span) -> list[Token]:
    """The words right before a name, by word order, whatever their case: when the parser
    hangs 'energy minister' of 'Cypriot president A and energy minister B' on the wrong
    name, the run of nouns and adjectives before B still ends in B's title. A name that
    itself modifies a noun ('his official Tom Reed account') is no one titled: nothing."""
    doc, left = span.doc, span.start
    if span.root.dep_ in NAME_MODIFIER_DEPS:
        return []
    while left > span.sent.start and span.start - left < longest_role() + 2:
        token = doc[left - 1]
        if token.pos_ not in TITLE_WORD_POS or token.is_punct or (
                token.i in state.mention_at and
                state.mention_at[token.i].type not in HOLDER_TYPES):
            break
        left -= 1
    return list(doc[left:span.start])


def _holder_of_name_before(state: DocState, trigger: Span, role: str) -> Mention | None:
    """The holder a title with none of its own shares with the titled name just before it in
    a list, by word order ('Cypriot president A and energy minister B': Cyprus), as
    ``_shared_holder`` reads it from the parse when the parser joins the two names."""
    doc, at = trigger.doc, trigger.start - 1
    if at < 1 or doc[at].lower_ not in LIST_JOINERS:
        return None
    return _shared_holder(state, doc[at - 1], role)


def _party_noun(state: DocState, sentence: Sentence, tokens: list[Token],
                person: Mention) -> Iterator[Fact]:
    """'Democrat Ann Bole', 'Republican Tom Hart': a party word used as a noun right before a
    name says the person belongs to the party."""
    party = _party(state, tokens[-2:], "member") if tokens else None
    if party is not None and party[0].end == tokens[-1].i + 1:
        yield from _party_facts(state, sentence, party, person, "member", "party-before-name")


def _before_name(state: DocState, sentence: Sentence, span: Span,
                 person: Mention) -> Iterator[Fact]:
    tokens = _premodifiers(span)
    found = _role_at_end(state, tokens)
    if found is None:
        adjacent = _adjacent_words(state, span)
        if len(adjacent) > len(tokens) and _role_at_end(state, adjacent) is not None:
            tokens = adjacent
            found = _role_at_end(state, tokens)
    if found is None:
        run = _role_run_before(state, span)
        if len(run) > len(tokens) and _role_at_end(state, run) is not None:
            tokens, found = run, _role_at_end(state, run)
    if found is None:
        inside = _title_inside(span)
        if inside:
            tokens = [*tokens, *inside]
            found = _role_at_end(state, tokens)
    if found is None and (end := _gloss_start(state, span)) < span.start:
        glossed = _adjacent_words(state, span.doc[end:span.end])
        if _role_at_end(state, glossed) is not None:
            tokens, found = glossed, _role_at_end(state, glossed)
    if found is None:
        hyphened = _hyphened_title(state, span)
        if hyphened is not None:
            yield from _position(state, sentence, *hyphened[:1], person, *hyphened[1:],
                                 "title-hyphened-before-name")
            return
        yield from _party_noun(state, sentence, tokens, person)
        return
    size, role = found
    trigger = span.doc[tokens[-size].i:tokens[-1].i + 1]
    party = _party(state, tokens[:-size], role)
    holder = _holder_in(state, _without_party(tokens[:-size], party), role)
    if party is not None:
        yield from _party_facts(state, sentence, party, person, role, "title-before-name",
                                _party_holds(party, trigger, holder))
    if role in kinship_roles() and (holder is None or _same_person(holder, person)):
        holder = _kin_of_pronoun(state, tokens[:-size], person)
    if holder is None and party is None:
        holder = _holder_before_aside(state, trigger)
    if holder is None and party is None and role not in professions():
        # 'House of Commons Speaker X': a name the premodifiers leave out ends at the role
        named = state.mention_at.get(trigger.start - 1)
        if named is not None and named.type in HOLDER_TYPES and \
                named.type is EntityType.ORGANIZATION:
            holder = named
    if holder is None and party is None and span.root.dep_ == "conj":
        holder = _shared_holder(state, span.root.head, role)
    if holder is None and party is None:
        holder = _holder_of_name_before(state, trigger, role)
    if holder is None and party is None and role.endswith("minister"):
        holder = _country_opening_portfolio(state, trigger)
    after = _holder_after(state, span, role)
    # 'Senator X of Nebraska', 'Cardinal X of the Holy See': the holder follows the name;
    # 'U.S. Representative X from Oregon' holds the seat for both.
    if after is not None and (holder is None or after.type is EntityType.PLACE):
        yield from _position(state, sentence, trigger, person, after, role, "title-name-of-holder")
        if holder is None:
            return
    yield from _position(state, sentence, trigger, person, holder, role, "title-before-name")


def _hyphened_title(state: DocState, span: Span) -> tuple[Span, Mention, str] | None:
    """'then-U.S.-president X', 'UK-prime-minister X': a country glued by hyphens to the
    role before a name, which the tokenizer keeps as one word ('U.S.-president'): the
    trigger word, the country and the role, read off the word's text. None unless the part
    before a hyphen names a country (a demonym or an initialism) and the rest is a role."""
    if span.start - 1 < span.sent.start:
        return None
    word = span.doc[span.start - 1:span.start]
    text = word.text
    for cut in (i for i, char in enumerate(text) if char == "-" and 0 < i < len(text) - 1):
        role = canonical_role(text[cut + 1:].replace("-", " "))
        place = demonyms().get(text[:cut].lower()) or initialisms().get(text[:cut])
        if role is not None and place is not None:
            mention = make_mention(state, word, EntityType.PLACE, ner_label="NORP")
            return word, mention.model_copy(update={"text": place}), role
    return None


LONGEST_JOINED_PORTFOLIO = 5


def _country_opening_portfolio(state: DocState, trigger: Span) -> Mention | None:
    """'Kenyan Roads and Public Works Minister X', 'French Economy and Finance
    Minister Y': a portfolio of two fields joined by 'and' breaks the parse, so the title's
    words stop at the 'and'; read by word order, a demonym opening the capitalised run
    before the minister names the country whose minister X is."""
    doc, left = trigger.doc, trigger.start
    floor = max(trigger.sent.start, trigger.start - LONGEST_JOINED_PORTFOLIO)
    while left > floor and (doc[left - 1].lower_ in {"and", "&"} or (
            doc[left - 1].text[:1].isupper() and doc[left - 1].pos_ in TITLE_WORD_POS)):
        left -= 1
    if left == trigger.start or doc[left].lower_ in {"and", "&"}:
        return None
    return demonym_mention(state, [doc[left]]) if doc[left].lower_ in demonyms() or \
        doc[left].text in initialisms() else None


def _holder_before_aside(state: DocState, trigger: Span) -> Mention | None:
    """'PAN (National Action Party) candidate X', 'the Labor Party (PT) candidate X': the
    organisation named right before a short bracketed aside that ends at the role; the aside
    spells its name out or shortens it, and the parser leaves both out of the role's words."""
    doc, sent = trigger.doc, trigger.sent
    if trigger.start - 1 <= sent.start or doc[trigger.start - 1].text != ")":
        return None
    opening = next((t.i for t in reversed(doc[max(sent.start, trigger.start - LONGEST_ASIDE - 2):
                                              trigger.start - 1]) if t.text in {"(", ")"}), None)
    if opening is None or doc[opening].text != "(" or opening - 1 < sent.start:
        return None
    named = state.mention_at.get(opening - 1)
    return named if named is not None and named.type is EntityType.ORGANIZATION else None


LONGEST_ASIDE = 6
LONGEST_GLOSS = 4


def _gloss_start(state: DocState, span: Span) -> int:
    """Where a bracketed gloss of the title right before a name opens: 'Labour MP (Member of
    Parliament) X', 'Member of Parliament (MP) X': the brackets spell the role out or shorten
    it, and the title before them is read as if they were not there. The name's own start
    when no such gloss precedes it."""
    doc, sent = span.doc, span.sent
    if span.start - 2 <= sent.start or doc[span.start - 1].text != ")":
        return span.start
    inside = next((t.i for t in reversed(doc[max(sent.start, span.start - LONGEST_GLOSS - 2):
                                             span.start - 1]) if t.text in {"(", ")"}), None)
    if inside is None or doc[inside].text != "(":
        return span.start
    words = list(doc[inside + 1:span.start - 1])
    return inside if words and _role_named(words) is not None else span.start
SHORTEST_NAME_AFTER_TITLE = 2


def _title_inside(span: Span) -> list[Token]:
    """The title the recogniser kept inside a name ('Cardinal Ilse Varga', 'Taoiseach Ann
    Rowe'): capitalised role words opening the name, followed by at least a given name and a
    surname (so 'King Charles' or 'Judge Reinhold' stay names)."""
    for size in range(min(longest_role(), len(span) - SHORTEST_NAME_AFTER_TITLE), 0, -1):
        words, rest = list(span[:size]), span[size:]
        if words[0].text[:1].isupper() and _role_named(words) is not None and \
                all(t.pos_ == "PROPN" and t.is_title for t in rest):
            return words
    return []


LEGISLATOR = "legislator"


def _party_state_tag(state: DocState, sentence: Sentence, span: Span,
                     person: Mention) -> Iterator[Fact]:
    """'Sen. X, R-Utah', 'Rep. Y (D-Fla.)': the tag after a US politician's name gives the
    party (a member) and the state whose seat the person holds (the title before the name,
    or 'legislator' when there is none). Read off the words: the parser splits the tag."""
    doc = span.doc
    at = span.end
    if at + 3 > span.sent.end or doc[at].text not in {",", "("} or \
            doc[at + 1].text not in party_letters() or doc[at + 2].text != "-":
        return
    where = doc[at + 3]
    named = state.mention_at.get(where.i)
    abbreviation = state_abbreviations().get(where.lower_) or (
        state_abbreviations().get(where.lower_ + ".") if not where.whitespace_ and
        where.i + 1 < len(doc) and doc[where.i + 1].text == "." else None)
    if abbreviation is not None:
        place = make_mention(state, doc[where.i:where.i + 1], EntityType.PLACE,
                             ner_label="GPE").model_copy(update={"text": abbreviation})
    elif named is not None and named.type is EntityType.PLACE:
        place = named
    else:
        return
    tag = doc[at + 1:where.i + 1]
    party = make_mention(state, doc[at + 1:at + 2], EntityType.ORGANIZATION, ner_label="NORP")
    party = party.model_copy(update={"text": party_letters()[doc[at + 1].text]})
    yield make_fact(state, sentence, tag, predicate=AFFILIATED, lemma=tag.text.lower(),
                    subject=person, obj=party, rule="party-state-tag-party", roles=(),
                    role_name="member")
    found = _role_at_end(state, _premodifiers(span))
    role = found[1] if found is not None and found[1] not in professions() else LEGISLATOR
    yield make_fact(state, sentence, tag, predicate=AFFILIATED, lemma=tag.text.lower(),
                    subject=person, obj=place, rule="party-state-tag", roles=(), role_name=role)
    # 'Rep. X, R-Ohio, chairman of the House Energy Committee': the parser hangs the title
    # after the tag on the state, as if it were the state's chairman; it is X's.
    for noun in (c for c in where.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                 and c.i > where.i and c.i not in state.mention_at):
        yield from role_noun_facts(state, sentence, noun, person, "title-after-party-tag")


def _shared_holder(state: DocState, first: Token, role: str) -> Mention | None:
    """'Greek prime minister X and energy minister Y': Y's title has no holder of its own and
    shares the one before the first name. A profession or a relative shares nothing."""
    mention = state.mention_at.get(first.i)
    if mention is None or mention.type is not EntityType.PERSON or \
            role in _professions_and_kin():
        return None
    start = first.i
    while start > 0 and state.mention_at.get(start - 1) is mention:
        start -= 1
    tokens = _premodifiers(first.doc[start:first.i + 1])
    found = _role_at_end(state, tokens)
    if found is None and first.dep_ == "appos" and first.head.pos_ == "NOUN":
        # 'Israeli prime minister A and energy minister B' parsed with A beside 'minister'
        read = _role_noun(state, first.head)
        if read is not None and read[1] not in _professions_and_kin():
            return read[2]
    if found is None or found[1] in _professions_and_kin():
        return None
    return _holder_in(state, tokens[:-found[0]], found[1])


def _party(state: DocState, tokens: list[Token], role: str) -> tuple[Span, str] | None:
    """A capitalised party word before a role ('Conservative MP', 'Republican Senate Majority
    Leader'): its tokens and the party's usual name. Not before a profession: a 'Conservative
    commentator' says how someone thinks, not which party they belong to."""
    if role in _professions_and_kin():
        return None
    for size in (2, 1):
        for start in range(len(tokens) - size, -1, -1):
            words = tokens[start:start + size]
            if words[0].i + size - 1 != words[-1].i or not words[0].text[:1].isupper():
                continue
            name = parties().get(" ".join(t.text for t in words))
            named = state.mention_at.get(words[0].i)
            if named is not None and named.text != " ".join(t.text for t in words):
                return None  # 'Labour Party leader': the name itself is the holder
            if name is not None:
                return words[0].doc[words[0].i:words[-1].i + 1], name
    return None


def _without_party(tokens: list[Token], party: tuple[Span, str] | None) -> list[Token]:
    if party is None:
        return tokens
    return [t for t in tokens if not party[0].start <= t.i < party[0].end]


def _party_facts(state: DocState, sentence: Sentence, party: tuple[Span, str], person: Mention,
                 role: str, rule: str, holds: bool = True) -> Iterator[Fact]:
    """'Conservative MP X' belongs to the Conservative Party; 'Labour leader X' leads it,
    unless ``holds`` is false (``_party_holds``)."""
    span, name = party
    mention = make_mention(state, span, EntityType.ORGANIZATION, ner_label="NORP")
    mention = mention.model_copy(update={"text": name})
    in_party = role in party_offices() and holds
    yield make_fact(state, sentence, span, predicate=AFFILIATED, lemma=span.text.lower(),
                    subject=person, obj=mention, rule=f"{rule}-party", roles=(),
                    role_name=role if in_party else "member")


def _party_holds(party: tuple[Span, str], trigger: Span, holder: Mention | None) -> bool:
    """Whether a party word before a party office names the body the office is held in
    ('Labour leader X' leads the party): not when the role has a holder of its own ('the
    Democratic chairman of the Oversight Committee') or the kind of another body stands
    between ('Democratic committee chairman X' chairs a committee); the party word then says
    only that X belongs to the party."""
    span = party[0]
    between = span.doc[span.end:trigger.start]
    return holder is None and not any(t.lower_ in organisation_kinds() for t in between)


def _holder_after(state: DocState, span: Span, role: str) -> Mention | None:
    """The organisation after a titled name ('Professor X of Lumen University'), or the place
    of a seat ('Senator X of Nebraska'); after other roles a place says where X is from."""
    for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            mention = _organisation_at(state, pobj) or state.mention_at.get(pobj.i)
            if mention is None or role in professions():
                continue  # 'author X of the Center' is a member there, not its author
            if mention.type is EntityType.ORGANIZATION or (
                    mention.type is EntityType.PLACE and role in constituency_roles()):
                return mention
    return None


TITLE_WORD_POS = {"NOUN", "PROPN", "ADJ"}
LONGEST_HOLDER = 5


def _title_of_before_name(state: DocState, sentence: Sentence, span: Span,
                          person: Mention) -> Iterator[Fact]:
    """'Secretary of State X' (one role), 'First Minister of Scotland X', 'Mayor of Springfield
    X' (a role and its holder), 'US Ambassador to Peru X' (a role held of the country before
    it, or of the one after 'to' for an adviser's kind of role): read off the words, as the
    parser seldom links them."""
    doc, sent = span.doc, span.sent
    end = _gloss_start(state, span)  # 'Member of Parliament (MP) X': the gloss is no holder
    of = next((t for t in reversed(doc[max(end - LONGEST_HOLDER - 1, sent.start):end])
               if t.lower_ in {"of", "from", "to"}), None)
    if of is None or any(t.is_punct for t in doc[of.i:end]):
        return
    left = of.i
    while left > sent.start and (doc[left - 1].pos_ in TITLE_WORD_POS or
                                 doc[left - 1].text == "-") and not doc[left - 1].is_punct:
        left -= 1
    before = list(doc[left:of.i])
    whole = _role_at_end(state, [*before, *doc[of.i:end]]) if of.lower_ == "of" else None
    if whole is not None and whole[0] > end - of.i:  # 'Secretary of State'
        size, role = whole
        tokens = [*before, *doc[of.i:end]]
        trigger = doc[tokens[-size].i:end]
        yield from _position(state, sentence, trigger, person,
                             _holder_in(state, tokens[:-size], role), role,
                             "title-of-before-name")
        return
    found = _role_at_end(state, before)
    holder = state.mention_at.get(end - 1)
    named = doc[of.i + 2 if doc[of.i + 1].lower_ == "the" else of.i + 1:end]  # 'of the EU'
    if found is None or holder is None or holder.type not in HOLDER_TYPES or \
            any(state.mention_at.get(t.i) is not holder for t in named):
        return
    size, role = found
    if of.lower_ == "to" and role not in served_with_to():
        # 'Former US Ambassador to the EU X': 'to' names where X is sent, not whom X serves
        yield from _position(state, sentence, doc[before[0].i:of.i], person,
                             _holder_in(state, before[:-size], role), role,
                             "title-to-before-name")
        return
    if of.lower_ == "from" and not (holder.type is EntityType.PLACE and _seat_from(of, role)):
        return  # 'Senator from Vermont X' names the seat; 'Chef from Oslo X' no holder
    trigger = doc[before[-size].i:of.i]
    yield from _position(state, sentence, trigger, person, holder, role,
                         f"title-{of.lower_}-before-name")
    if of.lower_ == "from":
        yield from _seat_and_body(state, sentence, before, size, person, (holder, role))


def _seat_and_body(state: DocState, sentence: Sentence, before: list[Token], size: int,
                   person: Mention, seat: tuple[Mention, str]) -> Iterator[Fact]:
    """'United States Senator from Oregon X': the seat is Oregon's, and the office is held of
    the country named before the title, as 'U.S. Senator X of Ohio' is read (a reader writes
    both 'senator for Oregon' and 'senator of the United States'). Only a country: 'Acme
    chef from Oslo X' is read by the 'from' rule alone."""
    holder, role = seat
    body = _holder_in(state, before[:-size], role)
    place = lookup(body.text) if body is not None and body is not holder else None
    if body is None or place is None or place.kind != "country":
        return  # the recogniser may type the country an organisation, the gazetteer does not
    trigger = before[0].doc[before[0].i:before[-1].i + 1]
    yield from _position(state, sentence, trigger, person, body, role, "title-before-name")


def _hedged(trigger: Span) -> bool:
    """'purported film expert X', 'self-styled prophet X': a hedging modifier
    (roles.json's '_hedging_modifiers') among the few words of the title's phrase before it
    makes the title a claim, not a position the text states (judged wrong: 'not stated he is
    an expert')."""
    before = trigger.doc[max(trigger.start - 3, trigger.sent.start):trigger.start]
    words = [t.lower_ for t in before]
    stop = max((i for i, t in enumerate(before) if words[i] not in hedging_modifiers() and
                (t.is_punct or t.pos_ in {"VERB", "AUX", "ADP", "DET"})), default=-1)
    return any(w in hedging_modifiers() for w in words[stop + 1:])


def _position(state: DocState, sentence: Sentence, trigger: Span, person: Mention,
              holder: Mention | None, role: str, rule: str) -> Iterator[Fact]:
    """The position fact; 'the American singer X' says where X is from, not whom X serves,
    and that X is a singer (serving no one), as a reader would note both. With no holder
    stated ('actor X', 'President X') the role is still a fact, with one participant, so
    everyone who is an actor can be asked for."""
    if holder is not None and holder.ner_label in {"NORP", "GPE"} and role in professions():
        if _origin_named(holder):
            yield make_fact(state, sentence, trigger, predicate="cameFrom", lemma="from",
                            subject=person, obj=holder, rule=f"{rule}-nationality", roles=())
        holder = None
    if role in not_roles() or _hedged(trigger):
        return  # 'a true American hero': where X is from, but no position held
    if holder is None:
        role_words = _role_words(trigger, role)
        yield make_fact(state, sentence, role_words, predicate=AFFILIATED,
                        lemma=role_words.text.lower(), subject=person, obj=None,
                        rule=f"{rule}-no-holder", roles=(), role_name=role)
        return
    yield make_fact(state, sentence, trigger, predicate=AFFILIATED, lemma=trigger.text.lower(),
                    subject=person, obj=holder, rule=rule, roles=(), role_name=role)


def _origin_named(holder: Mention) -> bool:
    """Whether a place written before a profession says where the person is from: a
    nationality ('Polish chef X') or a country ('US actor X') does; a city or a region
    ('Oslo lawyer X', 'New York City chef X') is where the person works, which no relation
    of a person says, so it gives no fact. A place the gazetteer does not know is read as
    before, as a country (often an abbreviation, 'US')."""
    if holder.ner_label == "NORP":
        return True
    place = lookup(holder.text)
    return place is None or place.kind == "country"


def _role_words(trigger: Span, role: str) -> Span:
    """The words of a trigger that name the role itself: 'actor' of 'US actor' when the
    demonym is read as a nationality; the whole trigger otherwise."""
    for start in range(trigger.start, trigger.end):
        if _role_named(trigger.doc[start:trigger.end]) == role:
            return trigger.doc[start:trigger.end]
    return trigger


def _holder_in(state: DocState, tokens: list[Token], role: str = "") -> Mention | None:
    """The organisation or country among the words before a role: a name the recogniser found,
    a demonym ('Russian' -> Russia) or an unrecognised proper noun ('Kremlin')."""
    words = [t for t in tokens if t.lower_ not in role_modifiers() and t.dep_ != "case"
             and not t.is_punct]
    if not words:
        return None
    for token in reversed(words):
        mention = state.mention_at.get(token.i)
        if mention is not None and mention.type is not EntityType.DATE:
            return mention
        if token.dep_ == "poss" and token.lower_ == "its":
            return _subject_organisation_before(state, token)  # 'its chief executive, X'
        if token.dep_ == "poss" and token.pos_ == "PRON":
            # 'his wife, X', 'her running mate X': the person the pronoun stands for.
            mention = referent(state, token, possessive=True)
            return mention if mention is not None and \
                mention.type is EntityType.PERSON else None
        if token.dep_ == "poss" and token.pos_ == "NOUN":
            # "the company's chief executive, X": the one organisation the description fits;
            # "the boy's aunt, X": the one person, for a role held toward a person
            return _described_holder(state, token) or _described_person(state, token, role)
        if token is words[-1] and token.dep_ in {"compound", "nmod"} and \
                token.pos_ == "NOUN" and token.lower_ in organisation_kinds() and \
                len(words) == 1:
            # 'X, a company spokesman', 'ministry officials': a kind noun that names no one
            # stands for the one organisation of that kind the article named before (none
            # when two could be meant), as reference reads 'the company'; 'a Phoenix
            # newspaper reporter' names its own
            return described_organisation(state, token, token.lemma_.lower())
        if token is words[-1] and len(words) == 1 and token.is_title and \
                token.lower_ in organisation_kinds() and \
                (named := _short_named(state, token)) is not None:
            return named  # 'Council President X' after 'the Halden Legislative Council'
    demonym = demonym_mention(state, words) or _state_branch(state, words)
    if demonym is not None:
        return demonym
    proper = [t for t in words if t.pos_ == "PROPN"]
    if role.endswith(PORTFOLIO_ROLES):
        return None  # 'Natural Resources Minister X': a portfolio, not an organisation
    while proper and words[-1].pos_ == "ADJ" and words[-1].is_lower and len(words) > 1:
        words = words[:-1]  # 'Orvex financial spokesman': the field is no part of the name
    if proper and proper == words[-len(proper):]:
        span = words[0].doc[proper[0].i:proper[-1].i + 1]
        if is_fragment(span):
            return None  # 'Hallam Early Career Professor of Engineering': a chair
        return make_mention(state, span, EntityType.ORGANIZATION, ner_label="PROPN")
    return None


def _short_named(state: DocState, kind: Token) -> Mention | None:
    """The organisation a capitalised kind word alone before a role is short for ('Council
    President X', 'Committee Chair Y'): the one named before whose own name has that word
    ('the Halden Legislative Council'); None when none or two could be meant, and then the
    word is no holder."""
    named = described_organisation(state, kind, kind.lower_)
    if named is None or kind.lower_ not in {w.lower() for w in named.text.split()}:
        return None
    return named


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _subject_organisation_before(state: DocState, its: Token) -> Mention | None:
    """The organisation a possessive 'its' before a role stands for: the nearest subject
    before it, in its sentence or the one before, when that subject is an organisation
    ('Lumen Bank said its chairman X', 'Lumen Bank grew. Its chief executive, X'); a person
    is passed over, as 'its' never stands for one ('Lumen Bank grew. X, its chief
    executive, said'). None when the nearest other subject is anything else ('The plant
    grew. Its manager, X')."""
    doc = its.doc
    first = its.sent.start
    if first > 0:
        first = doc[first - 1].sent.start
    for token in reversed(doc[first:its.i]):
        named = state.mention_at.get(token.i)
        if token.dep_ not in SUBJECT_DEPS or (
                named is not None and named.type is EntityType.PERSON):
            continue
        return named if named is not None and named.type is EntityType.ORGANIZATION else None
    return None


def _state_branch(state: DocState, words: list[Token]) -> Mention | None:
    """'Israeli security', 'Peruvian army' before a role: the country whose branch of state
    the words name; any other word after the demonym ('Russian oil') names no employer."""
    for cut in range(len(words) - 1, 0, -1):
        if all(t.lower_ in state_sectors() for t in words[cut:]):
            found = demonym_mention(state, words[:cut])
            if found is not None:
                return found
        else:
            break
    return None


def demonym_mention(state: DocState, words: list[Token]) -> Mention | None:
    """'Russian', 'North Korean', 'U.S.' as a mention of the place they name."""
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        phrase = words[-size:]
        key = " ".join(t.lower_ for t in phrase)
        place = demonyms().get(key) or (initialisms().get(phrase[0].text) if size == 1 else None)
        if place is not None:
            span = phrase[0].doc[phrase[0].i:phrase[-1].i + 1]
            mention = make_mention(state, span, EntityType.PLACE, ner_label="NORP")
            return mention.model_copy(update={"text": place})
    return None


MEMBER_PREPS = {"of", "from", "at"}


def _member_of(state: DocState, sentence: Sentence, span: Span,
               person: Mention) -> Iterator[Fact]:
    """'Nina Corwell of MIT', 'Jane Roe from the Red Cross', 'Wen Li at the Institute of
    Optics': a member of that organisation. 'A and B of Y' are both members of Y."""
    root = span.root
    owners = [root, *(c for c in root.conjuncts if c.i > root.i
                      and state.mention_at.get(c.i) is not None
                      and state.mention_at[c.i].type is EntityType.PERSON)]
    for owner in owners:
        for prep in (c for c in owner.children if c.dep_ == "prep" and
                     c.lower_ in MEMBER_PREPS):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                holder = _organisation_at(state, pobj)
                if holder is None:
                    continue
                yield make_fact(state, sentence, span.doc[prep.i:prep.i + 1],
                                predicate=AFFILIATED, lemma=prep.lower_, subject=person,
                                obj=holder, rule=f"person-{prep.lower_}-organisation",
                                roles=(), role_name="member")
                owner = _owning_organisation(state, pobj, holder)
                if owner is not None:
                    yield make_fact(state, sentence, span.doc[prep.i:prep.i + 1],
                                    predicate=AFFILIATED, lemma=prep.lower_, subject=person,
                                    obj=owner, rule=f"person-{prep.lower_}-organisation-owner",
                                    roles=(), role_name="member")
            if owner is not root:
                break  # 'A and B of Y': B's own phrase, shared; B has its own 'of' read too


def _owning_organisation(state: DocState, pobj: Token, holder: Mention) -> Mention | None:
    """"X of Lumen University's School of Law": the school belongs to the university, so its
    member is the university's too (the organisation named in the possessive)."""
    for child in (c for c in pobj.children if c.dep_ == "poss"):
        owner = state.mention_at.get(child.i)
        if owner is not None and owner is not holder and \
                owner.type is EntityType.ORGANIZATION:
            return owner
    return None


PARTY_WORDS = frozenset({"party", "league", "front", "alliance", "movement", "congress"})


def _own_party(state: DocState, sentence: Sentence, span: Span,
               person: Mention) -> Iterator[Fact]:
    """"X's Progressive Conservative Party": a party a person owns is one they belong to (a
    firm or a club a person owns says nothing of the kind: 'Varno's company' is his, not his
    employer's name for him)."""
    if span.root.dep_ != "poss":
        return
    party = state.mention_at.get(span.root.head.i)
    if party is None or party.type is not EntityType.ORGANIZATION or \
            party.text.split()[-1].lower() not in PARTY_WORDS:
        return
    yield make_fact(state, sentence, span.doc[span.root.head.i:span.root.head.i + 1],
                    predicate=AFFILIATED, lemma="member", subject=person, obj=party,
                    rule="person-possessive-party", roles=(), role_name="member")


def _party_beside_name(state: DocState, sentence: Sentence, span: Span,
                       person: Mention) -> Iterator[Fact]:
    """'X, a Democrat from Maine', 'a Republican, X': a party's member noun set beside a
    name says the person belongs to the party, as 'Democrat X' does before it. The word is
    read whole ('a Democratic senator' is a role, read with its party elsewhere)."""
    root = span.root
    beside = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
    if root.dep_ == "appos" and root.head.i < span.start:
        beside.append(root.head)
    for word in beside:
        name = parties().get(word.text) if word.pos_ in {"PROPN", "NOUN"} and \
            word.text[:1].isupper() else None
        if name is not None and not any(c.dep_ in {"compound", "amod"} for c in word.children):
            yield from _party_facts(state, sentence, (span.doc[word.i:word.i + 1], name),
                                    person, "member", "party-appositive")


def _described_holder(state: DocState, noun: Token) -> Mention | None:
    """The named organisation or country a definite description stands for ('the agency',
    "the company's", "the country's"), as reference reads it: the one named before that it
    fits (none when two could be meant)."""
    found = referent(state, noun)
    if found is None or found.antecedent is None or \
            found.antecedent.type not in HOLDER_TYPES:
        return None
    return found


def _described_person(state: DocState, noun: Token, role: str) -> Mention | None:
    """The named person a definite description stands for ("the boy's aunt, X", "the
    senator's aide, X"), as reference reads it, when the role is one held toward a person
    (a relative, or an aide or adviser: roles.json's '_kinship' and '_served_with_to'); a
    person holds no other position for another ('the singer's drummer' is the band's)."""
    if role.split()[-1] not in _person_relations():
        return None
    found = referent(state, noun)
    if found is None or found.antecedent is None or \
            found.antecedent.type is not EntityType.PERSON:
        return None
    return found


@cache
def _person_relations() -> frozenset[str]:
    """Role words held toward a person rather than a body: kin and personal staff."""
    return kinship_roles() | person_service_roles() | \
        frozenset(r.split()[-1] for r in served_with_to())


def _organisation_at(state: DocState, pobj: Token) -> Mention | None:
    """The organisation a preposition's object names: the name itself, or a name set
    beside a kind noun ('the smaller Velmar company', 'victim group Safe Harbor', 'the law
    firm of Skadden')."""
    holder = state.mention_at.get(pobj.i)
    if holder is not None:
        kind = [t for t in pobj.doc[pobj.left_edge.i:pobj.i] if t.pos_ == "NOUN"
                and t.i not in state.mention_at and t.lower_ in organisation_kinds()]
        if holder.type is EntityType.ORGANIZATION or (kind and holder.type is EntityType.PLACE
                                                      and holder.ner_label != "GPE"):
            return holder
        return None
    if pobj.pos_ != "NOUN" or pobj.lower_ not in organisation_kinds():
        return None
    described = _described_holder(state, pobj)
    if described is not None:
        return described  # 'X, a spokeswoman for the agency': the agency named before
    if _plain_definite(pobj):
        # 'a spokeswoman for the agency in Tarn': a place after the kind noun says where
        # the office is, not which agency; still the one agency named before
        found = described_organisation(state, pobj, pobj.lemma_.lower())
        if found is not None:
            return found
    for child in pobj.children:
        named = state.mention_at.get(child.i)
        # 'group Safe Harbor', "the USDA's research service": the name beside or owning it
        if child.dep_ in {"compound", "appos", "poss"} and named is not None and \
                (named.type is EntityType.ORGANIZATION or _named_kind(child, named)):
            return named
        if child.dep_ == "prep" and child.lower_ == "of":
            for inner in (c for c in child.children if c.dep_ == "pobj"):
                named = state.mention_at.get(inner.i)
                if named is not None and named.type is EntityType.ORGANIZATION:
                    return named
    return None


def _named_kind(child: Token, named: Mention) -> bool:
    """'the Harbor Grill restaurant', 'the Lumen Valley hospital': a name compounded before
    an organisation kind noun names that organisation, though the recogniser took it for a
    place (a location or a building); a city or a country ('the Oslo restaurant') is where
    an unnamed one is."""
    return child.dep_ == "compound" and named.type is EntityType.PLACE and \
        named.ner_label not in {"GPE", "NORP"}


def _plain_definite(noun: Token) -> bool:
    """'the agency' with nothing before it but 'the' ('the agency in Tarn' included; not 'the
    other agency', 'the state agency', 'the agency's'): a description of one organisation
    named before."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) and \
        not any(c.dep_ in {"amod", "compound", "nmod", "nummod", "poss", "case"}
                for c in noun.children)


def _appositives(state: DocState, span: Span) -> Iterator[Token]:
    """Role nouns set beside a name: 'X, the chief executive of Y' and 'the chief executive
    of Y, X'."""
    root = span.root
    first = root
    while first.dep_ == "conj" and first.head.i in state.mention_at and \
            state.mention_at[first.head.i].type is EntityType.PERSON:
        first = first.head
    head = _list_head(state, root)
    if head is not root:
        # 'A, B and C, all members of Y': the parser hangs a plural title set after the list
        # on its first name; every listed name holds it
        yield from (c for c in head.children if c.dep_ == "appos" and c.i > root.i and
                    c.tag_ in PLURAL_TAGS and c.i not in state.mention_at)
    if first.dep_ == "appos" and first.head.tag_ in {"NNS", "NNPS"}:
        root = first  # 'Two Democratic Representatives, A and B': B shares A's plural title
    for child in root.children:
        apposed = child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"} and \
            child.i not in state.mention_at
        if apposed or _apposed_conjunct(state, root, child):
            yield child
        elif child.dep_ == "appos" and (member := _partitive_role(child)) is not None:
            yield member  # 'X, one of its founders'
    last = _listed_names(state, root)[-1]
    if last is not root:
        # 'A and B, the foreign ministers of C and D': the plural title set after the last
        # name is every listed name's (``_respective`` pairs their holders)
        yield from (c for c in last.children if c.dep_ == "appos" and c.i > last.i and
                    c.tag_ in PLURAL_TAGS and c.i not in state.mention_at)
    if root.dep_ in {"oprd", "dobj", "attr"} and root.head.dep_ == "acl" and \
            root.head.lemma_.lower() in NAMING_PARTICIPLES and root.head.head.pos_ == "NOUN" \
            and root.head.head.i not in state.mention_at:
        yield root.head.head  # 'a Polish chef named X', 'a student called Y'
    if root.dep_ == "nsubj" and span.start >= 2 and span.doc[span.start - 1].text == ",":
        # 'A member of the Tunisian Parliament, Karim Belhadj said': the small parser makes
        # the description a second subject of the verb, ending at the comma.
        yield from (c for c in root.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"
                    and c.i < span.start and c.right_edge.i == span.start - 2
                    and c.i not in state.mention_at)
    if root.dep_ == "appos" and span.start >= 2 and span.doc[span.start - 1].text == ",":
        # 'Speaking to the press agency, the president of the League, X, said': the parser
        # sets both the title and the name beside the agency; the title ends at the comma
        # before the name.
        yield from (c for c in root.head.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                    and c.i < span.start and c.right_edge.i == span.start - 2
                    and c.i not in state.mention_at)
    if root.dep_ == "appos" and root.head.pos_ in {"NOUN", "PROPN"} and \
            root.head.i not in state.mention_at and not _earlier_named_appositive(state, root):
        yield root.head
    elif root.dep_ == "appos" and (member := _partitive_role(root.head)) is not None:
        yield member
    elif root.dep_ == "appos" and root.head.dep_ == "pobj" and root.head.head.dep_ == "prep":
        # 'the manager of Harbor Athletic, Dan Rooke': the parser hangs the name on the
        # organisation, but a person is no appositive of an organisation; the role noun is.
        named = state.mention_at.get(root.head.i)
        role_noun = root.head.head.head
        if named is not None and named.type in HOLDER_TYPES and \
                role_noun.pos_ == "NOUN" and role_noun.i not in state.mention_at:
            yield role_noun


def _list_head(state: DocState, name: Token) -> Token:
    """The first name of the list a name is in: its conjunct head, or the name a list is
    set beside when the parser reads 'A, B and C' as B and C in apposition to A (B then has
    a conjunct of its own, so it is a list and not a second name for A)."""
    first = name
    while first.head.i < first.i and _is_name(state, first.head) and (
            first.dep_ == "conj" or (first.dep_ == "appos" and any(
                c.dep_ == "conj" and _is_name(state, c) for c in first.children))):
        first = first.head
    return first


# 'one of the study's authors, X': a number or quantity word whose 'of' names the group.
PARTITIVE_WORDS = frozenset({"one", "another", "two", "three", "some", "several"})


def _partitive_role(head: Token) -> Token | None:
    """'One of the study's authors, X', 'one of the club's coaches, Y': the name is set
    beside 'one', and the role is the plural noun its 'of' names (with that noun's own
    holder words); None for any other head."""
    if head.lower_ not in PARTITIVE_WORDS:
        return None
    return next((pobj for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for pobj in prep.children if pobj.dep_ == "pobj" and pobj.tag_ == "NNS"),
                None)


def _apposed_conjunct(state: DocState, name: Token, child: Token) -> bool:
    """'about X, the then chair and spokesperson for Y': the parser makes the title a
    conjunct of the name, not its appositive. A common noun after a comma, with a determiner
    and no 'and' or 'or' on the name before it, is the name's title ('X, Y and the mayor' is
    a third person)."""
    if child.dep_ != "conj" or child.pos_ != "NOUN" or child.i in state.mention_at or \
            not any(c.dep_ == "det" for c in child.children):
        return False
    edge = child.left_edge.i
    joined = any(c.dep_ == "cc" and name.i < c.i < child.i for c in name.children)
    return edge > 0 and child.doc[edge - 1].text == "," and not joined


def _earlier_named_appositive(state: DocState, name: Token) -> bool:
    """'prime minister A and energy minister B' parsed with both names on 'minister', or a
    headline 'US president Marsh ousts adviser Pellinger' with 'Marsh' inside the title: the
    title is the first person's."""
    own = state.mention_at.get(name.i)
    return any(t.i in state.mention_at and state.mention_at[t.i].type is EntityType.PERSON
               and state.mention_at[t.i] is not own
               for c in name.head.children if c.dep_ in {"appos", "compound"} and c.i < name.i
               for t in c.subtree)


def role_noun_facts(state: DocState, sentence: Sentence, head: Token, person: Mention,
                     rule: str, shared: Mention | None = None,
                     seat: Mention | None = None) -> Iterator[Fact]:
    """A role noun with its holder: 'chief executive of Y', 'Y's foreign minister',
    'the Russian president'; ``shared`` is the holder the sentence gives it otherwise ('works
    at Y as a chef', 'the Greek president and foreign minister'); ``seat`` a place after the
    name ('the late governor X of Kansas'), the holder of a role held for a place only.
    Shared with kg.extract.employment: 'X held the post of treasurer' states the same fact."""
    read = _role_noun(state, head)
    if read is None:
        return
    trigger, role, holder, party = read
    owner = _conjoined_owner(state, head, person)
    if owner is not None and (holder is None or holder.antecedent is not None):
        holder = owner  # 'A and his son, B': 'his' is A's, whatever came before
    if role in kinship_roles() and _same_person(holder, person):
        holder = _previous_person(state, min(trigger.start, _first_token(state, person)),
                                  person)  # 'Mia Kest, his wife': not her own wife
    if role in kinship_roles() and holder is None:
        holder = _kin_of_pronoun(state, list(head.doc[head.left_edge.i:head.i]), person)
    holds = party is not None and _party_holds(party, trigger, holder)
    if party is not None:
        yield from _party_facts(state, sentence, party, person, role, rule, holds)
    if holder is None and shared is not None and role not in kinship_roles():
        holder = shared
    if holder is None and seat is not None and role in constituency_roles():
        holder = seat
    seat = _seat_after(state, head, trigger.end, role)
    if seat is not None and seat is not holder:
        # 'a U.S. Senator from California' holds a seat for California in a body of the
        # United States: both are said, so both are facts
        yield from _position(state, sentence, trigger, person, seat, role, rule)
        if holder is None:
            return
    if holder is None and party is None and \
            any(c.dep_ == "prep" and c.i >= trigger.end for c in head.children) and \
            not _field_after(state, head, trigger, role):
        return  # 'a model of honesty', 'the author of the study': no position held
    if holder is None and holds and role in party_offices():
        return  # 'the Labour leader': the party fact says it
    yield from _position(state, sentence, trigger, person, holder, role, rule)


FIELD_PREPS = frozenset({"of", "in"})


def _field_after(state: DocState, head: Token, trigger: Span, role: str) -> bool:
    """Whether the phrases after a role noun only name its field ('an associate professor
    of chemistry and physics', 'a lecturer in law'): a role of ``field_roles`` whose every
    'of' or 'in' holds a common noun no mention covers; any other preposition, or a name,
    may be the holder and is left to the other readings."""
    preps = [c for c in head.children if c.dep_ == "prep" and c.i >= trigger.end]
    objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return role in field_roles() and bool(objects) and \
        all(p.lower_ in FIELD_PREPS for p in preps) and \
        all(o.i not in state.mention_at and o.pos_ == "NOUN" for o in objects)


def _same_person(holder: Mention | None, person: Mention) -> bool:
    """Whether a holder is the person itself, named or through a pronoun."""
    if holder is None:
        return False
    named = holder.antecedent or holder
    return named is person or (named.text == person.text and named.type is person.type)


def _kin_of_pronoun(state: DocState, tokens: list[Token], person: Mention) -> Mention | None:
    """Whose relative 'his daughter X' or 'her husband X' names when the pronoun has no
    referent of its own (reference declines when two of a family are named, 'Ann Vale' and
    her father 'Tom Vale'): the last person named before who the pronoun can stand for,
    other than X. None without a possessive pronoun."""
    pronoun = next((t for t in tokens if t.dep_ == "poss" and t.pos_ == "PRON"), None)
    if pronoun is None:
        return None
    for start, mention, _subject in reversed(state.people):
        if start < pronoun.i and not _same_person(mention, person) and \
                fits(state, pronoun.lower_, mention):
            return mention
    return None


def _conjoined_owner(state: DocState, head: Token, person: Mention) -> Mention | None:
    """'A and his son, B', 'A and her lawyer, B': a role noun coordinated with a person and
    owned by a possessive pronoun names that person's relative or agent; the pronoun
    stands for the conjunct it is joined to, not for whoever was named before it (the
    reference module's choice). None without that shape, or when the pronoun's gender
    does not fit the person."""
    pronoun = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if pronoun is None or head.dep_ != "conj" or head.head.i >= head.i:
        return None
    owner = state.mention_at.get(head.head.i)
    if owner is None or owner.type is not EntityType.PERSON or _same_person(owner, person) \
            or not fits(state, pronoun.lower_, owner):
        return None
    return owner


def _first_token(state: DocState, person: Mention) -> int:
    return min((i for i, m in state.mention_at.items() if m is person), default=0)


def _previous_person(state: DocState, before: int, person: Mention) -> Mention | None:
    """The last person named before a token, other than ``person``: whom a possessive
    'his' or 'her' in 'X, his wife' or 'His parents, A and B' stands for."""
    for start, mention, _subject in reversed(state.people):
        if start < before and not _same_person(mention, person):
            return mention
    return None


def _role_noun(state: DocState, head: Token) -> tuple[
        Span, str, Mention | None, tuple[Span, str] | None] | None:
    """A role noun read: its words, the role, its own holder and a party word before it."""
    lefts = [t for t in head.doc[head.left_edge.i:head.i + 1] if t.dep_ != "det"]
    commas = [n for n, t in enumerate(lefts) if t.text == ","]
    if commas:
        # 'Rep. X, D-Calif., chairman of Y' parsed with the tag on 'chairman': words before a
        # comma are another phrase, not the role's modifiers
        lefts = lefts[commas[-1] + 1:]
    found = _role_at_end(state, lefts)
    if found is None:
        return None
    size, role = found
    trigger = head.doc[lefts[-size].i:head.i + 1]
    named_by_of = _role_with_of(head)
    if named_by_of is not None:
        # 'the secretary of state': the 'of' phrase is part of the role, not its holder
        trigger, role = head.doc[lefts[-size].i:named_by_of[0]], named_by_of[1]
    holder: Mention | None = _named_in_role(state, trigger) if named_by_of else None
    modified: Mention | None = None
    preps = ORG_PREPS | {"to"} if role in served_with_to() else ORG_PREPS
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps
                 and c.i >= trigger.end):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            mention = state.mention_at.get(pobj.i)
            if mention is not None and mention.type in HOLDER_TYPES | {EntityType.PERSON}:
                holder = mention
            elif holder is None and mention is None:
                # 'chairman of the largest party, the Social Liberal Party'
                holder = _nested_organisation(state, pobj) or _organisation_at(state, pobj) \
                    or _place_named_of(state, pobj)
            if holder is None and modified is None and role not in professions():
                modified = _modifying_holder(state, pobj)
    party = _party(state, lefts[:-size], role)
    before = _holder_in(state, _without_party(lefts[:-size], party), role)
    if holder is None or (holder.type is EntityType.PLACE and before is not None
                          and before.type is EntityType.ORGANIZATION):
        # 'a National Weather Service meteorologist in Amarillo': the service employs; the
        # place after says only where the post is
        holder = before
    employer = _organisation_from(state, head, trigger.end)
    if employer is not None and holder is before and _names_a_country(before):
        # 'a US sport columnist from the Daily Clarion': the paper employs; the country
        # before the role says where the columnist is from
        holder = employer
    # 'head of the Norvik Alliance forces': only when nothing else names the holder ('Harbor
    # Aid relief chairman for the Tarn parish' serves Harbor Aid)
    return trigger, role, holder or employer or modified, party


def _names_a_country(mention: Mention | None) -> bool:
    """Whether a mention is a country by its demonym or its name ('US', 'Russian')."""
    if mention is None:
        return False
    place = lookup(mention.text)
    return mention.ner_label == "NORP" or (place is not None and place.kind == "country")


def _organisation_from(state: DocState, head: Token, after: int) -> Mention | None:
    """'a columnist from the Daily Clarion', 'a researcher from Lumen University': 'from'
    with an organisation names whom the person works for. With a place ('a doctor from
    Lagos') it says where the person comes from (kg/extract/places.py), or the seat of a
    role held for a place (``_seat_after``), so only an organisation is taken here."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "from"
                 and c.i >= after):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            mention = state.mention_at.get(pobj.i)
            if mention is not None and mention.type is EntityType.ORGANIZATION:
                return mention
    return None


def _seat_after_name(state: DocState, span: Span, role_head: Token) -> Mention | None:
    """'The late governor X of Nevada': the parser sets the name beside a title written
    before it, and hangs 'of Nevada' on the name; the place is the title's seat when the
    role is held for a place (the caller checks). None when the title is not right before
    the name or no place follows it."""
    root = span.root
    if root.dep_ != "appos" or root.head.i != role_head.i or role_head.i != span.start - 1:
        return None
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            mention = state.mention_at.get(pobj.i)
            if mention is not None and mention.type is EntityType.PLACE:
                return mention
    return None


def _seat_after(state: DocState, head: Token, after: int, role: str) -> Mention | None:
    """The place a role noun's 'from' names as its seat ('a senator from Oregon'), for a
    role held for a place; None otherwise."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.i >= after
                 and _seat_from(c, role)):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            mention = state.mention_at.get(pobj.i)
            if mention is not None and mention.type is EntityType.PLACE:
                return mention
    return None


def _seat_from(prep: Token, role: str) -> bool:
    """'a senator from Oregon', 'a governor from Idaho': after a role held for a place
    (``constituency_roles``) 'from' names the seat, which is the post's holder; after any
    other role it says where the person comes from (kg/extract/places.py)."""
    return prep.lower_ == "from" and role in constituency_roles()


def _named_in_role(state: DocState, trigger: Span) -> Mention | None:
    """'chairman of the Joint Chiefs of Staff', 'Speaker of the House': the lexicon names the
    role with its 'of' phrase, but when the recogniser names an organisation there, that
    organisation is the holder too."""
    named = state.mention_at.get(trigger.end - 1)
    if named is not None and named.type is EntityType.ORGANIZATION:
        return named
    return None


def _role_with_of(head: Token) -> tuple[int, str] | None:
    """'secretary of state', 'minister of foreign affairs', 'chief of staff': a role the
    lexicon names with its 'of' phrase, as (the token after the phrase, the role)."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            end = pobj.i + 1  # the phrase up to its noun: 'of state' in 'of state for X'
            role = _role_named(head.doc[head.i:end])
            if role is not None:
                return end, role
    return None


def _coordinated_before_name(state: DocState, sentence: Sentence, span: Span,
                             person: Mention) -> Iterator[Fact]:
    """'Retired FBI agent and terrorism specialist X', 'geology professor and former army
    officer X': each of two coordinated titles before a name is the person's, with the
    holder its own words give it. The parser hangs the second title on the first, so the
    words right before the name are no premodifiers of it and ``_before_name`` sees none."""
    for first in (c for c in span.root.children if c.dep_ == "compound" and c.i < span.start
                  and c.pos_ == "NOUN" and c.i not in state.mention_at):
        later = [c for c in first.conjuncts if c.i > first.i and c.i < span.start
                 and c.pos_ == "NOUN" and c.i not in state.mention_at]
        if not later or later[-1].i != span.start - 1:
            continue
        for head in (first, *later):
            yield from role_noun_facts(state, sentence, head, person,
                                        "title-before-name-coordinated")


# Penn Treebank tags of a plural noun: 'engineers', 'Representatives'.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _plural_title_of_conjunct(state: DocState, sentence: Sentence, span: Span,
                              person: Mention) -> Iterator[Fact]:
    """'Orbital Labs engineers A and B', 'Representatives A, B and C': a plural title before
    the first of coordinated names is every one's, with the holder its words give. The
    parser hangs the later names on the first, so their own premodifiers are empty and
    ``_before_name`` gives them nothing. Only a plural role word is shared: in 'prime
    minister A and energy minister B' the singular title is A's alone."""
    if _role_at_end(state, _premodifiers(span)) is not None:
        return
    first_span = _first_listed(state, span)
    if first_span is None and span.root.dep_ == "conj":
        first = span.root.head
        while first.dep_ == "conj":
            first = first.head
        mention = state.mention_at.get(first.i)
        if mention is None or mention.type is not EntityType.PERSON or mention is person:
            return
        start = first.i
        while start > 0 and state.mention_at.get(start - 1) is mention:
            start -= 1
        first_span = first.doc[start:first.i + 1]
    if first_span is None:
        return
    tokens = _premodifiers(first_span)
    if not tokens or not _plural(tokens[-1]) or _role_at_end(state, tokens) is None:
        return
    yield from _before_name(state, sentence, first_span, person)


LIST_JOINERS = frozenset({",", "and"})


def _first_listed(state: DocState, span: Span) -> Span | None:
    """The first name of a list of people a name ends, by word order ('Representatives A,
    B, and C': the small parser often breaks such a list, hanging C on the verb); None when
    the name is not preceded by another person's name and a comma or 'and'."""
    doc, left, first = span.doc, span.start, None
    while left > span.sent.start and doc[left - 1].lower_ in LIST_JOINERS:
        while left > span.sent.start and doc[left - 1].lower_ in LIST_JOINERS:
            left -= 1
        named = state.mention_at.get(left - 1) if left > span.sent.start else None
        if named is None or named.type is not EntityType.PERSON:
            break
        while left > span.sent.start and state.mention_at.get(left - 1) is named:
            left -= 1
        end = left
        while end < span.start and state.mention_at.get(end) is named:
            end += 1
        first = doc[left:end]
    return first


def _plural(noun: Token) -> bool:
    """A plural noun, also when the small parser tags it a verb ('engineers' as VBZ): its
    lemma then drops the final -s all the same; and a capitalised title the tagger takes
    for a name ('Representatives' as NNP), whose singular is a role word."""
    return noun.tag_ in PLURAL_TAGS or (
        noun.lower_.endswith("s") and noun.lemma_.lower() != noun.lower_) or (
        noun.tag_ == "NNP" and noun.lower_.endswith("s") and
        canonical_role(noun.lower_[:-1]) is not None)


# Words that open a noun phrase naming someone else: 'the president and first lady X' may
# be two people; a bare 'Former bishop and cardinal X' is one.
PHRASE_OPENERS = frozenset({"DET", "PRON"})
TITLE_RUN_POS = frozenset({"NOUN", "PROPN", "ADJ"})


def _titles_joined_before_name(state: DocState, sentence: Sentence, span: Span,
                               person: Mention) -> Iterator[Fact]:
    """'Amateur historian and software engineer X', 'Former bishop and cardinal Y': two
    bare titles joined by 'and' right before a name are both the person's. Read by word
    order, as the small parser breaks these phrases in many ways (the first title a
    subject, the name a conjunct of it). Not when a determiner or possessive opens the
    first title ('the president and first lady X' is two people), nor when a name comes
    between the titles ('Mayor A and council member B')."""
    doc, floor = span.doc, span.sent.start
    last = _role_at_end(state, list(doc[max(floor, span.start - longest_role() - 4):span.start]))
    if last is None:
        return
    joint = span.start - last[0] - 1
    if joint <= floor or doc[joint].lower_ != "and":
        return
    left = joint
    while left > floor and (doc[left - 1].pos_ in TITLE_RUN_POS or doc[left - 1].text == "-") \
            and not _names_person(state, doc[left - 1]):
        left -= 1
    before = list(doc[left:joint])
    first = _role_at_end(state, before) if before else None
    if first is None or (left > floor and doc[left - 1].pos_ in PHRASE_OPENERS):
        return
    second = list(doc[joint + 1:span.start])
    # 'former archbishop and cardinal X': a word that ends the first title ends both, unless
    # the second has a modifier of its own ('former senator and current governor').
    ended = any(t.lower_ in tenure_words().modifiers for t in before[:-first[0]]) and \
        not any(t.lower_ in role_modifiers() for t in second)
    for words, (size, role) in ((before, first), (second, last)):
        trigger = doc[words[-size].i:words[-1].i + 1]
        holder = _holder_in(state, words[:-size], role)
        for fact in _position(state, sentence, trigger, person, holder, role,
                              "title-before-name-joined"):
            yield fact.model_copy(update={"position_ended": True}) if ended else fact


def _names_person(state: DocState, token: Token) -> bool:
    mention = state.mention_at.get(token.i)
    return mention is not None and mention.type is EntityType.PERSON


MODIFIER_DEPS = {"compound", "nmod", "amod"}


def _modifying_holder(state: DocState, pobj: Token) -> Mention | None:
    """'head of the Norvik Alliance forces', 'director of the Lumen Arts festival', 'governor
    of the Dunmore region': the role's object is a common noun whose modifiers name the
    organisation it belongs to (or, for a region noun, the place); that name holds the post."""
    own = state.mention_at.get(pobj.i)
    if pobj.pos_ != "NOUN" or (own is not None and own.type is not EntityType.THING):
        return None
    region = pobj.lemma_.lower() in place_words()["region_words"]["words"]
    pending = [c for c in pobj.lefts if c.dep_ in MODIFIER_DEPS]
    while pending:
        token = pending.pop()
        named = state.mention_at.get(token.i)
        if named is not None and (named.type is EntityType.ORGANIZATION or (
                region and named.type is EntityType.PLACE)):
            return named
        if named is None and token.pos_ in {"NOUN", "PROPN", "ADJ"}:
            pending += [c for c in token.lefts if c.dep_ in MODIFIER_DEPS]
    return None


def _place_named_of(state: DocState, noun: Token) -> Mention | None:
    """'the mayor of the city of Halden', 'attorney for the city of Tarn': a noun of a place
    (``place_of_nouns``) with 'of' and a place's name stands for that place."""
    if noun.lemma_.lower() not in place_of_nouns():
        return None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for inner in (c for c in prep.children if c.dep_ == "pobj"):
            mention = state.mention_at.get(inner.i)
            if mention is not None and mention.type is EntityType.PLACE:
                return mention
    return None


def _nested_organisation(state: DocState, pobj: Token) -> Mention | None:
    """'vice president of daytime programs for ABC', 'head of research at Lumen Labs': the
    portfolio's own 'for', 'at' or 'with' names the organisation."""
    for prep in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ in
                 {"for", "at", "with"}):
        for inner in (c for c in prep.children if c.dep_ == "pobj"):
            mention = state.mention_at.get(inner.i)
            if mention is not None and mention.type is EntityType.ORGANIZATION:
                return mention
    return None


def _earlier_roles(state: DocState, sentence: Sentence, head: Token,
                   person: Mention) -> Iterator[Fact]:
    """'Lumen University geology expert and former army officer, X': the name hangs on the
    last of two coordinated titles; the first is X's too, with its own holder."""
    first = head.head
    if head.dep_ == "conj" and first.i < head.i and first.pos_ == "NOUN" and \
            first.i not in state.mention_at:
        yield from role_noun_facts(state, sentence, first, person, "title-appositive-shared")


def _coordinated_roles(state: DocState, sentence: Sentence, head: Token, person: Mention,
                       rule: str = "title-appositive-shared") -> Iterator[Fact]:
    """'The Greek president and foreign minister, X', 'X is the chairman and chief executive
    of Y': X holds both, and the second title shares the first one's holder unless it names
    its own."""
    later = [c for c in head.conjuncts if c.i > head.i and c.pos_ == "NOUN"
             and c.i not in state.mention_at]
    # 'a spokesman for reform and president of the Carnegie Trust': the parser hangs the
    # second title on the first one's object; it is read with its own holder only (a
    # capitalised 'Director of Y' is tagged a proper noun but is read the same).
    hung = [(c, pobj) for prep in head.children if prep.dep_ == "prep"
            for pobj in prep.children if pobj.dep_ == "pobj"
            for c in pobj.conjuncts if c.i > pobj.i and c.pos_ in {"NOUN", "PROPN"}
            and c.i not in state.mention_at]
    for conj, pobj in hung:
        if any(p.dep_ == "prep" for p in conj.children):
            yield from role_noun_facts(state, sentence, conj, person, rule)
        elif (holder := _holder_hung_after(state, pobj, conj)) is not None:
            yield from role_noun_facts(state, sentence, conj, person, rule, holder)
    if not later:
        return
    read = _role_noun(state, head)
    shared = read[2] if read is not None and read[1] not in professions() else None
    if read is not None and read[2] is None and \
            any(c.dep_ == "prep" and c.i >= read[0].end for c in head.children):
        return  # 'the chair and spokesperson for a cause': the first is no post; nor is the second
    for conj in later:
        yield from role_noun_facts(state, sentence, conj, person, rule,
                                    _shared_for(state, conj, shared))


def _shared_for(state: DocState, conj: Token, shared: Mention | None) -> Mention | None:
    """The first title's holder as a later title's: 'leader of the Lumen Reform Party and
    prime minister' — an office of a place (kg.holders.office_kind) is never an
    organisation's, so the party is not its holder."""
    from kg.holders import office_kind  # kg.holders imports kg.extract: read it late

    read = _role_noun(state, conj)
    if shared is not None and shared.type is EntityType.ORGANIZATION and read is not None \
            and office_kind(read[1]) is not None:
        return None
    return shared


def _holder_hung_after(state: DocState, pobj: Token, conj: Token) -> Mention | None:
    """'a professor of history and director of the Halden Institute': the parser can hang
    the second title's 'of Y' on the first one's object ('history') instead of on the title;
    an organisation in an 'of'/'at' phrase that follows the title there is the title's."""
    for prep in (c for c in pobj.children if c.dep_ == "prep" and c.i == conj.i + 1
                 and c.lower_ in {"of", "at"}):
        for named in (c for c in prep.children if c.dep_ == "pobj"):
            mention = state.mention_at.get(named.i)
            if mention is not None and mention.type is EntityType.ORGANIZATION:
                return mention
    return None


def _copula(state: DocState, sentence: Sentence, verb: Token) -> Iterator[Fact]:
    """'X is the mayor of Y', 'X became Y's prime minister', 'X was named CEO of Y',
    'X serves as chair of Y'."""
    clause, subjects = _clause_subjects(verb)
    lemma = verb.lemma_.lower()
    roles = [c for c in verb.children if c.dep_ in {"attr", "oprd"}] if \
        lemma in COPULAS | NAMING_VERBS else []
    as_roles = [pobj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as"
                for pobj in prep.children if pobj.dep_ == "pobj"]
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or \
        (verb.dep_ == "acl" and verb.tag_ == "VBN")
    if lemma in NAMING_VERBS and not passive:
        yield from _named_by(state, sentence, verb, subjects, roles)
        return
    for subject in subjects:
        person = copula_subject(state, clause, subject)
        if person is None or person.type is not EntityType.PERSON:
            continue
        if lemma == "serve":
            yield from _served_in(state, sentence, verb, person)
        for role_head in roles:
            yield from _as_verb_states(verb, role_noun_facts(state, sentence, role_head,
                                                             person, "title-copula"))
            # a second title after a copula only with its holder ('a gentle soul and a
            # brilliant artist' names no post)
            yield from _as_verb_states(verb, (
                f for f in _coordinated_roles(state, sentence, role_head, person,
                                              "title-copula-shared")
                if f.object is not None))
        for role_head in as_roles:
            yield from _as_verb_states(verb, role_noun_facts(
                state, sentence, role_head, person, "title-verb-as", verb_holder(state, verb)))


def _as_verb_states(verb: Token, facts: Iterable[Fact]) -> Iterator[Fact]:
    """A position a verb states is as sure as the verb: 'X would become the first vice
    president of Y' and 'X may serve as chair' say what is expected or possible, not a post
    held, as the verb readers judge the same clause (kg.factuality). The role words are the
    fact's trigger, so the verb's factuality is set here, with the confidence it implies.
    A relative clause on a name ('X, who is the secretary of state') says who X is as the
    text takes it, whatever hedges its sentence ('Reportedly, Y argued with X, who...'): only
    a modal of its own ('who would become mayor') makes it less than asserted."""
    if verb.dep_ == "relcl" and not any(c.dep_ == "aux" and c.tag_ == "MD"
                                        for c in verb.children):
        yield from facts
        return
    factuality = judge_factuality(verb, load_vocabulary())
    for fact in facts:
        if factuality is Factuality.ASSERTED or fact.evidence.factuality is not \
                Factuality.ASSERTED:
            yield fact
            continue
        evidence = fact.evidence
        confidence = confidence_of(
            fact.predicate, fact.lemma, fact.subject.mention,
            fact.object.mention if fact.object is not None else None, evidence.rule,
            evidence.sentence_text, factuality, evidence.trigger_start, fact.roles)
        yield fact.model_copy(update={"evidence": evidence.model_copy(
            update={"factuality": factuality, "confidence": confidence})})


def _clause_subjects(verb: Token) -> tuple[Token, list[Token]]:
    """The verb whose subject a copula or an 'as' verb takes, and that subject: its own, or,
    when it has none, the subject of the clause it shares one with: a conjunct ('X joined the
    council in 1990 and later served as its chair') or a participle hung on its clause ('X
    stayed there for years, eventually serving as speaker'); a participle on a name speaks of
    the name ('X, appointed chair of Y in 2001, said'). An infinitive ('to serve as') states
    an aim, not a post held, and keeps no subject here."""
    own = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if own or any(c.dep_ in {"aux", "mark"} and c.lower_ == "to" for c in verb.children):
        return verb, own
    if verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBG"}:
        return verb, [verb.head]
    clause = verb
    while clause.dep_ == "conj" and clause.head.pos_ in {"VERB", "AUX"}:
        clause = clause.head
    if clause is verb and verb.dep_ == "advcl" and verb.tag_ == "VBG" and \
            not any(c.dep_ == "mark" for c in verb.children):
        clause = verb.head
    if clause is verb:
        return verb, []
    return clause, [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _named_by(state: DocState, sentence: Sentence, verb: Token, subjects: list[Token],
              roles: list[Token]) -> Iterator[Fact]:
    """'Acme named Mara Quill chief executive', 'the council elected X mayor of Y': the
    object holds the role the verb gives; its holder is the role's own ('mayor of Y') or
    else the organisation or place that named the person ('it has named X publisher', with
    'it' the company). The naming itself stays an event of the verb readers."""
    people = [m for c in verb.children if c.dep_ == "dobj"
              for m in [state.mention_at.get(c.i)]
              if m is not None and m.type is EntityType.PERSON]
    if not people or not roles:
        return
    namer = None
    for subject in subjects:
        found = copula_subject(state, verb, subject)
        if found is not None and (found.antecedent or found).type in HOLDER_TYPES:
            namer = found
    for person in people:
        for role_head in roles:
            yield from role_noun_facts(state, sentence, role_head, person, "title-named-as",
                                        namer)


def copula_subject(state: DocState, verb: Token, subject: Token) -> Mention | None:
    """Who a copula speaks of: the name, a pronoun's antecedent ('She is the mayor of Y'), or
    the noun a relative clause hangs on ('X, who is the secretary of state'). Shared with
    kg.extract.employment, which asks it of a verb of hiring ('X, who was hired by Y')."""
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        head = state.mention_at.get(verb.head.i)
        before = _person_before_who(state, subject)
        if before is not None and (head is None or head.type is not EntityType.PERSON):
            return before
        subject = verb.head
    named = state.mention_at.get(subject.i)
    if named is not None and not named.is_pronoun:
        return named
    return referent(state, subject)


def _person_before_who(state: DocState, pronoun: Token) -> Mention | None:
    """The person a 'who' follows right after ('with Ann Rowe who is the mayor'): the parser
    often hangs the clause on an earlier noun ('disagreements'), but 'who' speaks of a person
    and the name just before it is the one (when the parser's own head is no person)."""
    at = pronoun.i - 1
    if at >= 0 and pronoun.doc[at].text == ",":
        at -= 1
    named = state.mention_at.get(at) if pronoun.lower_ == "who" and at >= 0 else None
    return named if named is not None and named.type is EntityType.PERSON else None


def _served_in(state: DocState, sentence: Sentence, verb: Token,
               person: Mention) -> Iterator[Fact]:
    """'X served in the army', 'X serves with the Red Cross': a member of that organisation
    (only an organisation: 'served in Iraq' says where, 'served in the cabinet' is a role)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "with", "on"}:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            holder = state.mention_at.get(pobj.i)
            if holder is not None and holder.type is EntityType.ORGANIZATION:
                yield make_fact(state, sentence, verb.doc[verb.i:verb.i + 1],
                                predicate=AFFILIATED, lemma="member",
                                subject=person, obj=holder, rule="title-serve-in", roles=(),
                                role_name="member")


def verb_holder(state: DocState, verb: Token) -> Mention | None:
    """The organisation a verb places its subject in: 'works at Y', 'joined Y'. Shared with
    kg.extract.employment: 'held the post of treasurer at Y' names the holder so."""
    for child in verb.children:
        targets = [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" and \
            child.lower_ in {"at", "for", "with"} else [child] if child.dep_ == "dobj" else []
        for target in targets:
            mention = state.mention_at.get(target.i)
            if mention is not None and mention.type in HOLDER_TYPES:
                return mention
    return None


@cache
def _professions_and_kin() -> frozenset[str]:
    """``professions`` and ``kinship_roles`` together, joined once: no party or holder is
    read before either."""
    return professions() | kinship_roles()
