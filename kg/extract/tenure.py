"""Whether a position the text gives someone is over: 'former minister X', 'ex-chairman X',
'then-mayor X', 'X, who was chair until 2019', 'X was formerly the chair'.

A reader who is told 'former president X' knows that X is not president now; a graph that
states 'X affiliatedWith Y (as president)' and nothing else says the opposite. The position
fact is kept (X did hold it) and marked ended (``Fact.position_ended``, ``kg:positionEnded``).
The words are data (``kg/data/tenure.json``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.reference import referent
from kg.extract.state import DocState
from kg.lexicon import canonical_role, kinship_roles, professions, tenure_words
from kg.model import EntityType, Fact, Mention

# Words of the noun phrase a role is written in, before its role word: 'the former Lumen Bank
# chief X'. A possessive ends the phrase: in 'former president Y's aide X' the 'former' is Y's.
# 'nsubj' and 'appos': the small parser splits 'Ex-minister X spoke' into subjects ('Ex', '-').
NOUN_PHRASE_DEPS = {"amod", "compound", "nmod", "det", "advmod", "punct", "npadvmod", "nsubj",
                    "appos"}
LEFT_WINDOW = 6
# The verbs a role noun hangs on that say the role is held: 'X was chair', 'served as chair'.
ROLE_LINKS = {"attr", "oprd", "acomp"}


def with_tenure(fact: Fact, trigger: Span | None) -> Fact:
    """The fact marked ended when its role words say the position is over; as it was when
    there is no role, no trigger span or no such word. A lasting role ('founder', 'author')
    is never over: 'the late founder X' died, and still founded what X founded."""
    if fact.role_name is None or trigger is None or \
            fact.role_name.lower() in tenure_words().lasting_roles or \
            not position_ended(trigger):
        return fact
    return fact.model_copy(update={"position_ended": True})


def position_ended(trigger: Span) -> bool:
    """Whether the role words ``trigger`` (and the noun phrase or clause around them) say
    the position is over."""
    role = _role_noun(trigger)
    return (_glued_prefix(trigger) or _modified(trigger, role)
            or _ended_by_clause(role))


def _role_noun(trigger: Span) -> Token:
    """The role word itself, the last noun of the trigger ('chief executive' -> 'executive')."""
    nouns = [t for t in trigger if t.pos_ in {"NOUN", "PROPN"}]
    return nouns[-1] if nouns else trigger.root


def _glued_prefix(trigger: Span) -> bool:
    """'ex-chairman', 'then-mayor' read as one word, or 'Ex - minister' split in three."""
    prefixes = tenure_words().prefixes
    if any(token.lower_.startswith(prefixes) for token in trigger):
        return True
    doc, start = trigger.doc, trigger.start
    return start - 2 >= trigger.sent.start and doc[start - 1].text == "-" and \
        f"{doc[start - 2].lower_}-" in prefixes


def _modified(trigger: Span, role: Token) -> bool:
    """'former' in the noun phrase before the role words, or hanging on the role word. The
    first of two coordinated roles lends its 'former' to a bare second one ('the former
    archbishop and cardinal X'); a second role with words of its own is its own phrase
    ('retired army officer and wine expert X' is still an expert)."""
    if _former_before(trigger.start, role):
        return True
    own_words = any(child.i < trigger.start and child.dep_ in {"compound", "amod", "nmod"}
                    for child in role.children)
    return role.dep_ == "conj" and role.head.i < role.i and not own_words and \
        _former_before(role.head.i, role.head)


def _former_before(start: int, role: Token) -> bool:
    """Whether an ended-position word hangs on ``role`` before it, or stands in the words of
    its noun phrase before token ``start`` (up to a possessive or a comma)."""
    words = tenure_words().modifiers
    if any(child.lower_ in words for child in role.children if child.i < role.i):
        return True
    doc = role.doc
    for i in range(start - 1, max(role.sent.start, start - LEFT_WINDOW) - 1, -1):
        token = doc[i]
        if token.lower_ in words:
            return True
        if token.dep_ == "case" or token.text in {",", ";", ":", "(", ")"} or \
                token.dep_ not in NOUN_PHRASE_DEPS:
            return False
    return False


def _ended_by_clause(role: Token) -> bool:
    """'X was formerly the chair', 'X once served as mayor', 'X was chair until 2019',
    'X, chair until 2019,', 'X worked as a draftsman': an adverb of the past or an end time
    on the verb that gives the role, an end time on the role noun, or a verb of 'as' in the
    simple past (``_told_as_past``). An apposition has no verb, so there the adverb sits on
    the role noun itself ('X, formerly a professor at Y,')."""
    words = tenure_words()
    holders = [role]
    if role.dep_ in ROLE_LINKS:
        holders.append(role.head)
    elif role.dep_ == "pobj" and role.head.lower_ == "as":
        holders.append(role.head.head)
        if _told_as_past(role.head.head):
            return True
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "advmod" and child.lower_ in words.adverbs and (
                    holder is not role or role.dep_ == "appos"):
                return True
            if child.dep_ == "prep" and child.lower_ in words.end_prepositions:
                return True
    return False


def _told_as_past(verb: Token) -> bool:
    """'X served as mayor', 'X worked as a draftsman': a verb that gives a role with 'as'
    (``past_as_verbs``), in the simple past with no auxiliary, tells a post held at a time
    gone; 'X serves as', 'X has served as', 'X was serving as' do not."""
    return verb.lemma_.lower() in tenure_words().past_as_verbs and verb.tag_ == "VBD" and \
        not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


# Words on a leaving verb that say it has not happened: 'will resign', 'did not quit',
# 'offered to resign' (an infinitive is a plan, a wish or an offer).
UNREAL_AUX = {"will", "would", "shall", "should", "could", "may", "might", "must", "to", "'ll"}
# Roles that a leaving does not end: 'member' of a party, and a profession ('a lawyer who
# resigned as minister' is still a lawyer) are read in ended_by_leaving with the lasting roles.
KEPT_ON_LEAVING = {"member"}


def ended_by_leaving(state: DocState, facts: list[Fact]) -> list[Fact]:
    """The document's facts with each position marked ended whose holder the same article
    says left it: 'X resigned', 'X stepped down as chair', 'Y fired X', 'X was replaced',
    'X's resignation', each of 'X and Y resigned'. A reader told in the article that X
    resigned does not take 'national security adviser X' for a post X holds now. A leaving
    'as' a role ends that role only; one with no role ends the person's posts, but not a
    lasting role, a membership, a profession or a kinship ('wife' is no office). A leaving
    not yet real ('X will step down in August') ends nothing. The leaver is matched by name,
    not by surname alone: 'Tom Reyes retired' leaves Mia Reyes's posts held."""
    left = _leavings(state)
    if not left:
        return facts
    return [_ended_if_left(fact, left) for fact in facts]


def _ended_if_left(fact: Fact, left: dict[str, set[str | None]]) -> Fact:
    """``fact`` marked ended when it gives a post its subject is said to have left."""
    role = (fact.role_name or "").lower()
    if fact.predicate != "affiliatedWith" or not role or fact.position_ended or \
            role in tenure_words().lasting_roles or role in KEPT_ON_LEAVING or \
            role in professions() or role in kinship_roles():
        return fact
    mention = fact.subject.mention
    holder = _name(mention.antecedent or mention)
    roles = set().union(*(roles for name, roles in left.items() if _same_name(name, holder)))
    if not roles or (None not in roles and role not in roles):
        return fact
    return fact.model_copy(update={"position_ended": True})


def _name(mention: Mention) -> str:
    """A person's name as the article writes it, lower-cased."""
    return " ".join(mention.text.lower().split())


def _same_name(one: str, other: str) -> bool:
    """Whether two names can be one person's: the same name, or a surname alone ('Reyes',
    left unresolved) and a full name it ends ('Tom Reyes'). Two full names that differ
    ('Tom Reyes', 'Mia Reyes') are two people."""
    if not one or not other:
        return False
    if one == other:
        return True
    short, full = sorted((one, other), key=lambda name: len(name.split()))
    return len(short.split()) == 1 and full.split()[-1] == short


def _leavings(state: DocState) -> dict[str, set[str | None]]:
    """Name of each person the article says left a post -> the roles left (None: a post
    not named)."""
    left: dict[str, set[str | None]] = {}
    kept: set[str] = set()
    for token in state.doc:
        for person in _with_conjuncts(_who_left(token)):
            name = _person_name(state, person)
            if name:
                left.setdefault(name, set()).add(_role_left(token))
        kept.update(filter(None, (_person_name(state, person)
                                  for person in _with_conjuncts(_who_stayed(token)))))
    return {name: roles for name, roles in left.items()
            if not any(_same_name(name, other) for other in kept)}


def _with_conjuncts(people: list[Token]) -> list[Token]:
    """The people and every name coordinated with them: in 'X, Y and Z resigned' the parser
    hangs only X on the verb, and Y and Z on X."""
    found = list(people)
    for person in people:
        found.extend(t for t in person.subtree if t.dep_ == "conj" and t.i != person.i and
                     _conjunct_of(t, person))
    return found


def _conjunct_of(token: Token, person: Token) -> bool:
    """Whether ``token`` is coordinated with ``person`` through a chain of 'conj' arcs."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        if token.i == person.i:
            return True
    return False


def _person_name(state: DocState, token: Token) -> str:
    """The name of the person ``token`` names or stands for; empty for no person."""
    mention = referent(state, token, possessive=True)
    if mention is None or (mention.antecedent or mention).type is not EntityType.PERSON:
        return ""
    return _name(mention.antecedent or mention)


def _who_stayed(token: Token) -> list[Token]:
    """The owners of a resignation, or of an offer to resign, that ``token`` refuses or
    takes back: 'declined X's offer to resign', 'X withdrew his resignation'."""
    words = tenure_words()
    if token.pos_ != "VERB" or token.lemma_.lower() not in words.refusing_verbs:
        return []
    owners = []
    for thing in (c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}):
        if thing.lemma_.lower() in words.leaving_nouns or any(
                c.lemma_.lower() in words.leaving_verbs for c in thing.children
                if c.dep_ in {"acl", "xcomp", "relcl", "compound", "amod"}) or any(
                c.lemma_.lower() in words.leaving_nouns for c in thing.children
                if c.dep_ in {"compound", "amod"}):
            owners.extend(c for c in thing.children if c.dep_ == "poss")
    return owners


def _who_left(token: Token) -> list[Token]:
    """The people a leaving word says left: the subject of 'resign', the object of 'fire'
    (the subject of 'was fired'), the possessor of 'resignation' or its 'of' noun."""
    if token.pos_ not in {"VERB", "NOUN"}:
        return []  # asked of every token of the document: most are neither
    words = tenure_words()
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        particle = next((c.lower_ for c in token.children if c.dep_ in {"prt", "advmod"}
                         and c.i == token.i + 1), "")
        deps = set()
        if lemma in words.leaving_verbs or f"{lemma} {particle}" in words.leaving_verbs:
            deps = {"nsubj"}
        elif lemma in words.removing_verbs:
            deps = {"dobj", "nsubjpass"}
        # Whether the leaving is real is asked only of a leaving verb (most verbs are none).
        return [c for c in token.children if c.dep_ in deps] \
            if deps and not _unreal(token) else []
    if token.pos_ == "NOUN" and lemma in words.leaving_nouns and \
            not (token.head.pos_ in {"VERB", "AUX"} and _unreal(token.head)):
        owners = [c for c in token.children if c.dep_ == "poss"]
        return owners or [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"]
    return []


def _unreal(verb: Token) -> bool:
    """Whether a verb's leaving is not (yet) real: a modal, a negation or an infinitive."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in UNREAL_AUX)
               for c in verb.children)


def _role_left(token: Token) -> str | None:
    """The role a leaving names with 'as' ('resigned as chair' -> 'chair'), else None."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for noun in prep.children:
                if noun.dep_ == "pobj":
                    words = " ".join(t.lower_ for t in noun.lefts
                                     if t.dep_ in {"compound", "amod"})
                    return canonical_role(f"{words} {noun.lower_}") or \
                        canonical_role(noun.lower_) or noun.lemma_.lower()
    return None
