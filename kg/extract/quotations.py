"""Quotations: which words of a document are someone's quoted words, and who says them.

A pronoun means something else inside quote marks: there 'I' and 'we' are the speaker, while
'he', 'she' and 'they' are anyone but the speaker ('"He died in my arms," said Lena Park': not
Park). News quotes with straight or curly double marks; a quote that runs over several
paragraphs leaves each paragraph open and reopens the next one (the printer's convention), and
its speaker is named once, before, after or inside it ('"...," Park said', 'Park said: "..."',
'"...", said Park', 'according to Park, "..."'). Single marks are left out: the closing one is
also the apostrophe ("the players' union").

This module finds the spans and the token that names each one's speaker; what that token stands
for (a name, or a pronoun's antecedent) is ``kg.extract.reference``'s to say.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.extract.gender import reference_words
from kg.relations import load_vocabulary

OPENING = frozenset({"\u201c", "\u201e", "\u00ab", "``"})
CLOSING = frozenset({"\u201d", "\u00bb", "''"})
STRAIGHT = '"'
_KEY = "kg_quotations"


@dataclass(frozen=True)
class Quotation:
    """Quoted words: tokens ``start`` to ``end`` (exclusive), without the marks; ``speaker`` is
    the token that names who says them (the subject of the speech verb, or the object of
    'according to'), None when no one sentence around the quote says."""

    start: int
    end: int
    speaker: int | None


def quotation_at(doc: Doc, body: str, i: int) -> Quotation | None:
    """The quotation token ``i`` stands inside, if any (found once per document); ``body`` is
    the document's text with its line breaks, which the parser read as spaces."""
    for quotation in quotations(doc, body):
        if quotation.start <= i < quotation.end:
            return quotation
    return None


def quotations(doc: Doc, body: str) -> tuple[Quotation, ...]:
    """The document's quotations in reading order, kept on the Doc once found; ``body`` says
    where its paragraphs end (``quotation_at``)."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = _with_speakers(doc, _spans(doc, body))
        doc.user_data[_KEY] = found
    return found


def _spans(doc: Doc, body: str) -> list[tuple[int, int, bool, int]]:
    """(start, end, reopened, paragraph) of each quoted stretch: a mark opens, the next
    closes; a paragraph that ends with a quote open closes it there, and ``reopened`` marks
    the stretch that opens its next paragraph, which goes on with the same quote."""
    spans: list[tuple[int, int, bool, int]] = []
    paragraph = 0
    opened: int | None = None
    reopened = pending = False  # pending: the last paragraph ended inside a quote
    at_start = True
    gap_from = 0
    for token in doc:
        if token.is_space:
            continue
        if "\n" in body[gap_from:token.idx]:  # a new paragraph
            if opened is not None:
                spans.append((opened, _end_before(doc, token.i), reopened, paragraph))
                opened, pending = None, True
            elif not at_start:
                pending = False
            at_start = True
            paragraph += 1
        gap_from = token.idx + len(token.text)
        mark = _mark(token, opened is not None)
        if mark == "open":
            reopened, opened = pending and at_start, token.i + 1
        elif mark == "close" and opened is not None:
            spans.append((opened, token.i, reopened, paragraph))
            opened = None
        if at_start:
            pending, at_start = False, False
    if opened is not None:
        spans.append((opened, len(doc), reopened, paragraph))
    return [s for s in spans if s[1] > s[0]]


def _end_before(doc: Doc, i: int) -> int:
    """Where a stretch that a paragraph break cuts ends: before the spaces that stand for it."""
    while i > 0 and doc[i - 1].is_space:
        i -= 1
    return i


def _mark(token: Token, inside: bool) -> str | None:
    """Whether a token opens or closes a quote ('open', 'close'), or neither."""
    if token.text in OPENING:
        return "open"
    if token.text in CLOSING:
        return "close"
    if token.text == STRAIGHT:
        return "close" if inside else "open"
    return None


@cache
def quoting_verbs() -> frozenset[str]:
    """Verbs whose subject speaks a quote beside them: the speech verbs of the relation
    vocabulary and the quotative verbs of reference.json ('continued', 'spoke to the press')."""
    extra = reference_words()["quoting_verbs"]
    return load_vocabulary().speech_verbs | frozenset(extra)  # type: ignore[arg-type]


def _with_speakers(doc: Doc, spans: list[tuple[int, int, bool, int]]
                   ) -> tuple[Quotation, ...]:
    """Each span with its speaker. A stretch that names no speaker of its own goes on in the
    voice of the stretch next to it when the two are one quote (a paragraph reopened) or
    quotes of one paragraph ('"...," Dravin said. "There were many times ..."'), which
    news gives one speaker; the stretch before is looked at first."""
    inside = {i for start, end, _, _ in spans for i in range(start, end)}
    speakers = [_speaker(doc, start, end, inside) for start, end, _, _ in spans]
    for k in range(1, len(spans)):  # forwards: the speaker named before goes on
        if speakers[k] is None and _one_quote(spans[k - 1], spans[k]):
            speakers[k] = speakers[k - 1]
    for k in range(len(spans) - 2, -1, -1):  # backwards: named after, in a later stretch
        if speakers[k] is None and _one_quote(spans[k], spans[k + 1]):
            speakers[k] = speakers[k + 1]
    return tuple(Quotation(start, end, speaker)
                 for (start, end, _, _), speaker in zip(spans, speakers, strict=True))


def _one_quote(first: tuple[int, int, bool, int], then: tuple[int, int, bool, int]) -> bool:
    """Whether two neighbouring stretches are one speaker's: the second reopens the first's
    paragraph-long quote, or both stand in one paragraph."""
    return then[2] or first[3] == then[3]


def _speaker(doc: Doc, start: int, end: int, inside: set[int]) -> int | None:
    """The one speaker the sentences a quote touches name outside it ('..., Park said', 'Park
    said: ...'), else the sentence before it when that one ends with a colon ('Park said:'
    parsed as a sentence of its own). None when none, or two different ones, are named."""
    sentences = _sentences_over(doc, start, end)
    speakers = {t for s in sentences for t in _speakers_in(s, inside)}
    if not speakers and (introducer := _introducer(doc, start, inside)
                         or _follower(doc, end, inside)) is not None:
        speakers = {introducer}
    if not speakers and sentences and sentences[0].start > 0:
        before = doc[sentences[0].start - 1].sent
        if any(t.text == ":" for t in before[-2:]):
            speakers = set(_speakers_in(before, inside))
    named = {doc[i].lower_ for i in speakers}
    return min(speakers) if len(named) == 1 else None


def _introducer(doc: Doc, start: int, inside: set[int]) -> int | None:
    """The subject of the clause a colon or comma right before a quote closes, which news uses
    to hand over to the quoted words whatever its verb ('Rob Kessel reacted on Twitter,
    "..."', 'Ashby gave his account, speaking via Twitter: "..."'): the first clause with a
    subject of its own up from the word before that mark, outside quotes (the parser often
    hangs the clause under the quote's verb, so the mark's own head says nothing)."""
    if start < 3 or doc[start - 2].text not in {",", ":"}:
        return None
    word = doc[start - 3]
    for _ in range(6):
        if word.i in inside:
            return None
        if word.pos_ in {"VERB", "AUX"}:
            subjects = [c.i for c in word.children if c.dep_ == "nsubj" and c.i not in inside]
            if subjects:
                return subjects[0]
        if word.head.i == word.i:
            return None
        word = word.head
    return None


def _follower(doc: Doc, end: int, inside: set[int]) -> int | None:
    """The subject of a clause that follows a quote after a comma, written subject first
    ('"... was very low", Brackley continued'), whatever its verb: the same hand-over as
    ``_introducer``'s, from the other side."""
    if end >= len(doc) or _mark(doc[end], inside=True) != "close":
        return None  # a stretch a paragraph break cut: what follows is another paragraph
    after = end + 1  # past the closing mark
    if after < len(doc) and doc[after].text == ",":
        after += 1
    elif not (end > 0 and doc[end - 1].text == ","):
        return None
    if after >= len(doc) or after in inside:
        return None
    subject = doc[after]
    while subject.dep_ != "nsubj" and subject.head.i != subject.i and \
            subject.head.i > subject.i and subject.head.i not in inside:
        subject = subject.head  # 'the senator' -> 'senator'
    verb = subject.head
    return subject.i if subject.dep_ == "nsubj" and verb.i > subject.i and \
        verb.i not in inside and verb.pos_ in {"VERB", "AUX"} else None


def _sentences_over(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentences that hold any token from ``start`` to ``end`` (and its marks)."""
    first = doc[max(start - 1, 0)].sent
    last = doc[min(end, len(doc) - 1)].sent
    sentences = [first]
    while sentences[-1].end <= last.start and sentences[-1].end < len(doc):
        sentences.append(doc[sentences[-1].end].sent)
    return sentences


def _speakers_in(sentence: Span, inside: set[int]) -> list[int]:
    """Subjects of speech verbs (``quoting_verbs``) written outside quotes in a sentence, and
    the objects of 'according to' there."""
    found: list[int] = []
    for token in sentence:
        if token.i in inside:
            continue
        if token.lemma_.lower() in quoting_verbs() and token.pos_ in {"VERB", "AUX"}:
            found += [c.i for c in token.children
                      if c.dep_ == "nsubj" and c.i not in inside]
        elif token.lower_ == "according":
            found += [o.i for to in token.children if to.lower_ == "to"
                      for o in to.children if o.dep_ == "pobj" and o.i not in inside]
    return found
