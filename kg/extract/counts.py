"""Numbers that stand for people: 'the blast killed 12', 'at least seventeen were killed',
'twelve died', 'the quake left five dead'. A bare number names nothing by itself, but when
the verb's frame fixes what its object (or its subject) is, the number counts that kind
('12 people'), and the fact says who was harmed, rescued or hired. The verb classes are
data (``counted_participants.json``; the fates of 'leave ... dead' are nominal_events.json's
'fate_causes'); a number that is not a plain count (a year, money, a share, a measure, a
time) is never read as people."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from kg.extract.frames import verb_lemma
from kg.extract.state import DocState, make_mention
from kg.lexicon import data_file, event_nouns
from kg.model import EntityType, Mention

# Entity labels a plain count may carry: a number the recogniser calls a date, money, a
# percentage, a quantity, a time or an ordinal is not a count of people.
COUNT_LABELS = frozenset({"", "CARDINAL"})
# Marks inside a count written in digits ('35,000').
DIGIT_MARKS = str.maketrans("", "", ",")
# One is a person the text names or describes, not a count ('one died' is rare and vague).
SINGLE_COUNTS = frozenset({"one", "1"})
# How the parser hangs a fate word on 'leave': 'left two dead', 'left nine injured'.
FATE_DEPS = frozenset({"oprd", "ccomp", "xcomp", "acomp"})
# What those left dead or injured are.
FATE_KIND = "people"


@cache
def counted_verbs() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Per counted kind ('people'), the verbs whose object counts it and those whose
    subject does (data/counted_participants.json)."""
    table = data_file("counted_participants.json")
    return {kind: (frozenset(verbs["objects"]), frozenset(verbs["subjects"]))
            for kind, verbs in table.items() if not kind.startswith("_")}


def plain_count(number: Token) -> bool:
    """Whether a token is a bare count of two or more: a cardinal in digits or words with no
    noun of its own, and no label saying it is a year, money, a share or a measure."""
    if number.pos_ != "NUM" or number.tag_ != "CD" or number.ent_type_ not in COUNT_LABELS:
        return False
    if (number.dep_ == "nummod" and number.head.pos_ in {"NOUN", "PROPN"}) or \
            any(c.dep_ == "prep" for c in number.children):
        return False  # '12 people', '4 of the seats': the noun says what is counted
    if number.lower_ in SINGLE_COUNTS or any(c.dep_ == "det" for c in number.children):
        return False  # 'these three', 'the two' refer back to ones counted before
    return number.text.translate(DIGIT_MARKS).isdigit() or number.is_alpha


def fate_of(verb: Token) -> Token | None:
    """The fate word of 'left five dead' / 'left seven riders dead' when ``verb`` is a verb
    of leaving (nominal_events.json 'resultative_verbs'); None otherwise."""
    lexicon = event_nouns()
    if verb.pos_ != "VERB" or verb_lemma(verb) not in lexicon.resultative_verbs:
        return None
    on_verb = (c for c in verb.children if c.lower_ in lexicon.fate_causes and (
        c.dep_ in FATE_DEPS or (c.dep_ == "dobj" and _count_on(c) is not None)))
    # 'leaves two dead': the parser reads the fate word as the object's modifier
    on_object = (c for o in verb.children if o.dep_ == "dobj" for c in o.children
                 if c.dep_ == "amod" and c.i > o.i and c.lower_ in lexicon.fate_causes)
    return next(on_verb, None) or next(on_object, None)


def _count_on(fate: Token) -> Token | None:
    """The number the parser hangs on a fate word: 'left five dead' read as 'five dead'."""
    return next((c for c in fate.children if c.dep_ == "nummod" and c.pos_ == "NUM"), None)


def fate_victim(verb: Token) -> Token | None:
    """Whom 'leave ... dead' harmed: its object, or the number the parser hangs on the fate
    word ('left five dead' read as 'five dead')."""
    fate = fate_of(verb)
    if fate is None:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c != fate), None) or \
        _count_on(fate)


def counted_kind(number: Token, *, fated: bool = False) -> str | None:
    """The kind a bare number counts from its verb's frame: 'people' for the object of
    'killed 12', the passive subject of 'seventeen were killed' and the subject of 'twelve
    died'; with ``fated``, for the fate reading only, the one left in 'left five dead' (as
    the plain object of 'left' the number would make 'left five people' a departure)."""
    if not plain_count(number):
        return None
    verb = number.head
    if number.dep_ == "nummod" and verb.dep_ in FATE_DEPS | {"dobj"}:
        verb = verb.head  # 'left five dead': the parser counts the fate word
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    if fated:
        return FATE_KIND if fate_victim(verb) == number else None
    lemma = verb_lemma(verb)
    for kind, (objects, subjects) in counted_verbs().items():
        if (number.dep_ in {"dobj", "nsubjpass"} and lemma in objects) or \
                (number.dep_ == "nsubj" and lemma in subjects):
            return kind
    return None


def counted_participant(state: DocState, number: Token, *, fated: bool = False
                        ) -> Mention | None:
    """The participant a bare number stands for ('12 people' for 'the quake killed 12'), or
    None when its verb does not say what it counts; ``fated`` as ``counted_kind``."""
    kind = counted_kind(number, fated=fated)
    if kind is None:
        return None
    return make_mention(state, number.doc[number.i:number.i + 1], EntityType.THING,
                        ner_label=None, lemma=f"{number.lower_} {kind}")
