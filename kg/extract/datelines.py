"""The dateline as a sentence of its own: 'MODESTO, Calif. — ' says where a story was filed;
and the citation line of a monitored report, 'Moscow Interfax in English 1120 GMT', says where
the outlet it quotes is based.

The body blanks the dateline (see ``kg.datelines``), so the parser never sees it and cannot make
the city the subject of the lede. Its place and region become mentions here, from the record on
the Document, and 'MODESTO, Calif.' is the fact Fresno locatedIn California, quoted from the
dateline itself. The dateline's sentence is numbered after the body's, so the parse's own
numbering (which pronoun search counts back through) is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.facts import fact_at, make_fact
from kg.extract.state import DocState, make_mention
from kg.gazetteer import lookup
from kg.lexicon import source_lines
from kg.model import Dateline, Document, EntityType, Fact, Mention, Sentence

_SEPARATORS = " \t—–-:"


@dataclass(frozen=True)
class DatelineReading:
    """What a dateline adds to a document's extraction."""

    sentence: Sentence
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]


def read_dateline_facts(document: Document, index: int) -> DatelineReading | None:
    """The dateline's sentence (numbered ``index``), its place mentions and its place fact."""
    dateline = document.dateline
    if dateline is None:
        return None
    quote = document.text[dateline.start:dateline.end].rstrip(_SEPARATORS)
    sentence = Sentence(doc_id=document.doc_id, index=index, start=dateline.start,
                        end=dateline.start + len(quote), text=quote)
    place = _mention(document, index, dateline.place_start, dateline.place_end, dateline.place)
    if dateline.region is None or dateline.region_start is None or dateline.region_end is None:
        return DatelineReading(sentence, (place,), ())
    region = _mention(document, index, dateline.region_start, dateline.region_end,
                      dateline.region)
    fact = fact_at(document.doc_id, sentence, _comma(document.text, dateline),
                   predicate="locatedIn", lemma="locatedIn", subject=place, obj=region,
                   rule="dateline", roles=())
    return DatelineReading(sentence, (place, region), (fact,))


def _mention(document: Document, index: int, start: int, end: int, name: str) -> Mention:
    """A place named in the dateline, under the name a reader uses ('Fresno', 'California')."""
    return Mention(doc_id=document.doc_id, sentence_index=index, start=start, end=end,
                   text=name, type=EntityType.PLACE, ner_label="GPE")


def _comma(text: str, dateline: Dateline) -> tuple[int, int, str]:
    """The comma between place and region states the containment, as in 'Paris, France'."""
    at = text.find(",", dateline.place_end, dateline.region_start)
    return (at, at + 1, ",") if at >= 0 else (dateline.place_start, dateline.place_end,
                                               text[dateline.place_start:dateline.place_end])


def source_line_facts(state: DocState, sentence: Sentence, sent: Span) -> Iterator[Fact]:
    """'LD0311120294 Moscow Interfax in English 1120 GMT 3 Nov 94', or a line that is only
    'Paris AFP': the citation of a monitored report names a city and the outlet based there
    (basedIn). Read from the words, not the parse: the parser takes such a line for a noun
    phrase ('Moscow' a compound on the outlet) and the recogniser often glues both names.
    Without a report number the line must be the two names and nothing else, so prose that
    opens with a city ('Paris Hilton said ...') is no citation."""
    number = re.compile(source_lines()["report_number"])
    tokens = list(sent)
    starts = [i + 1 for i, t in enumerate(tokens) if number.match(t.text)] or [0]
    for start in starts:
        found = _city_and_outlet(state, tokens, start, numbered=start > 0)
        if found is None:
            continue
        city, outlet = found
        place = _named(state, city, EntityType.PLACE, "GPE")
        organisation = _named(state, outlet, EntityType.ORGANIZATION, "ORG")
        yield make_fact(state, sentence, outlet, predicate="basedIn", lemma="basedIn",
                        subject=organisation, obj=place, rule="source-line", roles=())
        return


def _city_and_outlet(state: DocState, tokens: list[Token], start: int, *,
                     numbered: bool) -> tuple[Span, Span] | None:
    """The city (the longest run of up to three words the gazetteer knows as a city) and the
    outlet's name after it (capitalised words up to a stop word, a number or the end)."""
    doc = state.doc
    city_end = next((start + size for size in (3, 2, 1) if start + size < len(tokens) and
                     _is_city(state, tokens[start:start + size])), None)
    if city_end is None:
        return None
    stops = set(source_lines()["stop_words"])
    end = city_end
    while end < len(tokens) and _outlet_word(tokens, end, stops):
        end += 1
    if end == city_end or lookup(" ".join(t.text for t in tokens[city_end:end])) is not None:
        return None
    rest = [t for t in tokens[end:] if not t.is_punct or t.text == "("]
    follows = not rest or (numbered and (
        rest[0].text == "(" or rest[0].text[0].isdigit() or (
            rest[0].lower_ == "in" and len(rest) > 1 and rest[1].text[:1].isupper())))
    if not follows or (not numbered and (any(t.pos_ in {"VERB", "AUX"} for t in tokens) or
                                         not _outlet_name(tokens[city_end:end]))):
        return None
    return (doc[tokens[start].i:tokens[city_end - 1].i + 1],
            doc[tokens[city_end].i:tokens[end - 1].i + 1])


def _outlet_name(words: list[Token]) -> bool:
    """'AFP', 'RIA-KYODO', 'Radio Alvora Network': in capitals, or ending in an outlet word."""
    letters = "".join(c for w in words for c in w.text if c.isalpha())
    return (len(letters) >= 2 and letters.isupper()) or \
        words[-1].lower_ in source_lines()["outlet_words"]


def _is_city(state: DocState, words: list[Token]) -> bool:
    """A city the gazetteer knows, or a place name the recogniser found alone ('Kiev')."""
    if not all(w.text[:1].isupper() for w in words):
        return False
    place = lookup(" ".join(w.text for w in words))
    if place is not None:
        return place.kind == "city"
    named = state.mention_at.get(words[0].i)
    return named is not None and named.type is EntityType.PLACE and \
        (named.start, named.end) == (words[0].idx, words[-1].idx + len(words[-1].text))


def _outlet_word(tokens: list[Token], at: int, stops: set[str]) -> bool:
    """A word of an outlet's name: capitalised ('KYODO', 'Radio', 'O'), or a hyphen or a
    number glued into one ('RIA-KYODO', 'UT-1')."""
    token = tokens[at]
    glued = at > 0 and (not tokens[at - 1].whitespace_) and tokens[at - 1].text == "-"
    if token.text == "-" and not token.whitespace_ and at > 0 and \
            not tokens[at - 1].whitespace_:
        return True
    if token.lower_ in stops:
        return False
    return token.text[:1].isupper() or (glued and token.text[:1].isdigit())


def _named(state: DocState, span: Span, kind: EntityType, label: str) -> Mention:
    """The recogniser's mention when it covers exactly these words, else a new one."""
    found = state.mention_at.get(span.start)
    if found is not None and found.type is kind and \
            (found.start, found.end) == (span.start_char, span.end_char):
        return found
    return make_mention(state, span, kind, ner_label=label)
