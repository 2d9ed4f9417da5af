"""Which one an unnamed participant is: the words before its head noun that say it.

A fact's object that names nothing ('rejected the resignation', 'stayed in the police
station') is labelled by ``kg.extract.reference`` with its head and the compounds and kind
adjectives right before it. Some words that say which one it is fall outside that label: a
name the parser hangs on the head as 'nmod' ('the Velmar central police station'), a
proper adjective with a hyphenated partner ('the Ostlandic-Ruritanian border agreement'), a
hyphenated kind word ('the state's anti-abortion measure', 'a 40-year sentence'). The blind
judges call the fact without them vague: true but not saying which one. This module puts them
back, before the head, so the head noun stays last as a reader and the gold writers name a
thing (benchmarks/realnews/GOLD_FORMAT.md). The word classes are data
(``data/identifying_modifiers.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.state import DocState, surface_text
from kg.lexicon import data_file
from kg.model import EntityType, Mention
from kg.relations import load_vocabulary

HYPHENS = frozenset({"-", "–"})
POSSESSIVES = ("'s", "’s", "s'", "s’")


@dataclass(frozen=True)
class ModifierWords:
    """``data/identifying_modifiers.json`` as read: the dependency labels of a noun's name
    modifiers, the entity labels of words that name, how many words may be added, and the
    last parts of hyphenated words that say where a thing comes from, not which one."""

    deps: frozenset[str]
    name_types: frozenset[str]
    max_words: int
    origin_parts: frozenset[str]


@cache
def modifier_words() -> ModifierWords:
    data = data_file("identifying_modifiers.json")
    return ModifierWords(deps=frozenset(data["modifier_deps"]),
                         name_types=frozenset(data["name_entity_types"]),
                         max_words=int(data["max_added_words"]),
                         origin_parts=frozenset(data["origin_parts"]))


def identified(state: DocState, mention: Mention) -> Mention:
    """``mention`` with the words before its head that say which one it is added to its label
    (and its span widened to them); the mention itself when it names something, stands for
    something named (a pronoun, a description resolved), is a shell noun whose content is a
    clause (``data/hollow_facts.json``: 'the Ostlandic claim' says no more than 'the claim'),
    or has no such words. A possessor is not added here: kg.extract.reference writes a named
    one already ("Dara Quill's resignation"), and a title one ('the prime minister's') would
    key the thing as the bare noun (kg.resolve's name key drops title words), so that every
    article's 'resignation' would read as the prime minister's."""
    head = _described_head(state, mention)
    if head is None or any(w.endswith(POSSESSIVES) for w in (mention.lemma or "").split()):
        return mention  # ("Dara Quill's report": its owner opens it, nothing goes before)
    start, words = _name_modifiers(state, head, _label_parts(mention.lemma or ""))
    if not words:
        return mention
    while state.doc[start].is_quote:
        start += 1
    begin = min(mention.start, state.doc[start].idx)
    return mention.model_copy(update={
        "start": begin, "text": surface_text(state.document.body[begin:mention.end]),
        "lemma": " ".join([*words, mention.lemma or mention.text])})


def identified_doer(state: DocState, mention: Mention) -> Mention:
    """``identified`` for a fact's subject, only when it says who without the added words
    (``kg.extract.reference.says_who``): the words relabel a fact, and never let in one
    whose lone-noun subject ('the court') kg drops for standing for a name it could not
    link."""
    from kg.extract.reference import says_who  # (reference reads facts' mentions: no cycle)

    return identified(state, mention) if says_who(state, mention) else mention


def _described_head(state: DocState, mention: Mention) -> Token | None:
    """The head noun of a description kg labelled from its own words (a common noun, no
    name, no antecedent, its head word in its label), else None."""
    if mention.type is not EntityType.THING or mention.ner_label is not None or \
            mention.antecedent is not None or mention.is_pronoun or not mention.lemma:
        return None
    span = state.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    if head.pos_ != "NOUN" or head.i in state.mention_at or \
            head.lemma_.lower() in _shell_nouns() or \
            not {head.lemma_.lower(), head.lower_} & set(mention.lemma.lower().split()):
        return None
    return head


def _label_parts(label: str) -> set[str]:
    """The label's words and the parts of its hyphenated words, lower-cased: 'Libya-Turkey
    relations' has 'turkey' already, 'anti Muslim document' has 'anti-Muslim'."""
    words = label.lower().split()
    return set(words) | {p for w in words for p in re.split(r"[-–]", w)}


@cache
def _shell_nouns() -> frozenset[str]:
    return frozenset(data_file("hollow_facts.json")["shell_nouns"])


def _name_modifiers(state: DocState, head: Token, label: set[str]) -> tuple[int, list[str]]:
    """The name words and hyphenated kind words before ``head`` that modify it and that its
    label leaves out (``label``: its words and their parts, lower-cased): where the modifiers
    start and those words as written ('Velmar', 'Ostlandic-Ruritanian', 'anti-abortion', a
    name of several words as one: 'Velmar City Council'). A plain adjective or noun is never
    added: the label left it out on purpose ('the new plan') or kept it."""
    doc, limit = head.doc, modifier_words().max_words
    start = head.i
    while start - 1 >= head.sent.start:
        whole = _named_modifier_start(state, doc[start - 1], head)
        if whole is None and not _modifies(doc[start - 1], head):
            break
        start = start - 1 if whole is None else whole
    if _cuts_a_name(state, doc[start], head):
        return head.i, []  # "the \"Velmar's Den\" hall": not 'Den hall'
    vague = load_vocabulary().vague_modifiers
    words = [w for w in _written_words(state, doc[start:head.i])
             if _identifying(w) and w.text.lower() not in vague
             and not set(re.split(r"[-–\s]", w.text.lower())) <= label]
    if not words or len(words) > limit or _splits_or_reorders(doc[start:head.i], words, label):
        return head.i, []
    return start, [w.text for w in words]


def _splits_or_reorders(run: Span, words: list[WrittenWord], label: set[str]) -> bool:
    """Whether adding ``words`` before the label would show part of a name the recogniser
    read ('North' of 'a North Korean rifle': 'North rifle') or put a word before one of the
    label's own that the text has after it ('Korean' before the label 'North delegation')."""
    added = {t.i for w in words for t in w.tokens}
    for ent in run.doc.ents:
        words_of_name = {t.i for t in ent if run.start <= t.i < run.end and
                         not t.is_punct and not t.is_quote and t.pos_ != "DET"}
        if words_of_name & added and not words_of_name <= added:
            return True
    kept = [t.i for t in run if t.i not in added and t.lower_ in label]
    return bool(kept) and min(kept) < max(added)


def _cuts_a_name(state: DocState, first: Token, head: Token) -> bool:
    """Whether the modifiers, starting at ``first``, begin inside a name: one the recogniser
    read from further left, or one whose possessive ('Velmar's Den') hangs on a word of the
    run."""
    named = state.mention_at.get(first.i)
    if named is not None and named.start < first.idx:
        return True
    before = first.doc[first.i - 1] if first.i > 0 else None
    return before is not None and before.dep_ == "case" and \
        first.i <= before.head.head.i < head.i


def _named_modifier_start(state: DocState, token: Token, head: Token) -> int | None:
    """Where a name of several words ends at ``token`` and modifies ``head`` as one word
    ('the Velmar City Council vote': the parser hangs 'Council' on 'vote' and the rest on
    'Council'): its first token; None for any other word."""
    named = state.mention_at.get(token.i)
    if named is None or named.ner_label is None:
        return None
    span = token.doc.char_span(named.start, named.end, alignment_mode="expand")
    if span is None or span.end != token.i + 1 or span.start > token.i:
        return None
    root = span.root
    if root.head.i != head.i or root.dep_ not in modifier_words().deps:
        return None
    return span.start


@dataclass(frozen=True)
class WrittenWord:
    """A word as written between spaces, with the tokens the tokenizer made of it
    ('Ostlandic', '-', 'Ruritanian'), or a name of several words ('Velmar City Council')."""

    text: str
    tokens: tuple[Token, ...]
    named: bool = False


def _written_words(state: DocState, tokens: Span) -> list[WrittenWord]:
    """The tokens regrouped into the words written between spaces, a name's words into one,
    quote marks left out."""
    words: list[WrittenWord] = []
    run: list[Token] = []
    index = tokens.start
    while index < tokens.end:
        token = tokens.doc[index]
        named = state.mention_at.get(index)
        if named is not None and named.ner_label is not None and len(named.text.split()) > 1:
            span = tokens.doc.char_span(named.start, named.end, alignment_mode="expand")
            if span is not None and span.start == index and span.end <= tokens.end:
                # (as written: a name kg reads as its full form, 'US', is in the label so)
                end = _glued_end(span, tokens.end)
                glued = tokens.doc[span.start:end]
                words.append(WrittenWord(surface_text(glued.text), tuple(glued),
                                         named=end == span.end))
                index = end
                continue
        if not token.is_quote:
            run.append(token)
        if token.whitespace_ or index == tokens.end - 1:
            if run:
                words.append(WrittenWord("".join(t.text for t in run), tuple(run)))
            run = []
        index += 1
    return words


def _glued_end(span: Span, stop: int) -> int:
    """Where the word a name opens ends: the name's end, or past the hyphenated tail written
    onto it ('Velora Oil-owned'), which makes the name part of another word."""
    doc, end = span.doc, span.end
    while end < stop and not doc[end - 1].whitespace_ and \
            (doc[end].text in HYPHENS or doc[end - 1].text in HYPHENS):
        end += 1  # (a closing quote mark glued to the name is no tail: '"Best Hero" award')
    return end


def _identifying(word: WrittenWord) -> bool:
    """A word that says which one: a name ('Velmar'), or a hyphenated word whose parts are
    letters or numbers ('Ostlandic-Ruritanian', 'anti-abortion', '40-year') and that does not
    say where the thing was made or who backs it ('Velmar-made', ``origin_parts``)."""
    if word.named:
        return True
    if " " in word.text:
        return False  # a name with a tail ('Velora Oil-owned'): it says who did something
    parts = re.split(r"[-–]", word.text)
    if len(parts) > 1:  # ('a Russian-produced rifle' is the rifle others write bare)
        return all(p.isalnum() for p in parts) and \
            parts[-1].lower() not in modifier_words().origin_parts
    return any(_names(t) for t in word.tokens)


def _modifies(token: Token, head: Token) -> bool:
    """Whether a word before the head belongs to its modifiers: it hangs on the head or on a
    word between itself and the head ('Ostlandic' on 'Ruritanian' of 'Ostlandic-Ruritanian')
    with a modifier's label, or is a part of a hyphenated word ('40-year') or a quote mark."""
    if token.is_quote:
        return True  # "the 'Falcon' rescue", whichever word the parser hangs the mark on
    if not token.i < token.head.i <= head.i:
        return False
    return _hyphenated(token) or token.dep_ in modifier_words().deps


def _names(token: Token) -> bool:
    """A capitalised word that names something: a proper noun or a word inside a name."""
    return token.is_alpha and token.text[:1].isupper() and \
        (token.pos_ == "PROPN" or token.ent_type_ in modifier_words().name_types)


def _glued_hyphen(token: Token) -> bool:
    doc = token.doc
    return token.text in HYPHENS and not token.whitespace_ and token.i > 0 and \
        not doc[token.i - 1].whitespace_


def _hyphenated(token: Token) -> bool:
    """A hyphen written inside a word, or a part of such a word ('anti-abortion',
    '40-year'): a compound adjective says what kind, which the label's loop over plain
    words cannot keep."""
    if _glued_hyphen(token) or any(h in token.text[1:-1] for h in HYPHENS):
        return True  # (a word kg.nlp merged: 'anti-abortion')
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (token.is_alpha or token.like_num) and (
        (after is not None and not token.whitespace_ and _glued_hyphen(after)) or
        (before is not None and _glued_hyphen(before)))
